//! Finds the names in one document's cleaned text and says what each is.
//!
//! Invariant: every [`Found`] span lies inside one block of the text, on
//! `char` boundaries, and no two spans overlap.
//!
//! A name is a *chunk*: capitalised words on one line, joined by connectors
//! ("Department of Health & Social Care"), and by "and" when the result is
//! still one name ("Health and Care Professions Council"). Each chunk goes
//! through [`classify`], an ordered chain of rules (honorific, organisation
//! shape, place, role before a given name, given name, context), and the
//! first rule that recognises it decides. Chunks no rule recognises are kept
//! as [`Candidate`]s: a lone "Hunt" or "Sajid" becomes a mention once the
//! document is known to name Jeremy Hunt or Sajid Javid.
//!
//! Letter signatures in capitals ("MICHELLE DYSON, DIRECTOR GENERAL …,
//! DEPARTMENT OF HEALTH AND SOCIAL CARE") are read first, by commas.

use corpus_model::{Block, BlockKind, EntityKind};
use corpus_text::calendar::is_month_or_weekday;
use corpus_text::tokens::{tokens, Token};

use super::lexicon::{self, Lexicon};

/// A name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: EntityKind,
    pub start: u32,
    pub end: u32,
    /// The name in canonical case, without honorific ("Jeremy Hunt").
    pub name: String,
    /// The words as written ("Mr Hunt", "MICHELLE DYSON").
    pub surface: String,
    /// A role the text gives next to the name ("health secretary").
    pub roles: Vec<String>,
    /// For an organisation: the acronym the text defines for it ("HEE").
    pub acronym: Option<String>,
    /// For an organisation: the name is an acronym.
    pub is_acronym: bool,
}

/// A capitalised word no rule recognised (maybe a surname used alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub start: u32,
    pub end: u32,
    pub word: String,
    /// A reporting verb follows ("Fitzwater said").
    pub speaks: bool,
}

/// What one document names.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub found: Vec<Found>,
    pub candidates: Vec<Candidate>,
    /// Two or three capitalised words no rule recognised ("Marlin
    /// Fitzwater" in a list that knows no Marlin).
    pub unconfirmed: Vec<Candidate>,
    /// Acronyms the text defines as common nouns ("allied health
    /// professionals (AHPs)"): not organisations.
    pub plain_acronyms: Vec<String>,
}

/// Finds the names in `text`.
pub fn find(text: &str, blocks: &[Block]) -> Names {
    let lexicon = lexicon::get();
    let mut names = Names::default();
    for block in blocks {
        let (start, end) = (block.start as usize, block.end as usize);
        let body = &text[start..end];
        let toks = tokens(text, start..end);
        let mut claimed = vec![false; toks.len()];
        let first_of_block = names.found.len();
        if block.kind == BlockKind::Signature {
            read_signature(text, &toks, &mut claimed, &mut names.found);
        }
        read_block(text, &toks, &claimed, lexicon, &mut names);
        read_role_lines(body, start, &mut names.found[first_of_block..]);
    }
    names.found.sort_by_key(|f| f.start);
    names.candidates.sort_by_key(|c| c.start);
    names
}

/// A chunk: tokens `from..to` (exclusive) of a block.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    from: usize,
    to: usize,
}

fn read_block(text: &str, toks: &[Token], claimed: &[bool], lexicon: &Lexicon, names: &mut Names) {
    let chunks = chunk(text, toks, claimed, lexicon);
    let mut found_here: Vec<(Chunk, Found)> = Vec::new();
    for c in &chunks {
        let next_acronym = defined_acronym(toks, c.to);
        for result in classify(text, toks, *c, lexicon, &found_here) {
            match result {
                Class::Found(mut found, part) => {
                    if found.kind == EntityKind::Organisation && !found.is_acronym {
                        if let Some(acr) =
                            next_acronym.filter(|a| initials(&found.name) == strip_plural(a))
                        {
                            found.acronym = Some(acr.to_string());
                        }
                    }
                    found_here.push((part, found));
                }
                Class::Candidate(part) => names.candidates.push(candidate(text, toks, part)),
                Class::Unconfirmed(part) => names.unconfirmed.push(candidate(text, toks, part)),
            }
        }
    }
    for i in 0..toks.len() {
        if let Some(acr) = plain_acronym(toks, i) {
            names.plain_acronyms.push(acr);
        }
    }
    add_roles(text, toks, &mut found_here);
    names.found.extend(found_here.into_iter().map(|(_, f)| f));
}

