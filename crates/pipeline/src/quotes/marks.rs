//! Pairs quotation marks inside one block and returns the outermost quoted
//! stretches.
//!
//! Marks come in two families, double (`"` `“` `”` `„` `«` `»` and the
//! corner brackets `「` `」` of Chinese and Japanese) and single (`'` `‘` `’`
//! `‹` `›` and the white corner brackets `『` `』` quoted inside them); a closing mark of either style closes an opening
//! mark of the same family, so `“…"` pairs. A single mark between letters
//! (don’t, Hunt's) is an apostrophe; one after a final `s` and before a word
//! (nurses’ pay, trusts' finances) closes a quote only if no better closing
//! mark follows before the next opening mark. Worked example:
//!
//! ```text
//! said he would not be spending ‘every Monday diving into every trusts' finances’ and…
//!                               ^open                             ^weak          ^weak, last → close
//! ```
//!
//! Invariant: returned stretches do not overlap, are sorted, and lie inside
//! the block; quotes nested inside another quote are not returned. An
//! opening mark left unclosed at the end of the block yields a stretch to the
//! block's end only when it opens the block or follows a colon (the
//! newspaper convention for a quote that runs on into the next paragraph).

use std::ops::Range;

use corpus_text::chars::{is_closer, is_dash, is_opening_mark};

/// A quoted stretch of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted words, without the marks.
    pub inner: Range<usize>,
    /// Byte offset just past the closing mark (the block's end when unclosed).
    pub outer_end: usize,
    /// The quote runs on past the end of its block.
    pub unclosed: bool,
}

impl Marked {
    /// The quote with its marks.
    pub fn outer(&self) -> Range<usize> {
        self.open..self.outer_end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Could close a quote, but reads as well as a plural possessive.
    WeakClose,
    /// A straight mark between two letters: opens or closes by context.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    role: Role,
}

/// The outermost quotations of `text[block]`, sorted.
pub fn find(text: &str, block: Range<usize>) -> Vec<Marked> {
    let mut marks = classify(text, block.clone());
    loop {
        let (found, stray) = pair(text, &block, &marks);
        match stray {
            Some(at) => marks.retain(|m| m.at != at),
            None => return found,
        }
    }
}

/// Every quotation mark of the block with the role its neighbours give it;
/// apostrophes are left out.
fn classify(text: &str, block: Range<usize>) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = text[block.clone()]
        .char_indices()
        .map(|(i, c)| (block.start + i, c))
        .collect();
    let mut marks = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let Some(family) = family_of(c) else {
            continue;
        };
        let around = Around {
            prev: k.checked_sub(1).map(|p| chars[p].1),
            next: chars.get(k + 1).map(|n| n.1),
            after_next: chars.get(k + 2).map(|n| n.1),
        };
        if let Some(role) = role_of(c, family, &around) {
            marks.push(Mark {
                at,
                len: c.len_utf8(),
                family,
                role,
            });
        }
    }
    marks
}

/// The family of a quotation mark, or none for any other character.
fn family_of(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '«' | '»' | '「' | '」' => Some(Family::Double),
        '\'' | '‘' | '’' | '‹' | '›' | '『' | '』' => Some(Family::Single),
        _ => None,
    }
}

/// The characters either side of a mark.
struct Around {
    prev: Option<char>,
    next: Option<char>,
    after_next: Option<char>,
}

impl Around {
    /// The mark may open: it starts the block or follows a space, a
    /// bracket, a slash, a dash, an opening mark or a colon.
    fn open_side(&self) -> bool {
        self.prev.is_none_or(|p| {
            p.is_whitespace()
                || is_dash(p)
                || is_opening_mark(p)
                || matches!(p, '(' | '[' | '{' | '/' | ':')
        })
    }

    /// The mark may close: it ends the block or comes before a space,
    /// punctuation, an ellipsis, a dash or a closing mark.
    fn close_side(&self) -> bool {
        self.next.is_none_or(|n| {
            n.is_whitespace() || n.is_ascii_punctuation() || n == '…' || is_dash(n) || is_closer(n)
        })
    }

    /// "nurses’ pay": after a final s and before a space and a word.
    fn possessive(&self) -> bool {
        matches!(self.prev, Some('s' | 'S'))
            && self.next.is_some_and(char::is_whitespace)
            && self.after_next.is_some_and(char::is_alphabetic)
    }
}

/// The role of mark `c` between its neighbours, or none for an apostrophe
/// ("don’t", "the ’90s") or a mark no side claims. A curly double mark
/// typed the wrong way round closes or opens by where it stands
/// ("“It's unusual,“ said…", German „so“).
fn role_of(c: char, family: Family, around: &Around) -> Option<Role> {
    let letter_before = around.prev.is_some_and(char::is_alphanumeric);
    let letter_after = around.next.is_some_and(char::is_alphanumeric);
    let (open_side, close_side) = (around.open_side(), around.close_side());
    let single = family == Family::Single;
    match c {
        '“' if close_side && !open_side => Some(Role::Close),
        '”' if open_side && !close_side => Some(Role::Open),
        '“' | '„' | '«' | '‹' | '「' | '『' => Some(Role::Open),
        '”' | '»' | '›' | '」' | '』' => Some(Role::Close),
        '‘' if letter_before && letter_after => None,
        '‘' => Some(Role::Open),
        _ if letter_before && letter_after && single => None,
        _ if single && !letter_before && around.next.is_some_and(|n| n.is_ascii_digit()) => None,
        '’' if open_side && !close_side => None,
        _ if open_side && !close_side => Some(Role::Open),
        _ if close_side && !open_side && around.possessive() && single => Some(Role::WeakClose),
        _ if close_side && !open_side => Some(Role::Close),
        '"' if open_side == close_side => Some(Role::Either),
        _ => None,
    }
}

