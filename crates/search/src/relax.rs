//! Relaxes a query whose strict reading finds few results, as Typesense's
//! typo threshold does: the strict reading is tried first, and only when
//! fewer units than [`enough`] says match every clause is the query read
//! again, more tolerantly:
//! 1. typos on short words and on the first letter
//!    ([`super::typo::Tolerance::Relaxed`]), of the words the corpus does not
//!    have (a word it has keeps the strict budget: it is taken as meant);
//! 2. joined words: two neighbouring query words the corpus has as one word
//!    (`news paper` → `newspaper`) match it, for both their clauses;
//! 3. split words: a query word the corpus does not have, which splits into
//!    two words it has (`shouldbe` → `should be`), matches them as a phrase.
//!
//! When even the relaxed reading matches no unit with every clause, the
//! caller keeps the units matching most clauses (the least useful words are
//! dropped: ranking puts more clauses first, then rarer words by BM25).
//! Exact and prefix matches always rank above typo matches, by the
//! `exactness` ranking rule, and the relaxed reading's own matches rank
//! below the strict reading's ([`rank_strict_first`]).

use super::analyzer::Analyzer;
use super::index::SearchIndex;
use super::matcher::Evaluation;
use super::query::{Item, MAX_ALTERNATIVES};
use super::ranking::Sort;
use super::typo::MatchKind;

/// A strict reading matching fewer units than this with every clause is
/// read again, relaxed: as Typesense's default, only one that matches none,
/// so exact results are never mixed with the typo matches of short words.
pub const RELAX_BELOW: usize = 1;
/// The most a strict reading of a query with a word the corpus does not
/// have (nor begins, for the word being typed), ranked by relevance, must
/// match to stand: it already stands on typo matches, and when they are
/// fewer than a first screen of results they may well not be the word
/// meant, so the looser readings are listed after them.
pub const RELAX_MISSPELT_BELOW: usize = 5;
/// Units of the collection per result such a reading must match, below
/// that most: a handful of results is few among thousands of documents,
/// but a good share of a small collection (three of five documents).
const UNITS_PER_RESULT: usize = 100;

/// How many of a collection's `units` a strict reading must match with
/// every clause to stand. Sorted by date, the relaxed reading's matches
/// would be listed among the strict ones, so only a reading with none is
/// relaxed.
pub fn enough(misspelt: bool, sort: Sort, units: usize) -> usize {
    if misspelt && sort == Sort::Relevance {
        (units / UNITS_PER_RESULT).clamp(RELAX_BELOW, RELAX_MISSPELT_BELOW)
    } else {
        RELAX_BELOW
    }
}

/// Shortest query word tried as two words split.
const SPLIT_MIN_CHARS: usize = 4;
/// Most ways one query word is split.
const MAX_SPLITS: usize = 2;

/// Whether fewer than `below` of the units in `mask` match all
/// `clause_count` clauses and are `accepted` by the filters.
pub fn too_few(
    mask: &[u32],
    clause_count: usize,
    below: usize,
    accepted: &dyn Fn(u32) -> bool,
) -> bool {
    if clause_count == 0 {
        return false;
    }
    let all = every_clause(clause_count);
    let matching = mask
        .iter()
        .enumerate()
        .filter(|&(u, &m)| m & all == all && accepted(u as u32))
        .take(below)
        .count();
    matching < below
}

/// The mask bits of `clause_count` clauses.
fn every_clause(clause_count: usize) -> u32 {
    if clause_count >= 32 {
        u32::MAX
    } else {
        (1u32 << clause_count) - 1
    }
}

/// Ranks the units a strict reading matched with every clause (`strict`,
/// its mask) before the relaxed reading's own, which would otherwise rank
/// among them when their typos count the same (a changed first letter, one
/// typo, is as good as any other once relaxed).
pub fn rank_strict_first(relaxed: &mut Evaluation, strict: &[u32], clause_count: usize) {
    let all = every_clause(clause_count);
    let looser = u16::try_from(clause_count * MatchKind::TwoTypos as usize + 1).unwrap_or(u16::MAX);
    for (cost, &mask) in relaxed.cost.iter_mut().zip(strict) {
        if mask & all != all {
            *cost = cost.saturating_add(looser);
        }
    }
}

