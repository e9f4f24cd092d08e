//! The corpus: downloaded beside the app and decoded as it arrives, before
//! the explorer mounts.
//!
//! The build (scripts/post-build.mjs) writes the bundle as a hashed file next
//! to the wasm and names it in index.html with
//! `<link rel="preload" as="fetch" data-corpus-bundle data-bytes="N" href>`,
//! so the browser starts downloading it while the code is still arriving.
//! The single-file build puts the bytes in `window.corpusBundle` instead.
//!
//! Invariant: `main` mounts the explorer only after [`load`] succeeded, so
//! the accessors below always find the bundle; when it cannot be read, the
//! page shows why instead of the explorer.

use std::sync::OnceLock;

use corpus_model::{Corpus, Document};
use corpus_search::bundle::{Bundle, BundleError, BundleReader};
use corpus_search::SearchIndex;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

/// The element that names the bundle's file and size.
const BUNDLE_LINK: &str = "link[data-corpus-bundle]";
/// Where the single-file build puts the bundle's bytes.
const INLINE_BUNDLE: &str = "corpusBundle";

/// How many times at most the progress bar moves: each move re-renders it,
/// and a corpus arrives in hundreds of chunks.
const PROGRESS_STEPS: u64 = 100;

static BUNDLE: OnceLock<Bundle> = OnceLock::new();

/// Why the explorer cannot start.
#[derive(Debug)]
pub enum LoadError {
    /// The page names no bundle, or it could not be downloaded.
    Download(String),
    /// The bundle arrived but cannot be read.
    Bundle(BundleError),
}

/// Downloads and decodes the bundle, calling `progress(received, total)`
/// as bytes arrive, or says why it cannot.
pub async fn load(progress: impl Fn(u64, u64)) -> Result<(), LoadError> {
    let bundle = match inline_bundle() {
        Some(bytes) => Bundle::decode(&bytes).map_err(LoadError::Bundle)?,
        None => download(&progress).await?,
    };
    BUNDLE.get_or_init(|| bundle);
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

/// Reads the bundle the page links to chunk by chunk, decoding each frame
/// as soon as it is complete: neither JavaScript nor wasm ever holds the
/// whole file, and decoding overlaps the download.
async fn download(progress: &impl Fn(u64, u64)) -> Result<Bundle, LoadError> {
    let failed = |what: &str, e: JsValue| {
        LoadError::Download(format!(
            "{what}: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        ))
    };
    let link = leptos::prelude::document()
        .query_selector(BUNDLE_LINK)
        .ok()
        .flatten()
        .ok_or_else(|| LoadError::Download("the page names no corpus file".into()))?;
    let href = link.get_attribute("href").unwrap_or_default();
    let total: u64 = link
        .get_attribute("data-bytes")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let response: Response = JsFuture::from(leptos::prelude::window().fetch_with_str(&href))
        .await
        .map_err(|e| failed(&href, e))?
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
    let stream: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bundle = BundleReader::default();
    let (mut received, mut reported) = (0u64, 0u64);
    let mut chunk_bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(stream.read())
            .await
            .map_err(|e| failed(&href, e))?;
        let done =
            Reflect::get(&chunk, &JsValue::from_str("done")).map_err(|e| failed(&href, e))?;
        if done.is_truthy() {
            return bundle.finish().map_err(LoadError::Bundle);
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|e| failed(&href, e))?
            .unchecked_into();
        chunk_bytes.resize(value.length() as usize, 0);
        value.copy_to(&mut chunk_bytes);
        bundle.push(&chunk_bytes).map_err(LoadError::Bundle)?;
        received += chunk_bytes.len() as u64;
        if received - reported >= total / PROGRESS_STEPS {
            reported = received;
            progress(received, total.max(received));
        }
    }
}

/// The corpus and its index.
pub fn bundle() -> &'static Bundle {
    BUNDLE
        .get()
        .expect("main mounts the explorer only after the bundle loaded")
}

pub fn corpus() -> &'static Corpus {
    &bundle().corpus
}

pub fn index() -> &'static SearchIndex {
    &bundle().index
}

/// A document by its id.
pub fn document(id: u32) -> &'static Document {
    &corpus().documents[id as usize]
}
