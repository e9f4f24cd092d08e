//! Preprocesses the corpus folder at build time and writes the bundle the app
//! embeds. The folder is `seeds/` unless `CORPUS_DIR` names another.

use std::path::{Path, PathBuf};

use corpus_search::bundle::Bundle;
use corpus_search::SearchIndex;

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let corpus_dir = match std::env::var_os("CORPUS_DIR") {
        Some(dir) => manifest_dir.join(dir),
        None => manifest_dir.join("seeds"),
    };
    watch(&corpus_dir);
    let corpus = match corpus_pipeline::build(&corpus_dir) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!(
                "error: cannot build the corpus in {}: {e}",
                corpus_dir.display()
            );
            std::process::exit(1);
        }
    };
    for warning in corpus.warnings.iter().chain(&corpus.skipped) {
        println!("cargo:warning={warning}");
    }
    let index = SearchIndex::build(&corpus);
    let bytes = Bundle { corpus, index }.encode();
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Asks cargo to rebuild when anything in the corpus folder changes: its
/// folders (a file added or removed), its documents and its catalogue, as
/// the pipeline's own walk finds them (no links followed out of the folder).
fn watch(dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(walk) = corpus_pipeline::ingest::walk(dir) else {
        return;
    };
    for path in walk.folders.iter().chain(&walk.files) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!(
        "cargo:rerun-if-changed={}",
        dir.join(corpus_pipeline::ingest::CATALOG_FILE).display()
    );
}
