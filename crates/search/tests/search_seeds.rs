//! The acceptance queries on the seed corpus, checked against an
//! independent reading of the documents (plain lower-cased words), so the
//! expectations follow the corpus rather than being written down by hand.
//!
//! Properties:
//! 1. `visa` and the typo `vissa` find exactly the documents with the word
//!    visa or visas, each snippet marking such a word;
//! 2. `"health and care visa"` finds the documents with those words in a
//!    row and marks exactly them;
//! 3. `speaker:hunt` finds the documents with a quote whose speaker's name
//!    has the word Hunt (none, with a notice, if the corpus has no such
//!    quote);
//! 4. `recruitment -brexit` finds the documents with a word starting
//!    "recruit" and without the word Brexit.

use std::path::Path;

use corpus_model::Corpus;
use corpus_search::{SearchIndex, SearchRequest, SearchResults};

fn seeds() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("seeds: {e}"))
}

/// The lower-cased words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Files of the documents whose title or text satisfies `test`, sorted.
fn expected(corpus: &Corpus, test: impl Fn(&[String]) -> bool) -> Vec<String> {
    let mut files: Vec<String> = corpus
        .documents
        .iter()
        .filter(|d| test(&words(&format!("{}\n{}", d.meta.title, d.text))))
        .map(|d| d.file.clone())
        .collect();
    files.sort();
    files
}

fn run(corpus: &Corpus, index: &SearchIndex, query: &str) -> (SearchResults, Vec<String>) {
    let request = SearchRequest {
        query: query.into(),
        limit: 100,
        ..SearchRequest::default()
    };
    let results = index.search(corpus, &request);
    let mut files: Vec<String> = results
        .hits
        .iter()
        .map(|h| corpus.documents[h.doc as usize].file.clone())
        .collect();
    files.sort();
    assert_eq!(results.total_documents, files.len(), "total of {query:?}");
    (results, files)
}

/// The marked words of every snippet of every hit.
fn marked(results: &SearchResults) -> Vec<Vec<String>> {
    results
        .hits
        .iter()
        .flat_map(|h| &h.snippets)
        .map(|s| {
            s.matches
                .iter()
                .map(|&(a, b)| s.text[a as usize..b as usize].to_lowercase())
                .collect()
        })
        .collect()
}

#[test]
fn visa_and_its_typo_find_every_document_with_the_word() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let want = expected(&corpus, |w| w.iter().any(|w| w == "visa" || w == "visas"));
    assert!(!want.is_empty(), "the seeds mention visas");
    for query in ["visa ", "vissa ", "Visa", "VISAS "] {
        let (results, files) = run(&corpus, &index, query);
        assert_eq!(files, want, "documents for {query:?}");
        assert!(
            results.total_paragraphs >= Some(files.len()),
            "paragraphs for {query:?}"
        );
        for marks in marked(&results) {
            assert!(!marks.is_empty(), "every snippet of {query:?} marks a word");
            assert!(
                marks.iter().all(|m| m.starts_with("visa")),
                "marks of {query:?}: {marks:?}"
            );
        }
    }
    let (_, relaxed) = run(&corpus, &index, "vsa ");
    assert!(
        want.iter().all(|f| relaxed.contains(f)),
        "a 3-letter word gets a typo when nothing matches it exactly: {relaxed:?}"
    );
}

#[test]
fn phrase_finds_the_words_in_a_row() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let phrase = ["health", "and", "care", "visa"];
    let want = expected(&corpus, |w| w.windows(4).any(|win| win == phrase));
    assert!(!want.is_empty(), "the seeds contain the phrase");
    let (results, files) = run(&corpus, &index, "\"health and care visa\"");
    assert_eq!(files, want);
    for marks in marked(&results) {
        assert!(
            marks.len() % 4 == 0 && marks.chunks(4).all(|c| c == phrase),
            "phrase marks {marks:?}"
        );
    }
}

#[test]
fn speaker_filter_follows_the_corpus_speakers() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let speaker_has_hunt = |q: &corpus_model::Quote| {
        let entity = q.speaker.and_then(|e| corpus.entities.get(e as usize));
        let names: Vec<String> = match entity {
            Some(e) => std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .collect(),
            None => q.speaker_name.iter().cloned().collect(),
        };
        names.iter().any(|n| words(n).iter().any(|w| w == "hunt"))
    };
    let mut want: Vec<String> = corpus
        .documents
        .iter()
        .filter(|d| d.quotes.iter().any(speaker_has_hunt))
        .map(|d| d.file.clone())
        .collect();
    want.sort();
    let (results, files) = run(&corpus, &index, "speaker:hunt");
    assert_eq!(files, want, "documents quoting Hunt");
    assert_eq!(
        results.notices.is_empty(),
        !want.is_empty(),
        "notices {:?}",
        results.notices
    );
}

#[test]
fn exclusion_leaves_out_documents_with_the_word() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let want = expected(&corpus, |w| {
        w.iter().any(|w| w.starts_with("recruit")) && !w.iter().any(|w| w == "brexit")
    });
    let with_brexit = expected(&corpus, |w| w.iter().any(|w| w.starts_with("recruit")));
    assert!(
        want.len() < with_brexit.len(),
        "some recruitment document mentions Brexit"
    );
    let (results, files) = run(&corpus, &index, "recruitment -brexit");
    assert_eq!(files, want);
    for marks in marked(&results) {
        assert!(
            marks.iter().all(|m| m.starts_with("recruit")),
            "marks {marks:?}"
        );
    }
}

/// The bundle ships each original once, as what the cleaned text does not
/// hold: decoding gives back every original file byte for byte, and the
/// bundle is smaller than it would be with a second copy of the text.
#[test]
fn the_bundle_rebuilds_every_original_without_a_second_copy() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let originals: Vec<String> = corpus.documents.iter().map(|d| d.raw.clone()).collect();
    let raw_bytes: usize = originals.iter().map(String::len).sum();
    let bytes = corpus_search::bundle::Bundle { corpus, index }.encode();
    let decoded = corpus_search::bundle::Bundle::decode(&bytes).expect("decodes");
    for (doc, original) in decoded.corpus.documents.iter().zip(&originals) {
        assert!(doc.raw.is_empty(), "{}: raw is not shipped", doc.file);
        assert!(
            !doc.original_rest.whole,
            "{}: packed against its source map",
            doc.file
        );
        assert_eq!(
            doc.original(),
            original.as_str(),
            "{}: rebuilt exactly",
            doc.file
        );
    }
    let rest_bytes: usize = decoded
        .corpus
        .documents
        .iter()
        .map(|d| d.original_rest.rest.len())
        .sum();
    assert!(
        rest_bytes * 2 < raw_bytes,
        "the rest ({rest_bytes} bytes) is well under the originals ({raw_bytes} bytes)"
    );
}
