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
//! Hostile input is bounded before it costs anything: the input is cut to
//! [`MAX_QUERY_CHARS`], and clauses, OR alternatives, filters, phrase words
//! and notices each have a cap; whatever a cap drops is said in a notice.
//!
//! Invariant: parsing never fails and never panics, for any string, and a
//! parsed query never holds more than the caps below allow.

use super::analyzer::Analyzer;
use super::notice::Notice;

/// Longest query read, in characters; the rest is cut with a notice. The
/// URL state, the search box's `maxlength` (which counts UTF-16 units, so is
/// never looser), the embed messages and the CLI share this one limit.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most clauses evaluated; the rest are dropped with a notice.
pub const MAX_CLAUSES: usize = 16;
/// Most alternatives joined by `OR` in one clause; the rest are dropped
/// with a notice.
pub const MAX_ALTERNATIVES: usize = 16;
/// Most `field:value` filters applied; the rest are dropped with a notice.
pub const MAX_FILTERS: usize = 16;
/// Most words of a phrase matched; the rest are dropped with a notice.
pub const MAX_PHRASE_WORDS: usize = 32;
/// Most notices shown about one query; the rest are counted in a last one.
pub const MAX_NOTICES: usize = 8;

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

const OPENING_QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '″', '「', '『'];
const CLOSING_QUOTES: &[char] = &['"', '“', '”', '«', '»', '″', '」', '』'];
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

/// The longest start of `query` within [`MAX_QUERY_CHARS`] characters.
pub fn cut_to_limit(query: &str) -> &str {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((end, _)) => &query[..end],
        None => query,
    }
}

/// `notices` with repeats left out and at most [`MAX_NOTICES`] kept, the
/// rest counted in a last [`Notice::MoreNotices`].
pub fn bounded_notices(notices: Vec<Notice>) -> Vec<Notice> {
    let mut kept: Vec<Notice> = Vec::new();
    let mut omitted = 0;
    for notice in notices {
        if kept.contains(&notice) {
            continue;
        }
        if kept.len() < MAX_NOTICES {
            kept.push(notice);
        } else {
            omitted += 1;
        }
    }
    if omitted > 0 {
        kept.push(Notice::MoreNotices { omitted });
    }
    kept
}

/// Parses `input`; `is_field` says which names are facets.
pub fn parse(input: &str, analyzer: &Analyzer, is_field: &dyn Fn(&str) -> bool) -> Query {
    let mut parser = Parser::default();
    let cut = cut_to_limit(input);
    if cut.len() < input.len() {
        parser.notify(Notice::QueryTooLong {
            kept: MAX_QUERY_CHARS,
        });
    }
    let lexemes = lex(cut, is_field, &mut parser.query.notices);
    let count = lexemes.len();
    for (i, lexeme) in lexemes.into_iter().enumerate() {
        match lexeme {
            Lexeme::Or => parser.or(i + 1 == count),
            Lexeme::Filter(filter) => parser.filter(filter),
            Lexeme::Words {
                text,
                negated,
                quoted,
                at_end,
            } => {
                let Some(item) = parser.item(analyzer, &text, !quoted && !negated && at_end) else {
                    if quoted {
                        parser.notify(Notice::EmptyQuotes);
                    }
                    continue;
                };
                if negated {
                    parser.exclude(item);
                } else {
                    parser.require(item);
                }
            }
        }
    }
    parser.query.notices = bounded_notices(parser.query.notices);
    parser.query
}

/// The query being built by [`parse`], lexeme by lexeme.
#[derive(Default)]
struct Parser {
    query: Query,
    /// An `OR` waits for the alternative after it.
    pending_or: bool,
    /// The last lexeme was something to find, which an `OR` may join.
    last_was_positive: bool,
    /// The last clause was dropped for [`MAX_CLAUSES`], and so are the
    /// alternatives an `OR` joins to it.
    last_clause_dropped: bool,
}

impl Parser {
    fn notify(&mut self, notice: Notice) {
        self.query.notices.push(notice);
    }

    fn or(&mut self, is_last: bool) {
        if self.last_was_positive && !self.pending_or {
            self.pending_or = true;
        } else {
            self.notify(Notice::OrWithoutWordBefore);
        }
        self.last_was_positive = false;
        if is_last && self.pending_or {
            self.notify(Notice::OrWithoutWordAfter);
            self.pending_or = false;
        }
    }

    fn filter(&mut self, filter: FieldFilter) {
        if std::mem::take(&mut self.pending_or) {
            self.notify(Notice::OrBeforeFilter {
                field: filter.field.clone(),
            });
        }
        if self.query.filters.len() < MAX_FILTERS {
            self.query.filters.push(filter);
        } else {
            self.notify(Notice::TooManyFilters { kept: MAX_FILTERS });
        }
        self.last_was_positive = false;
    }

