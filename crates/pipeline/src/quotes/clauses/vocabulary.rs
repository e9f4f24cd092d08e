//! The word lists reporting clauses consult, each parsed once into a set
//! from the language layer's data files (`corpus_text::lexicon`).
//!
//! Invariant: every list is lowercase and lookups are exact, so callers pass
//! lowercase words.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use corpus_text::lexicon::{
    WordList, BE_FORMS, CLAUSE_JOINERS, COMMON_WORDS, DETERMINERS, NAMING_WORDS, NEGATIONS,
    NON_SUBJECT_OPENERS, NOUN_LIKE_VERBS, NOUN_MARKERS, OBJECT_PRONOUNS, PHRASE_OPENERS,
    QUANTIFIERS, REFUSAL_VERBS, RELATIVE_SUBJECT_STOPS, SPEAKER_NAME_CONNECTORS, SUBJECT_PRONOUNS,
    SUBJECT_STOPS,
};

/// A word list's entries as a set, built on first use.
pub struct Vocabulary {
    list: WordList,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Vocabulary {
    const fn of(list: WordList) -> Vocabulary {
        Vocabulary {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is an entry.
    pub fn has(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.entries().collect())
            .contains(word)
    }

    /// The entries, in the list's order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.list.entries()
    }
}

/// "but", "which", "when": ends a subject read back from its verb.
pub static SUBJECT_STOP: Vocabulary = Vocabulary::of(SUBJECT_STOPS);
/// "the", "media", "of": makes the verb form after it a noun.
pub static NOUN_MARKER: Vocabulary = Vocabulary::of(NOUN_MARKERS);
/// "claim", "report": a lemma whose bare and -s forms are also nouns.
pub static NOUN_LIKE_VERB: Vocabulary = Vocabulary::of(NOUN_LIKE_VERBS);
/// "in", "on", "yesterday": opens a phrase between a verb and "that".
pub static PHRASE_OPENER: Vocabulary = Vocabulary::of(PHRASE_OPENERS);
/// "he", "we": a pronoun as subject.
pub static SUBJECT_PRONOUN: Vocabulary = Vocabulary::of(SUBJECT_PRONOUNS);
/// "him", "them": a pronoun as listener.
pub static OBJECT_PRONOUN: Vocabulary = Vocabulary::of(OBJECT_PRONOUNS);
/// "the", "his": opens a noun phrase.
pub static DETERMINER: Vocabulary = Vocabulary::of(DETERMINERS);
/// "it", "however": capitalised only for opening a sentence.
pub static COMMON_WORD: Vocabulary = Vocabulary::of(COMMON_WORDS);
/// "called", "described", "as": words by which someone names something.
pub static NAMING_WORD: Vocabulary = Vocabulary::of(NAMING_WORDS);
/// "one", "another": opens a description as a determiner does.
pub static QUANTIFIER: Vocabulary = Vocabulary::of(QUANTIFIERS);
/// "it", "but", "in": capitalised first, opens a clause, not a name.
pub static NON_SUBJECT_OPENER: Vocabulary = Vocabulary::of(NON_SUBJECT_OPENERS);
/// "was", "been": makes the participle after it passive.
pub static BE_FORM: Vocabulary = Vocabulary::of(BE_FORMS);
/// "declined", "refused": negates the verb after it.
pub static REFUSAL_VERB: Vocabulary = Vocabulary::of(REFUSAL_VERBS);
/// "not", "never": negates the verb after it.
pub static NEGATION: Vocabulary = Vocabulary::of(NEGATIONS);
/// "from", "of": ends a subject read back from ", who".
pub static RELATIVE_SUBJECT_STOP: Vocabulary = Vocabulary::of(RELATIVE_SUBJECT_STOPS);
/// "and", "but": dropped where a coordinated reporting verb begins.
pub static CLAUSE_JOINER: Vocabulary = Vocabulary::of(CLAUSE_JOINERS);
/// "of", "and", "&": joins the capitalised words of one name.
pub static NAME_CONNECTOR: Vocabulary = Vocabulary::of(SPEAKER_NAME_CONNECTORS);
