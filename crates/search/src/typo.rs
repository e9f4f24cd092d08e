//! Finds the index terms a query word stands for: exactly, as a prefix of
//! the word being typed, or within a few typos, as Meilisearch does.
//!
//! Two tolerances (see [`Tolerance`]): the strict one is tried first, and
//! the relaxed one only when the strict reading of the query finds no
//! document with every word (see [`super::relax`]).
//!
//! Rules:
//! 1. typos allowed by word length in characters, per tolerance (the
//!    [`STRICT_BUDGET`] and [`RELAXED_BUDGET`] tables);
//! 2. a typo is an insertion, deletion, substitution or transposition of
//!    adjacent letters, counted on the folded bytes, which are ASCII for
//!    nearly all English words; a transposition may have one letter put in
//!    or left out between its two ("wnuis" is two typos from "wins", as
//!    the Damerau-Levenshtein distance counts, not three as the optimal
//!    string alignment distance does, which edits no letter twice);
//! 3. strictly, a change to the first letter costs one extra typo, since
//!    people rarely mistype it and allowing it floods short words with
//!    noise; relaxed, it costs nothing extra;
//! 4. the last word of a query, still being typed, also matches every word
//!    it is a prefix of (within its typo budget, at most
//!    [`TypoBudget::prefix_max_typos`] for such completions);
//! 5. a word also stands for the words its document language's stemmer
//!    conflates with it ([`super::stems`]): as exact matches when the
//!    corpus has the word as written, else no better than a typo;
//! 6. each term keeps its best match, ranked exact < prefix < one typo <
//!    two typos, and at most [`MAX_EXPANSIONS`] terms are kept (fewer for a
//!    word of one or two letters being typed), best match first, then most
//!    frequent; those of a word of one or two letters being typed are kept
//!    once computed ([`ShortPrefixes`]), as every query typed starts so.
//!
//! Invariant: the search is a bounded depth-first walk of the words FST that
//! leaves a branch as soon as no completion can be within budget, so it never
//! visits every word. It keeps one distance row per byte of the path in a
//! single buffer (nothing is allocated per node), decides a child hopeless
//! before reading its node, and below a completed prefix lists the words
//! without computing rows. A two-typo walk with a free first letter is
//! made from both ends of the word, each end allowed one typo fewer in its
//! half ([`WalkShape::splits`]), and finds what one walk would.

use std::sync::Mutex;

use super::analyzer::Analyzer;
use super::index::SearchIndex;
use super::trie::{ReversedWords, Trie};

/// How many typos a word may have: the shortest word (in characters)
/// allowed one typo, and the shortest allowed two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypoBudget {
    pub one_typo_chars: usize,
    pub two_typos_chars: usize,
    /// Typos a changed first letter costs on top of the edit itself.
    pub first_letter_penalty: u8,
    /// Most typos in the typed part of a word still being typed, when a
    /// longer word completes it (the whole word keeps its full budget):
    /// more would walk most of the vocabulary on each keystroke.
    pub prefix_max_typos: u8,
}

/// The strict reading, as Meilisearch's defaults.
pub const STRICT_BUDGET: TypoBudget = TypoBudget {
    one_typo_chars: 5,
    two_typos_chars: 9,
    first_letter_penalty: 1,
    prefix_max_typos: 2,
};
/// The relaxed reading: short words and first letters may be mistyped.
pub const RELAXED_BUDGET: TypoBudget = TypoBudget {
    one_typo_chars: 3,
    two_typos_chars: 5,
    first_letter_penalty: 0,
    prefix_max_typos: 1,
};

/// How tolerant of typos a search is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    Strict,
    Relaxed,
}

impl Tolerance {
    pub fn budget(self) -> TypoBudget {
        match self {
            Tolerance::Strict => STRICT_BUDGET,
            Tolerance::Relaxed => RELAXED_BUDGET,
        }
    }
}
/// Most terms one query word expands to.
pub const MAX_EXPANSIONS: usize = 48;
/// Most terms a word being typed expands to while it has at most
/// [`SHORT_PREFIX_CHARS`] characters: one or two letters say little, and
/// their hundreds of completions would make every keystroke slow.
pub const MAX_SHORT_PREFIX_EXPANSIONS: usize = 12;
pub const SHORT_PREFIX_CHARS: usize = 2;

