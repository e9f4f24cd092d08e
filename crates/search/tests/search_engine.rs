//! Behaviour of the search engine on small hand-built corpora.
//!
//! Properties checked, one test each:
//! 1. typo tolerance follows word length (strictly 0 below 5 letters, 1
//!    from 5, 2 from 9, and a changed first letter costs an extra typo);
//!    only when the strict reading finds too few documents are short words,
//!    first letters, joined and split words tolerated, listed after the
//!    strict reading's matches;
//! 2. only the word being typed (the last, not followed by a space) matches
//!    as a prefix;
//! 3. exact matches rank above prefix matches, which rank above typos;
//! 4. a phrase matches its words in order only;
//! 5. `-word` leaves out documents containing the word;
//! 6. `field:value` filters by source, kind, year, person, speaker and
//!    front-matter facets, `-field:value` by the opposite, and unknown
//!    fields become words with a notice;
//! 7. facet counts cover the whole result set, disjunctively within the
//!    selected facet;
//! 8. highlight and snippet ranges fall on the matched words, also around
//!    multi-byte characters;
//! 9. an empty query returns every document in the requested order;
//! 10. quotes are searched and filtered by speaker and kind;
//! 11. the index survives serialization unchanged;
//! 12. the jump-to list finds titles and names fuzzily.

use std::collections::BTreeMap;

use corpus_model::{
    Block, BlockKind, Corpus, Document, Entity, EntityKind, Mention, Metadata, PartialDate, Quote,
    QuoteKind,
};
use corpus_search::{FacetCounts, SearchIndex, SearchRequest, SearchResults, Sort, SuggestionKind};

/// A document whose paragraphs are `paragraphs`.
fn document(file: &str, title: &str, paragraphs: &[&str]) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for p in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len() as u32;
        text.push_str(p);
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            start,
            end: text.len() as u32,
        });
    }
    Document {
        file: file.into(),
        meta: Metadata {
            title: title.into(),
            ..Metadata::default()
        },
        raw: text.clone(),
        text,
        blocks,
        ..Document::default()
    }
}

fn corpus(documents: Vec<Document>) -> Corpus {
    Corpus {
        name: "test".into(),
        documents,
        ..Corpus::default()
    }
}

fn search(corpus: &Corpus, query: &str) -> SearchResults {
    let index = SearchIndex::build(corpus);
    index.search(
        corpus,
        &SearchRequest {
            query: query.into(),
            limit: 50,
            ..SearchRequest::default()
        },
    )
}

/// Files of the hits, in rank order.
fn files(corpus: &Corpus, results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| corpus.documents[h.doc as usize].file.clone())
        .collect()
}

/// Files of the hits, sorted.
fn file_set(corpus: &Corpus, results: &SearchResults) -> Vec<String> {
    let mut files = files(corpus, results);
    files.sort();
    files
}

#[test]
fn typo_tolerance_follows_word_length() {
    let corpus = corpus(vec![
        document("visa.txt", "", &["A visa was refused."]),
        document("nurse.txt", "", &["The nurse arrived."]),
        document("hospitals.txt", "", &["Hospitals are full."]),
        document("government.txt", "", &["The government decided."]),
        document("cat.txt", "", &["A cat sat."]),
        document("wins.txt", "", &["Labour wins."]),
    ]);
    let rows: &[(&str, &[&str])] = &[
        ("visa ", &["visa.txt"]),
        ("vissa ", &["visa.txt"]),
        ("nurce ", &["nurse.txt"]),
        ("nusre ", &["nurse.txt"]),
        ("hospitls ", &["hospitals.txt"]),
        ("govrenment ", &["government.txt"]),
        ("gobernmint ", &["government.txt"]),
        // A transposition with a letter left out between its two: two
        // typos, not three.
        ("govnement ", &["government.txt"]),
        ("gxvnement ", &[]),
        // Found only because the strict reading finds nothing: a short
        // word, a first letter, two typos in a word of six letters.
        ("cta ", &["cat.txt"]),
        ("vsa ", &["visa.txt"]),
        ("murse ", &["nurse.txt"]),
        ("hosiptlas ", &["hospitals.txt"]),
        // … and with a letter put in between them.
        ("wnuis ", &["wins.txt"]),
        ("ca ", &[]),
        ("xqz ", &[]),
        ("gxbxrnmxnt ", &[]),
    ];
    for &(query, expected) in rows {
        let results = search(&corpus, query);
        assert_eq!(file_set(&corpus, &results), expected, "query {query:?}");
    }
}

