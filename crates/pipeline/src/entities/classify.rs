//! Says what a chunk of capitalised words names, by an ordered table of
//! small named rules: [`CLASSIFY_RULES`] is tried in order and the first
//! rule that answers decides.
//!
//! A rule reads the chunk at one of three widths ([`Ctx`]): as chunked, with
//! sentence-initial common words dropped ("Focusing …"), or also without a
//! leading role and preposition ("CEO of the Care Quality Commission").
//! Invariant: every part a rule returns lies inside the chunk as chunked.

use corpus_model::EntityKind;
use corpus_text::calendar::is_month_or_weekday;
use corpus_text::tokens::{is_possessive, Token};

use super::acronyms::{
    defined_acronym, initials, is_founders_initials, is_org_acronym, strip_plural,
};
use super::chunks::{possessive_at, title};
use super::lexicon::Lexicon;
use super::names::{Chunk, Found};
use super::roles::{reporting_after, role_after, speaker_verb_at};

/// What a chunk (or part of it) is.
pub(super) enum Class {
    Found(Found, Chunk),
    Candidate(Chunk),
    /// Two or three capitalised words no rule recognised: a person's name if
    /// the document also uses its last word as a surname.
    Unconfirmed(Chunk),
}

/// A chunk being classified and what the rules read it with.
pub(super) struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
    lexicon: &'a Lexicon,
    /// Names found earlier in the block.
    before: &'a [(Chunk, Found)],
    /// The chunk as chunked.
    whole: Chunk,
    /// Without sentence-initial words that never begin a name.
    trimmed: Chunk,
    /// Also without a leading role and "of", "at" or "for".
    c: Chunk,
    /// Capitals throughout, several words, not all known acronyms: the
    /// words are read in title case.
    shouting: bool,
}

/// A named rule: `apply` answers with the chunk's parts, or `None` to pass
/// the chunk on to the next rule.
pub(super) struct Rule {
    pub name: &'static str,
    pub apply: fn(&Ctx) -> Option<Vec<Class>>,
}

/// The rules, in the order they are tried.
pub(super) const CLASSIFY_RULES: &[Rule] = &[
    Rule {
        name: "publication",
        apply: publication,
    },
    Rule {
        name: "possessive_company",
        apply: possessive_company,
    },
    Rule {
        name: "initials_joined",
        apply: initials_joined,
    },
    Rule {
        name: "role_then_given_name",
        apply: role_then_given_name,
    },
    Rule {
        name: "role_then_name_saying",
        apply: role_then_name_saying,
    },
    Rule {
        name: "nothing_left",
        apply: nothing_left,
    },
    Rule {
        name: "honorific",
        apply: honorific,
    },
    Rule {
        name: "person_of_organisation",
        apply: person_of_organisation,
    },
    Rule {
        name: "org_ending_in_head",
        apply: org_ending_in_head,
    },
    Rule {
        name: "org_front_head",
        apply: org_front_head,
    },
    Rule {
        name: "org_acronym_first",
        apply: org_acronym_first,
    },
    Rule {
        name: "org_place_suffixed",
        apply: org_place_suffixed,
    },
    Rule {
        name: "org_defined_acronym",
        apply: org_defined_acronym,
    },
    Rule {
        name: "street_address",
        apply: street_address,
    },
    Rule {
        name: "place",
        apply: place,
    },
    Rule {
        name: "given_name_and_surname",
        apply: given_name_and_surname,
    },
    Rule {
        name: "title_and_surname",
        apply: title_and_surname,
    },
    Rule {
        name: "role_in_context",
        apply: role_in_context,
    },
    Rule {
        name: "org_cue",
        apply: org_cue,
    },
    Rule {
        name: "word_by_word",
        apply: word_by_word,
    },
];

