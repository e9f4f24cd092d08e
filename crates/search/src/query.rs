//! Parses what the user typed into the clauses the engine evaluates.
//!
//! Syntax (as documented in the UI):
//! - `visa care`: documents with every word (typos and the last word's
//!   prefix allowed);
//! - `"health and care visa"`: the words in this order, exactly (straight
//!   or curly quotes);
//! - `-brexit`, `-"home office"`: documents without the word or phrase;
//! - `field:value`, `field:"two words"`, `-field:value`: facet filters
//!   (`speaker:hunt`, `source:hsj`, `kind:letter`, `year:2018`, `person:`,
//!   `org:`, `place:` and every front-matter facet);
//! - `nurses OR doctors`: either word (or phrase).
//!
//! Malformed input is searched as sensibly as possible and explained in
//! `notices`: an unclosed quote runs to the end, a lone `-` or a dangling
//! `OR` is ignored, an unknown field is searched as words, an empty
//! `field:` is ignored.
//!
//! Invariant: parsing never fails and never panics, for any string.

use super::analyzer::Analyzer;
use super::notice::Notice;

/// Most clauses evaluated; the rest are dropped with a notice.
pub const MAX_CLAUSES: usize = 16;

/// Something to find in the text, as folded surface words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// One word; `prefix` when it is the word being typed.
    Word { word: String, prefix: bool },
    /// Consecutive words.
    Phrase(Vec<String>),
}

/// A required clause: any one of its alternatives must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub alternatives: Vec<Item>,
}

/// A `field:value` filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldFilter {
    pub field: String,
    pub value: String,
    pub negated: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub required: Vec<Clause>,
    pub excluded: Vec<Item>,
    pub filters: Vec<FieldFilter>,
    pub notices: Vec<Notice>,
}

impl Query {
    /// Whether the query has no words to look for (filters may remain).
    pub fn has_no_words(&self) -> bool {
        self.required.is_empty()
    }
}

const OPENING_QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '″'];
const CLOSING_QUOTES: &[char] = &['"', '“', '”', '«', '»', '″'];
const MINUS_SIGNS: &[char] = &['-', '−'];

/// One lexical unit of the query.
#[derive(Debug)]
enum Lexeme {
    Words {
        text: String,
        negated: bool,
        quoted: bool,
        at_end: bool,
    },
    Filter(FieldFilter),
    Or,
}

/// Parses `input`; `is_field` says which names are facets.
pub fn parse(input: &str, analyzer: &Analyzer, is_field: &dyn Fn(&str) -> bool) -> Query {
    let mut query = Query::default();
    let lexemes = lex(input, is_field, &mut query.notices);
    let mut pending_or = false;
    let mut last_was_positive = false;
    let count = lexemes.len();
    for (i, lexeme) in lexemes.into_iter().enumerate() {
        match lexeme {
            Lexeme::Or => {
                if last_was_positive && !pending_or {
                    pending_or = true;
                } else {
                    query.notices.push(Notice::OrWithoutWordBefore);
                }
                last_was_positive = false;
                if i + 1 == count && pending_or {
                    query.notices.push(Notice::OrWithoutWordAfter);
                    pending_or = false;
                }
            }
            Lexeme::Filter(filter) => {
                if pending_or {
                    query.notices.push(Notice::OrBeforeFilter {
                        field: filter.field.clone(),
                    });
                    pending_or = false;
                }
                query.filters.push(filter);
                last_was_positive = false;
            }
            Lexeme::Words {
                text,
                negated,
                quoted,
                at_end,
            } => {
                let words = analyzer.surface_words(&text);
                let item = match words.len() {
                    0 => {
                        if quoted {
                            query.notices.push(Notice::EmptyQuotes);
                        }
                        continue;
                    }
                    1 => {
                        let word = words.into_iter().next().unwrap_or_default();
                        Item::Word {
                            word,
                            prefix: !quoted && !negated && at_end,
                        }
                    }
                    _ => Item::Phrase(words),
                };
                if negated {
                    if pending_or {
                        query.notices.push(Notice::OrBeforeExclusion);
                        pending_or = false;
                    }
                    query.excluded.push(item);
                    last_was_positive = false;
                } else if pending_or {
                    if let Some(clause) = query.required.last_mut() {
                        clause.alternatives.push(item);
                    }
                    pending_or = false;
                    last_was_positive = true;
                } else {
                    query.required.push(Clause {
                        alternatives: vec![item],
                    });
                    last_was_positive = true;
                }
            }
        }
    }
    if query.required.len() > MAX_CLAUSES {
        query
            .notices
            .push(Notice::TooManyWords { kept: MAX_CLAUSES });
        query.required.truncate(MAX_CLAUSES);
    }
    if query.excluded.len() > MAX_CLAUSES {
        query
            .notices
            .push(Notice::TooManyExclusions { kept: MAX_CLAUSES });
        query.excluded.truncate(MAX_CLAUSES);
    }
    query
}