/// The relaxed reading only runs when the strict one finds no document
/// with every word: a short word's typo neighbours are not added to its
/// exact matches.
#[test]
fn short_word_typos_are_tolerated_only_when_nothing_matches_exactly() {
    let cart = document("cart.txt", "", &["A cart was pushed."]);
    let cat = document("cat.txt", "", &["A cat sat."]);
    let both = corpus(vec![cart, cat.clone()]);
    assert_eq!(files(&both, &search(&both, "cart ")), ["cart.txt"]);
    assert_eq!(files(&both, &search(&both, "cat ")), ["cat.txt"]);
    let only_cat = corpus(vec![cat]);
    assert_eq!(files(&only_cat, &search(&only_cat, "cart ")), ["cat.txt"]);
}

/// Read relaxed, a word the corpus has is taken as meant: `cart` is not
/// read as `care`, though the misspelt `cina` is read as `china`.
#[test]
fn relaxed_readings_forgive_short_words_only_when_the_corpus_lacks_them() {
    let care = document("care.txt", "", &["Care homes in China."]);
    let cart = document("cart.txt", "", &["A cart was pushed."]);
    let both = corpus(vec![care, cart]);
    let results = search(&both, "cart cina ");
    assert_eq!(file_set(&both, &results), ["care.txt", "cart.txt"]);
    assert!(results.terms.contains(&"china".to_string()));
    assert!(!results.terms.contains(&"care".to_string()));
}

/// In a collection of hundreds of documents, a misspelt word whose strict
/// reading finds fewer than a screen of documents is also read relaxed,
/// and the looser matches are listed after the strict ones; sorted by date,
/// or in a small collection, the strict reading stands.
#[test]
fn few_strict_matches_of_a_misspelt_word_are_followed_by_looser_ones() {
    let mut documents: Vec<Document> = (0..600)
        .map(|i| {
            document(
                &format!("filler-{i:03}.txt"),
                "",
                &["Markets were quiet today."],
            )
        })
        .collect();
    documents.push(document("rises.txt", "", &["Output rises again."]));
    documents.push(document(
        "raises.txt",
        "",
        &["The company raises its dividend."],
    ));
    documents.push(document("arises.txt", "", &["A question arises."]));
    documents.push(document("bakes.txt", "", &["He bakes bread."]));
    documents.push(document("sales.txt", "Sales", &["Sales rose."]));
    let large = corpus(documents);
    // `sales` is one typo from `bales` too once a first letter may change,
    // and its title would rank it first.
    assert_eq!(
        files(&large, &search(&large, "bales ")),
        ["bakes.txt", "sales.txt"]
    );
    let relevance = search(&large, "risets ");
    let ranked = files(&large, &relevance);
    assert_eq!(ranked[0], "rises.txt", "one typo first: {ranked:?}");
    assert_eq!(
        file_set(&large, &relevance),
        ["arises.txt", "raises.txt", "rises.txt"],
        "two typos after it"
    );
    let index = SearchIndex::build(&large);
    let by_date = index.search(
        &large,
        &SearchRequest {
            query: "risets ".into(),
            sort: Sort::Newest,
            limit: 50,
            ..SearchRequest::default()
        },
    );
    assert_eq!(files(&large, &by_date), ["rises.txt"]);
    let small = corpus(large.documents[600..603].to_vec());
    assert_eq!(files(&small, &search(&small, "risets ")), ["rises.txt"]);
}

/// The expansions of a word of one or two letters being typed, kept after
/// the first search, give what a fresh index gives.
#[test]
fn short_prefixes_kept_give_the_same_results() {
    let texts = [
        "The tide turned.",
        "Two trains today.",
        "A tall tree.",
        "Ten tents.",
    ];
    let documents = (texts.iter().enumerate())
        .map(|(i, t)| document(&format!("{i}.txt"), "", &[t]))
        .collect();
    let corpus = corpus(documents);
    let index = SearchIndex::build(&corpus);
    let request = |query: &str| SearchRequest {
        query: query.into(),
        limit: 50,
        ..SearchRequest::default()
    };
    for query in ["t", "tr", "a t", "t", "tr", "ten t"] {
        let kept = index.search(&corpus, &request(query));
        let fresh = SearchIndex::build(&corpus).search(&corpus, &request(query));
        assert_eq!(kept, fresh, "{query:?}");
    }
}

