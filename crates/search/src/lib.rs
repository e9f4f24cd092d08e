//! Full-text search over a corpus: an index built once at build time and
//! queried on every keystroke, natively or in wasm.
//!
//! Data flows through the files in this order: [`analyzer`] (text → words
//! and terms) → [`index`] (terms → postings, built by
//! [`SearchIndex::build`]) → [`query`] (what the user typed → clauses) →
//! [`typo`] (a query word → the terms it stands for) → [`matcher`] (clauses
//! → scored documents) → [`ranking`] (ordered rules) → [`facets`] (counts
//! and filters) → [`snippet`] (best passages with match ranges).
//!
//! Search units are paragraphs (`Document::blocks`) grouped under their
//! documents: a document matches when all the query's clauses occur
//! somewhere in it (title, source, body, quotes, speakers), and its best
//! paragraphs become its snippets.
//!
//! Usage:
//! ```
//! use corpus_search::{SearchIndex, SearchRequest};
//! let corpus = corpus_model::Corpus::default();
//! let index = SearchIndex::build(&corpus);
//! let request = SearchRequest { query: "visa".into(), limit: 20, ..SearchRequest::default() };
//! let results = index.search(&corpus, &request);
//! assert_eq!(results.total_documents, 0);
//! ```
//!
//! Invariant: `search` and `search_quotes` never panic, whatever the query,
//! the filters or the corpus (an index built from another corpus yields
//! fewer snippets, not a crash).

pub mod analyzer;
pub mod bundle;
mod encoding;
pub mod facets;
mod fields;
#[cfg(test)]
mod fixtures;
mod fuzzy;
mod index;
mod matcher;
mod notice;
mod postings;
mod prefix_clauses;
pub mod query;
pub mod ranking;
mod relax;
#[cfg(test)]
mod seeded;
pub mod snippet;
mod stems;
mod suggest;
mod trie;
pub mod typo;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

pub use facets::{Facet, FacetCounts, FacetValue, UnknownFacet};
pub use fields::Field;
pub use index::{DetailBuilder, SearchIndex};
pub use notice::Notice;
pub use ranking::{Sort, UnknownSort};
pub use suggest::{name_score, Suggestion, SuggestionKind};

use analyzer::Analyzer;
use facets::{FacetIndex, Selection};
use matcher::{Matcher, Target};
use query::{FieldFilter, Item, Query};
use ranking::Candidate;
use snippet::Highlighter;
use typo::Tolerance;

use corpus_model::{BlockKind, Corpus, DocId, Document};

/// How much the proximity of the query words can raise a document's score:
/// words side by side in one paragraph multiply it by `1 + PROXIMITY_WEIGHT`.
const PROXIMITY_WEIGHT: f32 = 0.5;
/// Snippets per hit.
const SNIPPETS_PER_HIT: usize = 3;

/// What to search for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query as typed (see [`query`] for the syntax).
    pub query: String,
    /// Selected facet values: facet name ([`Facet::as_str`] or a
    /// front-matter key) → values (OR within a facet, AND across facets).
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: Sort,
    /// Most hits returned; counts and facets always cover every match.
    pub limit: usize,
}

/// The documents matching a request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The best `limit` documents, best first.
    pub hits: Vec<Hit>,
    /// Documents matching the query and filters.
    pub total_documents: usize,
    /// Paragraphs of those documents containing a query word (every
    /// paragraph of them when the query has no words); unknown until the
    /// index has its detail.
    pub total_paragraphs: Option<usize>,
    /// Facet counts over the matching documents.
    pub facets: Vec<FacetCounts>,
    /// What the engine did with a malformed query, for the user.
    pub notices: Vec<Notice>,
    /// Index terms the query matched, for [`SearchIndex::highlight`].
    pub terms: Vec<String>,
}

/// A matching document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub doc: DocId,
    pub score: f32,
    /// Best first, up to 3.
    pub snippets: Vec<Snippet>,
}

/// A passage of one paragraph with its matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// Index into `Document::blocks`.
    pub block: u32,
    pub text: String,
    /// Byte ranges into `text`, ascending.
    pub matches: Vec<(u32, u32)>,
}

/// Quotes matching a request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteResults {
    pub quotes: Vec<QuoteHit>,
    pub total: usize,
    /// Counts of speaker, kind, year and document over the matching quotes.
    pub facets: Vec<FacetCounts>,
    pub notices: Vec<Notice>,
    pub terms: Vec<String>,
}

