//! Evaluates parsed clauses against the postings: which documents (or
//! quotes) match each clause, how well (BM25F), and where in the body.
//!
//! Scoring (BM25F, per clause and target): each occurrence list adds
//! `boost(field) * tf / (1 - b + b * len / avg_len)` to a pseudo frequency
//! `f`; the clause scores `idf * f * (K1 + 1) / (f + K1) * weight(kind)`,
//! where `kind` is how the text word matched the query word (exact, prefix,
//! typo) and `idf = ln(1 + (N - df + 0.5) / (df + 0.5))`. When a clause has
//! several matching terms or alternatives, a target keeps its best.
//!
//! Two passes keep the work per keystroke near the postings' bytes: the
//! evaluation reads each entry's unit and frequency and skips its
//! positions (a bit per matching paragraph is kept, for the count of
//! matching paragraphs); [`Matcher::body_occurrences`] then reads the
//! positions again, only of the few documents the ranking may show, for
//! proximity and snippets. Clauses are evaluated cheapest first, and the
//! strict reading stops at the first clause that leaves no document with
//! every clause so far, since the query is then read again, relaxed.
//!
//! Invariant: every target index is below `targets`, and bit `c` of
//! `mask[t]` is set exactly when clause `c` matched target `t` (for every
//! clause, unless a strict evaluation gave up).

use std::sync::Mutex;

use super::analyzer::Analyzer;
use super::fields::Field;
use super::index::{DocCursor, SearchIndex};
use super::postings::FieldEntries;
use super::prefix_clauses::{ClauseMatches, Reading};
use super::query::Item;
use super::typo::{self, Expansion, MatchKind, Tolerance, SHORT_PREFIX_CHARS};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;

/// What the evaluation scores: documents, or quotes by global quote number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Documents,
    Quotes,
}

/// The outcome of evaluating every clause.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Evaluation {
    /// Bit per clause matched, per target.
    pub mask: Vec<u32>,
    /// Sum of the clause scores, per target.
    pub score: Vec<f32>,
    /// Sum of the clauses' match kinds (0 exact … 3 two typos), per target.
    pub cost: Vec<u16>,
    /// Body occurrences of the phrases (documents only), packed by
    /// [`pack`]; those of words are read again, for the documents shown
    /// only, by [`Matcher::body_occurrences`].
    pub occurrences: Vec<u64>,
    /// The word terms matched in the body (documents only), with their
    /// clause.
    pub body_terms: Vec<(u32, usize)>,
    /// A bit per global block holding a match (documents only).
    pub matched_blocks: Vec<u64>,
    /// Ids of the terms the query's words matched, sorted, for
    /// highlighting.
    pub terms: Vec<u32>,
    /// The terms of each phrase found, for highlighting.
    pub phrases: Vec<Vec<String>>,
}

/// Sets the bit of a global block.
fn mark(bits: &mut [u64], block: u32) {
    if let Some(word) = bits.get_mut(block as usize / 64) {
        *word |= 1 << (block % 64);
    }
}

/// Whether the bit of a global block is set.
pub fn marked(bits: &[u64], block: u32) -> bool {
    bits.get(block as usize / 64)
        .is_some_and(|word| word & (1 << (block % 64)) != 0)
}

/// Packs a body occurrence so that sorting orders by block, then position.
pub fn pack(block: u32, position: u32, clause: usize) -> u64 {
    (u64::from(block) << 36)
        | (u64::from(position.min((1 << 28) - 1)) << 8)
        | (clause as u64 & 0xff)
}

/// Unpacks [`pack`]: (global block, position, clause).
pub fn unpack(packed: u64) -> (u32, u32, usize) {
    (
        (packed >> 36) as u32,
        ((packed >> 8) & ((1 << 28) - 1)) as u32,
        (packed & 0xff) as usize,
    )
}

/// The documents a reading of postings still wants, ascending: it skips
/// the entries between them and stops after the last.
struct Wanted<'w>(&'w [u32]);

impl Wanted<'_> {
    /// The first wanted document at or after `doc`.
    fn from(&mut self, doc: u32) -> Option<u32> {
        let passed = self.0.iter().take_while(|&&wanted| wanted < doc).count();
        self.0 = &self.0[passed..];
        self.0.first().copied()
    }

    /// Moves `entries` to the first unit of the first wanted document at
    /// or after `doc` (`docs` tells the units of documents): that unit, or
    /// `None` when no wanted document is left.
    fn skip(&mut self, doc: u32, docs: &DocCursor, entries: &mut FieldEntries) -> Option<u32> {
        let unit = docs.first_unit(self.from(doc)?);
        entries.skip_to(unit);
        Some(unit)
    }
}

