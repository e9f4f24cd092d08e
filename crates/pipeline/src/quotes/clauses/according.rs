//! "according to X": X is the speaker; the content is the clause before it
//! (back to a comma, dash or the sentence start), or after it when the
//! sentence opens with it.
//!
//! Invariant: the clause's verb is the two words "according to" and its
//! subject the words right after them.

use std::ops::Range;

use super::clause::Clause;
use super::content::trim_content;
use super::sentence::Words;
use super::subject::named_after;
use corpus_text::words::is_capitalised;

/// The "according to" clause at outside word `i`, and the two words it takes.
pub fn clause(words: &Words, i: usize) -> Option<(Clause, usize)> {
    let pair = words.ws.get(i + 1).filter(|_| words.adjacent(i, i + 1))?;
    if words.lower(i) != "according" || words.text[pair.clone()].to_lowercase() != "to" {
        return None;
    }
    let verb = words.ws[i].start..pair.end;
    let subject = named_after(words, i + 2).or_else(|| source_words(words, i + 2))?;
    let before = words.text[words.sentence.start..verb.start].trim_end();
    let content = if before.is_empty() {
        content_after(words, &subject)
    } else {
        content_before(words, before)
    };
    let clause = Clause {
        verb: verb.clone(),
        reports: true,
        subject: Some(subject.clone()),
        passive: false,
        begins: verb.start,
        phrase_end: subject.end,
        content: content.map(|c| trim_content(words.text, c)),
    };
    Some((clause, 2))
}

/// Up to eight joined words from outside word `from`, joined to "to".
fn source_words(words: &Words, from: usize) -> Option<Range<usize>> {
    let first = words
        .ws
        .get(from)
        .filter(|_| words.adjacent(from - 1, from))?;
    let mut end = from;
    while end + 1 < words.ws.len() && words.adjacent(end, end + 1) && end + 2 - from < 8 {
        end += 1;
    }
    Some(first.start..words.ws[end].end)
}

/// "According to the ONS, prices rose": the rest of the sentence after the
/// comma that follows the source, past a capitalised name set off by commas
/// after it ("According to the bank, Barclays, …").
fn content_after(words: &Words, subject: &Range<usize>) -> Option<Range<usize>> {
    let text = words.text;
    let mut from = subject.end;
    if let Some(name) = words.ws.iter().position(|w| w.start > subject.end) {
        let mut end = name;
        while end + 1 < words.ws.len()
            && words.adjacent(end, end + 1)
            && is_capitalised(words.word(end + 1))
        {
            end += 1;
        }
        let apposition = text[subject.end..words.ws[name].start].trim() == ","
            && (name..=end).all(|k| is_capitalised(words.word(k)))
            && text[words.ws[end].end..].trim_start().starts_with(',');
        if apposition {
            from = words.ws[end].end;
        }
    }
    let rest = &text[from..words.sentence.end];
    rest.strip_prefix(',')
        .map(|r| from + 1 + (r.len() - r.trim_start().len())..words.sentence.end)
}

/// "Prices rose, according to the ONS": the clause before the comma, back
/// to a comma, dash, bracket or semicolon; none after a closing mark.
fn content_before(words: &Words, before: &str) -> Option<Range<usize>> {
    let after_quote = before
        .trim_end_matches(',')
        .ends_with(['”', '"', '’', '\'']);
    let stripped = before.strip_suffix(',').filter(|_| !after_quote)?;
    let from = stripped.rfind([',', '–', '—', '(', ';']).map_or(0, |p| {
        p + stripped[p..].chars().next().map_or(1, char::len_utf8)
    });
    let start = words.sentence.start
        + from
        + (stripped[from..].len() - stripped[from..].trim_start().len());
    Some(start..words.sentence.start + stripped.len())
}