/// Words typed joined or split apart find the text that has them the
/// other way.
#[test]
fn joined_and_split_words_find_their_documents() {
    let corpus = corpus(vec![
        document("newspaper.txt", "", &["The newspaper printed it."]),
        document("should.txt", "", &["Nurses should be paid more."]),
        document("other.txt", "", &["Paper mills and news desks."]),
    ]);
    let rows: &[(&str, &[&str])] = &[
        ("news paper printed ", &["newspaper.txt"]),
        ("newspaper ", &["newspaper.txt"]),
        ("shouldbe paid ", &["should.txt"]),
        ("nurses shouldbe ", &["should.txt"]),
    ];
    for &(query, expected) in rows {
        let results = search(&corpus, query);
        assert_eq!(file_set(&corpus, &results), expected, "query {query:?}");
    }
}

#[test]
fn only_the_word_being_typed_is_a_prefix() {
    let corpus = corpus(vec![
        document(
            "recruitment.txt",
            "",
            &["Recruitment of nurses is falling."],
        ),
        document("nurses.txt", "", &["Nurses and doctors."]),
    ]);
    let rows: &[(&str, &[&str])] = &[
        ("recr", &["recruitment.txt"]),
        ("nurses recr", &["recruitment.txt"]),
        ("recr ", &[]),
        ("\"recr\"", &[]),
        ("recr nurses", &[]),
    ];
    for &(query, expected) in rows {
        let results = search(&corpus, query);
        let hits = if results.notices.is_empty() {
            file_set(&corpus, &results)
        } else {
            Vec::new()
        };
        assert_eq!(
            hits, expected,
            "query {query:?} (notices {:?})",
            results.notices
        );
    }
}

#[test]
fn exact_matches_rank_above_prefix_above_typo() {
    let corpus = corpus(vec![
        document("typo.txt", "", &["nurze nurze nurze nurze nurze"]),
        document("prefix.txt", "", &["nursery nursery nursery nursery"]),
        document(
            "exact.txt",
            "",
            &["A long paragraph in which the word nurse appears once among many other words."],
        ),
    ]);
    let results = search(&corpus, "nurse");
    assert_eq!(
        files(&corpus, &results),
        ["exact.txt", "prefix.txt", "typo.txt"],
        "ranking of \"nurse\""
    );
}

#[test]
fn a_misspelling_that_stems_to_a_word_is_no_exact_match_of_it() {
    let lead = "Scout troops lead the way, the leads said.";
    let corpus = corpus(vec![
        document("lead.txt", "", &[lead]),
        document("leaders.txt", "Scout leaders", &["Scout leaders meet."]),
    ]);
    let rows: &[(&str, [&str; 2])] = &[
        // "leades" stems to "lead", but no text says "leades": "leaders"
        // (one typo, in the title) is as good a reading, and ranks by
        // relevance.
        ("scout leades", ["leaders.txt", "lead.txt"]),
        // A word the corpus has as written still matches its stem exactly.
        ("scout leads", ["lead.txt", "leaders.txt"]),
    ];
    for (query, expected) in rows {
        let results = search(&corpus, query);
        assert_eq!(files(&corpus, &results), expected, "ranking of {query:?}");
    }
}

#[test]
fn phrases_match_words_in_order_only() {
    let corpus = corpus(vec![
        document(
            "in-order.txt",
            "",
            &["Abuse of the Health and Care Visa route."],
        ),
        document("curly.txt", "", &["the health and care visa’s rules"]),
        document("scattered.txt", "", &["A visa for health and social care."]),
    ]);
    let rows: &[(&str, &[&str])] = &[
        ("\"health and care visa\"", &["curly.txt", "in-order.txt"]),
        ("“Health and Care Visa”", &["curly.txt", "in-order.txt"]),
        ("\"care visa\" abuse", &["in-order.txt"]),
        ("\"visa health\"", &[]),
    ];
    for &(query, expected) in rows {
        assert_eq!(
            file_set(&corpus, &search(&corpus, query)),
            expected,
            "query {query:?}"
        );
    }
    let results = search(&corpus, "\"health and care visa\"");
    let hit = results
        .hits
        .iter()
        .find(|h| corpus.documents[h.doc as usize].file == "in-order.txt")
        .expect("in-order.txt is a hit");
    let snippet = &hit.snippets[0];
    let marked: Vec<&str> = snippet
        .matches
        .iter()
        .map(|&(s, e)| &snippet.text[s as usize..e as usize])
        .collect();
    assert!(
        marked.len() == 4
            && marked
                .join(" ")
                .eq_ignore_ascii_case("health and care visa"),
        "phrase marks {marked:?}"
    );
}