/// Per-clause scratch: best score and match kind per target.
struct ClauseScratch {
    /// Clauses a target must have matched for its terms to be scored (see
    /// [`Matcher::evaluate`]); 0 scores every target.
    required: u32,
    /// The documents that matched the required clauses, ascending, when
    /// documents are the targets and some clauses are required.
    candidates: Option<Vec<u32>>,
    best: Vec<f32>,
    kind: Vec<u8>,
    touched: Vec<u32>,
    frequency: Vec<f32>,
    frequency_touched: Vec<u32>,
}

impl ClauseScratch {
    fn new(targets: usize) -> Self {
        Self {
            required: 0,
            candidates: None,
            best: vec![0.0; targets],
            kind: vec![u8::MAX; targets],
            touched: Vec::new(),
            frequency: vec![0.0; targets],
            frequency_touched: Vec::new(),
        }
    }

    fn add_frequency(&mut self, target: u32, value: f32) {
        let slot = &mut self.frequency[target as usize];
        if *slot == 0.0 {
            self.frequency_touched.push(target);
        }
        *slot += value;
    }

    /// Turns the pseudo frequencies gathered for one term into clause scores.
    fn settle(&mut self, idf: f32, kind: MatchKind) {
        for &t in &self.frequency_touched {
            let f = std::mem::take(&mut self.frequency[t as usize]);
            let score = idf * f * (K1 + 1.0) / (f + K1) * kind.weight();
            if self.kind[t as usize] == u8::MAX {
                self.touched.push(t);
            }
            let best = &mut self.best[t as usize];
            *best = best.max(score);
            let k = &mut self.kind[t as usize];
            *k = (*k).min(kind as u8);
        }
        self.frequency_touched.clear();
    }
}

/// Words expanded, as read: each with its tolerance and expansions.
pub type Expanded = Vec<(Item, Tolerance, Vec<Expansion>)>;

/// Most words [`LastExpansions`] keeps.
const LAST_EXPANSIONS_KEPT: usize = 64;

/// The words the last searches expanded, the latest last, for the next
/// search: a query typed key by key reads its earlier words again at
/// every key, and a misspelt one takes the longest walk of the words.
#[derive(Debug, Default)]
pub struct LastExpansions(Mutex<Expanded>);

/// A copy of an index starts with nothing kept.
impl Clone for LastExpansions {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl LastExpansions {
    /// The words kept, leaving none.
    pub fn take(&self) -> Expanded {
        self.0
            .lock()
            .map(|mut kept| std::mem::take(&mut *kept))
            .unwrap_or_default()
    }

    /// Keeps the latest [`LAST_EXPANSIONS_KEPT`] words of `expanded`.
    pub fn keep(&self, mut expanded: Expanded) {
        expanded.drain(..expanded.len().saturating_sub(LAST_EXPANSIONS_KEPT));
        if let Ok(mut kept) = self.0.lock() {
            *kept = expanded;
        }
    }
}

/// Evaluates clauses (each a list of alternatives) over the index.
pub struct Matcher<'a> {
    pub index: &'a SearchIndex,
    pub analyzer: &'a Analyzer,
    pub target: Target,
    pub tolerance: Tolerance,
    /// The words expanded so far, as read: a query read strictly, then
    /// relaxed, expands its words again, and most of them the same way.
    pub expanded: Expanded,
}

