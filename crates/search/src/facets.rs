//! Facets: the values each document (or quote) has for source, kind, year,
//! people, organisations, places, speakers and every front-matter key, and
//! their counts over a result set.
//!
//! Counting is *disjunctive*, as in faceted shops: the counts of one facet are
//! taken over the results filtered by every *other* facet's selection, so
//! the values a user could add to a selection (OR within a facet) keep their
//! counts, while the other facets narrow (AND across facets). One pass does
//! it: a unit failing no selection counts for every facet, a unit failing
//! exactly one selection counts only for that facet.
//!
//! Invariant: the values of a column are sorted and unique, and
//! `unit_offsets` has one more entry than the column has units.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::analyzer::Analyzer;
use corpus_model::{Corpus, EntityKind, PartialDate, Quote};

/// Values listed per facet; the rest are counted in `FacetCounts::more`.
pub const MAX_FACET_VALUES: usize = 100;

/// A facet the engine builds from the model (front-matter keys are facets
/// too, named by their key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Source,
    Kind,
    Year,
    /// The year and month ("1987-03") of documents dated to at least a month.
    Month,
    Person,
    Organisation,
    Place,
    Speaker,
    /// The quote facet saying how far a quote's speaker is known (named,
    /// anonymous, unattributed).
    Attribution,
    /// The quote facet naming a quote's document (its file).
    Document,
}

impl Facet {
    /// Every facet, document facets in display order, then `Document`.
    pub const ALL: [Facet; 10] = [
        Facet::Source,
        Facet::Kind,
        Facet::Year,
        Facet::Month,
        Facet::Person,
        Facet::Organisation,
        Facet::Place,
        Facet::Speaker,
        Facet::Attribution,
        Facet::Document,
    ];

    /// The facet's name in requests, URLs and results.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Source => "source",
            Facet::Kind => "kind",
            Facet::Year => "year",
            Facet::Month => "month",
            Facet::Person => "person",
            Facet::Organisation => "organisation",
            Facet::Place => "place",
            Facet::Speaker => "speaker",
            Facet::Attribution => "attribution",
            Facet::Document => "document",
        }
    }

    /// Whether the facet's values come from the documents' names and
    /// quotes, which arrive after the index (see [`FacetIndex::for_catalogue`]).
    pub fn from_contents(self) -> bool {
        matches!(
            self,
            Facet::Person | Facet::Organisation | Facet::Place | Facet::Speaker
        )
    }

    /// The facet another spelling accepted in `field:value` queries stands
    /// for (`org`, `said`, `type`, …), given in lower case.
    pub fn from_alias(alias: &str) -> Option<Facet> {
        ALIASES
            .binary_search_by_key(&alias, |&(name, _)| name)
            .ok()
            .map(|i| ALIASES[i].1)
    }
}

/// A name that is none of the built-in facets' (it may still be a
/// front-matter key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFacet(pub String);

impl std::fmt::Display for UnknownFacet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown facet \"{}\"", self.0)
    }
}

impl std::error::Error for UnknownFacet {}

impl std::str::FromStr for Facet {
    type Err = UnknownFacet;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Facet::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .ok_or_else(|| UnknownFacet(name.to_string()))
    }
}

/// Other spellings accepted in `field:value` queries. Keep sorted.
const ALIASES: &[(&str, Facet)] = &[
    ("org", Facet::Organisation),
    ("organization", Facet::Organisation),
    ("orgs", Facet::Organisation),
    ("people", Facet::Person),
    ("places", Facet::Place),
    ("said", Facet::Speaker),
    ("type", Facet::Kind),
];

/// Counts of one facet's values over a result set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCounts {
    /// A [`Facet`]'s name, or a front-matter key.
    pub name: String,
    /// Selected values first, then by count, then alphabetically.
    pub values: Vec<FacetValue>,
    /// Values with a count that were left out of `values`.
    pub more: u32,
}

impl FacetCounts {
    /// The built-in facet these counts are of; `None` for a front-matter key.
    pub fn facet(&self) -> Option<Facet> {
        self.name.parse().ok()
    }

