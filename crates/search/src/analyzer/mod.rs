//! Text analysis: turns text into tokens, each with a byte range, a folded
//! surface word and an index term.
//!
//! Two chains of small filters run on every word the [`tokenizer`] finds:
//! - the *surface* chain ([`fold`]) folds case, diacritics, ligatures and
//!   apostrophes, so `Organisation’s`, `organisations` and `ORGANISATIONS`
//!   meet; prefix and typo matching work on these surface words, because a
//!   word being typed is not yet a word the stemmer understands;
//! - the *term* chain ([`spelling`], then the English Snowball stemmer)
//!   reduces a surface word to the term the postings are keyed by:
//!   `organisations` → `organizations` → `organ`, and `organization` → `organ`.
//!
//! Invariant: the index and the query go through this same code, so a query
//! word matches a text word exactly when their terms are equal, and every
//! token's `start..end` is a byte range of the analysed text on `char`
//! boundaries.

mod fold;
mod fold_table;
mod spelling;
mod tokenizer;

use rust_stemmers::{Algorithm, Stemmer};

pub use fold::fold_word;
pub use tokenizer::words;

/// Longest surface word kept, in bytes; longer runs (hashes, URLs glued
/// together) are cut at a `char` boundary so they cannot bloat the index.
pub const MAX_WORD_BYTES: usize = 48;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the analysed text.
    pub start: u32,
    pub end: u32,
    /// The folded surface word (`organisations`).
    pub word: String,
    /// The index term (`organ`).
    pub term: String,
}

/// The analysis chain shared by indexing, querying and highlighting.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer(english)")
    }
}

impl Analyzer {
    /// Every word of `text` with its surface word and term.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        words(text)
            .filter_map(|(start, end)| {
                let word = fold_word(&text[start..end]);
                if word.is_empty() {
                    return None;
                }
                let term = self.term(&word);
                Some(Token {
                    start: start as u32,
                    end: end as u32,
                    word,
                    term,
                })
            })
            .collect()
    }

    /// The folded surface words of `text`, in order.
    pub fn surface_words(&self, text: &str) -> Vec<String> {
        words(text)
            .map(|(start, end)| fold_word(&text[start..end]))
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// The index term of a folded surface word.
    pub fn term(&self, word: &str) -> String {
        let spelled = spelling::americanize(word);
        self.stemmer.stem(&spelled).into_owned()
    }

    /// The index terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.surface_words(text)
            .iter()
            .map(|w| self.term(w))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_meet_across_case_diacritics_punctuation_and_spelling() {
        let analyzer = Analyzer::default();
        let rows: &[(&str, &str, bool)] = &[
            ("Organisation", "organisations", true),
            ("organisation", "organization", true),
            ("ORGANISATIONS", "Organization’s", true),
            ("café", "CAFE", true),
            ("Müller", "muller", true),
            ("Straße", "strasse", true),
            ("don’t", "don't", true),
            ("Hunt’s", "hunt", true),
            ("recognise", "recognizing", true),
            ("visas", "visa", true),
            ("œuvre", "oeuvre", true),
            ("visa", "vista", false),
            ("immigrant", "immigration", true),
            ("immigrant", "migrant", false),
        ];
        for &(a, b, same) in rows {
            let (ta, tb) = (analyzer.terms(a), analyzer.terms(b));
            assert_eq!(ta == tb, same, "{a:?} → {ta:?} vs {b:?} → {tb:?}");
        }
    }
}