#[test]
fn excluded_words_leave_documents_out() {
    let corpus = corpus(vec![
        document("both.txt", "", &["Recruitment fell.", "Brexit was blamed."]),
        document("recruitment.txt", "", &["Recruitment rose."]),
        document("brexit.txt", "", &["Brexit talks."]),
    ]);
    let rows: &[(&str, &[&str])] = &[
        ("recruitment -brexit", &["recruitment.txt"]),
        ("recruitment -Brexit’s", &["recruitment.txt"]),
        ("-brexit", &["recruitment.txt"]),
        ("recruitment -\"brexit was\"", &["recruitment.txt"]),
        ("recruitment -unrelated", &["both.txt", "recruitment.txt"]),
        ("brexit -brexit", &[]),
    ];
    for &(query, expected) in rows {
        assert_eq!(
            file_set(&corpus, &search(&corpus, query)),
            expected,
            "query {query:?}"
        );
    }
}

/// A corpus with metadata, entities and quotes.
fn annotated_corpus() -> Corpus {
    let mut hunt = document(
        "hunt.txt",
        "Hunt on visas",
        &[
            "Health secretary Jeremy Hunt said: “We need a visa for care workers.”",
            "Nurses welcomed it.",
        ],
    );
    hunt.meta.source = Some("HSJ".into());
    hunt.meta.kind = Some("news".into());
    hunt.meta.date = Some(PartialDate {
        year: 2018,
        month: Some(6),
        day: Some(3),
    });
    hunt.meta.facets.insert(
        "topics".into(),
        vec!["immigration".into(), "workforce".into()],
    );
    let quote_start = hunt.text.find("We need").unwrap() as u32;
    let quote_end = hunt.text.find("workers.").unwrap() as u32 + "workers.".len() as u32;
    hunt.quotes
        .push(quote(quote_start, quote_end, QuoteKind::Direct, Some(0)));
    hunt.mentions.push(Mention {
        entity: 0,
        start: 17,
        end: 28,
    });
    let mut letter = document(
        "letter.txt",
        "Letter on sponsors",
        &["Dear Anna, the visa rules change.", "Yours, Michelle"],
    );
    letter.meta.source = Some("Department of Health".into());
    letter.meta.kind = Some("letter".into());
    letter.meta.date = Some(PartialDate {
        year: 2024,
        month: Some(2),
        day: None,
    });
    letter
        .meta
        .facets
        .insert("topics".into(), vec!["immigration".into()]);
    letter.mentions.push(Mention {
        entity: 1,
        start: 5,
        end: 9,
    });
    let mut yousaf = document(
        "yousaf.txt",
        "Fast-track visas",
        &["Yousaf said visas should be fast-tracked, calling it urgent."],
    );
    yousaf.meta.source = Some("The National".into());
    yousaf.meta.kind = Some("news".into());
    yousaf.meta.date = Some(PartialDate {
        year: 2023,
        month: None,
        day: None,
    });
    let start = yousaf.text.find("visas should").unwrap() as u32;
    yousaf.quotes.push(quote(
        start,
        start + "visas should be fast-tracked".len() as u32,
        QuoteKind::Reported,
        Some(2),
    ));
    let entity = |kind, name: &str, aliases: &[&str], documents: Vec<u32>| Entity {
        kind,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        roles: Vec::new(),
        documents,
    };
    Corpus {
        name: "annotated".into(),
        documents: vec![hunt, letter, yousaf],
        entities: vec![
            entity(EntityKind::Person, "Jeremy Hunt", &["Mr Hunt"], vec![0]),
            entity(EntityKind::Person, "Anna Hemmings", &[], vec![1]),
            entity(EntityKind::Person, "Humza Yousaf", &["Yousaf"], vec![2]),
        ],
        warnings: Vec::new(),
        skipped: Vec::new(),
    }
}

