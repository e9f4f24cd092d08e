//! The bundle is decoded as it downloads: `BundleReader` must give the same
//! bundle whatever the chunks the network cuts it into, and on a cut-short,
//! damaged or foreign file an error, never a panic and never wrong data.
//!
//! Properties, on the seeds and on a corpus of many documents (several
//! document frames):
//! 1. decoding in chunks of any of a range of sizes re-encodes to the same
//!    bytes as the original;
//! 2. every prefix of the bundle (sampled) fails to finish, with no panic;
//! 3. seeded byte flips anywhere decode or fail, and the detail of what
//!    decodes is made or refused, with no panic;
//! 4. a foreign file, another version and trailing bytes are told apart;
//! 5. once the head and the index are in, and not before, the reader hands
//!    over the index and every document's card, which answer a query with
//!    the right documents before any paragraph, position or text has
//!    arrived; once the contents are in, the index handed over makes its
//!    detail from them;
//! 6. the detail made again from a decoded bundle's documents is the built
//!    index's, byte for byte, in any language; documents that are not the
//!    index's are refused and leave it as it was.

use std::path::Path;

use corpus_model::Corpus;
use corpus_search::bundle::{Bundle, BundleError, BundleReader, BATCH_BYTES};

use corpus_search::{Notice, SearchIndex, SearchRequest};

fn seeds() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("seeds: {e}"))
}

fn bundle_of(corpus: Corpus) -> Vec<u8> {
    let index = SearchIndex::build(&corpus);
    Bundle { corpus, index }.encode()
}

/// The seeds' documents repeated until they fill several frames, with the
/// seeds' index (the format does not tie one to the other; building an
/// index of the copies would only make the test slow).
fn many_documents() -> Vec<u8> {
    let mut corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let one_round: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let rounds = 2 * BATCH_BYTES / one_round.max(1) + 1;
    let documents = corpus.documents.clone();
    for round in 1..rounds {
        corpus.documents.extend(documents.iter().map(|d| {
            let mut copy = d.clone();
            copy.file = format!("copy-{round}/{}", d.file);
            copy
        }));
    }
    Bundle { corpus, index }.encode()
}

fn decode_in_chunks(bytes: &[u8], chunk: usize) -> Result<Bundle, BundleError> {
    let mut reader = BundleReader::default();
    for piece in bytes.chunks(chunk) {
        reader.push(piece)?;
    }
    reader.finish()
}

#[test]
fn any_chunking_gives_the_same_bundle() {
    for bytes in [bundle_of(seeds()), many_documents()] {
        for chunk in [1, 3, 8, 9, 10, 11, 64, 1000, 65_536, bytes.len()] {
            if chunk < 64 && bytes.len() > 100_000 {
                continue;
            }
            let decoded = decode_in_chunks(&bytes, chunk).expect("decodes");
            assert_eq!(decoded.encode(), bytes, "chunks of {chunk}");
        }
    }
}

#[test]
fn a_bundle_of_many_documents_has_several_document_frames() {
    let bytes = many_documents();
    let decoded = decode_in_chunks(&bytes, bytes.len()).expect("decodes");
    let framing = decoded
        .encoded_parts()
        .into_iter()
        .find(|(name, _)| *name == "header and framing")
        .map(|(_, b)| b.len())
        .unwrap_or(0);
    // Header, four frames of head, index, entities and word codes, and at
    // least two of documents.
    assert!(framing >= HEADER_BYTES + 8 * 6, "framing {framing} bytes");
}

#[test]
fn every_prefix_fails_without_panicking() {
    let bytes = bundle_of(seeds());
    let step = (bytes.len() / 700).max(1);
    let lengths = (0..bytes.len()).filter(|n| n % step == 0 || *n < 64 || bytes.len() - n < 64);
    for length in lengths {
        let result = decode_in_chunks(&bytes[..length], 4096);
        assert!(
            result.is_err(),
            "a bundle cut at {length} of {} decoded",
            bytes.len()
        );
    }
}

#[test]
fn a_bundle_cut_short_says_which_part_is_missing() {
    let bytes = bundle_of(seeds());
    let messages = [
        "the bundle ends before its index",
        "the bundle ends before the entities",
        "the bundle ends after 0 of 5 documents",
    ];
    let said = |length: usize| match decode_in_chunks(&bytes[..length], 4096) {
        Ok(_) => String::new(),
        Err(error) => error.to_string(),
    };
    assert!(
        said(HEADER_BYTES).contains(messages[0]),
        "{}",
        said(HEADER_BYTES)
    );
    for (stage, expected) in messages.iter().enumerate().skip(1) {
        let earlier = &messages[..stage];
        let length = shortest_prefix(HEADER_BYTES, bytes.len(), |length| {
            let message = said(length);
            !earlier.iter().any(|m| message.contains(m))
        });
        // At the end of a zstd frame, and a byte into the next one.
        for length in [length, length + 1] {
            assert!(
                said(length).contains(expected),
                "cut at {length} of {}: {}, expected {expected}",
                bytes.len(),
                said(length)
            );
        }
    }
}

