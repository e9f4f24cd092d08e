//! Finds reporting clauses in a sentence: a reporting verb, the words naming
//! its speaker, and, for reported speech, the content it reports.
//!
//! Each verb form of the lexicon is tried as a rule in this order; a form is
//! skipped when its neighbours make it a noun ("media reports", "the
//! warning") or when it stands inside quotation marks.
//!
//! ```text
//! In response, Yousaf said both he and the Welsh Health Secretary had raised the issue
//!              ^subject ^verb ^content ……………………………………………………………………………………………………………………
//! …not been restored, Comissaria Smith said in its weekly review.
//! ^content (before) …  ^subject        ^verb
//! ```
//!
//! Invariant: every range lies inside the sentence; the subject and verb lie
//! outside quotation marks; content (which may hold quotations) never starts
//! with a colon or an opening mark, since those introduce direct quotes.

use std::ops::Range;

use super::lexicon::Lexicon;
use corpus_text::chars::is_dash;
use corpus_text::words::{is_capitalised, joined, words};

/// Words that end a subject when reading back from its verb.
const SUBJECT_STOPS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "or", "since", "so",
    "than", "that", "then", "though", "until", "when", "whereas", "whether", "which", "while",
    "who", "whom", "with",
];

/// Words after which a verb form is a noun ("the report", "media reports").
const NOUN_MAKERS: &[&str] = &[
    "a", "an", "her", "his", "its", "media", "my", "news", "of", "our", "the", "their", "these",
    "this", "those", "your",
];

/// Lemmas whose bare and -s forms are also common nouns ("a claim", "reports").
const NOUNABLE: &[&str] = &[
    "caution", "claim", "comment", "estimate", "joke", "note", "promise", "remark", "reply",
    "report", "state", "stress", "tweet", "warn",
];

/// Words that may open a prepositional phrase between a verb and "that"
/// ("said in a statement that", "confirmed on Tuesday that").
const PHRASE_OPENERS: &[&str] = &[
    "about",
    "after",
    "at",
    "before",
    "by",
    "during",
    "earlier",
    "for",
    "from",
    "in",
    "last",
    "of",
    "on",
    "over",
    "previously",
    "this",
    "through",
    "to",
    "today",
    "upfront",
    "with",
    "yesterday",
];

const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we"];
const OBJECT_PRONOUNS: &[&str] = &["her", "him", "me", "them", "us", "you"];
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "our", "the", "their", "this",
];

/// A reporting verb with what surrounds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The verb as written ("said", "went on", "according to").
    pub verb: Range<usize>,
    /// The verb reports speech, so content after or before it is reported.
    pub reports: bool,
    /// The words naming the speaker, before or after the verb.
    pub subject: Option<Range<usize>>,
    /// "it was claimed": the speaker is not the subject.
    pub passive: bool,
    /// Where the clause's own words begin (its subject or verb).
    pub begins: usize,
    /// Where the verb phrase ends, past any listener ("told HSJ").
    pub phrase_end: usize,
    /// The reported content, when the clause reports speech without marks.
    pub content: Option<Range<usize>>,
}

/// The reporting clauses of `text[sentence]`; `quoted` are the sentence's
/// quotations with their marks.
pub fn find(text: &str, sentence: Range<usize>, quoted: &[Range<usize>]) -> Vec<Clause> {
    let all = words(text, sentence.clone());
    let outside = |w: &Range<usize>| !quoted.iter().any(|q| q.start <= w.start && w.end <= q.end);
    let ws: Vec<Range<usize>> = all.iter().filter(|w| outside(w)).cloned().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match clause_at(text, &sentence, &ws, &all, i) {
            Some((clause, used)) => {
                found.push(clause);
                i += used;
            }
            None => i += 1,
        }
    }
    cut_at_coordinated(text, &mut found);
    for clause in &mut found {
        if let Some(content) = clause.content.clone() {
            let enough = is_clause(text, content.clone());
            let only_a_quote = quoted
                .iter()
                .any(|q| q.start <= content.start && content.end <= q.end);
            if !enough || only_a_quote {
                clause.content = None;
            }
        }
    }
    found
}

