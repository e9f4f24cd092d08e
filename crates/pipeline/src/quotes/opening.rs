//! The words that name who acts in a sentence: the speaker of quoted
//! words woven into a sentence with no reporting verb ("Trump called the
//! senator a “nasty guy”", "In July, Gingrich dismissed Estonia as the
//! “suburbs of St. Petersburg”", "after Obama called bankers “fat cats”").
//!
//! [`naming_subject`] is the name or pronoun right before the last verb of
//! naming ("called", "described") before the quoted words.
//!
//! The subject is a pronoun, a run of capitalised words (with titles and
//! name connectors), or a determiner's phrase that ends in a role or
//! organisation word ("the Republican nominee", "the band leader"); an
//! opening phrase set off by a comma ("In an August speech,", "Speaking
//! to reporters Monday,") is skipped. A capitalised word that is only
//! capitalised because it opens the sentence ("It’s", "Another", "Here")
//! names nobody.

use std::ops::Range;

use super::clauses::vocabulary::{
    COMMON_WORD, DETERMINER, NAMING_WORD, PHRASE_OPENER, QUANTIFIER, SUBJECT_PRONOUN,
};
use super::lexicon::Lexicon;
use super::speakers::vocabulary::is_name_connector;
use corpus_text::words::{is_capitalised, joined, words};

/// Most words an opening phrase before its comma may have.
const MAX_OPENING_PHRASE: usize = 12;
/// Most words a determiner's phrase may have before its role word.
const MAX_DESCRIPTION: usize = 5;

/// The subject `text[sentence]` opens with, if its words up to `before`
/// show one.
pub fn subject(text: &str, sentence: Range<usize>, before: usize) -> Option<Range<usize>> {
    let ws = words(text, sentence.start..before.max(sentence.start));
    let from = after_opening_phrase(text, &ws);
    subject_from(text, &ws, from, true)
}

/// The subject starting at word `from`; a common word that opens the
/// sentence ("When", "But", "Yet") is skipped when `may_skip`.
fn subject_from(
    text: &str,
    ws: &[Range<usize>],
    from: usize,
    may_skip: bool,
) -> Option<Range<usize>> {
    let first = ws.get(from)?;
    let lower = text[first.clone()].to_lowercase();
    if SUBJECT_PRONOUN.contains(&lower) {
        return Some(first.clone());
    }
    let end = if DETERMINER.contains(&lower) || QUANTIFIER.contains(&lower) {
        description_end(text, ws, from)?
    } else if !is_capitalised(&text[first.clone()]) {
        return None;
    } else if opens_sentence_only(&lower) {
        return subject_from(text, ws, from + 1, false).filter(|_| may_skip);
    } else {
        let end = name_end(text, ws, from);
        if modifies_a_noun(text, ws, from, end) {
            return None;
        }
        end
    };
    Some(first.start..ws[end - 1].end)
}

/// Whether the place named by words `from..end` modifies the noun after it
/// ("New York cocoa traders", "London dealers"): the next joined word is
/// lowercase and no verb form.
fn modifies_a_noun(text: &str, ws: &[Range<usize>], from: usize, end: usize) -> bool {
    let lex = Lexicon::get();
    let place = text[ws[from].start..ws[end - 1].end].to_string();
    let Some(next) = ws.get(end).filter(|n| joined(text, &ws[end - 1], n)) else {
        return false;
    };
    let next = &text[next.clone()];
    let entities = crate::entities::lexicon::get();
    let is_place = entities.places.contains(&place)
        || entities
            .country_abbreviations
            .contains(place.replace('.', "").as_str());
    is_place
        && next.starts_with(char::is_lowercase)
        && lex.verb(next).is_none()
        && !lex.is_aux(next)
        && !lex.is_finite(next)
        && !next.ends_with("ed")
}

/// The pronoun or capitalised name right before the last verb of naming
/// before `before` in `text[sentence]`, adverbs between them skipped; none
/// when a comma sets the verb off ("…, calling him", whose subject the
/// sentence opens with).
pub fn naming_subject(text: &str, sentence: Range<usize>, before: usize) -> Option<Range<usize>> {
    let ws = words(text, sentence.start..before.max(sentence.start));
    let lower = |w: &Range<usize>| text[w.clone()].to_lowercase();
    let verb = ws.iter().rposition(|w| is_naming_verb(&lower(w)))?;
    let last = (0..verb)
        .rev()
        .find(|&k| !lower(&ws[k]).ends_with("ly") && lower(&ws[k]) != "also")?;
    if !joined(text, &ws[last], &ws[last + 1]) {
        return None;
    }
    if SUBJECT_PRONOUN.contains(&lower(&ws[last])) {
        return Some(ws[last].clone());
    }
    if !is_capitalised(&text[ws[last].clone()]) || opens_sentence_only(&lower(&ws[last])) {
        return None;
    }
    let mut first = last;
    while first > 0
        && joined(text, &ws[first - 1], &ws[first])
        && is_capitalised(&text[ws[first - 1].clone()])
        && !opens_sentence_only(&lower(&ws[first - 1]))
    {
        first -= 1;
    }
    Some(ws[first].start..ws[last].end)
}

