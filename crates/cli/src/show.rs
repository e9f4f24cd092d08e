//! `corpus show FILE [--dropped] [--json]`: one cleaned document with its
//! metadata, dates and names; `--dropped` lists what cleaning removed and
//! why, with line numbers in the original file.

use std::path::Path;
use std::process::ExitCode;

use corpus_model::{BlockKind, Corpus, Document};
use serde_json::json;

pub fn run(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let dropped = args.iter().any(|a| a == "--dropped");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [file] = paths.as_slice() else {
        eprintln!("usage: corpus show FILE [--dropped] [--json]");
        return ExitCode::from(2);
    };
    let path = Path::new(file.as_str());
    if !path.is_file() {
        eprintln!("error: {file}: not a file");
        return ExitCode::FAILURE;
    }
    let corpus = match corpus_pipeline::build(path) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for warning in corpus.warnings.iter().chain(&corpus.skipped) {
        eprintln!("warning: {warning}");
    }
    let Some(doc) = corpus.documents.first() else {
        eprintln!("error: {file}: no document");
        return ExitCode::FAILURE;
    };
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(&report(&corpus, doc, dropped))
                .expect("JSON values serialise")
        );
    } else {
        print_document(&corpus, doc, dropped);
    }
    ExitCode::SUCCESS
}

fn line_of(raw: &str, offset: u32) -> usize {
    raw[..offset as usize].matches('\n').count() + 1
}

fn names(corpus: &Corpus, doc: &Document) -> Vec<serde_json::Value> {
    let mut ids: Vec<u32> = doc.mentions.iter().map(|m| m.entity).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let e = &corpus.entities[id as usize];
            let said: Vec<&str> = doc.mentions.iter().filter(|m| m.entity == id).map(|m| &doc.text[m.start as usize..m.end as usize]).collect();
            let roles: Vec<&str> = e.roles.iter().filter(|r| r.doc == 0).map(|r| r.role.as_str()).collect();
            json!({ "kind": format!("{:?}", e.kind), "name": e.name, "roles": roles, "mentions": said })
        })
        .collect()
}

fn report(corpus: &Corpus, doc: &Document, with_dropped: bool) -> serde_json::Value {
    let blocks: Vec<serde_json::Value> = doc
        .blocks
        .iter()
        .map(|b| json!({ "kind": format!("{:?}", b.kind), "text": doc.block_text(b), "line": line_of(&doc.raw, doc.source_map.to_raw(b.start)) }))
        .collect();
    let dates: Vec<serde_json::Value> = doc.dates.iter().map(|d| json!({ "text": &doc.text[d.start as usize..d.end as usize], "date": d.date.to_string() })).collect();
    let mut out = json!({
        "file": doc.file,
        "title": doc.meta.title,
        "source": doc.meta.source,
        "date": doc.meta.date.map(|d| d.to_string()),
        "kind": doc.meta.kind,
        "url": doc.meta.url,
        "facets": doc.meta.facets,
        "encoding": format!("{:?}", doc.encoding),
        "blocks": blocks,
        "dates": dates,
        "entities": names(corpus, doc),
        "quotes": doc.quotes.len(),
    });
    if with_dropped {
        out["dropped"] = doc
            .dropped
            .iter()
            .map(|d| json!({ "reason": d.reason, "line": line_of(&doc.raw, d.raw_start), "text": &doc.raw[d.raw_start as usize..d.raw_end as usize] }))
            .collect();
    }
    out
}

fn print_document(corpus: &Corpus, doc: &Document, with_dropped: bool) {
    out!("file:     {}", doc.file);
    out!("title:    {}", doc.meta.title);
    out!("source:   {}", doc.meta.source.as_deref().unwrap_or("-"));
    out!(
        "date:     {}",
        doc.meta
            .date
            .map_or_else(|| "undated".into(), |d| d.to_string())
    );
    out!("kind:     {}", doc.meta.kind.as_deref().unwrap_or("-"));
    if let Some(url) = &doc.meta.url {
        out!("url:      {url}");
    }
    for (key, values) in &doc.meta.facets {
        out!("{key}: {}", values.join(", "));
    }
    out!("encoding: {:?}", doc.encoding);
    out!();
    for block in &doc.blocks {
        let marker = match block.kind {
            BlockKind::Heading => "#",
            BlockKind::Paragraph => "¶",
            BlockKind::Bullet => "•",
            BlockKind::Signature => "✎",
        };
        out!("{marker} {}\n", doc.block_text(block).replace('\n', "\n  "));
    }
    if !doc.dates.is_empty() {
        out!("dates:");
        for d in &doc.dates {
            out!(
                "  {}  {}",
                d.date,
                &doc.text[d.start as usize..d.end as usize]
            );
        }
    }
    out!("names:");
    for n in names(corpus, doc) {
        let roles: Vec<String> = n["roles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str().map(String::from))
            .collect();
        let said: Vec<String> = n["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str().map(String::from))
            .collect();
        let mut said_unique = said.clone();
        said_unique.sort();
        said_unique.dedup();
        let roles = if roles.is_empty() {
            String::new()
        } else {
            format!(" ({})", roles.join("; "))
        };
        out!(
            "  {:<13} {}{roles}  [{}× as {}]",
            n["kind"].as_str().unwrap_or(""),
            n["name"].as_str().unwrap_or(""),
            said.len(),
            said_unique.join(", ")
        );
    }
    if with_dropped {
        out!("\ndropped:");
        for d in &doc.dropped {
            let text = doc.raw[d.raw_start as usize..d.raw_end as usize].replace('\n', " ⏎ ");
            out!(
                "  line {:>3} {:<16} {}",
                line_of(&doc.raw, d.raw_start),
                d.reason,
                text
            );
        }
    }
}