/// Whether `text[range]` reads as a clause: three words or more, with a
/// finite verb.
fn is_clause(text: &str, range: Range<usize>) -> bool {
    let lex = Lexicon::get();
    let content: Vec<&str> = words(text, range).into_iter().map(|w| &text[w]).collect();
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
        _ if DETERMINERS.contains(&first.as_str()) => {
            content.get(2).is_some_and(|w| third_person(w))
        }
        _ => false,
    }
}

/// Text between two words contains only spaces.
fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    joined(text, a, b)
}

fn lower(text: &str, r: &Range<usize>) -> String {
    text[r.clone()].to_lowercase()
}

/// The clause whose verb starts at `ws[i]`, and how many words the verb takes.
fn clause_at(
    text: &str,
    sentence: &Range<usize>,
    ws: &[Range<usize>],
    all: &[Range<usize>],
    i: usize,
) -> Option<(Clause, usize)> {
    let lex = Lexicon::get();
    let word = &text[ws[i].clone()];
    let pair = ws
        .get(i + 1)
        .filter(|n| adjacent(text, &ws[i], n))
        .map(|n| format!("{} {}", word.to_lowercase(), lower(text, n)));
    if pair.as_deref() == Some("according to") {
        return according_to(text, sentence, ws, i).map(|c| (c, 2));
    }
    let (form, used) = match pair.as_deref().and_then(|p| lex.verb(p)) {
        Some(form) => (form, 2),
        None => (lex.verb(word)?, 1),
    };
    let at_sentence_start = i == 0
        && text[sentence.start..ws[0].start]
            .chars()
            .all(|c| !c.is_alphanumeric());
    if is_capitalised(word) && !at_sentence_start {
        return None;
    }
    let prev = i
        .checked_sub(1)
        .filter(|&p| adjacent(text, &ws[p], &ws[i]))
        .map(|p| lower(text, &ws[p]));
    if prev
        .as_deref()
        .is_some_and(|p| NOUN_MAKERS.contains(&p) || (p == "to" && !form.reports))
    {
        return None;
    }
    let lower_word = word.to_lowercase();
    let inflected = lower_word.ends_with("ed") || lower_word.ends_with("ing") || used == 2;
    let after_named_determiner = i >= 2
        && adjacent(text, &ws[i - 2], &ws[i - 1])
        && NOUN_MAKERS.contains(&lower(text, &ws[i - 2]).as_str())
        && is_capitalised(&text[ws[i - 1].clone()]);
    if NOUNABLE.contains(&form.lemma.as_str()) && !inflected && after_named_determiner {
        return None;
    }
    if NOUNABLE.contains(&form.lemma.as_str()) && !inflected {
        let verbal = prev
            .as_deref()
            .is_some_and(|p| p == "to" || PRONOUNS.contains(&p) || lex.is_aux(p))
            || i.checked_sub(1).is_some_and(|p| {
                adjacent(text, &ws[p], &ws[i])
                    && (is_capitalised(&text[ws[p].clone()])
                        || lex.is_role_word(&text[ws[p].clone()]))
            });
        if !verbal {
            return None;
        }
    }
    let verb = ws[i].start..ws[i + used - 1].end;
    let passive = prev
        .as_deref()
        .is_some_and(|p| matches!(p, "was" | "were" | "is" | "are" | "been" | "being" | "be"))
        && (lower_word.ends_with("ed") || matches!(lower_word.as_str(), "told" | "said"));
    let quoted_as = (lower_word == "saying" && prev.as_deref() == Some("as"))
        .then(|| quoted_source(text, ws, i - 1))
        .flatten();
    let mut subject = if passive {
        None
    } else {
        quoted_as.or_else(|| subject_before(text, ws, i))
    };
    let mut inverted = false;
    let gap_before = &text[i.checked_sub(1).map_or(sentence.start, |p| ws[p].end)..ws[i].start];
    if subject.is_none()
        && !passive
        && (gap_before.contains(',') || gap_before.contains(['”', '"', '’', '\'']))
    {
        subject = subject_after(text, ws, i + used);
        inverted = subject.is_some();
    }
    let begins = subject
        .as_ref()
        .filter(|_| !inverted)
        .map_or(verb.start, |s| phrase_start(text, ws, s.start));
    let verb_last = all
        .iter()
        .position(|w| w.start == ws[i + used - 1].start)
        .unwrap_or(0);
    let (phrase_end, content_from) = after_verb(text, all, verb_last, form.takes_object);
    let rest = text[phrase_end..sentence.end].trim_start();
    let opens_upper = rest
        .trim_start_matches(['“', '‘', '"', '\'', '«'])
        .starts_with(char::is_uppercase);
    let introduces_quote = rest.starts_with(':')
        || (rest.starts_with(['“', '‘', '"', '\'', '«']) && opens_upper)
        || rest.starts_with(", “")
        || rest.starts_with(", \"")
        || rest.starts_with(", ‘");
    let negated = (0..i)
        .rev()
        .take_while(|&p| {
            adjacent(text, &ws[p], &ws[p + 1])
                && (lex.is_aux(&text[ws[p].clone()])
                    || matches!(lower(text, &ws[p]).as_str(), "declined" | "refused"))
        })
        .any(|p| {
            matches!(
                lower(text, &ws[p]).as_str(),
                "not" | "never" | "declined" | "refused"
            ) || text[ws[p].clone()].ends_with("n't")
        });
    let mut content = None;
    if form.reports && !introduces_quote && !inverted && !negated {
        content = content_from
            .map(|start| start..sentence.end)
            .filter(|c| is_clause(text, c.clone()))
            .or_else(|| content_before(text, sentence, ws, all, subject.as_ref(), verb_last));
    }
    if inverted && form.reports {
        content = content_before(text, sentence, ws, all, None, verb_last)
            .filter(|c| c.end <= verb.start);
    }
    let content = content.map(|c| trim_content(text, c));
    Some((
        Clause {
            verb,
            reports: form.reports,
            subject,
            passive,
            begins,
            phrase_end,
            content,
        },
        used,
    ))
}