/// Decides what chunk `c` names: the name of the rule that decided, and the
/// parts it found. `before` holds the names found earlier in the block.
pub(super) fn classify(
    text: &str,
    toks: &[Token],
    c: Chunk,
    lexicon: &Lexicon,
    before: &[(Chunk, Found)],
) -> (&'static str, Vec<Class>) {
    let mut trimmed = without_initial_common_words(toks, c, lexicon);
    // "Minister of Mines and |Energy Subroto|": a chunk ending a portfolio.
    if trimmed.from > 0 && matches!(toks[trimmed.from - 1].lower().as_str(), "and" | "of") {
        trimmed.from = after_portfolio(toks, trimmed, lexicon);
    }
    let ctx = Ctx {
        text,
        toks,
        lexicon,
        before,
        whole: c,
        trimmed,
        c: without_leading_role(toks, trimmed, lexicon),
        shouting: is_shouting(toks, c, lexicon),
    };
    CLASSIFY_RULES
        .iter()
        .find_map(|rule| (rule.apply)(&ctx).map(|parts| (rule.name, parts)))
        .unwrap_or(("none", Vec::new()))
}

/// Capitals throughout ("DEPARTMENT OF HEALTH"), several words, and not
/// all of them known acronyms.
fn is_shouting(toks: &[Token], c: Chunk, lexicon: &Lexicon) -> bool {
    c.to - c.from >= 2
        && (c.from..c.to).all(|i| {
            toks[i].all_caps()
                || !toks[i].text.chars().any(char::is_alphabetic)
                || lexicon.connectors.contains(toks[i].lower().as_str())
        })
        && (c.from..c.to).any(|i| {
            toks[i].all_caps()
                && !lexicon.acronyms.contains_key(toks[i].text)
                && toks[i].text.len() > 1
        })
}

/// Drops sentence-initial common words, and the lowercase words after each,
/// from the front of `c` ("Focusing on Retention" → "Retention").
fn without_initial_common_words(toks: &[Token], mut c: Chunk, lexicon: &Lexicon) -> Chunk {
    while c.to > c.from
        && toks[c.from].initial
        && lexicon.common_words.contains(toks[c.from].lower().as_str())
    {
        c.from += 1;
        while c.to > c.from && !toks[c.from].capitalised() {
            c.from += 1;
        }
    }
    c
}

/// Drops role words and "of", "at" or "for" from the front of `c`: "CEO of
/// the Care Quality Commission" → "Care Quality Commission".
fn without_leading_role(toks: &[Token], mut c: Chunk, lexicon: &Lexicon) -> Chunk {
    let is_role = |i: usize| lexicon.role_heads.contains(toks[i].lower().as_str());
    while c.to - c.from >= 3 && is_role(c.from) {
        let mut k = c.from + 1;
        while k < c.to && is_role(k) {
            k += 1;
        }
        if k >= c.to || !matches!(toks[k].lower().as_str(), "of" | "at" | "for") {
            break;
        }
        c.from = k + 1;
        while c.from < c.to && !toks[c.from].capitalised() {
            c.from += 1;
        }
        c.from = after_portfolio(toks, c, lexicon);
    }
    c
}

/// Where the holder's name starts after a role's portfolio ("Mines and
/// Energy Subroto" → "Subroto"): past the portfolio words when one to
/// three words follow them that name no organisation or place; else
/// `c.from` ("Health Education England" stays whole).
fn after_portfolio(toks: &[Token], c: Chunk, lexicon: &Lexicon) -> usize {
    let name_from = (c.from..c.to)
        .find(|&i| !lexicon.portfolios.contains(toks[i].lower().as_str()))
        .unwrap_or(c.to);
    let personal = (name_from..c.to).all(|i| {
        !lexicon.org_heads.contains(toks[i].text) && !lexicon.places.contains(toks[i].text)
    });
    if name_from > c.from && (1..=3).contains(&(c.to - name_from)) && personal {
        name_from
    } else {
        c.from
    }
}

