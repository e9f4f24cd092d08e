//! Reads past a reporting verb to where its phrase ends, by the first rule
//! of [`AFTER_VERB_RULES`] that decides: nothing follows, a listener and
//! "that" ("told HSJ that"), a listener read by [`LISTENER_RULES`] ("told
//! him"), "that" or "how", a short phrase and "that" ("said on Tuesday
//! that"), or content right after the verb.
//!
//! Invariant: the phrase ends at the end of one of the sentence's words at
//! or after the verb; content after it starts at a word or at an opening
//! mark just before one.

use std::ops::Range;

use super::super::rule::Rule;
use super::sentence::{adjacent, lower, Words};
use super::vocabulary::{
    DETERMINER, OBJECT_PRONOUN, PHRASE_OPENER, QUANTITY_WORD, SUBJECT_PRONOUN,
};
use corpus_text::words::is_capitalised;

/// Where a verb phrase ends, and where content after it starts, if any.
pub struct Phrase {
    pub end: usize,
    pub content_from: Option<usize>,
}

/// The words after a verb, among all the sentence's words (quoted or not).
pub struct After<'w> {
    pub text: &'w str,
    pub all: &'w [Range<usize>],
    /// Index of the verb's last word.
    pub verb: usize,
    pub takes_object: bool,
}

impl After<'_> {
    /// Index of the first word after the verb.
    fn next(&self) -> usize {
        self.verb + 1
    }

    /// Where the verb ends.
    fn end(&self) -> usize {
        self.all[self.verb].end
    }

    fn lower(&self, k: usize) -> String {
        lower(self.text, &self.all[k])
    }

    fn joined(&self, a: usize, b: usize) -> bool {
        adjacent(self.text, &self.all[a], &self.all[b])
    }

    /// The first "that" within `limit` words of the verb, before any stop,
    /// colon, dash or quotation mark.
    fn that_within(&self, limit: usize) -> Option<usize> {
        let next = self.next();
        (next..self.all.len().min(next + limit))
            .take_while(|&k| {
                k == next
                    || !self.text[self.all[k - 1].end..self.all[k].start]
                        .contains(['.', ';', ':', '–', '—', '“', '”'])
            })
            .find(|&k| self.lower(k) == "that")
    }

    /// The phrase ending at `end` with content from word `k`, if there is one.
    fn content_at(&self, end: usize, k: usize) -> Option<usize> {
        self.all.get(k).map(|w| content_start(self.text, end, w))
    }
}

/// One way of reading past a verb.
type AfterVerbRule = Rule<fn(&After) -> Option<Phrase>>;

/// The ways of reading past a verb, tried in order.
pub const AFTER_VERB_RULES: &[AfterVerbRule] = &[
    Rule {
        name: "nothing after the verb",
        apply: nothing_after,
    },
    Rule {
        name: "listener, then that",
        apply: listener_then_that,
    },
    Rule {
        name: "listener, then content",
        apply: listener_then_content,
    },
    Rule {
        name: "that or how",
        apply: that_or_how,
    },
    Rule {
        name: "phrase, then that",
        apply: phrase_then_that,
    },
    Rule {
        name: "content right after the verb",
        apply: right_after,
    },
];

/// Where the phrase of the verb whose last word is `all[verb]` ends, and
/// where the content after it starts, if any.
pub fn after_verb(words: &Words, verb: usize, takes_object: bool) -> Phrase {
    let after = After {
        text: words.text,
        all: &words.all,
        verb,
        takes_object,
    };
    AFTER_VERB_RULES
        .iter()
        .find_map(|rule| (rule.apply)(&after))
        .unwrap_or(Phrase {
            end: after.end(),
            content_from: None,
        })
}

/// Accepts a verb at the sentence's end, or followed by punctuation other
/// than an opening mark ("said.", "said:", "said, adding"): no content.
fn nothing_after(after: &After) -> Option<Phrase> {
    let end = after.end();
    let gap_is_open = after.all.get(after.next()).is_some_and(|first| {
        let gap = &after.text[end..first.start];
        gap.chars().all(char::is_whitespace) || gap.trim().starts_with(['“', '‘', '"', '\''])
    });
    (!gap_is_open).then_some(Phrase {
        end,
        content_from: None,
    })
}

/// Accepts "told HSJ that …", "told reporters on Tuesday that …": a verb
/// taking a listener, with "that" within twelve words.
fn listener_then_that(after: &After) -> Option<Phrase> {
    if !after.takes_object {
        return None;
    }
    let that = after.that_within(12)?;
    Some(Phrase {
        end: after.all[that - 1].end,
        content_from: after.content_at(after.all[that].end, that + 1),
    })
}

/// Accepts "told HSJ the purpose was …", "told him it was …": a verb
/// taking a listener, read by [`LISTENER_RULES`]; the content follows the
/// listener when only spaces or an opening mark part them. A listener no
/// rule reads leaves no content.
fn listener_then_content(after: &After) -> Option<Phrase> {
    if !after.takes_object {
        return None;
    }
    let Some(k) = LISTENER_RULES.iter().find_map(|rule| (rule.apply)(after)) else {
        return Some(Phrase {
            end: after.end(),
            content_from: None,
        });
    };
    let end = after.all[k - 1].end;
    let content_from = after
        .all
        .get(k)
        .filter(|w| {
            let gap = &after.text[end..w.start];
            gap.chars().all(char::is_whitespace) || gap.trim().starts_with(['“', '‘', '"', '\''])
        })
        .map(|w| content_start(after.text, end, w));
    Some(Phrase { end, content_from })
}

