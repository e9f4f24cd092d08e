//! Finds the words naming the speaker of an active reporting verb, by the
//! first rule of [`SUBJECT_RULES`] that finds any: the source of "quoted …
//! as saying", a name before ", who", the words right before the verb, a
//! subject set off by commas, a name opening the sentence set off by
//! commas or brackets, or a name after a verb that is no participle
//! ("…,” said Mr Hunt").
//!
//! Invariant: a subject is a run of outside words of the sentence; it lies
//! after the verb only when the verb follows a comma or a closing mark.

use std::ops::Range;

use super::super::lexicon::Lexicon;
use super::super::rule::Rule;
use super::sentence::Words;
use super::verb::Site;
use super::vocabulary::{
    COMMON_WORD, DETERMINER, LOCATING_PREPOSITION, NAME_CONNECTOR, NON_SUBJECT_OPENER,
    PHRASE_OPENER, QUANTIFIER, RELATIVE_SUBJECT_STOP, SUBJECT_PRONOUN, SUBJECT_STOP,
};
use corpus_text::words::{is_all_caps, is_capitalised};

/// The words naming a speaker.
pub struct Subject {
    pub words: Range<usize>,
    /// Written after the verb ("said Mr Hunt"), so the verb is inverted.
    pub after_verb: bool,
}

impl Subject {
    fn before(words: Range<usize>) -> Subject {
        Subject {
            words,
            after_verb: false,
        }
    }
}

/// One way of finding the subject of a verb.
type SubjectRule = Rule<fn(&Site) -> Option<Subject>>;

/// The ways of finding the subject of an active verb, tried in order.
pub const SUBJECT_RULES: &[SubjectRule] = &[
    Rule {
        name: "quoted as saying",
        apply: quoted_as_saying,
    },
    Rule {
        name: "name before a relative clause",
        apply: before_relative,
    },
    Rule {
        name: "subject before the verb",
        apply: before_verb,
    },
    Rule {
        name: "apposed subject",
        apply: apposed,
    },
    Rule {
        name: "name opening the sentence, set off",
        apply: opening_name_set_off,
    },
    Rule {
        name: "subject after the verb",
        apply: inverted,
    },
];

/// Most words between a name opening the sentence and its verb.
const MAX_SET_OFF_WORDS: usize = 30;
/// Most words of a name opening the sentence.
const MAX_OPENING_NAME: usize = 5;

/// The subject of the active verb at `site`, if a rule finds one.
pub fn find(site: &Site) -> Option<Subject> {
    SUBJECT_RULES.iter().find_map(|rule| (rule.apply)(site))
}

/// Accepts "quoted unidentified industry sources as saying": the words
/// between "quoted" (or "cited") and "as", all joined.
fn quoted_as_saying(site: &Site) -> Option<Subject> {
    if site.lower != "saying" || site.prev.as_deref() != Some("as") {
        return None;
    }
    let (words, as_at) = (site.words, site.i - 1);
    let verb = (as_at.saturating_sub(8)..as_at)
        .rev()
        .find(|&p| matches!(words.lower(p).as_ref(), "quoted" | "cited"))?;
    let all_joined = (verb..as_at).all(|p| words.adjacent(p, p + 1));
    (all_joined && verb + 1 < as_at)
        .then(|| Subject::before(words.ws[verb + 1].start..words.ws[as_at - 1].end))
}

/// Where the subject ends: the outside word after it, back from the verb
/// over auxiliaries ("has also said") but not over a subject pronoun.
fn subject_end(site: &Site) -> usize {
    let (words, lex) = (site.words, Lexicon::get());
    let mut k = site.i;
    while k > 0
        && words.adjacent(k - 1, k)
        && lex.is_aux(words.word(k - 1))
        && !SUBJECT_PRONOUN.contains(&words.lower(k - 1))
    {
        k -= 1;
    }
    k
}

