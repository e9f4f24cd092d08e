//! The versioned binary format of the corpus the app downloads: a corpus and
//! its search index, in frames ordered so that the app can answer a query
//! before the documents' texts have arrived.
//!
//! Layout: the 8-byte magic `CEXPLORE`, a little-endian `u16` format version,
//! then frames compressed with zstd (`stream.rs`; the first two, the next
//! two and the documents' are each a zstd frame), each frame a
//! little-endian `u64` length and that many bytes of postcard:
//! 1. the head: the corpus name, warnings, skipped files and every
//!    document's card (its file and metadata: what a result row shows);
//! 2. the search index without its detail: its records count the body by
//!    document, enough to rank documents;
//! 3. the entities (people, organisations, places);
//! 4. the codes the texts write their frequent words with (`words.rs`);
//! 5. the documents' contents (text, blocks, source map, quotes, mentions…,
//!    everything but the card), in batches of consecutive ids (about
//!    [`BATCH_BYTES`] each), each batch field by field (`columns.rs`),
//!    until every card has its contents.
//!
//! The index's detail (its positions, which also say which paragraphs hold
//! a word, and the words each quote covers: the count of matching
//! paragraphs, phrases, proximity and quote search need them, a first
//! answer does not) is not in the bundle: it is the documents' words, and
//! is made again from the contents once they are in
//! ([`crate::DetailBuilder`]); [`Bundle::decode`] does so.
//!
//! [`BundleReader`] decompresses the stream as it arrives, decodes each
//! frame as soon as its last byte is out and lets its bytes go, so a
//! download holds at most one frame and the stream's window besides what is
//! decoded, and decoding overlaps the download. Once the first two frames
//! are in, [`BundleReader::take_searchable`] hands over the index and a
//! catalogue of the cards, and the app answers queries while the entities
//! and the contents arrive. Decoding rejects a wrong magic, an unknown
//! version, a frame that does not decode, a bundle cut short and trailing
//! bytes, so a stale or corrupt file fails loudly instead of showing wrong
//! data.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::index::SearchIndex;
use corpus_model::cores::{map_on_every_core, runs_of_weight};
use corpus_model::{Corpus, Document, Entity, Metadata, Warning};

mod columns;
mod entities;
mod stream;
mod words;

use columns::Columns;
use entities::EntityColumns;
use stream::Inflow;
use words::WordCodes;

const MAGIC: &[u8; 8] = b"CEXPLORE";
/// Bump whenever a serialized type changes shape or the frames their order.
const VERSION: u16 = 11;
const HEADER_BYTES: usize = MAGIC.len() + 2;
const FRAME_LENGTH_BYTES: usize = 8;
/// Encoded documents per frame, about: a batch closes once it holds this
/// many bytes (a frame always holds at least one document).
pub const BATCH_BYTES: usize = 1 << 20;

/// Everything the app needs, built once at build time.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub corpus: Corpus,
    pub index: SearchIndex,
}

/// What a list of documents shows of each: the head carries one per
/// document, so results can be listed before the contents arrive.
#[derive(Clone, Default, Deserialize)]
struct Card {
    file: String,
    meta: Metadata,
}

/// The first frame: the corpus without its documents' contents.
#[derive(Deserialize)]
struct Head {
    name: String,
    warnings: Vec<Warning>,
    skipped: Vec<Warning>,
    cards: Vec<Card>,
}

/// [`Card`] as written, borrowing from the document (same encoding).
#[derive(Serialize)]
struct CardRef<'a> {
    file: &'a str,
    meta: &'a Metadata,
}

/// [`Head`] as written, borrowing from the corpus (same encoding).
#[derive(Serialize)]
struct HeadRef<'a> {
    name: &'a str,
    warnings: &'a [Warning],
    skipped: &'a [Warning],
    cards: Vec<CardRef<'a>>,
}