impl Ctx<'_> {
    fn len(&self) -> usize {
        self.c.to - self.c.from
    }

    /// Token `i` in canonical case.
    fn canon(&self, i: usize) -> String {
        if self.shouting {
            title(self.toks[i].text)
        } else {
            self.toks[i].text.to_string()
        }
    }

    /// The words of `part` in canonical case, joined by single spaces (none
    /// before a possessive).
    fn words(&self, part: Chunk) -> String {
        let mut out = String::new();
        for i in part.from..part.to {
            let word = self.canon(i);
            if !out.is_empty() && !is_possessive(&word) {
                out.push(' ');
            }
            out.push_str(&word);
        }
        out
    }

    fn first(&self) -> String {
        self.canon(self.c.from)
    }

    fn last(&self) -> String {
        self.canon(self.c.to - 1)
    }

    fn name(&self) -> String {
        self.words(self.c)
    }

    fn lower(&self, i: usize) -> String {
        self.toks[i].lower()
    }

    /// Whether token `i` is a surname particle between the first and the
    /// last word of `part` ("De" in "Herman De Croo").
    fn particle_inside(&self, i: usize, part: Chunk) -> bool {
        i > part.from
            && i + 1 < part.to
            && self
                .lexicon
                .surname_particles
                .contains(self.lower(i).as_str())
    }

    /// A person's words: words only, and no connector but a surname
    /// particle between the first word and the last ("Herman De Croo").
    fn person_words(&self) -> bool {
        (self.c.from..self.c.to).all(|i| {
            let t = &self.toks[i];
            t.is_word()
                && t.text != "&"
                && (!self.lexicon.connectors.contains(t.lower().as_str())
                    || self.particle_inside(i, self.c))
        })
    }

    /// Whether the chunk is two words joined by "and" or "&" ("Standard
    /// and Poor", "S and P").
    fn two_joined_by_and(&self) -> bool {
        self.len() == 3 && matches!(self.lower(self.c.from + 1).as_str(), "and" | "&")
    }

    /// Whether `part` opens with a given name, or with an initial and a
    /// given name ("J. Hugh Liedtke").
    fn led_by_given_name(&self, part: Chunk) -> bool {
        let initial = |i: usize| {
            let mut chars = self.toks[i].text.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.as_str() == "."
        };
        let given = match initial(part.from) && part.to - part.from >= 3 {
            true => part.from + 1,
            false => part.from,
        };
        self.lexicon
            .given_names
            .contains(self.canon(given).as_str())
    }

    /// Words only: no punctuation, "&" or connector.
    fn plain_words(&self) -> bool {
        (self.c.from..self.c.to).all(|i| {
            let t = &self.toks[i];
            t.is_word() && t.text != "&" && !self.lexicon.connectors.contains(t.lower().as_str())
        })
    }

    /// A name of `kind` at `part`, called `name`.
    fn found(&self, kind: EntityKind, part: Chunk, name: String) -> Found {
        let (start, end) = (self.toks[part.from].start, self.toks[part.to - 1].end);
        Found {
            kind,
            start: start as u32,
            end: end as u32,
            name,
            surface: self.text[start..end].to_string(),
            roles: Vec::new(),
            acronym: None,
            is_acronym: false,
        }
    }

    /// The whole (narrowed) chunk as one name of `kind`.
    fn all_of_it(&self, kind: EntityKind) -> Option<Vec<Class>> {
        Some(vec![Class::Found(
            self.found(kind, self.c, self.name()),
            self.c,
        )])
    }

    /// Every word a role word or a role modifier ("Joint Chief Executive").
    fn all_role_words(&self) -> bool {
        (self.c.from..self.c.to).all(|i| {
            let w = self.lower(i);
            self.lexicon.role_heads.contains(w.as_str())
                || self.lexicon.role_modifiers.contains(w.as_str())
        })
    }

    /// An organisation if `shaped` and the words are not all role words.
    fn organisation_if(&self, shaped: bool) -> Option<Vec<Class>> {
        (shaped && !self.all_role_words())
            .then(|| self.all_of_it(EntityKind::Organisation))
            .flatten()
    }
}

/// "The National previously reported": "The" and one to three words, not
/// shaped like an organisation, before a speaker verb: a publication.
fn publication(x: &Ctx) -> Option<Vec<Class>> {
    let (c, lex, toks) = (x.whole, x.lexicon, x.toks);
    if toks[c.from].text != "The" || !(2..=4).contains(&(c.to - c.from)) {
        return None;
    }
    let rest = (c.from + 1..c.to)
        .map(|i| toks[i].text)
        .collect::<Vec<_>>()
        .join(" ");
    let org_shaped = lex.org_heads.contains(toks[c.to - 1].text)
        || lex.org_front_heads.contains(toks[c.from + 1].text)
        || lex.places.contains(&rest)
        || toks[c.from + 1..c.to].iter().any(Token::all_caps);
    (!org_shaped && reporting_after(toks, c.to)).then(|| {
        let f = x.found(EntityKind::Organisation, c, x.words(c));
        vec![Class::Found(f, c)]
    })
}