    /// The `(value, count)` pairs.
    pub fn pairs(&self) -> Vec<(String, u32)> {
        self.values
            .iter()
            .map(|v| (v.value.clone(), v.count))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub count: u32,
    pub selected: bool,
}

/// One facet over a set of units (documents or quotes).
#[derive(Debug, Clone, Default)]
pub struct FacetColumn {
    pub name: String,
    /// Display values, sorted and unique.
    pub values: Vec<String>,
    /// Where each unit's values start in `unit_values` (plus the end).
    unit_offsets: Vec<u32>,
    unit_values: Vec<u32>,
}

impl FacetColumn {
    fn build(name: &str, per_unit: Vec<Vec<String>>) -> Self {
        let names: BTreeSet<&String> = per_unit.iter().flatten().collect();
        let values: Vec<String> = names.into_iter().cloned().collect();
        let mut unit_offsets = vec![0];
        let mut unit_values = Vec::new();
        for unit in per_unit {
            let mut ids: Vec<u32> = unit
                .iter()
                .filter_map(|v| values.binary_search(v).ok())
                .map(|i| i as u32)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            unit_values.extend(ids);
            unit_offsets.push(unit_values.len() as u32);
        }
        Self {
            name: name.to_string(),
            values,
            unit_offsets,
            unit_values,
        }
    }

    /// The value ids of a unit.
    pub fn values_of(&self, unit: u32) -> &[u32] {
        let start = self.unit_offsets.get(unit as usize).copied().unwrap_or(0) as usize;
        let end = self
            .unit_offsets
            .get(unit as usize + 1)
            .copied()
            .unwrap_or(0) as usize;
        self.unit_values.get(start..end).unwrap_or_default()
    }

    /// The id of a value given exactly as displayed.
    pub fn exact(&self, value: &str) -> Option<u32> {
        self.values
            .binary_search_by(|v| v.as_str().cmp(value))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the values whose name or one of its `aliases` contains the
    /// words of `query` in order (`hunt` finds "Jeremy Hunt"; `letters`
    /// finds "letter"), compared as index terms.
    pub fn matching(
        &self,
        analyzer: &Analyzer,
        query: &str,
        aliases: &dyn Fn(&str) -> Vec<String>,
    ) -> Vec<u32> {
        let wanted = analyzer.terms(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let contains = |name: &str| {
            let terms = analyzer.terms(name);
            terms.windows(wanted.len()).any(|w| w == wanted.as_slice())
        };
        (0..self.values.len())
            .filter(|&i| {
                contains(&self.values[i]) || aliases(&self.values[i]).iter().any(|a| contains(a))
            })
            .map(|i| i as u32)
            .collect()
    }
}

/// The facet columns over one kind of unit.
#[derive(Debug, Clone, Default)]
pub struct FacetIndex {
    pub columns: Vec<FacetColumn>,
    /// Built from the documents' cards alone: the columns of facets
    /// [`Facet::from_contents`] are empty until the contents arrive.
    pub contents_pending: bool,
}

/// A filter on one facet: the unit must have one of `values` (sorted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub column: usize,
    pub values: Vec<u32>,
}

impl Selection {
    pub fn accepts(&self, index: &FacetIndex, unit: u32) -> bool {
        let column = &index.columns[self.column];
        column
            .values_of(unit)
            .iter()
            .any(|v| self.values.binary_search(v).is_ok())
    }
}

/// "1987-03" for a date known to the month; `None` for a bare year.
fn month_of(date: Option<PartialDate>) -> Option<String> {
    let date = date?;
    date.month
        .map(|month| format!("{:04}-{month:02}", date.year))
}

impl FacetIndex {
    /// Document facets of a catalogue (documents with their cards and no
    /// contents): the columns of [`FacetIndex::for_documents`], those of
    /// names and speakers empty and marked pending.
    pub fn for_catalogue(catalogue: &Corpus) -> Self {
        Self {
            contents_pending: true,
            ..Self::for_documents(catalogue)
        }
    }

    /// Whether a column's values are still to come with the contents.
    pub fn pending(&self, column: usize) -> bool {
        self.contents_pending
            && self
                .columns
                .get(column)
                .is_some_and(|c| c.name.parse::<Facet>().is_ok_and(Facet::from_contents))
    }