/// How a text word matched a query word; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    Exact = 0,
    Prefix = 1,
    OneTypo = 2,
    TwoTypos = 3,
}

impl MatchKind {
    /// How much a match of this kind counts towards relevance.
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Prefix => 0.8,
            MatchKind::OneTypo => 0.6,
            MatchKind::TwoTypos => 0.4,
        }
    }
}

/// A term a query word matched, with how it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expansion {
    pub term: u32,
    pub kind: MatchKind,
}

impl TypoBudget {
    /// Typos allowed in a folded word of this many characters.
    pub fn allowed_typos(self, chars: usize) -> u8 {
        match chars {
            c if c >= self.two_typos_chars => 2,
            c if c >= self.one_typo_chars => 1,
            _ => 0,
        }
    }
}

/// Most words of one or two letters being typed whose expansions
/// [`ShortPrefixes`] keeps.
const SHORT_PREFIXES_KEPT: usize = 1024;

/// The expansions of the words of at most [`SHORT_PREFIX_CHARS`] letters
/// being typed, kept once computed: each lists every word of the corpus
/// starting with those letters to keep the most frequent, and every query
/// typed starts that way again.
/// A list rather than a map: it holds a few hundred words, and a map's code
/// would cost the app's wasm more than the scan costs a keystroke.
#[derive(Debug, Default)]
pub struct ShortPrefixes(Mutex<Vec<(String, Tolerance, Vec<Expansion>)>>);

impl Clone for ShortPrefixes {
    fn clone(&self) -> Self {
        let kept = self.0.lock().map(|k| k.clone()).unwrap_or_default();
        Self(Mutex::new(kept))
    }
}

/// The terms `word` (folded) stands for, best first.
pub fn expand(
    index: &SearchIndex,
    analyzer: &Analyzer,
    word: &str,
    prefix: bool,
    tolerance: Tolerance,
) -> Vec<Expansion> {
    if !prefix || word.chars().count() > SHORT_PREFIX_CHARS {
        return expand_uncached(index, analyzer, word, prefix, tolerance);
    }
    let cache = &index.short_prefixes.0;
    let kept = cache.lock().ok().and_then(|kept| {
        (kept.iter())
            .find(|(w, t, _)| w == word && *t == tolerance)
            .map(|(_, _, found)| found.clone())
    });
    if let Some(found) = kept {
        return found;
    }
    let found = expand_uncached(index, analyzer, word, prefix, tolerance);
    if let Ok(mut kept) = cache.lock() {
        if kept.len() < SHORT_PREFIXES_KEPT {
            kept.push((word.to_owned(), tolerance, found.clone()));
        }
    }
    found
}

/// [`expand`], computed.
fn expand_uncached(
    index: &SearchIndex,
    analyzer: &Analyzer,
    word: &str,
    prefix: bool,
    tolerance: Tolerance,
) -> Vec<Expansion> {
    let exact = index.term_id(&analyzer.term(word));
    let rules = tolerance.budget();
    let budget = rules.allowed_typos(word.chars().count());
    let mut found: Vec<Expansion> = Vec::new();
    if budget > 0 || prefix {
        let query = word.as_bytes();
        let prefix_budget = budget.min(rules.prefix_max_typos);
        let shape = WalkShape {
            budget,
            prefix_budget,
            first_letter_penalty: rules.first_letter_penalty,
            prefix,
            tight: 0,
        };
        let words = index.words.as_fst();
        find_words(words, || index.reversed_words(), query, shape, &mut found);
    }
    let walked = (found.iter())
        .filter(|f| Some(f.term) == exact)
        .map(|f| f.kind)
        .min();
    let kind = stem_match_kind(index, word, walked);
    found.retain(|f| Some(f.term) != exact);
    found.sort_unstable_by_key(|f| (f.term, f.kind));
    found.dedup_by_key(|f| f.term);
    let limit = if prefix && word.chars().count() <= SHORT_PREFIX_CHARS {
        MAX_SHORT_PREFIX_EXPANSIONS
    } else {
        MAX_EXPANSIONS
    };
    let room = limit - usize::from(exact.is_some());
    if found.len() > room {
        found.sort_by_cached_key(|f| (f.kind, std::cmp::Reverse(index.doc_freq(f.term))));
        found.truncate(room);
    }
    let relatives: Vec<u32> = exact
        .into_iter()
        .flat_map(|id| index.stem_relatives(id))
        .collect();
    found.retain(|f| !relatives.contains(&f.term));
    let mut expansions: Vec<Expansion> = exact
        .into_iter()
        .chain(relatives)
        .map(|term| Expansion { term, kind })
        .collect();
    expansions.extend(found);
    expansions.sort_by_key(|e| e.kind);
    expansions
}

