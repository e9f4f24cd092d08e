//! Roles written next to a person's name: before it ("health secretary
//! Jeremy Hunt"), in apposition after it ("Ann Cole, chief nurse at HEE"),
//! or on the line below a line of names; and the speaker verbs that show a
//! name speaks.
//!
//! Invariant: roles are attached to people only, each role once per person.

use corpus_model::EntityKind;
use corpus_text::tokens::Token;
use corpus_text::words::{is_dotted_initialism, is_ticker_code};

use super::lexicon::{self, Lexicon};
use super::names::{Chunk, Found};

/// Whether token `i` is a speaker verb ("said", "told").
pub(super) fn speaker_verb_at(toks: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    toks.get(i)
        .is_some_and(|t| t.is_word() && lexicon.speaker_verbs.contains(t.lower().as_str()))
}

/// A reporting verb at `at`, maybe after an adverb ("previously reported").
pub(super) fn reporting_after(toks: &[Token], at: usize) -> bool {
    let is_verb = |i: usize| speaker_verb_at(toks, i, lexicon::get());
    is_verb(at)
        || (toks
            .get(at)
            .is_some_and(|t| t.is_word() && t.text.ends_with("ly"))
            && is_verb(at + 1))
}

/// ", chief nurse at HEE": a role in apposition after the name ending at
/// token `to`.
pub(super) fn role_after(
    text: &str,
    toks: &[Token],
    to: usize,
    lexicon: &Lexicon,
) -> Option<String> {
    if toks.get(to)?.text != "," {
        return None;
    }
    let from = to + 1;
    // ", and Finance Minister …": the next of a list, not an apposition.
    if toks
        .get(from)
        .is_some_and(|t| matches!(t.lower().as_str(), "and" | "or"))
    {
        return None;
    }
    let mut end = from;
    while end < toks.len() && end - from < 12 {
        let t = &toks[end];
        // "… of Cetus Corp CTUS.O": a ticker code ends the role.
        if is_ticker_code(t.text) {
            break;
        }
        // "chief U.K. economist": the full stop of an abbreviation goes on.
        let abbreviation_stop = t.text == "."
            && end > from
            && toks[end - 1].end == t.start
            && is_dotted_initialism(toks[end - 1].text);
        if !t.is_word()
            && !abbreviation_stop
            && matches!(t.text, "," | "." | ";" | "(" | ")" | ":" | "“" | "”" | "\"")
        {
            break;
        }
        if t.is_word() && lexicon.apposition_stops.contains(t.lower().as_str()) {
            break;
        }
        if text[toks[end - 1].end..t.start].contains('\n') && end > from {
            break;
        }
        end += 1;
    }
    if end == from || end - from >= 12 {
        return None;
    }
    // ", Chief Cabinet Secretary Masaharu Gotoda told reporters", ", a
    // Treasury spokesman said": the subject of the next clause, not a role
    // of the name before.
    if speaker_verb_at(toks, end, lexicon) {
        return None;
    }
    let has_head = (from..(from + 4).min(end))
        .any(|i| toks[i].is_word() && lexicon.role_heads.contains(toks[i].lower().as_str()));
    let starts_lower_or_role = toks[from].text.starts_with(|c: char| c.is_lowercase())
        || lexicon.role_heads.contains(toks[from].lower().as_str());
    (has_head && starts_lower_or_role)
        .then(|| text[toks[from].start..toks[end - 1].end].to_string())
}

/// A role read backwards from just before token `at` ("health and social
/// care secretary", "NHS England chief executive"). Returns the role and
/// its first token.
fn role_before(
    text: &str,
    toks: &[Token],
    at: usize,
    orgs: &[(Chunk, Found)],
    lexicon: &Lexicon,
) -> Option<(String, usize)> {
    let head = at.checked_sub(1)?;
    if !toks[head].is_word() || !lexicon.role_heads.contains(toks[head].lower().as_str()) {
        return None;
    }
    let mut from = head;
    let mut org = None;
    while from > 0 && head - from < 8 && !toks[from].initial {
        let p = &toks[from - 1];
        if !p.is_word() || text[p.end..toks[from].start].contains('\n') {
            break;
        }
        if let Some((c, _)) = orgs.iter().find(|(c, _)| c.to == from) {
            org = Some(*c);
            from = c.from;
            break;
        }
        let lower = p.lower();
        // "refute Treasurer Paul Keating": a role in title case takes no
        // lowercase words but its modifiers and descriptors.
        let outside_title_case = toks[head].capitalised()
            && !p.capitalised()
            && !lexicon.role_modifiers.contains(lower.as_str())
            && !lexicon.role_descriptors.contains(lower.as_str());
        let modifier_before = from >= 2
            && toks[from - 2].is_word()
            && toks[from - 2].text.starts_with(char::is_lowercase);
        if lexicon.role_stops.contains(lower.as_str())
            || outside_title_case
            || (lower == "and" && !modifier_before)
            || (lower != "and" && lexicon.common_words.contains(lower.as_str()))
            || (p.capitalised() && !p.initial && !lexicon.role_heads.contains(lower.as_str()))
        {
            break;
        }
        from -= 1;
    }
    if org.is_none() {
        while from < head
            && (lexicon
                .role_descriptors
                .contains(toks[from].lower().as_str())
                || toks[from].lower() == "and")
        {
            from += 1;
        }
    }
    let role = match org {
        Some(c) => format!(
            "{} {}",
            &text[toks[c.from].start..toks[c.to - 1].end],
            text[toks[c.to].start..toks[head].end].to_lowercase()
        ),
        None => text[toks[from].start..toks[head].end].to_lowercase(),
    };
    Some((role, from))
}

