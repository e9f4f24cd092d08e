//! Builds the search index of a corpus and answers "here is a word or a term,
//! give me its postings".
//!
//! Two finite-state transducers (the `fst` crate) hold the vocabulary:
//! `words` maps every folded surface word to its term id (prefix and typo
//! matching walk this one), `terms` maps every term to its id (exact matching
//! and phrases look up this one). Term ids are the terms' ranks in byte
//! order and index `term_offsets`, which locates each term's record in
//! `postings` (see [`super::postings`] for the layout). Those records count
//! the body by document; the index's *detail* (every position, kept apart:
//! a bundle leaves it out and [`DetailBuilder`] makes it again from the
//! documents) turns them into records counting it by paragraph, which
//! searches read once it is set.
//!
//! Worked example: a corpus whose only text is "Visas, visa!" has the words
//! `visa`, `visas` (both → term 0) and the term `visa` (→ 0); the record of
//! term 0 lists one body entry (document 0, block 0) with positions 0 and 1.
//!
//! Building: each core indexes a run of consecutive documents on its own
//! (stemming each surface word once, when first seen); the runs' term
//! tables are then joined in document order, and the terms' postings
//! encoded, again a run of terms per core. The result does not depend on
//! the number of cores.
//!
//! Invariant: `term_offsets.len() == number of terms + 1`, the offsets
//! ascend, and every value of either FST is a valid term id.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::analyzer::Analyzer;
use super::encoding::{erased, fst_bytes, plain_bytes, prefix_sums};
use super::facets::{self, FacetIndex};
use super::fields::Field;
use super::matcher::LastExpansions;
use super::postings::{self, BlockMap, DetailReader, Encoded, Entries, Reader, Record, Skip};
use super::prefix_clauses::PrefixClauses;
use super::stems::StemClasses;
use super::trie::ReversedWords;
use super::typo::ShortPrefixes;
use corpus_model::cores::{map_on_every_core, runs_of_equal_weight};
use corpus_model::{Corpus, Document};
use corpus_text::language::{self, Language};

/// The facets of an index that has none yet.
static NO_FACETS: FacetIndex = FacetIndex {
    columns: Vec::new(),
    contents_pending: false,
};

/// Bytes of a document read to tell its language.
const LANGUAGE_SAMPLE_BYTES: usize = 4096;

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
    /// Every position, and the records they yield (see [`Detail`]):
    /// serialized apart (the bundle sends them after the rest of the
    /// index), so an index can answer before they are set.
    #[serde(skip)]
    detail: std::sync::OnceLock<Detail>,
    /// The detail of an index built here, as the bundle carries it: it
    /// makes its [`Detail`] of it when first searched, so that writing a
    /// bundle does not.
    #[serde(skip)]
    built_detail: Option<DetailFrame>,
    /// Words per unit, per field: `lengths[field][unit]`, where a unit is a
    /// document, a global block number or a global quote number.
    pub(super) lengths: [Vec<u32>; 4],
    pub(super) average_lengths: [f32; 4],
    /// `doc_first_block[d]..doc_first_block[d + 1]` are the global block
    /// numbers of document `d`; likewise for quotes.
    #[serde(with = "prefix_sums")]
    pub(super) doc_first_block: Vec<u32>,
    #[serde(with = "prefix_sums")]
    pub(super) doc_first_quote: Vec<u32>,
    /// Sort key of each document's date (`yyyymmdd`, missing parts 0), 0
    /// when the document has no date.
    pub(super) dates: Vec<u32>,
    /// Document facets of the whole corpus, built where the index is
    /// opened (see [`SearchIndex::set_document_facets`]), not stored.
    #[serde(skip)]
    doc_facets: std::sync::OnceLock<FacetIndex>,
    /// Document facets of the cards alone, while the contents arrive.
    #[serde(skip)]
    catalogue_facets: std::sync::OnceLock<FacetIndex>,
    /// Words of other languages than English that their own stemmer
    /// conflates (see [`super::stems`]).
    pub(super) stem_classes: StemClasses,
    /// Quote facets, built from the corpus on the first quote search rather
    /// than stored: they would take as much room as the rest of the index.
    #[serde(skip)]
    pub(super) quote_facets: std::sync::OnceLock<FacetIndex>,
    /// The document of each global block (see [`SearchIndex::doc_cursor`]).
    #[serde(skip)]
    block_docs: std::sync::OnceLock<Vec<u32>>,
    /// Body words per document and their mean, made on first use: the
    /// body's units are documents until the detail is set.
    #[serde(skip)]
    doc_body_lengths: std::sync::OnceLock<(Vec<u32>, f32)>,
    /// The expansions of words of one or two letters being typed, kept
    /// once computed.
    #[serde(skip)]
    pub(super) short_prefixes: ShortPrefixes,
    /// The matches of those words, kept once computed.
    #[serde(skip)]
    pub(super) prefix_clauses: PrefixClauses,
    /// The words the last searches expanded.
    #[serde(skip)]
    pub(super) last_expansions: LastExpansions,
    /// `words` with every word's bytes reversed, made on the first search
    /// that reads a word from its end (see [`super::typo`]).
    #[serde(skip)]
    reversed_words: std::sync::OnceLock<ReversedWords>,
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
            .field(
                "detail_bytes",
                &self.detail.get().map(|d| d.positions.len()),
            )
            .finish_non_exhaustive()
    }
}

/// The index's detail as the bundle carries it, in a frame after the rest:
/// what a first answer does without.
#[derive(Clone, Default, Serialize, Deserialize)]
struct DetailFrame {
    /// Every term's positions (see [`super::postings`]).
    #[serde(with = "plain_bytes")]
    positions: Vec<u8>,
    /// The body positions each quote covers, by global quote number.
    quote_spans: Vec<QuoteSpan>,
    /// Every term's speakers' field (see [`Encoded`]).
    #[serde(with = "plain_bytes")]
    speakers: Vec<u8>,
}

/// What the detail adds to an index: the records and positions it yields,
/// listing the body by paragraph (see [`super::postings`]), and the quotes'
/// spans.
#[derive(Clone)]
struct Detail {
    postings: Vec<u8>,
    term_offsets: Vec<u32>,
    positions: Vec<u8>,
    position_offsets: Vec<u32>,
    /// The skips of each term's body list: term `t`'s are
    /// `skips[skip_offsets[t]..skip_offsets[t + 1]]`.
    skips: Vec<Skip>,
    skip_offsets: Vec<u32>,
    quote_spans: Vec<QuoteSpan>,
    average_quote_length: f32,
}

impl Detail {
    /// An empty detail of `index` to add its terms to, in order, its
    /// buffers reserved for about what they will hold (made before a
    /// browser's transient buffers, they are not left between them).
    fn reserved_for(index: &SearchIndex) -> Self {
        let terms = index.term_offsets.len();
        let words: usize = index.lengths.iter().flatten().map(|&n| n as usize).sum();
        Detail {
            postings: Vec::with_capacity(index.postings.len() * 2),
            term_offsets: Vec::with_capacity(terms),
            positions: Vec::with_capacity(words + words / 8),
            position_offsets: Vec::with_capacity(terms),
            skips: Vec::new(),
            skip_offsets: Vec::with_capacity(terms),
            quote_spans: Vec::new(),
            average_quote_length: 1.0,
        }
    }

