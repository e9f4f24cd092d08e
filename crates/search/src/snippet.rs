//! Snippets: the passage of a paragraph that best shows why it matched, with
//! the matched words as byte ranges (never markup), and highlighting of any
//! text.
//!
//! A paragraph up to [`MAX_SNIPPET_BYTES`] is shown whole; a longer one is
//! cut to the window of that size holding the most matches, starting a
//! little before the first of them, at word boundaries, with `…` marking
//! each cut.
//!
//! Invariant: every range is within the snippet text, on `char` boundaries,
//! ascending and disjoint.

use super::analyzer::{fold_word, words, Analyzer};
use super::index::SearchIndex;

/// Longest snippet, in bytes of the original text.
pub const MAX_SNIPPET_BYTES: usize = 280;
/// Text kept before the first match of a cut snippet, in bytes.
const LEAD_BYTES: usize = 60;
const ELLIPSIS: &str = "…";

/// What to highlight: words by index term, and phrases (as index terms)
/// only where their words stand in order.
#[derive(Debug, Clone)]
pub struct Highlighter<'a> {
    index: &'a SearchIndex,
    /// The marked terms, sorted: their ids in the index, and their texts.
    ids: Vec<u32>,
    texts: Vec<&'a str>,
    phrases: &'a [Vec<String>],
}

impl<'a> Highlighter<'a> {
    /// Marks the words whose term is one of `terms`, and `phrases`.
    pub fn new(index: &'a SearchIndex, terms: &'a [String], phrases: &'a [Vec<String>]) -> Self {
        let mut ids: Vec<u32> = terms.iter().filter_map(|t| index.term_id(t)).collect();
        ids.sort_unstable();
        let mut texts: Vec<&str> = terms.iter().map(String::as_str).collect();
        texts.sort_unstable();
        Self {
            index,
            ids,
            texts,
            phrases,
        }
    }

    /// Whether a folded word's term is a marked one. A word of the corpus
    /// is looked up in the index's words, which is much cheaper than
    /// stemming it; any other word is stemmed.
    fn marks(&self, analyzer: &Analyzer, word: &str) -> bool {
        match self.index.word_term(word) {
            Some(id) => self.ids.binary_search(&id).is_ok(),
            None => self
                .texts
                .binary_search(&analyzer.term(word).as_str())
                .is_ok(),
        }
    }

    /// Byte ranges of the matched words of `text`.
    pub fn ranges(&self, analyzer: &Analyzer, text: &str) -> Vec<(u32, u32)> {
        if self.texts.is_empty() && self.phrases.is_empty() {
            return Vec::new();
        }
        if self.phrases.is_empty() {
            return self.word_ranges(analyzer, text);
        }
        let tokens = analyzer.tokens(text);
        let mut marked: Vec<bool> = tokens
            .iter()
            .map(|t| self.marks(analyzer, &t.word))
            .collect();
        for phrase in self.phrases.iter().filter(|p| !p.is_empty()) {
            for start in 0..tokens.len().saturating_sub(phrase.len() - 1) {
                if phrase
                    .iter()
                    .zip(&tokens[start..])
                    .all(|(term, token)| *term == token.term)
                {
                    marked[start..start + phrase.len()]
                        .iter_mut()
                        .for_each(|m| *m = true);
                }
            }
        }
        tokens
            .iter()
            .zip(marked)
            .filter(|(_, m)| *m)
            .map(|(t, _)| (t.start, t.end))
            .collect()
    }

    /// Byte ranges of the words of `text` whose term is a matched word's.
    fn word_ranges(&self, analyzer: &Analyzer, text: &str) -> Vec<(u32, u32)> {
        words(text)
            .filter(|&(start, end)| {
                let word = fold_word(&text[start..end]);
                !word.is_empty() && self.marks(analyzer, &word)
            })
            .map(|(start, end)| (start as u32, end as u32))
            .collect()
    }
}

/// The snippet of a paragraph and the ranges of its matched words.
pub fn snippet(
    analyzer: &Analyzer,
    text: &str,
    highlighter: &Highlighter,
) -> (String, Vec<(u32, u32)>) {
    let matches = highlighter.ranges(analyzer, text);
    if text.len() <= MAX_SNIPPET_BYTES {
        return (text.to_string(), matches);
    }
    let budget = MAX_SNIPPET_BYTES - LEAD_BYTES;
    let best = (0..matches.len())
        .max_by_key(|&i| {
            let inside = matches[i..]
                .iter()
                .take_while(|m| (m.1 - matches[i].0) as usize <= budget)
                .count();
            (inside, std::cmp::Reverse(i))
        })
        .map_or(0, |i| matches[i].0 as usize);
    let start = word_start(text, best.saturating_sub(LEAD_BYTES));
    let end = word_end(text, start, start + MAX_SNIPPET_BYTES);
    let mut out = String::with_capacity(end - start + 2 * ELLIPSIS.len());
    if start > 0 {
        out.push_str(ELLIPSIS);
    }
    let shift = out.len() as i64 - start as i64;
    out.push_str(text[start..end].trim_end());
    let kept_end = start + text[start..end].trim_end().len();
    if end < text.len() {
        out.push_str(ELLIPSIS);
    }
    let ranges = matches
        .into_iter()
        .filter(|&(s, e)| s as usize >= start && e as usize <= kept_end)
        .map(|(s, e)| ((s as i64 + shift) as u32, (e as i64 + shift) as u32))
        .collect();
    (out, ranges)
}