impl Matcher<'_> {
    fn targets(&self) -> usize {
        match self.target {
            Target::Documents => self.index.documents(),
            Target::Quotes => self.index.quotes(),
        }
    }

    /// The tolerance a query word is expanded with: a word the corpus has
    /// is taken as meant even in the relaxed reading, which forgives short
    /// words and first letters only in words the corpus does not have
    /// (the relaxed budget would expand a common word such as `steel` to
    /// dozens of others, whose postings cost more than all the rest).
    fn word_tolerance(&self, word: &str) -> Tolerance {
        if self.tolerance == Tolerance::Relaxed && self.index.has_word(word) {
            Tolerance::Strict
        } else {
            self.tolerance
        }
    }

    /// Whether this evaluation scores a field.
    fn scores(&self, field: Field) -> bool {
        self.target == Target::Documents || matches!(field, Field::Body | Field::Speaker)
    }

    /// Calls `found(target, weight)` for each target an entry counts for,
    /// with its length-normalised, boosted frequency. The entry has `tf`
    /// matches `width` words long; `positions` are their starts, needed
    /// only for the body when quotes are the targets (see
    /// [`Matcher::positions_kept`]). A body entry counts for its document,
    /// or for each quote whose span holds some of its matches.
    #[allow(clippy::too_many_arguments)]
    fn for_targets(
        &self,
        field: Field,
        unit: u32,
        positions: &[u32],
        tf: u32,
        width: u32,
        docs: &mut DocCursor,
        mut found: impl FnMut(u32, f32),
    ) {
        match (self.target, field) {
            (Target::Documents, _) => {
                let target = docs.doc(unit);
                if (target as usize) < self.targets() {
                    found(target, self.normalised(field, unit, tf as usize));
                }
            }
            (Target::Quotes, Field::Speaker) => {
                if (unit as usize) < self.targets() {
                    found(unit, self.normalised(field, unit, tf as usize));
                }
            }
            (Target::Quotes, Field::Body) if self.index.has_positions() => {
                let doc = docs.doc(unit);
                let Some(&first) = self.index.doc_first_block.get(doc as usize) else {
                    return;
                };
                for (quote, span) in self.index.quotes_in_block(doc, unit.saturating_sub(first)) {
                    let tf = positions
                        .iter()
                        .filter(|&&p| span.contains(p, width))
                        .count();
                    if tf > 0 {
                        let b = Field::Body.length_normalisation();
                        let norm =
                            1.0 - b + b * span.len() as f32 / self.index.average_quote_length();
                        found(quote, Field::Body.boost() * tf as f32 / norm);
                    }
                }
            }
            (Target::Quotes, _) => {}
        }
    }

    /// Whether the entries of `field` are blocks whose matches the
    /// evaluation keeps: body entries once the detail is set, when
    /// documents are the targets.
    fn marks_blocks(&self, field: Field) -> bool {
        self.target == Target::Documents && field == Field::Body && self.index.has_positions()
    }

    /// How many positions of an entry of `field` scoring reads: all of a
    /// body entry when quotes are the targets (a quote counts the matches
    /// in its span), none otherwise.
    fn positions_kept(&self, field: Field) -> usize {
        match (self.target, field) {
            (Target::Quotes, Field::Body) => usize::MAX,
            _ => 0,
        }
    }

    /// The body occurrences, packed by [`pack`], of the documents `wanted`:
    /// every position when `all_positions` (the proximity of several
    /// clauses needs them), else the first of each paragraph and term.
    /// Reading the postings of a few documents again is cheaper than
    /// keeping the positions of every matching one; each term's postings
    /// are read up to the last paragraph wanted.
    pub fn body_occurrences(
        &self,
        evaluation: &Evaluation,
        wanted: &[u32],
        all_positions: bool,
    ) -> Vec<u64> {
        let starts = &self.index.doc_first_block;
        let mut blocks = vec![0u64; evaluation.matched_blocks.len()];
        for &doc in wanted {
            if let Some(&[first, end]) = starts.get(doc as usize..doc as usize + 2) {
                (first..end).for_each(|b| mark(&mut blocks, b));
            }
        }
        let mut wanted = wanted.to_vec();
        wanted.sort_unstable();
        let mut out: Vec<u64> = evaluation
            .occurrences
            .iter()
            .copied()
            .filter(|&o| marked(&blocks, unpack(o).0))
            .collect();
        let keep = if all_positions { usize::MAX } else { 1 };
        let mut positions = Vec::new();
        for &(term, clause) in &evaluation.body_terms {
            let body = self
                .index
                .record(term)
                .fields()
                .find(|f| f.0 == Field::Body);
            let Some((_, _, mut entries)) = body else {
                continue;
            };
            let mut docs = self.index.doc_cursor(Field::Body);
            let mut ahead = Wanted(&wanted);
            let mut skipped_to = 0;
            while let Some((unit, tf)) = entries.next_head() {
                let shown = marked(&blocks, unit);
                let kept = if shown { keep } else { 0 };
                if entries.positions(tf, kept, &mut positions).is_none() {
                    break;
                }
                out.extend(positions.iter().map(|&p| pack(unit, p, clause)));
                if !shown && unit >= skipped_to {
                    let doc = docs.doc(unit);
                    let Some(next) = ahead.skip(doc, &docs, &mut entries) else {
                        break;
                    };
                    skipped_to = next;
                }
            }
        }
        out
    }

    fn idf(&self, doc_freq: u32) -> f32 {
        let n = self.index.documents() as f32;
        let df = doc_freq as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.01)
    }

    fn normalised(&self, field: Field, unit: u32, tf: usize) -> f32 {
        let b = field.length_normalisation();
        let (len, avg) = self.index.unit_length(field, unit);
        field.boost() * tf as f32 / (1.0 - b + b * len / avg)
    }

    /// The terms a word item stands for (none for a phrase), expanded
    /// once per reading of it.
    fn expand(&mut self, item: &Item) -> Vec<Expansion> {
        let Item::Word { word, prefix } = item else {
            return Vec::new();
        };
        let tolerance = self.word_tolerance(word);
        let known = self
            .expanded
            .iter()
            .find(|(i, t, _)| i == item && *t == tolerance);
        if let Some((_, _, expansions)) = known {
            return expansions.clone();
        }
        let expansions = typo::expand(self.index, self.analyzer, word, *prefix, tolerance);
        self.expanded
            .push((item.clone(), tolerance, expansions.clone()));
        expansions
    }

    /// An evaluation with nothing matched yet.
    fn empty_evaluation(&self) -> Evaluation {
        let targets = self.targets();
        let blocks = match self.target {
            Target::Documents => self.index.doc_first_block.last().copied().unwrap_or(0),
            Target::Quotes => 0,
        };
        Evaluation {
            mask: vec![0; targets],
            score: vec![0.0; targets],
            cost: vec![0; targets],
            matched_blocks: vec![0; (blocks as usize).div_ceil(64)],
            ..Evaluation::default()
        }
    }

    /// Evaluates the required clauses, the cheapest first (by the
    /// documents their terms are in). With `give_up` (a reading whose
    /// caller keeps only the units matching every clause), scores each
    /// clause only for the units matching every clause before it, and stops
    /// as soon as no unit it accepts matches them all: the caller then reads
    /// the query another way, and the rest of this evaluation would be
    /// wasted.
    pub fn evaluate(
        &mut self,
        clauses: &[Vec<Item>],
        give_up: Option<&dyn Fn(u32) -> bool>,
    ) -> Evaluation {
        let targets = self.targets();
        let mut out = self.empty_evaluation();
        let expansions: Vec<Vec<Vec<Expansion>>> = clauses
            .iter()
            .map(|alternatives| alternatives.iter().map(|item| self.expand(item)).collect())
            .collect();
        let mut order: Vec<usize> = (0..clauses.len()).collect();
        order.sort_by_cached_key(|&c| {
            expansions[c]
                .iter()
                .flatten()
                .map(|e| u64::from(self.index.doc_freq(e.term)))
                .sum::<u64>()
        });
        let mut scratch = ClauseScratch::new(targets);
        let all_positions = clauses.len() > 1;
        let mut evaluated = 0u32;
        for c in order {
            let clause = (c, &clauses[c][..], &expansions[c][..]);
            // The caller keeps only the units matching every clause, so a
            // clause need not score those that missed an earlier one.
            scratch.required = if give_up.is_some() { evaluated } else { 0 };
            self.evaluate_clause(clause, all_positions, &mut scratch, &mut out);
            evaluated |= 1 << c;
            let Some(accepted) = give_up else {
                continue;
            };
            let so_far = |t: usize| out.mask[t] & evaluated == evaluated;
            if self.target == Target::Documents {
                let matching: Vec<u32> = (0..targets)
                    .filter(|&t| so_far(t))
                    .map(|t| t as u32)
                    .collect();
                if !matching.iter().any(|&t| accepted(t)) {
                    break;
                }
                scratch.candidates = Some(matching);
            } else if !(0..targets).any(|t| so_far(t) && accepted(t as u32)) {
                break;
            }
        }
        out.terms.sort_unstable();
        out.terms.dedup();
        out
    }

    /// Evaluates clause `c` (its alternatives, and the expansions of each
    /// word alternative) into `out`; a clause of one word of one or two
    /// letters being typed, through its kept matches.
    fn evaluate_clause(
        &self,
        clause: (usize, &[Item], &[Vec<Expansion>]),
        all_positions: bool,
        scratch: &mut ClauseScratch,
        out: &mut Evaluation,
    ) {
        let typed = match clause.1 {
            [Item::Word { word, prefix: true }]
                if self.target == Target::Documents
                    && word.chars().count() <= SHORT_PREFIX_CHARS =>
            {
                Some(word)
            }
            _ => None,
        };
        let Some(word) = typed else {
            return self.evaluate_alternatives(clause, all_positions, scratch, out);
        };
        let reading = Reading {
            word,
            tolerance: self.word_tolerance(word),
            with_detail: self.index.has_positions(),
        };
        let required = scratch.required;
        let make = || self.clause_matches((0, clause.1, clause.2), scratch);
        let read = |matches: &ClauseMatches| self.add_matches(clause.0, required, matches, out);
        self.index.prefix_clauses.read(reading, make, read);
    }

    /// The matches of a clause alone, in every document.
    fn clause_matches(
        &self,
        clause: (usize, &[Item], &[Vec<Expansion>]),
        scratch: &mut ClauseScratch,
    ) -> ClauseMatches {
        let mut alone = self.empty_evaluation();
        let required = std::mem::take(&mut scratch.required);
        let candidates = scratch.candidates.take();
        self.evaluate_alternatives(clause, false, scratch, &mut alone);
        scratch.required = required;
        scratch.candidates = candidates;
        let docs: Vec<u32> = (alone.mask.iter().enumerate())
            .filter(|&(_, &m)| m != 0)
            .map(|(t, _)| t as u32)
            .collect();
        ClauseMatches {
            scores: docs.iter().map(|&t| alone.score[t as usize]).collect(),
            kinds: docs.iter().map(|&t| alone.cost[t as usize] as u8).collect(),
            docs,
            blocks: alone.matched_blocks,
            body_terms: alone.body_terms.into_iter().map(|(term, _)| term).collect(),
            terms: alone.terms,
        }
    }

    /// Adds a clause's matches as clause `c` to `out`, for the documents
    /// matching the clauses required of them.
    fn add_matches(&self, c: usize, required: u32, matches: &ClauseMatches, out: &mut Evaluation) {
        let starts = &self.index.doc_first_block;
        for ((&t, &score), &kind) in matches.docs.iter().zip(&matches.scores).zip(&matches.kinds) {
            let t = t as usize;
            if out.mask[t] & required != required {
                continue;
            }
            out.mask[t] |= 1 << c;
            out.score[t] += score;
            out.cost[t] += u16::from(kind);
            if let Some(&[first, end]) = starts.get(t..t + 2) {
                (first..end)
                    .filter(|&b| marked(&matches.blocks, b))
                    .for_each(|b| mark(&mut out.matched_blocks, b));
            }
        }
        out.body_terms
            .extend(matches.body_terms.iter().map(|&term| (term, c)));
        out.terms.extend(&matches.terms);
    }

    /// Evaluates clause `c`'s alternatives into `out`.
    fn evaluate_alternatives(
        &self,
        (c, alternatives, expansions): (usize, &[Item], &[Vec<Expansion>]),
        all_positions: bool,
        scratch: &mut ClauseScratch,
        out: &mut Evaluation,
    ) {
        for (item, expansions) in alternatives.iter().zip(expansions) {
            match item {
                Item::Word { .. } => {
                    for expansion in expansions {
                        self.score_term(expansion.term, expansion.kind, c, scratch, out);
                        out.terms.push(expansion.term);
                    }
                }
                Item::Phrase(words) => {
                    let Some(found) = self.phrase(words, scratch.candidates.as_deref()) else {
                        continue;
                    };
                    let width = found.terms.len() as u32;
                    for &((field, unit), ref starts) in &found.starts {
                        let mut docs = self.index.doc_cursor(field);
                        let tf = starts.len() as u32;
                        self.for_targets(field, unit, starts, tf, width, &mut docs, |t, w| {
                            scratch.add_frequency(t, w)
                        });
                        if self.marks_blocks(field) {
                            mark(&mut out.matched_blocks, unit);
                            let take = if all_positions { starts.len() } else { 1 };
                            out.occurrences
                                .extend(starts.iter().take(take).map(|&p| pack(unit, p, c)));
                        }
                    }
                    scratch.settle(found.idf, MatchKind::Exact);
                    out.phrases.push(found.terms);
                }
            }
        }
        for &t in &scratch.touched {
            let t = t as usize;
            out.mask[t] |= 1 << c;
            out.score[t] += scratch.best[t];
            out.cost[t] += u16::from(scratch.kind[t]);
            scratch.best[t] = 0.0;
            scratch.kind[t] = u8::MAX;
        }
        scratch.touched.clear();
    }

    fn score_term(
        &self,
        term: u32,
        kind: MatchKind,
        clause: usize,
        scratch: &mut ClauseScratch,
        out: &mut Evaluation,
    ) {
        let record = self.index.record(term);
        let idf = self.idf(record.doc_freq);
        let mut positions = Vec::new();
        for (field, _, mut entries) in record.fields() {
            if !self.scores(field) {
                continue;
            }
            let mut docs = self.index.doc_cursor(field);
            let keep = self.positions_kept(field);
            if keep == 0 {
                entries = entries.without_positions();
            }
            let body = self.marks_blocks(field);
            if body {
                out.body_terms.push((term, clause));
            }
            let required = scratch.required;
            let candidates = scratch.candidates.take();
            let mut ahead = candidates.as_deref().map(Wanted);
            // The first unit of the next wanted document, once skipped to.
            let mut skipped_to = 0;
            while let Some((unit, tf)) = entries.next_entry(&mut positions, keep) {
                let mut counted = required == 0;
                let mut passed = None;
                self.for_targets(field, unit, &positions, tf, 1, &mut docs, |t, w| {
                    if out.mask[t as usize] & required == required {
                        scratch.add_frequency(t, w);
                        counted = true;
                    } else {
                        passed = Some(t);
                    }
                });
                if body && counted {
                    mark(&mut out.matched_blocks, unit);
                }
                if let (Some(ahead), Some(doc)) =
                    (&mut ahead, passed.filter(|_| unit >= skipped_to))
                {
                    let Some(next) = ahead.skip(doc, &docs, &mut entries) else {
                        break;
                    };
                    skipped_to = next;
                }
            }
            scratch.candidates = candidates;
        }
        scratch.settle(idf, kind);
    }

    /// The targets containing any of `items` exactly (for exclusions).
    pub fn containing(&self, items: &[Item]) -> Vec<bool> {
        let mut hit = vec![false; self.targets()];
        let mut positions = Vec::new();
        for item in items {
            match item {
                Item::Word { word, .. } => {
                    let Some(term) = self.index.term_id(&self.analyzer.term(word)) else {
                        continue;
                    };
                    for (field, _, mut entries) in self.index.record(term).fields() {
                        if !self.scores(field) {
                            continue;
                        }
                        let mut docs = self.index.doc_cursor(field);
                        let keep = self.positions_kept(field);
                        if keep == 0 {
                            entries = entries.without_positions();
                        }
                        while let Some((unit, tf)) = entries.next_entry(&mut positions, keep) {
                            self.for_targets(field, unit, &positions, tf, 1, &mut docs, |t, _| {
                                hit[t as usize] = true
                            });
                        }
                    }
                }
                Item::Phrase(words) => {
                    let Some(found) = self.phrase(words, None) else {
                        continue;
                    };
                    let width = found.terms.len() as u32;
                    for &((field, unit), ref starts) in &found.starts {
                        let mut docs = self.index.doc_cursor(field);
                        let tf = starts.len() as u32;
                        self.for_targets(field, unit, starts, tf, width, &mut docs, |t, _| {
                            hit[t as usize] = true
                        });
                    }
                }
            }
        }
        hit
    }

    /// Where the words occur consecutively, per (field, unit): the positions
    /// of the first word. The rarest word is read first, and each other
    /// word's postings only where the phrase may still be (their positions
    /// are decoded only there), so a phrase with a frequent word costs
    /// little more than its rarest word. With `wanted` documents
    /// (ascending), only those are read (see [`Wanted`]).
    fn phrase(&self, words: &[String], wanted: Option<&[u32]>) -> Option<PhraseMatches> {
        let terms: Vec<String> = words.iter().map(|w| self.analyzer.term(w)).collect();
        let ids: Vec<u32> = terms
            .iter()
            .map(|t| self.index.term_id(t))
            .collect::<Option<_>>()?;
        let idf = ids.iter().map(|&t| self.idf(self.index.doc_freq(t))).sum();
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| self.index.doc_freq(ids[i]));
        let (&rarest, others) = order.split_first()?;
        let mut starts = self.phrase_starts(ids[rarest], rarest as u32, wanted);
        for &offset in others {
            starts = self.phrase_narrowed(starts, ids[offset], offset as u32);
            if starts.is_empty() {
                return None;
            }
        }
        (!starts.is_empty()).then_some(PhraseMatches { starts, idf, terms })
    }

    /// Where a phrase whose word at `offset` is `term` may start, per
    /// (field, unit), sorted as a record's entries are: every start the
    /// term's positions allow (all its units when the index has no
    /// positions yet), in the `wanted` documents when given.
    fn phrase_starts(&self, term: u32, offset: u32, wanted: Option<&[u32]>) -> PhraseStarts {
        let mut out = Vec::new();
        let mut positions = Vec::new();
        for (field, _, mut entries) in self.index.record(term).fields() {
            if !self.scores(field) {
                continue;
            }
            let mut docs = self.index.doc_cursor(field);
            let mut ahead = wanted.map(Wanted);
            while let Some((unit, tf)) = entries.next_head() {
                // The unit's document, when it is not a wanted one.
                let passed = match &mut ahead {
                    Some(ahead) => Some(docs.doc(unit)).filter(|&doc| ahead.from(doc) != Some(doc)),
                    None => None,
                };
                let keep = if passed.is_some() { 0 } else { usize::MAX };
                if entries.positions(tf, keep, &mut positions).is_none() {
                    break;
                }
                if let (Some(ahead), Some(doc)) = (&mut ahead, passed) {
                    if ahead.skip(doc, &docs, &mut entries).is_none() {
                        break;
                    }
                    continue;
                }
                let starts = if self.index.has_positions() {
                    (positions.iter().filter_map(|p| p.checked_sub(offset))).collect()
                } else if offset == 0 {
                    positions.clone()
                } else {
                    Vec::new()
                };
                if !starts.is_empty() || !self.index.has_positions() {
                    out.push(((field, unit), starts));
                }
            }
        }
        out
    }

    /// The starts of `starts` where the phrase's word at `offset`, `term`,
    /// is in place. Until the positions arrive, a unit holding every word
    /// of the phrase stands for one holding it, with as many starts as the
    /// first word has occurrences there.
    fn phrase_narrowed(&self, starts: PhraseStarts, term: u32, offset: u32) -> PhraseStarts {
        let mut out = Vec::new();
        let mut starts = starts.into_iter().peekable();
        let mut positions = Vec::new();
        for (field, _, mut entries) in self.index.record(term).fields() {
            if !self.scores(field) {
                continue;
            }
            loop {
                match starts.peek() {
                    Some(&((wanted_field, unit), _)) if wanted_field == field => {
                        entries.skip_to(unit)
                    }
                    Some(&((wanted_field, _), _)) if wanted_field < field => {}
                    _ => break,
                }
                let Some((unit, tf)) = entries.next_head() else {
                    break;
                };
                while starts.next_if(|(key, _)| *key < (field, unit)).is_some() {}
                let wanted = starts.peek().is_some_and(|(key, _)| *key == (field, unit));
                let keep = if wanted { usize::MAX } else { 0 };
                if entries.positions(tf, keep, &mut positions).is_none() {
                    break;
                }
                let Some((key, candidates)) = starts.next_if(|_| wanted) else {
                    continue;
                };
                let kept: Vec<u32> = if !self.index.has_positions() {
                    if offset == 0 {
                        positions.clone()
                    } else {
                        candidates
                    }
                } else {
                    candidates
                        .into_iter()
                        .filter(|&p| positions.binary_search(&(p + offset)).is_ok())
                        .collect()
                };
                if !kept.is_empty() || !self.index.has_positions() {
                    out.push((key, kept));
                }
            }
        }
        out
    }
}

