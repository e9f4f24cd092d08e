//! The corpus: downloaded beside the app and decoded as it arrives.
//!
//! The build (scripts/post-build.mjs) writes the bundle as a hashed file next
//! to the wasm and names it in index.html with
//! `<meta name="corpus-bundle" content="URL" data-bytes="N">`, followed by
//! an inline script (pwa/corpus-download.js) that starts downloading it
//! while the code is still arriving and leaves the response's promise in
//! `window.corpusBundleDownload`. The single-file build puts the bytes in
//! `window.corpusBundle` instead.
//!
//! The bundle's head and index come first: once they are in, [`load`]
//! reports the corpus searchable and `main` mounts the explorer over a
//! catalogue (every document's file and metadata, no text), while the
//! documents' contents keep arriving; then [`corpus`] becomes the whole
//! corpus and [`contents`] says so, and the index's detail (its positions,
//! which the bundle leaves out) is made from the documents' words, a slice
//! of documents at a time. [`corpus`] tracks [`contents`], so whatever
//! reads the corpus reactively runs again once the corpus is whole and
//! once the index has its detail.
//!
//! Invariant: `main` mounts the explorer only after the index and catalogue
//! are set, so the accessors below always find them; a view that needs
//! the documents' contents waits for [`Contents::Complete`].

use std::sync::OnceLock;

use corpus_model::{Corpus, Document};
use corpus_search::bundle::{BundleError, BundleReader};
use corpus_search::{DetailBuilder, SearchIndex};
use corpus_views::failure::{download_failure_message, load_failure_message};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

/// The element that names the bundle's file and size.
const BUNDLE_META: &str = "meta[name=corpus-bundle]";
/// Where the page's start-up script puts the promise of the bundle's response.
const BUNDLE_DOWNLOAD: &str = "corpusBundleDownload";
/// Where the single-file build puts the bundle's bytes.
const INLINE_BUNDLE: &str = "corpusBundle";

/// How many times at most the progress bar moves: each move re-renders it,
/// and a corpus arrives in hundreds of chunks.
const PROGRESS_STEPS: u64 = 100;
/// Longest stretch of decoding, in milliseconds, before the browser gets
/// to render and handle input: chunks already received resolve at once,
/// so without a pause decoding the texts would hold back the first answer
/// and every keystroke until the download ends. Making the index's detail
/// pauses as often.
const DECODE_SLICE_MS: f64 = 40.0;

static INDEX: OnceLock<SearchIndex> = OnceLock::new();
/// Every document's card, while the contents arrive.
static CATALOGUE: OnceLock<Corpus> = OnceLock::new();
/// The whole corpus, once it has arrived.
static CORPUS: OnceLock<Corpus> = OnceLock::new();
// Reference-counted signals: no view owns them, so none disposes of them.
static CONTENTS: OnceLock<ArcRwSignal<Contents>> = OnceLock::new();
static PROGRESS: OnceLock<ArcRwSignal<(u64, u64)>> = OnceLock::new();

/// Where the documents' contents (texts, quotes, mentions) are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Arriving,
    Complete,
    /// The download or the bundle failed: what the page says about it.
    Failed(String),
}

/// Why the explorer cannot start.
#[derive(Debug)]
pub enum LoadError {
    /// The page names no bundle, or it could not be downloaded.
    Download(String),
    /// The bundle arrived but cannot be read.
    Bundle(BundleError),
}

impl LoadError {
    /// What the page says about it.
    pub fn message(&self) -> String {
        match self {
            LoadError::Download(detail) => download_failure_message(detail),
            LoadError::Bundle(error) => load_failure_message(error),
        }
    }
}

/// Where the documents' contents are (tracked).
pub fn contents() -> Contents {
    contents_signal().get()
}

fn contents_signal() -> &'static ArcRwSignal<Contents> {
    CONTENTS.get_or_init(|| ArcRwSignal::new(Contents::Arriving))
}

fn progress_signal() -> &'static ArcRwSignal<(u64, u64)> {
    PROGRESS.get_or_init(|| ArcRwSignal::new((0, 0)))
}

/// Bytes of the bundle received, and its size (tracked).
pub fn progress() -> (u64, u64) {
    progress_signal().get()
}

/// Downloads and decodes the bundle, updating [`progress`] as bytes
/// arrive. Calls `searchable` once the index and catalogue are set, and
/// returns once the whole corpus is, or says why it cannot: an error
/// before `searchable` means the explorer cannot start, one after it is
/// also shown by [`contents`].
pub async fn load(searchable: impl FnOnce()) -> Result<(), LoadError> {
    let mut loaded = match inline_bundle() {
        Some(bytes) => decode_inline(&bytes).map(|()| searchable()),
        None => download(searchable).await,
    };
    if loaded.is_ok() {
        contents_signal().set(Contents::Complete);
        loaded = make_detail().await.map_err(LoadError::Bundle);
    }
    if let Err(error) = &loaded {
        contents_signal().set(Contents::Failed(error.message()));
    }
    loaded
}