    /// Document facets: source, kind, year, month, person, organisation, place,
    /// speaker, then each front-matter key (one that repeats a built-in name
    /// is skipped). Built where the index is opened, from the corpus: the
    /// bundle does not carry them, as they repeat its cards, names and quotes.
    pub fn for_documents(corpus: &Corpus) -> Self {
        let docs = &corpus.documents;
        let single = |f: &dyn Fn(&corpus_model::Document) -> Option<String>| -> Vec<Vec<String>> {
            docs.iter().map(|d| f(d).into_iter().collect()).collect()
        };
        let entity = |e: u32| corpus.entities.get(e as usize);
        let entities_of = |kind: EntityKind| -> Vec<Vec<String>> {
            docs.iter()
                .map(|d| {
                    d.mentions
                        .iter()
                        .filter_map(|m| entity(m.entity))
                        .filter(|e| e.kind == kind)
                        .map(|e| e.name.clone())
                        .collect()
                })
                .collect()
        };
        let mut columns = vec![
            FacetColumn::build(Facet::Source.as_str(), single(&|d| d.meta.source.clone())),
            FacetColumn::build(Facet::Kind.as_str(), single(&|d| d.meta.kind.clone())),
            FacetColumn::build(
                Facet::Year.as_str(),
                single(&|d| d.meta.date.map(|date| date.year.to_string())),
            ),
            FacetColumn::build(Facet::Month.as_str(), single(&|d| month_of(d.meta.date))),
            FacetColumn::build(Facet::Person.as_str(), entities_of(EntityKind::Person)),
            FacetColumn::build(
                Facet::Organisation.as_str(),
                entities_of(EntityKind::Organisation),
            ),
            FacetColumn::build(Facet::Place.as_str(), entities_of(EntityKind::Place)),
            FacetColumn::build(
                Facet::Speaker.as_str(),
                docs.iter()
                    .map(|d| {
                        d.quotes
                            .iter()
                            .filter_map(|q| speaker_of(corpus, q).map(|(name, _)| name))
                            .collect()
                    })
                    .collect(),
            ),
        ];
        let keys: std::collections::BTreeSet<&String> =
            docs.iter().flat_map(|d| d.meta.facets.keys()).collect();
        for key in keys {
            if columns.iter().any(|c| &c.name == key) {
                continue;
            }
            let per_doc = docs
                .iter()
                .map(|d| {
                    d.meta
                        .facets
                        .get(key)
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect()
                })
                .collect();
            columns.push(FacetColumn::build(key, per_doc));
        }
        Self {
            columns,
            contents_pending: false,
        }
    }

    /// Quote facets, one unit per quote in corpus order: speaker, kind
    /// (direct, partial, mixed, reported), year, month, attribution and
    /// document.
    pub fn for_quotes(corpus: &Corpus) -> Self {
        let quotes = || {
            corpus
                .documents
                .iter()
                .flat_map(|d| d.quotes.iter().map(move |q| (d, q)))
        };
        let speakers = quotes()
            .map(|(_, q)| {
                speaker_of(corpus, q)
                    .map(|(name, _)| name)
                    .into_iter()
                    .collect()
            })
            .collect();
        let kinds = quotes()
            .map(|(_, q)| vec![q.kind.as_str().to_string()])
            .collect();
        let years = quotes()
            .map(|(d, _)| {
                d.meta
                    .date
                    .map(|date| date.year.to_string())
                    .into_iter()
                    .collect()
            })
            .collect();
        let months = quotes()
            .map(|(d, _)| month_of(d.meta.date).into_iter().collect())
            .collect();
        let attributions = quotes()
            .map(|(_, q)| vec![q.attribution().to_string()])
            .collect();
        let documents = quotes().map(|(d, _)| vec![d.file.clone()]).collect();
        Self {
            columns: vec![
                FacetColumn::build(Facet::Speaker.as_str(), speakers),
                FacetColumn::build(Facet::Kind.as_str(), kinds),
                FacetColumn::build(Facet::Year.as_str(), years),
                FacetColumn::build(Facet::Month.as_str(), months),
                FacetColumn::build(Facet::Attribution.as_str(), attributions),
                FacetColumn::build(Facet::Document.as_str(), documents),
            ],
            contents_pending: false,
        }
    }

    /// The column of a facet name or of one of its aliases.
    pub fn column(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        let by_name = |n: &str| {
            self.columns
                .iter()
                .position(|c| c.name.eq_ignore_ascii_case(n))
        };
        by_name(&lower).or_else(|| by_name(Facet::from_alias(&lower)?.as_str()))
    }

