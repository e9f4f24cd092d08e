//! Builds the search index of a corpus and answers "here is a word or a term,
//! give me its postings".
//!
//! Two finite-state transducers (the `fst` crate) hold the vocabulary:
//! `words` maps every folded surface word to its term id (prefix and typo
//! matching walk this one), `terms` maps every term to its id (exact matching
//! and phrases look up this one). Term ids are the terms' ranks in byte
//! order and index `term_offsets`, which locates each term's record in
//! `postings` (see [`super::postings`] for the layout).
//!
//! Worked example: a corpus whose only text is "Visas, visa!" has the words
//! `visa`, `visas` (both → term 0) and the term `visa` (→ 0); the record of
//! term 0 lists one body entry with positions 0 and 1.
//!
//! Invariant: `term_offsets.len() == number of terms + 1`, the offsets
//! ascend, and every value of either FST is a valid term id.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::analyzer::Analyzer;
use super::facets::{self, FacetIndex};
use super::fields::Field;
use super::postings::{self, Entry, Record};
use corpus_model::{Corpus, Document};

/// The search index of a corpus, built once at build time.
#[derive(Clone, Serialize, Deserialize)]
pub struct SearchIndex {
    #[serde(with = "fst_bytes")]
    pub(super) words: fst::Map<Vec<u8>>,
    #[serde(with = "fst_bytes")]
    pub(super) terms: fst::Map<Vec<u8>>,
    #[serde(with = "prefix_sums")]
    pub(super) term_offsets: Vec<u32>,
    #[serde(with = "plain_bytes")]
    pub(super) postings: Vec<u8>,
    /// Words per unit, per field: `lengths[field][unit]`, where a unit is a
    /// document, a global block number or a global quote number.
    pub(super) lengths: [Vec<u16>; 4],
    pub(super) average_lengths: [f32; 4],
    /// The body positions each quote covers, by global quote number.
    pub(super) quote_spans: Vec<QuoteSpan>,
    pub(super) average_quote_length: f32,
    /// `doc_first_block[d]..doc_first_block[d + 1]` are the global block
    /// numbers of document `d`; likewise for quotes.
    #[serde(with = "prefix_sums")]
    pub(super) doc_first_block: Vec<u32>,
    #[serde(with = "prefix_sums")]
    pub(super) doc_first_quote: Vec<u32>,
    /// Sort key of each document's date (`yyyymmdd`, missing parts 0), 0
    /// when the document has no date.
    pub(super) dates: Vec<u32>,
    pub(super) doc_facets: FacetIndex,
    /// Quote facets, built from the corpus on the first quote search rather
    /// than stored: they would take as much room as the rest of the index.
    #[serde(skip)]
    pub(super) quote_facets: std::sync::OnceLock<FacetIndex>,
}

impl Default for SearchIndex {
    fn default() -> Self {
        Self::build(&Corpus::default())
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("documents", &self.documents())
            .field("words", &self.words.len())
            .field("terms", &self.terms.len())
            .field("postings_bytes", &self.postings.len())
            .finish_non_exhaustive()
    }
}

/// The postings of each term while the index is being built.
#[derive(Default)]
struct TermBuilder {
    doc_freq: u32,
    last_doc: Option<u32>,
    entries: Vec<(Field, Entry)>,
}