/// "Moody's said", "Standard and Poor's said": one or two words, or two
/// joined by "and", in a possessive right before a speaker verb: a company
/// named with its possessive.
fn possessive_company(x: &Ctx) -> Option<Vec<Class>> {
    let (c, toks) = (x.c, x.toks);
    let possessive = possessive_at(toks, c.to);
    let place = x.lexicon.places.contains(&x.name());
    let founders = x.two_joined_by_and();
    let company = possessive
        && ((1..=2).contains(&x.len()) && x.plain_words() || founders)
        && !place
        && reporting_after(toks, c.to + 1);
    company.then(|| {
        let part = Chunk {
            from: c.from,
            to: c.to + 1,
        };
        let f = x.found(EntityKind::Organisation, part, x.words(part));
        vec![Class::Found(f, part)]
    })
}

/// A letter or two, "and" or "&", a letter or two ("S and P", "AT&T"): an
/// organisation abbreviating its founders' names.
fn initials_joined(x: &Ctx) -> Option<Vec<Class>> {
    let joined = x.two_joined_by_and()
        && is_founders_initials(x.toks[x.c.from].text)
        && is_founders_initials(x.toks[x.c.to - 1].text);
    x.organisation_if(joined)
}

/// A role, then a given name: "Health Secretary Humza Yousaf", "Chancellor
/// of the Exchequer Nigel Lawson": a person of two to four words with that
/// role. The name ends at "of", "for" or "&" ("Senator Robert Dole of
/// Kansas"). Not after an honorific ("Professor" is read by [`honorific`]).
fn role_then_given_name(x: &Ctx) -> Option<Vec<Class>> {
    let (c, lex) = (x.trimmed, x.lexicon);
    if c.to - c.from < 2 || lex.honorifics.contains(x.toks[c.from].text) {
        return None;
    }
    let role_before = |k: usize| (c.from..k).any(|i| lex.role_heads.contains(x.lower(i).as_str()));
    let k = (c.from + 1..c.to)
        .find(|&k| lex.given_names.contains(x.canon(k).as_str()) && role_before(k))?;
    let to = (k..c.to)
        .find(|&i| matches!(x.lower(i).as_str(), "of" | "for" | "&"))
        .unwrap_or(c.to);
    let person = Chunk { from: k, to };
    if !(2..=4).contains(&(to - k)) {
        return None;
    }
    let role_from = role_start(x, c.from, k);
    // "Foreign Secretary Sir Geoffrey Howe": the honorific is no part of the role.
    let role_to = (role_from..k)
        .rev()
        .find(|&i| !lex.honorifics.contains(x.toks[i].text))
        .map_or(role_from, |i| i + 1);
    Some(person_with_role(x, person, role_from..role_to))
}

/// Where a role read before a name starts in `from..to`: past a month or
/// weekday ("Tuesday Health Secretary"); `to` when there is nothing else.
fn role_start(x: &Ctx, from: usize, to: usize) -> usize {
    (from..to)
        .find(|&i| !is_month_or_weekday(x.toks[i].text))
        .unwrap_or(to)
}

/// A person at `person` holding the role written by the words `role`.
fn person_with_role(x: &Ctx, person: Chunk, role: std::ops::Range<usize>) -> Vec<Class> {
    let mut f = x.found(EntityKind::Person, person, x.words(person));
    let words: Vec<String> = role.map(|i| x.lower(i)).collect();
    f.roles.push(words.join(" "));
    vec![Class::Found(f, person)]
}

/// A role, then two or three capitalised words (or surname particles)
/// that name no organisation, place, portfolio or honorific, then a
/// reporting verb: "Trade Minister Herman De Croo said". A person of those
/// words with that role, whether or not the given name is known.
fn role_then_name_saying(x: &Ctx) -> Option<Vec<Class>> {
    let (c, toks, lex) = (x.trimmed, x.toks, x.lexicon);
    if !speaker_verb_at(toks, c.to, lex) || lex.honorifics.contains(toks[c.from].text) {
        return None;
    }
    let role_end = (c.from..c.to)
        .rev()
        .find(|&i| lex.role_heads.contains(x.lower(i).as_str()))?;
    let person = Chunk {
        from: role_end + 1,
        to: c.to,
    };
    let name_word = |i: usize| {
        let (t, lower) = (&toks[i], x.lower(i));
        t.is_word()
            && (t.capitalised() || lex.surname_particles.contains(lower.as_str()))
            && !lex.org_heads.contains(t.text)
            && !lex.places.contains(t.text)
            && !lex.portfolios.contains(lower.as_str())
            && !lex.honorifics.contains(t.text)
    };
    let named = (2..=3).contains(&(person.to - person.from))
        && toks[person.from].capitalised()
        && (person.from..person.to).all(name_word);
    if !named {
        return None;
    }
    let role_from = role_start(x, c.from, role_end);
    Some(person_with_role(x, person, role_from..role_end + 1))
}

