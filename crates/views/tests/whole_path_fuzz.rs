//! Arbitrary Unicode documents through the whole path that takes user text:
//! files on disk → ingest → clean → metadata → entities → quotes → index →
//! search and quote search → snippets → the reader's highlighting and
//! annotation.
//!
//! Properties checked, for every generated corpus:
//! 1. Nothing panics.
//! 2. Every range a stage hands on (blocks, mentions, quotes, dates, snippet
//!    matches, highlights, annotation pieces) lies inside the text it points
//!    into and on `char` boundaries.
//! 3. Annotation pieces cover the text exactly, in order.
//! 4. The original file is rebuilt exactly from the cleaned text, the source
//!    map and what the bundle keeps besides.
//!
//! The generator is a fixed-seed xorshift over fragments chosen to hit the
//! edges (one file in four is written as UTF-16, little- or big-endian,
//! with a lone surrogate): every script, combining marks, zero-width characters, emoji
//! sequences, right-to-left text, very long tokens and lines, unbalanced
//! quotes, brackets and markup. The suite runs a bounded number of corpora;
//! `WHOLE_PATH_CASES=2000 cargo test -p corpus-views --release --test
//! whole_path_fuzz` runs a longer search.

use std::path::{Path, PathBuf};

use corpus_model::{Corpus, Document, Encoding};
use corpus_search::{SearchIndex, SearchRequest};
use corpus_views::annotate::{pieces, DocumentRanges};

/// Corpora the test suite builds; `WHOLE_PATH_CASES` overrides it.
const DEFAULT_CASES: usize = 40;
/// Documents per corpus.
const DOCUMENTS: usize = 4;

/// Text fragments; a document is a few hundred of them.
const FRAGMENTS: &[&str] = &[
    "The",
    " ",
    " ",
    " ",
    "nurse",
    "Mr",
    "Hunt",
    "said",
    ",",
    ".",
    ". ",
    "\n",
    "\n\n",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "„",
    "«",
    "»",
    "「",
    "」",
    "(",
    ")",
    "[",
    "](",
    "](http://x.org/a)",
    "**",
    "*",
    "_",
    "#",
    "# ",
    "- ",
    "> ",
    "+++",
    "|",
    "&amp;",
    "&#3;",
    "<b>",
    "</b>",
    "<script>alert(1)</script>",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "👩‍⚕️",
    "🇬🇧",
    "🦀",
    "東京都は新しい計画を発表した",
    "护士们说",
    "간호사",
    "مرحبا بالعالم",
    "שלום עולם",
    "Ελληνικά",
    "Привет",
    "नमस्ते",
    "กขค",
    "ß",
    "İ",
    "ﬁ",
    "½",
    "8 February 2024",
    "30th January",
    "2024-13-45",
    "said Dr Jane Smith, chief executive of",
    "the NHS",
    "the Department of Health",
    "he said.",
    "she added:",
    "according to",
    "Yours sincerely,",
    "Dear Minister,",
    "https://example.org/",
    "\t",
    "\r\n",
    "\u{0085}",
];

/// A long fragment, to make unbroken runs and long lines.
fn long_run(seed: &mut u64) -> String {
    let unit = FRAGMENTS[next(seed) % FRAGMENTS.len()].trim();
    let unit = if unit.is_empty() { "x" } else { unit };
    unit.repeat(50 + next(seed) % 400)
}

fn next(seed: &mut u64) -> usize {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed as usize
}

fn document(seed: &mut u64) -> String {
    let mut text = String::new();
    for _ in 0..(20 + next(seed) % 400) {
        if next(seed).is_multiple_of(60) {
            text.push_str(&long_run(seed));
        } else {
            text.push_str(FRAGMENTS[next(seed) % FRAGMENTS.len()]);
        }
    }
    text
}

/// `text` as UTF-16 with its byte-order mark, and a lone surrogate where
/// its first line ends.
fn utf16(text: &str, bytes: fn(u16) -> [u8; 2], mark: [u8; 2]) -> Vec<u8> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let units = text[..line_end]
        .encode_utf16()
        .chain([0xDC00])
        .chain(text[line_end..].encode_utf16());
    mark.into_iter().chain(units.flat_map(bytes)).collect()
}

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(case: usize) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("corpus-whole-path-{}-{case}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn assert_range(text: &str, start: u32, end: u32, what: &str) {
    let (s, e) = (start as usize, end as usize);
    assert!(
        s <= e && e <= text.len(),
        "{what}: {s}..{e} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{what}: {s}..{e} splits a character"
    );
}

