//! Finds the words search indexes: the language layer's tokenizer with
//! [`Search`] word shape, a documented specialisation of the prose shape.
//!
//! A word is a maximal run of letters and digits, which may contain
//! single apostrophes between letters (`don't`, `Hunt’s`). Everything else
//! (spaces, punctuation, hyphens, symbols) separates words, so `re-register`
//! is two words and `13.5` is `13` and `5`: a query for "register" finds
//! "re-register", and numbers match by their parts. Chinese and Japanese
//! ideographs and kana are a word each, so a run of them typed in the search
//! box is found as a phrase wherever it is written.
//!
//! Invariant: the ranges are ascending, non-empty, disjoint and on `char`
//! boundaries of the input.

use corpus_text::words::{word_spans, Search};

pub(super) use corpus_text::words::is_apostrophe;

/// Byte ranges of the words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    word_spans::<Search>(text).map(|w| (w.start, w.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_at_the_right_bytes() {
        let rows: &[(&str, &[&str])] = &[
            ("Hello, world!", &["Hello", "world"]),
            ("don’t stop", &["don’t", "stop"]),
            ("'quoted' words'", &["quoted", "words"]),
            ("re-register 13.5", &["re", "register", "13", "5"]),
            ("Ünïcödé – naïve", &["Ünïcödé", "naïve"]),
            ("Visa¹ x²", &["Visa", "x"]),
            ("东京 tokyo", &["东", "京", "tokyo"]),
            ("東京都は", &["東", "京", "都", "は"]),
            ("NHS东京2024", &["NHS", "东", "京", "2024"]),
            ("서울 시", &["서울", "시"]),
            ("", &[]),
            (" ,.;-–— ", &[]),
        ];
        for &(text, expected) in rows {
            let got: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
            assert_eq!(got, expected, "words of {text:?}");
        }
    }
}