/// How a term sharing the stem of `word` matched: exactly when the corpus
/// has `word` as written; else as the walk reached the term itself (a
/// completion of a word being typed, or a typo) or, failing that, as a
/// typo: "leades" stems to "lead", but no text says "leades", so "lead" is
/// no truer a reading of it than "leaders".
fn stem_match_kind(index: &SearchIndex, word: &str, walked: Option<MatchKind>) -> MatchKind {
    if index.has_word(word) {
        MatchKind::Exact
    } else {
        walked.unwrap_or(MatchKind::OneTypo).min(MatchKind::OneTypo)
    }
}

/// What one walk looks for.
#[derive(Debug, Clone, Copy)]
struct WalkShape {
    budget: u8,
    /// Typos allowed in the query when it is a prefix of a longer word.
    prefix_budget: u8,
    first_letter_penalty: u8,
    prefix: bool,
    /// How many of the query's first bytes may have one typo fewer than
    /// the budget (0: no such limit); see [`WalkShape::splits`].
    tight: usize,
}

/// Shortest query (in bytes) whose two-typo walk is split in two.
const SPLIT_WALK_MIN_BYTES: usize = 4;

impl WalkShape {
    /// Whether a query of `len` bytes is better walked twice: two typos
    /// and any first letter let every word's first two bytes through, so
    /// a walk from the start visits every node two bytes deep. But two
    /// typos leave one half of the query with one typo at most, so the
    /// words are those within one typo of the first half, walked from the
    /// start, and those within one typo of the second half, walked from
    /// the end through the reversed words (as approximate dictionary
    /// search splits a pattern by the pigeonhole principle). A changed
    /// first letter costing extra has no such mirror, so such walks stay
    /// whole.
    fn splits(self, len: usize) -> bool {
        self.budget == 2 && self.first_letter_penalty == 0 && len >= SPLIT_WALK_MIN_BYTES
    }
}

/// Adds to `found` the words of `words` that `query` stands for, as
/// `shape` says, walking the `reversed` words as well when the walk splits
/// (a word may then be found twice, with different kinds).
fn find_words<'r>(
    words: &fst::raw::Fst<Vec<u8>>,
    reversed: impl FnOnce() -> &'r ReversedWords,
    query: &[u8],
    shape: WalkShape,
    found: &mut Vec<Expansion>,
) {
    if !shape.splits(query.len()) {
        walk(&words, query, shape, found);
        return;
    }
    let head = query.len() / 2;
    walk(
        &words,
        query,
        WalkShape {
            tight: head,
            ..shape
        },
        found,
    );
    let backwards: Vec<u8> = query.iter().rev().copied().collect();
    let tail = WalkShape {
        prefix: false,
        tight: query.len() - head,
        ..shape
    };
    walk(reversed(), &backwards, tail, found);
}

/// Adds to `found` the words of `trie` that `query` stands for, as `shape`
/// says.
fn walk<T: Trie>(trie: &T, query: &[u8], shape: WalkShape, found: &mut Vec<Expansion>) {
    let mut walk = Walk {
        trie,
        edges: Vec::new(),
        query,
        shape,
        rows: (0..=query.len()).map(|i| i.min(255) as u8).collect(),
        row_mins: vec![0],
        path: Vec::new(),
        query_bytes: ByteSet::of(query),
        found,
    };
    walk.visit(trie.root(), u8::MAX, 0);
}

/// A byte no UTF-8 text holds, so no word of the corpus.
const NOT_IN_ANY_WORD: u8 = 0xFF;

/// A set of bytes, a bit each.
struct ByteSet([u64; 4]);

impl ByteSet {
    fn of(bytes: &[u8]) -> Self {
        let mut set = [0u64; 4];
        for &b in bytes {
            set[usize::from(b / 64)] |= 1 << (b % 64);
        }
        ByteSet(set)
    }

