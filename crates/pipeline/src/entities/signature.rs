//! Letter signatures in capitals: "MICHELLE DYSON, DIRECTOR GENERAL FOR
//! ADULT SOCIAL CARE, DEPARTMENT OF HEALTH AND SOCIAL CARE", read by
//! commas into a person, their role and their organisation.
//!
//! Invariant: a block read as a signature has all its tokens claimed, so no
//! other rule reads them again.

use corpus_model::EntityKind;
use corpus_text::tokens::Token;

use super::chunks::title;
use super::lexicon;
use super::names::Found;

/// Tokens `from..to` of a signature line, between commas.
type Segment = (usize, usize);

/// Reads capitalised signature lines "NAME, ROLE…, ORGANISATION" and claims
/// their tokens.
pub(super) fn read_signature(
    text: &str,
    toks: &[Token],
    claimed: &mut [bool],
    out: &mut Vec<Found>,
) {
    let lexicon = lexicon::get();
    if !in_capitals(toks) {
        return;
    }
    let segments = comma_segments(toks);
    let Some(&name_seg) = segments.first() else {
        return;
    };
    let name_words = segment_words(toks, name_seg);
    if !(2..=4).contains(&name_words.len()) || !lexicon.given_names.contains(name_words[0].as_str())
    {
        return;
    }
    let org_at = organisation_segment(toks, &segments[1..]);
    let roles_end = org_at.map_or(segments.len(), |i| i + 1);
    let role: Vec<String> = segments[1..roles_end]
        .iter()
        .map(|&s| segment_words(toks, s).join(" ").to_lowercase())
        .collect();
    let mut person = found(
        EntityKind::Person,
        text,
        toks,
        &[name_seg],
        name_words.join(" "),
    );
    if !role.is_empty() {
        person.roles.push(role.join(", "));
    }
    out.push(person);
    if let Some(i) = org_at {
        let org_segs = &segments[i + 1..];
        let name = org_segs
            .iter()
            .map(|&s| segment_words(toks, s).join(" "))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(found(EntityKind::Organisation, text, toks, org_segs, name));
    }
    for c in claimed.iter_mut() {
        *c = true;
    }
}

/// Three or more words, every one in capitals or "&".
fn in_capitals(toks: &[Token]) -> bool {
    let words: Vec<&Token> = toks
        .iter()
        .filter(|t| t.is_word() && t.text.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 3 && words.iter().all(|t| t.all_caps() || t.text == "&")
}

/// The segments between commas, semicolons and full stops, without the
/// punctuation that opens them.
fn comma_segments(toks: &[Token]) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut from = 0;
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() && matches!(t.text, "," | ";" | ".") {
            if i > from {
                segments.push((from, i));
            }
            from = i + 1;
        } else if !t.is_word() && t.text != "&" && i == from {
            from = i + 1;
        }
    }
    if toks.len() > from {
        segments.push((from, toks.len()));
    }
    segments
}

/// The words of a segment in title case.
fn segment_words(toks: &[Token], (a, b): Segment) -> Vec<String> {
    (a..b)
        .filter(|&i| toks[i].is_word())
        .map(|i| title(toks[i].text))
        .collect()
}

/// Where, among the segments after the name, the organisation starts: the
/// first led by a front head ("Department of …"), else the last ending in
/// an organisation head ("… Council").
fn organisation_segment(toks: &[Token], after_name: &[Segment]) -> Option<usize> {
    let lexicon = lexicon::get();
    let front = |seg: &Segment| {
        let w = segment_words(toks, *seg);
        w.len() >= 3 && lexicon.org_front_heads.contains(w[0].as_str())
    };
    let headed = |seg: &Segment| {
        let w = segment_words(toks, *seg);
        w.len() >= 2
            && w.last()
                .is_some_and(|l| lexicon.org_heads.contains(l.as_str()))
    };
    after_name
        .iter()
        .position(front)
        .or_else(|| after_name.iter().rposition(headed))
}

/// A name of `kind` spanning `segments` (not empty), called `name`.
fn found(
    kind: EntityKind,
    text: &str,
    toks: &[Token],
    segments: &[Segment],
    name: String,
) -> Found {
    let start = toks[segments[0].0].start;
    let end = toks[segments[segments.len() - 1].1 - 1].end;
    Found {
        kind,
        start: start as u32,
        end: end as u32,
        name,
        surface: text[start..end].to_string(),
        roles: Vec::new(),
        acronym: None,
        is_acronym: false,
    }
}
