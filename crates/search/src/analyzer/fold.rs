//! Folds a word to its surface form: lower case, no diacritics, ligatures
//! spelled out, apostrophes and a possessive `'s` removed.
//!
//! Invariant: the output contains only lower-case alphanumeric characters
//! without combining marks, and folding is idempotent.

use super::fold_table::kept_decomposition;
use super::tokenizer::is_apostrophe;
use super::MAX_WORD_BYTES;

/// Letters that neither lower-casing nor canonical decomposition fold,
/// with what they fold to. Keep sorted by the letter.
const SPELLED_OUT: &[(char, &str)] = &[
    ('ß', "ss"),
    ('æ', "ae"),
    ('ð', "d"),
    ('ø', "o"),
    ('þ', "th"),
    ('đ', "d"),
    ('ı', "i"),
    ('ł', "l"),
    ('œ', "oe"),
    ('ſ', "s"),
    ('ς', "σ"),
];

/// The surface form of one word as found by the tokenizer.
pub fn fold_word(word: &str) -> String {
    // Most words are plain ASCII letters and digits, which only lower-casing
    // changes: the shortcut gives what the character-by-character fold
    // would, without its Unicode tables.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word[..word.len().min(MAX_WORD_BYTES)].to_ascii_lowercase();
    }
    fold_chars(word)
}

/// [`fold_word`] character by character, for any word.
fn fold_chars(word: &str) -> String {
    let word = strip_possessive(word);
    let mut out = String::with_capacity(word.len());
    let mut kept = Vec::new();
    for c in word.chars() {
        kept_decomposition(c, &mut kept);
        for &letter in &kept {
            for lower in letter.to_lowercase() {
                match SPELLED_OUT.binary_search_by_key(&lower, |&(from, _)| from) {
                    Ok(i) => out.push_str(SPELLED_OUT[i].1),
                    Err(_) => out.push(lower),
                }
            }
            if out.len() >= MAX_WORD_BYTES {
                return out;
            }
        }
    }
    out
}

/// `Hunt’s` → `Hunt`: the possessive would otherwise glue onto the name.
fn strip_possessive(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, 's' | 'S')), Some((i, c))) if is_apostrophe(c) && i > 0 => &word[..i],
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_words() {
        let rows: &[(&str, &str)] = &[
            ("Visa", "visa"),
            ("NAÏVE", "naive"),
            ("Straße", "strasse"),
            ("Œuvre", "oeuvre"),
            ("Hunt’s", "hunt"),
            ("don't", "dont"),
            ("ﬁnance", "finance"),
            ("Łódź", "lodz"),
            ("’s", "s"),
            ("42", "42"),
        ];
        for &(word, expected) in rows {
            assert_eq!(fold_word(word), expected, "folding {word:?}");
            assert_eq!(
                fold_word(expected),
                expected,
                "folding is idempotent on {expected:?}"
            );
        }
        let long = "Abc".repeat(MAX_WORD_BYTES);
        for ascii in ["Visa", "NHS", "x", "2018", "b2B", long.as_str()] {
            assert_eq!(
                fold_word(ascii),
                fold_chars(ascii),
                "the ASCII shortcut folds {ascii:?} as the full fold does"
            );
        }
        assert!(
            SPELLED_OUT.windows(2).all(|w| w[0].0 < w[1].0),
            "SPELLED_OUT must stay sorted"
        );
    }
}
