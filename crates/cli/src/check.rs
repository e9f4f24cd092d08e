//! `corpus check DIR [--json]`: one line per document (file, title, source,
//! date, kind, words, people, quotes), the people and organisations each
//! names, then every warning. Exits non-zero when the corpus cannot be built.

use std::process::ExitCode;

use corpus_model::{Corpus, Document, EntityKind};
use serde_json::json;

pub fn run(args: &[String]) -> ExitCode {
    let (corpus, json) = match crate::load_folder(args, "check") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(&report(&corpus)).expect("JSON values serialise")
        );
    } else {
        print_table(&corpus);
    }
    ExitCode::SUCCESS
}

/// The names of the distinct entities of `kind` the document mentions.
fn names<'a>(corpus: &'a Corpus, doc: &Document, kind: EntityKind) -> Vec<&'a str> {
    let mut ids: Vec<u32> = doc
        .mentions
        .iter()
        .map(|m| m.entity)
        .filter(|&e| corpus.entities[e as usize].kind == kind)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|e| corpus.entities[e as usize].name.as_str())
        .collect()
}

fn count(corpus: &Corpus, doc: &Document, kind: EntityKind) -> usize {
    names(corpus, doc, kind).len()
}

fn report(corpus: &Corpus) -> serde_json::Value {
    let documents: Vec<serde_json::Value> = corpus
        .documents
        .iter()
        .map(|d| {
            json!({
                "file": d.file,
                "title": d.meta.title,
                "source": d.meta.source,
                "date": d.meta.date.map(|d| d.to_string()),
                "kind": d.meta.kind,
                "words": d.text.split_whitespace().count(),
                "people": count(corpus, d, EntityKind::Person),
                "organisations": count(corpus, d, EntityKind::Organisation),
                "places": count(corpus, d, EntityKind::Place),
                "quotes": d.quotes.len(),
                "names": {
                    "people": names(corpus, d, EntityKind::Person),
                    "organisations": names(corpus, d, EntityKind::Organisation),
                    "places": names(corpus, d, EntityKind::Place),
                },
            })
        })
        .collect();
    let warnings: Vec<String> = corpus.warnings.iter().map(ToString::to_string).collect();
    let skipped: Vec<String> = corpus.skipped.iter().map(ToString::to_string).collect();
    json!({ "corpus": corpus.name, "documents": documents, "warnings": warnings, "skipped": skipped })
}

fn print_table(corpus: &Corpus) {
    let rows: Vec<[String; 8]> = corpus
        .documents
        .iter()
        .map(|d| {
            [
                d.file.clone(),
                shorten(&d.meta.title, 48),
                d.meta.source.clone().unwrap_or_else(|| "-".into()),
                d.meta
                    .date
                    .map_or_else(|| "undated".into(), |d| d.to_string()),
                d.meta.kind.clone().unwrap_or_else(|| "-".into()),
                d.text.split_whitespace().count().to_string(),
                count(corpus, d, EntityKind::Person).to_string(),
                d.quotes.len().to_string(),
            ]
        })
        .collect();
    let header = [
        "file", "title", "source", "date", "kind", "words", "people", "quotes",
    ]
    .map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, w))| {
                if i >= 5 {
                    format!("{cell:>w$}")
                } else {
                    format!("{cell:<w$}")
                }
            })
            .collect();
        out!("{}", cells.join("  ").trim_end());
    }
    out!("\npeople and organisations:");
    for d in &corpus.documents {
        out!(
            "  {}  people: {}  organisations: {}",
            d.file,
            names(corpus, d, EntityKind::Person).join(", "),
            names(corpus, d, EntityKind::Organisation).join(", ")
        );
    }
    out!(
        "\n{} documents, {} entities, {} warnings, {} skipped",
        corpus.documents.len(),
        corpus.entities.len(),
        corpus.warnings.len(),
        corpus.skipped.len()
    );
    for warning in corpus.warnings.iter().chain(&corpus.skipped) {
        out!("warning: {warning}");
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}
