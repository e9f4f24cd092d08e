//! No query, however odd, makes the search panic or return ranges that do
//! not fall on `char` boundaries of the texts they point into.
//!
//! A deterministic generator (a fixed-seed xorshift) builds thousands of
//! queries from fragments chosen to hit the parser's edges: quotes of every
//! kind left open, minus signs, colons, `OR`, field names, combining marks,
//! emoji, right-to-left text, control characters and very long words.

use corpus_model::{Block, BlockKind, Corpus, Document, Metadata, Quote, QuoteKind};
use corpus_search::analyzer::Analyzer;
use corpus_search::{query, SearchIndex, SearchRequest, Sort};

/// Query fragments; keep each one short.
const FRAGMENTS: &[&str] = &[
    "visa",
    "vissa",
    "v",
    "\"",
    "“",
    "”",
    "„",
    "«",
    "»",
    "'",
    "’",
    "-",
    "−",
    "--",
    ":",
    "::",
    "OR",
    "or",
    "AND",
    "speaker:",
    "speaker:\"",
    "kind:letter",
    "year:",
    "year:-1",
    "source:hsj",
    "nope:x",
    "place:\"",
    " ",
    "  ",
    "\t",
    "\n",
    "e\u{301}",
    "\u{301}",
    "🦀",
    "👩‍⚕️",
    "שלום",
    "مرحبا",
    "東京",
    "\u{0}",
    "\u{200b}",
    "ß",
    "ǅ",
    "İ",
    "ﬁ",
    "¹",
    "½",
    "-\"",
    "\"-",
    "(",
    ")",
    "*",
    "?",
    "\\",
    "%",
    "&",
    "x:y:z",
    "-speaker:hunt",
    "care",
    "health",
];

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn corpus() -> Corpus {
    let text =
        "Health and care visa rules: the visa’s “naïve” cost — £15m. Ünïcödé 🦀 text.\n\nShort.";
    let mut doc = Document {
        file: "a.txt".into(),
        meta: Metadata {
            title: "Visa rules".into(),
            kind: Some("letter".into()),
            ..Metadata::default()
        },
        text: text.into(),
        ..Document::default()
    };
    let split = text.find("\n\n").unwrap() as u32;
    doc.blocks = vec![
        Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: split,
        },
        Block {
            kind: BlockKind::Paragraph,
            start: split + 2,
            end: text.len() as u32,
        },
    ];
    let quote_start = text.find("naïve").unwrap() as u32;
    doc.quotes.push(Quote {
        start: quote_start,
        end: quote_start + "naïve".len() as u32,
        kind: QuoteKind::Partial,
        speaker: None,
        speaker_name: Some("Jeremy Hunt".into()),
        role: None,
        mention: None,
        verb: None,
        fragments: Vec::new(),
        anonymous: false,
    });
    Corpus {
        name: "fuzz".into(),
        documents: vec![
            doc.clone(),
            Document {
                file: "b.txt".into(),
                ..doc
            },
        ],
        ..Corpus::default()
    }
}

#[test]
fn odd_queries_never_panic_and_ranges_stay_on_char_boundaries() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    let long_word = "a".repeat(300);
    for round in 0..3000 {
        let mut query = String::new();
        for _ in 0..random.below(8) {
            match random.below(20) {
                0 => query.push_str(&long_word),
                1 => query.push(char::from_u32(random.below(0x11_0000) as u32).unwrap_or('?')),
                _ => query.push_str(FRAGMENTS[random.below(FRAGMENTS.len())]),
            }
            if random.below(3) == 0 {
                query.push(' ');
            }
        }
        let sort = [Sort::Relevance, Sort::Newest, Sort::Oldest][round % 3];
        let request = SearchRequest {
            query: query.clone(),
            sort,
            limit: random.below(4),
            ..SearchRequest::default()
        };
        let results = index.search(&corpus, &request);
        for snippet in results.hits.iter().flat_map(|h| &h.snippets) {
            for &(start, end) in &snippet.matches {
                assert!(
                    start < end && snippet.text.get(start as usize..end as usize).is_some(),
                    "range {start}..{end} of {:?} for query {query:?}",
                    snippet.text
                );
            }
        }
        let quotes = index.search_quotes(&corpus, &request);
        for hit in &quotes.quotes {
            let doc = &corpus.documents[hit.doc as usize];
            let text = doc.quote_text(&doc.quotes[hit.quote as usize]);
            assert!(
                hit.matches
                    .iter()
                    .all(|&(s, e)| text.get(s as usize..e as usize).is_some()),
                "quote ranges for {query:?}"
            );
        }
        let ranges = index.highlight(&query, &results.terms);
        assert!(
            ranges
                .iter()
                .all(|&(s, e)| query.get(s as usize..e as usize).is_some()),
            "highlight of {query:?}"
        );
        let _ = index.suggest(&corpus, &query, 5);
    }
}