/// Splits the input into words, phrases, filters and ORs.
fn lex(input: &str, is_field: &dyn Fn(&str) -> bool, notices: &mut Vec<Notice>) -> Vec<Lexeme> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let mut negated = false;
        if MINUS_SIGNS.contains(&first) {
            let after = &rest[first.len_utf8()..];
            if after.chars().next().is_none_or(char::is_whitespace) {
                notices.push(Notice::LoneMinus);
                rest = after;
                continue;
            }
            negated = true;
            rest = after;
        }
        if let Some(open) = rest.chars().next().filter(|c| OPENING_QUOTES.contains(c)) {
            let (text, after, closed) = quoted(&rest[open.len_utf8()..]);
            if !closed {
                notices.push(Notice::UnclosedQuote {
                    text: text.trim().to_string(),
                });
            }
            out.push(Lexeme::Words {
                text: text.to_string(),
                negated,
                quoted: true,
                at_end: false,
            });
            rest = after;
            continue;
        }
        if let Some((field, after_colon)) = field_prefix(rest) {
            if !is_field(field) {
                notices.push(Notice::UnknownField {
                    field: field.to_string(),
                });
            } else {
                let field = field.to_lowercase();
                let value = match after_colon
                    .chars()
                    .next()
                    .filter(|c| OPENING_QUOTES.contains(c))
                {
                    Some(open) => {
                        let (text, after, closed) = quoted(&after_colon[open.len_utf8()..]);
                        if !closed {
                            notices.push(Notice::UnclosedFieldQuote {
                                field: field.clone(),
                                text: text.trim().to_string(),
                            });
                        }
                        rest = after;
                        text.trim()
                    }
                    None => {
                        let end = after_colon
                            .find(char::is_whitespace)
                            .unwrap_or(after_colon.len());
                        rest = &after_colon[end..];
                        &after_colon[..end]
                    }
                };
                if value.is_empty() {
                    notices.push(Notice::EmptyFieldValue { field });
                } else {
                    out.push(Lexeme::Filter(FieldFilter {
                        field,
                        value: value.to_string(),
                        negated,
                    }));
                }
                continue;
            }
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let bare = &rest[..end];
        rest = &rest[end..];
        if bare == "OR" && !negated {
            out.push(Lexeme::Or);
            continue;
        }
        out.push(Lexeme::Words {
            text: bare.to_string(),
            negated,
            quoted: false,
            at_end: rest.is_empty(),
        });
    }
    out
}

/// `field` and what follows the colon, when `text` starts with a field name
/// (letters, digits, `_` and `-`, starting with a letter) and a colon.
fn field_prefix(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))?;
    let field = &text[..colon];
    let after = text[colon..].strip_prefix(':')?;
    field.chars().next().filter(|c| c.is_alphabetic())?;
    Some((field, after))
}

