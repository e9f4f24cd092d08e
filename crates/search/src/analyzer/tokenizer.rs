//! Finds the words of a text.
//!
//! A word is a maximal run of letters and digits, which may contain
//! single apostrophes between letters (`don't`, `Hunt’s`). Everything else
//! (spaces, punctuation, hyphens, symbols) separates words, so `re-register`
//! is two words and `13.5` is `13` and `5`.
//!
//! Invariant: the ranges are ascending, non-empty, disjoint and on `char`
//! boundaries of the input.

/// Apostrophes, straight and typographic, that may join the parts of a word.
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// Letters and digits, except superscript and subscript digits, which mark
/// footnotes (`Visa¹`) rather than belong to the word.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || (c.is_numeric() && !matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '₀'..='₉'))
}

/// Byte ranges of the words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                chars.next();
                continue;
            }
            if is_apostrophe(c) {
                let next = text[i + c.len_utf8()..].chars().next();
                if next.is_some_and(is_word_char) {
                    chars.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        Some((start, end))
    })
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
            ("东京 tokyo", &["东京", "tokyo"]),
            ("", &[]),
            (" ,.;-–— ", &[]),
        ];
        for &(text, expected) in rows {
            let got: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
            assert_eq!(got, expected, "words of {text:?}");
        }
    }
}