/// Fragments of hostile queries: operators by the thousand, every script,
/// combining marks and invisible characters.
const HOSTILE_FRAGMENTS: &[&str] = &[
    "OR",
    " OR ",
    "\"",
    "“",
    "-",
    "-\"",
    "speaker:",
    "speaker:hunt",
    "-kind:letter",
    "year:\"",
    "nope:",
    "visa",
    "care",
    "\u{301}",
    "\u{308}\u{323}",
    "\u{200b}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{202e}",
    "Ωμέγα",
    "Привет",
    "שלום",
    "مرحبا",
    "नमस्ते",
    "สวัสดี",
    "東京",
    "한국어",
    "👩🏽‍⚕️",
    "ﷺ",
    " ",
];

/// A random query of about `chars` characters built from
/// [`HOSTILE_FRAGMENTS`].
fn hostile_query(random: &mut XorShift, chars: usize) -> String {
    let mut query = String::new();
    while query.chars().count() < chars {
        query.push_str(HOSTILE_FRAGMENTS[random.below(HOSTILE_FRAGMENTS.len())]);
        if random.below(2) == 0 {
            query.push(' ');
        }
    }
    query
}

/// Queries that repeat one operator thousands of times.
fn repeated_operators() -> Vec<String> {
    let alternatives: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
    vec![
        "OR ".repeat(5000),
        "visa OR ".repeat(5000),
        alternatives.join(" OR "),
        "\"".repeat(10_000),
        "\" visa".repeat(5000),
        "-".repeat(10_000),
        "- ".repeat(5000),
        "-visa ".repeat(5000),
        "speaker:hunt ".repeat(5000),
        "speaker: ".repeat(5000),
        "nope:x ".repeat(5000),
        format!("\"{}\"", alternatives.join(" ")),
        format!("e{}", "\u{301}".repeat(10_000)),
        "\u{200b}".repeat(10_000),
        "a\u{200b}".repeat(10_000),
    ]
}

/// Whether a parsed query stays within every cap of `query`.
fn within_caps(parsed: &query::Query) -> bool {
    let item_ok = |item: &query::Item| match item {
        query::Item::Phrase(words) => words.len() <= query::MAX_PHRASE_WORDS,
        query::Item::Word { .. } => true,
    };
    parsed.required.len() <= query::MAX_CLAUSES
        && parsed.excluded.len() <= query::MAX_CLAUSES
        && parsed.filters.len() <= query::MAX_FILTERS
        && parsed.notices.len() <= query::MAX_NOTICES + 1
        && parsed.excluded.iter().all(item_ok)
        && parsed.required.iter().all(|c| {
            c.alternatives.len() <= query::MAX_ALTERNATIVES && c.alternatives.iter().all(item_ok)
        })
}

#[test]
fn hostile_long_queries_stay_within_the_caps_and_cost_no_more_than_their_cut() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let analyzer = Analyzer::default();
    let is_field = |f: &str| matches!(f, "speaker" | "kind" | "year");
    let mut random = XorShift(0x2545_f491_4f6c_dd1d);
    let mut queries = repeated_operators();
    for _ in 0..200 {
        let chars = query::MAX_QUERY_CHARS / 2 + random.below(query::MAX_QUERY_CHARS * 20);
        queries.push(hostile_query(&mut random, chars));
    }
    for text in queries {
        let parsed = query::parse(&text, &analyzer, &is_field);
        assert!(within_caps(&parsed), "caps broken by {text:?}: {parsed:?}");
        let request = |query: &str| SearchRequest {
            query: query.to_string(),
            limit: 10,
            ..SearchRequest::default()
        };
        let results = index.search(&corpus, &request(&text));
        assert!(results.notices.len() <= query::MAX_NOTICES + 1);
        let cut = index.search(&corpus, &request(query::cut_to_limit(&text)));
        assert_eq!(
            (&results.hits, results.total_documents, &results.terms),
            (&cut.hits, cut.total_documents, &cut.terms),
            "a long query must search only its first characters"
        );
        let quotes = index.search_quotes(&corpus, &request(&text));
        assert!(quotes.notices.len() <= query::MAX_NOTICES + 1);
        let _ = index.suggest(&corpus, &text, 5);
    }
}

/// What an index keeps from one search for the next (the last words
/// expanded, the matches of words of one or two letters) never changes a
/// result: each query, typed key by key after others, finds what it finds
/// on a fresh copy of the index.
#[test]
fn a_search_finds_the_same_whatever_came_before_it() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let mut random = XorShift(0x2545_f491_4f6c_dd1d);
    for _ in 0..150 {
        let words: Vec<&str> = (0..1 + random.below(3))
            .map(|_| FRAGMENTS[random.below(FRAGMENTS.len())])
            .collect();
        let query = words.join(" ");
        let typed = query.char_indices().map(|(at, _)| &query[..at]).skip(1);
        for prefix in typed.chain([query.as_str()]) {
            let request = SearchRequest {
                query: prefix.to_owned(),
                limit: 5,
                ..SearchRequest::default()
            };
            assert_eq!(
                index.search(&corpus, &request),
                index.clone().search(&corpus, &request),
                "{prefix:?}"
            );
            assert_eq!(
                index.search_quotes(&corpus, &request),
                index.clone().search_quotes(&corpus, &request),
                "quotes of {prefix:?}"
            );
        }
    }
}