/// The text up to the closing quote, what follows it, and whether the quote
/// was closed.
fn quoted(after_open: &str) -> (&str, &str, bool) {
    match after_open.find(CLOSING_QUOTES) {
        Some(i) => {
            let close_len = after_open[i..].chars().next().map_or(1, char::len_utf8);
            (&after_open[..i], &after_open[i + close_len..], true)
        }
        None => (after_open, "", false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str, prefix: bool) -> Item {
        Item::Word {
            word: w.into(),
            prefix,
        }
    }

    fn phrase(words: &[&str]) -> Item {
        Item::Phrase(words.iter().map(|w| w.to_string()).collect())
    }

    fn one(item: Item) -> Clause {
        Clause {
            alternatives: vec![item],
        }
    }

    #[test]
    fn parses_the_documented_syntax() {
        let analyzer = Analyzer::default();
        let is_field = |f: &str| matches!(f, "speaker" | "source" | "year");
        let filter = |field: &str, value: &str, negated| FieldFilter {
            field: field.into(),
            value: value.into(),
            negated,
        };
        let rows: Vec<(&str, Query)> = vec![
            (
                "Visa",
                Query {
                    required: vec![one(word("visa", true))],
                    ..Query::default()
                },
            ),
            (
                "visa ",
                Query {
                    required: vec![one(word("visa", false))],
                    ..Query::default()
                },
            ),
            (
                "“Health and care visa”",
                Query {
                    required: vec![one(phrase(&["health", "and", "care", "visa"]))],
                    ..Query::default()
                },
            ),
            (
                "recruitment -brexit",
                Query {
                    required: vec![one(word("recruitment", false))],
                    excluded: vec![word("brexit", false)],
                    ..Query::default()
                },
            ),
            (
                "speaker:hunt visa",
                Query {
                    required: vec![one(word("visa", true))],
                    filters: vec![filter("speaker", "hunt", false)],
                    ..Query::default()
                },
            ),
            (
                "speaker:\"jeremy hunt\" -year:2018",
                Query {
                    filters: vec![
                        filter("speaker", "jeremy hunt", false),
                        filter("year", "2018", true),
                    ],
                    ..Query::default()
                },
            ),
            (
                "nurses OR doctors visa",
                Query {
                    required: vec![
                        Clause {
                            alternatives: vec![word("nurses", false), word("doctors", false)],
                        },
                        one(word("visa", true)),
                    ],
                    ..Query::default()
                },
            ),
            (
                "re-register",
                Query {
                    required: vec![one(phrase(&["re", "register"]))],
                    ..Query::default()
                },
            ),
            (
                "\"health care",
                Query {
                    required: vec![one(phrase(&["health", "care"]))],
                    notices: vec![Notice::UnclosedQuote {
                        text: "health care".into(),
                    }],
                    ..Query::default()
                },
            ),
            (
                "visa - care",
                Query {
                    required: vec![one(word("visa", false)), one(word("care", true))],
                    notices: vec![Notice::LoneMinus],
                    ..Query::default()
                },
            ),
            (
                "colour:red",
                Query {
                    required: vec![one(phrase(&["colour", "red"]))],
                    notices: vec![Notice::UnknownField {
                        field: "colour".into(),
                    }],
                    ..Query::default()
                },
            ),
            (
                "OR visa OR",
                Query {
                    required: vec![one(word("visa", false))],
                    notices: vec![Notice::OrWithoutWordBefore, Notice::OrWithoutWordAfter],
                    ..Query::default()
                },
            ),
            (
                "speaker:",
                Query {
                    notices: vec![Notice::EmptyFieldValue {
                        field: "speaker".into(),
                    }],
                    ..Query::default()
                },
            ),
            ("", Query::default()),
            (" ,;! ", Query::default()),
        ];
        for (input, expected) in rows {
            assert_eq!(
                parse(input, &analyzer, &is_field),
                expected,
                "parsing {input:?}"
            );
        }
    }
}
