//! Finds what a reporting verb reports, by the first rule of
//! [`CONTENT_RULES`] that finds any: the sentence before an inverted
//! subject ("Prices fell, said the bank"), the clause after the verb
//! phrase, or the sentence before the subject ("Prices fell, the bank
//! said in a note").
//!
//! Invariant: content is a stretch of the sentence outside the verb's own
//! words, and reads as a clause (three words or more with a finite verb).

use std::ops::Range;

use super::super::lexicon::Lexicon;
use super::super::rule::Rule;
use super::phrase::Phrase;
use super::sentence::{lower, Words};
use super::subject::Subject;
use super::verb::Site;
use super::vocabulary::DETERMINER;
use corpus_text::chars::is_dash;
use corpus_text::words::{is_capitalised, words as words_in};

/// What a reporting verb reports, read with its subject and phrase.
pub struct Reading<'s> {
    pub site: &'s Site<'s>,
    pub subject: Option<&'s Subject>,
    pub phrase: &'s Phrase,
    /// A colon or a capitalised quotation follows the phrase: a direct quote.
    pub introduces_quote: bool,
}

impl Reading<'_> {
    /// Whether content may be read for a verb whose subject comes first.
    fn open(&self) -> bool {
        !self.introduces_quote && !self.inverted() && !self.site.negated()
    }

    fn inverted(&self) -> bool {
        self.subject.is_some_and(|s| s.after_verb)
    }
}

/// One way of finding what a verb reports.
type ContentRule = Rule<fn(&Reading) -> Option<Range<usize>>>;

/// The ways of finding what a verb reports, tried in order.
pub const CONTENT_RULES: &[ContentRule] = &[
    Rule {
        name: "content before an inverted subject",
        apply: before_inverted,
    },
    Rule {
        name: "content after the verb",
        apply: after_the_verb,
    },
    Rule {
        name: "content before the subject",
        apply: before_subject,
    },
];

/// The content the verb at `site` reports, untrimmed; none for a verb that
/// does not report speech.
pub fn find(site: &Site, subject: Option<&Subject>, phrase: &Phrase) -> Option<Range<usize>> {
    if !site.form.reports {
        return None;
    }
    let reading = Reading {
        site,
        subject,
        phrase,
        introduces_quote: introduces_quote(site.words, phrase.end),
    };
    CONTENT_RULES.iter().find_map(|rule| (rule.apply)(&reading))
}

/// Whether the words after a phrase ending at `end` open a direct quote: a
/// colon, a capitalised quotation, or a comma and an opening mark.
pub fn introduces_quote(words: &Words, end: usize) -> bool {
    let rest = words.text[end..words.sentence.end].trim_start();
    let opens_upper = rest
        .trim_start_matches(['“', '‘', '"', '\'', '«'])
        .starts_with(char::is_uppercase);
    rest.starts_with(':')
        || (rest.starts_with(['“', '‘', '"', '\'', '«']) && opens_upper)
        || rest.starts_with(", “")
        || rest.starts_with(", \"")
        || rest.starts_with(", ‘")
}

/// Accepts "Prices fell, said the bank": the sentence before the comma
/// that precedes an inverted verb.
fn before_inverted(reading: &Reading) -> Option<Range<usize>> {
    if !reading.inverted() {
        return None;
    }
    let site = reading.site;
    content_before(site, None).filter(|c| c.end <= site.verb.start)
}

/// Accepts "Yousaf said both he and the minister had raised the issue":
/// the rest of the sentence after the verb phrase, if it reads as a clause.
fn after_the_verb(reading: &Reading) -> Option<Range<usize>> {
    if !reading.open() {
        return None;
    }
    let words = reading.site.words;
    reading
        .phrase
        .content_from
        .map(|start| start..words.sentence.end)
        .filter(|c| is_clause(words.text, c.clone()))
}

/// Accepts "Prices have not been restored, Comissaria Smith said in its
/// weekly review": the sentence before the comma preceding the subject.
fn before_subject(reading: &Reading) -> Option<Range<usize>> {
    if !reading.open() {
        return None;
    }
    content_before(reading.site, reading.subject.map(|s| &s.words))
}

/// "…the new home secretary, he has revealed to HSJ.": when nothing
/// follows the verb but a short phrase, the content is the sentence before
/// the comma that precedes a short subject (or the verb, without one).
fn content_before(site: &Site, subject: Option<&Range<usize>>) -> Option<Range<usize>> {
    let words = site.words;
    let (text, all) = (words.text, &words.all);
    let head = subject.map_or_else(
        || {
            words
                .ws
                .iter()
                .find(|w| w.end > all[site.verb_last].start)
                .map_or(0, |w| w.start)
        },
        |s| s.start,
    );
    let lead = text[words.sentence.start..head].trim_end();
    let comma = lead.strip_suffix(',')?;
    if comma.ends_with(['”', '"', '’', '\''])
        || subject.is_some_and(|s| words_in(text, s.clone()).len() > 10)
    {
        return None;
    }
    let tail: Vec<String> = all[site.verb_last + 1..]
        .iter()
        .map(|w| lower(text, w))
        .collect();
    if tail.len() > 6 || tail.iter().any(|w| w == "that") {
        return None;
    }
    Some(words.sentence.start..words.sentence.start + comma.len())
}

/// Whether `text[range]` reads as a clause: three words or more, with a
/// finite verb.
pub fn is_clause(text: &str, range: Range<usize>) -> bool {
    let lex = Lexicon::get();
    let content: Vec<&str> = words_in(text, range)
        .into_iter()
        .map(|w| &text[w])
        .collect();
    content.len() >= 3 && (content.iter().any(|w| lex.is_finite(w)) || present_tense(&content))
}

/// "the company expects…", "it needs…": a third-person present verb right
/// after a short subject.
fn present_tense(content: &[&str]) -> bool {
    let third_person = |w: &str| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !is_capitalised(w)
    };
    let first = content
        .first()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    match first.as_str() {
        "he" | "she" | "it" => content.get(1).is_some_and(|w| third_person(w)),
        _ if DETERMINER.contains(&first) => content.get(2).is_some_and(|w| third_person(w)),
        _ => false,
    }
}

/// Drops closing punctuation and spaces from the end of reported content.
pub fn trim_content(text: &str, content: Range<usize>) -> Range<usize> {
    let piece = text[content.clone()].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':') || is_dash(c)
    });
    content.start..content.start + piece.len()
}