    /// Adds the next term's record listing the body by paragraph, made of
    /// its stored record and its positions and speakers in `stored`.
    fn push_term(
        &mut self,
        term: u32,
        stored_record: &[u8],
        stored: &mut DetailReader,
        blocks: BlockMap,
    ) -> Result<(), String> {
        let (record_start, positions_start) = (self.postings.len(), self.positions.len());
        self.term_offsets.push(record_start as u32);
        self.position_offsets.push(positions_start as u32);
        self.skip_offsets.push(self.skips.len() as u32);
        postings::with_paragraphs(
            stored_record,
            stored,
            blocks,
            &mut self.postings,
            &mut self.positions,
        )
        .ok_or_else(|| format!("the positions of term {term} do not fit its record"))?;
        postings::skips_of(
            &self.postings[record_start..],
            &self.positions[positions_start..],
            &mut self.skips,
        );
        Ok(())
    }

    /// The detail once every term of `index` is in, with its quotes'
    /// spans (one per quote of the index).
    fn finished(
        mut self,
        index: &SearchIndex,
        quote_spans: Vec<QuoteSpan>,
    ) -> Result<Self, String> {
        if quote_spans.len() != index.quotes() {
            return Err(format!(
                "{} quote spans for an index of {} quotes",
                quote_spans.len(),
                index.quotes()
            ));
        }
        self.term_offsets.push(self.postings.len() as u32);
        self.position_offsets.push(self.positions.len() as u32);
        self.skip_offsets.push(self.skips.len() as u32);
        self.postings.shrink_to_fit();
        self.positions.shrink_to_fit();
        self.skips.shrink_to_fit();
        self.average_quote_length = average_quote_length(&quote_spans);
        self.quote_spans = quote_spans;
        Ok(self)
    }
}

/// The postings of each term while the index is being built: its entries
/// per field, each sorted by unit. Most terms are in the body alone, so the
/// other fields' lists are allocated for the terms that have any (a
/// browser making the detail holds one of these per term).
#[derive(Default)]
struct TermBuilder {
    doc_freq: u32,
    last_doc: Option<u32>,
    body: Entries,
    /// Title, source and speaker entries.
    others: Option<Box<[Entries; 3]>>,
}

impl TermBuilder {
    /// About how much encoding this term's postings costs.
    fn weight(&self) -> usize {
        1 + self.fields().iter().map(|(_, e)| e.len()).sum::<usize>()
    }

    /// The entries of `field`, to add to.
    fn entries_mut(&mut self, field: Field) -> &mut Entries {
        if field == Field::Body {
            return &mut self.body;
        }
        let [title, source, speaker] = &mut **self.others.get_or_insert_default();
        match field {
            Field::Title => title,
            Field::Source => source,
            _ => speaker,
        }
    }

    /// Every field's entries, in [`Field::ALL`]'s order.
    fn fields(&self) -> [(Field, &Entries); 4] {
        static NONE: [Entries; 3] = [Entries::EMPTY, Entries::EMPTY, Entries::EMPTY];
        let [title, source, speaker] = self.others.as_deref().unwrap_or(&NONE);
        [
            (Field::Title, title),
            (Field::Source, source),
            (Field::Body, &self.body),
            (Field::Speaker, speaker),
        ]
    }

    /// Adds the entries of `later`, which all come after these.
    fn append(&mut self, later: TermBuilder) {
        self.doc_freq += later.doc_freq;
        self.last_doc = later.last_doc.or(self.last_doc);
        self.body.append(later.body);
        if let Some(others) = later.others {
            let mine = self.others.get_or_insert_default();
            for (mine, theirs) in mine.iter_mut().zip(*others) {
                mine.append(theirs);
            }
        }
    }
}

/// A document's words as the index reads them: the folded surface words
/// of its title, source, each paragraph and each quote's speaker names,
/// and its quotes' spans.
struct AnalysedDocument {
    title: Vec<String>,
    source: Vec<String>,
    blocks: Vec<Vec<String>>,
    quote_spans: Vec<QuoteSpan>,
    speakers: Vec<Vec<String>>,
}

