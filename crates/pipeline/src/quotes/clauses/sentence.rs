//! A sentence's words as the clause rules read them: those outside
//! quotation marks (where verbs and subjects are) and all of them (where
//! listeners and content are), with the word tests every rule shares.
//!
//! Invariant: `ws` is the subsequence of `all` outside quotation marks, and
//! both lie inside `sentence`.

use std::borrow::Cow;
use std::ops::Range;

use corpus_text::words::{joined, lowercased};

/// A sentence's words as the rules read them.
pub struct Words<'a> {
    pub text: &'a str,
    pub sentence: Range<usize>,
    /// The words outside quotation marks: where verbs and subjects are.
    pub ws: Vec<Range<usize>>,
    /// Every word, quoted or not: where listeners and content are.
    pub all: Vec<Range<usize>>,
}

impl<'a> Words<'a> {
    /// The outside word `k` as written.
    pub fn word(&self, k: usize) -> &'a str {
        &self.text[self.ws[k].clone()]
    }

    /// The outside word `k`, lowercase.
    pub fn lower(&self, k: usize) -> Cow<'a, str> {
        lowercased(&self.text[self.ws[k].clone()])
    }

    /// Outside words `a` and `b` stand with only spaces between them.
    pub fn adjacent(&self, a: usize, b: usize) -> bool {
        adjacent(self.text, &self.ws[a], &self.ws[b])
    }
}

/// Text between two words contains only spaces.
pub fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    joined(text, a, b)
}

/// The word at `r`, lowercase.
pub fn lower(text: &str, r: &Range<usize>) -> String {
    text[r.clone()].to_lowercase()
}
