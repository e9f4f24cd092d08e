//! The words a sentence opens with when they name who acts in it: the
//! speaker of quoted words woven into a sentence with no reporting verb
//! ("Trump called the senator a “nasty guy”", "In July, Gingrich dismissed
//! Estonia as the “suburbs of St. Petersburg”").
//!
//! The subject is a pronoun, a run of capitalised words (with titles and
//! name connectors), or a determiner's phrase that ends in a role or
//! organisation word ("the Republican nominee", "the band leader"); an
//! opening phrase set off by a comma ("In an August speech,") is skipped.

use std::ops::Range;

use super::clauses::vocabulary::{DETERMINER, PHRASE_OPENER, SUBJECT_PRONOUN};
use super::lexicon::Lexicon;
use super::speakers::vocabulary::is_name_connector;
use corpus_text::words::{is_capitalised, joined, words};

/// Most words an opening phrase before its comma may have.
const MAX_OPENING_PHRASE: usize = 8;
/// Most words a determiner's phrase may have before its role word.
const MAX_DESCRIPTION: usize = 5;

/// The subject `text[sentence]` opens with, if its words up to `before`
/// show one.
pub fn subject(text: &str, sentence: Range<usize>, before: usize) -> Option<Range<usize>> {
    let ws = words(text, sentence.start..before.max(sentence.start));
    let from = after_opening_phrase(text, &ws);
    let first = ws.get(from)?;
    let lower = text[first.clone()].to_lowercase();
    if SUBJECT_PRONOUN.has(&lower) {
        return Some(first.clone());
    }
    let end = if DETERMINER.has(&lower) {
        description_end(text, &ws, from)?
    } else if is_capitalised(&text[first.clone()]) {
        name_end(text, &ws, from)
    } else {
        return None;
    };
    Some(first.start..ws[end - 1].end)
}

/// Where the subject starts: after an opening phrase set off by a comma
/// ("In July, …"), else at the first word.
fn after_opening_phrase(text: &str, ws: &[Range<usize>]) -> usize {
    let opens_phrase = ws
        .first()
        .is_some_and(|w| PHRASE_OPENER.has(&text[w.clone()].to_lowercase()));
    if !opens_phrase {
        return 0;
    }
    (0..ws.len().min(MAX_OPENING_PHRASE))
        .find(|&i| text[ws[i].end..].starts_with(','))
        .map_or(0, |comma| comma + 1)
}

/// The end of a run of capitalised words joined by spaces, titles' stops
/// and name connectors.
fn name_end(text: &str, ws: &[Range<usize>], from: usize) -> usize {
    let mut end = from + 1;
    while end < ws.len()
        && joined(text, &ws[end - 1], &ws[end])
        && (is_capitalised(&text[ws[end].clone()])
            || (is_name_connector(&text[ws[end].clone()])
                && ws
                    .get(end + 1)
                    .is_some_and(|n| is_capitalised(&text[n.clone()]))))
    {
        end += 1;
    }
    end
}

/// The end of a determiner's phrase that names a role or organisation
/// within [`MAX_DESCRIPTION`] words, the last such word included.
fn description_end(text: &str, ws: &[Range<usize>], from: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let mut last = None;
    for k in from + 1..ws.len().min(from + 1 + MAX_DESCRIPTION) {
        if !joined(text, &ws[k - 1], &ws[k]) {
            break;
        }
        let w = &text[ws[k].clone()];
        if lex.is_role_word(w) || lex.is_org_word(w) {
            last = Some(k + 1);
        } else if last.is_some() && !is_capitalised(w) {
            break;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, the subject it opens with).
    const CASES: &[(&str, Option<&str>)] = &[
        ("Trump called the senator a “nasty guy.”", Some("Trump")),
        (
            "In July, Gingrich cynically dismissed Estonia.",
            Some("Gingrich"),
        ),
        (
            "Sen. Ted Cruz called it a “disgrace.”",
            Some("Sen. Ted Cruz"),
        ),
        (
            "She blamed police shootings on “implicit bias.”",
            Some("She"),
        ),
        (
            "The Republican nominee vowed to punish “those who leak.”",
            Some("The Republican nominee"),
        ),
        ("The plan was a “day to remember.”", None),
        ("critics called it a “sham.”", None),
    ];

    #[test]
    fn opening_subjects() {
        for &(sentence, want) in CASES {
            let before = sentence.find('“').unwrap_or(sentence.len());
            let got = subject(sentence, 0..sentence.len(), before).map(|r| &sentence[r]);
            assert_eq!(got, want, "{sentence}");
        }
    }
}