impl AnalysedDocument {
    fn of(analyzer: &Analyzer, corpus: &Corpus, doc: &Document) -> Self {
        let speaker_names = |quote| {
            facets::speaker_of(corpus, quote).map(|(name, aliases)| {
                std::iter::once(name)
                    .chain(aliases)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        AnalysedDocument {
            title: analyzer.surface_words(&doc.meta.title),
            source: analyzer.surface_words(doc.meta.source.as_deref().unwrap_or("")),
            blocks: doc
                .blocks
                .iter()
                .map(|b| analyzer.surface_words(doc.text_range(b.start, b.end)))
                .collect(),
            quote_spans: QuoteSpan::all_of(doc),
            speakers: doc
                .quotes
                .iter()
                .map(|q| analyzer.surface_words(speaker_names(q).as_deref().unwrap_or("")))
                .collect(),
        }
    }
}

/// The index of a run of documents while they are being added to it,
/// terms numbered in the order they are first seen. Each core builds the
/// index of its own run; the runs are then joined in order ([`IndexBuilder::absorb`]).
/// Rebuilding a detail ([`DetailBuilder`]), it numbers terms as the index
/// does instead, by its words FST.
#[derive(Default)]
struct IndexBuilder<'v> {
    /// The id of the run's first document.
    first_doc: u32,
    term_ids: FxHashMap<String, u32>,
    word_terms: FxHashMap<String, u32>,
    builders: Vec<TermBuilder>,
    /// The language of the document being added, when not English.
    language: Option<Language>,
    /// The languages other than English each surface word occurs in.
    word_languages: FxHashMap<String, Vec<Language>>,
    lengths: [Vec<u32>; 4],
    quote_spans: Vec<QuoteSpan>,
    doc_first_block: Vec<u32>,
    doc_first_quote: Vec<u32>,
    /// The words FST of the index whose detail is being rebuilt: a surface
    /// word's term is looked up there, not stemmed.
    known_words: Option<&'v fst::Map<Vec<u8>>>,
    /// Surface words `known_words` lacks: the documents do not fit the index.
    unknown_words: usize,
    /// The id of the term `builders[0]` holds: with known words, a builder
    /// may hold a run of the terms alone, and passes over the others.
    first_term: u32,
}

/// The encoded postings of a run of terms, offsets from the run's start.
#[derive(Default)]
struct EncodedRun {
    term_offsets: Vec<u32>,
    encoded: Encoded,
}

impl EncodedRun {
    fn of(terms: &[TermBuilder], blocks: BlockMap) -> Self {
        let mut run = EncodedRun::default();
        for term in terms {
            run.term_offsets.push(run.encoded.records.len() as u32);
            postings::encode(term.doc_freq, &term.fields(), blocks, &mut run.encoded);
        }
        run
    }
}

/// The vocabulary and postings of a finished build.
struct Postings {
    words: fst::Map<Vec<u8>>,
    terms: fst::Map<Vec<u8>>,
    term_offsets: Vec<u32>,
    encoded: Encoded,
}

impl<'v> IndexBuilder<'v> {
    /// An empty index of the documents of `docs` from `first_doc` on.
    fn starting_at(docs: &[Document], first_doc: usize) -> Self {
        let before = &docs[..first_doc.min(docs.len())];
        let blocks: usize = before.iter().map(|d| d.blocks.len()).sum();
        let quotes: usize = before.iter().map(|d| d.quotes.len()).sum();
        IndexBuilder {
            first_doc: first_doc as u32,
            doc_first_block: vec![blocks as u32],
            doc_first_quote: vec![quotes as u32],
            ..IndexBuilder::default()
        }
    }

    /// Appends the index of the run of documents that follows this one's.
    fn absorb(&mut self, later: IndexBuilder) {
        let mut here = vec![0u32; later.builders.len()];
        for (term, theirs) in later.term_ids {
            let next_id = self.term_ids.len() as u32;
            let id = *self.term_ids.entry(term).or_insert(next_id);
            if id == next_id {
                self.builders.push(TermBuilder::default());
            }
            here[theirs as usize] = id;
        }
        for (theirs, postings) in later.builders.into_iter().enumerate() {
            self.builders[here[theirs] as usize].append(postings);
        }
        for (word, theirs) in later.word_terms {
            self.word_terms.entry(word).or_insert(here[theirs as usize]);
        }
        for (word, languages) in later.word_languages {
            let mine = self.word_languages.entry(word).or_default();
            for language in languages {
                if !mine.contains(&language) {
                    mine.push(language);
                }
            }
        }
        for (mine, theirs) in self.lengths.iter_mut().zip(later.lengths) {
            mine.extend(theirs);
        }
        self.quote_spans.extend(later.quote_spans);
        self.doc_first_block.extend(&later.doc_first_block[1..]);
        self.doc_first_quote.extend(&later.doc_first_quote[1..]);
    }

    /// Adds a document's title, source, paragraphs and quote speakers, as
    /// [`AnalysedDocument::of`] reads them, in `language` when it is not
    /// English (for the stem classes; a rebuilt detail needs none, and
    /// the browser's code then holds no language lists).
    fn add_document(
        &mut self,
        analyzer: &Analyzer,
        corpus: &Corpus,
        doc_id: u32,
        language: Option<Language>,
    ) {
        let doc = &corpus.documents[doc_id as usize];
        let words = AnalysedDocument::of(analyzer, corpus, doc);
        let nth = (doc_id - self.first_doc) as usize;
        let (first_block, first_quote) = (self.doc_first_block[nth], self.doc_first_quote[nth]);
        self.language = language;
        let units = [
            (Field::Title, doc_id, words.title),
            (Field::Source, doc_id, words.source),
        ]
        .into_iter()
        .chain((words.blocks.into_iter().zip(first_block..)).map(|(w, u)| (Field::Body, u, w)))
        .chain(
            (words.speakers.into_iter().zip(first_quote..)).map(|(w, u)| (Field::Speaker, u, w)),
        );
        for (field, unit, words) in units {
            self.add_unit(analyzer, field, doc_id, unit, words);
        }
        self.quote_spans.extend(words.quote_spans);
        self.doc_first_block
            .push(first_block + doc.blocks.len() as u32);
        self.doc_first_quote
            .push(first_quote + doc.quotes.len() as u32);
    }

    /// An empty index of every document of `index`, numbering terms as
    /// it does, holding the terms `terms` alone.
    fn of_known_words(index: &'v SearchIndex, terms: Range<u32>) -> Self {
        IndexBuilder {
            builders: terms.clone().map(|_| TermBuilder::default()).collect(),
            doc_first_block: vec![0],
            doc_first_quote: vec![0],
            known_words: Some(&index.words),
            first_term: terms.start,
            ..IndexBuilder::default()
        }
    }

    /// The term id of a folded surface word: each word is stemmed once,
    /// when first seen, or looked up in the known words (holding no table
    /// of its own: the browser making a detail has the FST already);
    /// `None` for a word the known words lack.
    fn word_term(&mut self, analyzer: &Analyzer, word: &str) -> Option<u32> {
        if let Some(words) = self.known_words {
            return words.get(word).map(|term| term as u32);
        }
        if let Some(&term) = self.word_terms.get(word) {
            return Some(term);
        }
        let next_id = self.term_ids.len() as u32;
        let term = *self.term_ids.entry(analyzer.term(word)).or_insert(next_id);
        if term == next_id {
            self.builders.push(TermBuilder::default());
        }
        self.word_terms.insert(word.to_owned(), term);
        Some(term)
    }

    /// Adds the (folded surface) words of one unit of a field of document
    /// `doc_id`.
    fn add_unit(
        &mut self,
        analyzer: &Analyzer,
        field: Field,
        doc_id: u32,
        unit: u32,
        words: Vec<String>,
    ) {
        if field.length_normalisation() > 0.0 {
            self.lengths[field as usize].push(words.len() as u32);
        }
        let mut occurrences: Vec<(u32, u32)> = Vec::with_capacity(words.len());
        for (position, word) in words.into_iter().enumerate() {
            match self.word_term(analyzer, &word) {
                Some(term) => {
                    let held = term.checked_sub(self.first_term);
                    if let Some(held) = held.filter(|&t| (t as usize) < self.builders.len()) {
                        occurrences.push((held, position as u32));
                    }
                }
                None => self.unknown_words += 1,
            }
            if let Some(language) = self.language {
                let languages = self.word_languages.entry(word).or_default();
                if !languages.contains(&language) {
                    languages.push(language);
                }
            }
        }
        occurrences.sort_unstable();
        for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
            let builder = &mut self.builders[group[0].0 as usize];
            if builder.last_doc != Some(doc_id) {
                builder.last_doc = Some(doc_id);
                builder.doc_freq += 1;
            }
            let positions = group.iter().map(|&(_, p)| p);
            builder.entries_mut(field).push(unit, positions);
        }
    }

    /// Renumbers the terms in byte order, encodes their postings (runs of
    /// terms on every core) and builds the two FSTs.
    fn postings(
        term_ids: FxHashMap<String, u32>,
        word_terms: FxHashMap<String, u32>,
        builders: Vec<TermBuilder>,
        blocks: BlockMap,
    ) -> Postings {
        let mut sorted_terms: Vec<(String, u32)> = term_ids.into_iter().collect();
        sorted_terms.sort_unstable();
        let mut rank = vec![0u32; sorted_terms.len()];
        let mut builders: Vec<Option<TermBuilder>> = builders.into_iter().map(Some).collect();
        let mut ordered = Vec::with_capacity(sorted_terms.len());
        for (new_id, (_, old_id)) in sorted_terms.iter().enumerate() {
            rank[*old_id as usize] = new_id as u32;
            ordered.push(builders[*old_id as usize].take().unwrap_or_default());
        }
        let runs = runs_of_equal_weight(&ordered, TermBuilder::weight);
        let runs = map_on_every_core(&runs, |run| EncodedRun::of(&ordered[run.clone()], blocks));
        let mut term_offsets = Vec::with_capacity(sorted_terms.len() + 1);
        let mut encoded = Encoded::default();
        for run in runs {
            let base = encoded.records.len() as u32;
            term_offsets.extend(run.term_offsets.iter().map(|o| o + base));
            encoded.records.extend(run.encoded.records);
            encoded.positions.extend(run.encoded.positions);
            encoded.speakers.extend(run.encoded.speakers);
        }
        term_offsets.push(encoded.records.len() as u32);
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
        Postings {
            words,
            terms,
            term_offsets,
            encoded,
        }
    }

    /// The finished index of `corpus`, whose documents were all added.
    fn finish(self, corpus: &Corpus) -> SearchIndex {
        let block_docs = docs_of_blocks(&self.doc_first_block);
        let block_starts = block_starts(&self.doc_first_block, &self.lengths);
        let blocks = BlockMap {
            block_docs: &block_docs,
            doc_first_block: &self.doc_first_block,
            block_starts: &block_starts,
        };
        let postings = Self::postings(self.term_ids, self.word_terms, self.builders, blocks);
        let stem_classes = StemClasses::build(self.word_languages.iter().filter_map(|(w, l)| {
            let term = postings.words.get(w)? as u32;
            Some((w.as_str(), term, l.as_slice()))
        }));
        let Encoded {
            records,
            positions,
            speakers,
        } = postings.encoded;
        SearchIndex {
            stem_classes,
            words: postings.words,
            terms: postings.terms,
            term_offsets: postings.term_offsets,
            postings: records,
            detail: std::sync::OnceLock::new(),
            built_detail: Some(DetailFrame {
                positions,
                quote_spans: self.quote_spans,
                speakers,
            }),
            average_lengths: average_lengths(&self.lengths),
            lengths: self.lengths,
            doc_first_block: self.doc_first_block,
            doc_first_quote: self.doc_first_quote,
            dates: corpus.documents.iter().map(date_key).collect(),
            doc_facets: FacetIndex::for_documents(corpus).into(),
            catalogue_facets: std::sync::OnceLock::new(),
            quote_facets: std::sync::OnceLock::new(),
            block_docs: block_docs.into(),
            doc_body_lengths: std::sync::OnceLock::new(),
            short_prefixes: ShortPrefixes::default(),
            prefix_clauses: PrefixClauses::default(),
            last_expansions: LastExpansions::default(),
            reversed_words: std::sync::OnceLock::new(),
        }
    }
}

/// The language of a document, told by the start of its text or else by
/// its title, when not English.
fn language_of(doc: &Document) -> Option<Language> {
    let mut sample_end = doc.text.len().min(LANGUAGE_SAMPLE_BYTES);
    while !doc.text.is_char_boundary(sample_end) {
        sample_end -= 1;
    }
    language::detect(&doc.text[..sample_end])
        .or_else(|| language::detect(&doc.meta.title))
        .filter(|&l| l != Language::English)
}

/// An index whose stored records take more bytes than this has its detail
/// made in [`LARGE_INDEX_READINGS`] readings of the documents, each holding
/// the occurrence lists of its share of the terms: for Reuters-21578 (2.2
/// MB of records) the page's memory once loaded, which never shrinks back,
/// falls from 94.8 to 90.2 MB, for about a second more of reading.
const ONE_READING_RECORD_BYTES: usize = 1 << 20;
const LARGE_INDEX_READINGS: usize = 2;

/// Rebuilds the detail of an index read from a bundle, which does not
/// carry it: the positions are the documents' words, which the contents
/// bring anyway, so the detail is made again from them, a document at a
/// time (the app pauses between slices), as [`SearchIndex::build`] made it,
/// but reading each word's term from the index's words FST instead of
/// stemming it. The result is checked against the index: its records
/// made again must be the stored ones, byte for byte.
pub struct DetailBuilder<'a> {
    index: &'a SearchIndex,
    corpus: &'a Corpus,
    analyzer: Analyzer,
    /// The detail being made, reserved first.
    detail: Detail,
    /// The terms each reading of the documents makes, in order.
    readings: Vec<Range<u32>>,
    reading: usize,
    builder: IndexBuilder<'a>,
    next_doc: u32,
    /// The quotes' spans, from the first reading.
    quote_spans: Option<Vec<QuoteSpan>>,
    /// Why the documents do not fit the index, once found.
    misfit: Option<String>,
}

