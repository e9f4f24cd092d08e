//! Resolves the words that name a speaker to a [`Speaker`], by the first
//! rule of [`RESOLVE_RULES`] whose pattern the words fit.
//!
//! Worked example: "He" finds the nearest male speaker before it; "the
//! health secretary" finds the person the document gave that role;
//! "Mr Hunt" finds "Jeremy Hunt", the fullest name ending with "Hunt".
//!
//! Invariant: a rule returns `None` when the words are not its pattern and
//! `Some(verdict)` when they are, even if the verdict is "nobody"; rules
//! never change the people register.

use std::ops::Range;

use super::super::clauses::vocabulary::{LOCATING_PREPOSITION, QUANTIFIER};
use super::super::lexicon::{Gender, Lexicon};
use super::super::rule::Rule;
use super::names::{honorific, name_in, NameRun, Naming};
use super::people::{People, Speaker};
use super::roles::{role_before_name, spokes_gender};
use super::vocabulary::{is_anonymous_source, is_one_of_anonymous_group, spokes_role};
use corpus_model::EntityKind;
use corpus_text::words::{is_all_caps, is_capitalised};

/// The words naming a speaker, read once for every rule.
struct Mention<'t> {
    range: Range<usize>,
    /// Where the sentence holding the mention starts.
    sentence: usize,
    text: &'t str,
    lower: String,
    /// The proper name in the words; `None` when there are no words.
    naming: Option<Naming>,
}

/// What a rule decides: the speaker, or that the words name nobody we can know.
type Verdict = Option<Speaker>;

/// One pattern of words naming a speaker.
type ResolveRule = Rule<fn(&People, &Mention) -> Option<Verdict>>;

/// The patterns, tried in order; the first that fits decides.
const RESOLVE_RULES: &[ResolveRule] = &[
    Rule {
        name: "he or she",
        apply: third_person,
    },
    Rule {
        name: "I or we",
        apply: first_person,
    },
    Rule {
        name: "it or they",
        apply: organisation_pronoun,
    },
    Rule {
        name: "anonymous sources",
        apply: anonymous,
    },
    Rule {
        name: "bare spokesperson",
        apply: bare_spokesperson,
    },
    Rule {
        name: "no words",
        apply: no_words,
    },
    Rule {
        name: "entity mentioned",
        apply: entity_mentioned,
    },
    Rule {
        name: "described",
        apply: described,
    },
    Rule {
        name: "named",
        apply: named,
    },
];

impl People<'_> {
    /// Resolves the mention `text[mention]`, made in the sentence that
    /// starts at `sentence`.
    pub fn resolve(&self, mention: Range<usize>, sentence: usize) -> Option<Speaker> {
        let text = &self.doc.text[mention.clone()];
        let words = Mention {
            naming: name_in(&self.doc.text, mention.clone()),
            range: mention,
            sentence,
            text,
            lower: text.to_lowercase(),
        };
        let speaker = RESOLVE_RULES
            .iter()
            .find_map(|rule| (rule.apply)(self, &words))
            .flatten()?;
        Some(self.known_by_full_name(speaker))
    }

    /// A speaker no entity was found for, given the entity whose full name
    /// theirs is after someone else's title ("Exchequer Nigel Lawson").
    fn known_by_full_name(&self, speaker: Speaker) -> Speaker {
        if speaker.entity.is_some() {
            return speaker;
        }
        match self.known.named_after_prefix(&speaker.name) {
            Some(id) => Speaker {
                name: self.known.entity(id).name.clone(),
                entity: Some(id),
                ..speaker
            },
            None => speaker,
        }
    }

    /// The person a sentence starting at `at` opens with, if any ("Mr Hunt was speaking…").
    pub fn subject_at(&self, at: usize) -> Option<Speaker> {
        let next = self.people.partition_point(|p| p.at.start < at);
        let person = self.people.get(next).filter(|p| {
            p.confirmed
                && self.doc.text[at..p.at.start]
                    .split_whitespace()
                    .all(|w| honorific(w).is_some())
        })?;
        self.resolve(person.at.clone(), person.at.start)
    }

    /// He or she: the nearest speaker or subject of that gender before `at`,
    /// else the nearest person named before `at` in the same sentence run.
    fn pronoun(&self, at: usize, sentence: usize, gender: Gender) -> Option<Speaker> {
        let fits = |s: &Speaker| s.person && (s.gender == gender || s.gender == Gender::Unknown);
        let from = self.people.partition_point(|p| p.at.start < sentence);
        let to = from + self.people[from..].partition_point(|p| p.at.start < at);
        let in_sentence = self.people[from..to]
            .iter()
            .filter(|p| p.confirmed && p.at.end <= at)
            .filter_map(|p| self.resolve(p.at.clone(), p.at.start))
            .rfind(fits);
        let salient = self
            .salient
            .iter()
            .rev()
            .find(|(pos, s)| *pos <= at && fits(s))
            .map(|(_, s)| s.clone());
        let nearest = || {
            self.people
                .iter()
                .rev()
                .filter(|p| p.confirmed && p.at.end <= at)
                .filter_map(|p| self.resolve(p.at.clone(), p.at.start))
                .find(fits)
        };
        in_sentence.or(salient).or_else(nearest)
    }
}