/// A matching quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    pub doc: DocId,
    /// Index into `Document::quotes`.
    pub quote: u32,
    pub score: f32,
    /// Byte ranges into the quote text.
    pub matches: Vec<(u32, u32)>,
}

/// A filter from the query (`speaker:hunt`) or the request, on documents or
/// on quotes.
#[derive(Debug, Clone)]
struct Constraint {
    on_quotes: bool,
    selection: Selection,
    negated: bool,
}

/// Whether a filter's facet column is still to come with the contents;
/// if so, says so in `notices`.
fn note_if_arriving(facets: &FacetIndex, column: usize, notices: &mut Vec<Notice>) -> bool {
    let pending = facets.pending(column);
    if pending {
        notices.push(Notice::FacetArriving {
            facet: facets.columns[column].name.clone(),
        });
    }
    pending
}

/// A paragraph that contains query words, for snippets and proximity.
#[derive(Debug, Clone, Copy)]
struct BlockMatch {
    doc: u32,
    block: u32,
    clauses: u32,
    occurrences: u32,
    proximity: f32,
}

impl SearchIndex {
    /// Searches the documents. `corpus` must be the one the index was built
    /// from.
    pub fn search(&self, corpus: &Corpus, request: &SearchRequest) -> SearchResults {
        let analyzer = Analyzer::default();
        let query = query::parse(&request.query, &analyzer, &|f| {
            self.doc_facets().column(f).is_some()
        });
        let mut notices = query.notices.clone();
        let constraints =
            self.query_constraints(corpus, &query.filters, false, &analyzer, &mut notices);
        let (selections, request_constraints) =
            self.request_filters(&request.filters, false, &mut notices);
        let mut matcher = Matcher {
            index: self,
            analyzer: &analyzer,
            target: Target::Documents,
            tolerance: Tolerance::Strict,
            expanded: Vec::new(),
        };
        let excluded = matcher.containing(&query.excluded);
        let accepted = |d: u32| {
            !excluded[d as usize]
                && constraints
                    .iter()
                    .chain(&request_constraints)
                    .all(|c| self.accepts(c, d, d))
        };
        let (clauses, evaluation) = self.evaluate(&mut matcher, &query, request.sort, &accepted);
        let candidates = candidates(&query, &evaluation.mask, &accepted, &mut notices);
        let (facets, passing) = self.doc_facets().count(&candidates, &selections);

        let ranked: Vec<Candidate> = passing
            .iter()
            .map(|&d| Candidate {
                id: d,
                words: evaluation.mask[d as usize].count_ones(),
                cost: u32::from(evaluation.cost[d as usize]),
                relevance: evaluation.score[d as usize],
                date: self.dates[d as usize],
            })
            .collect();
        let rules = ranking::rules(request.sort);
        let (ranked, blocks) = self.rank_by_proximity(
            &matcher,
            &evaluation,
            ranked,
            &rules,
            request.limit,
            clauses.len(),
        );
        let words = word_terms(self, &evaluation);
        let highlighter = Highlighter::new(self, &words, &evaluation.phrases);
        let hits = ranked
            .iter()
            .take(request.limit)
            .map(|c| Hit {
                doc: c.id,
                score: c.relevance,
                snippets: self.snippets(corpus, c.id, &blocks, &highlighter, &analyzer),
            })
            .collect();
        let every = clauses.is_empty();
        let total_paragraphs = (every || self.has_positions()).then(|| {
            (passing.iter())
                .map(|&d| self.matched_blocks_of(d, &evaluation.matched_blocks, every))
                .sum()
        });
        SearchResults {
            hits,
            total_documents: passing.len(),
            total_paragraphs,
            facets,
            notices: query::bounded_notices(notices),
            terms: all_terms(words, &evaluation),
        }
    }

