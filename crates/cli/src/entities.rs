//! `corpus entities DIR [--json]`: people, organisations and places with
//! their roles (per document), aliases and document counts.

use std::process::ExitCode;

use corpus_model::{Corpus, Entity};
use serde_json::json;

pub fn run(args: &[String]) -> ExitCode {
    let (corpus, json) = match crate::load_folder(args, "entities") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if json {
        let list: Vec<serde_json::Value> = corpus
            .entities
            .iter()
            .map(|e| describe(&corpus, e))
            .collect();
        out!(
            "{}",
            serde_json::to_string_pretty(&list).expect("JSON values serialise")
        );
    } else {
        for e in &corpus.entities {
            out!(
                "{:<13} {}  [{} document{}]",
                format!("{:?}", e.kind),
                e.name,
                e.documents.len(),
                if e.documents.len() == 1 { "" } else { "s" }
            );
            if !e.aliases.is_empty() {
                out!("{:<13}   also: {}", "", e.aliases.join(", "));
            }
            for role in &e.roles {
                out!(
                    "{:<13}   role: {} ({})",
                    "",
                    role.role,
                    corpus.documents[role.doc as usize].file
                );
            }
        }
        out!(
            "\n{} entities in {} documents",
            corpus.entities.len(),
            corpus.documents.len()
        );
    }
    ExitCode::SUCCESS
}

fn describe(corpus: &Corpus, e: &Entity) -> serde_json::Value {
    let roles: Vec<serde_json::Value> = e
        .roles
        .iter()
        .map(|r| json!({ "role": r.role, "file": corpus.documents[r.doc as usize].file }))
        .collect();
    let files: Vec<&str> = e
        .documents
        .iter()
        .map(|&d| corpus.documents[d as usize].file.as_str())
        .collect();
    json!({ "kind": format!("{:?}", e.kind), "name": e.name, "aliases": e.aliases, "roles": roles, "documents": files })
}
