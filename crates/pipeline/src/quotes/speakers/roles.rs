//! Finds the roles a document writes around each personal name, and reads
//! the role words inside a mention.
//!
//! A role is read by the first rule of [`ROLES_AROUND_NAME`] that finds
//! one, then a letterhead line below the name adds another
//! ([`role_line_after`]).
//!
//! Invariant: roles are sorted by where their name is written; a role is
//! spelled as written, without leading articles ("the", "a", "now").

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::super::lexicon::{Gender, Lexicon};
use super::super::rule::Rule;
use super::names::{honorific, Person};
use super::vocabulary::{is_role_filler, is_role_leader, is_role_prefix_stop};
use corpus_text::words::{after_last, is_all_caps, is_capitalised, is_dotted_initialism, words};

/// A role the document gives the person named `name` at `at`.
#[derive(Debug, Clone)]
pub struct RoleOf {
    pub at: usize,
    pub name: String,
    pub role: String,
}

/// Where each name of the document ends.
type NameEnds = FxHashSet<usize>;

/// One way of reading a role written around a name.
type RoleRule = Rule<fn(&str, &NameEnds, &Person) -> Option<String>>;

/// The ways a role is written around a name, tried in order.
const ROLES_AROUND_NAME: &[RoleRule] = &[
    Rule {
        name: "premodifier",
        apply: role_premodifier,
    },
    Rule {
        name: "apposition after",
        apply: role_after,
    },
    Rule {
        name: "apposition before",
        apply: role_before_comma,
    },
];

/// The roles written around each of `people` in `text`, sorted by position.
pub fn read_roles(text: &str, people: &[Person]) -> Vec<RoleOf> {
    let mut roles = Vec::new();
    let ends: NameEnds = people.iter().map(|p| p.at.end).collect();
    for p in people {
        let role = ROLES_AROUND_NAME
            .iter()
            .find_map(|rule| (rule.apply)(text, &ends, p));
        if let Some(role) = role {
            roles.push(RoleOf {
                at: p.at.start,
                name: p.name.clone(),
                role,
            });
        }
    }
    for p in people {
        if let Some(role) = role_line_after(text, p) {
            roles.push(RoleOf {
                at: p.at.start,
                name: p.name.clone(),
                role,
            });
        }
    }
    roles.sort_by_key(|r| r.at);
    roles
}

/// Accepts "NHS England chief executive Simon Stevens": words right before
/// the name, within the line, ending with a role word; stops at a title,
/// at a word of `role_prefix_stops.txt`, at "and" after another name, and
/// after eight words.
fn role_premodifier(text: &str, ends: &NameEnds, p: &Person) -> Option<String> {
    let lex = Lexicon::get();
    let line_start = text[..p.at.start].rfind('\n').map_or(0, |i| i + 1);
    let ws = words(text, line_start..p.at.start);
    let mut first = ws.len();
    let mut gap_end = p.at.start;
    for i in (0..ws.len()).rev() {
        let w = &text[ws[i].clone()];
        if !text[ws[i].end..gap_end].trim().is_empty() || ws.len() - i > 8 || honorific(w).is_some()
        {
            break;
        }
        let lower = w.to_lowercase();
        if is_role_prefix_stop(&lower) {
            break;
        }
        if lower == "and" && i > 0 && ends.contains(&ws[i - 1].end) {
            break;
        }
        first = i;
        gap_end = ws[i].start;
    }
    let kept: Vec<&str> = ws[first..]
        .iter()
        .map(|r| &text[r.clone()])
        .skip_while(|w| is_role_leader(w))
        .collect();
    (kept.last().is_some_and(|w| lex.is_role_word(w))).then(|| kept.join(" "))
}

/// Accepts "Lisa Bayliss-Pratt, chief nurse at HEE": a comma, then up to
/// ten words to the next clause mark, a role word among the first four,
/// no verb.
fn role_after(text: &str, _: &NameEnds, p: &Person) -> Option<String> {
    let lex = Lexicon::get();
    let rest = text[p.at.end..].strip_prefix(", ")?;
    let phrase = rest[..phrase_end(rest)].trim();
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let starts_well = ws.first().is_some_and(|w| {
        !is_capitalised(w) || lex.is_role_word(w) || is_all_caps(w) || is_role_leader(w)
    });
    let first_role = ws.iter().position(|w| lex.is_role_word(w))?;
    let names_role = ws.len() <= 10
        && first_role <= 3
        && starts_well
        && !ws
            .iter()
            .any(|w| lex.verb(w).is_some() || lex.is_aux(w) && !matches!(*w, "to"));
    names_role.then(|| strip_leaders(phrase))
}

/// Where the phrase opening `rest` ends: at its first clause mark, but not
/// at the full stops of a dotted abbreviation ("chief U.K. economist").
fn phrase_end(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(i, c)| match c {
            '.' => !ends_abbreviation(&rest[..i]),
            _ => matches!(c, ',' | ';' | '–' | '—' | '(' | ')' | '\n' | ':'),
        })
        .map_or(rest.len(), |(i, _)| i)
}

