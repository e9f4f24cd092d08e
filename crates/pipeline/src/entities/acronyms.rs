//! Acronyms: the acronym a text defines in brackets ("Health Education
//! England (HEE)"), the shapes of acronyms, and the initials of a name.
//!
//! Invariant: these read tokens and words only; they decide nothing about
//! what a chunk names.

use corpus_text::tokens::Token;

use super::lexicon::{self, Lexicon};

/// "S", "AT": a letter or two in capitals, as a firm's founders' initials
/// ("S and P", "AT and T").
pub(super) fn is_founders_initials(word: &str) -> bool {
    word.len() <= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// "(HEE)" right after token `to - 1`: the acronym.
pub(super) fn defined_acronym<'a>(toks: &[Token<'a>], to: usize) -> Option<&'a str> {
    let open = toks.get(to)?;
    let word = toks.get(to + 1)?;
    let close = toks.get(to + 2)?;
    (open.text == "(" && close.text == ")" && is_acronym_shape(word.text)).then_some(word.text)
}

/// "professionals (AHPs)": an acronym defined for lowercase words.
pub(super) fn plain_acronym(toks: &[Token], i: usize) -> Option<String> {
    let acr = defined_acronym(toks, i + 1)?;
    let before = &toks[i];
    (before.is_word() && before.text.starts_with(|c: char| c.is_lowercase()))
        .then(|| acr.to_string())
}

/// Two to six capitals, maybe a plural "s": "HEE", "ADASS", "AHPs".
fn is_acronym_shape(word: &str) -> bool {
    let core = strip_plural(word);
    (2..=6).contains(&core.len()) && core.chars().all(|c| c.is_ascii_uppercase())
}

pub(super) fn strip_plural(word: &str) -> &str {
    word.strip_suffix('s')
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(word)
}

/// The acronym a name's words make: capitals of its words, whole words that
/// are themselves in capitals ("UK Visas and Immigration" → "UKVI").
pub fn initials(name: &str) -> String {
    let skipped = &lexicon::get().acronym_skipped;
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !skipped.contains(w.to_lowercase().as_str()))
        .map(|w| {
            if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) {
                w.to_string()
            } else {
                w.chars()
                    .next()
                    .map(|c| c.to_uppercase().to_string())
                    .unwrap_or_default()
            }
        })
        .collect()
}

/// An all-capitals word that can name an organisation: not a plural, not a
/// common abbreviation, not a place.
pub(super) fn is_org_acronym(word: &str, lexicon: &Lexicon) -> bool {
    (2..=6).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !lexicon.not_acronyms.contains(word)
        && !lexicon.places.contains(word)
        && !lexicon.common_words.contains(word.to_lowercase().as_str())
}
