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

use std::collections::HashSet;

use super::analyzer::Analyzer;

/// Longest snippet, in bytes of the original text.
pub const MAX_SNIPPET_BYTES: usize = 280;
/// Text kept before the first match of a cut snippet, in bytes.
const LEAD_BYTES: usize = 60;
const ELLIPSIS: &str = "…";

/// What to highlight: words by index term, and phrases (as index terms)
/// only where their words stand in order.
#[derive(Debug, Clone, Default)]
pub struct Highlighter<'a> {
    pub words: HashSet<&'a str>,
    pub phrases: &'a [Vec<String>],
}

impl Highlighter<'_> {
    /// Byte ranges of the matched words of `text`.
    pub fn ranges(&self, analyzer: &Analyzer, text: &str) -> Vec<(u32, u32)> {
        if self.words.is_empty() && self.phrases.is_empty() {
            return Vec::new();
        }
        let tokens = analyzer.tokens(text);
        let mut marked: Vec<bool> = tokens
            .iter()
            .map(|t| self.words.contains(t.term.as_str()))
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
    let end = word_end(text, (start + MAX_SNIPPET_BYTES).min(text.len()));
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

/// The start of the word containing byte `at` (or `at` when it starts one).
fn word_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].rfind(char::is_whitespace).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// The end of the last whole word before byte `at`.
fn word_end(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at == text.len() {
        return at;
    }
    match text[..at].rfind(char::is_whitespace) {
        Some(i) if i > 0 => i,
        _ => at,
    }
}