/// Where the subject starts: after an opening phrase set off by a comma
/// ("In July, …"), else at the first word.
fn after_opening_phrase(text: &str, ws: &[Range<usize>]) -> usize {
    let opens_phrase = ws.first().is_some_and(|w| {
        let lower = text[w.clone()].to_lowercase();
        let participle = lower.ends_with("ing")
            && ws
                .get(1)
                .is_some_and(|next| joined(text, w, next) && !is_capitalised(&text[next.clone()]));
        PHRASE_OPENER.contains(&lower) || participle
    });
    if !opens_phrase {
        return 0;
    }
    (0..ws.len().min(MAX_OPENING_PHRASE))
        .find(|&i| text[ws[i].end..].starts_with(','))
        .map_or(0, |comma| comma + 1)
}

/// Whether a lowercase word is a verb of naming ("called", "described"):
/// a naming word other than "as".
pub fn is_naming_verb(lower: &str) -> bool {
    lower != "as" && NAMING_WORD.contains(lower)
}

/// Whether a capitalised first word is a common word, or one contracted
/// ("It’s", "There's"), capitalised only for opening the sentence.
fn opens_sentence_only(lower: &str) -> bool {
    let stem = lower
        .split_once(['’', '\''])
        .map_or(lower, |(stem, _)| stem);
    COMMON_WORD.contains(stem)
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
/// within [`MAX_DESCRIPTION`] words, the last such word included, and the
/// rest of its name ("The Royal College of Nursing").
fn description_end(text: &str, ws: &[Range<usize>], from: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let mut last = None;
    for k in from + 1..ws.len().min(from + 1 + MAX_DESCRIPTION) {
        if !joined(text, &ws[k - 1], &ws[k]) {
            break;
        }
        let w = &text[ws[k].clone()];
        let connects = is_name_connector(w)
            && ws
                .get(k + 1)
                .is_some_and(|n| is_capitalised(&text[n.clone()]));
        if lex.is_role_word(w) || lex.is_org_word(w) || (last.is_some() && is_capitalised(w)) {
            last = Some(k + 1);
        } else if last.is_some() && !connects {
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
        ("New York cocoa traders reacted with caution.", None),
        ("U.S. officials, however, have said so.", None),
        ("Washington warned Iran again.", Some("Washington")),
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
        ("It’s been common to call it a “revolt.”", None),
        ("Another said the plan was “dead.”", None),
        (
            "The Royal College of Nursing called it “an insult.”",
            Some("The Royal College of Nursing"),
        ),
        (
            "When Maddow said it was “Medicare for all,”",
            Some("Maddow"),
        ),
        (
            "One senator called it a “superhighway.”",
            Some("One senator"),
        ),
        ("O’Malley called it “a disgrace.”", Some("O’Malley")),
        (
            "Speaking to reporters in Concord on Monday, Bush called Rubio “a bright leader.”",
            Some("Bush"),
        ),
        ("critics called it a “sham.”", None),
    ];

    /// (sentence, the subject of its last verb of naming).
    const NAMING_CASES: &[(&str, Option<&str>)] = &[
        (
            "Donors were upset after Barack Obama called bankers “fat cats.”",
            Some("Barack Obama"),
        ),
        ("Trump also called the voters “stupid.”", Some("Trump")),
        ("She repeatedly described it as “reckless.”", Some("She")),
        ("The plan was hailed as a “triumph.”", None),
        ("Critics see it as a “sham.”", None),
        ("Trump went after Bush, calling him “a stiff.”", None),
    ];

    /// Each case's subject as `read` finds it before the first opening mark.
    fn check(
        cases: &[(&str, Option<&str>)],
        read: fn(&str, Range<usize>, usize) -> Option<Range<usize>>,
    ) {
        for &(sentence, want) in cases {
            let before = sentence.find('“').unwrap_or(sentence.len());
            let got = read(sentence, 0..sentence.len(), before).map(|r| &sentence[r]);
            assert_eq!(got, want, "{sentence}");
        }
    }

    #[test]
    fn naming_subjects() {
        check(NAMING_CASES, naming_subject);
    }

    #[test]
    fn opening_subjects() {
        check(CASES, subject);
    }
}
