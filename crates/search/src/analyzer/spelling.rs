//! Maps British `-ise`/`-isation`/`-yse` spellings to their American `-ize`
//! forms before stemming, which the English stemmer does not do by itself
//! (it reduces `organisation` to `organis` but `organization` to `organ`).
//!
//! Only these suffix families are rewritten: they are regular and rarely
//! change meaning. `-our`/`-or` is left alone because `four`, `hour` and
//! `pour` would be caught too. Query and text go through the same rewrite, so
//! a rewrite can only merge words, never lose a match.
//!
//! Invariant: words that do not end in one of [`SUFFIXES`] are returned as is.

use std::borrow::Cow;

/// British suffix → American suffix, longest first so the first match wins.
const SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ysing", "yzing"),
    ("ising", "izing"),
    ("isers", "izers"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ised", "ized"),
    ("iser", "izer"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ise", "ize"),
];

/// Letters a word must keep before its suffix for the rewrite to apply, so
/// short words such as `rise` or `wise` stay as they are.
const MIN_STEM_CHARS: usize = 3;

/// The American spelling of a folded word.
pub fn americanize(word: &str) -> Cow<'_, str> {
    for &(british, american) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(british) {
            if stem.chars().count() >= MIN_STEM_CHARS {
                return Cow::Owned(format!("{stem}{american}"));
            }
            break;
        }
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_british_suffixes_only() {
        let rows: &[(&str, &str)] = &[
            ("organisation", "organization"),
            ("organisations", "organizations"),
            ("recognised", "recognized"),
            ("analyse", "analyze"),
            ("prioritising", "prioritizing"),
            ("rise", "rise"),
            ("wise", "wise"),
            ("colour", "colour"),
            ("visa", "visa"),
        ];
        for &(word, expected) in rows {
            assert_eq!(americanize(word), expected, "americanizing {word:?}");
        }
    }
}