    /// Searches the quotes, ranked by the same query. Filters may name the
    /// quote facets (speaker, kind: direct/partial/reported, year, document)
    /// and any document facet, which then applies to the quote's document.
    pub fn search_quotes(&self, corpus: &Corpus, request: &SearchRequest) -> QuoteResults {
        self.quote_facets
            .get_or_init(|| FacetIndex::for_quotes(corpus));
        let analyzer = Analyzer::default();
        let is_field = |f: &str| {
            self.quote_facets().column(f).is_some() || self.doc_facets().column(f).is_some()
        };
        let query = query::parse(&request.query, &analyzer, &is_field);
        let mut notices = query.notices.clone();
        let constraints =
            self.query_constraints(corpus, &query.filters, true, &analyzer, &mut notices);
        let (selections, request_constraints) =
            self.request_filters(&request.filters, true, &mut notices);
        let mut matcher = Matcher {
            index: self,
            analyzer: &analyzer,
            target: Target::Quotes,
            tolerance: Tolerance::Strict,
            expanded: Vec::new(),
        };
        let excluded = matcher.containing(&query.excluded);
        let accepted = |q: u32| {
            let (doc, _) = self.quote_location(q);
            !excluded[q as usize]
                && constraints
                    .iter()
                    .chain(&request_constraints)
                    .all(|c| self.accepts(c, doc, q))
        };
        let (_, evaluation) = self.evaluate(&mut matcher, &query, request.sort, &accepted);
        let candidates = candidates(&query, &evaluation.mask, &accepted, &mut notices);
        let (facets, passing) = self.quote_facets().count(&candidates, &selections);
        let mut ranked: Vec<Candidate> = passing
            .iter()
            .map(|&q| Candidate {
                id: q,
                words: evaluation.mask[q as usize].count_ones(),
                cost: u32::from(evaluation.cost[q as usize]),
                relevance: evaluation.score[q as usize],
                date: self
                    .dates
                    .get(self.quote_location(q).0 as usize)
                    .copied()
                    .unwrap_or(0),
            })
            .collect();
        ranking::rank(&mut ranked, &ranking::rules(request.sort), request.limit);
        let words = word_terms(self, &evaluation);
        let highlighter = Highlighter::new(self, &words, &evaluation.phrases);
        let quotes = ranked
            .iter()
            .take(request.limit)
            .map(|c| {
                let (doc, quote) = self.quote_location(c.id);
                let text = facets::quote_text(corpus, doc, quote);
                QuoteHit {
                    doc,
                    quote,
                    score: c.relevance,
                    matches: highlighter.ranges(&analyzer, text),
                }
            })
            .collect();
        QuoteResults {
            quotes,
            total: passing.len(),
            facets,
            notices: query::bounded_notices(notices),
            terms: all_terms(words, &evaluation),
        }
    }

    /// Byte ranges of the words of `text` matching `terms` (as given in
    /// [`SearchResults::terms`]); the reader uses it to highlight a whole
    /// document.
    pub fn highlight(&self, text: &str, terms: &[String]) -> Vec<(u32, u32)> {
        let highlighter = Highlighter::new(self, terms, &[]);
        highlighter.ranges(&Analyzer::default(), text)
    }

    /// Evaluates the query's required clauses strictly, and again relaxed
    /// (see [`relax`]) when too few accepted units match them all for
    /// results in the `sort` order: the clauses evaluated and their
    /// evaluation. The words the last searches expanded are read from the
    /// index and this search's kept there.
    fn evaluate(
        &self,
        matcher: &mut Matcher,
        query: &Query,
        sort: Sort,
        accepted: &dyn Fn(u32) -> bool,
    ) -> (Vec<Vec<Item>>, matcher::Evaluation) {
        matcher.expanded = self.last_expansions.take();
        let read = self.read_clauses(matcher, query, sort, accepted);
        self.last_expansions
            .keep(std::mem::take(&mut matcher.expanded));
        read
    }

    /// [`SearchIndex::evaluate`], with the matcher's expanded words as given.
    fn read_clauses(
        &self,
        matcher: &mut Matcher,
        query: &Query,
        sort: Sort,
        accepted: &dyn Fn(u32) -> bool,
    ) -> (Vec<Vec<Item>>, matcher::Evaluation) {
        let clauses: Vec<Vec<Item>> = query
            .required
            .iter()
            .map(|c| c.alternatives.clone())
            .collect();
        matcher.tolerance = Tolerance::Strict;
        let strict = matcher.evaluate(&clauses, Some(accepted));
        let misspelt = clauses.iter().any(|c| self.is_misspelt(c));
        let below = relax::enough(misspelt, sort, strict.mask.len());
        if !relax::too_few(&strict.mask, clauses.len(), below, accepted) {
            return (clauses, strict);
        }
        matcher.tolerance = Tolerance::Relaxed;
        let relaxed = relax::relaxed_clauses(self, matcher.analyzer, &clauses);
        // Most relaxed readings find units with every clause, and then
        // only those count: evaluated as the strict reading is (each clause
        // for the units matching all before it), they cost a fraction of
        // an evaluation of every unit, which is left for when there are none.
        let mut every_clause = matcher.evaluate(&relaxed, Some(accepted));
        if !relax::too_few(
            &every_clause.mask,
            relaxed.len(),
            relax::RELAX_BELOW,
            accepted,
        ) {
            relax::rank_strict_first(&mut every_clause, &strict.mask, clauses.len());
            return (relaxed, every_clause);
        }
        let evaluation = matcher.evaluate(&relaxed, None);
        (relaxed, evaluation)
    }