/// The subject written right before the verb (past any auxiliaries): up to
/// six words back to a clause mark, or the last run of capitalised words of
/// a longer stretch.
fn subject_before(text: &str, ws: &[Range<usize>], verb: usize) -> Option<Range<usize>> {
    let lex = Lexicon::get();
    let mut k = verb;
    while k > 0
        && adjacent(text, &ws[k - 1], &ws[k])
        && lex.is_aux(&text[ws[k - 1].clone()])
        && !PRONOUNS.contains(&lower(text, &ws[k - 1]).as_str())
    {
        k -= 1;
    }
    let relative = k >= 2
        && adjacent(text, &ws[k - 1], &ws[k])
        && matches!(lower(text, &ws[k - 1]).as_str(), "who" | "which")
        && text[ws[k - 2].end..ws[k - 1].start].trim() == ",";
    if relative {
        let end = k - 2;
        let mut start = end;
        while start > 0
            && adjacent(text, &ws[start - 1], &ws[start])
            && end - start < 5
            && !matches!(
                lower(text, &ws[start - 1]).as_str(),
                "by" | "from" | "of" | "to" | "with" | "on" | "at" | "for"
            )
        {
            start -= 1;
        }
        return Some(ws[start].start..ws[end].end);
    }
    let mut j = k;
    let joins_names = |j: usize| {
        j >= 2
            && lower(text, &ws[j - 1]) == "and"
            && is_capitalised(&text[ws[j].clone()])
            && is_capitalised(&text[ws[j - 2].clone()])
    };
    while j > 0
        && adjacent(text, &ws[j - 1], &ws[j])
        && k - j < 12
        && (!SUBJECT_STOPS.contains(&lower(text, &ws[j - 1]).as_str()) || joins_names(j))
    {
        j -= 1;
    }
    let starts_np = |j: usize| {
        let w = &text[ws[j].clone()];
        is_capitalised(w)
            || DETERMINERS.contains(&w.to_lowercase().as_str())
            || PRONOUNS.contains(&w.to_lowercase().as_str())
    };
    if j > 1
        && j < k
        && lower(text, &ws[j - 1]) == "and"
        && !starts_np(j)
        && adjacent(text, &ws[j - 2], &ws[j - 1])
        && !is_capitalised(&text[ws[j - 2].clone()])
    {
        let mut m = j - 2;
        while m > 0 && adjacent(text, &ws[m - 1], &ws[m]) && !starts_np(m) && j - m < 4 {
            m -= 1;
        }
        if DETERMINERS.contains(&lower(text, &ws[m]).as_str()) {
            j = m;
        }
    }
    if j == k {
        return apposed_subject(text, ws, k);
    }
    let mut np: Vec<Range<usize>> = ws[j..k].to_vec();
    let described = np
        .iter()
        .take(3)
        .any(|w| lex.is_role_word(&text[w.clone()]));
    if np.len() > 6 && !described {
        let mut run = np.len();
        while run > 0 {
            let w = &text[np[run - 1].clone()];
            let connector = matches!(w, "of" | "and" | "for" | "&")
                && run < np.len()
                && run > 1
                && is_capitalised(&text[np[run - 2].clone()]);
            if is_capitalised(w) || connector {
                run -= 1;
            } else {
                break;
            }
        }
        np = np[run..].to_vec();
    }
    let np_words: Vec<String> = np.iter().map(|w| text[w.clone()].to_string()).collect();
    let first = np_words.first()?.to_lowercase();
    let last = np_words.last()?;
    let starters = [
        "it", "it's", "it’s", "this", "that", "there", "in", "on", "at", "but", "and", "so", "as",
        "if", "when", "while",
    ];
    let valid = (np_words.len() == 1 && PRONOUNS.contains(&first.as_str()))
        || np_words.iter().skip(1).any(|w| is_capitalised(w))
        || (is_capitalised(&np_words[0]) && !starters.contains(&first.as_str()))
        || (DETERMINERS.contains(&first.as_str()) && np_words.len() > 1)
        || lex.is_role_word(last)
        || lex.is_org_word(last);
    valid.then(|| np[0].start..np[np.len() - 1].end)
}

