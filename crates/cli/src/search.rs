//! `corpus search DIR QUERY [--json] [--limit N] [--sort relevance|newest|oldest]`:
//! runs the explorer's search engine natively over a corpus folder and
//! prints the ranked hits (file, title, score, snippet with the matched
//! words marked «like this») and the facet counts; `--json` prints one
//! object with `hits` (file, title, score, snippet, matches as byte ranges
//! into the snippet) and `facets`.

use std::path::Path;
use std::process::ExitCode;

use corpus_search::query::MAX_QUERY_CHARS;
use corpus_search::{SearchIndex, SearchRequest, SearchResults, Sort};
use serde_json::json;

const USAGE: &str =
    "usage: corpus search DIR QUERY [--json] [--limit N] [--sort relevance|newest|oldest]";
const DEFAULT_LIMIT: usize = 10;
/// Facet values printed per facet in the text output.
const FACET_VALUES_SHOWN: usize = 8;

struct Options {
    dir: String,
    query: String,
    json: bool,
    limit: usize,
    sort: Sort,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut positional = Vec::new();
    let mut json = false;
    let mut limit = DEFAULT_LIMIT;
    let mut sort = Sort::Relevance;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
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
    match <[String; 2]>::try_from(positional) {
        Ok([_, query]) if query.chars().count() > MAX_QUERY_CHARS => Err(format!(
            "the query is longer than {MAX_QUERY_CHARS} characters"
        )),
        Ok([dir, query]) => Ok(Options {
            dir,
            query,
            json,
            limit,
            sort,
        }),
        Err(_) => Err("expected a folder and a query".into()),
    }
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
    let index = SearchIndex::build(&corpus);
    let request = SearchRequest {
        query: options.query.clone(),
        limit: options.limit,
        sort: options.sort,
        ..SearchRequest::default()
    };
    let results = index.search(&corpus, &request);
    if options.json {
        println!("{}", to_json(&corpus, &results));
    } else {
        print_text(&corpus, &options.query, &results);
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
        results.total_documents, results.total_paragraphs
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
        assert_eq!(parse(&args(&at_limit)).map(|o| o.query), Ok(at_limit));
        let over = "é".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            parse(&args(&over)).map(|o| o.query),
            Err(format!(
                "the query is longer than {MAX_QUERY_CHARS} characters"
            ))
        );
    }
}