    /// Whether a clause is one word the corpus does not have, nor begins
    /// when it is the word being typed.
    fn is_misspelt(&self, clause: &[Item]) -> bool {
        match clause {
            [Item::Word { word, prefix }] => {
                !(self.has_word(word) || (*prefix && self.begins_word(word)))
            }
            _ => false,
        }
    }

    /// Whether a document (and, for quote constraints, a quote) passes.
    fn accepts(&self, constraint: &Constraint, doc: u32, quote: u32) -> bool {
        let (facets, unit) = if constraint.on_quotes {
            (self.quote_facets(), quote)
        } else {
            (self.doc_facets(), doc)
        };
        constraint.selection.accepts(facets, unit) != constraint.negated
    }

    /// The column of a facet name: quote facets first when searching
    /// quotes, then document facets.
    fn column(&self, name: &str, quotes: bool) -> Option<(bool, usize)> {
        let on_quotes = if quotes {
            self.quote_facets().column(name).map(|c| (true, c))
        } else {
            None
        };
        on_quotes.or_else(|| self.doc_facets().column(name).map(|c| (false, c)))
    }

    fn facets(&self, on_quotes: bool) -> &FacetIndex {
        if on_quotes {
            self.quote_facets()
        } else {
            self.doc_facets()
        }
    }

    /// The `field:value` filters of the query.
    fn query_constraints(
        &self,
        corpus: &Corpus,
        filters: &[FieldFilter],
        quotes: bool,
        analyzer: &Analyzer,
        notices: &mut Vec<Notice>,
    ) -> Vec<Constraint> {
        let mut out = Vec::new();
        // Other names a facet value answers to: an entity's aliases, a
        // document's title.
        let mut other_names: HashMap<&str, Vec<String>> = HashMap::new();
        if !filters.is_empty() {
            for entity in &corpus.entities {
                other_names
                    .entry(&entity.name)
                    .or_default()
                    .extend(entity.aliases.iter().cloned());
            }
            for doc in &corpus.documents {
                other_names
                    .entry(&doc.file)
                    .or_default()
                    .push(doc.meta.title.clone());
            }
        }
        let aliases = |value: &str| other_names.get(value).cloned().unwrap_or_default();
        for filter in filters {
            let Some((on_quotes, column)) = self.column(&filter.field, quotes) else {
                continue;
            };
            let facets = self.facets(on_quotes);
            let facet = &facets.columns[column];
            let values = facet.matching(analyzer, &filter.value, &aliases);
            if !note_if_arriving(facets, column, notices) && values.is_empty() {
                notices.push(Notice::NoFacetValue {
                    facet: facet.name.clone(),
                    value: filter.value.clone(),
                    negated: filter.negated,
                });
            }
            out.push(Constraint {
                on_quotes,
                selection: Selection { column, values },
                negated: filter.negated,
            });
        }
        out
    }

    /// The request's selected facet values: selections on the searched
    /// units' own facets (counted disjunctively), and constraints on the
    /// document facets of quotes.
    fn request_filters(
        &self,
        filters: &BTreeMap<String, Vec<String>>,
        quotes: bool,
        notices: &mut Vec<Notice>,
    ) -> (Vec<Selection>, Vec<Constraint>) {
        let mut selections = Vec::new();
        let mut constraints = Vec::new();
        for (name, wanted) in filters {
            if wanted.is_empty() {
                continue;
            }
            let Some((on_quotes, column)) = self.column(name, quotes) else {
                notices.push(Notice::UnknownFacet { name: name.clone() });
                continue;
            };
            let facets = self.facets(on_quotes);
            let facet = &facets.columns[column];
            note_if_arriving(facets, column, notices);
            let mut values: Vec<u32> = wanted.iter().filter_map(|v| facet.exact(v)).collect();
            values.sort_unstable();
            values.dedup();
            let selection = Selection { column, values };
            if on_quotes == quotes {
                selections.push(selection);
            } else {
                constraints.push(Constraint {
                    on_quotes,
                    selection,
                    negated: false,
                });
            }
        }
        (selections, constraints)
    }

