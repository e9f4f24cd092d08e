//! The people of one document — names, roles, organisations and the
//! speakers seen so far — and the lookups resolution makes in them.
//!
//! Invariant: built once per document, before any mention is resolved;
//! afterwards only the salient speakers grow, in reading order.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::super::layout::Signatory;
use super::super::lexicon::{Gender, Lexicon};
use super::super::rule::Rule;
use super::known::{EntityNames, KnownEntities};
use super::lookup::{confirmed_names, genders_by_surname, FullNames, RolesByName, RolesByWording};
use super::names::{read_names, Person};
use super::organisations::OrganisationNames;
use super::roles::{read_roles, role_words, spokes_gender, strip_leaders, RoleOf};
use super::vocabulary::{
    is_name_connector, is_not_name, is_organisation_noun, is_role_qualifier, spokes_role,
};
use corpus_model::{Document, EntityId, EntityKind};
use corpus_text::words::{is_all_caps, is_capitalised, words};

/// A speaker as far as the document lets us know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub entity: Option<EntityId>,
    pub role: Option<String>,
    pub person: bool,
    pub gender: Gender,
}

/// The people of one document and the speakers seen so far.
#[derive(Debug)]
pub struct People<'a> {
    pub(super) doc: &'a Document,
    pub(super) known: KnownEntities<'a>,
    pub(super) people: Vec<Person>,
    /// Organisation names with where they are written, in reading order.
    organisations: Vec<(usize, String)>,
    roles: Vec<RoleOf>,
    roles_by_name: RolesByName,
    role_wordings: RolesByWording,
    full_names: FullNames,
    confirmed_names: FxHashSet<String>,
    /// The gender the first title before a surname gave it.
    genders: FxHashMap<String, Gender>,
    signatory: Option<Signatory>,
    /// Speakers and sentence subjects in reading order, for pronouns.
    pub(super) salient: Vec<(usize, Speaker)>,
    /// Where unnamed sources spoke ("traders said"), ascending: a "they"
    /// after one of them is them, not an earlier organisation.
    pub(super) unnamed: Vec<usize>,
    pub(super) organisation_names: OrganisationNames<'a>,
}