/// Where a phrase may start: per (field, unit), sorted, the word positions.
type PhraseStarts = Vec<((Field, u32), Vec<u32>)>;

/// The occurrences of a phrase.
struct PhraseMatches {
    starts: PhraseStarts,
    idf: f32,
    terms: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::document_of;
    use corpus_model::Corpus;

    /// Documents of random words over a small alphabet, so that a letter
    /// or two start many words, in paragraphs of random lengths, the words
    /// drawn from a vocabulary of `words`.
    fn corpus(below: &mut impl FnMut(usize) -> usize, words: usize) -> Corpus {
        let vocabulary: Vec<String> = (0..words)
            .map(|_| {
                let len = 2 + below(5);
                (0..len).map(|_| (b'a' + below(5) as u8) as char).collect()
            })
            .collect();
        let documents = (0..150)
            .map(|_| {
                let paragraphs: Vec<String> = (0..1 + below(4))
                    .map(|_| {
                        let text = (0..3 + below(30)).map(|_| &vocabulary[below(words)][..]);
                        text.collect::<Vec<_>>().join(" ")
                    })
                    .collect();
                document_of(&vocabulary[below(words)], &paragraphs.join("\n\n"))
            })
            .collect();
        Corpus {
            documents,
            ..Corpus::default()
        }
    }