/// Nothing left once sentence-initial words and a leading role are
/// dropped ("Focusing"): names nothing.
fn nothing_left(x: &Ctx) -> Option<Vec<Class>> {
    (x.c.from == x.c.to).then(Vec::new)
}

/// An honorific and one to four words: "Mr Hunt", "Professor Lisa
/// Bayliss-Pratt": a person, named without the honorific.
fn honorific(x: &Ctx) -> Option<Vec<Class>> {
    if !(2..=5).contains(&x.len())
        || !x
            .lexicon
            .honorifics
            .contains(x.first().trim_end_matches('.'))
    {
        return None;
    }
    let person = Chunk {
        from: x.c.from + 1,
        to: x.c.to,
    };
    let f = x.found(EntityKind::Person, x.c, x.words(person));
    Some(vec![Class::Found(f, x.c)])
}

/// Two or more words ending in an organisation head ("Care Quality
/// Commission"): an organisation.
fn org_ending_in_head(x: &Ctx) -> Option<Vec<Class>> {
    x.organisation_if(x.len() >= 2 && x.lexicon.org_heads.contains(x.last().as_str()))
}

/// Most capitalised words before a front head ("Central Bureau of
/// Statistics", "Federal Bureau of Investigation").
const FRONT_HEAD_MODIFIERS: usize = 2;

/// A front head, at most [`FRONT_HEAD_MODIFIERS`] words in, then "of" or
/// "for" ("Department of Health", "Central Bureau of Statistics"): an
/// organisation.
fn org_front_head(x: &Ctx) -> Option<Vec<Class>> {
    let heads = (x.c.from..x.c.to.saturating_sub(2)).take(FRONT_HEAD_MODIFIERS + 1);
    x.organisation_if(
        x.len() >= 3
            && heads.into_iter().any(|i| {
                x.lexicon.org_front_heads.contains(x.canon(i).as_str())
                    && matches!(x.lower(i + 1).as_str(), "of" | "for")
            }),
    )
}

/// Two to four words led by an organisation's acronym ("NHS England"):
/// an organisation.
fn org_acronym_first(x: &Ctx) -> Option<Vec<Class>> {
    let first = &x.toks[x.c.from];
    x.organisation_if(
        (2..=4).contains(&x.len())
            && first.all_caps()
            && !x.shouting
            && is_org_acronym(first.text, x.lexicon),
    )
}

/// Words ending in a place that are not a place, a given name or a place
/// first ("Health Education England"): an organisation.
fn org_place_suffixed(x: &Ctx) -> Option<Vec<Class>> {
    let lex = x.lexicon;
    x.organisation_if(
        x.len() >= 2
            && lex.places.contains(&x.last())
            && !lex.places.contains(&x.name())
            && !lex.given_names.contains(x.first().as_str())
            && !lex.places.contains(&x.first()),
    )
}

/// Words followed by the acronym of their initials in brackets ("Allied
/// Health Trust (AHT)"): an organisation.
fn org_defined_acronym(x: &Ctx) -> Option<Vec<Class>> {
    x.organisation_if(
        x.len() >= 2
            && defined_acronym(x.toks, x.c.to)
                .is_some_and(|a| initials(&x.name()) == strip_plural(a)),
    )
}

/// A street address ("39 Victoria Street"): names nothing.
fn street_address(x: &Ctx) -> Option<Vec<Class>> {
    (x.len() >= 2 && x.lexicon.street_words.contains(x.last().as_str())).then(Vec::new)
}

/// A known place ("Northern Ireland").
fn place(x: &Ctx) -> Option<Vec<Class>> {
    x.lexicon
        .places
        .contains(&x.name())
        .then(|| x.all_of_it(EntityKind::Place))
        .flatten()
}

