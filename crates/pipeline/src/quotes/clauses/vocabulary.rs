//! The word lists reporting clauses consult, each parsed once into a set
//! from the language layer's data files (`corpus_text::lexicon`).
//!
//! Invariant: every list is lowercase and lookups are exact, so callers pass
//! lowercase words.

use corpus_text::lexicon::{
    WordSet, BE_FORMS, CLAUSE_JOINERS, COMMON_WORDS, DETERMINERS, LOCATING_PREPOSITIONS,
    NAMING_WORDS, NEGATIONS, NON_SUBJECT_OPENERS, NOUN_LIKE_VERBS, NOUN_MARKERS, OBJECT_PRONOUNS,
    PHRASE_OPENERS, QUANTIFIERS, QUANTITY_WORDS, REFUSAL_VERBS, RELATIVE_SUBJECT_STOPS,
    SPEAKER_NAME_CONNECTORS, SUBJECT_PRONOUNS, SUBJECT_STOPS,
};

/// "but", "which", "when": ends a subject read back from its verb.
pub static SUBJECT_STOP: WordSet = WordSet::of(SUBJECT_STOPS);
/// "the", "media", "of": makes the verb form after it a noun.
pub static NOUN_MARKER: WordSet = WordSet::of(NOUN_MARKERS);
/// "claim", "report": a lemma whose bare and -s forms are also nouns.
pub static NOUN_LIKE_VERB: WordSet = WordSet::of(NOUN_LIKE_VERBS);
/// "in", "on", "yesterday": opens a phrase between a verb and "that".
pub static PHRASE_OPENER: WordSet = WordSet::of(PHRASE_OPENERS);
/// "half", "ten": after "about", makes it mean "roughly".
pub static QUANTITY_WORD: WordSet = WordSet::of(QUANTITY_WORDS);
/// "he", "we": a pronoun as subject.
pub static SUBJECT_PRONOUN: WordSet = WordSet::of(SUBJECT_PRONOUNS);
/// "him", "them": a pronoun as listener.
pub static OBJECT_PRONOUN: WordSet = WordSet::of(OBJECT_PRONOUNS);
/// "the", "his": opens a noun phrase.
pub static DETERMINER: WordSet = WordSet::of(DETERMINERS);
/// "it", "however": capitalised only for opening a sentence.
pub static COMMON_WORD: WordSet = WordSet::of(COMMON_WORDS);
/// "called", "described", "as": words by which someone names something.
pub static NAMING_WORD: WordSet = WordSet::of(NAMING_WORDS);
/// "one", "another": opens a description as a determiner does.
pub static QUANTIFIER: WordSet = WordSet::of(QUANTIFIERS);
/// "it", "but", "in": capitalised first, opens a clause, not a name.
pub static NON_SUBJECT_OPENER: WordSet = WordSet::of(NON_SUBJECT_OPENERS);
/// "was", "been": makes the participle after it passive.
pub static BE_FORM: WordSet = WordSet::of(BE_FORMS);
/// "declined", "refused": negates the verb after it.
pub static REFUSAL_VERB: WordSet = WordSet::of(REFUSAL_VERBS);
/// "not", "never": negates the verb after it.
pub static NEGATION: WordSet = WordSet::of(NEGATIONS);
/// "in", "at": after it a name says where someone is, not who.
pub static LOCATING_PREPOSITION: WordSet = WordSet::of(LOCATING_PREPOSITIONS);
/// "from", "of": ends a subject read back from ", who".
pub static RELATIVE_SUBJECT_STOP: WordSet = WordSet::of(RELATIVE_SUBJECT_STOPS);
/// "and", "but": dropped where a coordinated reporting verb begins.
pub static CLAUSE_JOINER: WordSet = WordSet::of(CLAUSE_JOINERS);
/// "of", "and", "&": joins the capitalised words of one name.
pub static NAME_CONNECTOR: WordSet = WordSet::of(SPEAKER_NAME_CONNECTORS);