/// Why a bundle could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    UnsupportedVersion(u16),
    Corrupt(String),
    TrailingBytes(usize),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotABundle => write!(f, "not a corpus bundle (bad magic)"),
            Self::UnsupportedVersion(v) => {
                write!(f, "bundle format version {v}, expected {VERSION}")
            }
            Self::Corrupt(e) => write!(f, "corrupt bundle: {e}"),
            Self::TrailingBytes(n) => write!(f, "corrupt bundle: {n} trailing bytes"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Each structure of a bundle encoded alone, named, for a breakdown of
/// where the bytes go (`corpus bundle --sizes`). The parts add up to the
/// bundle exactly.
pub type EncodedParts = Vec<(&'static str, Vec<u8>)>;

fn encoded<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("writing to a Vec cannot fail")
}

/// Concatenates one field of every document, each encoded alone.
fn per_document<T: Serialize + ?Sized>(
    corpus: &Corpus,
    field: impl Fn(&Document) -> &T,
) -> Vec<u8> {
    corpus
        .documents
        .iter()
        .flat_map(|d| encoded(field(d)))
        .collect()
}

/// How the documents' frames are written: the word codes, every text
/// written with them (once: it is the longest step), and the documents of
/// each frame (consecutive ids, about [`BATCH_BYTES`] of encoded contents
/// each).
struct DocumentFrames {
    codes: WordCodes,
    texts: Vec<Vec<u8>>,
    batches: Vec<Range<usize>>,
}

impl DocumentFrames {
    fn of(corpus: &Corpus) -> DocumentFrames {
        let codes = WordCodes::of(
            &corpus
                .documents
                .iter()
                .map(|d| d.text.as_str())
                .collect::<Vec<_>>(),
        );
        let encoder = codes.encoder();
        let texts = map_on_every_core(&corpus.documents, |d| encoder.encode(&d.text));
        let documents: Vec<(&Document, &Vec<u8>)> = corpus.documents.iter().zip(&texts).collect();
        let sizes = map_on_every_core(&documents, |&(d, text)| {
            let one = Columns::of(
                std::slice::from_ref(d),
                vec![text.clone()],
                &corpus.entities,
            );
            encoded(&one).len()
        });
        let batches = runs_of_weight(&sizes, |&size| size, BATCH_BYTES);
        DocumentFrames {
            codes,
            texts,
            batches,
        }
    }

    /// The columns of the documents of `batch`.
    fn columns(&self, corpus: &Corpus, batch: &Range<usize>) -> Columns {
        let documents = &corpus.documents[batch.clone()];
        Columns::of(
            documents,
            self.texts[batch.clone()].to_vec(),
            &corpus.entities,
        )
    }
}

/// The magic and the version, which are not compressed.
fn header() -> Vec<u8> {
    [&MAGIC[..], &VERSION.to_le_bytes()].concat()
}

/// A frame: its payload's length, then the payload.
fn framed(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(FRAME_LENGTH_BYTES + payload.len());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

impl Bundle {
    fn head(&self) -> HeadRef<'_> {
        let c = &self.corpus;
        HeadRef {
            name: &c.name,
            warnings: &c.warnings,
            skipped: &c.skipped,
            cards: c
                .documents
                .iter()
                .map(|d| CardRef {
                    file: &d.file,
                    meta: &d.meta,
                })
                .collect(),
        }
    }

    /// The first two frames, each with its length: the head and the index,
    /// which a first answer waits for, compressed apart from the rest.
    fn searchable_group(&self) -> Vec<u8> {
        [
            framed(&encoded(&self.head())),
            framed(&encoded(&self.index)),
        ]
        .concat()
    }

    /// The other frames, each with its length, in the order they are read,
    /// in two groups compressed apart: the entities and word codes, and
    /// the documents.
    fn contents_groups(&self) -> [Vec<u8>; 2] {
        let frames = DocumentFrames::of(&self.corpus);
        let contents = map_on_every_core(&frames.batches, |batch| {
            framed(&encoded(&frames.columns(&self.corpus, batch)))
        });
        [
            [
                framed(&encoded(&EntityColumns::of(&self.corpus.entities))),
                framed(&encoded(&frames.codes)),
            ]
            .concat(),
            contents.concat(),
        ]
    }

    /// Serializes the bundle: its magic and version, then its frames,
    /// compressed. The head and index are compressed while the documents'
    /// frames are made. Native only: the app reads bundles.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn encode(&self) -> Vec<u8> {
        let (searchable, contents) = std::thread::scope(|scope| {
            let searchable = scope.spawn(|| stream::compress(&self.searchable_group()));
            let contents = self.contents_groups().map(|group| stream::compress(&group));
            (searchable.join(), contents)
        });
        let searchable = searchable.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        [header(), searchable]
            .into_iter()
            .chain(contents)
            .collect::<Vec<_>>()
            .concat()
    }

    /// The bundle as [`Bundle::encode`] writes it, but with its frames
    /// uncompressed: what the parts of [`Bundle::encoded_parts`] add up to.
    pub fn encode_uncompressed(&self) -> Vec<u8> {
        [header(), self.searchable_group()]
            .into_iter()
            .chain(self.contents_groups())
            .collect::<Vec<_>>()
            .concat()
    }

    /// Reads a bundle written by [`Bundle::encode`], all at once, and
    /// makes its index's detail again from its documents.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        let mut reader = BundleReader::default();
        reader.push(bytes)?;
        let bundle = reader.finish()?;
        (bundle.index)
            .rebuild_detail(&bundle.corpus)
            .map_err(BundleError::Corrupt)?;
        Ok(bundle)
    }

    /// Where the bytes of the encoded bundle go, structure by structure,
    /// before compression.
    pub fn encoded_parts(&self) -> EncodedParts {
        let c = &self.corpus;
        let frames = DocumentFrames::of(c);
        let batches = frames.batches.len();
        let mut framing = vec![0u8; HEADER_BYTES + FRAME_LENGTH_BYTES * (4 + batches)];
        framing.extend(encoded(&(c.documents.len() as u64)));
        let mut contents: EncodedParts = Vec::new();
        for batch in &frames.batches {
            let parts = frames.columns(c, batch).parts();
            match contents.is_empty() {
                true => contents.extend(parts),
                false => (contents.iter_mut().zip(parts))
                    .for_each(|((_, bytes), (_, more))| bytes.extend(more)),
            }
        }
        vec![
            ("header and framing", framing),
            ("corpus.name", encoded(&c.name)),
            ("documents.file", per_document(c, |d| &d.file)),
            ("documents.meta", per_document(c, |d| &d.meta)),
            ("entities", encoded(&EntityColumns::of(&c.entities))),
            ("warnings+skipped", encoded(&(&c.warnings, &c.skipped))),
            ("index", encoded(&self.index)),
            ("word codes", encoded(&frames.codes)),
        ]
        .into_iter()
        .chain(contents)
        .collect()
    }
}