/// Two to four words led by a given name ("Jeremy Hunt", "John van
/// Dam"), or by an initial and a given name ("J. Hugh Liedtke"): a person.
fn given_name_and_surname(x: &Ctx) -> Option<Vec<Class>> {
    ((2..=4).contains(&x.len()) && x.person_words() && x.led_by_given_name(x.c))
        .then(|| x.all_of_it(EntityKind::Person))
        .flatten()
}

/// Two or three words led by a given name (or two words right after a
/// reporting verb: "said Ward McCarthy of …"), "of", then an
/// organisation's name ending in its head ("Richard Pzena of Sanford C.
/// Bernstein and Co"): the person and the organisation, apart.
fn person_of_organisation(x: &Ctx) -> Option<Vec<Class>> {
    let (c, lex) = (x.c, x.lexicon);
    let of = (c.from + 2..c.to.saturating_sub(2)).find(|&i| x.lower(i) == "of")?;
    let person = Chunk {
        from: c.from,
        to: of,
    };
    let organisation = Chunk {
        from: of + 1,
        to: c.to,
    };
    let after_verb = c.from > 0 && speaker_verb_at(x.toks, c.from - 1, lex);
    let personal = of - c.from <= 3
        && (x.led_by_given_name(person) || of - c.from == 2 && after_verb)
        && (person.from..person.to).all(|i| {
            let t = &x.toks[i];
            t.capitalised()
                && !lex.org_heads.contains(t.text)
                && !lex.org_words.contains(t.text)
                && !lex.places.contains(t.text)
        });
    if !personal || !lex.org_heads.contains(x.last().as_str()) {
        return None;
    }
    let found = |kind, part| Class::Found(x.found(kind, part, x.words(part)), part);
    Some(vec![
        found(EntityKind::Person, person),
        found(EntityKind::Organisation, organisation),
    ])
}

/// A title and a surname ("President Reagan", "Senator Proxmire"), not a
/// place or organisation head: a person named by the surname, with the
/// title as role.
fn title_and_surname(x: &Ctx) -> Option<Vec<Class>> {
    let (c, lex) = (x.c, x.lexicon);
    let last = x.last();
    let titled = (2..=3).contains(&x.len())
        && x.plain_words()
        && lex.surname_titles.contains(x.lower(c.from).as_str())
        && !lex.places.contains(&last)
        && !lex.org_heads.contains(last.as_str());
    if !titled {
        return None;
    }
    let person = Chunk {
        from: c.from + 1,
        to: c.to,
    };
    let mut f = x.found(EntityKind::Person, person, x.words(person));
    f.start = x.toks[c.from].start as u32;
    f.surface = x.text[x.toks[c.from].start..x.toks[c.to - 1].end].to_string();
    f.roles.push(x.lower(c.from));
    Some(vec![Class::Found(f, c)])
}

/// Two or three plain words, not in capitals, after a lowercase role word
/// ("chief executive Ann Cole") or before a role in apposition ("Ann Cole,
/// chief nurse at HEE"): a person.
fn role_in_context(x: &Ctx) -> Option<Vec<Class>> {
    let (c, toks, lex) = (x.c, x.toks, x.lexicon);
    let role_before = c.from > 0
        && toks[c.from - 1].is_word()
        && lex.role_heads.contains(x.lower(c.from - 1).as_str())
        && !toks[c.from - 1].capitalised();
    let role_after = role_after(x.text, toks, c.to, lex).is_some();
    ((2..=3).contains(&x.len())
        && x.plain_words()
        && !toks[c.from].all_caps()
        && !lex.org_heads.contains(toks[c.from].text)
        && !lex.org_front_heads.contains(toks[c.from].text)
        && (role_before || role_after))
        .then(|| x.all_of_it(EntityKind::Person))
        .flatten()
}

/// Up to four words after a cue ("campaign group EveryDoctor"): an
/// organisation.
fn org_cue(x: &Ctx) -> Option<Vec<Class>> {
    let c = x.c;
    (c.from > 0 && x.lexicon.org_cues.contains(x.lower(c.from - 1).as_str()) && x.len() <= 4)
        .then(|| x.all_of_it(EntityKind::Organisation))
        .flatten()
}