    /// The best `limit` candidates, ranked with BM25 raised by the
    /// proximity of the `clause_count` clauses' words, and the paragraphs holding query words
    /// of the candidates whose proximity was needed, by document.
    ///
    /// Proximity needs every position of the words, so it is computed only
    /// for the candidates that can still make the first `limit`: ranked by
    /// BM25 alone (a lower bound), the `limit`-th candidate's worst case
    /// bounds from below what a shown candidate must reach, and proximity
    /// raises a relevance at most `1 + PROXIMITY_WEIGHT` times.
    fn rank_by_proximity(
        &self,
        matcher: &Matcher,
        evaluation: &matcher::Evaluation,
        mut ranked: Vec<Candidate>,
        rules: &[Box<dyn ranking::RankingRule>],
        limit: usize,
        clause_count: usize,
    ) -> (Vec<Candidate>, Vec<BlockMatch>) {
        let proximity_counts = clause_count > 1;
        ranking::rank(&mut ranked, rules, limit);
        match ranked.get(limit.wrapping_sub(1)).copied() {
            Some(last) if proximity_counts && ranked.len() > limit => {
                let raised = |c: &Candidate| Candidate {
                    relevance: c.relevance * (1.0 + PROXIMITY_WEIGHT),
                    ..*c
                };
                ranked.retain(|c| ranking::compare(rules, &raised(c), &last).is_le());
            }
            _ => ranked.truncate(limit),
        }
        let wanted: Vec<u32> = ranked.iter().map(|c| c.id).collect();
        let occurrences = matcher.body_occurrences(evaluation, &wanted, proximity_counts);
        let blocks = self.block_matches(occurrences, clause_count);
        if proximity_counts {
            for c in &mut ranked {
                let start = blocks.partition_point(|b| b.doc < c.id);
                let best = blocks[start..]
                    .iter()
                    .take_while(|b| b.doc == c.id)
                    .map(|b| b.proximity)
                    .fold(0f32, f32::max);
                c.relevance *= 1.0 + PROXIMITY_WEIGHT * best;
            }
            ranking::rank(&mut ranked, rules, limit);
            ranked.truncate(limit);
        }
        (ranked, blocks)
    }

    /// The paragraphs of a document holding a match (`every`: all of them).
    fn matched_blocks_of(&self, doc: u32, matched: &[u64], every: bool) -> usize {
        let first = self.doc_first_block.get(doc as usize).copied().unwrap_or(0);
        let end = first + self.blocks_of(doc);
        if every {
            return (end - first) as usize;
        }
        (first..end)
            .filter(|&b| matcher::marked(matched, b))
            .count()
    }

    /// The paragraphs that hold the occurrences, with the clauses they
    /// contain and how close together.
    fn block_matches(&self, mut occurrences: Vec<u64>, clause_count: usize) -> Vec<BlockMatch> {
        if !occurrences.is_sorted() {
            occurrences.sort_unstable();
        }
        let mut out = Vec::new();
        let mut docs = self.doc_cursor(Field::Body);
        for group in occurrences.chunk_by(|a, b| a >> 36 == b >> 36) {
            let (global, _, _) = matcher::unpack(group[0]);
            let doc = docs.doc(global) as usize;
            let clauses = group
                .iter()
                .fold(0u32, |m, &o| m | 1 << matcher::unpack(o).2);
            let proximity = proximity(group, clauses, clause_count);
            out.push(BlockMatch {
                doc: doc as u32,
                block: global - self.doc_first_block[doc],
                clauses,
                occurrences: group.len() as u32,
                proximity,
            });
        }
        out
    }