/// A quote search: query, filters, expected files.
type QuoteRow = (
    &'static str,
    Vec<(&'static str, &'static str)>,
    &'static [&'static str],
);

fn quote(start: u32, end: u32, kind: QuoteKind, speaker: Option<u32>) -> Quote {
    Quote {
        start,
        end,
        kind,
        speaker,
        speaker_name: None,
        role: None,
        mention: None,
        verb: Some("said".into()),
        fragments: Vec::new(),
        anonymous: false,
    }
}

#[test]
fn field_filters_select_documents() {
    let corpus = annotated_corpus();
    let rows: &[(&str, &[&str], bool)] = &[
        ("visa source:hsj", &["hunt.txt"], false),
        ("source:\"department of health\"", &["letter.txt"], false),
        ("kind:letter", &["letter.txt"], false),
        ("kind:letters", &["letter.txt"], false),
        ("visa -kind:letter", &["hunt.txt", "yousaf.txt"], false),
        ("year:2018", &["hunt.txt"], false),
        ("person:hemmings", &["letter.txt"], false),
        ("speaker:hunt", &["hunt.txt"], false),
        ("speaker:\"mr hunt\"", &["hunt.txt"], false),
        ("speaker:yousaf visas", &["yousaf.txt"], false),
        ("topics:workforce", &["hunt.txt"], false),
        ("topics:immigration kind:news", &["hunt.txt"], false),
        ("speaker:nobody", &[], true),
        ("colour:blue", &[], true),
    ];
    for &(query, expected, notice) in rows {
        let results = search(&corpus, query);
        assert_eq!(file_set(&corpus, &results), expected, "query {query:?}");
        assert_eq!(
            !results.notices.is_empty(),
            notice,
            "notices of {query:?}: {:?}",
            results.notices
        );
    }
}

/// The counts of a facet's values.
fn counts(facets: &[FacetCounts], facet: &str) -> Vec<(String, u32, bool)> {
    let mut values: Vec<_> = facets
        .iter()
        .find(|f| f.name == facet)
        .map(|f| {
            f.values
                .iter()
                .map(|v| (v.value.clone(), v.count, v.selected))
                .collect()
        })
        .unwrap_or_default();
    values.sort();
    values
}

#[test]
fn facet_counts_cover_the_result_set() {
    let corpus = annotated_corpus();
    let index = SearchIndex::build(&corpus);
    let request = |query: &str, filters: &[(&str, &[&str])]| SearchRequest {
        query: query.into(),
        filters: filters
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect::<BTreeMap<_, _>>(),
        sort: Sort::Relevance,
        limit: 10,
    };
    let owned = |rows: &[(&str, u32, bool)]| {
        rows.iter()
            .map(|&(v, n, s)| (v.to_string(), n, s))
            .collect::<Vec<_>>()
    };

    let all = index.search(&corpus, &request("", &[]));
    assert_eq!(all.total_documents, 3);
    assert_eq!(
        counts(&all.facets, "kind"),
        owned(&[("letter", 1, false), ("news", 2, false)]),
        "kind over everything"
    );
    assert_eq!(
        counts(&all.facets, "topics"),
        owned(&[("immigration", 2, false), ("workforce", 1, false)])
    );
    assert_eq!(
        counts(&all.facets, "speaker"),
        owned(&[("Humza Yousaf", 1, false), ("Jeremy Hunt", 1, false)])
    );

    let nurses = index.search(&corpus, &request("nurses", &[]));
    assert_eq!(
        counts(&nurses.facets, "kind"),
        owned(&[("news", 1, false)]),
        "kind over \"nurses\""
    );

    let news = index.search(&corpus, &request("visa", &[("kind", &["news"])]));
    assert_eq!(news.total_documents, 2, "visa in news");
    assert_eq!(
        counts(&news.facets, "kind"),
        owned(&[("letter", 1, false), ("news", 2, true)]),
        "the selected facet keeps the counts of its other values"
    );
    assert_eq!(
        counts(&news.facets, "year"),
        owned(&[("2018", 1, false), ("2023", 1, false)]),
        "other facets narrow"
    );

    let either = index.search(
        &corpus,
        &request(
            "visa",
            &[("kind", &["news", "letter"]), ("year", &["2018", "2024"])],
        ),
    );
    assert_eq!(
        either.total_documents, 2,
        "OR within a facet, AND across facets"
    );

    let unknown = index.search(&corpus, &request("visa", &[("colour", &["blue"])]));
    assert_eq!(unknown.total_documents, 3, "an unknown facet is ignored");
    assert_eq!(
        unknown.notices.len(),
        1,
        "with a notice: {:?}",
        unknown.notices
    );
}

