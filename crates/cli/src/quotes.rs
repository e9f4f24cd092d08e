//! `corpus quotes PATH [--json]`: every quote in a file or folder, with its
//! speaker; with `--json`, one [`Record`] per line.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use corpus_model::{Document, Quote};
use corpus_pipeline as pipeline;
use corpus_pipeline::quotes::record::{file_offset, Record};

const USAGE: &str = "usage: corpus quotes PATH [--json]";

pub fn run(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let ([path], true) = (
        paths.as_slice(),
        args.iter().all(|a| !a.starts_with("--") || a == "--json"),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let corpus = match pipeline::build(Path::new(path)) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("corpus quotes: {e}");
            return ExitCode::FAILURE;
        }
    };
    for warning in corpus.warnings.iter().chain(&corpus.skipped) {
        eprintln!("warning: {warning}");
    }
    let mut out = std::io::stdout().lock();
    for doc in &corpus.documents {
        let written = if json {
            write_records(&mut out, doc)
        } else {
            doc.quotes
                .iter()
                .try_for_each(|quote| write_quote(&mut out, doc, quote))
        };
        if written.is_err() {
            // The reader went away (a closed pipe): nothing left to do.
            return ExitCode::SUCCESS;
        }
    }
    ExitCode::SUCCESS
}

/// A document's quotes and its quoted words that are no quotation, as JSON
/// lines in reading order.
fn write_records(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let mut records: Vec<Record> = doc
        .quotes
        .iter()
        .map(|q| Record::new(doc, q))
        .chain(doc.unquoted.iter().map(|u| Record::unquoted(doc, u)))
        .collect();
    records.sort_by_key(|r| (r.start, r.end));
    for record in records {
        let line = serde_json::to_string(&record).map_err(std::io::Error::other)?;
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn write_quote(out: &mut impl Write, doc: &Document, quote: &Quote) -> std::io::Result<()> {
    let start = file_offset(doc, quote.start, false);
    let line = 1 + doc
        .raw
        .get(..start as usize)
        .map_or(0, |s| s.matches('\n').count());
    let speaker = quote.speaker_name.as_deref().unwrap_or("(unknown speaker)");
    let role = quote
        .role
        .as_deref()
        .map(|r| format!(", {r}"))
        .unwrap_or_default();
    let verb = quote
        .verb
        .as_deref()
        .map(|v| format!(" [{v}]"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}:{line}: {} — {speaker}{role}{verb}",
        doc.file,
        quote.kind.as_str()
    )?;
    writeln!(out, "    {}", doc.quote_text(quote).replace('\n', " "))
}
