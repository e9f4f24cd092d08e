//! `corpus score GOLD PREDICTED [--details]`: precision, recall and F1 of
//! quotes against a gold file.
//!
//! GOLD is a JSON-lines file in the shape `corpus quotes --json` prints.
//! PREDICTED is either such a file, or a corpus folder or text file, which
//! is then run through the pipeline first. `--details` lists the gold quotes
//! missed, the quotes found that are not in the gold file, and the wrong
//! speakers.

use std::path::Path;
use std::process::ExitCode;

use corpus_pipeline as pipeline;
use corpus_pipeline::quotes::record::Record;
use corpus_pipeline::quotes::score;

const USAGE: &str = "usage: corpus score GOLD PREDICTED [--details]\n  PREDICTED: output of `corpus quotes --json`, or a corpus folder or file to extract from";

pub fn run(args: &[String]) -> ExitCode {
    let details = args.iter().any(|a| a == "--details");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let ([gold_path, predicted_path], true) = (
        paths.as_slice(),
        args.iter()
            .all(|a| !a.starts_with("--") || a == "--details"),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let gold = match read_records(gold_path) {
        Ok(records) => records,
        Err(e) => {
            eprintln!("corpus score: {e}");
            return ExitCode::FAILURE;
        }
    };
    let predicted = match predictions(predicted_path) {
        Ok(records) => records,
        Err(e) => {
            eprintln!("corpus score: {e}");
            return ExitCode::FAILURE;
        }
    };
    print!(
        "{}",
        score::render(&score::score(&gold, &predicted), details)
    );
    ExitCode::SUCCESS
}

fn read_records(path: &str) -> Result<Vec<Record>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    score::parse(path, &text)
}

/// Records from a JSON-lines file, or extracted from a corpus folder or text file.
fn predictions(path: &str) -> Result<Vec<Record>, String> {
    let p = Path::new(path);
    let is_corpus =
        p.is_dir() || matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"));
    if !is_corpus {
        return read_records(path);
    }
    let corpus = pipeline::build(p).map_err(|e| e.to_string())?;
    Ok(corpus
        .documents
        .iter()
        .flat_map(|doc| doc.quotes.iter().map(move |q| Record::new(doc, q)))
        .flat_map(score::as_scored)
        .collect())
}