/// Decodes the single-file build's bundle, all at once.
fn decode_inline(bytes: &[u8]) -> Result<(), LoadError> {
    let mut reader = BundleReader::default();
    reader.push(bytes).map_err(LoadError::Bundle)?;
    let bundle = reader.finish().map_err(LoadError::Bundle)?;
    let _ = INDEX.set(bundle.index);
    let _ = CORPUS.set(bundle.corpus);
    Ok(())
}

/// Makes the index's detail from the whole corpus's words, pausing every
/// [`DECODE_SLICE_MS`] so the page renders and answers meanwhile; then
/// what was searched by documents alone is searched again, by paragraph
/// and with positions; then the index's typo walks are prepared.
async fn make_detail() -> Result<(), BundleError> {
    let Some(corpus) = CORPUS.get() else {
        return Ok(());
    };
    let mut detail = DetailBuilder::new(index(), corpus);
    let mut slice_start = js_sys::Date::now();
    while detail.add_next() {
        if js_sys::Date::now() - slice_start >= DECODE_SLICE_MS {
            next_task().await;
            slice_start = js_sys::Date::now();
        }
    }
    detail.finish().map_err(BundleError::Corrupt)?;
    contents_signal().notify();
    next_task().await;
    index().prepare_typo_walks();
    Ok(())
}

/// The bytes the single-file build put in the page, if it is that build;
/// the page lets go of its copy.
fn inline_bundle() -> Option<Vec<u8>> {
    let global = js_sys::global();
    let key = JsValue::from_str(INLINE_BUNDLE);
    let bytes = Reflect::get(&global, &key)
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()?;
    let _ = Reflect::delete_property(&global, &key);
    Some(bytes.to_vec())
}

fn download_error(what: &str, e: JsValue) -> LoadError {
    LoadError::Download(format!(
        "{what}: {}",
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    ))
}

/// The bundle's address and size, from the page's meta element, and the
/// body of the response the page's start-up script asked for.
async fn open_bundle() -> Result<(String, u64, ReadableStreamDefaultReader), LoadError> {
    let no_file = || LoadError::Download("the page names no corpus file".into());
    let meta = leptos::prelude::document()
        .query_selector(BUNDLE_META)
        .ok()
        .flatten()
        .ok_or_else(no_file)?;
    let href = meta.get_attribute("content").unwrap_or_default();
    let total: u64 = meta
        .get_attribute("data-bytes")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let download = Reflect::get(&js_sys::global(), &JsValue::from_str(BUNDLE_DOWNLOAD))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(no_file)?;
    let response: Response = JsFuture::from(download)
        .await
        .map_err(|e| download_error(&href, e))?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadError::Download(format!(
            "{href}: HTTP {}",
            response.status()
        )));
    }
    let body = response
        .body()
        .ok_or_else(|| LoadError::Download(format!("{href}: empty response")))?;
    Ok((href, total, body.get_reader().unchecked_into()))
}

/// Reads the bundle the page links to chunk by chunk, decoding each frame
/// as soon as it is complete: neither JavaScript nor wasm ever holds the
/// whole file, and decoding overlaps the download.
async fn download(searchable: impl FnOnce()) -> Result<(), LoadError> {
    let (href, total, stream) = open_bundle().await?;
    let mut searchable = Some(searchable);
    let mut bundle = BundleReader::default();
    let (mut received, mut reported) = (0u64, 0u64);
    let mut chunk_bytes = Vec::new();
    let mut slice_start = js_sys::Date::now();
    loop {
        let chunk = JsFuture::from(stream.read())
            .await
            .map_err(|e| download_error(&href, e))?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(|e| download_error(&href, e))?;
        if done.is_truthy() {
            let corpus = bundle.finish_corpus().map_err(LoadError::Bundle)?;
            index().set_document_facets(&corpus);
            let _ = CORPUS.set(corpus);
            return Ok(());
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|e| download_error(&href, e))?
            .unchecked_into();
        chunk_bytes.resize(value.length() as usize, 0);
        value.copy_to(&mut chunk_bytes);
        bundle.push(&chunk_bytes).map_err(LoadError::Bundle)?;
        let mut pause = js_sys::Date::now() - slice_start >= DECODE_SLICE_MS;
        if let Some(early) = bundle.take_searchable() {
            let _ = INDEX.set(early.index);
            let _ = CATALOGUE.set(early.corpus);
            searchable.take().into_iter().for_each(|f| f());
            pause = true;
        }
        received += chunk_bytes.len() as u64;
        if received - reported >= total / PROGRESS_STEPS {
            reported = received;
            progress_signal().set((received, total.max(received)));
        }
        if pause {
            next_task().await;
            slice_start = js_sys::Date::now();
        }
    }
}

/// Resolves in a later task of the browser's event loop, after it has had
/// the chance to render.
async fn next_task() {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(timer).await;
}

/// The corpus: every document's card while the contents arrive, then the
/// whole corpus (tracks [`contents`]).
pub fn corpus() -> &'static Corpus {
    contents_signal().track();
    CORPUS
        .get()
        .or_else(|| CATALOGUE.get())
        .expect("main mounts the explorer only after the catalogue is set")
}

pub fn index() -> &'static SearchIndex {
    INDEX
        .get()
        .expect("main mounts the explorer only after the index is set")
}

/// A document by its id.
pub fn document(id: u32) -> &'static Document {
    &corpus().documents[id as usize]
}
