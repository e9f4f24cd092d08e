//! The fields a document is searched by, their boosts and the units their
//! postings count in.
//!
//! Invariant: every posting names a document and a `sub` index within it;
//! `sub` is 0 for document fields, the block index for `Body` and the quote
//! index for `Quote` and `Speaker`.

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
    /// The words of a quotation, one unit per quote.
    Quote,
    /// The name and aliases of a quote's speaker, one unit per quote.
    Speaker,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Title,
        Field::Source,
        Field::Body,
        Field::Quote,
        Field::Speaker,
    ];

    /// The tag a field has in the postings bytes.
    pub fn tag(self) -> u8 {
        self as u8
    }

    pub fn from_tag(tag: u8) -> Option<Field> {
        Field::ALL.get(tag as usize).copied()
    }

    /// BM25F weight: how much one occurrence here counts against one in the
    /// body. Titles and speakers name what a document is about; quote words
    /// also occur in the body, so their boost adds to the body's count.
    pub fn boost(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Source => 1.5,
            Field::Body => 1.0,
            Field::Quote => 0.5,
            Field::Speaker => 2.0,
        }
    }

    /// BM25F length normalisation strength (the `b` of BM25).
    pub fn length_normalisation(self) -> f32 {
        match self {
            Field::Title | Field::Body | Field::Quote => 0.75,
            Field::Source | Field::Speaker => 0.0,
        }
    }
}
