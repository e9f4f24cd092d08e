//! The word lists entity rules consult, parsed once into sets.
//!
//! The lists themselves are data files of the language layer
//! (`corpus_text::lexicon`), which keeps them sorted.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use corpus_text::lexicon::{
    ACRONYMS, ACRONYM_SKIPPED_WORDS, APPOSITION_STOPS, COMMON_WORDS, COMPANY_SUFFIXES,
    COUNTRY_ABBREVIATIONS, GIVEN_NAMES, KNOWN_ORGS, NAME_CONNECTORS, NAME_HONORIFICS,
    NAME_LINE_FILLERS, NOT_ACRONYMS, ORG_CUES, ORG_FRONT_HEADS, ORG_HEADS, ORG_KEY_IGNORED_WORDS,
    ORG_WORDS, PLACES, PORTFOLIOS, ROLE_DESCRIPTORS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_STOPS,
    SPEAKER_VERB_FORMS, STREET_WORDS, SURNAME_PARTICLES, SURNAME_TITLES,
};

/// The lists, parsed.
pub struct Lexicon {
    pub given_names: FxHashSet<&'static str>,
    pub honorifics: FxHashSet<&'static str>,
    /// Lowercase.
    pub role_heads: FxHashSet<&'static str>,
    pub org_heads: FxHashSet<&'static str>,
    pub org_front_heads: FxHashSet<&'static str>,
    /// Words that make a name an organisation's ("Brothers", "Securities").
    pub org_words: FxHashSet<&'static str>,
    /// Last words of a company's name ("Inc", "Corp").
    pub company_suffixes: FxHashSet<&'static str>,
    /// Lowercase.
    pub org_cues: FxHashSet<&'static str>,
    pub known_orgs: FxHashSet<&'static str>,
    pub not_acronyms: FxHashSet<&'static str>,
    /// Lowercase.
    pub common_words: FxHashSet<&'static str>,
    /// Acronym to full name.
    pub acronyms: FxHashMap<&'static str, &'static str>,
    pub places: FxHashSet<String>,
    /// Countries' abbreviations, without full stops ("US").
    pub country_abbreviations: FxHashSet<&'static str>,
    /// Lowercase words naming a portfolio after "Minister of".
    pub portfolios: FxHashSet<&'static str>,
    /// Lowercase words joining one name's capitalised words ("of", "van").
    pub connectors: FxHashSet<&'static str>,
    /// Lowercase particles that open a surname ("de", "van"), each also a
    /// connector.
    pub surname_particles: FxHashSet<&'static str>,
    /// Lowercase titles before a surname alone ("president").
    pub surname_titles: FxHashSet<&'static str>,
    /// Last words of street names ("Street").
    pub street_words: FxHashSet<&'static str>,
    /// Lowercase words before a role that are not part of it.
    pub role_descriptors: FxHashSet<&'static str>,
    /// Lowercase words that qualify a role ("joint").
    pub role_modifiers: FxHashSet<&'static str>,
    /// Lowercase words that end a role read backwards from a name.
    pub role_stops: FxHashSet<&'static str>,
    /// Lowercase words that end a role written after a name.
    pub apposition_stops: FxHashSet<&'static str>,
    /// Lowercase verb forms that follow a speaker's name ("said").
    pub speaker_verbs: FxHashSet<&'static str>,
    /// Lowercase words an acronym leaves out ("of").
    pub acronym_skipped: FxHashSet<&'static str>,
    /// Lowercase words that may stand with names on a line of names.
    pub name_line_fillers: FxHashSet<&'static str>,
    /// Lowercase words an organisation's name may add or drop.
    pub org_key_ignored: FxHashSet<&'static str>,
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        given_names: GIVEN_NAMES.entries().collect(),
        honorifics: NAME_HONORIFICS.entries().collect(),
        role_heads: ROLE_HEADS.entries().collect(),
        org_heads: ORG_HEADS.entries().collect(),
        org_front_heads: ORG_FRONT_HEADS.entries().collect(),
        org_words: ORG_WORDS.entries().collect(),
        company_suffixes: COMPANY_SUFFIXES.entries().collect(),
        org_cues: ORG_CUES.entries().collect(),
        known_orgs: KNOWN_ORGS.entries().collect(),
        not_acronyms: NOT_ACRONYMS.entries().collect(),
        common_words: COMMON_WORDS.entries().collect(),
        acronyms: ACRONYMS.pairs().collect(),
        places: PLACES.entries().map(str::to_string).collect(),
        country_abbreviations: COUNTRY_ABBREVIATIONS.entries().collect(),
        portfolios: PORTFOLIOS.entries().collect(),
        connectors: NAME_CONNECTORS.entries().collect(),
        surname_particles: SURNAME_PARTICLES.entries().collect(),
        surname_titles: SURNAME_TITLES.entries().collect(),
        street_words: STREET_WORDS.entries().collect(),
        role_descriptors: ROLE_DESCRIPTORS.entries().collect(),
        role_modifiers: ROLE_MODIFIERS.entries().collect(),
        role_stops: ROLE_STOPS.entries().collect(),
        apposition_stops: APPOSITION_STOPS.entries().collect(),
        speaker_verbs: SPEAKER_VERB_FORMS.entries().collect(),
        acronym_skipped: ACRONYM_SKIPPED_WORDS.entries().collect(),
        name_line_fillers: NAME_LINE_FILLERS.entries().collect(),
        org_key_ignored: ORG_KEY_IGNORED_WORDS.entries().collect(),
    })
}

/// Place names, as written ("Northern Ireland").
pub fn places() -> &'static FxHashSet<String> {
    &get().places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer_lookups() {
        let lexicon = get();
        let cases: &[(&str, bool)] = &[
            ("Jeremy", true),
            ("Humza", true),
            ("Hunt", false),
            ("Tuesday", false),
        ];
        for (word, expected) in cases {
            assert_eq!(
                lexicon.given_names.contains(word),
                *expected,
                "given name {word:?}"
            );
        }
        assert_eq!(
            lexicon.acronyms.get("HEE"),
            Some(&"Health Education England")
        );
        assert!(places().contains("Northern Ireland") && !places().contains("Northern"));
    }
}
