//! Runs every stage over a corpus folder and returns the annotated corpus.

use std::path::Path;

use crate::clean;
use crate::entities;
use crate::ingest;
use crate::metadata;
use crate::model::{Corpus, Document, Metadata};
use crate::quotes;

/// Why a corpus could not be built.
#[derive(Debug)]
pub struct PipelineError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for PipelineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PipelineError {}

/// Builds the corpus from a folder, or from a single file.
pub fn build(path: &Path) -> Result<Corpus, PipelineError> {
    let io_error = |e: std::io::Error| PipelineError { file: path.display().to_string(), line: None, message: e.to_string() };
    let (root, files) = if path.is_file() {
        (path.parent().unwrap_or(Path::new(".")).to_path_buf(), vec![path.to_path_buf()])
    } else {
        (path.to_path_buf(), ingest::find_files(path).map_err(io_error)?)
    };
    let mut warnings = Vec::new();
    let mut documents = Vec::new();
    for file in files {
        let source = ingest::read_file(&root, &file, &mut warnings).map_err(io_error)?;
        let cleaned = clean::clean(&source.raw);
        let title = metadata::infer_title(&cleaned);
        documents.push(Document {
            file: source.rel_path,
            meta: Metadata { title, ..Metadata::default() },
            raw: source.raw,
            encoding: source.encoding,
            text: cleaned.text,
            blocks: cleaned.blocks,
            source_map: cleaned.source_map,
            ..Document::default()
        });
    }
    let entities = entities::extract(&mut documents);
    for i in 0..documents.len() {
        documents[i].quotes = quotes::extract(&documents[i], &entities);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Corpus { name, documents, entities, warnings })
}