/// Accepts "he" and "she" (any case): the nearest person of that gender.
fn third_person(people: &People, m: &Mention) -> Option<Verdict> {
    let gender = match m.lower.as_str() {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return None,
    };
    Some(people.pronoun(m.range.start, m.sentence, gender))
}

/// Accepts "I" and "we": a letter's signatory.
fn first_person(people: &People, m: &Mention) -> Option<Verdict> {
    matches!(m.lower.as_str(), "i" | "we").then(|| people.signatory_speaker())
}

/// Accepts "it" and "they": the latest organisation to speak, or nobody
/// when unnamed sources spoke since and the word is "they".
fn organisation_pronoun(people: &People, m: &Mention) -> Option<Verdict> {
    let at = m.range.start;
    matches!(m.lower.as_str(), "it" | "they").then(|| {
        let (pos, organisation) = people
            .salient
            .iter()
            .rev()
            .find(|(pos, s)| *pos <= at && !s.person)?;
        let spoken = people.unnamed.partition_point(|&u| u <= at);
        let unnamed_since = people.unnamed[..spoken].last().is_some_and(|&u| u > *pos);
        (m.lower != "they" || !unnamed_since).then(|| organisation.clone())
    })
}

/// Accepts words ending in "source" or "sources" (before where they are:
/// "traders in London"), one of such a group ("a Wall Street analyst"),
/// and a counting word alone ("Some said", "Many argue"): nobody.
fn anonymous(_: &People, m: &Mention) -> Option<Verdict> {
    let words: Vec<&str> = m
        .lower
        .split_whitespace()
        .take_while(|w| !LOCATING_PREPOSITION.contains(w))
        .collect();
    let head = words.last().copied().unwrap_or_default();
    // "a Wall Street analyst", "one dealer": one of an unnamed group.
    let indefinite = words
        .first()
        .is_some_and(|w| matches!(*w, "a" | "an") || QUANTIFIER.contains(w));
    let one_of_them = words.len() > 1 && indefinite && is_one_of_anonymous_group(head);
    (is_anonymous_source(head) || one_of_them || words.len() == 1 && QUANTIFIER.contains(head))
        .then_some(None)
}

/// Accepts "a spokesperson", "the spokeswoman" with no capitalised word:
/// the latest spokesperson to speak.
fn bare_spokesperson(people: &People, m: &Mention) -> Option<Verdict> {
    let head = m.lower.split_whitespace().last().unwrap_or_default();
    let bare = head.starts_with("spokes") && !m.text.split_whitespace().any(is_capitalised);
    bare.then(|| {
        people
            .salient
            .iter()
            .rev()
            .find(|(pos, s)| {
                *pos <= m.range.start && s.role.as_deref().is_some_and(|r| r.starts_with("spokes"))
            })
            .map(|(_, s)| s.clone())
    })
}

/// Accepts words with no word in them at all: nobody.
fn no_words(_: &People, m: &Mention) -> Option<Verdict> {
    m.naming.is_none().then_some(None)
}

/// Accepts a name the entities stage found there ("Mr Hunt" as a mention
/// of Jeremy Hunt): that entity, its name written in full.
fn entity_mentioned(people: &People, m: &Mention) -> Option<Verdict> {
    let Some(Naming::Named(run)) = &m.naming else {
        return None;
    };
    let entity = people.known.mentioned(&run.at)?;
    let e = people.known.entity(entity);
    let at = m.range.start;
    let person = e.kind == EntityKind::Person;
    let name = if person {
        super::names::fuller(&e.name, &people.full_name(&run.name, at))
    } else {
        people.organisation_names.fullest(&e.name)
    };
    let role = role_before_name(&people.doc.text, m.range.start..run.at.start)
        .or_else(|| person.then(|| people.role_of(&run.name, at)).flatten());
    Some(Some(Speaker {
        role,
        gender: people.gender_of(&run.name),
        name,
        entity: Some(entity),
        person,
    }))
}

