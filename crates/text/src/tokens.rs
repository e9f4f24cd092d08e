//! Tokens for reading names: the prose words of a text and every mark of
//! punctuation between them, with byte offsets and whether each opens a
//! sentence.
//!
//! Words are [`Prose`](crate::words::Prose) words with two changes for names: a
//! possessive "'s" or "’s" becomes a punctuation token of its own ("NHS’s" is
//! "NHS" and "’s"), and a middle initial keeps its full stop when a capital
//! follows ("James R. Smith" has the word "R."). Every other character that
//! is not a space is one punctuation token, except an ampersand standing
//! alone, which is a word because it joins names ("Health & Social Care").
//!
//! Invariant: tokens are ascending, non-empty, disjoint, on `char`
//! boundaries, and cover every character of the range but whitespace.

use std::ops::Range;

use crate::words::{is_capitalised, word_spans, Prose};

/// Whether a token is a word or a mark of punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punctuation,
}

/// A word or punctuation mark, as a byte range of the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    /// The token as written: `text[start..end]`.
    pub text: &'a str,
    pub kind: TokenKind,
    /// The token starts a sentence, a line, or follows an opening quote,
    /// bracket, bullet or dash.
    pub initial: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// A word starting with a capital ("Hunt", "NHS").
    pub fn capitalised(&self) -> bool {
        self.is_word() && is_capitalised(self.text)
    }

    /// A word with letters and no lowercase letter ("NHS", "A").
    pub fn all_caps(&self) -> bool {
        self.is_word()
            && self.text.chars().any(char::is_alphabetic)
            && !self.text.chars().any(char::is_lowercase)
    }

    /// The token in lowercase.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Punctuation after which the next token opens a sentence or a quotation.
fn opens_after(mark: &str) -> bool {
    matches!(
        mark,
        "." | "!" | "?" | ":" | ";" | "“" | "\"" | "‘" | "'" | "(" | "•" | "–" | "—"
    )
}

/// Endings that mark a possessive, split off a word in this order.
const POSSESSIVES: [&str; 2] = ["'s", "’s"];

/// Whether `text` is a possessive ending ("'s", "’s"), as [`tokens`] splits
/// it off a word.
pub fn is_possessive(text: &str) -> bool {
    POSSESSIVES.contains(&text)
}

/// `word` without its possessive ending ("Japan's" → "Japan"), if it has one.
pub fn without_possessive(word: &str) -> Option<&str> {
    POSSESSIVES
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
}

/// The tokens of `text[range]`, as offsets into `text`.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Tokens {
        text,
        tokens: Vec::new(),
        line_break: true,
    };
    let mut cursor = range.start;
    for word in word_spans::<Prose>(&text[range.clone()]) {
        let (start, end) = (range.start + word.start, range.start + word.end);
        if start < cursor {
            continue;
        }
        out.gap(cursor..start);
        cursor = out.word(start, end);
    }
    out.gap(cursor..range.end);
    out.tokens
}

/// Tokens being collected, and whether a line break came since the last.
struct Tokens<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    line_break: bool,
}

impl<'a> Tokens<'a> {
    /// Whether the next token opens a sentence; resets the line break.
    fn next_initial(&mut self) -> bool {
        let initial = self.line_break
            || self
                .tokens
                .last()
                .is_none_or(|t| !t.is_word() && opens_after(t.text));
        self.line_break = false;
        initial
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, initial: bool) {
        self.tokens.push(Token {
            start,
            end,
            text: &self.text[start..end],
            kind,
            initial,
        });
    }

    /// Punctuation and line breaks between words.
    fn gap(&mut self, range: Range<usize>) {
        for (i, c) in self.text[range.clone()].char_indices() {
            if c == '\n' {
                self.line_break = true;
            } else if !c.is_whitespace() {
                let initial = self.next_initial();
                let start = range.start + i;
                let kind = if c == '&' {
                    TokenKind::Word
                } else {
                    TokenKind::Punctuation
                };
                self.push(start, start + c.len_utf8(), kind, initial);
            }
        }
    }

    /// The word at `start..end`, with a middle initial's full stop and a
    /// possessive split off; returns where the word's characters end.
    fn word(&mut self, start: usize, end: usize) -> usize {
        let initial = self.next_initial();
        let end = end + usize::from(self.is_middle_initial(start, end));
        let mut stem = end;
        for ending in POSSESSIVES {
            if self.text[start..stem].ends_with(ending) && stem - ending.len() > start {
                stem -= ending.len();
            }
        }
        self.push(start, stem, TokenKind::Word, initial);
        if stem < end {
            self.push(stem, end, TokenKind::Punctuation, false);
        }
        end
    }

    /// "R" in "James R. Smith": one capital, then ". " and a capital.
    fn is_middle_initial(&self, start: usize, end: usize) -> bool {
        let mut letters = self.text[start..end].chars();
        let one_capital =
            letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
        let rest = &self.text[end..];
        one_capital && rest.starts_with(". ") && rest[2..].starts_with(char::is_uppercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token as the table writes it: text, `w`/`p` for its kind, and `^`
    /// when it is initial.
    fn show(text: &str) -> Vec<String> {
        tokens(text, 0..text.len())
            .iter()
            .map(|t| {
                assert_eq!(&text[t.start..t.end], t.text, "offsets of {t:?}");
                let kind = if t.is_word() { "w" } else { "p" };
                let initial = if t.initial { "^" } else { "" };
                format!("{initial}{}/{kind}", t.text)
            })
            .collect()
    }

    #[test]
    fn tokens_of_tricky_text() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            (
                "James R. Smith said",
                &["^James/w", "R./w", "Smith/w", "said/w"],
            ),
            ("the NHS’s plan", &["^the/w", "NHS/w", "’s/p", "plan/w"]),
            ("Hunt's", &["^Hunt/w", "'s/p"]),
            ("AT&T and B & Q", &["^AT&T/w", "and/w", "B/w", "&/w", "Q/w"]),
            (
                "Bayliss-Pratt - a one-off",
                &["^Bayliss-Pratt/w", "-/p", "a/w", "one-off/w"],
            ),
            (
                "He said: “Yes.” Then",
                &[
                    "^He/w", "said/w", ":/p", "^“/p", "^Yes/w", "./p", "^”/p", "Then/w",
                ],
            ),
            ("one\ntwo  three", &["^one/w", "^two/w", "three/w"]),
            ("A. B", &["^A./w", "B/w"]),
            ("Москва и Київ", &["^Москва/w", "и/w", "Київ/w"]),
            ("東京 (Tokyo)", &["^東京/w", "(/p", "^Tokyo/w", ")/p"]),
            ("U.S. Army", &["^U.S/w", "./p", "^Army/w"]),
        ];
        for (text, expected) in cases {
            assert_eq!(show(text), *expected, "tokens of {text:?}");
        }
    }

    #[test]
    fn offsets_are_into_the_whole_text() {
        let text = "Intro. Jeremy Hunt";
        let got: Vec<(usize, &str, bool)> = tokens(text, 7..text.len())
            .iter()
            .map(|t| (t.start, t.text, t.initial))
            .collect();
        assert_eq!(got, [(7, "Jeremy", true), (14, "Hunt", false)]);
    }
}
