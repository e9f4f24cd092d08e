//! Golden tests on the five seed documents, with expected values written by
//! reading the documents.
//!
//! Properties checked:
//! 1. Metadata: title, source, date (or undated) and kind of each seed.
//! 2. Cleaning keeps the key sentences and structure, drops the furniture,
//!    and says why.
//! 3. The source map is exact: every segment's text equals the raw bytes it
//!    came from, and every block starts where its words start in the file.
//! 4. Dates written in the text are found, yearless ones dated by the
//!    document's own date.
//! 5. The people, organisations and places of each seed, with their roles,
//!    and aliases resolved within and across documents.
//! 6. Mentions are sorted, disjoint, and each is a name or alias of its entity.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use corpus_model::{BlockKind, Corpus, Document, EntityKind, PartialDate};

/// (seed, title, source, date, kind).
type MetaRow<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<PartialDate>,
    Option<&'a str>,
);
/// (entity name, some of its aliases, (seed, role) pairs).
type RoleRow<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);

fn seeds() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        corpus_pipeline::build(&dir).unwrap_or_else(|e| panic!("seeds build: {e}"))
    })
}

fn doc(prefix: &str) -> &'static Document {
    seeds()
        .documents
        .iter()
        .find(|d| d.file.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

fn day(year: i32, month: u8, day: u8) -> PartialDate {
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

#[test]
fn metadata_of_each_seed() {
    let cases: &[MetaRow] = &[
        ("000", "Jeremy Hunt says he “should probably raise” dedicated immigration visa category for health and care with home secretary", Some("HSJ"), None, Some("news")),
        ("001", "THE Scottish Government is set to pressure their UK counterparts to fast-track visas for people looking to come to work in Scotland’s NHS.", Some("The National"), None, Some("news")),
        ("002", "HEE tries to bring back ex-medical professionals to bolster NHS workforce", Some("National Health Executive"), None, Some("news")),
        ("003", "Letter from Michelle Dyson to Anna Hemmings and Cathie Williams, ADASS", Some("Department of Health and Social Care"), Some(day(2024, 2, 8)), Some("letter")),
        ("004", "Health secretary says he'll 'knock down doors' for the NHS", None, None, Some("news")),
    ];
    assert!(seeds().warnings.is_empty(), "{:?}", seeds().warnings);
    for (prefix, title, source, date, kind) in cases {
        let m = &doc(prefix).meta;
        assert_eq!(
            (
                m.title.as_str(),
                m.source.as_deref(),
                m.date,
                m.kind.as_deref()
            ),
            (*title, *source, *date, *kind),
            "seed {prefix}"
        );
    }
}

#[test]
fn inferred_metadata_without_the_catalogue() {
    // The same files one by one, from a folder with no catalogue.
    let dir = std::env::temp_dir().join(format!("corpus-pipeline-seeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: &[(&str, &str, Option<PartialDate>, Option<&str>)] = &[
        (
            "003",
            "Letter from Michelle Dyson to Anna and Cathy",
            Some(day(2024, 2, 8)),
            Some("letter"),
        ),
        (
            "004",
            "Health secretary says he'll 'knock down doors' for the NHS",
            None,
            None,
        ),
        (
            "002",
            "HEE tries to bring back ex-medical professionals to bolster NHS workforce",
            None,
            None,
        ),
    ];
    for (prefix, title, date, kind) in cases {
        let source = doc(prefix);
        let path = dir.join(&source.file);
        std::fs::write(&path, &source.raw).expect("copy seed");
        let corpus = corpus_pipeline::build(&path).expect("builds");
        let m = &corpus.documents[0].meta;
        assert_eq!(
            (
                m.title.as_str(),
                m.source.as_deref(),
                m.date,
                m.kind.as_deref()
            ),
            (*title, None, *date, *kind),
            "seed {prefix} inferred"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cleaning_keeps_the_text_and_drops_the_furniture() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "000",
            &[
                "will raise the prospect of creating a dedicated immigration visa category",
                "There are also ongoing concerns about the uncertain impact of Brexit.",
                "“We have a long, long way to go but I do feel we are starting to make progress.”",
            ],
            &["Exclusive: Hunt seeks"],
        ),
        (
            "001",
            &[
                "THE Scottish Government is set to pressure their UK counterparts",
                "Campaign group EveryDoctor said clearing the backlog would help",
                "Mackay went on: “It is clear that Brexit has been a disaster.",
            ],
            &["READ MORE", "The National:\n"],
        ),
        (
            "002",
            &[
                "HEE tries to bring back ex-medical professionals to bolster NHS workforce",
                "commented Professor Lisa Bayliss-Pratt, chief nurse at HEE.",
                "with health and social care secretary Jeremy Hunt also crediting the plan",
            ],
            &["latest health care news", "Have you got a story", "Add your comment", "Turning blue lights green", "Rachel Power", "more >", "11/04/2019"],
        ),
        (
            "003",
            &[
                "08 February 2024",
                "Dear Anna and Cathy,",
                "UKVI now require providers to supply much more robust evidence of their pipeline of work",
                "Yours sincerely,",
                "Cc: Ian Trenholm, CQC; Tom Surrey, DHSC;",
                "Net migration measures – further detail - GOV.UK (www.gov.uk)",
            ],
            &["*", "https://", "\\("],
        ),
        (
            "004",
            &[
                "The health and social care secretary has said he will ‘knock down doors across Whitehall’",
                "Better morale",
                "Mr Hancock also promised further action on agency spending",
            ],
            &["England Northern Ireland Scotland Wales", "Last updated", "HANCOCK: Move towards preventive medicine"],
        ),
    ];
    for (prefix, kept, gone) in cases {
        let d = doc(prefix);
        for sentence in *kept {
            assert!(d.text.contains(sentence), "seed {prefix} lost {sentence:?}");
        }
        for furniture in *gone {
            assert!(
                !d.text.contains(furniture),
                "seed {prefix} kept {furniture:?}"
            );
        }
    }
    // The letterhead is kept once, its two repeats dropped.
    let letter = doc("003");
    assert_eq!(letter.text.matches("020 7210 4850").count(), 1);
    assert_eq!(
        letter
            .dropped
            .iter()
            .filter(|d| d.reason == "repeated header")
            .count(),
        2
    );
    let reasons: BTreeSet<&str> = seeds()
        .documents
        .iter()
        .flat_map(|d| d.dropped.iter().map(|x| x.reason.as_str()))
        .collect();
    for reason in [
        "navigation",
        "timestamp",
        "promo",
        "label",
        "caption",
        "section label",
        "comments",
        "sidebar",
        "repeated header",
    ] {
        assert!(reasons.contains(reason), "no {reason:?} in {reasons:?}");
    }
}

#[test]
fn structure_survives_as_blocks() {
    let cases: &[(&str, BlockKind, &str)] = &[
        (
            "000",
            BlockKind::Bullet,
            "Follows NHS concerns and political row over limits on NHS staff entering the country",
        ),
        (
            "002",
            BlockKind::Heading,
            "HEE tries to bring back ex-medical professionals to bolster NHS workforce",
        ),
        ("004", BlockKind::Heading, "Better morale"),
        ("004", BlockKind::Paragraph, "Health secretary Matt Hancock"),
        ("003", BlockKind::Signature, "Yours sincerely,"),
        ("003", BlockKind::Paragraph, "Dear Anna and Cathy,"),
    ];
    for (prefix, kind, text) in cases {
        let d = doc(prefix);
        let block = d
            .blocks
            .iter()
            .find(|b| d.block_text(b) == *text)
            .unwrap_or_else(|| panic!("seed {prefix}: no block {text:?}"));
        assert_eq!(block.kind, *kind, "seed {prefix}: {text:?}");
    }
}

#[test]
fn source_map_points_at_the_original_bytes() {
    for d in &seeds().documents {
        assert!(!d.source_map.segments.is_empty(), "{}", d.file);
        for s in &d.source_map.segments {
            let text = &d.text[s.text_start as usize..(s.text_start + s.len) as usize];
            let raw = &d.raw[s.raw_start as usize..(s.raw_start + s.len) as usize];
            assert_eq!(text, raw, "{}: segment {s:?}", d.file);
        }
        for b in &d.blocks {
            let at = d.source_map.to_raw(b.start) as usize;
            let first = d
                .block_text(b)
                .chars()
                .next()
                .expect("blocks are not empty");
            assert!(
                d.raw[at..].starts_with(first),
                "{}: block {:?} maps to {:?}",
                d.file,
                d.block_text(b),
                &d.raw[at..at + 20]
            );
        }
        // Every line of the file is either kept or dropped with a reason.
        let mut covered = vec![false; d.raw.len()];
        for s in &d.source_map.segments {
            covered[s.raw_start as usize..(s.raw_start + s.len) as usize]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        for x in &d.dropped {
            covered[x.raw_start as usize..x.raw_end as usize]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        for (n, line) in d.raw.split('\n').enumerate() {
            let start = d
                .raw
                .split('\n')
                .take(n)
                .map(|l| l.len() + 1)
                .sum::<usize>();
            let words = line
                .char_indices()
                .filter(|(_, c)| c.is_alphanumeric())
                .map(|(i, _)| start + i);
            for at in words {
                assert!(
                    covered[at],
                    "{}: line {} is neither kept nor dropped: {line:?}",
                    d.file,
                    n + 1
                );
            }
        }
    }
}

#[test]
fn dates_written_in_the_text() {
    let cases: &[(&str, &[(&str, PartialDate)])] = &[
        (
            "003",
            &[
                ("08 February 2024", day(2024, 2, 8)),
                ("30th January", day(2024, 1, 30)),
                ("11th March", day(2024, 3, 11)),
            ],
        ),
        // negative rows: no dated text of their own (002's dates are in the dropped sidebar)
        ("000", &[]),
        ("002", &[]),
    ];
    for (prefix, expected) in cases {
        let d = doc(prefix);
        let got: Vec<(&str, PartialDate)> = d
            .dates
            .iter()
            .map(|m| (&d.text[m.start as usize..m.end as usize], m.date))
            .collect();
        assert_eq!(&got, expected, "seed {prefix}");
    }
}

/// The names of one kind a document mentions.
fn named(d: &Document, kind: EntityKind) -> BTreeSet<&'static str> {
    let corpus = seeds();
    d.mentions
        .iter()
        .map(|m| &corpus.entities[m.entity as usize])
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
}

#[test]
fn people_organisations_and_places_of_each_seed() {
    use EntityKind::*;
    let cases: &[(&str, EntityKind, &[&str])] = &[
        ("000", Person, &["Jeremy Hunt", "Sajid Javid"]),
        (
            "000",
            Organisation,
            &[
                "Epsom and St Helier University Hospitals Trust",
                "HSJ",
                "Home Office",
                "NHS",
                "NHS Employers",
                "Twitter",
            ],
        ),
        ("000", Place, &["England", "UK"]),
        ("001", Person, &["Gillian Mackay", "Humza Yousaf"]),
        (
            "001",
            Organisation,
            &[
                "EveryDoctor",
                "Greens",
                "Home Office",
                "NHS",
                "Scottish Government",
                "The National",
                "UK Government",
            ],
        ),
        ("001", Place, &["England", "Holyrood", "Scotland", "UK"]),
        ("002", Person, &["Jeremy Hunt", "Lisa Bayliss-Pratt"]),
        (
            "002",
            Organisation,
            &[
                "Department for Education",
                "Health Education England",
                "Health and Care Professions Council",
                "NHS",
            ],
        ),
        ("002", Place, &[]),
        (
            "003",
            Person,
            &[
                "Anna Hemmings",
                "Catherine Frances",
                "Cathie Williams",
                "Dan Hobbs",
                "Ian Trenholm",
                "Michelle Dyson",
                "Nico Heslop",
                "Philippa Rouse",
                "Sarah Pickup",
                "Tom Surrey",
            ],
        ),
        (
            "003",
            Organisation,
            &[
                "ADASS",
                "Care Quality Commission",
                "Department for Levelling Up, Housing and Communities",
                "Department of Health and Social Care",
                "Home Office",
                "Local Government Association",
                "UK Visas and Immigration",
            ],
        ),
        (
            "003",
            Place,
            &["England", "London", "North East", "Sheffield"],
        ),
        (
            "004",
            Person,
            &[
                "Chris Wormald",
                "Ian Dalton",
                "Jeremy Hunt",
                "Matt Hancock",
                "Peter Blackburn",
                "Simon Stevens",
            ],
        ),
        (
            "004",
            Organisation,
            &[
                "Department of Health and Social Care",
                "NHS",
                "NHS England",
                "NHS Improvement",
                "NHS Providers",
                "Twitter",
            ],
        ),
        ("004", Place, &["Whitehall"]),
    ];
    for (prefix, kind, expected) in cases {
        let got = named(doc(prefix), *kind);
        let expected: BTreeSet<&str> = expected.iter().copied().collect();
        assert_eq!(got, expected, "seed {prefix}, {kind:?}");
    }
}

#[test]
fn roles_and_aliases_resolve_across_documents() {
    let corpus = seeds();
    let entity = |name: &str| {
        corpus
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    };
    let file = |doc: u32| corpus.documents[doc as usize].file[..3].to_string();
    let cases: &[RoleRow] = &[
        // (name, some aliases, (seed, role) pairs)
        (
            "Jeremy Hunt",
            &["Hunt", "Mr Hunt"],
            &[
                ("000", "health secretary"),
                ("002", "health and social care secretary"),
                ("004", "foreign secretary"),
                ("004", "former health secretary"),
            ],
        ),
        ("Sajid Javid", &["Sajid"], &[("000", "home secretary")]),
        ("Humza Yousaf", &["Yousaf"], &[("001", "health secretary")]),
        (
            "Lisa Bayliss-Pratt",
            &["Professor Lisa Bayliss-Pratt"],
            &[("002", "chief nurse at HEE")],
        ),
        (
            "Ian Trenholm",
            &[],
            &[("003", "CEO of the Care Quality Commission")],
        ),
        (
            "Anna Hemmings",
            &["Anna"],
            &[("003", "joint chief executive, ADASS")],
        ),
        (
            "Michelle Dyson",
            &[],
            &[("003", "director general for adult social care")],
        ),
        (
            "Matt Hancock",
            &["Hancock", "Mr Hancock"],
            &[("004", "health secretary")],
        ),
        (
            "Simon Stevens",
            &["Mr Stevens"],
            &[("004", "NHS England chief executive")],
        ),
        ("Health Education England", &["HEE"], &[]),
        ("UK Visas and Immigration", &["UKVI"], &[]),
        ("Care Quality Commission", &["CQC"], &[]),
        (
            "Department of Health and Social Care",
            &[
                "DHSC",
                "Department of Health & Social Care",
                "Department for Health and Social Care",
            ],
            &[],
        ),
        (
            "ADASS",
            &["Association of Directors of Adult Social Services"],
            &[],
        ),
    ];
    for (name, aliases, roles) in cases {
        let e = entity(name);
        for alias in *aliases {
            assert!(
                e.aliases.iter().any(|a| a == alias),
                "{name}: no alias {alias:?} in {:?}",
                e.aliases
            );
        }
        let got: Vec<(String, &str)> = e
            .roles
            .iter()
            .map(|r| (file(r.doc), r.role.as_str()))
            .collect();
        let expected: Vec<(String, &str)> =
            roles.iter().map(|(f, r)| (f.to_string(), *r)).collect();
        assert_eq!(got, expected, "{name}: roles");
    }
    assert_eq!(
        entity("Jeremy Hunt").documents.len(),
        3,
        "one Jeremy Hunt across three seeds"
    );
    assert_eq!(
        entity("Department of Health and Social Care")
            .documents
            .len(),
        2
    );
}

#[test]
fn mentions_are_sorted_disjoint_and_named() {
    let corpus = seeds();
    for d in &corpus.documents {
        for pair in d.mentions.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "{}: {:?} overlaps {:?}",
                d.file,
                pair[0],
                pair[1]
            );
        }
        for m in &d.mentions {
            let e = &corpus.entities[m.entity as usize];
            let said = d.text[m.start as usize..m.end as usize]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let known = said.eq_ignore_ascii_case(&e.name)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(&said));
            assert!(known, "{}: {said:?} is not a name of {}", d.file, e.name);
            assert!(e.documents.contains(
                &(corpus
                    .documents
                    .iter()
                    .position(|x| x.file == d.file)
                    .unwrap() as u32)
            ));
        }
    }
    let hunt: Vec<&str> = doc("000")
        .mentions
        .iter()
        .map(|m| &doc("000").text[m.start as usize..m.end as usize])
        .filter(|t| t.contains("Hunt"))
        .collect();
    assert_eq!(
        hunt,
        [
            "Jeremy Hunt",
            "Jeremy Hunt",
            "Mr Hunt",
            "Mr Hunt",
            "Mr Hunt",
            "Mr Hunt"
        ],
        "every mention of Hunt in seed 000"
    );
}
