//! `corpus`: bundle, check, inspect and query a corpus folder from the command line.
//!
//! Each subcommand lives in its own module with a `run(args) -> ExitCode`.

use std::process::ExitCode;

/// The build allocates millions of small strings and lists on every core;
/// mimalloc serves them several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Writes a line to standard output; a closed pipe (`| head`) ends the
/// output quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod bundle;
mod check;
mod entities;
mod memory;
mod quotes;
mod score;
mod search;
mod show;

const USAGE: &str = "\
usage: corpus <command> [arguments]

commands:
  bundle DIR FILE [--sizes]      the data file the app downloads: corpus and search index
  check DIR [--json]             documents, metadata and warnings of a corpus folder
  show FILE [--dropped] [--json] one cleaned document with its metadata
  entities DIR [--json]          people, organisations and places with roles and aliases
  quotes PATH [--json]           every quote in a file or folder, with its speaker
  score GOLD PREDICTED           precision, recall and F1 of quotes against a gold file
  search DIR QUERY [--json] [--limit N]  ranked hits and facet counts
  search DIR --batch FILE [--json] [--limit N]  one result per line of FILE, index built once";

/// Reads the `DIR [--json]` arguments of `command` and builds that corpus:
/// the corpus and whether JSON was asked for, or the exit code after the
/// usage or the build error has been printed.
fn load_folder(args: &[String], command: &str) -> Result<(corpus_model::Corpus, bool), ExitCode> {
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [dir] = paths.as_slice() else {
        eprintln!("usage: corpus {command} DIR [--json]");
        return Err(ExitCode::from(2));
    };
    match corpus_pipeline::build(std::path::Path::new(dir.as_str())) {
        Ok(corpus) => Ok((corpus, json)),
        Err(e) => {
            eprintln!("error: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("bundle") => bundle::run(rest),
        Some("check") => check::run(rest),
        Some("show") => show::run(rest),
        Some("entities") => entities::run(rest),
        Some("quotes") => quotes::run(rest),
        Some("score") => score::run(rest),
        Some("search") => search::run(rest),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
