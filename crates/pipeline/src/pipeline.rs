//! Runs every stage over a corpus folder (or one file) and returns the
//! annotated corpus.
//!
//! Invariant: every file found is either a document of the corpus, or named
//! in `Corpus::skipped` with the reason it was left out (binary, too large,
//! malformed, a link leading outside the folder), or in a warning (an
//! identical copy of another); one bad file never stops the others. Only a
//! malformed catalogue, an unreadable folder, or a bad file asked for alone
//! fails the build. Metadata takes each field from the front matter,
//! else the catalogue, else what the text establishes.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::clean;
use crate::dates;
use crate::entities;
use crate::ingest::{self, Catalog, Declared, IngestError};
use crate::metadata;
use crate::quotes;
use corpus_model::cores::map_on_every_core;
use corpus_model::{Corpus, Document, Metadata, OriginalRest, Warning};

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

impl From<IngestError> for PipelineError {
    fn from(e: IngestError) -> Self {
        PipelineError {
            file: e.file,
            line: e.line,
            message: e.message,
        }
    }
}

/// Builds the corpus from a folder, or from a single file (with the
/// catalogue of the folder it is in).
pub fn build(path: &Path) -> Result<Corpus, PipelineError> {
    let io_error = |e: std::io::Error| PipelineError {
        file: path.display().to_string(),
        line: None,
        message: e.to_string(),
    };
    if !path.exists() {
        return Err(PipelineError {
            file: path.display().to_string(),
            line: None,
            message: "no such file or folder".into(),
        });
    }
    let single_file = !path.is_dir();
    let (root, files, mut skipped) = if single_file {
        (
            path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            vec![path.to_path_buf()],
            Vec::new(),
        )
    } else {
        let walk = ingest::walk(path).map_err(io_error)?;
        (path.to_path_buf(), walk.files, walk.skipped)
    };
    let mut warnings = Vec::new();
    let catalog = ingest::read_catalog(&root, &mut warnings)?;
    let mut documents: Vec<Document> = Vec::new();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (read, file_warnings) in read_all(&root, &files, &catalog) {
        // One bad file of a folder is left out with its reason; a single
        // file asked for by name is the whole build, so it is an error.
        let document = match read {
            Ok(document) => document,
            Err(e) if !single_file => {
                skipped.push(Warning {
                    file: e.file,
                    line: e.line,
                    message: format!("skipped: {}", e.message),
                });
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        warnings.extend(file_warnings);
        if !document.text.is_empty() {
            if let Some(&first) = seen.get(&document.text) {
                warnings.push(Warning {
                    file: document.file.clone(),
                    line: None,
                    message: format!("identical to {}; kept once", documents[first].file),
                });
                continue;
            }
            seen.insert(document.text.clone(), documents.len());
        }
        documents.push(document);
    }
    // Files left out by the walk and by reading, listed by file, then line.
    skipped.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    let entities = entities::extract(&mut documents);
    let names = quotes::EntityNames::of(&entities);
    extract_quotes(&mut documents, &names);
    let name = std::fs::canonicalize(path)
        .ok()
        .as_deref()
        .unwrap_or(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Corpus {
        name,
        documents,
        entities,
        warnings,
        skipped,
    })
}

/// One file read and cleaned, and the warnings reading it gave.
type FileRead = (Result<Document, IngestError>, Vec<Warning>);

/// Every file read and cleaned, in order, with the warnings reading it gave.
fn read_all(root: &Path, files: &[PathBuf], catalog: &Catalog) -> Vec<FileRead> {
    map_on_every_core(files, |file| {
        let mut warnings = Vec::new();
        let read =
            ingest::read_file(root, file, &mut warnings).map(|source| annotate(source, catalog));
        (read, warnings)
    })
}

/// Every document's quotes and quoted words that are none.
fn extract_quotes(documents: &mut [Document], names: &quotes::EntityNames) {
    let extracted = map_on_every_core(documents, |document| quotes::extract_with(document, names));
    for (document, extracted) in documents.iter_mut().zip(extracted) {
        document.quotes = extracted.quotes;
        document.unquoted = extracted.unquoted;
    }
}

/// Cleans one file and settles its metadata.
fn annotate(source: ingest::SourceFile, catalog: &Catalog) -> Document {
    let cleaned = clean::clean_from(&source.raw, source.body_start);
    let declared = match catalog.entries.get(&source.rel_path) {
        Some(entry) => source.declared.clone().or(entry),
        None => source.declared.clone(),
    };
    let mut dates = dates::find_dates(&cleaned.text);
    let date = declared
        .date
        .or_else(|| metadata::infer_date(&cleaned, &source.raw, &dates));
    if let Some(anchor) = date.filter(|d| d.day.is_some()) {
        dates.extend(dates::find_yearless_dates(&cleaned.text, anchor, &dates));
        dates.sort_by_key(|d| d.start);
    }
    let title = declared
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| {
            Some(metadata::infer_title(&cleaned))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| file_stem(&source.rel_path))
        });
    let Declared {
        source: publisher,
        url,
        kind,
        facets,
        ..
    } = declared;
    let kind = kind.or_else(|| metadata::infer_kind(&cleaned));
    Document {
        file: source.rel_path,
        meta: Metadata {
            title,
            source: publisher,
            date,
            url,
            kind,
            facets: facets.into_iter().collect(),
        },
        original_rest: OriginalRest::pack(&source.raw, &cleaned.text, &cleaned.source_map),
        raw: source.raw,
        encoding: source.encoding,
        text: cleaned.text,
        blocks: cleaned.blocks,
        source_map: cleaned.source_map,
        dropped: cleaned.dropped,
        dates,
        mentions: Vec::new(),
        quotes: Vec::new(),
        unquoted: Vec::new(),
    }
}

fn file_stem(rel_path: &str) -> String {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}
