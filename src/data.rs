//! The corpus embedded at build time, decoded once on first use.

use std::sync::OnceLock;

use corpus_model::{Corpus, Document};
use corpus_search::bundle::Bundle;
use corpus_search::SearchIndex;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus and its index.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::decode(BYTES).expect("the build embeds a valid bundle"))
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