/// "quoted unidentified industry sources as saying": the words between
/// "quoted" (or "cited") and the "as" at `as_at`.
fn quoted_source(text: &str, ws: &[Range<usize>], as_at: usize) -> Option<Range<usize>> {
    let verb = (as_at.saturating_sub(8)..as_at)
        .rev()
        .find(|&p| matches!(lower(text, &ws[p]).as_str(), "quoted" | "cited"))?;
    let all_joined = (verb..as_at).all(|p| adjacent(text, &ws[p], &ws[p + 1]));
    (all_joined && verb + 1 < as_at).then(|| ws[verb + 1].start..ws[as_at - 1].end)
}

/// Where the phrase holding the word at `from` begins: back over joined
/// words to a clause mark or a subordinating word, at most eight words.
fn phrase_start(text: &str, ws: &[Range<usize>], from: usize) -> usize {
    let Some(mut j) = ws.iter().position(|w| w.start == from) else {
        return from;
    };
    let first = j;
    while j > 0
        && first - j < 8
        && adjacent(text, &ws[j - 1], &ws[j])
        && !SUBJECT_STOPS.contains(&lower(text, &ws[j - 1]).as_str())
    {
        j -= 1;
    }
    ws[j].start
}

/// A subject set off by commas before its verb: "The shadow home
/// secretary, Yvette Nolan, said" (the name with the role before it) or
/// "Energy UK, which represents suppliers, warned" (the name before the
/// relative clause).
fn apposed_subject(text: &str, ws: &[Range<usize>], verb: usize) -> Option<Range<usize>> {
    let lex = Lexicon::get();
    let segment_before = |end: usize| {
        let mut j = end;
        while j > 0 && adjacent(text, &ws[j - 1], &ws[j]) {
            j -= 1;
        }
        j
    };
    let comma_before = |k: usize| k > 0 && text[ws[k - 1].end..ws[k].start].trim() == ",";
    if verb == 0 || !comma_before(verb) {
        return None;
    }
    let last = verb - 1;
    let first = segment_before(last);
    let words_of = |a: usize, b: usize| {
        ws[a..=b]
            .iter()
            .map(|w| text[w.clone()].to_string())
            .collect::<Vec<_>>()
    };
    let segment = words_of(first, last);
    let lead = segment[0].to_lowercase();
    if matches!(lead.as_str(), "which" | "who") && comma_before(first) {
        let name_end = first - 1;
        let name_start = segment_before(name_end).max(name_end.saturating_sub(7));
        return Some(ws[name_start].start..ws[name_end].end);
    }
    let is_name = segment.len() <= 4 && segment.iter().all(|w| is_capitalised(w));
    let is_role = segment.len() <= 10
        && !is_capitalised(&segment[0])
        && segment.iter().any(|w| lex.is_role_word(w));
    let aside = !is_capitalised(&segment[0]) && (lead.ends_with("ing") || lead.ends_with("ed"));
    if (is_role || aside) && comma_before(first) {
        let name_end = first - 1;
        let name_start = segment_before(name_end);
        let name = words_of(name_start, name_end);
        if name.len() <= 4 && name.iter().all(|w| is_capitalised(w)) {
            return Some(ws[name_start].start..ws[name_end].end);
        }
    }
    if !is_name {
        return None;
    }
    if comma_before(first) {
        let role_end = first - 1;
        let role_start = segment_before(role_end);
        if words_of(role_start, role_end)
            .iter()
            .any(|w| lex.is_role_word(w))
        {
            return Some(ws[role_start].start..ws[last].end);
        }
    }
    Some(ws[first].start..ws[last].end)
}