/// How far a cut may move to fall between two words rather than inside one:
/// past that (a long URL, a paragraph of Chinese or Japanese with no spaces)
/// the cut is made inside the run, at a character boundary.
const WORD_SLACK_BYTES: usize = 24;

/// The largest character boundary of `text` at or before `at`.
fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where a snippet cut near byte `at` starts: just after a space at most
/// [`WORD_SLACK_BYTES`] before it, the text's start if that is as near, or
/// `at` itself.
fn word_start(text: &str, at: usize) -> usize {
    let at = char_floor(text, at);
    let floor = char_floor(text, at.saturating_sub(WORD_SLACK_BYTES));
    match text[floor..at].rfind(char::is_whitespace) {
        Some(i) => floor + i + text[floor + i..].chars().next().map_or(1, char::len_utf8),
        None if floor == 0 => 0,
        None => at,
    }
}

/// Where a snippet starting at `start` and cut near byte `at` ends: at a
/// space at most [`WORD_SLACK_BYTES`] before `at` and after `start`, the
/// text's end if `at` reaches it, or `at` itself. Never before `start`.
fn word_end(text: &str, start: usize, at: usize) -> usize {
    let at = char_floor(text, at).max(start);
    if at == text.len() {
        return at;
    }
    let floor = char_floor(text, at.saturating_sub(WORD_SLACK_BYTES)).max(start);
    match text[floor..at].rfind(char::is_whitespace) {
        Some(i) if floor + i > start => floor + i,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of a corpus whose one paragraph is `text`.
    fn index_of(text: &str) -> SearchIndex {
        let document = corpus_model::Document {
            text: text.into(),
            blocks: vec![corpus_model::Block {
                kind: corpus_model::BlockKind::Paragraph,
                start: 0,
                end: text.len() as u32,
            }],
            ..corpus_model::Document::default()
        };
        SearchIndex::build(&corpus_model::Corpus {
            documents: vec![document],
            ..corpus_model::Corpus::default()
        })
    }

    /// The snippet of `text` for the query word `word`, checked: every range
    /// lies inside the snippet on `char` boundaries, ascending and disjoint.
    fn checked_snippet(text: &str, word: &str) -> (String, Vec<(u32, u32)>) {
        let analyzer = Analyzer::default();
        let index = index_of(text);
        let terms: Vec<String> = analyzer.tokens(word).into_iter().map(|t| t.term).collect();
        let highlighter = Highlighter::new(&index, &terms, &[]);
        let (out, ranges) = snippet(&analyzer, text, &highlighter);
        let mut last = 0;
        for &(s, e) in &ranges {
            let (s, e) = (s as usize, e as usize);
            assert!(
                last <= s && s < e && e <= out.len(),
                "range {s}..{e} of {out:?}"
            );
            assert!(
                out.is_char_boundary(s) && out.is_char_boundary(e),
                "range {s}..{e} of {out:?}"
            );
            last = e;
        }
        assert!(
            out.len() <= MAX_SNIPPET_BYTES + 2 * ELLIPSIS.len(),
            "length of {out:?}"
        );
        (out, ranges)
    }

    #[test]
    fn long_unbroken_runs_are_cut_inside_not_panicked_on() {
        let url = format!(
            "Source: https://example.org/{} for details.",
            "a".repeat(400)
        );
        let cjk = "東京都は新しい計画を発表した。".repeat(40);
        let thai = format!("{} details {}", "กขค".repeat(200), "งจฉ".repeat(200));
        let rows: &[(&str, &str, &str)] = &[
            ("a 400-character URL before the match", &url, "details"),
            (
                "a Chinese and Japanese paragraph",
                &cjk,
                "東京都は新しい計画を発表した",
            ),
            ("a match between two long runs", &thai, "details"),
            ("a run with no match", &url, "absent"),
        ];
        for &(case, text, word) in rows {
            let (out, ranges) = checked_snippet(text, word);
            assert!(!out.is_empty(), "{case}: empty snippet");
            if word != "absent" && word.is_ascii() {
                assert_eq!(
                    ranges.len(),
                    1,
                    "{case}: the match is in the snippet {out:?}"
                );
            }
        }
    }

    #[test]
    fn prose_is_still_cut_between_words() {
        let text = format!(
            "{} the nurses said {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let (out, ranges) = checked_snippet(&text, "nurses");
        assert!(out.starts_with("…word ") || out.starts_with("…"), "{out:?}");
        assert!(out.trim_end_matches('…').ends_with("more"), "{out:?}");
        assert_eq!(ranges.len(), 1, "{out:?}");
    }

    #[test]
    fn generated_texts_never_break_the_ranges() {
        let pieces = [
            "a",
            " ",
            "nurse",
            "東京",
            "🇬🇧",
            "e\u{301}",
            "\u{200b}",
            "ـ",
            "https://x.org/",
            "“",
            "\n",
            "مرحبا",
            "\u{05d0}",
            "..........",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 300) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            checked_snippet(&text, "nurse");
            checked_snippet(&text, "東京");
        }
    }
}