/// Accepts a role or description without a name ("the health secretary",
/// "a DHSC spokesperson", "the trust"): its holder or organisation.
fn described(people: &People, m: &Mention) -> Option<Verdict> {
    matches!(m.naming, Some(Naming::Described)).then(|| {
        let at = m.range.start;
        people
            .by_role(m.text, at)
            .or_else(|| people.organisation_in(m.range.clone()))
            .or_else(|| people.organisation_described(m.text, at))
    })
}

/// Accepts any proper name: the fullest form of it the document writes,
/// an organisation when it holds an organisation word or acronym.
fn named(people: &People, m: &Mention) -> Option<Verdict> {
    let Some(Naming::Named(run)) = &m.naming else {
        return None;
    };
    let NameRun {
        name, honorific, ..
    } = run;
    let lex = Lexicon::get();
    let at = m.range.start;
    let own_role = role_before_name(&people.doc.text, m.range.start..run.at.start);
    let org = !honorific
        && (name
            .split_whitespace()
            .any(|w| lex.is_org_word(w) || is_all_caps(w))
            || m.text
                .split_whitespace()
                .any(|w| lex.is_role_word(w) && w.to_lowercase().starts_with("spokes")));
    let canonical = if org {
        name.clone()
    } else {
        people.full_name(name, at)
    };
    let canonical = if people.is_confirmed_person(&canonical) {
        canonical
    } else {
        people.organisation_names.fullest(&canonical)
    };
    let entity = people.known.named(&canonical);
    let canonical = entity.map_or(canonical.clone(), |e| {
        super::names::fuller(&people.known.entity(e).name, &canonical)
    });
    let person = !org
        && (*honorific
            || people.is_confirmed_person(&canonical)
            || entity.is_some_and(|e| people.known.entity(e).kind == EntityKind::Person));
    let role = own_role.or_else(|| {
        if org {
            spokes_role(m.text)
        } else {
            people.role_of(&canonical, at)
        }
    });
    let spokes = org && role.as_deref().is_some_and(|r| r.starts_with("spokes"));
    let gender = if spokes {
        spokes_gender(role.as_deref())
    } else {
        people.gender_of(&canonical)
    };
    Some(Some(Speaker {
        gender,
        name: canonical,
        entity,
        role,
        person: person || spokes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::layout::Layout;
    use crate::quotes::EntityNames;
    use corpus_model::{Document, Entity, Mention as EntityMention};

    use crate::quotes::test_document::paragraphs as document;

    /// Resolves the last occurrence of `mention` in `doc`, after noting
    /// every earlier speaker given in `spoke` (name, is a person).
    fn resolve_in(
        doc: &Document,
        entities: &[Entity],
        mention: &str,
        spoke: &[(&str, bool)],
    ) -> Option<String> {
        let text = &doc.text;
        let names = EntityNames::of(entities);
        let mut people = People::new(doc, &names, Layout::of(doc).signatory);
        for &(name, person) in spoke {
            let at = text.find(name).unwrap_or_default();
            let speaker = Speaker {
                name: name.to_string(),
                entity: None,
                role: name.starts_with("spokes").then(|| name.to_string()),
                person,
                gender: Gender::Unknown,
            };
            people.note(at, &speaker);
        }
        let at = text
            .rfind(mention)
            .unwrap_or_else(|| panic!("{mention:?} is not in {text:?}"));
        let sentence = text[..at].rfind(". ").map_or(0, |i| i + 2);
        people
            .resolve(at..at + mention.len(), sentence)
            .map(|s| s.name)
    }

    /// One row per rule (named first), then harder and negative rows:
    /// (rule or case, text, mention, speakers noted before, expected).
    #[test]
    fn resolves_mentions() {
        type Row<'a> = (
            &'a str,
            &'a str,
            &'a str,
            &'a [(&'a str, bool)],
            Option<&'a str>,
        );
        let cases: &[Row] = &[
            ("he or she", "Mr Jeremy Hunt arrived. He said so.", "He", &[], Some("Jeremy Hunt")),
            ("I or we", "Dear Anna,\n\nWe share your concerns.\n\nYours sincerely,\n\nJohn Smith\nChair", "We", &[], Some("John Smith")),
            ("it or they", "Kelso Bank said so. It said more.", "It", &[("Kelso Bank", false)], Some("Kelso Bank")),
            ("anonymous sources", "Industry sources said so.", "Industry sources", &[], None),
            ("a counting word alone is anonymous", "Some add that it was so.", "Some", &[], None),
            ("bare spokesperson", "A spokesman said so. Later the spokesman said more.", "the spokesman", &[("spokesman", true)], Some("spokesman")),
            ("no words", "He said “…” so.", "…", &[], None),
            ("described", "The home secretary, Alan Brookes, left. Then the home secretary said so.", "the home secretary", &[], Some("Alan Brookes")),
            ("named", "Jeremy Hunt arrived. Mr Hunt said so.", "Mr Hunt", &[], Some("Jeremy Hunt")),
            ("she finds no man", "Mr Jeremy Hunt arrived. She said so.", "She", &[], None),
            ("we without a letter", "We said so.", "We", &[], None),
            ("initials stay in the name", "Yurij V. Ponomarev spoke. Ponomarev said so.", "Ponomarev", &[], Some("Yurij V. Ponomarev")),
            ("a former holder is not the holder", "Health secretary Matt Hancock and former health secretary Jeremy Hunt met. The health secretary said so.", "The health secretary", &[], Some("Matt Hancock")),
            ("acronym spelled out in the text", "The Singapore International Monetary Exchange Ltd, SIMEX, said so. SIMEX said more.", "SIMEX", &[], Some("Singapore International Monetary Exchange Ltd")),
            ("corporate suffix", "Jones and Vining Inc said so. Jones and Vining said more.", "Jones and Vining", &[], Some("Jones and Vining Inc")),
            ("spokesperson speaks for the organisation", "A DHSC spokesperson said so.", "A DHSC spokesperson", &[], Some("DHSC")),
            ("the trust is the trust named", "Northvale Hospitals Trust opened. The trust said so.", "The trust", &[], Some("Northvale Hospitals Trust")),
            ("a possessor is not the speaker", "Chancellor Helmut Kohl's coalition said so.", "Chancellor Helmut Kohl's coalition", &[], None),
            ("others alone are anonymous", "Others said so.", "Others", &[], None),
            ("an unnamed source somewhere", "Traders in Lisbon said so.", "Traders in Lisbon", &[], None),
            ("one of an unnamed group", "A City analyst said so.", "A City analyst", &[], None),
            ("an official speaks for the body", "A Kelso Bank official said so.", "A Kelso Bank official", &[], Some("Kelso Bank")),
            ("a wire's bare organisation noun", "Kelso Bank Ltd opened a branch. Company said so.", "Company", &[("Kelso Bank Ltd", false)], Some("Kelso Bank Ltd")),
            ("a place says where, not who", "Maritime experts in Lisbon said so.", "Maritime experts in Lisbon", &[], None),
            ("a company suffix ends a name in lowercase", "Corvel Engineering group Inc said so.", "Corvel Engineering group Inc", &[], Some("Corvel Engineering group Inc")),
            ("a company by its first word", "Brandt Tool Co opened. Brandt said so.", "Brandt", &[], Some("Brandt Tool Co")),
        ];
        for &(case, text, mention, spoke, want) in cases {
            let doc = document(text);
            assert_eq!(
                resolve_in(&doc, &[], mention, spoke).as_deref(),
                want,
                "{case}: {mention:?} in {text:?}"
            );
        }
        for rule in RESOLVE_RULES {
            assert!(
                rule.name == "entity mentioned" || cases.iter().any(|c| c.0 == rule.name),
                "rule {:?} has no row",
                rule.name
            );
        }
    }

    /// "They" after unnamed sources spoke is them, not the organisation
    /// that spoke before; "it" still is the organisation.
    #[test]
    fn they_after_unnamed_sources_are_nobody_known() {
        let text = "Kelso Bank said so. Dealers said more. They said the rest. It said no.";
        let doc = document(text);
        let names = EntityNames::of(&[]);
        let mut people = People::new(&doc, &names, Layout::of(&doc).signatory);
        let bank = Speaker {
            name: "Kelso Bank".into(),
            entity: None,
            role: None,
            person: false,
            gender: Gender::Unknown,
        };
        people.note(0, &bank);
        people.note_unnamed(text.find("said more").unwrap_or_default());
        let resolve = |word: &str| {
            let at = text.find(word).unwrap_or_default();
            people.resolve(at..at + word.len(), at).map(|s| s.name)
        };
        assert_eq!(resolve("They"), None);
        assert_eq!(resolve("It").as_deref(), Some("Kelso Bank"));
    }

    /// The rule "entity mentioned": the entities stage's name for the words.
    #[test]
    fn resolves_an_entity_mentioned() {
        let text = "Reyes arrived. Tomas Reyes said so. Reyes said more.";
        let mut doc = document(text);
        let at = text.rfind("Reyes").unwrap_or_default();
        doc.mentions = vec![EntityMention {
            entity: 0,
            start: at as u32,
            end: (at + 5) as u32,
        }];
        let entities = [Entity {
            kind: EntityKind::Person,
            name: "Reyes".into(),
            aliases: vec![],
            roles: vec![],
            documents: vec![],
        }];
        assert_eq!(
            resolve_in(&doc, &entities, "Reyes", &[]).as_deref(),
            Some("Tomas Reyes")
        );
    }
}