impl<'a> DetailBuilder<'a> {
    /// A rebuild of `index`'s detail from `corpus`, the whole corpus the
    /// index was built from.
    pub fn new(index: &'a SearchIndex, corpus: &'a Corpus) -> Self {
        let readings = match index.postings.len() > ONE_READING_RECORD_BYTES {
            true => LARGE_INDEX_READINGS,
            false => 1,
        };
        Self::in_readings(index, corpus, readings)
    }

    /// A rebuild reading the documents `count` times (at least once), each
    /// time for the terms of about an equal share of the stored records.
    fn in_readings(index: &'a SearchIndex, corpus: &'a Corpus, count: usize) -> Self {
        let count = count.max(1);
        let terms = index.term_offsets.len().saturating_sub(1) as u32;
        let records = index.postings.len();
        let bounds: Vec<u32> = (0..=count)
            .map(|k| match k == count {
                true => terms,
                false => {
                    let share = records * k / count;
                    let first = (index.term_offsets).partition_point(|&o| (o as usize) < share);
                    (first as u32).min(terms)
                }
            })
            .collect();
        let readings: Vec<Range<u32>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
        let misfit = if index.has_positions() {
            Some("the index has its detail already".to_string())
        } else if corpus.documents.len() != index.documents() {
            Some(format!(
                "{} documents for an index of {}",
                corpus.documents.len(),
                index.documents()
            ))
        } else {
            None
        };
        DetailBuilder {
            index,
            corpus,
            analyzer: Analyzer::default(),
            detail: Detail::reserved_for(index),
            builder: IndexBuilder::of_known_words(index, readings[0].clone()),
            readings,
            reading: 0,
            next_doc: 0,
            quote_spans: None,
            misfit,
        }
    }

    /// Reads the next document's words (or starts the next reading);
    /// `false` once every reading is done or the documents do not fit.
    pub fn add_next(&mut self) -> bool {
        if self.misfit.is_some() {
            return false;
        }
        if (self.next_doc as usize) < self.corpus.documents.len() {
            (self.builder).add_document(&self.analyzer, self.corpus, self.next_doc, None);
            self.next_doc += 1;
            return true;
        }
        let Some(next) = self.readings.get(self.reading + 1).cloned() else {
            return false;
        };
        self.end_reading();
        self.reading += 1;
        self.builder = IndexBuilder::of_known_words(self.index, next);
        self.next_doc = 0;
        self.misfit.is_none()
    }

