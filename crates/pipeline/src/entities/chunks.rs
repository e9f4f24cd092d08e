//! Chunks: runs of capitalised words on one line, joined by connectors
//! ("Department of Health & Social Care") and by "and" when the whole is
//! one organisation's name ("Health and Care Professions Council").
//!
//! Invariant: chunks are ascending, disjoint, non-empty ranges of a block's
//! tokens, never start or end at a claimed token and never cross a line.

use corpus_text::tokens::{is_possessive, Token};
use corpus_text::words::is_ticker_code;

use super::acronyms::{defined_acronym, initials, is_founders_initials, strip_plural};
use super::lexicon::{self, Lexicon};
use super::names::Chunk;
use super::roles::reporting_after;

/// Splits a block's tokens into chunks of capitalised words.
pub(super) fn chunk(text: &str, toks: &[Token], claimed: &[bool], lexicon: &Lexicon) -> Vec<Chunk> {
    let same_line = |a: usize, b: usize| {
        !text[toks[a].end..toks[b].start].contains('\n') && toks[a].end < toks[b].start
    };
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if claimed[i] || !name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let from = i;
        let mut to = i + 1;
        loop {
            if to < toks.len() && !claimed[to] && name_word(&toks[to]) && same_line(to - 1, to) {
                to += 1;
                continue;
            }
            // A connector, or "the" after "of", between capitalised words.
            let mut k = to;
            while k < toks.len()
                && toks[k].is_word()
                && (lexicon.connectors.contains(toks[k].lower().as_str())
                    || (toks[k].lower() == "the" && k > to))
                && same_line(k - 1, k)
            {
                k += 1;
            }
            if k > to
                && k < toks.len()
                && !claimed[k]
                && toks[k].capitalised()
                && same_line(k - 1, k)
            {
                to = k + 1;
                continue;
            }
            if let Some(end) = company_after_possessive(text, toks, claimed, from, to, lexicon) {
                to = end;
                continue;
            }
            break;
        }
        chunks.push(Chunk { from, to });
        i = to;
    }
    let chunks = join_and(text, toks, chunks, lexicon);
    join_lowercase_before_suffix(text, toks, claimed, chunks, lexicon)
}

/// Most lowercase words between a name and its company suffix.
const MAX_LOWERCASE_BEFORE_SUFFIX: usize = 2;

