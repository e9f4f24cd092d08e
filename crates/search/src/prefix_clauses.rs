//! The matches of words of one or two letters being typed, kept once
//! computed. Such a word stands for the dozen most frequent words it
//! starts, each in most documents, so scoring it reads more postings than
//! the rest of a query; and every word typed starts that way, so the same
//! few letters come back keystroke after keystroke. Its matches do not
//! depend on the rest of the query: kept for every document, they are
//! narrowed to the documents matching the other words where they are used.

use std::sync::Mutex;

use super::typo::Tolerance;

/// Most bytes the kept matches take together (the oldest go first).
const KEPT_BYTES: usize = 4 << 20;

/// What one word matched, document by document, as the evaluation of a
/// clause holding it alone leaves it.
#[derive(Debug, Default)]
pub struct ClauseMatches {
    /// The documents matched, ascending.
    pub docs: Vec<u32>,
    /// The clause's score for each of `docs`.
    pub scores: Vec<f32>,
    /// How the best word matched in each of `docs` (a `MatchKind`).
    pub kinds: Vec<u8>,
    /// A bit per global block holding a match.
    pub blocks: Vec<u64>,
    /// The terms matched in the body, in the order they were read.
    pub body_terms: Vec<u32>,
    /// Every term the word stands for.
    pub terms: Vec<u32>,
}

impl ClauseMatches {
    fn bytes(&self) -> usize {
        self.docs.len() * 9 + self.blocks.len() * 8 + (self.body_terms.len() + self.terms.len()) * 4
    }
}

/// Which matches: the word as typed (folded), its typo budget, and whether
/// the index had its detail (the body counted by paragraph) when they
/// were made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<'w> {
    pub word: &'w str,
    pub tolerance: Tolerance,
    pub with_detail: bool,
}

/// The kept matches, oldest first.
#[derive(Debug, Default)]
pub struct PrefixClauses(Mutex<Vec<(String, Tolerance, bool, ClauseMatches)>>);

/// A copy of an index starts with nothing kept.
impl Clone for PrefixClauses {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PrefixClauses {
    /// Calls `read` with the matches of `reading`, made by `make` first
    /// unless they are kept; keeps them if they fit.
    pub fn read(
        &self,
        reading: Reading,
        make: impl FnOnce() -> ClauseMatches,
        read: impl FnOnce(&ClauseMatches),
    ) {
        let Ok(mut kept) = self.0.lock() else {
            return read(&make());
        };
        let found = kept.iter().position(|(word, tolerance, with_detail, _)| {
            *word == reading.word
                && *tolerance == reading.tolerance
                && *with_detail == reading.with_detail
        });
        if let Some(at) = found {
            return read(&kept[at].3);
        }
        let matches = make();
        read(&matches);
        let size = matches.bytes();
        if size > KEPT_BYTES {
            return;
        }
        let mut total: usize = kept.iter().map(|k| k.3.bytes()).sum::<usize>() + size;
        while total > KEPT_BYTES {
            total -= kept.remove(0).3.bytes();
        }
        kept.push((
            reading.word.to_owned(),
            reading.tolerance,
            reading.with_detail,
            matches,
        ));
    }
}