/// Decodes a bundle as its bytes arrive: [`push`](Self::push) each chunk,
/// [`take_searchable`](Self::take_searchable) once the index is in if
/// queries should be answered early, then [`finish`](Self::finish) or
/// [`finish_corpus`](Self::finish_corpus).
#[derive(Default)]
pub struct BundleReader {
    /// The magic and version, until all of them are in.
    header: Vec<u8>,
    header_read: bool,
    /// The compressed stream of frames after the header.
    stream: Inflow,
    /// Frame bytes decompressed and not yet decoded.
    pending: Vec<u8>,
    head: Option<Head>,
    /// Whether the index frame has been decoded (the index may since have
    /// been taken).
    index_read: bool,
    index: Option<SearchIndex>,
    entities: Option<Vec<Entity>>,
    /// The codes the texts are written with.
    words: Option<WordCodes>,
    documents: Vec<Document>,
}

impl BundleReader {
    /// Takes the next bytes of the bundle and decodes every frame they
    /// complete.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), BundleError> {
        let after_header;
        let compressed = match self.header_read {
            true => bytes,
            false => {
                self.header.extend_from_slice(bytes);
                if self.header.len() < HEADER_BYTES {
                    let received = &self.header[..self.header.len().min(MAGIC.len())];
                    return match MAGIC.starts_with(received) {
                        true => Ok(()),
                        false => Err(BundleError::NotABundle),
                    };
                }
                read_header(&self.header)?;
                self.header_read = true;
                after_header = self.header.split_off(HEADER_BYTES);
                &after_header
            }
        };
        let mut stream = std::mem::take(&mut self.stream);
        let read = stream.push(compressed, |piece| self.take_piece(piece));
        self.stream = stream;
        read
    }

    /// Takes decompressed bytes and decodes every frame they complete.
    fn take_piece(&mut self, piece: &[u8]) -> Result<(), BundleError> {
        self.pending.extend_from_slice(piece);
        self.read_frames()
    }

    /// Decodes every whole frame decompressed so far.
    fn read_frames(&mut self) -> Result<(), BundleError> {
        let pending = std::mem::take(&mut self.pending);
        let mut at = 0;
        while !self.complete() {
            let Some(frame) = next_frame(&pending[at..]) else {
                break;
            };
            let decoded = self.take_frame(frame);
            at += FRAME_LENGTH_BYTES + frame.len();
            if let Err(error) = decoded {
                self.pending = pending;
                return Err(error);
            }
        }
        self.pending = pending;
        self.pending.drain(..at);
        Ok(())
    }

    /// Whether every frame the head announces has been decoded.
    fn complete(&self) -> bool {
        match &self.head {
            Some(head) if self.words.is_some() => self.documents.len() >= head.cards.len(),
            _ => false,
        }
    }

    /// Decodes one frame into its place: head, index, then contents.
    fn take_frame(&mut self, frame: &[u8]) -> Result<(), BundleError> {
        let Some(head) = &mut self.head else {
            let head: Head = exactly(frame, "head")?;
            // Room for exactly every document the head announces: growing
            // by doubling would leave up to half of it unused, and the
            // copies behind as garbage in the wasm memory.
            self.documents.reserve_exact(head.cards.len());
            self.head = Some(head);
            return Ok(());
        };
        if !self.index_read {
            self.index = Some(exactly(frame, "index")?);
            self.index_read = true;
            return Ok(());
        }
        if self.entities.is_none() {
            let entities: EntityColumns = exactly(frame, "entities")?;
            self.entities = Some(entities.into_entities().map_err(BundleError::Corrupt)?);
            return Ok(());
        }
        let (done, expected) = (self.documents.len(), head.cards.len());
        let Some(words) = &self.words else {
            let words: WordCodes = exactly(frame, "word codes")?;
            words.check().map_err(BundleError::Corrupt)?;
            self.words = Some(words);
            return Ok(());
        };
        let columns: Columns = exactly(frame, "documents")?;
        let entities = self.entities.as_deref().unwrap_or_default();
        let cards = &mut head.cards[done..];
        let batch = (columns.into_documents(words, cards, entities)).map_err(|e| {
            BundleError::Corrupt(format!("a frame after {done} of {expected} documents: {e}"))
        })?;
        if batch.is_empty() {
            return Err(BundleError::Corrupt(format!(
                "a frame of no documents after {done} of {expected}"
            )));
        }
        self.documents.extend(batch);
        Ok(())
    }

    /// Once the head and the index have arrived: the index, and a corpus
    /// whose documents hold only their cards (file and metadata), enough to
    /// list results, and no entities; the index's facets are the cards'
    /// until the caller sets the whole corpus's. The index is the caller's from then
    /// on, so this answers once; `None` before and after.
    pub fn take_searchable(&mut self) -> Option<Bundle> {
        let head = self.head.as_ref()?;
        let index = self.index.take()?;
        // The cards of documents already whole have moved into them.
        let arrived = self.documents.iter().map(|d| (&d.file, &d.meta));
        let waiting = head
            .cards
            .get(self.documents.len()..)
            .unwrap_or_default()
            .iter()
            .map(|c| (&c.file, &c.meta));
        let documents = arrived
            .chain(waiting)
            .map(|(file, meta)| Document {
                file: file.clone(),
                meta: meta.clone(),
                ..Document::default()
            })
            .collect();
        let corpus = Corpus {
            name: head.name.clone(),
            documents,
            entities: Vec::new(),
            warnings: head.warnings.clone(),
            skipped: head.skipped.clone(),
        };
        index.set_catalogue_facets(&corpus);
        Some(Bundle { corpus, index })
    }

    /// The bundle, once every byte has been pushed and unless its index
    /// was taken; its index without its detail (see
    /// [`SearchIndex::rebuild_detail`]).
    pub fn finish(mut self) -> Result<Bundle, BundleError> {
        let index = self.index.take();
        let corpus = self.finish_corpus()?;
        let index = index.ok_or_else(|| BundleError::Corrupt("the index was taken".into()))?;
        index.set_document_facets(&corpus);
        Ok(Bundle { corpus, index })
    }

    /// The whole corpus, once every byte has been pushed. The index taken
    /// earlier needs its facets: [`SearchIndex::set_document_facets`].
    pub fn finish_corpus(mut self) -> Result<Corpus, BundleError> {
        if !self.header_read {
            return Err(BundleError::NotABundle);
        }
        if !self.complete() {
            let mut stream = std::mem::take(&mut self.stream);
            stream.end(|piece| self.take_piece(piece))?;
            self.stream = stream;
        }
        let missing = match (self.index_read, &self.entities, &self.words) {
            (false, _, _) => "its index",
            (true, None, _) => "the entities",
            (true, Some(_), None) => "the word codes",
            (true, Some(_), Some(_)) => "",
        };
        let (Some(head), Some(entities), "") = (self.head, self.entities, missing) else {
            return Err(BundleError::Corrupt(format!(
                "the bundle ends before {missing}"
            )));
        };
        if self.documents.len() < head.cards.len() {
            return Err(BundleError::Corrupt(format!(
                "the bundle ends after {} of {} documents",
                self.documents.len(),
                head.cards.len()
            )));
        }
        let trailing = self.pending.len() + self.stream.unread();
        if trailing > 0 {
            return Err(BundleError::TrailingBytes(trailing));
        }
        if !self.stream.ended() {
            return Err(BundleError::Corrupt(
                "the compressed stream ends before its last block".into(),
            ));
        }
        Ok(Corpus {
            name: head.name,
            documents: self.documents,
            entities,
            warnings: head.warnings,
            skipped: head.skipped,
        })
    }
}

/// Checks the magic and version at the start of `bytes` (at least
/// [`HEADER_BYTES`] long).
fn read_header(bytes: &[u8]) -> Result<(), BundleError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(BundleError::NotABundle)?;
    let version = u16::from_le_bytes([rest[0], rest[1]]);
    match version == VERSION {
        true => Ok(()),
        false => Err(BundleError::UnsupportedVersion(version)),
    }
}

/// The payload of the frame at the start of `bytes`, if all of it is there.
fn next_frame(bytes: &[u8]) -> Option<&[u8]> {
    let (length, rest) = bytes.split_first_chunk::<FRAME_LENGTH_BYTES>()?;
    let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
    rest.get(..length)
}

/// A frame's payload decoded as a whole `T`, with nothing left over.
fn exactly<'a, T: Deserialize<'a>>(payload: &'a [u8], what: &str) -> Result<T, BundleError> {
    let (value, rest) = postcard::take_from_bytes(payload)
        .map_err(|e| BundleError::Corrupt(format!("{what}: {e}")))?;
    match rest.is_empty() {
        true => Ok(value),
        false => Err(BundleError::Corrupt(format!(
            "{what}: {} bytes left over",
            rest.len()
        ))),
    }
}