#[test]
fn flipped_bytes_decode_or_fail_without_panicking() {
    let bytes = bundle_of(seeds());
    let mut state: u64 = 14;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for _ in 0..400 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + next() % 4 {
            let at = next() % damaged.len();
            damaged[at] ^= 1 << (next() % 8);
        }
        if let Ok(bundle) = decode_in_chunks(&damaged, 1 + next() % 5000) {
            let _ = bundle.index.rebuild_detail(&bundle.corpus);
        }
    }
}

#[test]
fn foreign_files_other_versions_and_trailing_bytes_are_told_apart() {
    let bytes = bundle_of(seeds());
    assert_eq!(
        Bundle::decode(b"<!DOCTYPE html><html>").unwrap_err(),
        BundleError::NotABundle
    );
    assert_eq!(Bundle::decode(b"").unwrap_err(), BundleError::NotABundle);
    let mut older = bytes.clone();
    older[8..10].copy_from_slice(&2u16.to_le_bytes());
    assert_eq!(
        Bundle::decode(&older).unwrap_err(),
        BundleError::UnsupportedVersion(2)
    );
    let mut longer = bytes.clone();
    longer.extend_from_slice(b"xyz");
    assert_eq!(
        Bundle::decode(&longer).unwrap_err(),
        BundleError::TrailingBytes(3)
    );
}

/// The magic and the version, before the compressed frames.
const HEADER_BYTES: usize = 10;

/// The shortest length from `low` (excluded) to `high` (included) for
/// which `reached` holds, given that it holds at `high` and, once it holds,
/// for every greater length.
fn shortest_prefix(low: usize, high: usize, reached: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (low, high);
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        match reached(middle) {
            true => high = middle,
            false => low = middle,
        }
    }
    high
}

/// How many bytes of the bundle the reader needs to hand over the index.
fn head_and_index_bytes(bytes: &[u8]) -> usize {
    shortest_prefix(HEADER_BYTES, bytes.len(), |length| {
        let mut reader = BundleReader::default();
        reader.push(&bytes[..length]).is_ok() && reader.take_searchable().is_some()
    })
}

#[test]
fn the_index_and_cards_answer_before_the_texts_arrive() {
    let corpus = seeds();
    let bytes = bundle_of(corpus.clone());
    let searchable_at = head_and_index_bytes(&bytes);
    assert!(
        searchable_at < bytes.len() / 2,
        "searchable at {searchable_at} of {} bytes",
        bytes.len()
    );
    let mut reader = BundleReader::default();
    reader
        .push(&bytes[..searchable_at - 1])
        .expect("a prefix decodes");
    assert!(
        reader.take_searchable().is_none(),
        "the index is not in yet"
    );
    reader
        .push(&bytes[searchable_at - 1..searchable_at])
        .expect("decodes");
    let early = reader.take_searchable().expect("head and index are in");
    assert!(
        reader.take_searchable().is_none(),
        "the index is handed over once"
    );
    let files = |c: &Corpus| -> Vec<(String, String)> {
        c.documents
            .iter()
            .map(|d| (d.file.clone(), d.meta.title.clone()))
            .collect()
    };
    assert_eq!(files(&early.corpus), files(&corpus));
    assert!(early.corpus.documents.iter().all(|d| d.text.is_empty()));
    assert!(!early.index.has_positions());
    let request = SearchRequest {
        query: "visa".into(),
        limit: 10,
        ..SearchRequest::default()
    };
    let early_hits: Vec<u32> = early
        .index
        .search(&early.corpus, &request)
        .hits
        .iter()
        .map(|h| h.doc)
        .collect();
    let index = SearchIndex::build(&corpus);
    let hits: Vec<u32> = index
        .search(&corpus, &request)
        .hits
        .iter()
        .map(|h| h.doc)
        .collect();
    assert!(!hits.is_empty(), "the seeds mention visas");
    assert_eq!(early_hits, hits);
    // The cards' facets count at once; those of names wait for the contents.
    let early_results = early.index.search(&early.corpus, &request);
    let facet_names = |r: &corpus_search::SearchResults| -> Vec<String> {
        (r.facets.iter())
            .filter(|f| !f.values.is_empty())
            .map(|f| f.name.clone())
            .collect()
    };
    assert_eq!(
        early_results.total_paragraphs, None,
        "paragraphs are counted once the detail is in"
    );
    assert!(facet_names(&early_results).contains(&"source".to_string()));
    assert!(!facet_names(&early_results).contains(&"person".to_string()));
    let by_person = SearchRequest {
        query: "visa person:hunt".into(),
        limit: 10,
        ..SearchRequest::default()
    };
    let waiting = early.index.search(&early.corpus, &by_person);
    assert!(waiting.hits.is_empty());
    assert_eq!(
        waiting.notices,
        vec![Notice::FacetArriving {
            facet: "person".into()
        }]
    );
    // Without the detail a phrase is read as its words in one document:
    // every document holding the phrase is found, perhaps with others.
    let phrase = SearchRequest {
        query: "\"health and care\"".into(),
        limit: 10,
        ..SearchRequest::default()
    };
    let docs = |index: &SearchIndex, corpus: &Corpus| -> Vec<u32> {
        let mut docs: Vec<u32> = index
            .search(corpus, &phrase)
            .hits
            .iter()
            .map(|h| h.doc)
            .collect();
        docs.sort_unstable();
        docs
    };
    let (early_docs, docs) = (docs(&early.index, &early.corpus), docs(&index, &corpus));
    assert!(!docs.is_empty(), "the seeds speak of health and care");
    assert!(
        docs.iter().all(|d| early_docs.contains(d)),
        "{docs:?} in {early_docs:?}"
    );
    reader
        .push(&bytes[searchable_at..])
        .expect("the rest decodes");
    let index = early.index;
    let whole = reader.finish_corpus().expect("the whole corpus");
    index
        .rebuild_detail(&whole)
        .expect("the contents fit the index");
    index.set_document_facets(&whole);
    let built = SearchIndex::build(&corpus);
    assert_eq!(
        index.search(&whole, &by_person),
        built.search(&corpus, &by_person),
        "once the contents are in, names filter as in the built index"
    );
    for query in ["visa", "\"health and care\"", "care workers"] {
        let request = SearchRequest {
            query: query.into(),
            limit: 10,
            ..SearchRequest::default()
        };
        assert_eq!(
            index.search(&whole, &request),
            built.search(&corpus, &request),
            "with its detail the index answers {query:?} as the built one"
        );
    }
    assert_eq!(
        Bundle {
            corpus: whole,
            index
        }
        .encode(),
        bytes
    );
}

