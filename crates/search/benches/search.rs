//! Native benchmark of the search engine over Reuters-21578: the same
//! workloads as the browser benchmark (`bench/queries.json` and the
//! evaluation sets of `bench/eval/reuters.json`, every 8th of them typed
//! key by key).
//!
//! Run: `cargo bench -p corpus --bench search` (set `CORPUS_DIR` to use
//! another folder). Prints the build times, the index size against the gzip
//! size of the raw text, p50/p95 latency per query and per keystroke (every
//! prefix of every query, as typed), and recall@5 on the typo queries. A
//! script, not a timed test: nothing here fails on a number.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use corpus_search::{SearchIndex, SearchRequest};
use serde::Deserialize;

/// Timed passes over each workload (after one warm-up pass).
const ROUNDS: usize = 3;
/// One evaluation query in this many is typed key by key.
const KEYSTROKE_SAMPLE: usize = 8;
const HITS: usize = 10;

/// The evaluation sets of a corpus (`bench/eval/NAME.json`).
#[derive(Deserialize)]
struct EvalSets {
    sets: Vec<BenchQuery>,
}

#[derive(Deserialize)]
struct BenchQuery {
    #[serde(default)]
    kind: String,
    q: String,
    target: Option<String>,
}

fn main() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../shared/corpora/reuters-21578"));
    let queries_path = manifest.join("../../bench/queries.json");
    let queries: Vec<BenchQuery> = match std::fs::read(&queries_path)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(queries) => queries,
        Err(e) => {
            eprintln!("{}: {e}", queries_path.display());
            std::process::exit(1);
        }
    };

    let started = Instant::now();
    let corpus = match corpus_pipeline::build(&dir) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let pipeline_time = started.elapsed();
    let started = Instant::now();
    let index = SearchIndex::build(&corpus);
    let index_time = started.elapsed();
    let index_bytes = index.serialized_size();
    let raw_bytes: usize = corpus.documents.iter().map(|d| d.raw.len()).sum();
    let gzip_bytes = gzip_size(&corpus);

    let search = |q: &str| {
        let request = SearchRequest {
            query: q.to_string(),
            limit: HITS,
            ..SearchRequest::default()
        };
        index.search(&corpus, &request)
    };
    let eval_path = manifest.join("../../bench/eval/reuters.json");
    let evaluation: Vec<BenchQuery> = std::fs::read(&eval_path)
        .ok()
        .and_then(|b| serde_json::from_slice::<EvalSets>(&b).ok())
        .map_or_else(Vec::new, |e| e.sets);
    let whole: Vec<&str> = queries
        .iter()
        .chain(&evaluation)
        .map(|q| q.q.as_str())
        .collect();
    let keystrokes: Vec<&str> = queries
        .iter()
        .chain(evaluation.iter().step_by(KEYSTROKE_SAMPLE))
        .flat_map(|q| q.q.char_indices().map(|(i, c)| &q.q[..i + c.len_utf8()]))
        .filter(|k| !k.trim().is_empty())
        .collect();
    let time = |workload: &[&str]| {
        for q in workload {
            std::hint::black_box(search(q));
        }
        let mut samples: Vec<(Duration, String)> = Vec::with_capacity(workload.len() * ROUNDS);
        for _ in 0..ROUNDS {
            for q in workload {
                let started = Instant::now();
                std::hint::black_box(search(q));
                samples.push((started.elapsed(), q.to_string()));
            }
        }
        samples.sort_unstable();
        samples
    };
    let query_samples = time(&whole);
    let keystroke_samples = time(&keystrokes);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let percentile = |samples: &[(Duration, String)], p: f64| {
        ms(samples[((samples.len() - 1) as f64 * p).round() as usize].0)
    };

    let typo_queries: Vec<&BenchQuery> = queries.iter().filter(|q| q.kind == "typo").collect();
    let found = typo_queries
        .iter()
        .filter(|q| {
            let target = q.target.as_deref().unwrap_or_default();
            search(&q.q)
                .hits
                .iter()
                .take(5)
                .any(|h| corpus.documents[h.doc as usize].file == target)
        })
        .count();

    let mut out = std::io::stdout().lock();
    let mb = |b: usize| b as f64 / 1e6;
    let _ = writeln!(
        out,
        "corpus            {} ({} documents, {:.1} MB raw text)",
        dir.display(),
        corpus.documents.len(),
        mb(raw_bytes)
    );
    let _ = writeln!(
        out,
        "queries           {} ({} with typos, {} in evaluation sets), {} keystrokes, {ROUNDS} timed rounds",
        whole.len(),
        typo_queries.len(),
        evaluation.len(),
        keystrokes.len()
    );
    let _ = writeln!(
        out,
        "pipeline build    {:.2} s",
        pipeline_time.as_secs_f64()
    );
    let _ = writeln!(out, "index build       {:.2} s", index_time.as_secs_f64());
    let _ = writeln!(
        out,
        "index size        {:.2} MB = {:.2} x gzip of raw text ({:.2} MB)",
        mb(index_bytes),
        index_bytes as f64 / gzip_bytes as f64,
        mb(gzip_bytes)
    );
    for (part, bytes) in index.size_breakdown() {
        let _ = writeln!(out, "  {part:<30}{:.2} MB", mb(bytes.len()));
    }
    let _ = writeln!(
        out,
        "per query         p50 {:.3} ms, p95 {:.3} ms",
        percentile(&query_samples, 0.5),
        percentile(&query_samples, 0.95)
    );
    let _ = writeln!(
        out,
        "per keystroke     p50 {:.3} ms, p95 {:.3} ms",
        percentile(&keystroke_samples, 0.5),
        percentile(&keystroke_samples, 0.95)
    );
    let mut slowest: Vec<&(Duration, String)> = keystroke_samples.iter().rev().collect();
    slowest.dedup_by(|a, b| a.1 == b.1);
    let slowest: Vec<String> = slowest
        .iter()
        .take(6)
        .map(|(d, q)| format!("{q:?} {:.1} ms", ms(*d)))
        .collect();
    let _ = writeln!(out, "slowest keystrokes {}", slowest.join(", "));
    let _ = writeln!(
        out,
        "typo recall@5     {:.1}% ({found}/{})",
        100.0 * found as f64 / typo_queries.len().max(1) as f64,
        typo_queries.len()
    );
}

/// Size of the raw text of every document, gzipped at the default level.
fn gzip_size(corpus: &corpus_model::Corpus) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for doc in &corpus.documents {
        let _ = encoder.write_all(doc.raw.as_bytes());
    }
    encoder.finish().map(|b| b.len()).unwrap_or(0)
}
