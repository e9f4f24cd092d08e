//! The browser benchmark's workloads run natively, on the same documents
//! (`bench/out/docs.json`, written by `bench/run.mjs`), for profiling with
//! perf: `cargo run -p search-bench-wasm --example native --profile data
//! [-- query|keystroke]`. Times are the thread's CPU time, so that other
//! processes on a shared machine inflate them less than wall time.

use corpus_model::Corpus;
use corpus_search::{SearchIndex, SearchRequest};
use search_bench_wasm::{document, InputDocument};
use serde::Deserialize;

const HITS: usize = 10;
const KEYSTROKE_SAMPLE: usize = 8;
const ROUNDS: usize = 3;

#[derive(Deserialize)]
struct Query {
    q: String,
}

#[derive(Deserialize)]
struct Eval {
    sets: Vec<Query>,
}

fn read<T: for<'a> Deserialize<'a>>(path: &str) -> T {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let here = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let docs: Vec<InputDocument> = read(&format!("{here}/out/docs.json"));
    let queries: Vec<Query> = read(&format!("{here}/queries.json"));
    let eval: Eval = read(&format!("{here}/out/eval.json"));
    let corpus = Corpus {
        documents: docs.into_iter().map(document).collect(),
        ..Corpus::default()
    };
    let index = SearchIndex::build(&corpus);
    let whole: Vec<&str> = queries
        .iter()
        .chain(&eval.sets)
        .map(|q| q.q.as_str())
        .collect();
    let keystrokes: Vec<&str> = queries
        .iter()
        .chain(eval.sets.iter().step_by(KEYSTROKE_SAMPLE))
        .flat_map(|q| q.q.char_indices().map(|(i, c)| &q.q[..i + c.len_utf8()]))
        .filter(|k| !k.trim().is_empty())
        .collect();
    let listed = std::env::var("QUERIES")
        .map(|path| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        .unwrap_or_default();
    let listed: Vec<&str> = listed.lines().filter(|l| !l.trim().is_empty()).collect();
    let only = std::env::args().nth(1);
    let workloads = [
        ("query", &whole),
        ("keystroke", &keystrokes),
        ("listed", &listed),
    ];
    for (name, workload) in workloads {
        if workload.is_empty() {
            continue;
        }
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut samples = Vec::new();
        for round in 0..=ROUNDS {
            for q in workload.iter() {
                let request = SearchRequest {
                    query: q.to_string(),
                    limit: HITS,
                    ..SearchRequest::default()
                };
                let started = cpu_ms();
                std::hint::black_box(index.search(&corpus, &request));
                if round > 0 {
                    samples.push((cpu_ms() - started, *q));
                }
            }
        }
        samples.sort_by(|a, b| a.0.total_cmp(&b.0));
        let p = |f: f64| samples[((samples.len() - 1) as f64 * f).round() as usize].0;
        println!(
            "{name}: {} searches, p50 {:.3} ms, p95 {:.3} ms, max {:.3}",
            samples.len(),
            p(0.5),
            p(0.95),
            p(1.0)
        );
        let shown = if std::env::args().nth(2).as_deref() == Some("tail") {
            slowest_by_median(&samples, samples.len() / 8 / ROUNDS)
        } else {
            slowest_by_median(&samples, 8)
        };
        for (ms, q) in shown {
            println!("  {ms:.3} ms  {q:?}");
        }
    }
}

/// The `count` searches of `samples` (time, query) whose median time over
/// the rounds is longest, slowest first.
fn slowest_by_median<'a>(samples: &[(f64, &'a str)], count: usize) -> Vec<(f64, &'a str)> {
    let mut times: std::collections::HashMap<&str, Vec<f64>> = std::collections::HashMap::new();
    for &(ms, q) in samples {
        times.entry(q).or_default().push(ms);
    }
    let mut medians: Vec<(f64, &str)> = times
        .into_iter()
        .map(|(q, mut t)| {
            t.sort_by(f64::total_cmp);
            (t[t.len() / 2], q)
        })
        .collect();
    medians.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    medians.truncate(count);
    medians
}

/// `struct timespec` of 64-bit Linux.
#[repr(C)]
struct Timespec {
    seconds: i64,
    nanoseconds: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
}

/// The CPU time of this thread, in milliseconds.
fn cpu_ms() -> f64 {
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `time` is a valid, writable timespec for the call.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    time.seconds as f64 * 1e3 + time.nanoseconds as f64 / 1e6
}
