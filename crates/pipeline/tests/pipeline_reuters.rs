//! The Reuters-21578 corpus (19,043 stories with TOML front matter) loads
//! through the same pipeline without a panic, and the time it takes is
//! printed as a benchmark line (no timed assertion).
//!
//! Slow in a debug build, so ignored by default. Run it with:
//!
//! ```text
//! cargo test -p corpus-pipeline --release --test pipeline_reuters -- --ignored --nocapture --test-threads 1
//! ```

use std::path::Path;
use std::time::Instant;

#[test]
#[ignore = "loads 19,043 files; run with --release -- --ignored --nocapture"]
fn reuters_loads_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/reuters-21578");
    assert!(dir.is_dir(), "no Reuters corpus at {}", dir.display());
    let started = Instant::now();
    let corpus = corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("Reuters: {e}"));
    let elapsed = started.elapsed();
    let mentions: usize = corpus.documents.iter().map(|d| d.mentions.len()).sum();
    println!(
        "bench: reuters-21578 built in {:.2} s: {} documents, {} entities, {} mentions, {} warnings",
        elapsed.as_secs_f64(),
        corpus.documents.len(),
        corpus.entities.len(),
        mentions,
        corpus.warnings.len()
    );
    assert!(
        corpus.documents.len() > 18_000,
        "{} documents",
        corpus.documents.len()
    );
    for d in &corpus.documents {
        assert!(!d.meta.title.is_empty(), "{}: no title", d.file);
        let declares_date = d.raw[..d.raw.find("\n+++").unwrap_or(0)].contains("\ndate = ");
        assert!(
            d.meta.date.is_some() || !declares_date,
            "{}: declared date lost",
            d.file
        );
    }
    for d in &corpus.documents {
        for s in &d.source_map.segments {
            assert_eq!(
                &d.text[s.text_start as usize..(s.text_start + s.len) as usize],
                &d.raw[s.raw_start as usize..(s.raw_start + s.len) as usize],
                "{}",
                d.file
            );
        }
        assert!(!d.text.contains("&#3;"), "{}: wire trailer kept", d.file);
    }
}

/// Times this crate's stages one by one (reading, cleaning, entities),
/// without quotes, to show where the build's time goes.
#[test]
#[ignore = "loads 19,043 files; run with --release -- --ignored --nocapture"]
fn reuters_stage_times() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/reuters-21578");
    let started = Instant::now();
    let files = corpus_pipeline::ingest::find_files(&dir).expect("list the corpus");
    let mut warnings = Vec::new();
    let sources: Vec<_> = files
        .iter()
        .map(|f| {
            corpus_pipeline::ingest::read_file(&dir, f, &mut warnings)
                .unwrap_or_else(|e| panic!("{e:?}"))
        })
        .collect();
    let read = started.elapsed();
    let started = Instant::now();
    let mut documents: Vec<corpus_model::Document> = sources
        .iter()
        .map(|s| {
            let cleaned = corpus_pipeline::clean::clean_from(&s.raw, s.body_start);
            corpus_model::Document {
                text: cleaned.text,
                blocks: cleaned.blocks,
                ..Default::default()
            }
        })
        .collect();
    let clean = started.elapsed();
    let started = Instant::now();
    let entities = corpus_pipeline::entities::extract(&mut documents);
    let found = started.elapsed();
    println!(
        "bench: reuters-21578 stages: read {:.2} s, clean {:.2} s, entities {:.2} s ({} entities)",
        read.as_secs_f64(),
        clean.as_secs_f64(),
        found.as_secs_f64(),
        entities.len()
    );
    assert_eq!(documents.len(), files.len());
}