    /// Whether `unit` passes every selection.
    pub fn accepts(&self, selections: &[Selection], unit: u32) -> bool {
        selections.iter().all(|s| s.accepts(self, unit))
    }

    /// Counts of every facet's values over `units` (the results before the
    /// request's selections), counted disjunctively; `selected` are the
    /// request's selections, one per facet. Returns the facets and the units
    /// that pass every selection.
    pub fn count(&self, units: &[u32], selected: &[Selection]) -> (Vec<FacetCounts>, Vec<u32>) {
        let mut counts: Vec<Vec<u32>> = self
            .columns
            .iter()
            .map(|c| vec![0; c.values.len()])
            .collect();
        let mut passing = Vec::with_capacity(units.len());
        for &unit in units {
            let mut failed = None;
            let mut failures = 0;
            for (i, selection) in selected.iter().enumerate() {
                if !selection.accepts(self, unit) {
                    failures += 1;
                    failed = Some(i);
                    if failures > 1 {
                        break;
                    }
                }
            }
            match (failures, failed) {
                (0, _) => {
                    passing.push(unit);
                    for (column, counts) in self.columns.iter().zip(&mut counts) {
                        for &v in column.values_of(unit) {
                            counts[v as usize] += 1;
                        }
                    }
                }
                (1, Some(i)) => {
                    let c = selected[i].column;
                    for &v in self.columns[c].values_of(unit) {
                        counts[c][v as usize] += 1;
                    }
                }
                _ => {}
            }
        }
        let facets = self
            .columns
            .iter()
            .zip(counts)
            .enumerate()
            .filter(|(_, (column, _))| !column.values.is_empty())
            .map(|(c, (column, counts))| {
                let chosen = selected
                    .iter()
                    .find(|s| s.column == c)
                    .map_or(&[][..], |s| &s.values[..]);
                let is_chosen = |v: u32| chosen.binary_search(&v).is_ok();
                let mut shown: Vec<(bool, u32, u32)> = (0..counts.len() as u32)
                    .filter(|&v| counts[v as usize] > 0 || is_chosen(v))
                    .map(|v| (is_chosen(v), counts[v as usize], v))
                    .collect();
                // Value ids are in value order, so ties sort alphabetically
                // without comparing strings.
                let order = |a: &(bool, u32, u32), b: &(bool, u32, u32)| {
                    b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
                };
                let more = shown.len().saturating_sub(MAX_FACET_VALUES) as u32;
                if shown.len() > MAX_FACET_VALUES {
                    shown.select_nth_unstable_by(MAX_FACET_VALUES, order);
                    shown.truncate(MAX_FACET_VALUES);
                }
                shown.sort_unstable_by(order);
                let values = shown
                    .into_iter()
                    .map(|(selected, count, v)| FacetValue {
                        value: column.values[v as usize].clone(),
                        count,
                        selected,
                    })
                    .collect();
                FacetCounts {
                    name: column.name.clone(),
                    values,
                    more,
                }
            })
            .collect();
        (facets, passing)
    }
}

/// The name and aliases of a quote's speaker: its entity's, or the name the
/// document gives when the speaker is not a known entity.
pub fn speaker_of(corpus: &Corpus, quote: &Quote) -> Option<(String, Vec<String>)> {
    match quote.speaker.and_then(|e| corpus.entities.get(e as usize)) {
        Some(entity) => Some((entity.name.clone(), entity.aliases.clone())),
        None => quote
            .speaker_name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .map(|n| (n, Vec::new())),
    }
}

/// The quote text of a quote unit, for callers that have the corpus.
pub fn quote_text(corpus: &Corpus, doc: u32, quote: u32) -> &str {
    corpus
        .documents
        .get(doc as usize)
        .and_then(|d| {
            d.quotes
                .get(quote as usize)
                .map(|q| d.text_range(q.start, q.end))
        })
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_round_trip_through_their_names_and_aliases() {
        for facet in Facet::ALL {
            assert_eq!(facet.as_str().parse::<Facet>(), Ok(facet));
        }
        assert_eq!(
            "topics".parse::<Facet>(),
            Err(UnknownFacet("topics".into()))
        );
        assert_eq!(Facet::from_alias("org"), Some(Facet::Organisation));
        assert_eq!(Facet::from_alias("said"), Some(Facet::Speaker));
        assert_eq!(Facet::from_alias("speaker"), None);
        assert!(ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