/// Joins a company suffix standing alone to the name before it when only
/// a lowercase word or two lie between ("Jacobs Engineering group Inc",
/// "J.C. Penney co Inc"): a suffix is never a name by itself.
fn join_lowercase_before_suffix(
    text: &str,
    toks: &[Token],
    claimed: &[bool],
    chunks: Vec<Chunk>,
    lexicon: &Lexicon,
) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        let lone_suffix =
            c.to == c.from + 1 && lexicon.company_suffixes.contains(toks[c.from].text);
        if let Some(prev) = out.last_mut().filter(|_| lone_suffix) {
            let between = prev.to..c.from;
            let lowercase_words = between.len() <= MAX_LOWERCASE_BEFORE_SUFFIX
                && between
                    .clone()
                    .all(|i| toks[i].is_word() && !toks[i].capitalised() && !claimed[i])
                && !text[toks[prev.to - 1].end..toks[c.from].start].contains('\n');
            if lowercase_words {
                prev.to = c.to;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A capitalised word that may be part of a name: not a ticker code ("Volkswagen
/// AG VOWG.F" is named "Volkswagen AG").
fn name_word(token: &Token) -> bool {
    token.capitalised() && !is_ticker_code(token.text)
}

/// "Moody|'s Investors Service Inc|": where a company's name ends when the
/// chunk `from..to` is followed by a possessive and capitalised words
/// ending in a company suffix, and names no place ("Japan's Finance
/// Ministry" stays apart).
fn company_after_possessive(
    text: &str,
    toks: &[Token],
    claimed: &[bool],
    from: usize,
    to: usize,
    lexicon: &Lexicon,
) -> Option<usize> {
    if !possessive_at(toks, to) {
        return None;
    }
    let mut end = to + 1;
    while end < toks.len()
        && !claimed[end]
        && toks[end].capitalised()
        && !text[toks[end - 1].end..toks[end].start].contains('\n')
    {
        end += 1;
    }
    let owner = text[toks[from].start..toks[to - 1].end].to_string();
    (end > to + 1
        && lexicon.company_suffixes.contains(toks[end - 1].text)
        && !lexicon.places.contains(&owner))
    .then_some(end)
}

/// Joins "A and B" into one chunk when the whole is one organisation's name.
fn join_and(text: &str, toks: &[Token], chunks: Vec<Chunk>, lexicon: &Lexicon) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut joined_last = false;
    for c in chunks {
        if let Some(prev) = out.last().copied() {
            let and_between = c.from == prev.to + 1
                && toks[prev.to].is_word()
                && matches!(toks[prev.to].lower().as_str(), "and" | "&");
            let spaced =
                and_between && !text[toks[prev.to - 1].end..toks[c.from].start].contains('\n');
            if spaced && !joined_last {
                let whole = Chunk {
                    from: prev.from,
                    to: c.to,
                };
                let words: Vec<&str> = (whole.from..whole.to).map(|i| toks[i].text).collect();
                let last = words.last().copied().unwrap_or("");
                let left_person = lexicon
                    .given_names
                    .contains(title(toks[prev.from].text).as_str());
                let ends_org = lexicon.org_heads.contains(title(last).as_str());
                let front = lexicon
                    .org_front_heads
                    .contains(title(toks[prev.from].text).as_str())
                    && (prev.from + 1..prev.to)
                        .any(|i| matches!(toks[i].lower().as_str(), "of" | "for"));
                let right_is_acronym = toks[c.from].all_caps() && toks[c.from].text.len() > 1;
                let left_is_whole = lexicon.honorifics.contains(toks[prev.from].text)
                    || (prev.to - prev.from >= 2
                        && lexicon
                            .org_heads
                            .contains(title(toks[prev.to - 1].text).as_str()));
                let defined = defined_acronym(toks, c.to)
                    .is_some_and(|a| initials(&words.join(" ")) == strip_plural(a));
                let firm = possessive_firm(toks, prev, c) || initials_firm(toks, prev, c);
                if !left_person
                    && !left_is_whole
                    && !right_is_acronym
                    && (ends_org || front || defined || firm)
                {
                    *out.last_mut().expect("checked above") = whole;
                    joined_last = true;
                    continue;
                }
            }
        }
        joined_last = false;
        out.push(c);
    }
    out
}

/// "Standard and Poor's said": one word, "and", one word with a possessive,
/// then a reporting verb, as a firm named after its founders speaks.
fn possessive_firm(toks: &[Token], left: Chunk, right: Chunk) -> bool {
    left.to - left.from == 1
        && right.to - right.from == 1
        && possessive_at(toks, right.to)
        && reporting_after(toks, right.to + 1)
}

/// Whether token `i` is a possessive ("'s") written onto the word before.
pub(super) fn possessive_at(toks: &[Token], i: usize) -> bool {
    i > 0
        && toks
            .get(i)
            .is_some_and(|t| is_possessive(t.text) && t.start == toks[i - 1].end)
}

/// "S and P", "AT and T": a letter or two, "and", a letter or two, as a
/// firm abbreviates the names of its founders.
fn initials_firm(toks: &[Token], left: Chunk, right: Chunk) -> bool {
    let initials = |c: Chunk| c.to == c.from + 1 && is_founders_initials(toks[c.from].text);
    initials(left) && initials(right)
}

/// "MICHELLE" → "Michelle", "BAYLISS-PRATT" → "Bayliss-Pratt"; connectors
/// lowercase ("OF" → "of").
pub(super) fn title(word: &str) -> String {
    let lower = word.to_lowercase();
    if lexicon::get().connectors.contains(lower.as_str()) || matches!(lower.as_str(), "and" | "the")
    {
        return word.to_lowercase();
    }
    if !word.chars().any(char::is_lowercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
    {
        let mut out = String::with_capacity(word.len());
        let mut upper = true;
        for c in word.chars() {
            if upper {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            upper = !c.is_alphanumeric();
        }
        return out;
    }
    word.to_string()
}
