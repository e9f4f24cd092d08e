//! `corpus search DIR QUERY [--json] [--limit N] [--sort relevance|newest|oldest]`:
//! runs the explorer's search engine natively over a corpus folder and
//! prints the ranked hits (file, title, score, snippet with the matched
//! words marked «like this») and the facet counts; `--json` prints one
//! object with `hits` (file, title, score, snippet, matches as byte ranges
//! into the snippet) and `facets`.
//!
//! `corpus search DIR --batch FILE [--json] [--limit N]` builds the index
//! once and runs every line of FILE as a query, in order: with `--json` one
//! object a line (the query under `query`), for evaluation scripts. A line
//! longer than the explorer's query limit gets an `error` instead of hits.
//!
//! `--first-answer` searches as the explorer does before the index's detail
//! has arrived (documents alone, no paragraphs or positions), to measure
//! what its first answer finds.

use std::path::Path;
use std::process::ExitCode;

use corpus_search::query::MAX_QUERY_CHARS;
use corpus_search::{SearchIndex, SearchRequest, SearchResults, Sort};
use serde_json::json;

const USAGE: &str = "usage: corpus search DIR (QUERY | --batch FILE) [--json] [--limit N] \
                     [--sort relevance|newest|oldest] [--first-answer]";
const DEFAULT_LIMIT: usize = 10;
/// Facet values printed per facet in the text output.
const FACET_VALUES_SHOWN: usize = 8;

/// What to search for: one query, or every line of a file.
#[derive(Debug, PartialEq, Eq)]
enum Queries {
    One(String),
    Batch(String),
}

struct Options {
    dir: String,
    queries: Queries,
    json: bool,
    limit: usize,
    sort: Sort,
    first_answer: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut positional = Vec::new();
    let mut json = false;
    let mut limit = DEFAULT_LIMIT;
    let mut sort = Sort::Relevance;
    let mut batch = None;
    let mut first_answer = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--first-answer" => first_answer = true,
            "--batch" => batch = Some(args.next().ok_or("--batch needs a file")?.clone()),
            "--limit" => {
                let value = args.next().ok_or("--limit needs a number")?;
                limit = value
                    .parse()
                    .map_err(|_| format!("--limit: not a number: {value}"))?;
            }
            "--sort" => {
                let name = args.next().map(String::as_str);
                sort = name.and_then(|n| n.parse::<Sort>().ok()).ok_or_else(|| {
                    format!("--sort: expected relevance, newest or oldest, got {name:?}")
                })?;
            }
            _ => positional.push(arg.clone()),
        }
    }
    let (dir, queries) = match (positional.as_slice(), batch) {
        ([dir], Some(file)) => (dir.clone(), Queries::Batch(file)),
        ([_, query], None) if query.chars().count() > MAX_QUERY_CHARS => {
            return Err(too_long());
        }
        ([dir, query], None) => (dir.clone(), Queries::One(query.clone())),
        (_, Some(_)) => return Err("expected a folder and --batch FILE".into()),
        (_, None) => return Err("expected a folder and a query".into()),
    };
    Ok(Options {
        dir,
        queries,
        json,
        limit,
        sort,
        first_answer,
    })
}

fn too_long() -> String {
    format!("the query is longer than {MAX_QUERY_CHARS} characters")
}

