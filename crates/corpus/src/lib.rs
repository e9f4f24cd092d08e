//! The corpus core: everything the explorer does that is not UI.
//!
//! Data flows through the modules in this order:
//! `ingest` (files in, decoded text and declared metadata out) →
//! `clean` (the document's own text, its structure and a source map) →
//! `metadata` / `entities` / `quotes` (what the text says, who said it) →
//! `search` (an index built once, queried on every keystroke).
//! `pipeline` runs those stages over a folder; `bundle` packs the result
//! into the versioned binary the app embeds.
//!
//! Nothing here depends on the web, so all of it builds and tests natively.

pub mod bundle;
pub mod clean;
pub mod entities;
pub mod ingest;
pub mod metadata;
pub mod model;
pub mod pipeline;
pub mod quotes;
pub mod search;
pub mod views;
