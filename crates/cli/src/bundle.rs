//! `corpus bundle DIR FILE [--sizes]`: preprocesses a corpus folder and
//! writes the bundle the app downloads (its corpus and search index) to
//! FILE. Warnings and skipped files go to standard error, one a line, naming
//! the file. `--sizes` prints where the bytes go, raw and gzipped, structure
//! by structure (before the bundle's own compression, which gzip stands in
//! for), the bundle as written, and the heap bytes each structure takes
//! once decoded.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use corpus_search::bundle::Bundle;
use corpus_search::SearchIndex;

pub fn run(args: &[String]) -> ExitCode {
    let sizes = args.iter().any(|a| a == "--sizes");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [dir, file] = paths.as_slice() else {
        eprintln!("usage: corpus bundle DIR FILE [--sizes]");
        return ExitCode::from(2);
    };
    let corpus = match corpus_pipeline::build(Path::new(dir.as_str())) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("error: cannot build the corpus in {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for warning in corpus.warnings.iter().chain(&corpus.skipped) {
        eprintln!("warning: {warning}");
    }
    let index = SearchIndex::build(&corpus);
    let bundle = Bundle { corpus, index };
    let bytes = bundle.encode();
    if let Err(e) = std::fs::write(file, &bytes) {
        eprintln!("error: cannot write {file}: {e}");
        return ExitCode::FAILURE;
    }
    if sizes {
        print_sizes(&bundle, &bytes);
    }
    ExitCode::SUCCESS
}

/// One line per structure: raw bytes, gzipped bytes, share of the raw total;
/// the bundle as written; then the index's own parts.
fn print_sizes(bundle: &Bundle, written: &[u8]) {
    let bytes = bundle.encode_uncompressed();
    let total = bytes.len().max(1) as f64;
    out!(
        "{:<28} {:>12} {:>12} {:>6}",
        "structure",
        "bytes",
        "gzipped",
        "share"
    );
    for (name, part) in bundle.encoded_parts() {
        out!(
            "{name:<28} {:>12} {:>12} {:>5.1}%",
            part.len(),
            gzipped(&part),
            100.0 * part.len() as f64 / total
        );
    }
    out!(
        "{:<28} {:>12} {:>12} {:>5.1}%",
        "whole bundle",
        bytes.len(),
        gzipped(&bytes),
        100.0
    );
    out!(
        "{:<28} {:>12} {:>12}",
        "as written (zstd)",
        written.len(),
        "",
    );
    out!("of which the index (and its detail, made again in the browser):");
    for (name, part) in bundle.index.size_breakdown() {
        out!("  {name:<26} {:>12} {:>12}", part.len(), gzipped(&part));
    }
    out!("decoded (heap bytes; the index takes about its encoded size):");
    let decoded = crate::memory::decoded_sizes(&bundle.corpus);
    for (name, size) in &decoded {
        out!("  {name:<26} {size:>12}");
    }
    let total: usize = decoded.iter().map(|(_, size)| size).sum();
    out!("  {:<26} {total:>12}", "corpus, decoded");
}

fn gzipped(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to a Vec cannot fail");
    encoder
        .finish()
        .expect("writing to a Vec cannot fail")
        .len()
}