impl SearchIndex {
    /// Builds the index over every document of `corpus`.
    pub fn build(corpus: &Corpus) -> Self {
        let analyzer = Analyzer::default();
        let mut term_ids: HashMap<String, u32> = HashMap::new();
        let mut word_terms: HashMap<String, u32> = HashMap::new();
        let mut builders: Vec<TermBuilder> = Vec::new();
        let mut lengths: [Vec<u16>; 4] = Default::default();
        let mut quote_spans = Vec::new();
        let mut doc_first_block = vec![0u32];
        let mut doc_first_quote = vec![0u32];
        for (doc_id, doc) in corpus.documents.iter().enumerate() {
            let doc_id = doc_id as u32;
            let first_block = doc_first_block[doc_id as usize];
            let first_quote = doc_first_quote[doc_id as usize];
            let mut unit = |field: Field, unit: u32, text: &str| {
                let tokens = analyzer.tokens(text);
                if field.length_normalisation() > 0.0 {
                    lengths[field as usize].push(tokens.len().min(u16::MAX as usize) as u16);
                }
                let mut occurrences: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
                for (position, token) in tokens.into_iter().enumerate() {
                    let next_id = term_ids.len() as u32;
                    let term = *term_ids.entry(token.term).or_insert(next_id);
                    if term == next_id {
                        builders.push(TermBuilder::default());
                    }
                    word_terms.entry(token.word).or_insert(term);
                    occurrences.push((term, position as u32));
                }
                occurrences.sort_unstable();
                for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
                    let builder = &mut builders[group[0].0 as usize];
                    if builder.last_doc != Some(doc_id) {
                        builder.last_doc = Some(doc_id);
                        builder.doc_freq += 1;
                    }
                    let positions = group.iter().map(|&(_, p)| p).collect();
                    builder.entries.push((field, Entry { unit, positions }));
                }
            };
            unit(Field::Title, doc_id, &doc.meta.title);
            unit(
                Field::Source,
                doc_id,
                doc.meta.source.as_deref().unwrap_or(""),
            );
            for (i, block) in doc.blocks.iter().enumerate() {
                let number = first_block + i as u32;
                unit(Field::Body, number, text_range(doc, block.start, block.end));
            }
            for (i, quote) in doc.quotes.iter().enumerate() {
                let number = first_quote + i as u32;
                quote_spans.push(QuoteSpan::of(doc, quote.start, quote.end));
                let names = facets::speaker_of(corpus, quote).map(|(name, aliases)| {
                    std::iter::once(name)
                        .chain(aliases)
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                unit(Field::Speaker, number, names.as_deref().unwrap_or(""));
            }
            doc_first_block.push(doc_first_block[doc_id as usize] + doc.blocks.len() as u32);
            doc_first_quote.push(doc_first_quote[doc_id as usize] + doc.quotes.len() as u32);
        }

        let mut sorted_terms: Vec<(String, u32)> = term_ids.into_iter().collect();
        sorted_terms.sort_unstable();
        let mut rank = vec![0u32; sorted_terms.len()];
        let mut term_offsets = Vec::with_capacity(sorted_terms.len() + 1);
        let mut postings_bytes = Vec::new();
        let mut by_field: Vec<(Field, Vec<Entry>)> = Vec::new();
        for (new_id, (_, old_id)) in sorted_terms.iter().enumerate() {
            rank[*old_id as usize] = new_id as u32;
            let builder = std::mem::take(&mut builders[*old_id as usize]);
            by_field.clear();
            for field in Field::ALL {
                let entries: Vec<Entry> = builder
                    .entries
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, e)| e.clone())
                    .collect();
                by_field.push((field, entries));
            }
            term_offsets.push(postings_bytes.len() as u32);
            postings::encode(builder.doc_freq, &by_field, &mut postings_bytes);
        }
        term_offsets.push(postings_bytes.len() as u32);
        let terms = fst::Map::from_iter(
            sorted_terms
                .iter()
                .enumerate()
                .map(|(i, (t, _))| (t.as_str(), i as u64)),
        )
        .expect("terms are sorted and unique");
        let mut sorted_words: Vec<(String, u32)> = word_terms.into_iter().collect();
        sorted_words.sort_unstable();
        let words = fst::Map::from_iter(
            sorted_words
                .iter()
                .map(|(w, old)| (w.as_str(), u64::from(rank[*old as usize]))),
        )
        .expect("words are sorted and unique");