/// The speaker named after the verb ("…,” said Mr Hunt." / "commented
/// Professor Lisa Bayliss-Pratt, chief nurse at HEE"), to the next comma
/// or the end; at most eight words, else it is a clause, not a name.
fn subject_after(text: &str, ws: &[Range<usize>], from: usize) -> Option<Range<usize>> {
    let first = ws.get(from)?;
    if from > 0 && !adjacent(text, &ws[from - 1], first) {
        return None;
    }
    let mut end = from;
    while end + 1 < ws.len() && adjacent(text, &ws[end], &ws[end + 1]) && end - from < 7 {
        end += 1;
    }
    if end + 1 < ws.len() && adjacent(text, &ws[end], &ws[end + 1]) {
        return None;
    }
    let np: Vec<&str> = ws[from..=end].iter().map(|w| &text[w.clone()]).collect();
    let first_lower = np[0].to_lowercase();
    let lex = Lexicon::get();
    let named = np.iter().any(|w| is_capitalised(w)) || DETERMINERS.contains(&first_lower.as_str());
    let clause_like = np
        .iter()
        .any(|w| lex.is_aux(w) && !matches!(*w, "to" | "now") || lex.verb(w).is_some());
    (named && !clause_like && !PRONOUNS.contains(&first_lower.as_str()))
        .then(|| first.start..ws[end].end)
}

