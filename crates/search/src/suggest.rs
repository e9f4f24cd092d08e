//! The jump-to list: document titles and entity names matched fuzzily
//! against what the user is typing (the letters in order, gaps allowed),
//! and the same fuzzy score for callers ranking names of their own.
//!
//! Invariant: suggestions come best first, ties broken by the shorter label,
//! then by id, so the list is deterministic.

use serde::{Deserialize, Serialize};

use super::fuzzy::{fuzzy_match, FuzzyMatch};
use super::index::SearchIndex;
use corpus_model::{Corpus, DocId, EntityId, EntityKind};

/// An entry of the jump-to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub label: String,
    /// The document, for a document suggestion.
    pub doc: Option<DocId>,
    /// The entity, for a person, organisation or place.
    pub entity: Option<EntityId>,
    /// Byte ranges of the matched characters in `label`.
    pub matches: Vec<(u32, u32)>,
    pub score: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SuggestionKind {
    Document,
    Person,
    Organisation,
    Place,
}

impl SearchIndex {
    /// Fuzzy jump-to list over document titles and entity names, best
    /// first.
    pub fn suggest(&self, corpus: &Corpus, input: &str, limit: usize) -> Vec<Suggestion> {
        let input = crate::query::cut_to_limit(input.trim());
        if input.is_empty() || limit == 0 {
            return Vec::new();
        }
        let documents = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (SuggestionKind::Document, i as u32, &d.meta.title));
        let entities = corpus.entities.iter().enumerate().map(|(i, e)| {
            let kind = match e.kind {
                EntityKind::Person => SuggestionKind::Person,
                EntityKind::Organisation => SuggestionKind::Organisation,
                EntityKind::Place => SuggestionKind::Place,
            };
            (kind, i as u32, &e.name)
        });
        let mut scored: Vec<(FuzzyMatch, SuggestionKind, u32, &String)> = documents
            .chain(entities)
            .filter_map(|(kind, id, label)| Some((fuzzy_match(label, input)?, kind, id, label)))
            .collect();
        scored.sort_by(|a, b| {
            b.0.score
                .cmp(&a.0.score)
                .then(a.3.len().cmp(&b.3.len()))
                .then(a.2.cmp(&b.2))
        });
        scored
            .into_iter()
            .take(limit)
            .map(|(found, kind, id, label)| {
                let matches = label
                    .char_indices()
                    .enumerate()
                    .filter(|(n, _)| found.positions.contains(n))
                    .map(|(_, (b, c))| (b as u32, (b + c.len_utf8()) as u32))
                    .collect();
                let (doc, entity) = match kind {
                    SuggestionKind::Document => (Some(id), None),
                    _ => (None, Some(id)),
                };
                Suggestion {
                    kind,
                    label: label.clone(),
                    doc,
                    entity,
                    matches,
                    score: found.score,
                }
            })
            .collect()
    }
}

/// How well `input` matches `name` fuzzily (higher is better), or `None`
/// when its letters do not all occur in `name` in order. Case matters only
/// when `input` has capitals.
pub fn name_score(name: &str, input: &str) -> Option<i64> {
    fuzzy_match(name, input).map(|m| m.score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_score_by_letters_in_order() {
        let hancock = name_score("Matt Hancock", "hancock").unwrap_or(0);
        assert!(hancock > 0);
        assert!(name_score("Matt Hancock", "hcn").is_none());
        assert!(name_score("Jeremy Hunt", "hancock").is_none());
        assert!(hancock > name_score("Matt Hancock", "mhk").unwrap_or(0));
    }
}