/// Pairs marks with a stack. Returns the outermost pairs, or the position
/// of an opening mark that never closes and cannot run on (a stray, to be
/// dropped before pairing again).
fn pair(text: &str, block: &Range<usize>, marks: &[Mark]) -> (Vec<Marked>, Option<usize>) {
    let mut found = Vec::new();
    let mut stack: Vec<Mark> = Vec::new();
    for (i, mark) in marks.iter().enumerate() {
        let opener = stack.iter().rposition(|o| o.family == mark.family);
        let closes = match mark.role {
            Role::Close | Role::Either => opener.is_some(),
            Role::WeakClose => opener.is_some() && !better_close_follows(marks, i),
            Role::Open => false,
        };
        if let (true, Some(index)) = (closes, opener) {
            let open = stack[index];
            stack.truncate(index);
            if stack.is_empty() {
                found.push(Marked {
                    open: open.at,
                    inner: without_spaces(text, open.at + open.len..mark.at),
                    outer_end: mark.at + mark.len,
                    unclosed: false,
                });
            }
        } else if matches!(mark.role, Role::Open | Role::Either) {
            stack.push(*mark);
        }
    }
    if let Some(open) = stack.first() {
        let before = text[block.start..open.at].trim_end();
        if before.is_empty() || before.ends_with(':') {
            found.retain(|m| m.open < open.at);
            found.push(Marked {
                open: open.at,
                inner: without_spaces(text, open.at + open.len..block.end),
                outer_end: block.end,
                unclosed: true,
            });
        } else {
            return (found, Some(open.at));
        }
    }
    (found, None)
}

/// `range` without the spaces at its ends: French sets its guillemets
/// apart from the quoted words (« Rien n’est perdu »).
fn without_spaces(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    start..start.max(range.start + inner.trim_end().len())
}

/// Whether another closing mark of the same family comes after `marks[i]`
/// before the next opening mark of that family (so of several possessive
/// look-alikes, the last one closes).
fn better_close_follows(marks: &[Mark], i: usize) -> bool {
    let family = marks[i].family;
    marks[i + 1..]
        .iter()
        .find(|m| m.family == family)
        .is_some_and(|m| matches!(m.role, Role::Close | Role::WeakClose))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find(text, 0..text.len())
            .into_iter()
            .map(|m| &text[m.inner])
            .collect()
    }

    #[test]
    fn pairs_marks() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("curly doubles", "He said: “It works.”", &["It works."]),
            ("straight doubles", "\"It works,\" he said.", &["It works,"]),
            (
                "curly opening, straight closing",
                "“It works.\" he said",
                &["It works."],
            ),
            (
                "French guillemets set apart by no-break spaces",
                "Il a dit : «\u{a0}Rien n’est perdu.\u{202f}»",
                &["Rien n’est perdu."],
            ),
            (
                "Japanese corner brackets, white ones inside",
                "彼は「『東京』は大きい」と言った。",
                &["『東京』は大きい"],
            ),
            (
                "apostrophes inside",
                "He said: ‘I don’t know Hunt's view.’",
                &["I don’t know Hunt's view."],
            ),
            (
                "plural possessive before the close",
                "not spending ‘every Monday on every trusts' finances’ and more",
                &["every Monday on every trusts' finances"],
            ),
            (
                "two scare quotes",
                "he had been ‘impressed’ by the ‘difficult circumstances’ faced",
                &["impressed", "difficult circumstances"],
            ),
            (
                "nested quotes stay inside",
                "“He called it ‘madness’,” she said.",
                &["He called it ‘madness’,"],
            ),
            (
                "British nesting",
                "‘He called it “madness”,’ she said.",
                &["He called it “madness”,"],
            ),
            (
                "runs on after a colon",
                "He added: “The view is clear",
                &["The view is clear"],
            ),
            (
                "runs on from the block start",
                "“It is invidious",
                &["It is invidious"],
            ),
            (
                "opening mark typed as the closing one",
                "“It's unusual,“ said Noble. “It's hard.”",
                &["It's unusual,", "It's hard."],
            ),
            (
                "German marks",
                "Er sagte: „Es geht.“ Dann ging er.",
                &["Es geht."],
            ),
            (
                "closing mark typed as the opening one",
                "Doing so ”appeared to be an attempt,” she said.",
                &["appeared to be an attempt,"],
            ),
            (
                "single and double closing together",
                "\"People say, 'It is over,'\" said King. \"It is 'what?' Turnout.\"",
                &["People say, 'It is over,'", "It is 'what?' Turnout."],
            ),
            (
                "a space between the closing marks",
                "\"The term 'outreach,' \" he told the group.",
                &["The term 'outreach,'"],
            ),
            ("decade is no quote", "back in the ’90s and the '80s", &[]),
            ("possessive only", "the nurses' union and Jones’ view", &[]),
            (
                "stray opener mid-sentence",
                "a “stray mark and a ‘real one’ here",
                &["real one"],
            ),
        ];
        for &(name, text, want) in cases {
            assert_eq!(quoted(text), want, "{name}: {text:?}");
        }
    }

    #[test]
    fn unclosed_flag() {
        let text = "He said: “Part one";
        let found = find(text, 0..text.len());
        assert!(
            found.len() == 1 && found[0].unclosed,
            "{text:?} should run on: {found:?}"
        );
    }
}