/// Property 2 for everything the pipeline stored in a document, and its
/// original rebuilt exactly from what the bundle ships.
fn check_document(doc: &Document) {
    let text = &doc.text;
    assert_eq!(
        doc.original_rest.rebuild(&doc.text, &doc.source_map),
        doc.raw,
        "{}: original rebuilt from the cleaned text and the rest",
        doc.file
    );
    for b in &doc.blocks {
        assert_range(text, b.start, b.end, &format!("{}: block", doc.file));
    }
    for m in &doc.mentions {
        assert_range(text, m.start, m.end, &format!("{}: mention", doc.file));
    }
    for q in &doc.quotes {
        assert_range(text, q.start, q.end, &format!("{}: quote", doc.file));
    }
    for d in &doc.dates {
        assert_range(text, d.start, d.end, &format!("{}: date", doc.file));
    }
}

/// Properties 2 and 3 for the reader's annotation of a document.
fn check_reader(index: &SearchIndex, doc: &Document, terms: &[String]) {
    let marks = index.highlight(&doc.text, terms);
    for &(s, e) in &marks {
        assert_range(&doc.text, s, e, &format!("{}: highlight", doc.file));
    }
    let ranges = DocumentRanges::of(doc);
    let layers = ranges.layers(&marks);
    for b in &doc.blocks {
        let cut = pieces(&doc.text, b.start, b.end, layers);
        let mut at = b.start;
        for p in &cut {
            assert_eq!(p.start, at, "{}: pieces in order without gaps", doc.file);
            assert_range(&doc.text, p.start, p.end, &format!("{}: piece", doc.file));
            at = p.end;
        }
        assert_eq!(
            at,
            b.end.min(doc.text.len() as u32),
            "{}: pieces cover the block",
            doc.file
        );
    }
}

/// Searches each document's own words, and checks every range returned.
fn check_search(corpus: &Corpus, index: &SearchIndex, seed: &mut u64) {
    for doc in &corpus.documents {
        let words: Vec<&str> = doc.text.split_whitespace().collect();
        let query = (0..3)
            .filter_map(|_| words.get(next(seed) % words.len().max(1)).copied())
            .collect::<Vec<_>>()
            .join(" ");
        let request = SearchRequest {
            query,
            limit: 10,
            ..SearchRequest::default()
        };
        let results = index.search(corpus, &request);
        for hit in &results.hits {
            for snippet in &hit.snippets {
                for &(s, e) in &snippet.matches {
                    assert_range(&snippet.text, s, e, "snippet match");
                }
            }
        }
        let quotes = index.search_quotes(corpus, &request);
        for hit in &quotes.quotes {
            let doc = &corpus.documents[hit.doc as usize];
            let quoted = doc
                .quotes
                .get(hit.quote as usize)
                .expect("a quote hit names a quote of its document");
            let text = &doc.text[quoted.start as usize..quoted.end as usize];
            for &(s, e) in &hit.matches {
                assert_range(text, s, e, "quote match");
            }
        }
        check_reader(index, doc, &results.terms);
    }
}

#[test]
fn arbitrary_documents_pass_the_whole_path() {
    let cases = std::env::var("WHOLE_PATH_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut utf16_read = 0;
    for case in 0..cases {
        let dir = TempDir::new(case);
        for d in 0..DOCUMENTS {
            let name = if d.is_multiple_of(2) {
                format!("d{d}.txt")
            } else {
                format!("d{d}.md")
            };
            let text = document(&mut seed);
            let bytes = match (case + d) % 8 {
                3 => utf16(&text, u16::to_le_bytes, [0xFF, 0xFE]),
                7 => utf16(&text, u16::to_be_bytes, [0xFE, 0xFF]),
                _ => text.into_bytes(),
            };
            std::fs::write(dir.path().join(name), bytes).expect("write document");
        }
        let corpus = corpus_pipeline::build(dir.path())
            .unwrap_or_else(|e| panic!("case {case}: the folder should build: {e}"));
        corpus.documents.iter().for_each(check_document);
        utf16_read += corpus
            .documents
            .iter()
            .filter(|d| matches!(d.encoding, Encoding::Utf16Le | Encoding::Utf16Be))
            .count();
        let index = SearchIndex::build(&corpus);
        check_search(&corpus, &index, &mut seed);
    }
    assert!(cases < 2 || utf16_read > 0, "no UTF-16 file was read");
}
