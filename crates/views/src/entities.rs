//! People, organisations and places as the people index and an entity's page
//! show them: lookups by name, quote counts, roles and the finder's ranking.
//!
//! Invariant: every function here reads the corpus and nothing else, so the
//! same corpus and input always give the same lists in the same order.

use corpus_model::{Corpus, DocId, Entity, EntityId, EntityKind};
use corpus_search::name_score;

/// Roles shown in the index before "and N more".
const ROLES_SHOWN: usize = 3;

/// How many quotes each entity is the speaker of, by entity id.
pub fn quote_counts(corpus: &Corpus) -> Vec<u32> {
    let mut counts = vec![0; corpus.entities.len()];
    for quote in corpus.documents.iter().flat_map(|d| &d.quotes) {
        if let Some(count) = quote.speaker.and_then(|s| counts.get_mut(s as usize)) {
            *count += 1;
        }
    }
    counts
}

/// The heading of a group of entities.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organisation => "Organisations",
        EntityKind::Place => "Places",
    }
}

/// Distinct roles of an entity (ignoring case), in the order the corpus
/// gives them.
pub fn distinct_roles(entity: &Entity) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for role in &entity.roles {
        if !roles.iter().any(|r| r.eq_ignore_ascii_case(&role.role)) {
            roles.push(role.role.clone());
        }
    }
    roles
}

/// The first few roles, and how many more the entity's page lists.
pub fn roles_summary(roles: &[String]) -> String {
    let shown = roles[..roles.len().min(ROLES_SHOWN)].join("; ");
    match roles.len().saturating_sub(ROLES_SHOWN) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// "3 docs · 1 quote": an entity's counts in the index.
pub fn counts_summary(documents: usize, quotes: u32) -> String {
    let docs = format!("{documents} doc{}", if documents == 1 { "" } else { "s" });
    match quotes {
        0 => docs,
        q => format!("{docs} · {q} quote{}", if q == 1 { "" } else { "s" }),
    }
}

/// The entity a name stands for: the one of that name, else the first that
/// has it as an alias.
pub fn find_entity(corpus: &Corpus, name: &str) -> Option<EntityId> {
    let entities = &corpus.entities;
    entities
        .iter()
        .position(|e| e.name == name)
        .or_else(|| {
            entities
                .iter()
                .position(|e| e.aliases.iter().any(|a| a == name))
        })
        .map(|i| i as EntityId)
}

/// The quotes of a speaker as `(document, quote index)` in corpus order: the
/// entity's when there is one, else those attributed to `name` without an
/// entity.
pub fn quotes_of(corpus: &Corpus, entity: Option<EntityId>, name: &str) -> Vec<(DocId, u32)> {
    let said = |speaker: Option<EntityId>, speaker_name: Option<&str>| match entity {
        Some(id) => speaker == Some(id),
        None => speaker.is_none() && speaker_name == Some(name),
    };
    corpus
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.quotes
                .iter()
                .enumerate()
                .map(move |(q, quote)| (d, q, quote))
        })
        .filter(|(_, _, quote)| said(quote.speaker, quote.speaker_name.as_deref()))
        .map(|(d, q, _)| (d as DocId, q as u32))
        .collect()
}

/// The entities the people finder lists for `query`, best first: by how
/// well their name or an alias matches, then by how many documents mention
/// them. An empty query lists everyone by documents.
pub fn rank_entities(corpus: &Corpus, query: &str) -> Vec<usize> {
    let query = query.trim();
    let mut ranked: Vec<(i64, usize, usize)> = corpus
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let score = if query.is_empty() {
                0
            } else {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .filter_map(|n| name_score(n, query))
                    .max()?
            };
            Some((score, i, e.documents.len()))
        })
        .collect();
    // Entity indices are distinct, so the order is total and need not be stable.
    ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::{Document, Quote, QuoteKind, Role};

    fn entity(name: &str, aliases: &[&str], documents: &[DocId]) -> Entity {
        Entity {
            kind: EntityKind::Person,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: Vec::new(),
            documents: documents.to_vec(),
        }
    }

    fn quote(speaker: Option<EntityId>, name: Option<&str>) -> Quote {
        Quote {
            start: 0,
            end: 0,
            kind: QuoteKind::Direct,
            speaker,
            speaker_name: name.map(str::to_string),
            role: None,
            mention: None,
            verb: None,
            fragments: Vec::new(),
            anonymous: false,
        }
    }

    fn corpus() -> Corpus {
        let doc = |quotes: Vec<Quote>| Document {
            quotes,
            ..Document::default()
        };
        Corpus {
            documents: vec![
                doc(vec![
                    quote(Some(0), Some("Jeremy Hunt")),
                    quote(None, Some("A nurse")),
                ]),
                doc(vec![
                    quote(Some(0), Some("Jeremy Hunt")),
                    quote(Some(1), None),
                ]),
            ],
            entities: vec![
                entity("Jeremy Hunt", &["Mr Hunt"], &[0, 1]),
                entity("Matt Hancock", &[], &[1]),
                entity("Hunter Davies", &[], &[0, 1, 2]),
            ],
            ..Corpus::default()
        }
    }

    #[test]
    fn quotes_are_counted_per_speaker() {
        assert_eq!(quote_counts(&corpus()), [2, 1, 0]);
    }

    #[test]
    fn names_and_aliases_find_entities_and_their_quotes() {
        let corpus = corpus();
        assert_eq!(find_entity(&corpus, "Jeremy Hunt"), Some(0));
        assert_eq!(find_entity(&corpus, "Mr Hunt"), Some(0));
        assert_eq!(find_entity(&corpus, "A nurse"), None);
        assert_eq!(quotes_of(&corpus, Some(0), "Jeremy Hunt"), [(0, 0), (1, 0)]);
        assert_eq!(quotes_of(&corpus, None, "A nurse"), [(0, 1)]);
        assert!(quotes_of(&corpus, None, "Nobody").is_empty());
    }

    #[test]
    fn roles_are_distinct_and_summarised() {
        let mut hunt = entity("Jeremy Hunt", &[], &[]);
        for role in [
            "Health Secretary",
            "health secretary",
            "MP",
            "Chancellor",
            "Foreign Secretary",
        ] {
            hunt.roles.push(Role {
                role: role.into(),
                doc: 0,
            });
        }
        let roles = distinct_roles(&hunt);
        assert_eq!(
            roles,
            ["Health Secretary", "MP", "Chancellor", "Foreign Secretary"]
        );
        assert_eq!(
            roles_summary(&roles),
            "Health Secretary; MP; Chancellor and 1 more"
        );
        assert_eq!(roles_summary(&roles[..2]), "Health Secretary; MP");
        assert_eq!(kind_label(EntityKind::Organisation), "Organisations");
    }

    #[test]
    fn counts_read_in_the_singular_and_plural() {
        assert_eq!(counts_summary(1, 0), "1 doc");
        assert_eq!(counts_summary(3, 1), "3 docs · 1 quote");
        assert_eq!(counts_summary(2, 4), "2 docs · 4 quotes");
    }

    #[test]
    fn the_finder_ranks_matches_then_mentions() {
        let corpus = corpus();
        assert_eq!(rank_entities(&corpus, ""), [2, 0, 1]);
        assert_eq!(rank_entities(&corpus, "  hancock "), [1]);
        let hunt = rank_entities(&corpus, "hunt");
        assert_eq!(hunt.len(), 2);
        assert!(hunt.contains(&0) && hunt.contains(&2));
        assert_eq!(rank_entities(&corpus, "mr hunt")[0], 0);
    }
}
