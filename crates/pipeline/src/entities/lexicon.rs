//! The word lists entity rules consult, parsed once into sets.
//!
//! The lists themselves are data files of the language layer
//! (`corpus_text::lexicon`), which keeps them sorted.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use corpus_text::lexicon::{
    ACRONYMS, COMMON_WORDS, GIVEN_NAMES, KNOWN_ORGS, NAME_HONORIFICS, NOT_ACRONYMS, ORG_CUES,
    ORG_FRONT_HEADS, ORG_HEADS, PLACES, ROLE_HEADS,
};

/// The lists, parsed.
pub struct Lexicon {
    pub given_names: HashSet<&'static str>,
    pub honorifics: HashSet<&'static str>,
    /// Lowercase.
    pub role_heads: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    pub org_front_heads: HashSet<&'static str>,
    /// Lowercase.
    pub org_cues: HashSet<&'static str>,
    pub known_orgs: HashSet<&'static str>,
    pub not_acronyms: HashSet<&'static str>,
    /// Lowercase.
    pub common_words: HashSet<&'static str>,
    /// Acronym to full name.
    pub acronyms: HashMap<&'static str, &'static str>,
    pub places: HashSet<String>,
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
        org_cues: ORG_CUES.entries().collect(),
        known_orgs: KNOWN_ORGS.entries().collect(),
        not_acronyms: NOT_ACRONYMS.entries().collect(),
        common_words: COMMON_WORDS.entries().collect(),
        acronyms: ACRONYMS.pairs().collect(),
        places: PLACES.entries().map(str::to_string).collect(),
    })
}

/// Place names, as written ("Northern Ireland").
pub fn places() -> &'static HashSet<String> {
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