/// Accepts "the letter from the union, which has warned": up to six joined
/// words before ", who" or ", which", back to a preposition.
fn before_relative(site: &Site) -> Option<Subject> {
    let words = site.words;
    let k = subject_end(site);
    let relative = k >= 2
        && words.adjacent(k - 1, k)
        && matches!(words.lower(k - 1).as_ref(), "who" | "which")
        && words.text[words.ws[k - 2].end..words.ws[k - 1].start].trim() == ",";
    if !relative {
        return None;
    }
    let end = k - 2;
    let mut start = end;
    while start > 0
        && words.adjacent(start - 1, start)
        && end - start < 5
        && !RELATIVE_SUBJECT_STOP.contains(&words.lower(start - 1))
    {
        start -= 1;
    }
    Some(Subject::before(words.ws[start].start..words.ws[end].end))
}

/// Accepts the joined words right before the verb back to a subject stop
/// ("In response, Yousaf said", "Campaign group EveryDoctor said"), cut to
/// their last capitalised run when longer than six words, if they name a
/// speaker: a pronoun, a name, a determiner's or quantifier's noun phrase
/// ("one user"), a role or an organisation.
fn before_verb(site: &Site) -> Option<Subject> {
    let (words, lex) = (site.words, Lexicon::get());
    let k = subject_end(site);
    let j = subject_start(words, k);
    if j == k {
        return None;
    }
    let np = trailing_name(words, j, k);
    let np_words: Vec<&str> = np.iter().map(|w| &words.text[w.clone()]).collect();
    let first = np_words.first()?.to_lowercase();
    let last = np_words.last()?;
    let valid = (np_words.len() == 1 && SUBJECT_PRONOUN.contains(&first))
        || np_words.iter().skip(1).any(|w| is_capitalised(w))
        || (is_capitalised(np_words[0]) && !NON_SUBJECT_OPENER.contains(&first))
        || ((DETERMINER.contains(&first) || QUANTIFIER.contains(&first)) && np_words.len() > 1)
        || lex.is_role_word(last)
        || lex.is_org_word(last);
    valid.then(|| Subject::before(np[0].start..np[np.len() - 1].end))
}

/// Where the words before subject end `k` begin: back over joined words to
/// a subject stop (at most twelve), keeping "and" between names, and back
/// over "and" to a determiner when it joins two lowercase nouns ("the chief
/// executive and chair").
fn subject_start(words: &Words, k: usize) -> usize {
    let mut j = k;
    let joins_names = |j: usize| {
        j >= 2
            && words.lower(j - 1) == "and"
            && is_capitalised(words.word(j))
            && is_capitalised(words.word(j - 2))
    };
    while j > 0
        && words.adjacent(j - 1, j)
        && k - j < 12
        && (!SUBJECT_STOP.contains(&words.lower(j - 1)) || joins_names(j))
    {
        j -= 1;
    }
    let starts_np = |j: usize| {
        let w = words.lower(j);
        is_capitalised(words.word(j)) || DETERMINER.contains(&w) || SUBJECT_PRONOUN.contains(&w)
    };
    if j > 1
        && j < k
        && words.lower(j - 1) == "and"
        && !starts_np(j)
        && words.adjacent(j - 2, j - 1)
        && !is_capitalised(words.word(j - 2))
    {
        let mut m = j - 2;
        while m > 0 && words.adjacent(m - 1, m) && !starts_np(m) && j - m < 4 {
            m -= 1;
        }
        if DETERMINER.contains(&words.lower(m)) {
            j = m;
        }
    }
    j
}

/// The outside words `j..k`, or, when there are more than six and no role
/// among the first three, their last run of capitalised words and name
/// connectors ("… Department for Work and Pensions"), unless that run
/// only says where someone is ("… officer in Sao Paulo").
fn trailing_name<'w>(words: &'w Words, j: usize, k: usize) -> &'w [Range<usize>] {
    let np = &words.ws[j..k];
    let lex = Lexicon::get();
    let described = np
        .iter()
        .take(3)
        .any(|w| lex.is_role_word(&words.text[w.clone()]));
    if np.len() <= 6 || described {
        return np;
    }
    let mut run = np.len();
    while run > 0 {
        let w = &words.text[np[run - 1].clone()];
        let connector = NAME_CONNECTOR.contains(w)
            && run < np.len()
            && run > 1
            && is_capitalised(&words.text[np[run - 2].clone()]);
        if is_capitalised(w) || connector {
            run -= 1;
        } else {
            break;
        }
    }
    let located = run > 0 && LOCATING_PREPOSITION.contains(&words.text[np[run - 1].clone()]);
    match located {
        true => np,
        false => &np[run..],
    }
}