/// Whether `before` ends with the letters of a dotted abbreviation before
/// one of its full stops ("U" and "U.K" in "U.K.", "L" in "L. William").
fn ends_abbreviation(before: &str) -> bool {
    is_dotted_initialism(&before[after_last(before, |c| !(c.is_alphabetic() || c == '.'))..])
}

/// Accepts "the home secretary, Sajid Javid": the stretch before a comma
/// just before the name, ending with a role word (or holding one and "of"
/// or "at"), at most seven words, no verb or title.
fn role_before_comma(text: &str, _: &NameEnds, p: &Person) -> Option<String> {
    let lex = Lexicon::get();
    let before = text[..p.at.start].strip_suffix(", ")?;
    let start = after_last(before, |c| {
        matches!(c, ',' | '.' | ';' | '–' | '—' | '(' | '\n' | ':')
    });
    let phrase = before[start..].trim();
    let kept = phrase.rsplit(" to ").next().unwrap_or(phrase);
    let ws: Vec<&str> = kept.split_whitespace().collect();
    let lowered: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let names_role = ws.last().is_some_and(|w| lex.is_role_word(w))
        || ws.iter().take(3).any(|w| lex.is_role_word(w))
            && lowered.iter().any(|w| w == "of" || w == "at");
    let plain = ws.len() <= 7
        && !ws.iter().any(|w| {
            lex.verb(w).is_some() || (lex.is_aux(w) && *w != "now") || honorific(w).is_some()
        });
    (names_role && plain).then(|| strip_leaders(kept))
}

/// Accepts a role on the line below a name, as in a letterhead ("From
/// Michelle Dyson\nDirector General For Adult Social Care").
fn role_line_after(text: &str, p: &Person) -> Option<String> {
    let lex = Lexicon::get();
    let rest = text[p.at.end..]
        .trim_start_matches(['*', ' '])
        .strip_prefix('\n')?;
    let line = rest.lines().next()?.trim().trim_matches('*');
    let ws: Vec<&str> = line.split_whitespace().collect();
    (ws.len() <= 8
        && ws.iter().any(|w| lex.is_role_word(w))
        && ws
            .iter()
            .all(|w| is_capitalised(w) || w.chars().all(char::is_lowercase)))
    .then(|| line.to_string())
}

/// The role words written before the name inside a mention itself
/// ("Health Secretary" in "Health Secretary Humza Yousaf").
pub fn role_before_name(text: &str, before: Range<usize>) -> Option<String> {
    let lex = Lexicon::get();
    let kept: Vec<&str> = text[before]
        .split_whitespace()
        .filter(|w| honorific(w).is_none())
        .skip_while(|w| is_role_leader(w))
        .collect();
    (kept.last().is_some_and(|w| lex.is_role_word(w))).then(|| kept.join(" "))
}

/// A spokesman speaks as "he", a spokeswoman as "she".
pub fn spokes_gender(role: Option<&str>) -> Gender {
    match role {
        Some("spokesman") => Gender::Male,
        Some("spokeswoman") => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Lowercase words of a role that carry meaning.
pub fn role_words(role: &str) -> Vec<String> {
    role.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !is_role_filler(w))
        .collect()
}

/// `phrase` without its leading articles ("the home secretary" → "home secretary").
pub fn strip_leaders(phrase: &str) -> String {
    let ws: Vec<&str> = phrase
        .split_whitespace()
        .skip_while(|w| is_role_leader(w))
        .collect();
    ws.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per rule, the name given as the last capitalised pair of
    /// the text, plus texts with no role.
    #[test]
    fn roles_around_a_name() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "premodifier",
                "NHS England chief executive Simon Stevens spoke.",
                "Simon Stevens",
                Some("NHS England chief executive"),
            ),
            (
                "apposition after",
                "Lisa Bayliss-Pratt, chief nurse at HEE, spoke.",
                "Lisa Bayliss-Pratt",
                Some("chief nurse at HEE"),
            ),
            (
                "apposition before",
                "Later, the home secretary, Sajid Javid, spoke.",
                "Sajid Javid",
                Some("home secretary"),
            ),
            (
                "letterhead line",
                "From Michelle Dyson\nDirector General For Adult Social Care",
                "Michelle Dyson",
                Some("Director General For Adult Social Care"),
            ),
            (
                "apposition after, through an abbreviation's full stops",
                "said Bill Martin, chief U.K. Economist at brokers Phillips and Drew.",
                "Bill Martin",
                Some("chief U.K. Economist at brokers Phillips and Drew"),
            ),
            (
                "no role: a verb after the comma",
                "Lisa Bayliss-Pratt, who said nothing, left.",
                "Lisa Bayliss-Pratt",
                None,
            ),
            (
                "no role: stop word before",
                "It was told to Simon Stevens today.",
                "Simon Stevens",
                None,
            ),
        ];
        for &(rule, text, name, want) in cases {
            let at = text.find(name).unwrap_or_default();
            let person = Person {
                at: at..at + name.len(),
                name: name.to_string(),
                confirmed: true,
            };
            let got = read_roles(text, std::slice::from_ref(&person));
            assert_eq!(
                got.first().map(|r| r.role.as_str()),
                want,
                "{rule}: {text:?}"
            );
        }
    }
}