    fn contains(&self, byte: u8) -> bool {
        self.0[usize::from(byte / 64)] & (1 << (byte % 64)) != 0
    }
}

/// The state of one bounded walk.
struct Walk<'a, T: Trie> {
    trie: &'a T,
    /// The edges out of the node being visited at each depth, kept so that
    /// the walk allocates nothing per node.
    edges: Vec<Vec<T::Edge>>,
    query: &'a [u8],
    shape: WalkShape,
    /// The distance rows of the path, one of `query.len() + 1` cells per
    /// byte of it plus the first: `row(d)[i]` is the distance of the path's
    /// first `d` bytes to `query[..i]`. One buffer, so the walk allocates
    /// nothing per node.
    rows: Vec<u8>,
    /// The smallest cell of each row of `rows`, kept as the row is written
    /// (cells off the budget's diagonal band count as past the budget, and
    /// those of the shape's tight first bytes one typo more).
    row_mins: Vec<u8>,
    /// The bytes leading to the node being visited.
    path: Vec<u8>,
    /// The bytes of the query.
    query_bytes: ByteSet,
    found: &'a mut Vec<Expansion>,
}

impl<T: Trie> Walk<'_, T> {
    fn width(&self) -> usize {
        self.query.len() + 1
    }

    /// Visits `node`, reached by the bytes of `path`, whose distance row is
    /// the last of `rows`. `best_prefix` is the smallest distance of the
    /// query to a prefix of the path; `penalty` is the first-letter penalty
    /// once the first letter differs.
    fn visit(&mut self, node: T::Node, best_prefix: u8, penalty: u8) {
        let depth = self.path.len();
        let (m, w) = (self.query.len(), self.width());
        let row = &self.rows[depth * w..];
        let full = row[m].saturating_add(penalty);
        let best_prefix = best_prefix.min(full);
        let row_min = self.row_min(depth, penalty);
        if let Some((term, kind)) = self.trie.term(node).zip(self.kind(full, best_prefix)) {
            self.found.push(Expansion { term, kind });
        }
        let completions_match = self.shape.prefix && best_prefix <= self.shape.prefix_budget;
        if row_min > self.shape.budget {
            // No longer word can come within budget of the whole query: what
            // is left are completions of the typed part, all of one kind.
            if let Some(kind) = completions_match
                .then(|| self.kind(u8::MAX, best_prefix))
                .flatten()
            {
                self.completions(node, kind);
            }
            return;
        }
        self.rows.resize((depth + 2) * w, 0);
        self.row_mins.resize(depth + 2, 0);
        // Every byte the query lacks gives the same row, one of no use in
        // most nodes: then only children by the query's bytes are tried.
        // A path with no typo left can only go on by a byte of the query
        // (a copy of the next one, or a transposition), so that row need
        // not even be computed.
        let others_hopeless =
            (row_min == self.shape.budget && !completions_match && !self.crosses_tight_end(depth))
                || {
                    self.next_row(depth, NOT_IN_ANY_WORD);
                    self.hopeless(
                        depth + 1,
                        best_prefix,
                        self.penalty(depth, NOT_IN_ANY_WORD, penalty),
                    )
                };
        let mut edges = self.take_edges(depth, node);
        for &edge in &edges {
            let byte = T::byte(edge);
            if others_hopeless && !self.query_bytes.contains(byte) {
                continue;
            }
            let penalty = self.penalty(depth, byte, penalty);
            self.next_row(depth, byte);
            if self.hopeless(depth + 1, best_prefix, penalty) {
                continue;
            }
            self.path.push(byte);
            self.visit(self.trie.follow(node, edge), best_prefix, penalty);
            self.path.pop();
        }
        edges.clear();
        self.edges[depth] = edges;
        self.rows.truncate((depth + 1) * w);
        self.row_mins.truncate(depth + 1);
    }

    /// Whether a byte the query lacks can take the path at `depth` past
    /// the tight first bytes of the shape: from the last of them, at one
    /// typo fewer than the budget, to the next with a typo more.
    fn crosses_tight_end(&self, depth: usize) -> bool {
        let tight = self.shape.tight;
        tight > 0
            && tight < self.query.len()
            && self.rows[depth * self.width() + tight] < self.shape.budget
    }

    /// The first-letter penalty of the path extended by `byte`, that of
    /// the path so far being `penalty`.
    fn penalty(&self, depth: usize, byte: u8, penalty: u8) -> u8 {
        if depth == 0 && self.query.first().is_some_and(|&f| f != byte) {
            self.shape.first_letter_penalty
        } else {
            penalty
        }
    }

    /// The fewest edits any prefix of the query takes to reach the path at
    /// `depth`, plus `penalty`.
    fn row_min(&self, depth: usize, penalty: u8) -> u8 {
        self.row_mins[depth].saturating_add(penalty)
    }

    /// Whether no word through the path of depth `depth` can match: its
    /// row is past the budget and the typed part is not completed within
    /// its own budget. Checked before reading the node, which is most of
    /// the cost of visiting it.
    fn hopeless(&self, depth: usize, best_prefix: u8, penalty: u8) -> bool {
        let w = self.width();
        let row = &self.rows[depth * w..(depth + 1) * w];
        let row_min = self.row_min(depth, penalty);
        let best_prefix = best_prefix.min(row[w - 1].saturating_add(penalty));
        row_min > self.shape.budget
            && !(self.shape.prefix && best_prefix <= self.shape.prefix_budget)
    }

    /// How a word at `full` typos from the query, whose path came within
    /// `best_prefix` typos of the query, matched (`None`: it did not).
    fn kind(&self, full: u8, best_prefix: u8) -> Option<MatchKind> {
        if full == 0 {
            return Some(MatchKind::Exact);
        }
        if self.shape.prefix && best_prefix == 0 {
            return Some(MatchKind::Prefix);
        }
        let distance = if full <= self.shape.budget {
            full
        } else if self.shape.prefix && best_prefix <= self.shape.prefix_budget {
            best_prefix
        } else {
            return None;
        };
        match distance {
            d if d > self.shape.budget => None,
            1 => Some(MatchKind::OneTypo),
            _ => Some(MatchKind::TwoTypos),
        }
    }

    /// Writes the distance row of the path extended by `byte` after the
    /// row of depth `depth`, with transpositions of adjacent bytes and of
    /// bytes one apart whose middle byte is a typo of its own (see
    /// [`transposed`]): the Damerau-Levenshtein distance, exact
    /// within a budget of two typos.
    ///
    /// Only the cells within the budget of the diagonal are computed: a
    /// path of `d` bytes is at least `|d - i|` typos from `query[..i]`, so
    /// the others are past the budget, and written as the budget plus one.
    /// Every decision compares cells with the budget, and a cell within it
    /// is computed exactly (its best neighbour is within it too), so the
    /// walk finds what the full rows would.
    fn next_row(&mut self, depth: usize, byte: u8) {
        let w = self.width();
        let budget = usize::from(self.shape.budget);
        let beyond = self.shape.budget.saturating_add(1);
        let (low, high) = (
            (depth + 1).saturating_sub(budget).max(1),
            depth + 1 + budget,
        );
        let tight = self.shape.tight;
        let counted = |i: usize, d: u8| d.saturating_add(u8::from(tight > 0 && i <= tight));
        let (done, next) = self.rows.split_at_mut((depth + 1) * w);
        let row = &done[depth * w..];
        let next = &mut next[..w];
        next[0] = row[0].saturating_add(1);
        next[1..w.min(low)].fill(beyond);
        next[w.min(high + 1)..].fill(beyond);
        let mut least = if w.min(low) > 1 || high + 1 < w {
            counted(0, next[0]).min(beyond)
        } else {
            counted(0, next[0])
        };
        for i in low..w.min(high + 1) {
            let cost = u8::from(self.query[i - 1] != byte);
            let d = row[i - 1]
                .saturating_add(cost)
                .min(row[i].saturating_add(1))
                .min(next[i - 1].saturating_add(1))
                .min(transposed(self.query, &self.path, done, w, i, byte));
            next[i] = d;
            least = least.min(counted(i, d));
        }
        self.row_mins[depth + 1] = least;
    }

    /// The edges out of `node`, at `depth`, in the buffer kept for that
    /// depth (to be put back once read).
    fn take_edges(&mut self, depth: usize, node: T::Node) -> Vec<T::Edge> {
        if self.edges.len() <= depth {
            self.edges.resize_with(depth + 1, Vec::new);
        }
        let mut edges = std::mem::take(&mut self.edges[depth]);
        self.trie.edges(node, &mut edges);
        edges
    }

    /// Records every word below `node` (not itself) as a match of `kind`.
    fn completions(&mut self, node: T::Node, kind: MatchKind) {
        let depth = self.path.len();
        let mut edges = self.take_edges(depth, node);
        for &edge in &edges {
            let child = self.trie.follow(node, edge);
            if let Some(term) = self.trie.term(child) {
                self.found.push(Expansion { term, kind });
            }
            self.path.push(T::byte(edge));
            self.completions(child, kind);
            self.path.pop();
        }
        edges.clear();
        self.edges[depth] = edges;
    }
}