fn candidate(text: &str, toks: &[Token], part: Chunk) -> Candidate {
    let (start, end) = (toks[part.from].start, toks[part.to - 1].end);
    // Only a word standing alone counts as a surname used alone.
    let alone = part.to - part.from == 1 && (part.from == 0 || !toks[part.from - 1].capitalised());
    Candidate {
        start: start as u32,
        end: end as u32,
        word: text[start..end].to_string(),
        speaks: alone && reporting_after(toks, part.to),
    }
}

/// Splits a block's tokens into chunks of capitalised words.
fn chunk(text: &str, toks: &[Token], claimed: &[bool], lexicon: &Lexicon) -> Vec<Chunk> {
    let same_line = |a: usize, b: usize| {
        !text[toks[a].end..toks[b].start].contains('\n') && toks[a].end < toks[b].start
    };
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if claimed[i] || !toks[i].capitalised() {
            i += 1;
            continue;
        }
        let from = i;
        let mut to = i + 1;
        loop {
            if to < toks.len() && !claimed[to] && toks[to].capitalised() && same_line(to - 1, to) {
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
            break;
        }
        chunks.push(Chunk { from, to });
        i = to;
    }
    join_and(text, toks, chunks, lexicon)
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
                if !left_person
                    && !left_is_whole
                    && !right_is_acronym
                    && (ends_org || front || defined)
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

/// "(HEE)" right after token `to - 1`: the acronym.
fn defined_acronym<'a>(toks: &[Token<'a>], to: usize) -> Option<&'a str> {
    let open = toks.get(to)?;
    let word = toks.get(to + 1)?;
    let close = toks.get(to + 2)?;
    (open.text == "(" && close.text == ")" && is_acronym_shape(word.text)).then_some(word.text)
}

/// "professionals (AHPs)": an acronym defined for lowercase words.
fn plain_acronym(toks: &[Token], i: usize) -> Option<String> {
    let acr = defined_acronym(toks, i + 1)?;
    let before = &toks[i];
    (before.is_word() && before.text.starts_with(|c: char| c.is_lowercase()))
        .then(|| acr.to_string())
}

/// Two to six capitals, maybe a plural "s": "HEE", "ADASS", "AHPs".
fn is_acronym_shape(word: &str) -> bool {
    let core = strip_plural(word);
    (2..=6).contains(&core.len()) && core.chars().all(|c| c.is_ascii_uppercase())
}

fn strip_plural(word: &str) -> &str {
    word.strip_suffix('s')
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(word)
}

/// The acronym a name's words make: capitals of its words, whole words that
/// are themselves in capitals ("UK Visas and Immigration" → "UKVI").
pub fn initials(name: &str) -> String {
    let skipped = &lexicon::get().acronym_skipped;
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !skipped.contains(w.to_lowercase().as_str()))
        .map(|w| {
            if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) {
                w.to_string()
            } else {
                w.chars()
                    .next()
                    .map(|c| c.to_uppercase().to_string())
                    .unwrap_or_default()
            }
        })
        .collect()
}

