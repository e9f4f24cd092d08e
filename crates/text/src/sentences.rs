//! Sentences of a block of text, as byte ranges.
//!
//! Invariant: every range returned lies inside the range asked about and on
//! `char` boundaries; stretches passed as opaque (quotations) never contain
//! a sentence boundary, so a quote that holds several sentences stays inside
//! the one sentence that frames it; the work grows with the block's length
//! (opaque stretches are looked up by binary search).

use std::ops::Range;

use crate::chars::{is_closer, is_opening_mark, is_space};
use crate::lexicon::TITLE_ABBREVIATIONS;
use crate::words::after_last;

/// Abbreviations other than titles whose full stop does not end a
/// sentence (titles are [`TITLE_ABBREVIATIONS`]).
const ABBREVIATIONS: &[&str] = &["Co", "Corp", "Inc", "Jr", "Ltd", "No", "St", "vs"];

/// The sentences of `text[range]`, trimmed, never cutting through `opaque`
/// ranges. A sentence ends at a line break; at `.`, `!`, `?` or `…` (with any
/// closing marks) before a capital, digit or opening mark, unless it ends an
/// abbreviation or an initial; and before a capitalised pronoun that follows a
/// lowercase word ("…the Tory government He said…": a full stop gone missing).
pub fn sentences(text: &str, range: Range<usize>, opaque: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut cuts = vec![range.start];
    let chars: Vec<(usize, char)> = text[range.clone()]
        .char_indices()
        .map(|(i, c)| (range.start + i, c))
        .collect();
    let opaque = Opaque::of(text, opaque);
    let inside = |at: usize| opaque.covers(at);
    for (k, &(at, c)) in chars.iter().enumerate() {
        let after_char = at + c.len_utf8();
        if inside(at) && !opaque.ends_at(after_char) {
            continue;
        }
        if c == '\n' {
            cuts.push(at);
            continue;
        }
        let ends_quote = opaque.quote_ends_sentence_at(after_char);
        if !matches!(c, '.' | '!' | '?' | '…') && !ends_quote {
            if is_space(c) && lost_full_stop(text, at, range.end) {
                cuts.push(at);
            }
            continue;
        }
        let mut next = k + 1;
        while chars
            .get(next)
            .is_some_and(|n| is_closer(n.1) && !inside(n.0))
        {
            next += 1;
        }
        if !chars.get(next).is_some_and(|n| n.1.is_whitespace()) {
            continue;
        }
        let Some(&(_, after)) = chars[next..].iter().find(|n| !n.1.is_whitespace()) else {
            continue;
        };
        let starts_sentence = after.is_uppercase()
            || after.is_ascii_digit()
            || is_opening_mark(after)
            || matches!(after, '•' | '-' | '–');
        if starts_sentence && !(c == '.' && before_is_abbreviation(text, range.start, at)) {
            cuts.push(chars[next].0);
        }
    }
    cuts.push(range.end);
    cuts.windows(2)
        .filter_map(|w| {
            let piece = &text[w[0]..w[1]];
            let start = w[0] + (piece.len() - piece.trim_start().len());
            let end = w[0] + piece.trim_end().len();
            (start < end).then_some(start..end)
        })
        .collect()
}

/// The opaque stretches of a block, indexed so that each question about a
/// position costs a binary search, not a scan: a block holding thousands of
/// quotations is read in time proportional to its length.
struct Opaque {
    /// Starts, ascending.
    starts: Vec<usize>,
    /// `reach[i]`: the furthest end of the stretches whose start is
    /// `starts[..=i]`.
    reach: Vec<usize>,
    /// Ends, ascending.
    ends: Vec<usize>,
    /// Ends of the stretches whose own text ends a sentence, ascending.
    stop_ends: Vec<usize>,
}