    /// A strict matcher of documents.
    fn documents_of<'a>(index: &'a SearchIndex, analyzer: &'a Analyzer) -> Matcher<'a> {
        Matcher {
            index,
            analyzer,
            target: Target::Documents,
            tolerance: Tolerance::Strict,
            expanded: Vec::new(),
        }
    }

    #[test]
    fn kept_matches_of_a_word_being_typed_evaluate_as_its_postings_do() {
        let mut below = crate::seeded::below(29);
        let corpus = corpus(&mut below, 120);
        let index = SearchIndex::build(&corpus);
        let analyzer = Analyzer::default();
        let matcher = documents_of(&index, &analyzer);
        let word = |text: &str, prefix| Item::Word {
            word: text.to_owned(),
            prefix,
        };
        let expanded = |item: &Item| match item {
            Item::Word { word, prefix } => vec![typo::expand(
                &index,
                &analyzer,
                word,
                *prefix,
                matcher.word_tolerance(word),
            )],
            Item::Phrase(_) => vec![Vec::new()],
        };
        let mut both = 0;
        for round in 0..60 {
            let first = word(&corpus.documents[below(150)].meta.title, false);
            let letters = 1 + below(2);
            let typed: String = (0..letters)
                .map(|_| (b'a' + below(6) as u8) as char)
                .collect();
            let typed = [word(&typed, true)];
            let mut before = matcher.empty_evaluation();
            let mut scratch = ClauseScratch::new(matcher.targets());
            let first = [first];
            let first_expansions = expanded(&first[0]);
            matcher.evaluate_alternatives(
                (0, &first, &first_expansions),
                true,
                &mut scratch,
                &mut before,
            );
            scratch.required = if round % 3 == 0 { 0 } else { 1 };
            scratch.candidates = (scratch.required != 0).then(|| {
                (before.mask.iter().enumerate())
                    .filter(|&(_, &m)| m & 1 == 1)
                    .map(|(t, _)| t as u32)
                    .collect()
            });
            let typed_expansions = expanded(&typed[0]);
            let clause = (1, &typed[..], &typed_expansions[..]);
            let mut read = before.clone();
            matcher.evaluate_alternatives(clause, true, &mut scratch, &mut read);
            for kept in ["made", "kept"] {
                let mut through_kept = before.clone();
                matcher.evaluate_clause(clause, true, &mut scratch, &mut through_kept);
                assert_eq!(through_kept, read, "round {round}, {typed:?}, {kept}");
            }
            both += usize::from(read.mask.contains(&3));
        }
        assert!(both >= 20, "{both} rounds had documents with both words");
    }