        let average_lengths = std::array::from_fn(|f| {
            let lens = &lengths[f];
            let total: u64 = lens.iter().map(|&l| u64::from(l)).sum();
            if total == 0 {
                1.0
            } else {
                total as f32 / lens.len() as f32
            }
        });
        let dates = corpus
            .documents
            .iter()
            .map(|d| {
                d.meta.date.map_or(0, |date| {
                    let year = date.year.clamp(1, 9999) as u32;
                    year * 10_000
                        + u32::from(date.month.unwrap_or(0)) * 100
                        + u32::from(date.day.unwrap_or(0))
                })
            })
            .collect();
        SearchIndex {
            words,
            terms,
            term_offsets,
            postings: postings_bytes,
            lengths,
            average_lengths,
            average_quote_length: {
                let total: u64 = quote_spans.iter().map(|s| u64::from(s.end - s.start)).sum();
                (total as f32 / quote_spans.len().max(1) as f32).max(1.0)
            },
            quote_spans,
            doc_first_block,
            doc_first_quote,
            dates,
            doc_facets: FacetIndex::for_documents(corpus),
            quote_facets: std::sync::OnceLock::new(),
        }
    }

    /// Size of the serialized index in bytes (what the app embeds).
    pub fn serialized_size(&self) -> usize {
        erased::Sized::bytes(self)
    }

    /// Serialized bytes of each part of the index, largest first, for
    /// benchmarks and diagnostics.
    pub fn size_breakdown(&self) -> Vec<(String, usize)> {
        let size = |value: &dyn erased::Sized| value.bytes();
        let mut per_field = [0usize; 5];
        for term in 0..self.term_offsets.len().saturating_sub(1) {
            for (field, _, entries) in self.record(term as u32).fields() {
                per_field[field as usize] += entries.byte_len();
            }
        }
        let mut parts: Vec<(String, usize)> = Field::ALL
            .iter()
            .map(|f| (format!("postings: {f:?}"), per_field[*f as usize]))
            .collect();
        parts.extend([
            (
                "words fst".to_string(),
                self.words.as_fst().as_bytes().len(),
            ),
            (
                "terms fst".to_string(),
                self.terms.as_fst().as_bytes().len(),
            ),
            (
                "term offsets".to_string(),
                prefix_sums::size(&self.term_offsets),
            ),
            ("unit lengths".to_string(), size(&self.lengths)),
            ("quote spans".to_string(), size(&self.quote_spans)),
            (
                "document and quote starts".to_string(),
                prefix_sums::size(&self.doc_first_block) + prefix_sums::size(&self.doc_first_quote),
            ),
            ("dates".to_string(), size(&self.dates)),
        ]);
        for (kind, facets) in [
            ("document", &self.doc_facets),
            ("quote", self.quote_facets()),
        ] {
            for column in &facets.columns {
                parts.push((format!("{kind} facet: {}", column.name), size(column)));
            }
        }
        parts.sort_by_key(|p| std::cmp::Reverse(p.1));
        parts
    }

    /// The quote facets once a quote search has built them (empty before).
    pub(super) fn quote_facets(&self) -> &FacetIndex {
        static NONE: FacetIndex = FacetIndex {
            columns: Vec::new(),
        };
        self.quote_facets.get().unwrap_or(&NONE)
    }

    /// Number of documents indexed.
    pub fn documents(&self) -> usize {
        self.dates.len()
    }

    /// The id of a term, if the corpus has it.
    pub(super) fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.get(term).map(|id| id as u32)
    }

    /// The postings record of a term id (empty for an unknown id).
    pub(super) fn record(&self, term: u32) -> Record<'_> {
        let start = self.term_offsets.get(term as usize).copied().unwrap_or(0) as usize;
        let end = self
            .term_offsets
            .get(term as usize + 1)
            .copied()
            .unwrap_or(0) as usize;
        Record::new(self.postings.get(start..end).unwrap_or_default())
    }

    /// Number of documents containing a term in any field.
    pub(super) fn doc_freq(&self, term: u32) -> u32 {
        self.record(term).doc_freq
    }

    /// Words in a unit of a field.
    pub(super) fn unit_length(&self, field: Field, unit: u32) -> f32 {
        self.lengths[field as usize]
            .get(unit as usize)
            .copied()
            .unwrap_or(0) as f32
    }

    /// A cursor finding the document of units of `field`.
    pub(super) fn doc_cursor(&self, field: Field) -> DocCursor<'_> {
        let starts = match field {
            Field::Title | Field::Source => None,
            Field::Body => Some(&self.doc_first_block[..]),
            Field::Speaker => Some(&self.doc_first_quote[..]),
        };
        DocCursor { starts, doc: 0 }
    }

    /// The document and quote index of a global quote number.
    pub(super) fn quote_location(&self, quote: u32) -> (u32, u32) {
        let doc = self
            .doc_first_quote
            .partition_point(|&first| first <= quote)
            .saturating_sub(1);
        (doc as u32, quote - self.doc_first_quote[doc])
    }

    /// The quotes of a document whose span lies in its block `block`, with
    /// their global numbers.
    pub(super) fn quotes_in_block(
        &self,
        doc: u32,
        block: u32,
    ) -> impl Iterator<Item = (u32, QuoteSpan)> + '_ {
        let first = self.doc_first_quote.get(doc as usize).copied().unwrap_or(0);
        let end = self
            .doc_first_quote
            .get(doc as usize + 1)
            .copied()
            .unwrap_or(first);
        (first..end).filter_map(move |q| {
            let span = *self.quote_spans.get(q as usize)?;
            (span.block == block).then_some((q, span))
        })
    }

    /// Number of quotes indexed.
    pub(super) fn quotes(&self) -> usize {
        self.doc_first_quote.last().copied().unwrap_or(0) as usize
    }

    /// Number of blocks of a document.
    pub(super) fn blocks_of(&self, doc: u32) -> u32 {
        let first = self.doc_first_block.get(doc as usize).copied().unwrap_or(0);
        self.doc_first_block
            .get(doc as usize + 1)
            .copied()
            .unwrap_or(first)
            - first
    }
}

