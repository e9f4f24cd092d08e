//! Scores the extractor against the hand-written gold files and holds it
//! to its targets: the seeds and the hard cases are the tune half (the
//! rules were written while reading them), `held_out` is the score half
//! (written after the rules and never tuned on).
//!
//! Properties checked:
//! 1. every gold record's `text` is exactly the bytes `start..end` of its
//!    file, so the gold files stay true to the texts they annotate;
//! 2. on the seeds and on the composed hard cases, direct quotes reach at
//!    least 95% F1 (loose) and 95% speaker accuracy;
//! 3. partial quotes and reported speech keep the figures they reached when
//!    the gold files were written (a regression guard, not a target).

use std::path::{Path, PathBuf};

use corpus_pipeline as pipeline;
use corpus_pipeline::quotes::record::Record;
use corpus_pipeline::quotes::score::{self, Report};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gold(name: &str) -> Vec<Record> {
    let path = crate_dir().join("tests/gold").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    score::parse(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"))
}

fn extracted(corpus_dir: &Path) -> Vec<Record> {
    let corpus =
        pipeline::build(corpus_dir).unwrap_or_else(|e| panic!("{}: {e}", corpus_dir.display()));
    corpus
        .documents
        .iter()
        .flat_map(|doc| doc.quotes.iter().map(move |q| Record::new(doc, q)))
        .flat_map(score::as_scored)
        .collect()
}

fn check_offsets(records: &[Record], corpus_dir: &Path) {
    for r in records {
        let bytes =
            std::fs::read(corpus_dir.join(&r.file)).unwrap_or_else(|e| panic!("{}: {e}", r.file));
        let span = bytes
            .get(r.start as usize..r.end as usize)
            .map(String::from_utf8_lossy);
        assert_eq!(
            span.as_deref(),
            Some(r.text.as_str()),
            "gold record {}:{}-{} does not match its file",
            r.file,
            r.start,
            r.end
        );
    }
}

fn assert_targets(name: &str, report: &Report, floors: &[(&str, f64, f64)]) {
    let table = score::render(report, true);
    for &(kind, f1, speaker) in floors {
        let k = report
            .kind(kind)
            .unwrap_or_else(|| panic!("{name}: no {kind} score"));
        assert!(
            k.loose.f1 >= f1,
            "{name}: {kind} loose F1 {:.3} is below {f1}\n{table}",
            k.loose.f1
        );
        assert!(
            k.speaker_accuracy >= speaker,
            "{name}: {kind} speaker accuracy {:.3} is below {speaker}\n{table}",
            k.speaker_accuracy
        );
    }
}

/// Scores the folder `dir` (under the crate) against the gold file `file`
/// and holds each kind to its floors.
fn check_gold(name: &str, file: &str, dir: &str, floors: &[(&str, f64, f64)]) {
    let dir = crate_dir().join(dir);
    let gold = gold(file);
    check_offsets(&gold, &dir);
    let report = score::score(&gold, &extracted(&dir));
    assert_targets(name, &report, floors);
}

/// The floors of the tune half (the seeds and the hard cases): per kind,
/// (kind, least F1, least speaker accuracy).
const TUNE_HALF_FLOORS: &[(&str, f64, f64)] = &[
    ("direct", 0.95, 0.95),
    ("partial", 0.9, 0.9),
    ("reported", 0.85, 0.85),
];

#[test]
fn seeds_gold() {
    check_gold("seeds", "seeds.jsonl", "../../seeds", TUNE_HALF_FLOORS);
}

#[test]
fn hard_cases_gold() {
    check_gold(
        "hard cases",
        "hard.jsonl",
        "tests/gold/hard",
        TUNE_HALF_FLOORS,
    );
}

/// The score half: documents written after the rules, never tuned on
/// (British local news, a wire story, a letter, a mixed statement). Direct
/// quotes are held to the same target; the other kinds keep the figures
/// they had when the set was first scored.
#[test]
fn held_out_gold() {
    check_gold(
        "held-out cases",
        "held_out.jsonl",
        "tests/gold/held_out",
        &[
            ("direct", 0.95, 0.95),
            ("partial", 0.9, 0.6),
            ("reported", 0.9, 0.75),
        ],
    );
}

/// On every gold folder: no quote's range lies inside another's, a mixed
/// statement's fragments lie inside it, and every quote with a speaker
/// carries the words that named them.
#[test]
fn one_record_per_statement_and_a_mention_for_every_speaker() {
    for dir in ["../../seeds", "tests/gold/hard", "tests/gold/held_out"] {
        let dir = crate_dir().join(dir);
        let corpus = pipeline::build(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for doc in &corpus.documents {
            for (i, q) in doc.quotes.iter().enumerate() {
                let at = format!("{}:{}-{}", doc.file, q.start, q.end);
                let nested = doc.quotes.iter().enumerate().any(|(j, o)| {
                    j != i
                        && o.start <= q.start
                        && q.end <= o.end
                        && (o.start, o.end) != (q.start, q.end)
                });
                assert!(!nested, "{at} lies inside another record");
                assert!(
                    q.fragments.iter().all(|&(s, e)| q.start <= s && e <= q.end),
                    "{at}: a fragment lies outside its statement"
                );
                assert!(
                    q.speaker_name.is_none() || q.mention.is_some(),
                    "{at}: speaker {:?} without a mention",
                    q.speaker_name
                );
            }
        }
    }
}