/// The last resort, word by word: maybe an unconfirmed name, then places
/// (up to three words), organisation acronyms, known organisations, and
/// every other capitalised word as a candidate.
fn word_by_word(x: &Ctx) -> Option<Vec<Class>> {
    let mut out: Vec<Class> = unconfirmed_name(x)
        .map(Class::Unconfirmed)
        .into_iter()
        .collect();
    let (c, lex, toks) = (x.c, x.lexicon, x.toks);
    let mut i = c.from;
    while i < c.to {
        let place = (1..=3.min(c.to - i))
            .rev()
            .find(|&n| lex.places.contains(&x.words(Chunk { from: i, to: i + n })));
        if let Some(n) = place {
            let part = Chunk { from: i, to: i + n };
            out.push(Class::Found(
                x.found(EntityKind::Place, part, x.words(part)),
                part,
            ));
            i += n;
            continue;
        }
        let part = Chunk { from: i, to: i + 1 };
        let word = toks[i].text;
        // "IRAN": a place written in capitals.
        let place_in_capitals = toks[i]
            .all_caps()
            .then(|| title(word))
            .filter(|titled| lex.places.contains(titled));
        if let Some(titled) = place_in_capitals {
            out.push(Class::Found(x.found(EntityKind::Place, part, titled), part));
        } else if !x.shouting
            && toks[i].all_caps()
            && is_org_acronym(word, lex)
            && !x
                .before
                .iter()
                .any(|(_, f)| f.name == word && f.kind != EntityKind::Organisation)
        {
            let mut f = x.found(EntityKind::Organisation, part, word.to_string());
            f.is_acronym = true;
            out.push(Class::Found(f, part));
        } else if lex.known_orgs.contains(word) {
            let f = x.found(EntityKind::Organisation, part, word.to_string());
            out.push(Class::Found(f, part));
        } else if toks[i].capitalised() && !toks[i].all_caps() && word != "&" {
            out.push(Class::Candidate(part));
        }
        i += 1;
    }
    Some(out)
}

/// Two or three capitalised words no rule recognised, after any role words
/// ("Energy Minister Subroto") and from a given name inside ("Budget James
/// Miller"), not starting with a place, organisation, month or weekday.
fn unconfirmed_name(x: &Ctx) -> Option<Chunk> {
    let (c, lex, toks) = (x.c, x.lexicon, x.toks);
    let mut part = c;
    if let Some(last_role) = (c.from..c.to)
        .rev()
        .find(|&i| lex.role_heads.contains(x.lower(i).as_str()))
    {
        part.from = last_role + 1;
    }
    if let Some(k) = (part.from + 1..part.to).find(|&k| lex.given_names.contains(toks[k].text)) {
        part.from = k;
    }
    let particle = |i: usize| x.particle_inside(i, part);
    let capitalised =
        (part.from..part.to).all(|i| (toks[i].capitalised() && !toks[i].all_caps()) || particle(i));
    let particles = (part.from..part.to).filter(|&i| particle(i)).count();
    let starts_like_a_name = part.from < part.to && {
        let first = toks[part.from].text;
        !lex.places.contains(first)
            && !lex.known_orgs.contains(first)
            && !is_month_or_weekday(first)
            && !first.contains('-')
    };
    ((2..=3).contains(&(part.to - part.from - particles))
        && x.person_words()
        && capitalised
        && starts_like_a_name
        && !x.shouting)
        .then_some(part)
}

#[cfg(test)]
mod tests {
    use corpus_text::tokens::tokens;

    use super::*;
    use crate::entities::chunks::chunk;
    use crate::entities::lexicon;

    /// The rule that decides the first chunk of `text`, and its parts as
    /// `Kind name [roles]`, `candidate word` or `unconfirmed words`.
    fn first_chunk(text: &str) -> (&'static str, Vec<String>) {
        let lexicon = lexicon::get();
        let toks = tokens(text, 0..text.len());
        let claimed = vec![false; toks.len()];
        let chunks = chunk(text, &toks, &claimed, lexicon);
        let (rule, parts) = classify(text, &toks, chunks[0], lexicon, &[]);
        let span = |c: Chunk| text[toks[c.from].start..toks[c.to - 1].end].to_string();
        let parts = parts
            .into_iter()
            .map(|part| match part {
                Class::Found(f, _) if f.roles.is_empty() => format!("{:?} {}", f.kind, f.name),
                Class::Found(f, _) => format!("{:?} {} {:?}", f.kind, f.name, f.roles),
                Class::Candidate(c) => format!("candidate {}", span(c)),
                Class::Unconfirmed(c) => format!("unconfirmed {}", span(c)),
            })
            .collect();
        (rule, parts)
    }

