//! The matches of words of one or two letters being typed, kept once
//! computed. Such a word stands for the dozen most frequent words it
//! starts, each in most documents, so scoring it reads more postings than
//! the rest of a query; and every word typed starts that way, so the same
//! few letters come back keystroke after keystroke. Its matches do not
//! depend on the rest of the query: kept for every document, they are
//! narrowed to the documents matching the other words where they are used.

use std::sync::Mutex;

use super::typo::Tolerance;

/// Most bytes the kept matches take together (the least recently read go
/// first).
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
#[derive(Debug)]
pub struct Reading<'w> {
    pub word: &'w str,
    pub tolerance: Tolerance,
    pub with_detail: bool,
}

/// The matches of one reading, kept.
#[derive(Debug)]
struct Kept {
    word: String,
    tolerance: Tolerance,
    with_detail: bool,
    matches: ClauseMatches,
}

impl Kept {
    fn reads(&self, reading: &Reading) -> bool {
        self.word == reading.word
            && self.tolerance == reading.tolerance
            && self.with_detail == reading.with_detail
    }
}

/// The kept matches, least recently read first: the letters most words
/// start with stay.
#[derive(Debug, Default)]
pub struct PrefixClauses(Mutex<Vec<Kept>>);

/// A copy of an index starts with nothing kept.
impl Clone for PrefixClauses {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PrefixClauses {
    /// Calls `read` with the matches of `reading`, made by `make` first
    /// unless they are kept; keeps them if they fit, as the most recently
    /// read.
    pub fn read(
        &self,
        reading: Reading,
        make: impl FnOnce() -> ClauseMatches,
        read: impl FnOnce(&ClauseMatches),
    ) {
        let Ok(mut kept) = self.0.lock() else {
            return read(&make());
        };
        if let Some(at) = kept.iter().position(|k| k.reads(&reading)) {
            let found = kept.remove(at);
            read(&found.matches);
            return kept.push(found);
        }
        let matches = make();
        read(&matches);
        let size = matches.bytes();
        if size > KEPT_BYTES {
            return;
        }
        let mut total: usize = kept.iter().map(|k| k.matches.bytes()).sum::<usize>() + size;
        while total > KEPT_BYTES {
            total -= kept.remove(0).matches.bytes();
        }
        kept.push(Kept {
            word: reading.word.to_owned(),
            tolerance: reading.tolerance,
            with_detail: reading.with_detail,
            matches,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Matches of `docs` documents, to fill the kept bytes with.
    fn matches_of(docs: usize) -> ClauseMatches {
        ClauseMatches {
            docs: vec![0; docs],
            scores: vec![0.0; docs],
            kinds: vec![0; docs],
            ..ClauseMatches::default()
        }
    }

    /// How many times reading `word` made its matches.
    fn made(kept: &PrefixClauses, word: &str, with_detail: bool, docs: usize) -> usize {
        let mut made = 0;
        let reading = Reading {
            word,
            tolerance: Tolerance::Strict,
            with_detail,
        };
        kept.read(
            reading,
            || {
                made += 1;
                matches_of(docs)
            },
            |matches| assert_eq!(matches.docs.len(), docs),
        );
        made
    }

    #[test]
    fn a_reading_is_made_once_and_the_least_recently_read_go_past_the_bytes_kept() {
        let kept = PrefixClauses::default();
        assert_eq!(made(&kept, "a", false, 10), 1);
        assert_eq!(made(&kept, "a", false, 10), 0, "kept");
        assert_eq!(made(&kept, "a", true, 10), 1, "made again with the detail");
        let quarter = KEPT_BYTES / 4 / 9;
        assert_eq!(made(&kept, "b", false, quarter), 1);
        assert_eq!(made(&kept, "c", false, quarter), 1);
        assert_eq!(made(&kept, "a", false, 10), 0, "still kept");
        for word in ["d", "e"] {
            assert_eq!(made(&kept, word, false, quarter), 1);
        }
        assert_eq!(made(&kept, "a", false, 10), 0, "read lately, so kept");
        assert_eq!(made(&kept, "f", false, quarter), 1);
        assert_eq!(made(&kept, "f", false, quarter), 0, "the newest is kept");
        assert_eq!(
            made(&kept, "b", false, quarter),
            1,
            "the least recently read went first"
        );
        assert_eq!(
            made(&kept, "a", true, 10),
            1,
            "not read since the others, so gone"
        );
        assert_eq!(made(&kept, "z", false, KEPT_BYTES), 1);
        assert_eq!(made(&kept, "z", false, KEPT_BYTES), 1, "too big to keep");
    }
}