/// Accepts a subject set off by commas right before the verb: "Energy UK,
/// which represents suppliers, warned" (the name before the relative
/// clause), "Jane Smith, the chief nurse, said" and "Jane Smith, speaking
/// on Tuesday, said" (the name before the role or aside), "The shadow home
/// secretary, Yvette Nolan, said" (the name with its role), "Yvette
/// Nolan, said" (the name alone); not a word set off after a name ("… of
/// Dallas, Texas, told"), unless an acronym ("the Kelso Bank, KB, said").
fn apposed(site: &Site) -> Option<Subject> {
    let (words, lex) = (site.words, Lexicon::get());
    let verb = subject_end(site);
    let comma_before =
        |k: usize| k > 0 && words.text[words.ws[k - 1].end..words.ws[k].start].trim() == ",";
    if verb == 0 || !comma_before(verb) {
        return None;
    }
    let span = |a: usize, b: usize| Some(Subject::before(words.ws[a].start..words.ws[b].end));
    let last = verb - 1;
    let first = segment_start(words, last);
    let segment = words_of(words, first, last);
    let lead = segment[0].to_lowercase();
    if matches!(lead.as_str(), "which" | "who") && comma_before(first) {
        let name_end = first - 1;
        let name_start = segment_start(words, name_end).max(name_end.saturating_sub(7));
        return span(name_start, name_end);
    }
    let is_name = segment.len() <= 4 && segment.iter().all(|w| is_capitalised(w));
    let is_role = segment.len() <= 10
        && !is_capitalised(segment[0])
        && segment.iter().any(|w| lex.is_role_word(w));
    let aside = !is_capitalised(segment[0]) && (lead.ends_with("ing") || lead.ends_with("ed"));
    if (is_role || aside) && comma_before(first) {
        let name_end = first - 1;
        let name_start = segment_start(words, name_end);
        let name = words_of(words, name_start, name_end);
        if name.len() <= 4 && name.iter().all(|w| is_capitalised(w)) {
            return span(name_start, name_end);
        }
    }
    // "the Hunt family of Dallas, Texas, told": a place after a place.
    let after_name = first == last
        && !is_all_caps(words.word(first))
        && comma_before(first)
        && is_capitalised(words.word(first - 1));
    if !is_name || after_name {
        return None;
    }
    if comma_before(first) {
        let role_end = first - 1;
        let role_start = segment_start(words, role_end);
        if words_of(words, role_start, role_end)
            .iter()
            .any(|w| lex.is_role_word(w))
        {
            return span(role_start, last);
        }
    }
    span(first, last)
}

/// Accepts a name opening the sentence, or following its opening quote
/// ("“…,” Butz, 49, told"), and set off from the verb by commas or
/// brackets, however long the words between ("Weingarten, a longtime
/// Clinton supporter, said", "Rep. Gregory Meeks (D-N.Y.) said", "Hunter,
/// meanwhile, told"); an opening phrase ("Speaking later,") is passed
/// over. Not a common word ("However, …") nor words across a quote.
fn opening_name_set_off(site: &Site) -> Option<Subject> {
    let (words, text) = (site.words, site.words.text);
    let verb = subject_end(site);
    let gap = |a: usize, b: usize| text[words.ws[a].end..words.ws[b].start].trim();
    if verb == 0 || verb > MAX_SET_OFF_WORDS || !gap(verb - 1, verb).ends_with([',', ')']) {
        return None;
    }
    let first = after_opening_phrase(words, verb);
    let before = text[words.sentence.start..words.ws[first].start].trim_end();
    let after_quote = ["”", "\""].iter().any(|mark| {
        before.ends_with(mark) && before[..before.len() - mark.len()].ends_with([',', '?', '!'])
    });
    let opens_sentence = before.is_empty() || after_quote || first > 0;
    let lower = words.lower(first);
    if !opens_sentence
        || !is_capitalised(words.word(first))
        || COMMON_WORD.contains(&lower)
        || NON_SUBJECT_OPENER.contains(&lower)
    {
        return None;
    }
    let mut end = first;
    while end + 1 < verb && words.adjacent(end, end + 1) && is_capitalised(words.word(end + 1)) {
        end += 1;
    }
    let set_off = end + 1 < verb && gap(end, end + 1).starts_with([',', '(']);
    let across_quote = text[words.ws[end].end..words.ws[verb].start].contains(['“', '”', '"']);
    (set_off && !across_quote && end - first < MAX_OPENING_NAME)
        .then(|| Subject::before(words.ws[first].start..words.ws[end].end))
}