/// The cost of reaching `query[..i]` from the path extended by `byte`
/// through a transposition: its two bytes side by side (one typo), or one
/// byte apart with the byte between them put in or left out (two typos).
/// `rows` holds the distance rows of the path so far, `w` cells each;
/// `u8::MAX` when no transposition ends here.
fn transposed(query: &[u8], path: &[u8], rows: &[u8], w: usize, i: usize, byte: u8) -> u8 {
    let cell = |depth: usize, at: usize| rows[depth * w + at];
    let p = path.len() + 1;
    let mut best = u8::MAX;
    // The path's byte before this one, and the one before it, against the
    // query's last two (or three) bytes.
    if i >= 2 && query[i - 2] == byte {
        if p >= 2 && path[p - 2] == query[i - 1] {
            best = best.min(cell(p - 2, i - 2).saturating_add(1));
        }
        if p >= 3 && path[p - 3] == query[i - 1] {
            best = best.min(cell(p - 3, i - 2).saturating_add(2));
        }
    }
    if i >= 3 && p >= 2 && query[i - 3] == byte && path[p - 2] == query[i - 1] {
        best = best.min(cell(p - 2, i - 3).saturating_add(2));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Damerau-Levenshtein distance (insertions, deletions,
    /// substitutions and transpositions, with letters edited between the
    /// two of a transposition), computed in full as Lowrance and Wagner do.
    fn damerau_levenshtein(a: &[u8], b: &[u8]) -> usize {
        let far = a.len() + b.len();
        let w = b.len() + 2;
        let mut d = vec![0usize; (a.len() + 2) * w];
        d[0] = far;
        for i in 0..=a.len() {
            d[(i + 1) * w] = far;
            d[(i + 1) * w + 1] = i;
        }
        for j in 0..=b.len() {
            d[j + 1] = far;
            d[w + j + 1] = j;
        }
        let mut last_row = [0usize; 256];
        for i in 1..=a.len() {
            let mut last_col = 0;
            for j in 1..=b.len() {
                let (k, l) = (last_row[usize::from(b[j - 1])], last_col);
                let cost = usize::from(a[i - 1] != b[j - 1]);
                if cost == 0 {
                    last_col = j;
                }
                d[(i + 1) * w + j + 1] = (d[i * w + j] + cost)
                    .min(d[(i + 1) * w + j] + 1)
                    .min(d[i * w + j + 1] + 1)
                    .min(d[k * w + l] + (i - k - 1) + 1 + (j - l - 1));
            }
            last_row[usize::from(a[i - 1])] = i;
        }
        d[(a.len() + 1) * w + b.len() + 1]
    }

    /// The words of `vocabulary` reversed, to their ranks in it.
    fn reversed_vocabulary(vocabulary: &[Vec<u8>]) -> ReversedWords {
        ReversedWords::of(vocabulary.iter().cloned().zip(0u32..).collect())
    }

    /// Each term found once, with the best kind it was found with.
    fn best_kinds(mut found: Vec<Expansion>) -> Vec<Expansion> {
        found.sort_unstable_by_key(|f| (f.term, f.kind));
        found.dedup_by_key(|f| f.term);
        found
    }

    /// The walk over random words of a small alphabet (so that typos
    /// collide often) finds exactly the words within the relaxed budget of
    /// the query, each with its distance, as the full distance says.
    #[test]
    fn the_walk_finds_every_word_within_budget_and_no_other() {
        const ALPHABET: &[u8] = b"abcd";
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let random_word = |next: &mut dyn FnMut(usize) -> usize| {
            let len = 2 + next(6);
            (0..len)
                .map(|_| ALPHABET[next(ALPHABET.len())])
                .collect::<Vec<u8>>()
        };
        let mut vocabulary: Vec<Vec<u8>> = (0..400).map(|_| random_word(&mut next)).collect();
        vocabulary.sort();
        vocabulary.dedup();
        let fst = fst::Map::from_iter(vocabulary.iter().enumerate().map(|(i, w)| (w, i as u64)))
            .expect("sorted, unique words");
        let reversed = reversed_vocabulary(&vocabulary);
        let rules = RELAXED_BUDGET;
        for _ in 0..300 {
            let query = random_word(&mut next);
            let budget = rules.allowed_typos(query.len());
            let mut found = Vec::new();
            let shape = WalkShape {
                budget,
                prefix_budget: 0,
                first_letter_penalty: rules.first_letter_penalty,
                prefix: false,
                tight: 0,
            };
            find_words(fst.as_fst(), || &reversed, &query, shape, &mut found);
            let found = best_kinds(found);
            let got: Vec<(usize, MatchKind)> =
                found.iter().map(|e| (e.term as usize, e.kind)).collect();
            let want: Vec<(usize, MatchKind)> = (vocabulary.iter().enumerate())
                .filter_map(|(i, word)| {
                    let kind = match damerau_levenshtein(&query, word) {
                        0 => MatchKind::Exact,
                        d if d > usize::from(budget) => return None,
                        1 => MatchKind::OneTypo,
                        _ => MatchKind::TwoTypos,
                    };
                    Some((i, kind))
                })
                .collect();
            assert_eq!(got, want, "query {:?}", String::from_utf8_lossy(&query));
        }
    }

    /// A split walk (from both ends, see [`WalkShape::splits`]) finds
    /// each word the whole walk finds, with the same kind, for words being
    /// typed as for whole words.
    #[test]
    fn the_split_walk_finds_what_the_whole_walk_finds() {
        let mut below = crate::seeded::below(7);
        let mut random_word =
            |len: usize| -> Vec<u8> { (0..len).map(|_| b"abcde"[below(5)]).collect() };
        let mut vocabulary: Vec<Vec<u8>> = (0..2000).map(|i| random_word(1 + i % 9)).collect();
        vocabulary.sort();
        vocabulary.dedup();
        let words = fst::Map::from_iter(vocabulary.iter().zip(0u64..)).expect("sorted");
        let reversed = reversed_vocabulary(&vocabulary);
        let rules = RELAXED_BUDGET;
        let mut split = 0;
        for i in 0..600 {
            let query = random_word(4 + i % 6);
            let budget = rules.allowed_typos(query.len());
            for prefix in [false, true] {
                let shape = WalkShape {
                    budget,
                    prefix_budget: budget.min(rules.prefix_max_typos),
                    first_letter_penalty: rules.first_letter_penalty,
                    prefix,
                    tight: 0,
                };
                split += usize::from(shape.splits(query.len()));
                let (mut both, mut whole) = (Vec::new(), Vec::new());
                find_words(words.as_fst(), || &reversed, &query, shape, &mut both);
                walk(&words.as_fst(), &query, shape, &mut whole);
                assert_eq!(
                    best_kinds(both),
                    best_kinds(whole),
                    "{:?}, prefix {prefix}",
                    String::from_utf8_lossy(&query)
                );
            }
        }
        assert!(split > 600, "most queries are walked split ({split})");
    }

    #[test]
    fn typo_budget_follows_word_length_and_tolerance() {
        let rows: &[(Tolerance, usize, u8)] = &[
            (Tolerance::Strict, 0, 0),
            (Tolerance::Strict, 4, 0),
            (Tolerance::Strict, 5, 1),
            (Tolerance::Strict, 8, 1),
            (Tolerance::Strict, 9, 2),
            (Tolerance::Relaxed, 2, 0),
            (Tolerance::Relaxed, 3, 1),
            (Tolerance::Relaxed, 4, 1),
            (Tolerance::Relaxed, 5, 2),
        ];
        for &(tolerance, chars, typos) in rows {
            assert_eq!(
                tolerance.budget().allowed_typos(chars),
                typos,
                "typos allowed for {chars} chars, {tolerance:?}"
            );
        }
    }
}
