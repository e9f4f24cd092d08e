//! The word lists quote extraction relies on, parsed once from the language
//! layer's data files (`corpus_text::lexicon`).
//!
//! Invariant: every list is loaded from a file compiled into the crate, so a
//! malformed line is a build-time mistake caught by the tests in this module,
//! never a runtime surprise; lookups are case-insensitive except where noted.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use corpus_text::words::lowercased;

use corpus_text::lexicon::{
    WordList, AUX_WORDS, FINITE_WORDS, FURNITURE_WORDING, GIVEN_NAME_GENDERS, ORG_WORDS,
    REPORTING_VERBS, REPORTING_VERBS_OTHER_LANGUAGES, ROLE_WORDS, SPEAKER_HONORIFICS,
};

/// What a reporting verb form can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    /// The dictionary form ("say" for "said", "go on" for "went on").
    pub lemma: String,
    /// The verb can introduce reported (indirect) speech.
    pub reports: bool,
    /// The verb takes its listener as an object before the content ("told HSJ").
    pub takes_object: bool,
}

/// Which pronoun a title implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
    Unknown,
}

/// All the lists, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Verb forms by lowercase form; multi-word forms use a single space.
    pub verbs: FxHashMap<String, VerbForm>,
    /// First words of the verb forms of two words ("went" of "went on").
    verb_phrase_openers: FxHashSet<String>,
    /// Titles before names by exact spelling ("Mr", "Professor").
    pub honorifics: FxHashMap<String, Gender>,
    /// Given names worn by men or by women, by exact spelling ("Janet").
    pub given_name_genders: FxHashMap<String, Gender>,
    roles: FxHashSet<String>,
    orgs: FxHashSet<String>,
    aux: FxHashSet<String>,
    finite: FxHashSet<String>,
    furniture_prefixes: Vec<String>,
    furniture_suffixes: Vec<String>,
}

/// `word f|m` lines: each word with the gender it implies.
fn gendered_words(list: WordList) -> FxHashMap<String, Gender> {
    list.entries()
        .map(|line| {
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default().to_string();
            let gender = match parts.next() {
                Some("f") => Gender::Female,
                Some("m") => Gender::Male,
                _ => Gender::Unknown,
            };
            (word, gender)
        })
        .collect()
}

fn lowercase_set(list: WordList) -> FxHashSet<String> {
    list.entries().map(str::to_lowercase).collect()
}

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let mut verbs = FxHashMap::default();
        let lines = REPORTING_VERBS.entries();
        for line in lines.chain(REPORTING_VERBS_OTHER_LANGUAGES.entries()) {
            let mut fields = line.split('|').map(str::trim);
            let (lemma, flags, forms) = (fields.next(), fields.next(), fields.next());
            let (Some(lemma), Some(flags), Some(forms)) = (lemma, flags, forms) else {
                panic!("data/reporting_verbs.txt: malformed line {line:?}");
            };
            for form in forms.split_whitespace() {
                let verb = VerbForm {
                    lemma: lemma.to_string(),
                    reports: flags.contains('r'),
                    takes_object: flags.contains('o'),
                };
                verbs.insert(form.replace('_', " "), verb);
            }
        }
        let honorifics = gendered_words(SPEAKER_HONORIFICS);
        let given_name_genders = gendered_words(GIVEN_NAME_GENDERS);
        let mut furniture_prefixes = Vec::new();
        let mut furniture_suffixes = Vec::new();
        for line in FURNITURE_WORDING.entries() {
            match line.split_once(' ') {
                Some(("prefix", marker)) => furniture_prefixes.push(marker.to_lowercase()),
                Some(("suffix", marker)) => furniture_suffixes.push(marker.to_lowercase()),
                _ => panic!("data/furniture_wording.txt: malformed line {line:?}"),
            }
        }
        let verb_phrase_openers = verbs
            .keys()
            .filter_map(|form| form.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        Lexicon {
            verb_phrase_openers,
            verbs,
            honorifics,
            given_name_genders,
            roles: lowercase_set(ROLE_WORDS),
            orgs: ORG_WORDS.entries().map(str::to_string).collect(),
            aux: lowercase_set(AUX_WORDS),
            finite: lowercase_set(FINITE_WORDS),
            furniture_prefixes,
            furniture_suffixes,
        }
    }

    /// The reporting verb spelled `form` (any case), if it is one.
    pub fn verb(&self, form: &str) -> Option<&VerbForm> {
        self.verbs.get(lowercased(form).as_ref())
    }

    /// Whether the lowercase word `first` opens a verb form of two words.
    pub fn opens_a_verb_phrase(&self, first: &str) -> bool {
        self.verb_phrase_openers.contains(first)
    }

    /// "secretary", "chief", "spokesperson": a word that names a role.
    pub fn is_role_word(&self, word: &str) -> bool {
        let lower = lowercased(word);
        self.roles.contains(lower.as_ref())
            || lower
                .strip_suffix('s')
                .is_some_and(|one| self.roles.contains(one))
    }

    /// "State", "Energy": a word naming a portfolio after "Minister of".
    pub fn is_portfolio(&self, word: &str) -> bool {
        crate::entities::lexicon::get()
            .portfolios
            .contains(lowercased(word).as_ref())
    }

    /// "Office", "NHS", "Employers": a word that makes a name an
    /// organisation or place (case-sensitive: "office" is not a name).
    pub fn is_org_word(&self, word: &str) -> bool {
        self.orgs.contains(word)
    }

    /// "has", "also", "would": may stand between a subject and its verb.
    pub fn is_aux(&self, word: &str) -> bool {
        self.aux.contains(lowercased(word).as_ref())
    }

    /// Whether `word` is a finite verb form, so the text holding it is a clause.
    pub fn is_finite(&self, word: &str) -> bool {
        let lower = word.to_lowercase().replace('’', "'");
        self.finite.contains(&lower)
            || (lower.len() > 4 && lower.ends_with("ed"))
            || ["'ll", "'d", "'s", "'ve", "'re", "'m", "n't"]
                .iter()
                .any(|c| lower.ends_with(c))
    }

    /// Whether a block reading `text` is a link or teaser by its wording.
    pub fn is_furniture(&self, text: &str) -> bool {
        let lower = text.trim().to_lowercase();
        self.furniture_prefixes
            .iter()
            .any(|p| lower.starts_with(p.as_str()))
            || self
                .furniture_suffixes
                .iter()
                .any(|s| lower.ends_with(s.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let lex = Lexicon::get();
        let cases: &[(&str, bool, bool)] = &[
            ("said", true, false),
            ("told", true, true),
            ("went on", false, false),
            ("Says", true, false),
        ];
        for &(form, reports, takes_object) in cases {
            let verb = lex
                .verb(form)
                .unwrap_or_else(|| panic!("{form:?} should be a reporting verb"));
            assert_eq!(
                (verb.reports, verb.takes_object),
                (reports, takes_object),
                "flags of {form:?}"
            );
        }
        assert!(
            lex.verb("walked").is_none(),
            "walked is not a reporting verb"
        );
        assert_eq!(lex.honorifics.get("Mrs"), Some(&Gender::Female));
        assert!(lex.is_finite("he'll") && lex.is_finite("rejected") && !lex.is_finite("action"));
        assert!(
            lex.is_furniture("READ MORE: Doctors outline five steps")
                && !lex.is_furniture("He read more books.")
        );
    }
}