    /// Makes the records of the reading's terms, one after the other, each
    /// checked against the stored one and joined with its paragraphs, its
    /// occurrence lists then let go.
    fn end_reading(&mut self) {
        let IndexBuilder {
            builders,
            lengths,
            quote_spans,
            unknown_words,
            first_term,
            ..
        } = std::mem::take(&mut self.builder);
        let index = self.index;
        if unknown_words > 0 || lengths != index.lengths {
            self.misfit = Some(format!(
                "the documents' words are not the index's ({unknown_words} unknown)"
            ));
            return;
        }
        self.quote_spans.get_or_insert(quote_spans);
        let detail = &mut self.detail;
        let mut encoded = Encoded::default();
        let made = index.with_block_map(|blocks| {
            for (built, term) in builders.into_iter().zip(first_term..) {
                postings::encode(built.doc_freq, &built.fields(), blocks, &mut encoded);
                drop(built);
                let stored_record = index.stored_record(term);
                if encoded.records != stored_record {
                    return Err("the documents' words are not the index's records".to_string());
                }
                let mut stored = DetailReader {
                    positions: Reader::new(&encoded.positions),
                    speakers: Reader::new(&encoded.speakers),
                };
                detail.push_term(term, stored_record, &mut stored, blocks)?;
                encoded.clear();
            }
            Ok(())
        });
        self.misfit = made.err();
    }

    /// Reads every document left and gives the index its detail. Fails,
    /// leaving the index as it was, when the documents do not fit it.
    pub fn finish(mut self) -> Result<(), String> {
        while self.add_next() {}
        if self.misfit.is_none() {
            self.end_reading();
        }
        if let Some(misfit) = self.misfit {
            return Err(misfit);
        }
        let index = self.index;
        let detail = self
            .detail
            .finished(index, self.quote_spans.unwrap_or_default())?;
        (index.detail)
            .set(detail)
            .map_err(|_| "the index has its detail already".to_string())
    }
}

/// The bytes of term `term` in `bytes`, which `offsets` divide term by
/// term (empty for an unknown term).
fn term_bytes<'a>(bytes: &'a [u8], offsets: &[u32], term: u32) -> &'a [u8] {
    let at = |t: u32| offsets.get(t as usize).map(|&o| o as usize);
    (at(term).zip(at(term + 1)))
        .and_then(|(start, end)| bytes.get(start..end))
        .unwrap_or_default()
}

/// Where each global block starts, in words from the start of its
/// document's body.
fn block_starts(doc_first_block: &[u32], lengths: &[Vec<u32>; 4]) -> Vec<u32> {
    let blocks = &lengths[Field::Body as usize];
    let mut starts = Vec::with_capacity(blocks.len());
    for pair in doc_first_block.windows(2) {
        let mut start = 0u32;
        for block in pair[0]..pair[1] {
            starts.push(start);
            start = start.saturating_add(blocks.get(block as usize).copied().unwrap_or(0));
        }
    }
    starts
}

/// The document of each global block, from the first block of each
/// document.
fn docs_of_blocks(doc_first_block: &[u32]) -> Vec<u32> {
    let mut docs = Vec::with_capacity(doc_first_block.last().copied().unwrap_or(0) as usize);
    for (doc, pair) in doc_first_block.windows(2).enumerate() {
        docs.extend(std::iter::repeat_n(
            doc as u32,
            (pair[1] - pair[0]) as usize,
        ));
    }
    docs
}

/// The mean length of the units of each field (1 for a field with no words).
fn average_lengths(lengths: &[Vec<u32>; 4]) -> [f32; 4] {
    std::array::from_fn(|f| {
        let lens = &lengths[f];
        let total: u64 = lens.iter().map(|&l| u64::from(l)).sum();
        if total == 0 {
            1.0
        } else {
            total as f32 / lens.len() as f32
        }
    })
}

/// The mean number of words a quote covers, at least 1.
fn average_quote_length(spans: &[QuoteSpan]) -> f32 {
    let total: u64 = spans.iter().map(|s| u64::from(s.words)).sum();
    (total as f32 / spans.len().max(1) as f32).max(1.0)
}

/// The sort key of a document's date: `yyyymmdd`, missing parts 0, and 0
/// for an undated document.
fn date_key(doc: &Document) -> u32 {
    doc.meta.date.map_or(0, |date| {
        let year = date.year.clamp(1, 9999) as u32;
        year * 10_000 + u32::from(date.month.unwrap_or(0)) * 100 + u32::from(date.day.unwrap_or(0))
    })
}

impl SearchIndex {
    /// Builds the index over every document of `corpus`: each core reads
    /// and indexes a run of documents of about the same length, and the
    /// runs' indexes are joined in order.
    pub fn build(corpus: &Corpus) -> Self {
        let analyzer = Analyzer::default();
        let docs = &corpus.documents;
        let runs = runs_of_equal_weight(docs, |doc| doc.text.len() + 1);
        let built = map_on_every_core(&runs, |run| {
            let mut builder = IndexBuilder::starting_at(docs, run.start);
            for id in run.clone() {
                let doc = &corpus.documents[id];
                builder.add_document(&analyzer, corpus, id as u32, language_of(doc));
            }
            builder
        });
        let mut built = built.into_iter();
        let mut builder = built
            .next()
            .unwrap_or_else(|| IndexBuilder::starting_at(docs, 0));
        for later in built {
            builder.absorb(later);
        }
        builder.finish(corpus)
    }

    /// Size of the serialized index in bytes (what the app embeds).
    pub fn serialized_size(&self) -> usize {
        erased::Encoded::encoded(self).len()
    }

    /// The serialized bytes of each part of the index, largest first, for
    /// benchmarks and diagnostics (the postings of a field: its entries,
    /// term after term); the parts of the detail, which a bundle does not
    /// send, are marked so.
    pub fn size_breakdown(&self) -> Vec<(String, Vec<u8>)> {
        let encoded = |value: &dyn erased::Encoded| value.encoded();
        let mut per_field: [Vec<u8>; 4] = Default::default();
        for term in 0..self.term_offsets.len().saturating_sub(1) {
            for (field, _, entries) in Record::stored(self.stored_record(term as u32)).fields() {
                per_field[field as usize].extend_from_slice(entries.bytes());
            }
        }
        let mut parts: Vec<(String, Vec<u8>)> = Field::ALL
            .iter()
            .zip(per_field)
            .filter(|(_, bytes)| !bytes.is_empty())
            .map(|(f, bytes)| (format!("postings: {f:?}"), bytes))
            .collect();
        let frame = self.detail_frame().unwrap_or_default();
        parts.extend([
            ("words fst".into(), self.words.as_fst().as_bytes().to_vec()),
            ("terms fst".into(), self.terms.as_fst().as_bytes().to_vec()),
            (
                "term offsets".into(),
                prefix_sums::encoded(&self.term_offsets),
            ),
            ("positions (not sent)".into(), frame.positions),
            ("speakers' postings (not sent)".into(), frame.speakers),
            ("unit lengths".into(), encoded(&self.lengths)),
            ("quote spans (not sent)".into(), encoded(&frame.quote_spans)),
            (
                "document and quote starts".into(),
                [&self.doc_first_block, &self.doc_first_quote]
                    .map(|starts| prefix_sums::encoded(starts))
                    .concat(),
            ),
            ("dates".into(), encoded(&self.dates)),
        ]);
        parts.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
        parts
    }

    /// The quote facets once a quote search has built them (empty before).
    pub(super) fn quote_facets(&self) -> &FacetIndex {
        self.quote_facets.get().unwrap_or(&NO_FACETS)
    }

    /// The document facets: the whole corpus's once set, else the cards'
    /// (empty before either).
    pub(super) fn doc_facets(&self) -> &FacetIndex {
        (self.doc_facets.get())
            .or_else(|| self.catalogue_facets.get())
            .unwrap_or(&NO_FACETS)
    }