/// Reads past the verb: its listener for verbs that take one, then "that"
/// or "how", or a short phrase before "that". Returns where the verb phrase
/// ends and where the content starts, if there is content after the verb.
fn after_verb(
    text: &str,
    all: &[Range<usize>],
    verb: usize,
    takes_object: bool,
) -> (usize, Option<usize>) {
    let end = all[verb].end;
    let next = verb + 1;
    let Some(first) = all.get(next) else {
        return (end, None);
    };
    if text[end..first.start].chars().any(|c| !c.is_whitespace())
        && !text[end..first.start]
            .trim()
            .starts_with(['“', '‘', '"', '\''])
    {
        return (end, None);
    }
    let that_within = |limit: usize| {
        (next..all.len().min(next + limit))
            .take_while(|&k| {
                k == next
                    || !text[all[k - 1].end..all[k].start]
                        .contains(['.', ';', ':', '–', '—', '“', '”'])
            })
            .find(|&k| lower(text, &all[k]) == "that")
    };
    let first_word = lower(text, first);
    if takes_object {
        if let Some(that) = that_within(12) {
            return (
                all[that - 1].end,
                all.get(that + 1)
                    .map(|w| content_start(text, all[that].end, w)),
            );
        }
        let mut k = next;
        if is_capitalised(&text[first.clone()]) {
            while k < all.len()
                && is_capitalised(&text[all[k].clone()])
                && (k == next || adjacent(text, &all[k - 1], &all[k]))
            {
                k += 1;
            }
        } else if OBJECT_PRONOUNS.contains(&first_word.as_str()) {
            k += 1;
        } else if DETERMINERS.contains(&first_word.as_str()) {
            k += 1;
            while k < all.len()
                && k - next < 5
                && adjacent(text, &all[k - 1], &all[k])
                && !DETERMINERS.contains(&lower(text, &all[k]).as_str())
                && !PRONOUNS.contains(&lower(text, &all[k]).as_str())
                && !is_capitalised(&text[all[k].clone()])
            {
                k += 1;
            }
        } else if all.get(next + 1).is_some_and(|w| {
            let l = lower(text, w);
            adjacent(text, first, w)
                && (is_capitalised(&text[w.clone()])
                    || DETERMINERS.contains(&l.as_str())
                    || PRONOUNS.contains(&l.as_str()))
        }) {
            k += 1;
        } else {
            while k < all.len()
                && k - next < 2
                && (k == next || adjacent(text, &all[k - 1], &all[k]))
            {
                k += 1;
            }
            let closes = all.get(k).is_none_or(|w| {
                !text[all[k - 1].end..w.start]
                    .chars()
                    .all(char::is_whitespace)
            });
            if !closes {
                return (end, None);
            }
        }
        let phrase_end = all[k - 1].end;
        return (
            phrase_end,
            all.get(k)
                .filter(|w| {
                    text[phrase_end..w.start].chars().all(char::is_whitespace)
                        || text[phrase_end..w.start]
                            .trim()
                            .starts_with(['“', '‘', '"', '\''])
                })
                .map(|w| content_start(text, phrase_end, w)),
        );
    }
    if matches!(first_word.as_str(), "that" | "how") {
        return (
            end,
            all.get(next + 1).map(|w| content_start(text, first.end, w)),
        );
    }
    if PHRASE_OPENERS.contains(&first_word.as_str()) {
        return (
            end,
            that_within(10)
                .and_then(|that| all.get(that + 1))
                .map(|w| content_start(text, w.start, w)),
        );
    }
    (end, Some(content_start(text, end, first)))
}

/// Content starts at `word`, or at an opening mark just before it.
fn content_start(text: &str, from: usize, word: &Range<usize>) -> usize {
    let gap = &text[from..word.start];
    match gap.find(|c: char| !c.is_whitespace()) {
        Some(i) => from + i,
        None => word.start,
    }
}

