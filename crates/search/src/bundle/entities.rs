//! The entities as the bundle's entities frame holds them: field by field
//! (every kind, then every name, …), and each entity's sorted document ids
//! as the gaps between them, mostly one byte each where the ids take three.
//!
//! Invariant: decoding gives back every entity exactly; gaps are taken with
//! wrapping arithmetic, so ids out of order cost bytes, never correctness.

use serde::{Deserialize, Serialize};

use corpus_model::{DocId, Entity, EntityKind, Role};

use super::columns::same_lengths;

#[derive(Serialize, Deserialize)]
pub(super) struct EntityColumns {
    kind: Vec<EntityKind>,
    name: Vec<String>,
    aliases: Vec<Vec<String>>,
    /// Each role's document as its gap from the last role's, and the role.
    roles: Vec<Vec<(DocId, String)>>,
    documents: Vec<Vec<DocId>>,
}

/// Ids as the gaps between them, the first from 0.
fn gaps(ids: impl Iterator<Item = DocId>) -> impl Iterator<Item = DocId> {
    ids.scan(0u32, |last, id| {
        Some(id.wrapping_sub(std::mem::replace(last, id)))
    })
}

/// The ids [`gaps`] was given.
fn ids(gaps: impl Iterator<Item = DocId>) -> impl Iterator<Item = DocId> {
    gaps.scan(0u32, |last, gap| {
        *last = last.wrapping_add(gap);
        Some(*last)
    })
}

impl EntityColumns {
    pub fn of(entities: &[Entity]) -> EntityColumns {
        EntityColumns {
            kind: entities.iter().map(|e| e.kind).collect(),
            name: entities.iter().map(|e| e.name.clone()).collect(),
            aliases: entities.iter().map(|e| e.aliases.clone()).collect(),
            roles: entities
                .iter()
                .map(|e| {
                    gaps(e.roles.iter().map(|r| r.doc))
                        .zip(&e.roles)
                        .map(|(gap, r)| (gap, r.role.clone()))
                        .collect()
                })
                .collect(),
            documents: entities
                .iter()
                .map(|e| gaps(e.documents.iter().copied()).collect())
                .collect(),
        }
    }

    /// The entities, or why the columns do not make them.
    pub fn into_entities(self) -> Result<Vec<Entity>, String> {
        let n = self.kind.len();
        let lengths = [
            self.name.len(),
            self.aliases.len(),
            self.roles.len(),
            self.documents.len(),
        ];
        same_lengths("entity", n, &lengths)?;
        let rows = (self.kind.into_iter().zip(self.name).zip(self.aliases))
            .zip(self.roles.into_iter().zip(self.documents));
        let entities = rows.map(|(((kind, name), aliases), (roles, documents))| {
            let (role_gaps, role_names): (Vec<DocId>, Vec<String>) = roles.into_iter().unzip();
            Entity {
                kind,
                name,
                aliases,
                roles: ids(role_gaps.into_iter())
                    .zip(role_names)
                    .map(|(doc, role)| Role { doc, role })
                    .collect(),
                documents: ids(documents.into_iter()).collect(),
            }
        });
        Ok(entities.collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_read_back_as_they_were() {
        let role = |doc, role: &str| Role {
            doc,
            role: role.into(),
        };
        let entities = vec![
            Entity {
                kind: EntityKind::Person,
                name: "Ann Lee".into(),
                aliases: vec!["Lee".into(), "Ms Lee".into()],
                roles: vec![role(3, "minister"), role(2, "mayor"), role(u32::MAX, "")],
                documents: vec![0, 2, 3, 900, u32::MAX],
            },
            Entity {
                kind: EntityKind::Place,
                name: "Leeds".into(),
                aliases: Vec::new(),
                roles: Vec::new(),
                documents: vec![7, 1],
            },
        ];
        let bytes = postcard::to_allocvec(&EntityColumns::of(&entities)).expect("encodes");
        let columns: EntityColumns = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(columns.into_entities(), Ok(entities));
    }
}
