//! What the engine tells the user about a query it had to read generously:
//! ignored operators, unknown fields, filters matching nothing.
//!
//! Invariant: every notice displays as one sentence addressed to the user,
//! the text the explorer and the CLI show.

use serde::{Deserialize, Serialize};

/// One thing the engine did with a malformed or unlucky query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A `-` followed by a space.
    LoneMinus,
    /// A quote never closed; `text` is what it ran over.
    UnclosedQuote {
        text: String,
    },
    /// `field:"…` never closed.
    UnclosedFieldQuote {
        field: String,
        text: String,
    },
    /// `name:` where `name` is no facet; the words were searched instead.
    UnknownField {
        field: String,
    },
    /// `field:` with nothing after it.
    EmptyFieldValue {
        field: String,
    },
    /// `""`.
    EmptyQuotes,
    OrWithoutWordBefore,
    OrWithoutWordAfter,
    /// `word OR field:value`.
    OrBeforeFilter {
        field: String,
    },
    /// `word OR -word`.
    OrBeforeExclusion,
    /// More words to find than the engine evaluates; the first `kept` were.
    TooManyWords {
        kept: usize,
    },
    /// More words to leave out than the engine evaluates; the first `kept`
    /// were.
    TooManyExclusions {
        kept: usize,
    },
    /// A query longer than the engine reads; the first `kept` characters
    /// were.
    QueryTooLong {
        kept: usize,
    },
    /// More words joined by `OR` than the engine evaluates; the first
    /// `kept` were.
    TooManyAlternatives {
        kept: usize,
    },
    /// More `field:value` filters than the engine applies; the first `kept`
    /// were.
    TooManyFilters {
        kept: usize,
    },
    /// A phrase longer than the engine matches; its first `kept` words were.
    PhraseTooLong {
        kept: usize,
    },
    /// More notices than are shown; `omitted` were left out.
    MoreNotices {
        omitted: usize,
    },
    /// A `field:value` filter whose value names nothing in the facet.
    NoFacetValue {
        facet: String,
        value: String,
        negated: bool,
    },
    /// A request filter on a facet the index does not have.
    UnknownFacet {
        name: String,
    },
    /// No unit has every word; those with some of them are shown.
    PartialMatch,
    /// A filter on names or speakers while the documents' contents, where
    /// they are read from, are still arriving: nothing matches until then.
    FacetArriving {
        facet: String,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::LoneMinus => f.write_str(
                "Ignored a lone '-' (write -word to leave out documents with that word).",
            ),
            Notice::UnclosedQuote { text } => {
                write!(f, "Added the missing closing quote after \"{text}\".")
            }
            Notice::UnclosedFieldQuote { field, text } => {
                write!(
                    f,
                    "Added the missing closing quote after {field}:\"{text}\"."
                )
            }
            Notice::UnknownField { field } => write!(
                f,
                "There is no field \"{field}\"; searched for the words instead."
            ),
            Notice::EmptyFieldValue { field } => {
                write!(f, "Ignored \"{field}:\" without a value.")
            }
            Notice::EmptyQuotes => f.write_str("Ignored empty quotes."),
            Notice::OrWithoutWordBefore => {
                f.write_str("Ignored an OR without a search word before it.")
            }
            Notice::OrWithoutWordAfter => {
                f.write_str("Ignored an OR without a search word after it.")
            }
            Notice::OrBeforeFilter { field } => {
                write!(f, "OR cannot join a filter ({field}:); treated it as AND.")
            }
            Notice::OrBeforeExclusion => {
                f.write_str("OR cannot join an excluded word; treated it as AND.")
            }
            Notice::TooManyWords { kept } => write!(f, "Searched for the first {kept} words only."),
            Notice::TooManyExclusions { kept } => {
                write!(f, "Excluded the first {kept} words only.")
            }
            Notice::QueryTooLong { kept } => {
                write!(f, "Searched the first {kept} characters of the query only.")
            }
            Notice::TooManyAlternatives { kept } => {
                write!(f, "Searched the first {kept} words joined by OR only.")
            }
            Notice::TooManyFilters { kept } => write!(f, "Applied the first {kept} filters only."),
            Notice::PhraseTooLong { kept } => {
                write!(f, "Searched the first {kept} words of a long phrase only.")
            }
            Notice::MoreNotices { omitted } => {
                let noun = if *omitted == 1 { "note" } else { "notes" };
                write!(f, "{omitted} more {noun} about the query not shown.")
            }
            Notice::NoFacetValue {
                facet,
                value,
                negated,
            } => {
                let outcome = if *negated {
                    "nothing to leave out"
                } else {
                    "so nothing matches"
                };
                write!(f, "No {facet} matches \"{value}\": {outcome}.")
            }
            Notice::UnknownFacet { name } => {
                write!(f, "There is no facet \"{name}\"; ignored its filter.")
            }
            Notice::PartialMatch => {
                f.write_str("Nothing matches every word; showing results that match some of them.")
            }
            Notice::FacetArriving { facet } => write!(
                f,
                "The {facet} filter applies once the documents' names and quotes have arrived."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_read_as_the_sentences_the_user_sees() {
        let cases = [
            (
                Notice::UnclosedFieldQuote {
                    field: "speaker".into(),
                    text: "jeremy".into(),
                },
                "Added the missing closing quote after speaker:\"jeremy\".",
            ),
            (
                Notice::NoFacetValue {
                    facet: "speaker".into(),
                    value: "nobody".into(),
                    negated: true,
                },
                "No speaker matches \"nobody\": nothing to leave out.",
            ),
            (
                Notice::TooManyWords { kept: 16 },
                "Searched for the first 16 words only.",
            ),
            (
                Notice::QueryTooLong { kept: 500 },
                "Searched the first 500 characters of the query only.",
            ),
            (
                Notice::FacetArriving {
                    facet: "person".into(),
                },
                "The person filter applies once the documents' names and quotes have arrived.",
            ),
            (
                Notice::MoreNotices { omitted: 1 },
                "1 more note about the query not shown.",
            ),
        ];
        for (notice, text) in cases {
            assert_eq!(notice.to_string(), text);
        }
    }
}
