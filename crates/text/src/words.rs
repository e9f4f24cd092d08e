//! Words as byte ranges, and the shapes of words (capitalised, all capitals).
//!
//! One tokenizer serves every stage: a [`WordShape`] says which characters
//! make a word and which join two runs of them, and each stage picks its
//! shape. [`Prose`] keeps hyphenated names, contractions, dotted
//! abbreviations and ampersands whole ("Bayliss-Pratt", "don’t", "U.K",
//! "AT&T") for reading names and clauses; the search analyzer's [`Search`]
//! splits at hyphens and dots, keeps only apostrophes inside words, leaves
//! footnote digits out ("re-register" is two words) and makes each Chinese
//! or Japanese ideograph or kana a word.
//!
//! Invariant: the ranges are ascending, non-empty, disjoint, inside the range
//! asked about and on `char` boundaries.

use std::borrow::Cow;
use std::ops::Range;

use crate::chars::is_space;
use crate::lexicon::{NATIONALITY_ENDINGS, TITLE_ABBREVIATIONS};

/// Which characters make a word, which join two runs of word characters
/// when a word character follows them, and which are a word on their own.
/// A trait of plain functions, so each shape's tokenizer is compiled for it
/// with no call through a pointer per character.
pub trait WordShape {
    fn is_word_char(c: char) -> bool;
    fn joins(c: char) -> bool;
    /// Word characters that are each a word by themselves: Chinese and
    /// Japanese write no spaces between words, so search indexes each
    /// ideograph and kana as a word and finds a run of them as a phrase.
    fn stands_alone(c: char) -> bool;
}

/// Words of prose: letters and digits, with inner apostrophes, hyphens,
/// dots and ampersands.
pub struct Prose;

impl WordShape for Prose {
    fn is_word_char(c: char) -> bool {
        c.is_alphanumeric()
    }
    fn joins(c: char) -> bool {
        matches!(c, '\'' | '’' | '-' | '.' | '&')
    }
    fn stands_alone(_: char) -> bool {
        false
    }
}

/// Words as search indexes them: letters and digits but not superscript or
/// subscript digits (footnote marks), joined only by apostrophes; each
/// ideograph or kana a word of its own.
pub struct Search;

impl WordShape for Search {
    fn is_word_char(c: char) -> bool {
        is_search_word_char(c)
    }
    fn joins(c: char) -> bool {
        is_apostrophe(c)
    }
    fn stands_alone(c: char) -> bool {
        is_ideograph_or_kana(c)
    }
}

/// Apostrophes, straight and typographic, that may join the parts of a word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// Letters and digits, except superscript and subscript digits, which mark
/// footnotes (`Visa¹`) rather than belong to the word.
pub fn is_search_word_char(c: char) -> bool {
    c.is_alphabetic() || (c.is_numeric() && !matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '₀'..='₉'))
}

/// Chinese, Japanese and Korean ideographs and Japanese kana: scripts
/// written without spaces between words. (Hangul is written with spaces.)
pub fn is_ideograph_or_kana(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // katakana extensions
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        | '\u{20000}'..='\u{3134f}' // extensions B to G
    )
}

/// Byte ranges (into `text`) of the words of `text`, shaped by `S`.
pub fn word_spans<S: WordShape>(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.find(|&(_, c)| S::is_word_char(c))?;
        if S::stands_alone(first) {
            return Some(start..start + first.len_utf8());
        }
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if S::stands_alone(c) {
                end = i;
                break;
            }
            if S::is_word_char(c) {
                chars.next();
                continue;
            }
            if S::joins(c) {
                let next = text[i + c.len_utf8()..].chars().next();
                if next.is_some_and(S::is_word_char) {
                    chars.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        Some(start..end)
    })
}

/// How many words `text` holds as a reader counts them: the pieces between
/// spaces, where each Chinese or Japanese ideograph or kana of a piece
/// counts as a word (those scripts put no spaces between words). For text
/// in scripts written with spaces this is `split_whitespace().count()`.
pub fn written_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|piece| {
            piece
                .chars()
                .filter(|&c| is_ideograph_or_kana(c))
                .count()
                .max(1)
        })
        .sum()
}