    /// Builds the document facets of the whole corpus the index was built
    /// from, which an index read from a bundle needs (the bundle does not
    /// carry them). Set once; later calls keep the first.
    pub fn set_document_facets(&self, corpus: &Corpus) {
        self.doc_facets
            .get_or_init(|| FacetIndex::for_documents(corpus));
    }

    /// Builds the document facets of the cards alone
    /// ([`FacetIndex::for_catalogue`]), for the searches made while the
    /// contents arrive. Set once.
    pub fn set_catalogue_facets(&self, catalogue: &Corpus) {
        self.catalogue_facets
            .get_or_init(|| FacetIndex::for_catalogue(catalogue));
    }

    /// Number of documents indexed.
    pub fn documents(&self) -> usize {
        self.dates.len()
    }

    /// The id of a term, if the corpus has it.
    pub(super) fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.get(term).map(|id| id as u32)
    }

    /// The other terms the stemmer of a language conflates with `term`.
    pub(super) fn stem_relatives(&self, term: u32) -> impl Iterator<Item = u32> + '_ {
        self.stem_classes.relatives(term)
    }

    /// The text of a term id. Ids are the terms' ranks in byte order, so the
    /// outputs grow along the FST's transitions in order, and the walk takes
    /// at each node the last transition not past `id`.
    pub(super) fn term_text(&self, id: u32) -> Option<String> {
        let fst = self.terms.as_fst();
        let id = u64::from(id);
        let mut node = fst.root();
        let mut reached = 0u64;
        let mut text = Vec::new();
        loop {
            if node.is_final() && reached + node.final_output().value() == id {
                return String::from_utf8(text).ok();
            }
            let next = node
                .transitions()
                .take_while(|t| reached + t.out.value() <= id)
                .last()?;
            reached += next.out.value();
            text.push(next.inp);
            node = fst.node(next.addr);
        }
    }

    /// The term id of a folded surface word of the corpus.
    pub(super) fn word_term(&self, word: &str) -> Option<u32> {
        self.words.get(word).map(|id| id as u32)
    }

    /// Makes now what the first search forgiving two typos in a word would
    /// otherwise make (the reversed words), for a caller with time to
    /// spare.
    pub fn prepare_typo_walks(&self) {
        self.reversed_words();
    }

    /// The words with each word's bytes reversed, to the same term ids.
    pub(super) fn reversed_words(&self) -> &ReversedWords {
        self.reversed_words
            .get_or_init(|| ReversedWords::of_fst(self.words.as_fst()))
    }

    /// Whether some text of the corpus has this folded surface word.
    pub(super) fn has_word(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// Whether some word of the corpus begins with this folded text: every
    /// node of the words FST leads to a word.
    pub(super) fn begins_word(&self, start: &str) -> bool {
        let fst = self.words.as_fst();
        let mut node = fst.root();
        for &byte in start.as_bytes() {
            match node.find_input(byte) {
                Some(i) => node = fst.node(node.transition_addr(i)),
                None => return false,
            }
        }
        true
    }

    /// The postings record of a term id (empty for an unknown id): counting
    /// the body by paragraph, with positions, once the detail is set; by
    /// document before.
    pub(super) fn record(&self, term: u32) -> Record<'_> {
        let Some(detail) = self.joined() else {
            return Record::stored(self.stored_record(term));
        };
        let bytes = term_bytes(&detail.postings, &detail.term_offsets, term);
        let positions = term_bytes(&detail.positions, &detail.position_offsets, term);
        let skips = (detail.skip_offsets.get(term as usize..term as usize + 2))
            .and_then(|pair| detail.skips.get(pair[0] as usize..pair[1] as usize))
            .unwrap_or(&[]);
        Record::new(bytes, Some(positions)).with_skips(skips)
    }

    /// The record of a term as serialized: the body counted by document.
    fn stored_record(&self, term: u32) -> &[u8] {
        term_bytes(&self.postings, &self.term_offsets, term)
    }

    /// Whether the index has its detail: the body counted by paragraph,
    /// and the positions phrases, proximity and quotes need.
    pub fn has_positions(&self) -> bool {
        self.detail.get().is_some() || self.built_detail.is_some()
    }

    /// The detail, made first of a built index's positions if need be.
    fn joined(&self) -> Option<&Detail> {
        if let Some(detail) = self.detail.get() {
            return Some(detail);
        }
        let built = self.built_detail.as_ref()?;
        Some(self.detail.get_or_init(|| {
            self.join(built)
                .expect("a built index reads its own detail")
        }))
    }

    /// The index as a bundle's index frame carries it, without its detail,
    /// and with the facets of `corpus`: what answers first in the browser.
    pub fn without_detail(&self, corpus: &Corpus) -> SearchIndex {
        let index: SearchIndex = postcard::to_allocvec(self)
            .ok()
            .and_then(|bytes| postcard::from_bytes(&bytes).ok())
            .unwrap_or_default();
        index.set_document_facets(corpus);
        index
    }

    /// The detail as the bundle carries it, serialized (empty until it is
    /// set).
    pub fn detail(&self) -> Vec<u8> {
        self.detail_frame()
            .and_then(|frame| postcard::to_allocvec(&frame).ok())
            .unwrap_or_default()
    }

    /// The detail as the bundle carries it: a built index's as built; an
    /// index read from a bundle writes its positions again from its records
    /// with paragraphs (it keeps those, not these).
    fn detail_frame(&self) -> Option<DetailFrame> {
        if let Some(built) = &self.built_detail {
            return Some(built.clone());
        }
        let detail = self.detail.get()?;
        let encoded = self.with_block_map(|blocks| {
            let mut encoded = Encoded::default();
            for term in 0..self.term_offsets.len().saturating_sub(1) as u32 {
                let record = self.record(term);
                let doc_freq = record.doc_freq;
                let entries = record.entries();
                let fields: Vec<(Field, &Entries)> = entries.iter().map(|(f, e)| (*f, e)).collect();
                postings::encode(doc_freq, &fields, blocks, &mut encoded);
            }
            encoded
        });
        Some(DetailFrame {
            positions: encoded.positions,
            quote_spans: detail.quote_spans.clone(),
            speakers: encoded.speakers,
        })
    }

    /// Calls `f` with where the body's blocks lie.
    fn with_block_map<R>(&self, f: impl FnOnce(BlockMap) -> R) -> R {
        let block_starts = block_starts(&self.doc_first_block, &self.lengths);
        f(BlockMap {
            block_docs: self.block_docs(),
            doc_first_block: &self.doc_first_block,
            block_starts: &block_starts,
        })
    }

    /// Gives an index read from a bundle its detail, made again from
    /// `corpus`, the whole corpus it was built from, all at once (see
    /// [`DetailBuilder`] to do it a document at a time). Fails, leaving the
    /// index as it was, when the documents do not fit it; it can be set
    /// once.
    pub fn rebuild_detail(&self, corpus: &Corpus) -> Result<(), String> {
        DetailBuilder::new(self, corpus).finish()
    }

    /// The detail of a detail frame.
    fn join(&self, frame: &DetailFrame) -> Result<Detail, String> {
        let terms = self.term_offsets.len().saturating_sub(1) as u32;
        let mut detail = Detail::reserved_for(self);
        let mut stored = DetailReader {
            positions: Reader::new(&frame.positions),
            speakers: Reader::new(&frame.speakers),
        };
        self.with_block_map(|blocks| {
            (0..terms).try_for_each(|term| {
                detail.push_term(term, self.stored_record(term), &mut stored, blocks)
            })
        })?;
        if !stored.is_empty() {
            return Err("the detail has bytes past the last term's".to_string());
        }
        detail.finished(self, frame.quote_spans.clone())
    }

    /// Number of documents containing a term in any field.
    pub(super) fn doc_freq(&self, term: u32) -> u32 {
        self.record(term).doc_freq
    }

    /// Words in a unit of a field, and the mean over the field's units.
    pub(super) fn unit_length(&self, field: Field, unit: u32) -> (f32, f32) {
        if field == Field::Body && !self.has_positions() {
            let (lengths, average) = self.doc_body_lengths();
            return (
                lengths.get(unit as usize).copied().unwrap_or(0) as f32,
                *average,
            );
        }
        let length = self.lengths[field as usize]
            .get(unit as usize)
            .copied()
            .unwrap_or(0);
        (length as f32, self.average_lengths[field as usize])
    }

    /// Body words per document and their mean (at least 1).
    fn doc_body_lengths(&self) -> &(Vec<u32>, f32) {
        self.doc_body_lengths.get_or_init(|| {
            let blocks = &self.lengths[Field::Body as usize];
            let lengths: Vec<u32> = (self.doc_first_block.windows(2))
                .map(|pair| {
                    let words = blocks.get(pair[0] as usize..pair[1] as usize);
                    words.map_or(0, |w| w.iter().sum())
                })
                .collect();
            let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
            let average = (total as f32 / lengths.len().max(1) as f32).max(1.0);
            (lengths, average)
        })
    }

    /// A cursor finding the document of units of `field`.
    pub(super) fn doc_cursor(&self, field: Field) -> DocCursor<'_> {
        let (starts, unit_docs) = match field {
            Field::Title | Field::Source => (None, None),
            Field::Body if !self.has_positions() => (None, None),
            Field::Body => (Some(&self.doc_first_block[..]), Some(self.block_docs())),
            Field::Speaker => (Some(&self.doc_first_quote[..]), None),
        };
        DocCursor {
            starts,
            unit_docs,
            doc: 0,
        }
    }

    /// The document of each global block, made on first use: every body
    /// entry a search reads asks for its document.
    fn block_docs(&self) -> &[u32] {
        self.block_docs
            .get_or_init(|| docs_of_blocks(&self.doc_first_block))
    }

    /// The document and quote index of a global quote number.
    pub(super) fn quote_location(&self, quote: u32) -> (u32, u32) {
        let doc = self
            .doc_first_quote
            .partition_point(|&first| first <= quote)
            .saturating_sub(1);
        (doc as u32, quote - self.doc_first_quote[doc])
    }

    /// The quotes of a document whose span reaches into its block `block`,
    /// with their global numbers and their part in that block.
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
        let spans = self.joined().map_or(&[][..], |d| &d.quote_spans[..]);
        (first..end).filter_map(move |q| {
            let span = spans.get(q as usize)?.in_block(block)?;
            Some((q, span))
        })
    }

    /// The mean number of words a quote covers (1 until the detail is set).
    pub(super) fn average_quote_length(&self) -> f32 {
        self.joined().map_or(1.0, |d| d.average_quote_length)
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

/// The body words a quote covers: from position `start` of block `block`
/// of its document to position `end` of block `last_block` (the same
/// block but for a quote running on over paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSpan {
    /// Index into the document's blocks of the quote's first paragraph.
    pub block: u32,
    /// Index of its last paragraph.
    pub last_block: u32,
    /// Word position in the first paragraph where the quote starts.
    pub start: u32,
    /// Word position in the last paragraph where the quote ends.
    pub end: u32,
    /// Words the quote covers over all its paragraphs.
    pub words: u32,
}