impl<'a> People<'a> {
    pub fn new(
        doc: &'a Document,
        names: &'a EntityNames<'a>,
        signatory: Option<Signatory>,
    ) -> People<'a> {
        let text = doc.text.as_str();
        let known = KnownEntities::of(doc, names);
        let names = read_names(text, &known, signatory.as_ref());
        let mut people = names.people;
        let roles = read_roles(text, &people);
        let confirmed = confirm(text, &people, &roles);
        for (p, c) in people.iter_mut().zip(confirmed) {
            p.confirmed = c;
        }
        People {
            doc,
            known,
            full_names: FullNames::of(&people),
            confirmed_names: confirmed_names(&people),
            people,
            organisations: names.organisations,
            roles_by_name: RolesByName::of(&roles),
            role_wordings: RolesByWording::of(&roles),
            roles,
            genders: genders_by_surname(&names.genders),
            signatory,
            salient: Vec::new(),
            unnamed: Vec::new(),
            organisation_names: OrganisationNames::of(text),
        }
    }

    /// The letter's signatory as a speaker.
    pub fn signatory_speaker(&self) -> Option<Speaker> {
        let s = self.signatory.as_ref()?;
        let entity = self.known.named(&s.name);
        Some(Speaker {
            name: entity.map_or_else(|| s.name.clone(), |e| self.known.entity(e).name.clone()),
            entity,
            role: s.role.clone(),
            person: true,
            gender: Gender::Unknown,
        })
    }

    /// Where a letter's signatory's name is written.
    pub fn signatory_at(&self) -> Option<Range<usize>> {
        self.signatory.as_ref().map(|s| s.at.clone())
    }

    /// Records that `speaker` spoke, or was a sentence's subject, at `at`.
    pub fn note(&mut self, at: usize, speaker: &Speaker) {
        self.salient.push((at, speaker.clone()));
    }

    /// Records that an unnamed source ("dealers", "officials") spoke at `at`.
    pub fn note_unnamed(&mut self, at: usize) {
        self.unnamed.push(at);
    }

    /// Where the entities stage found a person or organisation named
    /// right at the start of `range`, if it did.
    pub fn entity_named_at(&self, range: Range<usize>) -> Option<Range<usize>> {
        let mention = self.known.overlapping(&range).next()?;
        let kind = self.known.kind(mention.entity)?;
        (mention.start as usize == range.start && kind != EntityKind::Place)
            .then_some(mention.start as usize..mention.end as usize)
    }

    /// Whether a confirmed person of the document is named `name`.
    pub(super) fn is_confirmed_person(&self, name: &str) -> bool {
        self.confirmed_names.contains(name)
    }

    /// "a DHSC spokesperson", "the Home Office spokesman": a description
    /// holding an organisation's name.
    pub(super) fn organisation_in(&self, mention: Range<usize>) -> Option<Speaker> {
        let lex = Lexicon::get();
        let text = &self.doc.text;
        let ws = words(text, mention.clone());
        let mut run: Vec<&str> = ws
            .iter()
            .map(|r| &text[r.clone()])
            .skip_while(|w| !is_capitalised(w) || is_not_name(w))
            .take_while(|w| is_capitalised(w) || is_name_connector(w))
            .collect();
        while run.last().is_some_and(|w| !is_capitalised(w)) {
            run.pop();
        }
        let dotted = run.iter().any(|w| w.contains('.'));
        // "Company said": a noun capitalised to open a sentence names none
        // ("the Bank said" does).
        let opens = ws.first().map(|r| &text[r.clone()]);
        let bare_noun = matches!(run.as_slice(), [w] if Some(*w) == opens && is_organisation_noun(&w.to_lowercase()));
        let org = !run.is_empty()
            && !dotted
            && !bare_noun
            && run.iter().any(|w| lex.is_org_word(w) || is_all_caps(w));
        let name = self.organisation_names.fullest(&run.join(" "));
        let entity = self.known.named(&name);
        let role = spokes_role(&text[mention]);
        let gender = spokes_gender(role.as_deref());
        org.then(|| Speaker {
            name: entity.map_or_else(|| name.clone(), |e| self.known.entity(e).name.clone()),
            entity,
            person: role.is_some(),
            role,
            gender,
        })
    }

    /// "the trust", "a statement from the regulator": the organisation whose
    /// name holds the noun ("Northvale Hospitals Trust"), else the first
    /// organisation that spoke or acted in the document before `at`.
    pub(super) fn organisation_described(&self, mention: &str, at: usize) -> Option<Speaker> {
        let noun = mention
            .split_whitespace()
            .last()?
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !is_organisation_noun(&noun) {
            return None;
        }
        let named = self
            .organisations
            .iter()
            .filter(|(pos, _)| *pos <= at)
            .map(|(_, name)| name)
            .find(|name| name.split_whitespace().any(|w| w.to_lowercase() == noun));
        if let Some(name) = named {
            return Some(Speaker {
                name: name.clone(),
                entity: self.known.named(name),
                role: None,
                person: false,
                gender: Gender::Unknown,
            });
        }
        let bare = mention.split_whitespace().count() <= 2;
        self.salient
            .iter()
            .find(|(pos, s)| *pos <= at && !s.person)
            .map(|(_, s)| s.clone())
            .filter(|_| bare)
    }

    /// The fullest personal name in the document that ends with (or starts
    /// with) `name`, nearest before `at` first.
    pub(super) fn full_name(&self, name: &str, at: usize) -> String {
        let before = self.people.partition_point(|p| p.at.start < at);
        self.full_names
            .fuller_than(name, before)
            .map_or_else(|| name.to_string(), |i| self.people[i].name.clone())
    }

    /// A mention that is only a role: the person the document gives that
    /// role (same head noun, most shared words; a "former" holder only if
    /// the mention says so), nearest before `at` on ties.
    pub(super) fn by_role(&self, mention: &str, at: usize) -> Option<Speaker> {
        let lex = Lexicon::get();
        let wanted = role_words(mention);
        let last_role = wanted.iter().rposition(|w| lex.is_role_word(w))?;
        let after = wanted.get(last_role + 1).map(String::as_str);
        let names_role = after.is_none()
            || mention
                .split_whitespace()
                .any(|w| matches!(w, "of" | "at" | "for" | "in"));
        if !names_role {
            return None;
        }
        let head = &wanted[last_role];
        let best = self
            .role_wordings
            .holding(head)
            .filter(|wording| {
                let theirs = &wording.words;
                !theirs
                    .iter()
                    .any(|w| is_role_qualifier(w) && !wanted.contains(w))
            })
            .map(|wording| {
                let i = wording.nearest(&self.roles, at);
                let r = &self.roles[i];
                let shared = wanted.iter().filter(|w| wording.words.contains(w)).count();
                let nearness = if r.at <= at { r.at } else { usize::MAX - r.at };
                ((shared, r.at <= at, nearness), i)
            })
            .max_by(|(a, i), (b, j)| a.cmp(b).then(j.cmp(i)))
            .map(|(_, i)| &self.roles[i]);
        let signatory_fits = self
            .signatory
            .as_ref()
            .and_then(|s| s.role.as_ref())
            .is_some_and(|role| role_words(role).contains(head));
        match best {
            Some(r) => Some(Speaker {
                name: r.name.clone(),
                entity: self.known.named(&r.name),
                role: Some(strip_leaders(mention)),
                person: true,
                gender: self.gender_of(&r.name),
            }),
            None if signatory_fits => self.signatory_speaker(),
            None => None,
        }
    }

    /// The role the document gives `name`, nearest before `at` (else first
    /// after); former roles only as a last resort.
    pub(super) fn role_of(&self, name: &str, at: usize) -> Option<String> {
        if let Some(s) = self.signatory.as_ref().filter(|s| s.name == name) {
            return s.role.clone();
        }
        self.roles_by_name
            .nearest(&self.roles, name, at)
            .map(|i| self.roles[i].role.clone())
    }

    /// The gender the given name of `name` implies ("Janet L. Yellen"),
    /// else the one a title gave the surname it ends with ("Mrs Clinton"),
    /// if any: a given name tells one person of a family from another.
    pub(super) fn gender_of(&self, name: &str) -> Gender {
        let mut words = name.split_whitespace();
        let given = words.next().unwrap_or_default();
        let last = words.next_back().unwrap_or(given);
        let given_names = &Lexicon::get().given_name_genders;
        given_names
            .get(given)
            .filter(|_| given != last)
            .or_else(|| self.genders.get(last))
            .copied()
            .unwrap_or(Gender::Unknown)
    }
}

