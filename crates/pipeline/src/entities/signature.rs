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

/// Reads capitalised signature lines "NAME, ROLE…, ORGANISATION" and claims
/// their tokens.
pub(super) fn read_signature(
    text: &str,
    toks: &[Token],
    claimed: &mut [bool],
    out: &mut Vec<Found>,
) {
    let lexicon = lexicon::get();
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].is_word() && toks[i].text.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 3
        || !words
            .iter()
            .all(|&i| toks[i].all_caps() || toks[i].text == "&")
    {
        return;
    }
    // Segments between commas.
    let mut segments: Vec<(usize, usize)> = Vec::new();
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
    let seg_words = |(a, b): (usize, usize)| {
        (a..b)
            .filter(|&i| toks[i].is_word())
            .map(|i| title(toks[i].text))
            .collect::<Vec<_>>()
    };
    let Some(&name_seg) = segments.first() else {
        return;
    };
    let name_words = seg_words(name_seg);
    if !(2..=4).contains(&name_words.len()) || !lexicon.given_names.contains(name_words[0].as_str())
    {
        return;
    }
    let front = |seg: &(usize, usize)| {
        let w = seg_words(*seg);
        w.len() >= 3 && lexicon.org_front_heads.contains(w[0].as_str())
    };
    let headed = |seg: &(usize, usize)| {
        let w = seg_words(*seg);
        w.len() >= 2
            && w.last()
                .is_some_and(|l| lexicon.org_heads.contains(l.as_str()))
    };
    let org_at = segments
        .iter()
        .skip(1)
        .position(front)
        .or_else(|| segments.iter().skip(1).rposition(headed));
    let span = |(a, b): (usize, usize)| (toks[a].start, toks[b - 1].end);
    let (ns, ne) = span(name_seg);
    let roles_end = org_at.map_or(segments.len(), |i| i + 1);
    let role: Vec<String> = segments[1..roles_end]
        .iter()
        .map(|&s| seg_words(s).join(" ").to_lowercase())
        .collect();
    let mut person = Found {
        kind: EntityKind::Person,
        start: ns as u32,
        end: ne as u32,
        name: name_words.join(" "),
        surface: text[ns..ne].to_string(),
        roles: Vec::new(),
        acronym: None,
        is_acronym: false,
    };
    if !role.is_empty() {
        person.roles.push(role.join(", "));
    }
    out.push(person);
    if let Some(i) = org_at {
        let org_segs = &segments[i + 1..];
        let (os, _) = span(org_segs[0]);
        let (_, oe) = span(*org_segs.last().expect("org_at points into segments"));
        let name = org_segs
            .iter()
            .map(|&s| seg_words(s).join(" "))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Found {
            kind: EntityKind::Organisation,
            start: os as u32,
            end: oe as u32,
            name,
            surface: text[os..oe].to_string(),
            roles: Vec::new(),
            acronym: None,
            is_acronym: false,
        });
    }
    for c in claimed.iter_mut() {
        *c = true;
    }
}