/// Accepts "said that …" and "explained how …": content after the word.
fn that_or_how(after: &After) -> Option<Phrase> {
    let next = after.next();
    if !matches!(after.lower(next).as_str(), "that" | "how") {
        return None;
    }
    Some(Phrase {
        end: after.end(),
        content_from: after.content_at(after.all[next].end, next + 1),
    })
}

/// Accepts "said in a statement that …", "confirmed on Tuesday that …": a
/// phrase opener, then content after a "that" within ten words (none
/// without one). Not "about" before a quantity ("said about half of …").
fn phrase_then_that(after: &After) -> Option<Phrase> {
    let next = after.next();
    if !PHRASE_OPENER.contains(&after.lower(next)) || approximates(after, next) {
        return None;
    }
    let content_from = after
        .that_within(10)
        .and_then(|that| after.all.get(that + 1))
        .map(|w| content_start(after.text, w.start, w));
    Some(Phrase {
        end: after.end(),
        content_from,
    })
}

/// Whether word `k` is "about" before a number or a quantity word: an
/// approximation, not a phrase.
fn approximates(after: &After, k: usize) -> bool {
    let quantity = after.all.get(k + 1).is_some_and(|w| {
        after.text[w.clone()].starts_with(|c: char| c.is_ascii_digit())
            || QUANTITY_WORD.contains(&after.lower(k + 1))
    });
    after.lower(k) == "about" && quantity
}

/// Accepts "said both he and the minister had …": content right after the
/// verb.
fn right_after(after: &After) -> Option<Phrase> {
    let end = after.end();
    Some(Phrase {
        end,
        content_from: after.content_at(end, after.next()),
    })
}

/// One way of reading a listener: the index of the word past it.
type ListenerRule = Rule<fn(&After) -> Option<usize>>;

/// The ways of reading the listener after a verb like "told", in order.
pub const LISTENER_RULES: &[ListenerRule] = &[
    Rule {
        name: "named listener",
        apply: named_listener,
    },
    Rule {
        name: "object pronoun",
        apply: object_pronoun,
    },
    Rule {
        name: "determiner's noun phrase",
        apply: determiner_phrase,
    },
    Rule {
        name: "one word before a name or pronoun",
        apply: word_before_name,
    },
    Rule {
        name: "one or two words ending the phrase",
        apply: short_listener,
    },
];

/// Accepts "HSJ", "Health Service Journal": a run of joined capitalised
/// words.
fn named_listener(after: &After) -> Option<usize> {
    let next = after.next();
    let capital = |k: usize| is_capitalised(&after.text[after.all[k].clone()]);
    if !capital(next) {
        return None;
    }
    let mut k = next;
    while k < after.all.len() && capital(k) && (k == next || after.joined(k - 1, k)) {
        k += 1;
    }
    Some(k)
}

/// Accepts "him", "them", "us".
fn object_pronoun(after: &After) -> Option<usize> {
    let next = after.next();
    OBJECT_PRONOUN
        .contains(&after.lower(next))
        .then_some(next + 1)
}

/// Accepts "the committee", "his local paper": a determiner and up to four
/// joined lowercase words, up to another determiner or a pronoun.
fn determiner_phrase(after: &After) -> Option<usize> {
    let next = after.next();
    if !DETERMINER.contains(&after.lower(next)) {
        return None;
    }
    let mut k = next + 1;
    while k < after.all.len()
        && k - next < 5
        && after.joined(k - 1, k)
        && !DETERMINER.contains(&after.lower(k))
        && !SUBJECT_PRONOUN.contains(&after.lower(k))
        && !is_capitalised(&after.text[after.all[k].clone()])
    {
        k += 1;
    }
    Some(k)
}

/// Accepts "reporters" in "told reporters the …", "told reporters Mr …":
/// one word before a capitalised word, a determiner or a subject pronoun.
fn word_before_name(after: &After) -> Option<usize> {
    let next = after.next();
    let second = next + 1;
    let opens_np = after.all.get(second).is_some_and(|w| {
        let l = after.lower(second);
        after.joined(next, second)
            && (is_capitalised(&after.text[w.clone()])
                || DETERMINER.contains(&l)
                || SUBJECT_PRONOUN.contains(&l))
    });
    opens_np.then_some(second)
}

/// Accepts "told colleagues." and "warned staff, …": one or two words that
/// end the phrase (punctuation or the sentence's end follows).
fn short_listener(after: &After) -> Option<usize> {
    let next = after.next();
    let mut k = next;
    while k < after.all.len() && k - next < 2 && (k == next || after.joined(k - 1, k)) {
        k += 1;
    }
    let closes = after.all.get(k).is_none_or(|w| {
        !after.text[after.all[k - 1].end..w.start]
            .chars()
            .all(char::is_whitespace)
    });
    closes.then_some(k)
}

/// Content starts at `word`, or at an opening mark just before it.
fn content_start(text: &str, from: usize, word: &Range<usize>) -> usize {
    let gap = &text[from..word.start];
    match gap.find(|c: char| !c.is_whitespace()) {
        Some(i) => from + i,
        None => word.start,
    }
}
