//! The corpus embedded at build time, decoded once before the explorer
//! mounts.
//!
//! Invariant: `main` mounts the explorer only after [`load`] succeeded, so
//! the accessors below always find the bundle; when it cannot be read, the
//! page shows why instead of the explorer.

use std::sync::OnceLock;

use corpus_model::{Corpus, Document};
use corpus_search::bundle::{Bundle, BundleError};
use corpus_search::SearchIndex;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static BUNDLE: OnceLock<Bundle> = OnceLock::new();

/// Decodes the embedded bundle, or says why it cannot be read.
pub fn load() -> Result<(), BundleError> {
    let bundle = Bundle::decode(BYTES)?;
    BUNDLE.get_or_init(|| bundle);
    Ok(())
}

/// The embedded corpus and its index.
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