/// The prose words of `text[range]`, as ranges into `text`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    word_spans::<Prose>(&text[range.clone()])
        .map(|w| range.start + w.start..range.start + w.end)
        .collect()
}

/// Whether two words follow each other within a phrase: only spaces
/// between them, or the full stop and space of an initial, a dotted
/// abbreviation or an abbreviated title ("E. Duff Scott", "the U.S.
/// Official", "Sen. Ted Cruz").
pub fn joined(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.end >= b.start {
        return false;
    }
    let gap = &text[a.end..b.start];
    if gap.chars().all(is_space) {
        return true;
    }
    let Some(after_stop) = gap.strip_prefix('.') else {
        return false;
    };
    let word = &text[a.clone()];
    let abbreviation = is_dotted_initialism(word) || TITLE_ABBREVIATIONS.contains(word);
    abbreviation && !after_stop.is_empty() && after_stop.chars().all(is_space)
}

/// "L", "U.K", "U.S": a word whose next full stop is an abbreviation's, not
/// a sentence's: a lone capital, or capitals joined by full stops.
pub fn is_dotted_initialism(word: &str) -> bool {
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// The byte offset just past the last character of `s` matching `pred`, or 0.
pub fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// "Hunt", "Bayliss-Pratt", "EveryDoctor", "NHS": starts with a capital.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "MICHELLE", "NHS": no lowercase letter and at least two letters.
pub fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// "VOWG.F", "BP.L", "NBHA.ME": a wire service's code for a listed
/// company (two or more capitals or digits, a full stop, an exchange's one
/// or two capitals), not a word of its name. "U.S" is no code.
pub fn is_ticker_code(word: &str) -> bool {
    let Some((company, exchange)) = word.rsplit_once('.') else {
        return false;
    };
    let code = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    code(company, 2..=6)
        && code(exchange, 1..=2)
        && exchange.chars().all(|c| c.is_ascii_uppercase())
}

/// "Japanese", "British": a word ending like a nationality.
pub fn looks_national(word: &str) -> bool {
    NATIONALITY_ENDINGS.entries().any(|e| word.ends_with(e))
}

/// "MICHELLE DYSON" → "Michelle Dyson"; small words stay lowercase inside.
pub fn title_case(text: &str) -> String {
    const SMALL: &[&str] = &["and", "for", "of", "the", "at", "in", "on"];
    text.split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            let mut out: String = chars
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            let mut capital_next = false;
            for c in chars {
                out.extend(if capital_next {
                    c.to_uppercase().collect::<Vec<_>>()
                } else {
                    vec![c]
                });
                capital_next = c == '-' || c == '\'' || c == '’';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `word` in lowercase, borrowed when it has no uppercase letter (most
/// words of running text), so lookups in lowercase lists allocate little.
pub fn lowercased(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shapes() {
        let text = "Bayliss-Pratt don’t trusts' NHS’s";
        let got: Vec<&str> = words(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            ["Bayliss-Pratt", "don’t", "trusts", "NHS’s"],
            "words of {text:?}"
        );
        assert_eq!(title_case("MICHELLE DYSON"), "Michelle Dyson");
        let counts = [
            ("the nurses said", 3),
            ("re-register 13.5 —", 3),
            ("东京都政府周三宣布", 9),
            ("NHS 东京 staff", 4),
            ("", 0),
        ];
        for (text, want) in counts {
            assert_eq!(written_words(text), want, "words written in {text:?}");
        }
        for (word, want) in [
            ("VOWG.F", true),
            ("BP.L", true),
            ("NBHA.ME", true),
            ("U.S", false),
            ("N.Y", false),
            ("Corp.", false),
            ("Inc", false),
        ] {
            assert_eq!(is_ticker_code(word), want, "{word:?} is a ticker code");
        }
        assert_eq!(
            title_case("DIRECTOR GENERAL FOR ADULT SOCIAL CARE"),
            "Director General for Adult Social Care"
        );
    }
}
