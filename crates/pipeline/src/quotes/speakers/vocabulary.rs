//! The word lists speaker resolution consults, each parsed once into a set
//! from the language layer's data files (`corpus_text::lexicon`).
//!
//! Invariant: lookups are exact (the lists say their own case), so callers
//! lowercase where the list is lowercase.

use corpus_text::lexicon::{
    WordSet, ANONYMOUS_SOURCES, FIRST_PERSON_SUBJECTS, NOT_NAMES, ORGANISATION_NOUNS,
    ORGANISATION_SUFFIXES, REPRESENTATIVE_NOUNS, ROLE_FILLERS, ROLE_LEADERS, ROLE_PREFIX_STOPS,
    ROLE_QUALIFIERS,
};

use super::super::clauses::vocabulary::NAME_CONNECTOR;

static NOT_NAME: WordSet = WordSet::of(NOT_NAMES);
static QUALIFIER: WordSet = WordSet::of(ROLE_QUALIFIERS);
static ORG_NOUN: WordSet = WordSet::of(ORGANISATION_NOUNS);
static LEADER: WordSet = WordSet::of(ROLE_LEADERS);
static PREFIX_STOP: WordSet = WordSet::of(ROLE_PREFIX_STOPS);
static FILLER: WordSet = WordSet::of(ROLE_FILLERS);
static FIRST_PERSON: WordSet = WordSet::of(FIRST_PERSON_SUBJECTS);
static ANONYMOUS: WordSet = WordSet::of(ANONYMOUS_SOURCES);
static REPRESENTATIVE: WordSet = WordSet::of(REPRESENTATIVE_NOUNS);
static ORGANISATION_SUFFIX: WordSet = WordSet::of(ORGANISATION_SUFFIXES);

/// "The", "He", "Dear": a capitalised word that is not part of a name.
pub fn is_not_name(word: &str) -> bool {
    NOT_NAME.contains(word)
}

/// "former", "deputy" (lowercase): a word that makes a role another post.
pub fn is_role_qualifier(word: &str) -> bool {
    QUALIFIER.contains(word)
}

/// "trust", "regulator" (lowercase): a noun standing for an organisation.
pub fn is_organisation_noun(word: &str) -> bool {
    ORG_NOUN.contains(word)
}

/// "the", "now" (any case): a word dropped from the front of a role.
pub fn is_role_leader(word: &str) -> bool {
    LEADER.contains(word.to_lowercase().as_str())
}

/// "said", "the" (lowercase): a word that ends a role written before a name.
pub fn is_role_prefix_stop(word: &str) -> bool {
    PREFIX_STOP.contains(word)
}

/// "of", "the" (lowercase): a word of a role that carries no meaning.
pub fn is_role_filler(word: &str) -> bool {
    FILLER.contains(word)
}

/// "of", "and", "for", "&" (as written): a word that may join a name's words.
pub fn is_name_connector(word: &str) -> bool {
    NAME_CONNECTOR.contains(word)
}

/// "we", "i" (lowercase): a letter's writer speaking of themselves.
pub fn is_first_person(word: &str) -> bool {
    FIRST_PERSON.contains(word)
}

/// "source", "sources" (lowercase): a speaker left unnamed on purpose.
pub fn is_anonymous_source(word: &str) -> bool {
    ANONYMOUS.contains(word)
}

/// "analyst" (lowercase): one of a group left unnamed ("a Wall Street
/// analyst"), not someone who speaks for their body ("a Treasury official").
pub fn is_one_of_anonymous_group(word: &str) -> bool {
    !REPRESENTATIVE.contains(word) && ANONYMOUS.contains(&format!("{word}s"))
}

/// "spokesperson" in "a DHSC spokesperson": the spokesperson's role, if the
/// words name one.
pub fn spokes_role(mention: &str) -> Option<String> {
    mention
        .split_whitespace()
        .find(|w| w.to_lowercase().starts_with("spokes"))
        .map(str::to_lowercase)
}

/// "Inc", "Ltd" (as written): a word ending an organisation's name.
pub fn is_organisation_suffix(word: &str) -> bool {
    ORGANISATION_SUFFIX.contains(word)
}

/// "Inc", "Ltd", …, in the list's order: words after an organisation's name.
pub fn organisation_suffixes() -> impl Iterator<Item = &'static str> {
    ORGANISATION_SUFFIXES.entries()
}