/// `clauses` with the joined and split readings of their words added as
/// alternatives.
pub fn relaxed_clauses(
    index: &SearchIndex,
    analyzer: &Analyzer,
    clauses: &[Vec<Item>],
) -> Vec<Vec<Item>> {
    let mut out = clauses.to_vec();
    for (i, pair) in clauses.windows(2).enumerate() {
        if let Some(joined) = joined(index, analyzer, &pair[0], &pair[1]) {
            for clause in &mut out[i..i + 2] {
                push(clause, joined.clone());
            }
        }
    }
    for (clause, original) in out.iter_mut().zip(clauses) {
        if let [Item::Word { word, .. }] = original.as_slice() {
            for split in splits(index, analyzer, word) {
                push(clause, split);
            }
        }
    }
    out
}

fn push(clause: &mut Vec<Item>, item: Item) {
    if clause.len() < MAX_ALTERNATIVES && !clause.contains(&item) {
        clause.push(item);
    }
}

/// The word two one-word clauses make together, when the corpus has it.
fn joined(
    index: &SearchIndex,
    analyzer: &Analyzer,
    first: &[Item],
    second: &[Item],
) -> Option<Item> {
    let ([Item::Word { word: a, .. }], [Item::Word { word: b, prefix }]) = (first, second) else {
        return None;
    };
    let word = format!("{a}{b}");
    index.term_id(&analyzer.term(&word))?;
    Some(Item::Word {
        word,
        prefix: *prefix,
    })
}

/// The best ways (rarest halves last) to read `word`, which the corpus does
/// not have, as two words it has.
fn splits(index: &SearchIndex, analyzer: &Analyzer, word: &str) -> Vec<Item> {
    if word.chars().count() < SPLIT_MIN_CHARS || index.has_word(word) {
        return Vec::new();
    }
    let mut found: Vec<(u32, Item)> = word
        .char_indices()
        .skip(1)
        .filter_map(|(at, _)| {
            let (a, b) = word.split_at(at);
            let df = |w: &str| {
                index
                    .term_id(&analyzer.term(w))
                    .filter(|_| index.has_word(w))
                    .map(|t| index.doc_freq(t))
            };
            let weakest = df(a)?.min(df(b)?);
            Some((weakest, Item::Phrase(vec![a.to_owned(), b.to_owned()])))
        })
        .collect();
    found.sort_by_key(|(weakest, _)| std::cmp::Reverse(*weakest));
    found
        .into_iter()
        .take(MAX_SPLITS)
        .map(|(_, item)| item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_query_needs_more_results_in_a_larger_collection() {
        let rows: &[(bool, Sort, usize, usize)] = &[
            (false, Sort::Relevance, 100_000, 1),
            (true, Sort::Relevance, 5, 1),
            (true, Sort::Relevance, 250, 2),
            (true, Sort::Relevance, 19_000, 5),
            (true, Sort::Newest, 19_000, 1),
            (true, Sort::Oldest, 19_000, 1),
        ];
        for &(misspelt, sort, units, want) in rows {
            assert_eq!(
                enough(misspelt, sort, units),
                want,
                "{misspelt} {sort:?} {units}"
            );
        }
    }

    #[test]
    fn few_means_fewer_full_matches_than_the_threshold() {
        let all = |_: u32| true;
        let none = |_: u32| false;
        let full = vec![0b11; RELAX_BELOW];
        assert!(!too_few(&full, 2, RELAX_BELOW, &all));
        assert!(too_few(&full, 2, RELAX_BELOW, &none));
        assert!(too_few(&full[1..], 2, RELAX_BELOW, &all));
        let partial = vec![0b01; RELAX_BELOW * 2];
        assert!(too_few(&partial, 2, RELAX_BELOW, &all));
        assert!(!too_few(&[], 0, RELAX_BELOW, &all));
    }
}