/// The first outside word after an opening phrase set off by a comma
/// ("Speaking later on the show, …", "In a statement, …"), else 0.
fn after_opening_phrase(words: &Words, before: usize) -> usize {
    let lead = words.lower(0);
    let opens_phrase = PHRASE_OPENER.contains(&lead) || lead.ends_with("ing");
    if !opens_phrase {
        return 0;
    }
    (0..before.min(MAX_SET_OFF_WORDS))
        .find(|&k| {
            k + 1 < before && words.text[words.ws[k].end..words.ws[k + 1].start].trim() == ","
        })
        .map_or(0, |k| k + 1)
}

/// The first outside word of the run of joined words ending at `end`.
fn segment_start(words: &Words, end: usize) -> usize {
    let mut j = end;
    while j > 0 && words.adjacent(j - 1, j) {
        j -= 1;
    }
    j
}

/// Outside words `a..=b` as written.
fn words_of<'a>(words: &Words<'a>, a: usize, b: usize) -> Vec<&'a str> {
    words.ws[a..=b]
        .iter()
        .map(|w| &words.text[w.clone()])
        .collect()
}

/// Accepts "…,” said Mr Hunt." and "…, commented Professor Lisa
/// Bayliss-Pratt, chief nurse": a name after a verb, not a participle nor
/// one whose object is the listener ("told The Post"), that follows a
/// comma or a closing mark.
fn inverted(site: &Site) -> Option<Subject> {
    let words = site.words;
    if site.lower.ends_with("ing") || site.form.takes_object {
        return None;
    }
    let from = site
        .i
        .checked_sub(1)
        .map_or(words.sentence.start, |p| words.ws[p].end);
    let gap = &words.text[from..words.ws[site.i].start];
    if !gap.contains(',') && !gap.contains(['”', '"', '’', '\'']) {
        return None;
    }
    named_after(words, site.i + site.used).map(|words| Subject {
        words,
        after_verb: true,
    })
}

/// The speaker named from outside word `from` to the next comma or the
/// sentence's end, if it is joined to the word before: at most eight words
/// holding a capital or opening with a determiner, with no verb or
/// auxiliary (else it is a clause, not a name), not opening with a pronoun.
pub fn named_after(words: &Words, from: usize) -> Option<Range<usize>> {
    let first = words.ws.get(from)?;
    if from > 0 && !words.adjacent(from - 1, from) {
        return None;
    }
    let mut end = from;
    while end + 1 < words.ws.len() && words.adjacent(end, end + 1) && end - from < 7 {
        end += 1;
    }
    if end + 1 < words.ws.len() && words.adjacent(end, end + 1) {
        return None;
    }
    let np = words_of(words, from, end);
    let first_lower = np[0].to_lowercase();
    let lex = Lexicon::get();
    let named = np.iter().any(|w| is_capitalised(w)) || DETERMINER.contains(&first_lower);
    let clause_like = np
        .iter()
        .any(|w| lex.is_aux(w) && !matches!(*w, "to" | "now") || lex.verb(w).is_some());
    (named && !clause_like && !SUBJECT_PRONOUN.contains(&first_lower))
        .then(|| first.start..words.ws[end].end)
}

/// Where the phrase holding the outside word starting at byte `from`
/// begins: back over joined words to a subject stop, at most eight words.
pub fn phrase_start(words: &Words, from: usize) -> usize {
    let Some(mut j) = words.ws.iter().position(|w| w.start == from) else {
        return from;
    };
    let first = j;
    while j > 0
        && first - j < 8
        && words.adjacent(j - 1, j)
        && !SUBJECT_STOP.contains(&words.lower(j - 1))
    {
        j -= 1;
    }
    words.ws[j].start
}