    #[test]
    fn one_row_per_rule() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "The National previously reported it.",
                "publication",
                &["Organisation The National"],
            ),
            (
                "Moody's said it cut the rating.",
                "possessive_company",
                &["Organisation Moody's"],
            ),
            (
                "the rating fell, Hale and Dorrit's said",
                "possessive_company",
                &["Organisation Hale and Dorrit's"],
            ),
            (
                "the rating fell, S and P said",
                "initials_joined",
                &["Organisation S and P"],
            ),
            (
                "Health Secretary Humza Yousaf confirmed it.",
                "role_then_given_name",
                &["Person Humza Yousaf [\"health secretary\"]"],
            ),
            (
                "Trade Minister Herman De Croo said it.",
                "role_then_name_saying",
                &["Person Herman De Croo [\"trade minister\"]"],
            ),
            ("According to reports, it said.", "nothing_left", &[]),
            ("Mr Hunt said so.", "honorific", &["Person Hunt"]),
            (
                "said Laura Brennan of Kestrel Capital Partners Inc today",
                "person_of_organisation",
                &[
                    "Person Laura Brennan",
                    "Organisation Kestrel Capital Partners Inc",
                ],
            ),
            (
                "the Care Quality Commission said",
                "org_ending_in_head",
                &["Organisation Care Quality Commission"],
            ),
            (
                "the Department of Health said",
                "org_front_head",
                &["Organisation Department of Health"],
            ),
            (
                "the NHS England board",
                "org_acronym_first",
                &["Organisation NHS England"],
            ),
            (
                "Health Education England (HEE) has",
                "org_place_suffixed",
                &["Organisation Health Education England"],
            ),
            (
                "the Nursing Workforce Standards (NWS) were",
                "org_defined_acronym",
                &["Organisation Nursing Workforce Standards"],
            ),
            ("at 39 Victoria Street today", "street_address", &[]),
            (
                "in Northern Ireland today",
                "place",
                &["Place Northern Ireland"],
            ),
            (
                "then Jeremy Hunt left",
                "given_name_and_surname",
                &["Person Jeremy Hunt"],
            ),
            (
                "said Norris Quell of Tamworth Brothers Inc today",
                "person_of_organisation",
                &["Person Norris Quell", "Organisation Tamworth Brothers Inc"],
            ),
            (
                "then R. Alan Whitcombe left",
                "given_name_and_surname",
                &["Person R. Alan Whitcombe"],
            ),
            (
                "then President Reagan left",
                "title_and_surname",
                &["Person Reagan [\"president\"]"],
            ),
            (
                "the secretary Zorbo Quillan left",
                "role_in_context",
                &["Person Zorbo Quillan"],
            ),
            (
                "campaign group EveryDoctor said so.",
                "org_cue",
                &["Organisation EveryDoctor"],
            ),
            (
                "then Marlin Fitzwater told reporters",
                "word_by_word",
                &[
                    "unconfirmed Marlin Fitzwater",
                    "candidate Marlin",
                    "candidate Fitzwater",
                ],
            ),
            // negative rows: not names, or not yet known as names
            (
                "Last Tuesday, it was claimed.",
                "word_by_word",
                &["candidate Tuesday"],
            ),
            (
                "On Tuesday Stoltenberg arrived.",
                "word_by_word",
                &["candidate Tuesday", "candidate Stoltenberg"],
            ),
            (
                "the Joint Chief Executive said",
                "word_by_word",
                &["candidate Joint", "candidate Chief", "candidate Executive"],
            ),
            ("THE NATIONAL ARCHIVES", "word_by_word", &[]),
            (
                "then King Edward Hospital said",
                "org_ending_in_head",
                &["Organisation King Edward Hospital"],
            ),
            (
                "then Secretary Williams said",
                "word_by_word",
                &["candidate Secretary", "candidate Williams"],
            ),
        ];
        for (text, rule, parts) in cases {
            assert_eq!(
                first_chunk(text),
                (*rule, parts.iter().map(|p| p.to_string()).collect()),
                "in {text:?}"
            );
        }
    }
}
