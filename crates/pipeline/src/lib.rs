//! The build-time pipeline: a folder of documents in, an annotated corpus out.
//!
//! Data flows through the modules in this order:
//! `ingest` (files in, decoded text and declared metadata out) →
//! `clean` (the document's own text, its structure and a source map) →
//! `dates` (the dates the text writes) →
//! `metadata` / `entities` / `quotes` (what the text says, who said it).
//! `pipeline` runs those stages over a folder or a single file.
//!
//! Everything here runs natively at build time; the browser app never links it.

pub mod clean;
pub mod dates;
pub mod entities;
pub mod ingest;
pub mod metadata;
pub mod pipeline;
pub mod quotes;

pub use pipeline::{build, PipelineError};