    #[test]
    fn documents_wanted_read_as_they_do_when_every_entry_is_read() {
        let mut below = crate::seeded::below(31);
        let corpus = corpus(&mut below, 30);
        let index = SearchIndex::build(&corpus);
        let analyzer = Analyzer::default();
        let mut matcher = documents_of(&index, &analyzer);
        let words: Vec<String> = (corpus.documents.iter())
            .flat_map(|d| d.text.split_whitespace().map(str::to_owned))
            .collect();
        let mut compared = 0;
        for round in 0..40 {
            // A clause may also read two words of a text as a phrase, as
            // a relaxed reading reads a word split in two.
            let clauses: Vec<Vec<Item>> = (0..2 + below(2))
                .map(|_| {
                    let word = Item::Word {
                        word: words[below(words.len())].clone(),
                        prefix: false,
                    };
                    let at = below(words.len() - 1);
                    let phrase = Item::Phrase(words[at..at + 2].to_vec());
                    if below(2) == 0 {
                        vec![word, phrase]
                    } else {
                        vec![word]
                    }
                })
                .collect();
            let skipping = matcher.evaluate(&clauses, Some(&|_| true));
            let reading_all = matcher.evaluate(&clauses, None);
            let every = (1u32 << clauses.len()) - 1;
            let all_of = |e: &Evaluation| -> Vec<u32> {
                (e.mask.iter().enumerate())
                    .filter(|&(_, &m)| m == every)
                    .map(|(t, _)| t as u32)
                    .collect()
            };
            let matching = all_of(&skipping);
            assert_eq!(matching, all_of(&reading_all), "round {round}");
            for &t in &matching {
                let t = t as usize;
                assert_eq!(skipping.score[t], reading_all.score[t], "round {round}");
                assert_eq!(skipping.cost[t], reading_all.cost[t], "round {round}");
                let blocks = index.doc_first_block[t]..index.doc_first_block[t + 1];
                for b in blocks {
                    let marks = |e: &Evaluation| marked(&e.matched_blocks, b);
                    assert_eq!(marks(&skipping), marks(&reading_all), "round {round}");
                }
            }
            let wanted: Vec<u32> = matching.iter().copied().step_by(3).collect();
            let mut read = matcher.body_occurrences(&skipping, &wanted, true);
            read.sort_unstable();
            assert_eq!(
                read,
                every_occurrence(&index, &skipping, &reading_all, &wanted),
                "round {round}"
            );
            compared += matching.len();
        }
        assert!(compared >= 200, "{compared} documents compared");
    }

    /// The body occurrences of the documents `wanted`, every entry of each
    /// term read, with the phrases' occurrences of `reading_all`, sorted.
    fn every_occurrence(
        index: &SearchIndex,
        evaluation: &Evaluation,
        reading_all: &Evaluation,
        wanted: &[u32],
    ) -> Vec<u64> {
        let mut docs = index.doc_cursor(Field::Body);
        let mut out: Vec<u64> = (reading_all.occurrences.iter().copied())
            .filter(|&o| wanted.contains(&docs.doc(unpack(o).0)))
            .collect();
        let mut positions = Vec::new();
        for &(term, clause) in &evaluation.body_terms {
            for (field, _, mut entries) in index.record(term).fields() {
                if field != Field::Body {
                    continue;
                }
                let mut docs = index.doc_cursor(Field::Body);
                while let Some(unit) = entries.next_into(&mut positions) {
                    if wanted.contains(&docs.doc(unit)) {
                        out.extend(positions.iter().map(|&p| pack(unit, p, clause)));
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }
}