/// "…the new home secretary, he has revealed to HSJ.": when nothing
/// follows the verb but a short phrase, the content is the sentence before
/// the comma that precedes a short subject.
fn content_before(
    text: &str,
    sentence: &Range<usize>,
    ws: &[Range<usize>],
    all: &[Range<usize>],
    subject: Option<&Range<usize>>,
    verb_last: usize,
) -> Option<Range<usize>> {
    let head = subject.map_or_else(
        || {
            ws.iter()
                .find(|w| w.end > all[verb_last].start)
                .map_or(0, |w| w.start)
        },
        |s| s.start,
    );
    let lead = text[sentence.start..head].trim_end();
    let comma = lead.strip_suffix(',')?;
    if comma.ends_with(['”', '"', '’', '\''])
        || subject.is_some_and(|s| words(text, s.clone()).len() > 10)
    {
        return None;
    }
    let tail: Vec<String> = all[verb_last + 1..]
        .iter()
        .map(|w| lower(text, w))
        .collect();
    if tail.len() > 6 || tail.iter().any(|w| w == "that") {
        return None;
    }
    Some(sentence.start..sentence.start + comma.len())
}

/// "according to X": X is the speaker; the content is the clause before it
/// (back to a comma, dash or the sentence start), or after it when the
/// sentence opens with it.
fn according_to(
    text: &str,
    sentence: &Range<usize>,
    ws: &[Range<usize>],
    i: usize,
) -> Option<Clause> {
    let verb = ws[i].start..ws[i + 1].end;
    let subject = subject_after(text, ws, i + 2).or_else(|| {
        let first = ws.get(i + 2).filter(|w| adjacent(text, &ws[i + 1], w))?;
        let mut end = i + 2;
        while end + 1 < ws.len() && adjacent(text, &ws[end], &ws[end + 1]) && end - i < 8 {
            end += 1;
        }
        Some(first.start..ws[end].end)
    })?;
    let before = &text[sentence.start..verb.start];
    let trimmed = before.trim_end();
    let after_quote = trimmed
        .trim_end_matches(',')
        .ends_with(['”', '"', '’', '\'']);
    let content = if trimmed.is_empty() {
        let mut from = subject.end;
        if let Some(name) = ws.iter().position(|w| w.start > subject.end) {
            let mut end = name;
            while end + 1 < ws.len()
                && adjacent(text, &ws[end], &ws[end + 1])
                && is_capitalised(&text[ws[end + 1].clone()])
            {
                end += 1;
            }
            let apposition = text[subject.end..ws[name].start].trim() == ","
                && (name..=end).all(|k| is_capitalised(&text[ws[k].clone()]))
                && text[ws[end].end..].trim_start().starts_with(',');
            if apposition {
                from = ws[end].end;
            }
        }
        let rest = &text[from..sentence.end];
        rest.strip_prefix(',')
            .map(|r| from + 1 + (r.len() - r.trim_start().len())..sentence.end)
    } else if let (Some(stripped), false) = (trimmed.strip_suffix(','), after_quote) {
        let from = stripped.rfind([',', '–', '—', '(', ';']).map_or(0, |p| {
            p + stripped[p..].chars().next().map_or(1, char::len_utf8)
        });
        let start =
            sentence.start + from + (stripped[from..].len() - stripped[from..].trim_start().len());
        Some(start..sentence.start + stripped.len())
    } else {
        None
    };
    Some(Clause {
        verb: verb.clone(),
        reports: true,
        subject: Some(subject.clone()),
        passive: false,
        begins: verb.start,
        phrase_end: subject.end,
        content: content.map(|c| trim_content(text, c)),
    })
}

/// When a later verb has no subject of its own ("…and said he would…",
/// "– suggesting…"), it starts a new clause: the earlier content ends there.
fn cut_at_coordinated(text: &str, clauses: &mut [Clause]) {
    for k in 0..clauses.len() {
        let Some(content) = clauses[k].content.clone() else {
            continue;
        };
        let cut = clauses[k + 1..]
            .iter()
            .filter(|c| {
                c.verb.start > content.start
                    && c.verb.start < content.end
                    && c.subject.is_none()
                    && !c.passive
                    && c.reports
            })
            .map(|c| c.begins)
            .next();
        if let Some(cut) = cut {
            let mut end = cut;
            loop {
                let piece = text[content.start..end]
                    .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || is_dash(c));
                let trimmed = ["and", "but", "then", "also"]
                    .iter()
                    .find_map(|j| piece.strip_suffix(j).filter(|p| p.ends_with(' ')));
                end = content.start + trimmed.unwrap_or(piece).len();
                if trimmed.is_none() {
                    break;
                }
            }
            clauses[k].content = Some(content.start..end);
        }
    }
}

