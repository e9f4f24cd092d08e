//! Reads the reporting verb form at a word: which form it is, how many
//! words it takes ("went on" takes two), and whether it is a verb here at
//! all. A form is skipped when one rule of [`NOUN_READINGS`] reads it as a
//! noun ("media reports", "the warning", "The Times Claim").
//!
//! Invariant: a [`Site`] is only built for a form that no noun reading
//! rejects, and its ranges are words of the sentence outside quotation marks.

use std::borrow::Cow;
use std::ops::Range;

use super::super::lexicon::{Lexicon, VerbForm};
use super::super::rule::Rule;
use super::sentence::Words;
use super::vocabulary::{
    BE_FORM, NEGATION, NOUN_LIKE_VERB, NOUN_MARKER, REFUSAL_VERB, SUBJECT_PRONOUN,
};
use corpus_text::words::is_capitalised;

/// A reporting verb form found at an outside word of a sentence.
pub struct Site<'w> {
    pub words: &'w Words<'w>,
    /// The outside word the verb starts at.
    pub i: usize,
    /// How many words the verb takes (1, or 2 for "went on").
    pub used: usize,
    pub form: &'static VerbForm,
    /// The verb's first word, lowercase.
    pub lower: Cow<'w, str>,
    /// The word just before the verb, lowercase, when only spaces part them.
    pub prev: Option<Cow<'w, str>>,
    /// The verb as written.
    pub verb: Range<usize>,
    /// Index among all the sentence's words of the verb's last word.
    pub verb_last: usize,
    /// "it was claimed": the verb is passive, so its subject is no speaker.
    pub passive: bool,
}

impl<'w> Site<'w> {
    /// The reporting verb form starting at outside word `i`, if it is one
    /// and reads as a verb there.
    pub fn at(words: &'w Words<'w>, i: usize) -> Option<Site<'w>> {
        let mut site = Site::form_at(words, i)?;
        if NOUN_READINGS.iter().any(|rule| (rule.apply)(&site)) {
            return None;
        }
        site.passive = site.is_passive();
        Some(site)
    }

    /// The reporting verb form starting at outside word `i`, however it
    /// reads there.
    pub fn form_at(words: &'w Words<'w>, i: usize) -> Option<Site<'w>> {
        let lex = Lexicon::get();
        let lower = words.lower(i);
        let pair = words
            .ws
            .get(i + 1)
            .filter(|_| lex.opens_a_verb_phrase(&lower) && words.adjacent(i, i + 1))
            .map(|_| format!("{} {}", lower, words.lower(i + 1)));
        let (form, used) = match pair.as_deref().and_then(|p| lex.verb(p)) {
            Some(form) => (form, 2),
            None => (lex.verb(&lower)?, 1),
        };
        let prev = i
            .checked_sub(1)
            .filter(|&p| words.adjacent(p, i))
            .map(|p| words.lower(p));
        let last = &words.ws[i + used - 1];
        Some(Site {
            words,
            i,
            used,
            form,
            lower,
            prev,
            verb: words.ws[i].start..last.end,
            verb_last: words
                .all
                .iter()
                .position(|w| w.start == last.start)
                .unwrap_or(0),
            passive: false,
        })
    }

    /// "was claimed", "were told": a form of "to be" before a participle.
    fn is_passive(&self) -> bool {
        self.prev.as_deref().is_some_and(|p| BE_FORM.contains(p))
            && (self.lower.ends_with("ed") || matches!(self.lower.as_ref(), "told" | "said"))
    }

    /// "did not say", "declined to comment", "hasn't claimed": a negation
    /// among the auxiliaries joined to the verb.
    pub fn negated(&self) -> bool {
        let words = self.words;
        let lex = Lexicon::get();
        (0..self.i)
            .rev()
            .take_while(|&p| {
                words.adjacent(p, p + 1)
                    && (lex.is_aux(words.word(p)) || REFUSAL_VERB.contains(&words.lower(p)))
            })
            .any(|p| {
                let word = words.lower(p);
                NEGATION.contains(&word)
                    || REFUSAL_VERB.contains(&word)
                    || words.word(p).ends_with("n't")
            })
    }

    /// "said", "warned", "went on": a form that is no bare noun.
    fn inflected(&self) -> bool {
        self.lower.ends_with("ed") || self.lower.ends_with("ing") || self.used == 2
    }

    /// A bare or -s form of a lemma that is also a noun ("claim", "reports").
    fn noun_like(&self) -> bool {
        NOUN_LIKE_VERB.contains(&self.form.lemma) && !self.inflected()
    }
}

/// One way a verb form reads as something else: true rejects the form.
type NounReading = Rule<fn(&Site) -> bool>;

/// The readings that make a verb form no verb, tried in order.
pub const NOUN_READINGS: &[NounReading] = &[
    Rule {
        name: "capitalised inside the sentence",
        apply: capitalised_inside,
    },
    Rule {
        name: "after a noun marker",
        apply: after_noun_marker,
    },
    Rule {
        name: "noun after a determiner and a name",
        apply: after_determiner_and_name,
    },
    Rule {
        name: "noun without a verbal cue",
        apply: without_verbal_cue,
    },
];

/// Rejects "The Times Claim", "in Reports": a capitalised form that does
/// not open the sentence.
fn capitalised_inside(site: &Site) -> bool {
    let words = site.words;
    let opens_sentence = site.i == 0
        && words.text[words.sentence.start..words.ws[0].start]
            .chars()
            .all(|c| !c.is_alphanumeric());
    is_capitalised(words.word(site.i)) && !opens_sentence
}

/// Rejects "the report", "media reports", "of comment", and "to state" for
/// a verb that does not report speech.
fn after_noun_marker(site: &Site) -> bool {
    site.prev
        .as_deref()
        .is_some_and(|p| NOUN_MARKER.contains(p) || (p == "to" && !site.form.reports))
}

/// Rejects "the Guardian report": a noun-like form after a noun marker and
/// a capitalised word.
fn after_determiner_and_name(site: &Site) -> bool {
    let (words, i) = (site.words, site.i);
    site.noun_like()
        && i >= 2
        && words.adjacent(i - 2, i - 1)
        && NOUN_MARKER.contains(&words.lower(i - 2))
        && is_capitalised(words.word(i - 1))
}

/// Rejects "further claims", "a long note": a noun-like form not after
/// "to", a subject pronoun, an auxiliary, a capitalised word or a role.
fn without_verbal_cue(site: &Site) -> bool {
    let lex = Lexicon::get();
    let words = site.words;
    let verbal = site
        .prev
        .as_deref()
        .is_some_and(|p| p == "to" || SUBJECT_PRONOUN.contains(p) || lex.is_aux(p))
        || site.i.checked_sub(1).is_some_and(|p| {
            words.adjacent(p, site.i)
                && (is_capitalised(words.word(p)) || lex.is_role_word(words.word(p)))
        });
    site.noun_like() && !verbal
}