impl QuoteSpan {
    /// The spans of the quotes of `doc`, in order. Each paragraph's words
    /// are read once, however many quotes it holds (a paragraph of
    /// thousands of quotes would otherwise be read thousands of times).
    fn all_of(doc: &Document) -> Vec<QuoteSpan> {
        let mut block_words = FxHashMap::default();
        (doc.quotes.iter())
            .map(|q| QuoteSpan::of(doc, q.start, q.end, &mut block_words))
            .collect()
    }

    /// The span of the text range `start..end` of `doc`, given the words
    /// (byte ranges) of the paragraphs read so far.
    fn of(
        doc: &Document,
        start: u32,
        end: u32,
        block_words: &mut FxHashMap<usize, Vec<(usize, usize)>>,
    ) -> Self {
        let block_of = |at: u32| {
            doc.blocks
                .partition_point(|b| b.start <= at)
                .saturating_sub(1)
        };
        let (first, last) = (block_of(start), block_of(end.saturating_sub(1).max(start)));
        let mut span = QuoteSpan {
            block: first as u32,
            last_block: last.max(first) as u32,
            start: 0,
            end: 0,
            words: 0,
        };
        for (i, b) in doc.blocks.iter().enumerate().take(last + 1).skip(first) {
            let words = (block_words.entry(i)).or_insert_with(|| {
                super::analyzer::words(doc.text_range(b.start, b.end)).collect()
            });
            let from = start.saturating_sub(b.start) as usize;
            let to = end.min(b.end).saturating_sub(b.start) as usize;
            // Words ascend, by start and by end alike.
            let before = match i == first {
                true => words.partition_point(|&(_, e)| e <= from) as u32,
                false => 0,
            };
            let upto = (words.partition_point(|&(s, _)| s < to) as u32).max(before);
            if i == first {
                span.start = before;
            }
            if i == last {
                span.end = upto;
            }
            span.words += upto - before;
        }
        span
    }

    /// The part of the span in block `block`: word positions `start..end`
    /// there (to the block's end when the quote runs on past it).
    pub fn in_block(&self, block: u32) -> Option<QuoteSpan> {
        (self.block..=self.last_block)
            .contains(&block)
            .then_some(QuoteSpan {
                start: if block == self.block { self.start } else { 0 },
                end: if block == self.last_block {
                    self.end
                } else {
                    u32::MAX
                },
                ..*self
            })
    }

    /// Words the quote covers.
    pub fn len(&self) -> u32 {
        self.words
    }

    pub fn contains(&self, position: u32, width: u32) -> bool {
        self.start <= position && position.saturating_add(width) <= self.end
    }
}

/// Finds the document of a unit; fastest when units come in ascending
/// order, as they do in postings.
#[derive(Debug, Clone)]
pub(super) struct DocCursor<'a> {
    /// First unit of each document (plus the end), or `None` when units
    /// are documents.
    starts: Option<&'a [u32]>,
    /// The document of each unit, when a table is kept for the field.
    unit_docs: Option<&'a [u32]>,
    doc: usize,
}