/// Drops closing punctuation and spaces from the end of reported content.
fn trim_content(text: &str, content: Range<usize>) -> Range<usize> {
    let piece = text[content.clone()].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':') || is_dash(c)
    });
    content.start..content.start + piece.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (verb, subject, content) of each clause found in a sentence.
    fn parse(sentence: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find(sentence, 0..sentence.len(), &[])
            .into_iter()
            .map(|c| {
                (
                    sentence[c.verb].to_string(),
                    c.subject.map(|s| sentence[s].to_string()),
                    c.content.map(|r| sentence[r].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn reporting_clauses() {
        type Row = (&'static str, Option<&'static str>, Option<&'static str>);
        let cases: &[(&str, Row)] = &[
            (
                "In response, Yousaf said both he and the minister had raised the issue.",
                (
                    "said",
                    Some("Yousaf"),
                    Some("both he and the minister had raised the issue"),
                ),
            ),
            (
                "Mr Hunt indicated he was likely to lobby the home secretary.",
                (
                    "indicated",
                    Some("Mr Hunt"),
                    Some("he was likely to lobby the home secretary"),
                ),
            ),
            (
                "He told HSJ the purpose was to send a message.",
                (
                    "told",
                    Some("He"),
                    Some("the purpose was to send a message"),
                ),
            ),
            (
                "There is concern, with NHS Employers warning that 400 visas had been rejected.",
                (
                    "warning",
                    Some("NHS Employers"),
                    Some("400 visas had been rejected"),
                ),
            ),
            (
                "Prices have not been restored, Comissaria Smith said in its weekly review.",
                (
                    "said",
                    Some("Comissaria Smith"),
                    Some("Prices have not been restored"),
                ),
            ),
            (
                "It was claimed in media reports that the prime minister had blocked requests.",
                (
                    "claimed",
                    None,
                    Some("the prime minister had blocked requests"),
                ),
            ),
            (
                "Campaign group EveryDoctor said clearing the backlog would help.",
                (
                    "said",
                    Some("Campaign group EveryDoctor"),
                    Some("clearing the backlog would help"),
                ),
            ),
        ];
        for &(sentence, (verb, subject, content)) in cases {
            let got = parse(sentence);
            let want = vec![(
                verb.to_string(),
                subject.map(str::to_string),
                content.map(str::to_string),
            )];
            assert_eq!(got, want, "clauses of {sentence:?}");
        }
    }

    #[test]
    fn coordinated_verbs_split_content() {
        let sentence = "Mr Hancock said he would not be spending every Monday on finances and said he would approach the role as a chair.";
        let got = parse(sentence);
        let contents: Vec<Option<String>> = got.into_iter().map(|c| c.2).collect();
        assert_eq!(
            contents,
            [
                Some("he would not be spending every Monday on finances".to_string()),
                Some("he would approach the role as a chair".to_string())
            ],
            "contents of {sentence:?}"
        );
    }

    #[test]
    fn not_reporting_clauses() {
        let cases = [
            "The report was published on Tuesday.",
            "Media reports suggest nothing.",
            "He promised further action on agency spending.",
            "Mr Hunt was speaking to HSJ during a visit.",
        ];
        for sentence in cases {
            let reported: Vec<_> = parse(sentence)
                .into_iter()
                .filter(|c| c.2.is_some())
                .collect();
            assert!(
                reported.is_empty(),
                "{sentence:?} reports nothing, got {reported:?}"
            );
        }
    }
}