/// Documents in several languages and scripts, with quotes and speakers.
const MANY_LANGUAGES: [(&str, &str); 6] = [
    (
        "en.txt",
        "Nurses' pay\n\nThe health secretary, Jane Okafor, said: \u{201c}Nurses will be paid \
         more from April.\u{201d} Unions called it \u{201c}a start\u{201d}. Okafor added that \
         hospitals were short of 40,000 nurses.\n",
    ),
    (
        "fr.txt",
        "Les infirmières\n\n\u{ab} Nous manquons de personnel \u{bb}, a déclaré la ministre \
         Claire Martin. Les hôpitaux nationaux recrutent des infirmières étrangères.\n",
    ),
    (
        "de.txt",
        "Pflegekräfte\n\n\u{201e}Wir brauchen mehr Pflegekräfte\u{201c}, sagte der Minister \
         Hans Müller. Die Krankenhäuser suchen Personal im Ausland.\n",
    ),
    (
        "zh.txt",
        "护理计划\n\n东京都政府周三宣布了一项新的护理人员招聘计划，以应对医院人手不足的问题。\n",
    ),
    (
        "ja.txt",
        "採用計画\n\n東京都は水曜日、病院の人手不足に対応するため、看護職員の新しい採用計画を発表した。\n",
    ),
    (
        "ar.txt",
        "الممرضات\n\nقالت الممرضات إن المستشفيات تعاني من نقص في الموظفين.\n",
    ),
];

fn many_languages() -> Corpus {
    let dir = std::env::temp_dir().join(format!("bundle-reader-languages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (file, text) in MANY_LANGUAGES {
        std::fs::write(dir.join(file), text).expect("written");
    }
    let corpus = corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("languages: {e}"));
    std::fs::remove_dir_all(&dir).expect("removed");
    assert!(corpus.documents.iter().any(|d| !d.quotes.is_empty()));
    corpus
}

#[test]
fn the_detail_made_again_from_the_contents_is_the_built_one() {
    for corpus in [seeds(), many_languages()] {
        let built = SearchIndex::build(&corpus);
        let decoded = Bundle::decode(&bundle_of(corpus.clone())).expect("decodes");
        assert!(decoded.index.has_positions());
        assert_eq!(decoded.index.detail(), built.detail());
        assert!(!built.detail().is_empty());
    }
}

/// A change to a decoded corpus.
type Edit = fn(&mut Corpus);

#[test]
fn documents_that_are_not_the_index_s_are_refused() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let bytes = Bundle { corpus, index }.encode();
    let edits: [(&str, Edit); 4] = [
        ("a word changed", |c| {
            let text = c.documents[0].text.replacen("the", "thy", 1);
            c.documents[0].text = text;
        }),
        ("a word swapped for another of the corpus", |c| {
            let text = c.documents[1].text.replacen("care", "visa", 1);
            c.documents[1].text = text;
        }),
        ("a document missing", |c| {
            c.documents.pop();
        }),
        ("a quote missing", |c| {
            let quoted = c.documents.iter_mut().find(|d| !d.quotes.is_empty());
            quoted.expect("the seeds have quotes").quotes.pop();
        }),
    ];
    for (edit, change) in edits {
        let mut reader = BundleReader::default();
        reader.push(&bytes).expect("decodes");
        let mut bundle = reader.finish().expect("whole");
        change(&mut bundle.corpus);
        let error = bundle.index.rebuild_detail(&bundle.corpus);
        assert!(error.is_err(), "{edit}: rebuilt");
        assert!(!bundle.index.has_positions(), "{edit}: the index changed");
    }
}