#[test]
fn highlight_ranges_fall_on_matched_words() {
    let corpus = corpus(vec![document("a.txt", "", &["x"])]);
    let index = SearchIndex::build(&corpus);
    let rows: &[(&str, &[&str], &[&str])] = &[
        (
            "Ça coûte — the visa’s “naïve” rules; VISAS!",
            &["visa"],
            &["visa’s", "VISAS"],
        ),
        (
            "Naïve café owners in Zürich",
            &["naiv", "cafe", "zurich"],
            &["Naïve", "café", "Zürich"],
        ),
        ("東京 and 北京: visa", &["visa"], &["visa"]),
        (
            "organisations and organizations",
            &["organ"],
            &["organisations", "organizations"],
        ),
        ("nothing here", &["visa"], &[]),
    ];
    for &(text, terms, expected) in rows {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let ranges = index.highlight(text, &terms);
        let got: Vec<&str> = ranges
            .iter()
            .map(|&(s, e)| &text[s as usize..e as usize])
            .collect();
        assert_eq!(got, expected, "highlighting {terms:?} in {text:?}");
    }
}

#[test]
fn snippets_cut_long_paragraphs_around_matches() {
    let filler =
        "Lorem ipsum dolor sit amet, “consectetur” adipiscing élit — sed do eiusmod tempor. "
            .repeat(12);
    let paragraph = format!("{filler}The Health and Care Visa route was abused. {filler}");
    let corpus = corpus(vec![document(
        "long.txt",
        "",
        &["Short first paragraph.", &paragraph],
    )]);
    let results = search(&corpus, "visa route");
    let snippet = &results.hits[0].snippets[0];
    assert_eq!(snippet.block, 1);
    assert!(
        snippet.text.len() < paragraph.len(),
        "cut: {} bytes",
        snippet.text.len()
    );
    assert!(
        snippet.text.starts_with('…') && snippet.text.ends_with('…'),
        "ellipses: {:?}",
        snippet.text
    );
    let marked: Vec<&str> = snippet
        .matches
        .iter()
        .map(|&(s, e)| &snippet.text[s as usize..e as usize])
        .collect();
    assert_eq!(marked, ["Visa", "route"], "snippet {:?}", snippet.text);
    assert_eq!(results.total_paragraphs, Some(1));
}

#[test]
fn empty_queries_list_every_document_in_order() {
    let corpus = annotated_corpus();
    let index = SearchIndex::build(&corpus);
    let rows: &[(Sort, &[&str])] = &[
        (Sort::Relevance, &["hunt.txt", "letter.txt", "yousaf.txt"]),
        (Sort::Newest, &["letter.txt", "yousaf.txt", "hunt.txt"]),
        (Sort::Oldest, &["hunt.txt", "yousaf.txt", "letter.txt"]),
    ];
    for &(sort, expected) in rows {
        let results = index.search(
            &corpus,
            &SearchRequest {
                sort,
                limit: 10,
                ..SearchRequest::default()
            },
        );
        assert_eq!(files(&corpus, &results), expected, "order by {sort:?}");
        assert_eq!(results.total_paragraphs, Some(5));
        assert!(results
            .hits
            .iter()
            .all(|h| h.snippets.len() == 1 && h.snippets[0].matches.is_empty()));
    }
    let limited = index.search(
        &corpus,
        &SearchRequest {
            limit: 1,
            ..SearchRequest::default()
        },
    );
    assert_eq!(
        (limited.hits.len(), limited.total_documents),
        (1, 3),
        "limit cuts hits, not counts"
    );
}

