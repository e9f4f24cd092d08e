//! The explorer's search engine behind a small wasm-bindgen API, so the
//! browser benchmark (`bench/run.sh`) can build and query it from
//! JavaScript exactly as the app does, results crossing over through
//! serde-wasm-bindgen.
//!
//! Invariant: document `i` of the array given to [`Engine::new`] is
//! `DocId` `i` in every result.

use corpus_model::{Block, BlockKind, Corpus, Document, Metadata, PartialDate};
use corpus_search::{SearchIndex, SearchRequest};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// A document as the benchmark page passes it.
#[derive(Deserialize)]
pub struct InputDocument {
    file: String,
    title: String,
    /// `yyyy-mm-dd`, or empty.
    #[serde(default)]
    date: String,
    text: String,
}

/// A corpus and its search index.
#[wasm_bindgen]
pub struct Engine {
    corpus: Corpus,
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the corpus and its index from an array of
    /// `{file, title, date, text}`.
    #[wasm_bindgen(constructor)]
    pub fn new(documents: JsValue) -> Result<Engine, JsError> {
        let input: Vec<InputDocument> = serde_wasm_bindgen::from_value(documents)?;
        let documents = input.into_iter().map(document).collect();
        let corpus = Corpus {
            name: "benchmark".into(),
            documents,
            ..Corpus::default()
        };
        let index = SearchIndex::build(&corpus);
        Ok(Engine { corpus, index })
    }

    /// Size of the serialized index, in bytes (what the app embeds).
    #[wasm_bindgen(js_name = indexBytes)]
    pub fn index_bytes(&self) -> usize {
        self.index.serialized_size()
    }

    /// Searches as the app does on a keystroke; returns `SearchResults`.
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        let request = SearchRequest {
            query: query.to_string(),
            limit,
            ..SearchRequest::default()
        };
        Ok(serde_wasm_bindgen::to_value(
            &self.index.search(&self.corpus, &request),
        )?)
    }
}

/// A model document: paragraphs split at blank lines, as the pipeline's
/// cleaning does for plain text.
pub fn document(input: InputDocument) -> Document {
    let mut text = String::with_capacity(input.text.len());
    let mut blocks = Vec::new();
    for paragraph in input
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len() as u32;
        text.push_str(paragraph);
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            start,
            end: text.len() as u32,
        });
    }
    Document {
        file: input.file,
        meta: Metadata {
            title: input.title,
            date: parse_date(&input.date),
            ..Metadata::default()
        },
        text,
        blocks,
        ..Document::default()
    }
}

fn parse_date(date: &str) -> Option<PartialDate> {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let year = parts.next()??;
    let month = parts.next().flatten().and_then(|m| u8::try_from(m).ok());
    let day = parts.next().flatten().and_then(|d| u8::try_from(d).ok());
    Some(PartialDate {
        year: i32::try_from(year).ok()?,
        month,
        day,
    })
}
