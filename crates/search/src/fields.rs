//! The fields a document is searched by, their boosts and the units their
//! postings count in.
//!
//! Quote words are not a field of their own: they are body words, and a
//! quote is found through the span of body positions it covers (see
//! `QuoteSpan` in the `index` module), which keeps the index from storing them
//! twice.
//!
//! Invariant: the units of a field are documents (`Title`, `Source`), blocks
//! counted across the corpus (`Body`) or quotes counted across the corpus
//! (`Speaker`).

use serde::{Deserialize, Serialize};

/// A searchable field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    /// `Metadata::title`, one unit per document.
    Title,
    /// `Metadata::source`, one unit per document.
    Source,
    /// A paragraph (`Document::blocks`), one unit per block.
    Body,
    /// The name and aliases of a quote's speaker, one unit per quote.
    Speaker,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Title, Field::Source, Field::Body, Field::Speaker];

    /// The tag a field has in the postings bytes.
    pub fn tag(self) -> u8 {
        self as u8
    }

    pub fn from_tag(tag: u8) -> Option<Field> {
        Field::ALL.get(tag as usize).copied()
    }

    /// BM25F weight: how much one occurrence here counts against one in the
    /// body. Titles and speakers name what a document is about; a title
    /// word counts about as much as a body word filling its paragraph (the
    /// score saturates), so a document whose title has the query's words
    /// leads those that only mention them.
    pub fn boost(self) -> f32 {
        match self {
            Field::Title => 12.0,
            Field::Source => 1.5,
            Field::Body => 1.0,
            Field::Speaker => 2.0,
        }
    }

    /// BM25F length normalisation strength (the `b` of BM25); fields with 0
    /// store no lengths.
    pub fn length_normalisation(self) -> f32 {
        match self {
            Field::Title | Field::Body => 0.75,
            Field::Source | Field::Speaker => 0.0,
        }
    }
}