impl DocCursor<'_> {
    /// The document of `unit`: read from the table when there is one;
    /// otherwise, since units mostly come in ascending order, the search
    /// gallops forward from the last document found (doubling
    /// its steps), and starts over only when a unit goes back.
    pub fn doc(&mut self, unit: u32) -> u32 {
        let Some(starts) = self.starts else {
            return unit;
        };
        if let Some(&doc) = self.unit_docs.and_then(|docs| docs.get(unit as usize)) {
            return doc;
        }
        let mut low = if starts.get(self.doc).is_some_and(|&s| s <= unit) {
            self.doc
        } else {
            0
        };
        let mut step = 1;
        while starts.get(low + step).is_some_and(|&s| s <= unit) {
            low += step;
            step *= 2;
        }
        let high = (low + step).min(starts.len());
        let within = starts.get(low..high).unwrap_or_default();
        self.doc = low + within.partition_point(|&s| s <= unit).saturating_sub(1);
        self.doc as u32
    }

    /// The first unit of document `doc` (past every unit when there is no
    /// such document).
    pub fn first_unit(&self, doc: u32) -> u32 {
        match self.starts {
            None => doc,
            Some(starts) => starts.get(doc as usize).copied().unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::{Block, BlockKind, Metadata};

    #[test]
    fn every_term_id_reads_back_its_text() {
        let text = "Visas, visa! Nurses nursing hospitals, œuvre café 東京 zebra a ab abc";
        let document = Document {
            meta: Metadata::default(),
            text: text.into(),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                start: 0,
                end: text.len() as u32,
            }],
            ..Document::default()
        };
        let corpus = Corpus {
            documents: vec![document],
            ..Corpus::default()
        };
        let index = SearchIndex::build(&corpus);
        let mut terms = index.terms.stream();
        let mut count = 0;
        while let Some((term, id)) = fst::Streamer::next(&mut terms) {
            let id = id as u32;
            assert_eq!(
                index.term_text(id).as_deref().map(str::as_bytes),
                Some(term)
            );
            count += 1;
        }
        assert!(count > 5, "{count} terms");
        assert_eq!(index.term_text(count as u32), None);
    }

    /// Quote spans read each paragraph's words once; they must count as
    /// reading the paragraph anew for every quote does, on random quotes
    /// over paragraphs of random words (some running over paragraphs,
    /// some starting or ending inside a word or between words).
    #[test]
    fn quote_spans_count_the_words_each_quote_covers() {
        let mut next = crate::seeded::below(7);
        let pieces = [
            "nurses",
            "a",
            "“we",
            "need”",
            ",",
            "said",
            "東京都",
            "—",
            "  ",
            "x.",
        ];
        for _ in 0..200 {
            let paragraphs: Vec<String> = (0..1 + next(4))
                .map(|_| {
                    let words = (0..next(30)).map(|_| pieces[next(pieces.len())]);
                    words.map(|w| format!("{w} ")).collect()
                })
                .collect();
            let mut doc = crate::fixtures::document_of("", &paragraphs.join("\n\n"));
            let text = &doc.text;
            let boundaries: Vec<u32> = (0..=text.len() as u32)
                .filter(|&i| text.is_char_boundary(i as usize))
                .collect();
            let mut ends: Vec<u32> = (0..2 * next(6))
                .map(|_| boundaries[next(boundaries.len())])
                .collect();
            ends.sort_unstable();
            let quotes = (ends.chunks(2))
                .map(|pair| corpus_model::Quote {
                    start: pair[0],
                    end: pair[1],
                    kind: corpus_model::QuoteKind::Direct,
                    speaker: None,
                    speaker_name: None,
                    role: None,
                    mention: None,
                    verb: None,
                    anonymous: false,
                    fragments: Vec::new(),
                })
                .collect();
            doc.quotes = quotes;
            let expected: Vec<QuoteSpan> = (doc.quotes.iter())
                .map(|q| span_read_anew(&doc, q.start, q.end))
                .collect();
            assert_eq!(QuoteSpan::all_of(&doc), expected, "{:?}", doc.text);
        }
    }

    /// A quote's span, each paragraph's words read for this quote alone and
    /// compared by their offsets in the whole text.
    fn span_read_anew(doc: &Document, start: u32, end: u32) -> QuoteSpan {
        let block_at = |at: u32| doc.blocks.iter().rposition(|b| b.start <= at).unwrap_or(0);
        let first = block_at(start);
        let last = block_at(end.saturating_sub(1).max(start));
        let counts: Vec<(u32, u32)> = (first..=last)
            .map(|i| {
                let b = &doc.blocks[i];
                let in_text = |(s, e): (usize, usize)| (b.start + s as u32, b.start + e as u32);
                let words = crate::analyzer::words(doc.text_range(b.start, b.end)).map(in_text);
                let (mut before, mut upto) = (0, 0);
                for (s, e) in words {
                    before += u32::from(i == first && e <= start);
                    upto += u32::from(s < end.min(b.end));
                }
                (before, upto.max(before))
            })
            .collect();
        QuoteSpan {
            block: first as u32,
            last_block: last as u32,
            start: counts[0].0,
            end: counts[counts.len() - 1].1,
            words: counts.iter().map(|(before, upto)| upto - before).sum(),
        }
    }

    /// However many readings of the documents make it, the detail of an
    /// index read back is the built one's, byte for byte.
    #[test]
    fn the_detail_is_the_same_in_any_number_of_readings() {
        let paragraphs = [
            "Visas, visa! Nurses said the wards were short.",
            "“We need nurses,” said Jane Okafor, the health secretary.",
            "東京都は水曜日、看護職員の採用計画を発表した。",
            "Les infirmières nationales recrutent.",
        ];
        let documents = (0..12)
            .map(|i| {
                let chosen: Vec<&str> = paragraphs
                    .iter()
                    .cycle()
                    .skip(i)
                    .take(1 + i % 3)
                    .copied()
                    .collect();
                crate::fixtures::document_of(&format!("Report {i} on nurses"), &chosen.join("\n\n"))
            })
            .collect();
        let corpus = Corpus {
            documents,
            ..Corpus::default()
        };
        let built = SearchIndex::build(&corpus);
        for readings in 1..=5 {
            let index = built.without_detail(&corpus);
            DetailBuilder::in_readings(&index, &corpus, readings)
                .finish()
                .expect("the documents fit");
            assert_eq!(index.detail(), built.detail(), "{readings} readings");
        }
    }

    #[test]
    fn the_cursor_finds_each_units_document_in_any_order() {
        let starts = [0, 3, 3, 4, 10, 11, 20];
        let expected = |unit: u32| starts.partition_point(|&s| s <= unit).saturating_sub(1) as u32;
        let orders: [Vec<u32>; 3] = [
            (0..25).collect(),
            (0..25).rev().collect(),
            vec![5, 0, 19, 3, 3, 12, 2, 24, 10, 4],
        ];
        for order in orders {
            let table: Vec<u32> = (0..20).map(expected).collect();
            for unit_docs in [None, Some(&table[..])] {
                let mut cursor = DocCursor {
                    starts: Some(&starts),
                    unit_docs,
                    doc: 0,
                };
                for &unit in &order {
                    assert_eq!(
                        cursor.doc(unit),
                        expected(unit),
                        "unit {unit}, table {}",
                        unit_docs.is_some()
                    );
                }
            }
        }
    }
}