    /// The best paragraphs of a document as snippets.
    fn snippets(
        &self,
        corpus: &Corpus,
        doc: u32,
        blocks: &[BlockMatch],
        highlighter: &Highlighter,
        analyzer: &Analyzer,
    ) -> Vec<Snippet> {
        let Some(document) = corpus.documents.get(doc as usize) else {
            return Vec::new();
        };
        let start = blocks.partition_point(|b| b.doc < doc);
        let end = blocks.partition_point(|b| b.doc <= doc);
        let mut mine: Vec<BlockMatch> = blocks[start..end].to_vec();
        // Ties go by block, the only field read below, so any sort will do.
        mine.sort_unstable_by(|a, b| {
            b.clauses
                .count_ones()
                .cmp(&a.clauses.count_ones())
                .then(b.proximity.total_cmp(&a.proximity))
                .then(b.occurrences.cmp(&a.occurrences))
                .then(a.block.cmp(&b.block))
        });
        let mut chosen: Vec<u32> = mine
            .iter()
            .take(SNIPPETS_PER_HIT)
            .map(|b| b.block)
            .collect();
        if chosen.is_empty() {
            chosen.extend(lead_block(document));
        }
        chosen
            .into_iter()
            .filter_map(|block| {
                let b = document.blocks.get(block as usize)?;
                let (text, matches) =
                    snippet::snippet(analyzer, document.text_range(b.start, b.end), highlighter);
                Some(Snippet {
                    block,
                    text,
                    matches,
                })
            })
            .collect()
    }
}

/// The block a document's body opens with: its first paragraph that is not
/// its title (a list shows the title already), else its first block.
fn lead_block(document: &Document) -> Option<u32> {
    let title = document.meta.title.trim();
    let blocks = &document.blocks;
    blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph && document.block_text(b).trim() != title)
        .or((!blocks.is_empty()).then_some(0))
        .map(|i| i as u32)
}

/// The texts of the terms the query's words matched.
fn word_terms(index: &SearchIndex, evaluation: &matcher::Evaluation) -> Vec<String> {
    evaluation
        .terms
        .iter()
        .filter_map(|&id| index.term_text(id))
        .collect()
}

/// Every term the query matched, words and phrase words, sorted.
fn all_terms(words: Vec<String>, evaluation: &matcher::Evaluation) -> Vec<String> {
    let mut terms = words;
    terms.extend(evaluation.phrases.iter().flatten().cloned());
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The units passing the query: all clauses matched (or, when none does
/// and there are several clauses, any of them), not excluded, accepted by
/// the filters.
fn candidates(
    query: &Query,
    mask: &[u32],
    accepted: &dyn Fn(u32) -> bool,
    notices: &mut Vec<Notice>,
) -> Vec<u32> {
    let clause_count = query.required.len();
    let all = if clause_count >= 32 {
        u32::MAX
    } else {
        (1u32 << clause_count) - 1
    };
    let units = mask.len() as u32;
    let strict: Vec<u32> = (0..units)
        .filter(|&u| mask[u as usize] & all == all && accepted(u))
        .collect();
    if !strict.is_empty() || clause_count < 2 {
        return strict;
    }
    let partial: Vec<u32> = (0..units)
        .filter(|&u| mask[u as usize] != 0 && accepted(u))
        .collect();
    if !partial.is_empty() {
        notices.push(Notice::PartialMatch);
    }
    partial
}

/// How close together the clauses of a paragraph are, in 0..=1: 1 when all
/// the query's clauses stand side by side, less as words are missing or
/// farther apart. `group` is the paragraph's sorted occurrences.
fn proximity(group: &[u64], clauses: u32, clause_count: usize) -> f32 {
    let present = clauses.count_ones() as usize;
    if present < 2 || clause_count < 2 {
        return 0.0;
    }
    let mut counts = [0u32; 32];
    let mut covered = 0;
    let mut best_span = u32::MAX;
    let mut left = 0;
    for right in 0..group.len() {
        let (_, _, c) = matcher::unpack(group[right]);
        counts[c] += 1;
        if counts[c] == 1 {
            covered += 1;
        }
        while covered == present {
            let (_, first, cl) = matcher::unpack(group[left]);
            let (_, last, _) = matcher::unpack(group[right]);
            best_span = best_span.min(last - first + 1);
            counts[cl] -= 1;
            if counts[cl] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    let gaps = best_span.saturating_sub(present as u32) as f32;
    (present - 1) as f32 / (clause_count - 1) as f32 / (1.0 + gaps)
}
