//! What the entities stage already knows about a document: the corpus's
//! entities and the document's mentions of them, indexed by offset once per
//! document so a name at a position is looked up, not read again.
//!
//! Invariant: `Document::mentions` is sorted by start and free of overlaps
//! (the entities stage guarantees it), so their ends are sorted too and a
//! binary search finds the mentions touching any range.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::entities::full_name_after_prefix;
use corpus_model::{Document, Entity, EntityId, EntityKind, Mention};
use corpus_text::words::is_all_caps;

/// The corpus's people and organisations by name and alias (ASCII case
/// folded, but acronyms as written: "Oil" is not "OIL"), indexed once per
/// corpus; the first entity of a name wins.
#[derive(Debug, Clone, Default)]
pub struct EntityNames<'a> {
    pub entities: &'a [Entity],
    by_name: FxHashMap<String, EntityId>,
    by_acronym: FxHashMap<&'a str, EntityId>,
}

impl<'a> EntityNames<'a> {
    pub fn of(entities: &'a [Entity]) -> EntityNames<'a> {
        let mut by_name = FxHashMap::default();
        let mut by_acronym = FxHashMap::default();
        for (id, e) in (0..).zip(entities) {
            if e.kind == EntityKind::Place {
                continue;
            }
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                match is_acronym(name) {
                    true => by_acronym.entry(name.as_str()).or_insert(id),
                    false => by_name.entry(name.to_ascii_lowercase()).or_insert(id),
                };
            }
        }
        EntityNames {
            entities,
            by_name,
            by_acronym,
        }
    }
}

/// "OIL", "NHS": one word in capitals.
fn is_acronym(name: &str) -> bool {
    !name.contains(' ') && is_all_caps(name)
}

/// The entities and the document's mentions of them.
#[derive(Debug, Clone, Copy)]
pub struct KnownEntities<'a> {
    names: &'a EntityNames<'a>,
    mentions: &'a [Mention],
}

impl<'a> KnownEntities<'a> {
    pub fn of(doc: &'a Document, names: &'a EntityNames<'a>) -> KnownEntities<'a> {
        KnownEntities {
            names,
            mentions: &doc.mentions,
        }
    }

    /// The entity with id `id`.
    pub fn entity(&self, id: EntityId) -> &'a Entity {
        &self.names.entities[id as usize]
    }

    /// The kind of entity `id`, if there is one.
    pub fn kind(&self, id: EntityId) -> Option<EntityKind> {
        self.names.entities.get(id as usize).map(|e| e.kind)
    }

    /// The mentions overlapping `range`, in reading order.
    pub fn overlapping(&self, range: &Range<usize>) -> impl Iterator<Item = &'a Mention> {
        let first = self
            .mentions
            .partition_point(|m| m.end as usize <= range.start);
        let end = range.end;
        self.mentions[first..]
            .iter()
            .take_while(move |m| (m.start as usize) < end)
    }

    /// The person or organisation mentioned at `range`, if any.
    pub fn mentioned(&self, range: &Range<usize>) -> Option<EntityId> {
        self.overlapping(range)
            .map(|m| m.entity)
            .find(|&e| self.kind(e).is_some_and(|k| k != EntityKind::Place))
    }

    /// The person or organisation whose name or alias is `name` (any case,
    /// but an acronym only as written).
    pub fn named(&self, name: &str) -> Option<EntityId> {
        let acronym = self.names.by_acronym.get(name);
        acronym
            .or_else(|| self.names.by_name.get(&name.to_ascii_lowercase()))
            .copied()
    }

    /// The person or organisation whose full name `name` is after a word
    /// or more that belong to something else ("Exchequer Nigel Lawson",
    /// "U.S Agriculture Department").
    pub fn named_after_prefix(&self, name: &str) -> Option<EntityId> {
        full_name_after_prefix(name, |full| {
            let id = self.named(full)?;
            Some((self.kind(id)?, id))
        })
    }

    /// Mentions of people whose entity name has more than one word, with that name.
    pub fn people_with_full_names(&self) -> impl Iterator<Item = (Range<usize>, &'a str)> + '_ {
        self.mentions.iter().filter_map(|m| {
            let e = self.names.entities.get(m.entity as usize)?;
            (e.kind == EntityKind::Person && e.name.contains(' '))
                .then_some((m.start as usize..m.end as usize, e.name.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_touching_a_range() {
        let entities = vec![
            Entity {
                kind: EntityKind::Place,
                name: "Leeds".into(),
                aliases: vec![],
                roles: vec![],
                documents: vec![],
            },
            Entity {
                kind: EntityKind::Person,
                name: "Jeremy Hunt".into(),
                aliases: vec!["Hunt".into()],
                roles: vec![],
                documents: vec![],
            },
            Entity {
                kind: EntityKind::Organisation,
                name: "Oil India Ltd".into(),
                aliases: vec!["OIL".into()],
                roles: vec![],
                documents: vec![],
            },
        ];
        let doc = Document {
            mentions: vec![
                Mention {
                    entity: 0,
                    start: 3,
                    end: 8,
                },
                Mention {
                    entity: 1,
                    start: 12,
                    end: 23,
                },
            ],
            ..Document::default()
        };
        let names = EntityNames::of(&entities);
        let known = KnownEntities::of(&doc, &names);
        let cases: &[(Range<usize>, Option<EntityId>)] = &[
            (0..3, None),
            (3..8, None),
            (0..30, Some(1)),
            (20..21, Some(1)),
            (23..30, None),
        ];
        for (range, want) in cases {
            assert_eq!(
                known.mentioned(range),
                *want,
                "entity mentioned at {range:?}"
            );
        }
        assert_eq!(known.named("hunt"), Some(1));
        assert_eq!(known.named("Leeds"), None, "places are never speakers");
        assert_eq!(known.named("OIL"), Some(2));
        assert_eq!(known.named("Oil"), None, "an acronym only as written");
    }
}