impl Opaque {
    fn of(text: &str, stretches: &[Range<usize>]) -> Opaque {
        let mut by_start: Vec<&Range<usize>> = stretches.iter().collect();
        by_start.sort_by_key(|r| r.start);
        let starts = by_start.iter().map(|r| r.start).collect();
        let reach = by_start
            .iter()
            .scan(0, |furthest, r| {
                *furthest = r.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        let mut ends: Vec<usize> = stretches.iter().map(|r| r.end).collect();
        ends.sort_unstable();
        let mut stop_ends: Vec<usize> = stretches
            .iter()
            .filter(|r| text.get(r.start..r.end).is_some_and(ends_with_stop))
            .map(|r| r.end)
            .collect();
        stop_ends.sort_unstable();
        Opaque {
            starts,
            reach,
            ends,
            stop_ends,
        }
    }

    /// Whether some stretch has `start < at < end`.
    fn covers(&self, at: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < at);
        before > 0 && self.reach[before - 1] > at
    }

    /// Whether some stretch ends at `at`.
    fn ends_at(&self, at: usize) -> bool {
        self.ends.binary_search(&at).is_ok()
    }

    /// Whether a stretch whose own text ends a sentence ends at `at`.
    fn quote_ends_sentence_at(&self, at: usize) -> bool {
        self.stop_ends.binary_search(&at).is_ok()
    }
}

/// Whether a quotation's own text ends a sentence ("…is leadership.").
fn ends_with_stop(quoted: &str) -> bool {
    quoted
        .trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
        .ends_with(['.', '!', '?', '…'])
}

/// Whether the word before `text[at]` (a full stop) is an abbreviation or initial.
fn before_is_abbreviation(text: &str, floor: usize, at: usize) -> bool {
    let word_start = floor + after_last(&text[floor..at], |c| !c.is_alphanumeric());
    let word = &text[word_start..at];
    ABBREVIATIONS.contains(&word)
        || TITLE_ABBREVIATIONS.contains(word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// `text[at]` is a space between a lowercase word and "He", "She", "They" or
/// "We" that is followed by a lowercase word.
fn lost_full_stop(text: &str, at: usize, end: usize) -> bool {
    let before = text[..at].chars().next_back();
    if !before.is_some_and(char::is_lowercase) {
        return false;
    }
    let rest = &text[at + text[at..].chars().next().map_or(1, char::len_utf8)..end];
    ["He ", "She ", "They ", "We "]
        .iter()
        .any(|p| rest.starts_with(p) && rest[p.len()..].starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len(), &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr Hunt spoke. He left.", &["Mr Hunt spoke.", "He left."]),
            (
                "Mr. Hunt spoke to J. Smith today.",
                &["Mr. Hunt spoke to J. Smith today."],
            ),
            ("One\nTwo", &["One", "Two"]),
            (
                "with the Tory government He said they would",
                &["with the Tory government", "He said they would"],
            ),
            (
                "It rose 5.5 pct. Shares fell.",
                &["It rose 5.5 pct.", "Shares fell."],
            ),
            (
                "Safety.\u{a0}Epsom was next.",
                &["Safety.", "Epsom was next."],
            ),
            ("no boundary here", &["no boundary here"]),
        ];
        for &(text, want) in cases {
            assert_eq!(split(text), want, "sentences of {text:?}");
        }
    }

    #[test]
    fn opaque_quotes_hold_their_sentences() {
        let text = "He said: “It works. It is fine.” She left.";
        let open = text.find('“').unwrap_or_default();
        let close = text.find('”').unwrap_or_default() + '”'.len_utf8();
        let quoted = [Range {
            start: open,
            end: close,
        }];
        let got: Vec<&str> = sentences(text, 0..text.len(), &quoted)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            ["He said: “It works. It is fine.”", "She left."],
            "sentences of {text:?}"
        );
    }

    /// Thousands of quotations in one block: every sentence is found as with
    /// a handful, and each position's question about the quotations is a
    /// binary search (the old scan over every quotation per character took
    /// minutes here in a debug build).
    #[test]
    fn a_block_of_many_quotations_is_read_in_one_pass() {
        const QUOTES: usize = 20_000;
        let mut text = String::new();
        let mut quoted = Vec::new();
        for i in 0..QUOTES {
            let open = text.len();
            text.push_str(&format!("“We need staff {i}.” Jane Smith said. "));
            let close = text.find('”').map_or(open, |_| {
                open + text[open..].find('”').unwrap_or(0) + '”'.len_utf8()
            });
            quoted.push(open..close);
        }
        let found = sentences(&text, 0..text.len(), &quoted);
        assert_eq!(
            found.len(),
            2 * QUOTES,
            "the quotation, then its attribution"
        );
        for (pair, q) in found.chunks(2).zip(&quoted) {
            assert_eq!(pair[0], q.start..q.end, "each quotation starts a sentence");
        }
    }
}