pub fn run(args: &[String]) -> ExitCode {
    let options = match parse(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("corpus search: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let corpus = match corpus_pipeline::build(Path::new(&options.dir)) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("corpus search: {e}");
            return ExitCode::FAILURE;
        }
    };
    let built = SearchIndex::build(&corpus);
    let index = match options.first_answer {
        true => built.without_detail(&corpus),
        false => built,
    };
    let search = |query: &str| {
        let request = SearchRequest {
            query: query.to_owned(),
            limit: options.limit,
            sort: options.sort,
            ..SearchRequest::default()
        };
        index.search(&corpus, &request)
    };
    let one = |query: &str| {
        if query.chars().count() > MAX_QUERY_CHARS {
            if options.json {
                println!("{}", json!({ "query": query, "error": too_long() }));
            } else {
                println!("{query:?}: {}", too_long());
            }
            return;
        }
        let results = search(query);
        if options.json {
            let mut value = to_json(&corpus, &results);
            value["query"] = json!(query);
            println!("{value}");
        } else {
            print_text(&corpus, query, &results);
        }
    };
    match &options.queries {
        Queries::One(query) => one(query),
        Queries::Batch(file) => {
            let text = match std::fs::read_to_string(file) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("corpus search: {file}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            text.lines().for_each(one);
        }
    }
    ExitCode::SUCCESS
}

fn to_json(corpus: &corpus_model::Corpus, results: &SearchResults) -> serde_json::Value {
    let hits: Vec<_> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let doc = corpus.documents.get(hit.doc as usize)?;
            let best = hit.snippets.first();
            Some(json!({
                "file": doc.file,
                "title": doc.meta.title,
                "score": hit.score,
                "block": best.map(|s| s.block),
                "snippet": best.map_or("", |s| s.text.as_str()),
                "matches": best.map_or(&[][..], |s| &s.matches[..]),
                "snippets": hit.snippets,
            }))
        })
        .collect();
    json!({
        "total_documents": results.total_documents,
        "total_paragraphs": results.total_paragraphs,
        "notices": results.notices.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "terms": results.terms,
        "hits": hits,
        "facets": results.facets,
    })
}

fn print_text(corpus: &corpus_model::Corpus, query: &str, results: &SearchResults) {
    println!(
        "{} documents, {} paragraphs match {query:?}",
        results.total_documents,
        results.total_paragraphs.unwrap_or_default()
    );
    for notice in &results.notices {
        println!("note: {notice}");
    }
    for (rank, hit) in results.hits.iter().enumerate() {
        let Some(doc) = corpus.documents.get(hit.doc as usize) else {
            continue;
        };
        println!(
            "\n{:>3}. {}  (score {:.2})\n     {}",
            rank + 1,
            doc.file,
            hit.score,
            doc.meta.title
        );
        if let Some(snippet) = hit.snippets.first() {
            println!(
                "     ¶{}: {}",
                snippet.block,
                marked(&snippet.text, &snippet.matches)
            );
        }
    }
    for facet in &results.facets {
        let values: Vec<String> = facet
            .values
            .iter()
            .take(FACET_VALUES_SHOWN)
            .map(|v| format!("{} ({})", v.value, v.count))
            .collect();
        let hidden = facet.values.len().saturating_sub(FACET_VALUES_SHOWN) + facet.more as usize;
        let more = if hidden > 0 {
            format!(", … {hidden} more")
        } else {
            String::new()
        };
        println!("\n{}: {}{more}", facet.name, values.join(", "));
    }
}

/// `text` with each matched range wrapped in « ».
fn marked(text: &str, matches: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(text.len() + matches.len() * 4);
    let mut at = 0;
    for &(start, end) in matches {
        let (start, end) = (start as usize, end as usize);
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push('«');
        out.push_str(&text[start..end]);
        out.push('»');
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(query: &str) -> Vec<String> {
        vec!["corpus".into(), query.into(), "--json".into()]
    }

    #[test]
    fn a_query_over_the_explorer_limit_is_refused() {
        let at_limit = "a".repeat(MAX_QUERY_CHARS);
        assert_eq!(
            parse(&args(&at_limit)).map(|o| o.queries),
            Ok(Queries::One(at_limit))
        );
        let over = "é".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            parse(&args(&over)).map(|o| o.queries),
            Err(format!(
                "the query is longer than {MAX_QUERY_CHARS} characters"
            ))
        );
    }

    #[test]
    fn batch_mode_takes_a_folder_and_a_file_only() {
        let words = |line: &str| line.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            parse(&words("dir --batch queries.txt --json")).map(|o| o.queries),
            Ok(Queries::Batch("queries.txt".into()))
        );
        for bad in [
            "dir query --batch queries.txt",
            "dir --batch",
            "--batch q.txt",
        ] {
            assert!(parse(&words(bad)).is_err(), "{bad}");
        }
    }
}