/// A role in running-text case: a role written in title case ("Director
/// General For Adult Social Care") is lowercased but for its acronyms.
pub(super) fn role_case(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let title_case = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if !title_case {
        return words.join(" ");
    }
    words
        .iter()
        .map(|w| {
            if w.chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
                && w.len() > 1
            {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Attaches roles written before and after each person.
pub(super) fn add_roles(text: &str, toks: &[Token], found: &mut [(Chunk, Found)]) {
    let lexicon = lexicon::get();
    let orgs: Vec<(Chunk, Found)> = found
        .iter()
        .filter(|(_, f)| f.kind == EntityKind::Organisation)
        .cloned()
        .collect();
    for (c, f) in found
        .iter_mut()
        .filter(|(_, f)| f.kind == EntityKind::Person)
    {
        let mut at = c.from;
        // "former health secretary, now foreign secretary, Jeremy Hunt"
        let mut first_role = true;
        loop {
            let head_at =
                if toks.get(at.wrapping_sub(1)).is_some_and(|t| t.text == ",") && first_role {
                    at - 1
                } else {
                    at
                };
            let Some((role, from)) = role_before(text, toks, head_at, &orgs, lexicon) else {
                break;
            };
            if !holds_already(&f.roles, &role) {
                f.roles.push(role);
            }
            first_role = false;
            if from >= 3 && toks[from - 1].lower() == "now" && toks[from - 2].text == "," {
                at = from - 2;
                continue;
            }
            break;
        }
        if let Some(role) = role_after(text, toks, c.to, lexicon) {
            if !holds_already(&f.roles, &role) {
                f.roles.push(role);
            }
        }
    }
}

/// Whether `role` adds nothing to `roles`: one of them is it, or ends with
/// it ("chief cabinet secretary" holds "secretary").
fn holds_already(roles: &[String], role: &str) -> bool {
    roles
        .iter()
        .any(|r| r == role || r.strip_suffix(role).is_some_and(|rest| rest.ends_with(' ')))
}

/// A line of names alone, then a line with a role: the role of each name
/// ("Anna Hemmings and Cathie Williams" / "Joint Chief Executive, ADASS").
pub(super) fn read_role_lines(body: &str, offset: usize, found: &mut [Found]) {
    let lexicon = lexicon::get();
    let mut line_start = offset;
    let lines: Vec<(usize, &str)> = body
        .split('\n')
        .map(|l| {
            let at = line_start;
            line_start += l.len() + 1;
            (at, l)
        })
        .collect();
    let mut order: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].kind == EntityKind::Person)
        .collect();
    order.sort_by_key(|&i| found[i].start);
    let mut first = 0;
    for pair in lines.windows(2) {
        let ((at, line), (_, next)) = (pair[0], pair[1]);
        let end = at + line.len();
        while first < order.len() && (found[order[first]].start as usize) < at {
            first += 1;
        }
        let people: Vec<usize> = order[first..]
            .iter()
            .copied()
            .take_while(|&i| found[i].start as usize <= end)
            .filter(|&i| found[i].end as usize <= end)
            .collect();
        if people.is_empty() {
            continue;
        }
        let mut rest = line.to_string();
        for &i in &people {
            let (s, e) = (found[i].start as usize - at, found[i].end as usize - at);
            rest.replace_range(s..e, &" ".repeat(e - s));
        }
        let leftovers = rest
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '*' | '&'))
            .filter(|w| !w.is_empty());
        if !leftovers.clone().all(|w| {
            lexicon
                .name_line_fillers
                .contains(w.to_lowercase().as_str())
        }) {
            continue;
        }
        let role = role_case(next.trim().trim_matches(['*', '_']).trim());
        let role = role.as_str();
        let has_head = role.split_whitespace().take(3).any(|w| {
            lexicon
                .role_heads
                .contains(w.trim_matches(',').to_lowercase().as_str())
        });
        if has_head && role.split_whitespace().count() <= 12 {
            for i in people {
                if !found[i].roles.iter().any(|r| r == role) {
                    found[i].roles.push(role.to_string());
                }
            }
        }
    }
}