    /// The word or phrase `text` holds, at most [`MAX_PHRASE_WORDS`] long;
    /// `None` when it holds no word.
    fn item(&mut self, analyzer: &Analyzer, text: &str, prefix: bool) -> Option<Item> {
        let mut words = analyzer.surface_words(text);
        if words.len() > MAX_PHRASE_WORDS {
            words.truncate(MAX_PHRASE_WORDS);
            self.notify(Notice::PhraseTooLong {
                kept: MAX_PHRASE_WORDS,
            });
        }
        match words.len() {
            0 => None,
            1 => words.pop().map(|word| Item::Word { word, prefix }),
            _ => Some(Item::Phrase(words)),
        }
    }

    fn exclude(&mut self, item: Item) {
        if std::mem::take(&mut self.pending_or) {
            self.notify(Notice::OrBeforeExclusion);
        }
        if self.query.excluded.len() < MAX_CLAUSES {
            self.query.excluded.push(item);
        } else {
            self.notify(Notice::TooManyExclusions { kept: MAX_CLAUSES });
        }
        self.last_was_positive = false;
    }

    fn require(&mut self, item: Item) {
        self.last_was_positive = true;
        let joins = std::mem::take(&mut self.pending_or);
        if joins && self.last_clause_dropped {
            self.notify(Notice::TooManyWords { kept: MAX_CLAUSES });
        } else if joins {
            if let Some(clause) = self.query.required.last_mut() {
                if clause.alternatives.len() < MAX_ALTERNATIVES {
                    clause.alternatives.push(item);
                } else {
                    self.notify(Notice::TooManyAlternatives {
                        kept: MAX_ALTERNATIVES,
                    });
                }
            }
        } else if self.query.required.len() < MAX_CLAUSES {
            self.query.required.push(Clause {
                alternatives: vec![item],
            });
            self.last_clause_dropped = false;
        } else {
            self.notify(Notice::TooManyWords { kept: MAX_CLAUSES });
            self.last_clause_dropped = true;
        }
    }
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
                "「東京 大学」",
                Query {
                    required: vec![one(phrase(&["東", "京", "大", "学"]))],
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

    /// `count` numbered words joined by `separator`.
    fn numbered(count: usize, separator: &str) -> String {
        (0..count)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(separator)
    }

    #[test]
    fn every_cap_cuts_the_query_with_its_notice() {
        let analyzer = Analyzer::default();
        let is_field = |f: &str| f == "speaker";
        let fields = (0..40)
            .map(|i| format!("speaker:s{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        type Check = fn(&Query) -> bool;
        let rows: Vec<(String, Notice, Check)> = vec![
            (
                "x".repeat(MAX_QUERY_CHARS * 4),
                Notice::QueryTooLong {
                    kept: MAX_QUERY_CHARS,
                },
                |q| q.required.len() == 1,
            ),
            (
                numbered(MAX_ALTERNATIVES * 2, " OR "),
                Notice::TooManyAlternatives {
                    kept: MAX_ALTERNATIVES,
                },
                |q| q.required.len() == 1 && q.required[0].alternatives.len() == MAX_ALTERNATIVES,
            ),
            (fields, Notice::TooManyFilters { kept: MAX_FILTERS }, |q| {
                q.filters.len() == MAX_FILTERS
            }),
            (
                format!("\"{}\"", numbered(MAX_PHRASE_WORDS * 2, " ")),
                Notice::PhraseTooLong {
                    kept: MAX_PHRASE_WORDS,
                },
                |q| {
                    q.required[0].alternatives
                        == [Item::Phrase(
                            (0..MAX_PHRASE_WORDS).map(|i| format!("w{i}")).collect(),
                        )]
                },
            ),
            (
                format!("{} extra OR other", numbered(MAX_CLAUSES, " ")),
                Notice::TooManyWords { kept: MAX_CLAUSES },
                |q| {
                    q.required.len() == MAX_CLAUSES
                        && q.required.iter().all(|c| c.alternatives.len() == 1)
                },
            ),
            (
                format!("-{}", numbered(MAX_CLAUSES * 2, " -")),
                Notice::TooManyExclusions { kept: MAX_CLAUSES },
                |q| q.excluded.len() == MAX_CLAUSES,
            ),
        ];
        for (input, notice, check) in rows {
            let query = parse(&input, &analyzer, &is_field);
            assert!(check(&query), "{input:?} gave {query:?}");
            assert!(
                query.notices.contains(&notice),
                "{input:?} gave {:?}",
                query.notices
            );
        }
    }

    #[test]
    fn notices_are_shown_once_and_at_most_the_cap() {
        let analyzer = Analyzer::default();
        let repeated = parse("a - - - -", &analyzer, &|_| false);
        assert_eq!(repeated.notices, [Notice::LoneMinus]);
        let unknown = (0..MAX_NOTICES * 2)
            .map(|i| format!("f{i}:x"))
            .collect::<Vec<_>>()
            .join(" ");
        let notices = parse(&unknown, &analyzer, &|_| false).notices;
        assert_eq!(notices.len(), MAX_NOTICES + 1);
        assert_eq!(
            notices.last(),
            Some(&Notice::MoreNotices {
                omitted: MAX_NOTICES
            })
        );
    }

    #[test]
    fn the_length_limit_cuts_on_a_character_boundary() {
        let long = "é".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(cut_to_limit(&long).chars().count(), MAX_QUERY_CHARS);
        assert_eq!(cut_to_limit("visa"), "visa");
    }
}