/// The body words a quote covers: positions `start..end` of block `block`
/// of its document (a quote running over several paragraphs is cut at the
/// end of its first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSpan {
    /// Index into the document's blocks.
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

impl QuoteSpan {
    /// The span of the text range `start..end` of `doc`.
    fn of(doc: &Document, start: u32, end: u32) -> Self {
        let block = doc
            .blocks
            .partition_point(|b| b.start <= start)
            .saturating_sub(1);
        let Some(b) = doc.blocks.get(block) else {
            return QuoteSpan {
                block: 0,
                start: 0,
                end: 0,
            };
        };
        let text = text_range(doc, b.start, b.end);
        let (from, to) = (
            start.saturating_sub(b.start) as usize,
            end.min(b.end).saturating_sub(b.start) as usize,
        );
        let mut span = QuoteSpan {
            block: block as u32,
            start: 0,
            end: 0,
        };
        for (s, e) in super::analyzer::words(text) {
            if e <= from {
                span.start += 1;
            }
            if s < to {
                span.end += 1;
            }
        }
        span.end = span.end.max(span.start);
        span
    }

    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    pub fn contains(&self, position: u32, width: u32) -> bool {
        self.start <= position && position + width <= self.end
    }
}

/// Finds the document of a unit; fastest when units come in ascending
/// order, as they do in postings.
#[derive(Debug, Clone)]
pub(super) struct DocCursor<'a> {
    /// First unit of each document (plus the end), or `None` when units
    /// are documents.
    starts: Option<&'a [u32]>,
    doc: usize,
}

impl DocCursor<'_> {
    /// The document of `unit`.
    pub fn doc(&mut self, unit: u32) -> u32 {
        let Some(starts) = self.starts else {
            return unit;
        };
        let within = |d: usize| {
            starts.get(d).is_some_and(|&s| s <= unit)
                && starts.get(d + 1).is_some_and(|&e| unit < e)
        };
        if !within(self.doc) {
            self.doc = starts.partition_point(|&s| s <= unit).saturating_sub(1);
        }
        self.doc as u32
    }
}

/// The text of a range of a document, empty if the range is invalid.
pub(super) fn text_range(doc: &Document, start: u32, end: u32) -> &str {
    doc.text.get(start as usize..end as usize).unwrap_or("")
}

/// Stores ascending offsets as their differences, which are small numbers
/// and so take one or two bytes each, and adds them up again when read.
pub(super) mod prefix_sums {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    fn gaps(offsets: &[u32]) -> Vec<u32> {
        let mut previous = 0;
        offsets
            .iter()
            .map(|&o| {
                let gap = o.saturating_sub(previous);
                previous = o;
                gap
            })
            .collect()
    }

    pub fn serialize<S: Serializer>(offsets: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        gaps(offsets).serialize(serializer)
    }

    /// Serialized bytes of `offsets`.
    pub fn size(offsets: &[u32]) -> usize {
        postcard::to_allocvec(&gaps(offsets)).map_or(0, |b| b.len())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        let gaps = Vec::<u32>::deserialize(deserializer)?;
        let mut total = 0u32;
        Ok(gaps
            .into_iter()
            .map(|g| {
                total = total.saturating_add(g);
                total
            })
            .collect())
    }
}

/// Serialized size of any part of the index.
mod erased {
    pub trait Sized {
        fn bytes(&self) -> usize;
    }

    impl<T: serde::Serialize> Sized for T {
        fn bytes(&self) -> usize {
            postcard::to_allocvec(self).map_or(0, |b| b.len())
        }
    }
}

/// Serializes byte buffers as one byte string rather than a sequence of
/// numbers, which is several times faster to decode.
mod plain_bytes {
    use serde::de::{Deserializer, Error, SeqAccess, Visitor};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        struct BytesVisitor;
        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(byte) = seq.next_element()? {
                    out.push(byte);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}

/// An FST map stored as its bytes and validated when read back.
mod fst_bytes {
    use serde::de::Error;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        map: &fst::Map<Vec<u8>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(map.as_fst().as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<fst::Map<Vec<u8>>, D::Error> {
        let bytes = super::plain_bytes::deserialize(deserializer)?;
        fst::Map::new(bytes).map_err(|e| D::Error::custom(format!("invalid term dictionary: {e}")))
    }
}
