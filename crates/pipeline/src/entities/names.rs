//! What finding names produces for one document: names found, candidates
//! no rule recognised, and the chunks of tokens they were read from.
//!
//! Invariant: offsets are byte offsets into the document's text, on `char`
//! boundaries; a [`Chunk`] is a non-empty range of one block's tokens
//! unless a rule narrowed it to nothing.

use corpus_model::EntityKind;

/// A name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: EntityKind,
    pub start: u32,
    pub end: u32,
    /// The name in canonical case, without honorific ("Jeremy Hunt").
    pub name: String,
    /// The words as written ("Mr Hunt", "MICHELLE DYSON").
    pub surface: String,
    /// A role the text gives next to the name ("health secretary").
    pub roles: Vec<String>,
    /// For an organisation: the acronym the text defines for it ("HEE").
    pub acronym: Option<String>,
    /// For an organisation: the name is an acronym.
    pub is_acronym: bool,
}

/// A capitalised word no rule recognised (maybe a surname used alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub start: u32,
    pub end: u32,
    pub word: String,
    /// A reporting verb follows ("Fitzwater said").
    pub speaks: bool,
}

/// What one document names.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub found: Vec<Found>,
    pub candidates: Vec<Candidate>,
    /// Two or three capitalised words no rule recognised ("Marlin
    /// Fitzwater" in a list that knows no Marlin).
    pub unconfirmed: Vec<Candidate>,
    /// Acronyms the text defines as common nouns ("allied health
    /// professionals (AHPs)"): not organisations.
    pub plain_acronyms: Vec<String>,
}

/// A chunk: tokens `from..to` (exclusive) of a block.
#[derive(Debug, Clone, Copy)]
pub(super) struct Chunk {
    pub from: usize,
    pub to: usize,
}