/// What the whole document says about its names, for confirming people.
struct Evidence<'t> {
    text: &'t str,
    /// Names some role is given to.
    role_names: FxHashSet<&'t str>,
    /// Names of people confirmed before any sign is read.
    confirmed: FxHashSet<String>,
    word_uses: FxHashMap<&'t str, usize>,
    name_uses: FxHashMap<&'t str, usize>,
}

/// One sign that a capitalised name is a person's.
type Confirmation = Rule<fn(&Evidence, &Person) -> bool>;

/// The signs that a name is a person's; any one is enough.
const CONFIRMATIONS: &[Confirmation] = &[
    Rule {
        name: "title, entity or signature",
        apply: |_, p| p.confirmed,
    },
    Rule {
        name: "has a role",
        apply: |e, p| e.role_names.contains(p.name.as_str()),
    },
    Rule {
        name: "same name confirmed elsewhere",
        apply: |e, p| e.confirmed.contains(&p.name),
    },
    Rule {
        name: "surname used alone",
        apply: |e, p| {
            let Some(surname) = p.name.split_whitespace().last() else {
                return false;
            };
            let count = |uses: &FxHashMap<&str, usize>, w: &str| uses.get(w).copied().unwrap_or(0);
            count(&e.word_uses, surname) > count(&e.name_uses, &p.name)
        },
    },
    Rule {
        name: "does something",
        apply: |e, p| acts(&e.text[p.at.end..]),
    },
    Rule {
        name: "is reported",
        apply: |e, p| spoken_of(&e.text[..p.at.start]),
    },
];

/// Whether each of `people` is confirmed a person by some [`CONFIRMATIONS`] sign.
fn confirm(text: &str, people: &[Person], roles: &[RoleOf]) -> Vec<bool> {
    let mut word_uses: FxHashMap<&str, usize> = FxHashMap::default();
    for w in words(text, 0..text.len()) {
        *word_uses.entry(&text[w]).or_default() += 1;
    }
    let mut name_uses: FxHashMap<&str, usize> = FxHashMap::default();
    for p in people {
        *name_uses.entry(p.name.as_str()).or_default() += 1;
    }
    let evidence = Evidence {
        text,
        role_names: roles.iter().map(|r| r.name.as_str()).collect(),
        confirmed: confirmed_names(people),
        word_uses,
        name_uses,
    };
    people
        .iter()
        .map(|p| CONFIRMATIONS.iter().any(|c| (c.apply)(&evidence, p)))
        .collect()
}

/// Text after a name opening with a lowercase finite or reporting verb ("Hunt said").
fn acts(after: &str) -> bool {
    let lex = Lexicon::get();
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphanumeric() && c != '\'').next())
        .unwrap_or_default();
    !next.is_empty()
        && next.starts_with(char::is_lowercase)
        && (lex.is_finite(next) || lex.verb(next).is_some())
}

/// Text before a name ending with a lowercase reporting verb ("said Anil Desai").
fn spoken_of(before: &str) -> bool {
    let lex = Lexicon::get();
    let last = before
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    before.ends_with(' ') && last.starts_with(char::is_lowercase) && lex.verb(last).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per sign, each text showing only that sign for "Anil Desai".
    #[test]
    fn confirmations() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "has a role",
                "Anil Desai, chief economist at Kelso, spoke.",
                true,
            ),
            (
                "surname used alone",
                "Anil Desai spoke. Later Desai left.",
                true,
            ),
            ("does something", "Anil Desai said so.", true),
            ("is reported", "So said Anil Desai.", true),
            ("no sign", "Anil Desai.", false),
        ];
        for &(sign, text, want) in cases {
            let at = text.find("Anil Desai").unwrap_or_default();
            let people = [Person {
                at: at..at + "Anil Desai".len(),
                name: "Anil Desai".to_string(),
                confirmed: false,
            }];
            let roles = read_roles(text, &people);
            assert_eq!(confirm(text, &people, &roles), [want], "{sign}: {text:?}");
            if want {
                assert!(
                    CONFIRMATIONS.iter().any(|c| c.name == sign),
                    "no sign named {sign:?}"
                );
            }
        }
    }
}