/// "MICHELLE" → "Michelle", "BAYLISS-PRATT" → "Bayliss-Pratt"; connectors
/// lowercase ("OF" → "of").
pub fn title(word: &str) -> String {
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

/// What a chunk (or part of it) is.
enum Class {
    Found(Found, Chunk),
    Candidate(Chunk),
    /// Two or three capitalised words no rule recognised: a person's name if
    /// the document also uses its last word as a surname.
    Unconfirmed(Chunk),
}

fn found(kind: EntityKind, text: &str, toks: &[Token], c: Chunk, name: String) -> Class {
    let (start, end) = (toks[c.from].start, toks[c.to - 1].end);
    let surface = text[start..end].to_string();
    Class::Found(
        Found {
            kind,
            start: start as u32,
            end: end as u32,
            name,
            surface,
            roles: Vec::new(),
            acronym: None,
            is_acronym: false,
        },
        c,
    )
}

/// The chunk's words in canonical case, joined by single spaces.
fn words(toks: &[Token], c: Chunk, shouting: bool) -> String {
    (c.from..c.to)
        .map(|i| {
            if shouting {
                title(toks[i].text)
            } else {
                toks[i].text.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decides what a chunk names; the ordered rule chain.
fn classify(
    text: &str,
    toks: &[Token],
    mut c: Chunk,
    lexicon: &Lexicon,
    before: &[(Chunk, Found)],
) -> Vec<Class> {
    // Capitals throughout, several words, not all known acronyms: read as title case.
    let shouting = c.to - c.from >= 2
        && (c.from..c.to).all(|i| {
            toks[i].all_caps()
                || !toks[i].text.chars().any(char::is_alphabetic)
                || lexicon.connectors.contains(toks[i].lower().as_str())
        })
        && (c.from..c.to).any(|i| {
            toks[i].all_caps()
                && !lexicon.acronyms.contains_key(toks[i].text)
                && toks[i].text.len() > 1
        });
    let canon = |i: usize| {
        if shouting {
            title(toks[i].text)
        } else {
            toks[i].text.to_string()
        }
    };

    // "The National previously reported": a publication.
    let rest = (c.from + 1..c.to)
        .map(|i| toks[i].text)
        .collect::<Vec<_>>()
        .join(" ");
    let org_shaped = lexicon.org_heads.contains(toks[c.to - 1].text)
        || lexicon
            .org_front_heads
            .contains(toks[(c.from + 1).min(c.to - 1)].text)
        || lexicon.places.contains(&rest)
        || toks[c.from + 1..c.to].iter().any(|t| t.all_caps());
    if toks[c.from].text == "The"
        && (2..=4).contains(&(c.to - c.from))
        && !org_shaped
        && reporting_after(toks, c.to)
    {
        let name = words(toks, c, shouting);
        return vec![found(EntityKind::Organisation, text, toks, c, name)];
    }
    // Sentence-initial words that never begin a name.
    while c.to > c.from
        && toks[c.from].initial
        && lexicon.common_words.contains(toks[c.from].lower().as_str())
    {
        c.from += 1;
        while c.to > c.from && !toks[c.from].capitalised() {
            c.from += 1;
        }
    }
    // A role before a given name: "Health Secretary Humza Yousaf",
    // "Chancellor of the Exchequer Nigel Lawson".
    // (A title such as "Professor" is an honorific, read below.)
    let role_in = |k: usize| {
        !lexicon.honorifics.contains(toks[c.from].text)
            && (c.from..k).any(|i| lexicon.role_heads.contains(toks[i].lower().as_str()))
    };
    if let Some(k) =
        (c.from + 1..c.to).find(|&k| lexicon.given_names.contains(canon(k).as_str()) && role_in(k))
    {
        // The name ends at "of" ("Robert Dole of Kansas"), not at a particle
        // ("Gerard van Schaik").
        let to = (k..c.to)
            .find(|&i| matches!(toks[i].lower().as_str(), "of" | "for" | "&"))
            .unwrap_or(c.to);
        let person = Chunk { from: k, to };
        if (2..=4).contains(&(person.to - person.from)) {
            let role = (c.from..k)
                .map(|i| toks[i].lower())
                .collect::<Vec<_>>()
                .join(" ");
            if let Class::Found(mut f, part) = found(
                EntityKind::Person,
                text,
                toks,
                person,
                words(toks, person, shouting),
            ) {
                f.roles.push(role);
                return vec![Class::Found(f, part)];
            }
        }
    }
    // "CEO of the Care Quality Commission": the organisation after the role.
    while c.to - c.from >= 3 && lexicon.role_heads.contains(toks[c.from].lower().as_str()) {
        let mut k = c.from + 1;
        while k < c.to && lexicon.role_heads.contains(toks[k].lower().as_str()) {
            k += 1;
        }
        if k < c.to && matches!(toks[k].lower().as_str(), "of" | "at" | "for") {
            c.from = k + 1;
            while c.from < c.to && !toks[c.from].capitalised() {
                c.from += 1;
            }
        } else {
            break;
        }
    }
    if c.to == c.from {
        return Vec::new();
    }
    let len = c.to - c.from;
    let first = canon(c.from);
    let last = canon(c.to - 1);
    let name = words(toks, c, shouting);

    // Honorific: "Mr Hunt", "Professor Lisa Bayliss-Pratt".
    if lexicon.honorifics.contains(first.trim_end_matches('.')) && (2..=5).contains(&len) {
        let person = Chunk {
            from: c.from + 1,
            to: c.to,
        };
        let full = words(toks, person, shouting);
        if let Class::Found(mut f, _) = found(EntityKind::Person, text, toks, c, full) {
            f.surface = text[f.start as usize..f.end as usize].to_string();
            return vec![Class::Found(f, c)];
        }
    }
    // Organisation shapes.
    let all_role_words = (c.from..c.to).all(|i| {
        let w = toks[i].lower();
        lexicon.role_heads.contains(w.as_str()) || lexicon.role_modifiers.contains(w.as_str())
    });
    let first_is_org_acronym = (2..=4).contains(&len)
        && toks[c.from].all_caps()
        && !shouting
        && is_org_acronym(toks[c.from].text, lexicon);
    let front = lexicon.org_front_heads.contains(first.as_str())
        && len >= 3
        && matches!(toks[c.from + 1].lower().as_str(), "of" | "for");
    let ends_head = len >= 2 && lexicon.org_heads.contains(last.as_str());
    let place_suffixed = len >= 2
        && lexicon.places.contains(&last)
        && !lexicon.places.contains(&name)
        && !lexicon.given_names.contains(first.as_str())
        && !lexicon.places.contains(&first);
    let defined =
        len >= 2 && defined_acronym(toks, c.to).is_some_and(|a| initials(&name) == strip_plural(a));
    if !all_role_words && (ends_head || front || first_is_org_acronym || place_suffixed || defined)
    {
        return vec![found(EntityKind::Organisation, text, toks, c, name)];
    }
    // Street addresses ("39 Victoria Street") name no one.
    if len >= 2 && lexicon.street_words.contains(last.as_str()) {
        return Vec::new();
    }
    // Places.
    if lexicon.places.contains(&name) {
        return vec![found(EntityKind::Place, text, toks, c, name)];
    }
    let plain_words = (c.from..c.to).all(|i| {
        toks[i].is_word()
            && toks[i].text != "&"
            && !lexicon.connectors.contains(toks[i].lower().as_str())
    });
    // A given name and a surname.
    if (2..=4).contains(&len) && plain_words && lexicon.given_names.contains(first.as_str()) {
        return vec![found(EntityKind::Person, text, toks, c, name)];
    }
    // A title and a surname: "President Reagan", "Senator Proxmire".
    if (2..=3).contains(&len)
        && plain_words
        && lexicon
            .surname_titles
            .contains(toks[c.from].lower().as_str())
        && !lexicon.places.contains(&last)
        && !lexicon.org_heads.contains(last.as_str())
    {
        let person = Chunk {
            from: c.from + 1,
            to: c.to,
        };
        if let Class::Found(mut f, _) = found(
            EntityKind::Person,
            text,
            toks,
            person,
            words(toks, person, shouting),
        ) {
            f.start = toks[c.from].start as u32;
            f.surface = text[toks[c.from].start..toks[c.to - 1].end].to_string();
            f.roles.push(toks[c.from].lower());
            return vec![Class::Found(f, c)];
        }
    }
    // Context: a role before, or an appositive role after.
    let role_before = c.from > 0
        && toks[c.from - 1].is_word()
        && lexicon
            .role_heads
            .contains(toks[c.from - 1].lower().as_str())
        && !toks[c.from - 1].capitalised();
    let role_after = role_after(text, toks, c.to, lexicon).is_some();
    if (2..=3).contains(&len)
        && plain_words
        && !toks[c.from].all_caps()
        && (role_before || role_after)
    {
        return vec![found(EntityKind::Person, text, toks, c, name)];
    }
    // "campaign group EveryDoctor".
    if c.from > 0 && lexicon.org_cues.contains(toks[c.from - 1].lower().as_str()) && len <= 4 {
        return vec![found(EntityKind::Organisation, text, toks, c, name)];
    }
    // Word by word: acronyms, known organisations, places, candidates.
    let mut out = Vec::new();
    // Words up to the last role word are the role ("Energy Minister Subroto").
    let mut name_part = c;
    if let Some(last_role) = (c.from..c.to)
        .rev()
        .find(|&i| lexicon.role_heads.contains(toks[i].lower().as_str()))
    {
        name_part.from = last_role + 1;
    }
    // A given name inside starts the name ("Budget James Miller").
    if let Some(k) =
        (name_part.from + 1..name_part.to).find(|&k| lexicon.given_names.contains(toks[k].text))
    {
        name_part.from = k;
    }
    let capitalised =
        (name_part.from..name_part.to).all(|i| toks[i].capitalised() && !toks[i].all_caps());
    let starts_like_a_name = name_part.from < name_part.to && {
        let first = toks[name_part.from].text;
        !lexicon.places.contains(first)
            && !lexicon.known_orgs.contains(first)
            && !is_month_or_weekday(first)
            && !first.contains('-')
    };
    if (2..=3).contains(&(name_part.to - name_part.from))
        && plain_words
        && capitalised
        && starts_like_a_name
        && !shouting
    {
        out.push(Class::Unconfirmed(name_part));
    }
    let mut i = c.from;
    while i < c.to {
        let place = (1..=3.min(c.to - i)).rev().find(|&n| {
            lexicon
                .places
                .contains(&words(toks, Chunk { from: i, to: i + n }, shouting))
        });
        if let Some(n) = place {
            let part = Chunk { from: i, to: i + n };
            out.push(found(
                EntityKind::Place,
                text,
                toks,
                part,
                words(toks, part, shouting),
            ));
            i += n;
            continue;
        }
        let part = Chunk { from: i, to: i + 1 };
        let word = toks[i].text;
        if !shouting
            && toks[i].all_caps()
            && is_org_acronym(word, lexicon)
            && !before
                .iter()
                .any(|(_, f)| f.name == word && f.kind != EntityKind::Organisation)
        {
            if let Class::Found(mut f, part) =
                found(EntityKind::Organisation, text, toks, part, word.to_string())
            {
                f.is_acronym = true;
                out.push(Class::Found(f, part));
            }
        } else if lexicon.known_orgs.contains(word) {
            out.push(found(
                EntityKind::Organisation,
                text,
                toks,
                part,
                word.to_string(),
            ));
        } else if toks[i].capitalised() && !toks[i].all_caps() && toks[i].text != "&" {
            out.push(Class::Candidate(part));
        }
        i += 1;
    }
    out
}

/// An all-capitals word that can name an organisation: not a plural, not a
/// common abbreviation, not a place.
fn is_org_acronym(word: &str, lexicon: &Lexicon) -> bool {
    (2..=6).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !lexicon.not_acronyms.contains(word)
        && !lexicon.places.contains(word)
        && !lexicon.common_words.contains(word.to_lowercase().as_str())
}

/// A reporting verb at `at`, maybe after an adverb ("previously reported").
fn reporting_after(toks: &[Token], at: usize) -> bool {
    let is_verb = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.is_word() && lexicon::get().speaker_verbs.contains(t.lower().as_str())
        })
    };
    is_verb(at)
        || (toks
            .get(at)
            .is_some_and(|t| t.is_word() && t.text.ends_with("ly"))
            && is_verb(at + 1))
}

/// ", chief nurse at HEE": a role in apposition after the name ending at
/// token `to`.
fn role_after(text: &str, toks: &[Token], to: usize, lexicon: &Lexicon) -> Option<String> {
    if toks.get(to)?.text != "," {
        return None;
    }
    let from = to + 1;
    let mut end = from;
    while end < toks.len() && end - from < 12 {
        let t = &toks[end];
        if !t.is_word() && matches!(t.text, "," | "." | ";" | "(" | ")" | ":" | "“" | "”" | "\"")
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
        let modifier_before = from >= 2
            && toks[from - 2].is_word()
            && toks[from - 2].text.starts_with(char::is_lowercase);
        if lexicon.role_stops.contains(lower.as_str())
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
pub fn role_case(role: &str) -> String {
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
fn add_roles(text: &str, toks: &[Token], found: &mut [(Chunk, Found)]) {
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
            if !f.roles.contains(&role) {
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
            if !f.roles.contains(&role) {
                f.roles.push(role);
            }
        }
    }
}

/// A line of names alone, then a line with a role: the role of each name
/// ("Anna Hemmings and Cathie Williams" / "Joint Chief Executive, ADASS").
fn read_role_lines(body: &str, offset: usize, found: &mut [Found]) {
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

/// Reads capitalised signature lines "NAME, ROLE…, ORGANISATION" and claims
/// their tokens.
fn read_signature(text: &str, toks: &[Token], claimed: &mut [bool], out: &mut Vec<Found>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
        let block = Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len() as u32,
        };
        find(text, &[block])
            .found
            .into_iter()
            .map(|f| (f.kind, f.name, f.roles))
            .collect()
    }

    #[test]
    fn finds_names_with_roles() {
        use EntityKind::*;
        type Case<'a> = (&'a str, &'a [(EntityKind, &'a str, &'a [&'a str])]);
        let cases: &[Case] = &[
            ("Health secretary Jeremy Hunt will raise it.", &[(Person, "Jeremy Hunt", &["health secretary"])]),
            ("Health Secretary Humza Yousaf confirmed it.", &[(Person, "Humza Yousaf", &["health secretary"])]),
            ("He would lobby the recently-appointed home secretary, Sajid Javid, for this.", &[(Person, "Sajid Javid", &["home secretary"])]),
            ("said Professor Lisa Bayliss-Pratt, chief nurse at HEE.", &[(Person, "Lisa Bayliss-Pratt", &["chief nurse at HEE"]), (Organisation, "HEE", &[])]),
            ("In a reference to former health secretary, now foreign secretary, Jeremy Hunt, he said", &[(Person, "Jeremy Hunt", &["foreign secretary", "former health secretary"])]),
            ("Health Education England (HEE) has launched it.", &[(Organisation, "Health Education England", &[]), (Organisation, "HEE", &[])]),
            ("calls on the Home Office and the Care Quality Commission.", &[(Organisation, "Home Office", &[]), (Organisation, "Care Quality Commission", &[])]),
            ("in England, Scotland and Northern Ireland", &[(Place, "England", &[]), (Place, "Scotland", &[]), (Place, "Northern Ireland", &[])]),
            ("Campaign group EveryDoctor said so.", &[(Organisation, "EveryDoctor", &[])]),
            // negative rows: sentence-initial words and weekdays are not names
            ("Last Tuesday, it was claimed.", &[]),
            ("Focusing on retention, the strategy concedes it.", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(EntityKind, String, Vec<String>)> = expected
                .iter()
                .map(|(k, n, r)| (*k, n.to_string(), r.iter().map(|s| s.to_string()).collect()))
                .collect();
            let mut got = names(text);
            for g in &mut got {
                g.2.sort();
            }
            assert_eq!(got, expected, "in {text:?}");
        }
    }

    #[test]
    fn reads_capitalised_signatures() {
        let text = "MICHELLE DYSON, DIRECTOR GENERAL FOR ADULT SOCIAL CARE,\nDEPARTMENT OF HEALTH AND SOCIAL CARE";
        let block = Block {
            kind: BlockKind::Signature,
            start: 0,
            end: text.len() as u32,
        };
        let found: Vec<(String, Vec<String>)> = find(text, &[block])
            .found
            .into_iter()
            .map(|f| (f.name, f.roles))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "Michelle Dyson".to_string(),
                    vec!["director general for adult social care".to_string()]
                ),
                ("Department of Health and Social Care".to_string(), vec![]),
            ],
            "in {text:?}"
        );
    }

    #[test]
    fn initials_make_acronyms() {
        let cases = [
            ("UK Visas and Immigration", "UKVI"),
            ("Department of Health & Social Care", "DHSC"),
            ("Care Quality Commission", "CQC"),
            ("Home Office", "HO"),
        ];
        for (name, acronym) in cases {
            assert_eq!(initials(name), acronym, "for {name:?}");
        }
    }
}