#[test]
fn quotes_are_searched_and_filtered() {
    let corpus = annotated_corpus();
    let index = SearchIndex::build(&corpus);
    let quotes = |query: &str, filters: &[(&str, &str)]| {
        let request = SearchRequest {
            query: query.into(),
            filters: filters
                .iter()
                .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
                .collect(),
            limit: 10,
            ..SearchRequest::default()
        };
        let results = index.search_quotes(&corpus, &request);
        results
            .quotes
            .iter()
            .map(|q| corpus.documents[q.doc as usize].file.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    };
    let rows: Vec<QuoteRow> = vec![
        ("", vec![], &["hunt.txt", "yousaf.txt"]),
        ("visa", vec![], &["hunt.txt", "yousaf.txt"]),
        ("care workers", vec![], &["hunt.txt"]),
        ("hunt", vec![], &["hunt.txt"]),
        ("speaker:yousaf", vec![], &["yousaf.txt"]),
        ("", vec![("speaker", "Jeremy Hunt")], &["hunt.txt"]),
        ("", vec![("kind", "reported")], &["yousaf.txt"]),
        ("", vec![("source", "HSJ")], &["hunt.txt"]),
        ("nurses", vec![], &[]),
    ];
    for (query, filters, expected) in rows {
        assert_eq!(
            quotes(query, &filters),
            expected,
            "quotes for {query:?} {filters:?}"
        );
    }
    let request = SearchRequest {
        query: "visa".into(),
        limit: 10,
        ..SearchRequest::default()
    };
    let results = index.search_quotes(&corpus, &request);
    for hit in &results.quotes {
        let doc = &corpus.documents[hit.doc as usize];
        let text = doc.quote_text(&doc.quotes[hit.quote as usize]);
        let marked: Vec<&str> = hit
            .matches
            .iter()
            .map(|&(s, e)| &text[s as usize..e as usize])
            .collect();
        assert!(
            marked.iter().all(|m| m.to_lowercase().starts_with("visa")),
            "quote marks {marked:?} in {text:?}"
        );
    }
    let kinds = counts(
        &index
            .search_quotes(
                &corpus,
                &SearchRequest {
                    limit: 10,
                    ..SearchRequest::default()
                },
            )
            .facets,
        "kind",
    );
    assert_eq!(
        kinds,
        [
            ("direct".to_string(), 1, false),
            ("reported".to_string(), 1, false)
        ]
    );
}

#[test]
fn a_quote_running_over_paragraphs_is_found_by_words_in_any_of_them() {
    let mut doc = document(
        "okafor.txt",
        "Libraries",
        &[
            "Council leader Sarah Okafor said: “We have listened to residents.",
            "“Every branch will stay open.",
            "“Libraries are not a luxury.” The meeting ended.",
        ],
    );
    let start = doc.text.find("We have").unwrap() as u32;
    let end = doc.text.find(" The meeting").unwrap() as u32 - "”".len() as u32;
    doc.quotes = vec![quote(start, end, QuoteKind::Direct, None)];
    let corpus = corpus(vec![doc]);
    let index = SearchIndex::build(&corpus);
    let found = |query: &str| {
        let request = SearchRequest {
            query: query.into(),
            limit: 10,
            ..SearchRequest::default()
        };
        index.search_quotes(&corpus, &request).quotes.len()
    };
    for (query, want) in [
        ("listened", 1),
        ("branch", 1),
        ("luxury", 1),
        ("okafor", 0),
        ("meeting", 0),
    ] {
        assert_eq!(found(query), want, "quotes found by {query:?}");
    }
}

#[test]
fn index_survives_serialization() {
    let corpus = annotated_corpus();
    let index = SearchIndex::build(&corpus);
    let bytes = postcard::to_allocvec(&index).expect("serializes");
    let decoded: SearchIndex = postcard::from_bytes(&bytes).expect("deserializes");
    // Facets are not stored: whoever opens an index builds them. The
    // detail is made again from the contents.
    decoded.set_document_facets(&corpus);
    decoded.rebuild_detail(&corpus).expect("the contents fit");
    for query in [
        "visa",
        "vissa",
        "\"care workers\"",
        "speaker:hunt",
        "-brexit nurses",
    ] {
        let request = SearchRequest {
            query: query.into(),
            limit: 10,
            ..SearchRequest::default()
        };
        assert_eq!(
            index.search(&corpus, &request),
            decoded.search(&corpus, &request),
            "query {query:?}"
        );
    }
    assert!(
        postcard::from_bytes::<SearchIndex>(&bytes[..bytes.len() / 2]).is_err(),
        "truncated bytes are rejected"
    );
}

#[test]
fn jump_to_list_matches_fuzzily() {
    let corpus = annotated_corpus();
    let index = SearchIndex::build(&corpus);
    let rows: &[(&str, &str, SuggestionKind)] = &[
        ("jhunt", "Jeremy Hunt", SuggestionKind::Person),
        ("fsttrck", "Fast-track visas", SuggestionKind::Document),
        ("sponsors", "Letter on sponsors", SuggestionKind::Document),
    ];
    for &(input, label, kind) in rows {
        let suggestions = index.suggest(&corpus, input, 5);
        let first = suggestions
            .first()
            .unwrap_or_else(|| panic!("no suggestion for {input:?}"));
        assert_eq!(
            (first.label.as_str(), first.kind),
            (label, kind),
            "first suggestion for {input:?}"
        );
        assert!(!first.matches.is_empty());
    }
    assert!(
        index.suggest(&corpus, "zzzzqqq", 5).is_empty(),
        "nothing for gibberish"
    );
}

/// A document in another language is stemmed by its own language's rules
/// too: French `nationaux` and `nationales` share a French stem (not an
/// English one, and they are three edits apart), so each finds the other,
/// marked in the snippet; English documents are left to English rules.
#[test]
fn words_are_conflated_by_their_documents_language() {
    let corpus = corpus(vec![
        document(
            "fr-a.txt",
            "Résultats",
            &["Le gouvernement a publié les résultats nationaux de la santé pour les hôpitaux."],
        ),
        document(
            "fr-b.txt",
            "Priorité",
            &["La santé est une des priorités nationales pour le gouvernement et les hôpitaux."],
        ),
        document(
            "en.txt",
            "Nation",
            &["The nation and its hospitals, in an English text."],
        ),
    ]);
    let results = search(&corpus, "nationaux ");
    assert_eq!(file_set(&corpus, &results), ["fr-a.txt", "fr-b.txt"]);
    let results = search(&corpus, "priorités nationaux ");
    assert_eq!(files(&corpus, &results), ["fr-b.txt"]);
    let marks: Vec<&str> = results.hits[0].snippets[0]
        .matches
        .iter()
        .map(|&(a, b)| &results.hits[0].snippets[0].text[a as usize..b as usize])
        .collect();
    assert_eq!(marks, ["priorités", "nationales"]);
}

/// Chinese and Japanese are written without spaces: a run of ideographs or
/// kana typed in the box is found as a phrase wherever the text holds it,
/// and not where the same characters stand apart; Arabic and Hebrew words
/// are found like any others.
#[test]
fn chinese_japanese_arabic_and_hebrew_queries_find_their_documents() {
    let corpus = corpus(vec![
        document("zh.txt", "护理计划", &["东京都政府周三宣布了一项新的护理人员招聘计划，以应对医院人手不足的问题。"]),
        document("ja.txt", "採用計画", &["東京都は水曜日、病院の人手不足に対応するため、看護職員の新しい採用計画を発表した。"]),
        document("scattered.txt", "散", &["政府 东 京 都 在 水曜 日"]),
        document("ar.txt", "الممرضات", &["قالت الممرضات إن المستشفيات تعاني من نقص في الموظفين."]),
        document("he.txt", "אחיות", &["האחיות אמרו שבתי החולים סובלים ממחסור בצוות."]),
        document("en.txt", "Nurses", &["Nurses said hospitals in Tokyo were short of staff."]),
    ]);
    let rows: &[(&str, &[&str])] = &[
        ("东京都政府", &["zh.txt"]),
        ("招聘计划", &["zh.txt"]),
        ("東京都は水曜日", &["ja.txt"]),
        ("看護職員", &["ja.txt"]),
        ("人手不足", &["ja.txt", "zh.txt"]),
        ("الممرضات", &["ar.txt"]),
        ("المستشفيات", &["ar.txt"]),
        ("האחיות", &["he.txt"]),
        ("tokyo", &["en.txt"]),
    ];
    for &(query, want) in rows {
        let results = search(&corpus, query);
        assert_eq!(file_set(&corpus, &results), want, "documents for {query:?}");
        for hit in &results.hits {
            let snippet = &hit.snippets[0];
            assert!(
                !snippet.matches.is_empty(),
                "{query:?}: marked in {:?}",
                snippet.text
            );
        }
    }
}
