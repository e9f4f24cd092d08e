//! Bad input: every case gets a clear message naming the file (and line)
//! and either leaves the file out, keeps the document with a warning, or
//! (a malformed catalogue) stops the build.
//!
//! Properties checked:
//! 1. A bad file is skipped with a warning naming it (and the line); the
//!    good files of the folder are built; catalogue errors name file and line.
//! 2. Warnings name the file and line, and the document is kept.
//! 3. Metadata comes from front matter, else the catalogue, else the text.
//! 4. A single file builds on its own, with its folder's catalogue.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use corpus_model::{Encoding, PartialDate};
use corpus_pipeline::build;
use corpus_pipeline::ingest::MAX_FILE_BYTES;

/// (case, file, contents, file named in the message, line, words in the message).
type FileCase<'a> = (&'a str, &'a str, &'a [u8], &'a str, Option<u32>, &'a str);
/// (file, title, source, date, kind).
type MetaRow<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<PartialDate>,
    Option<&'a str>,
);

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("corpus-pipeline-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, bytes).expect("write temp file");
        path
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

const ARTICLE: &str = "A headline for the story\n\nThe first paragraph of the story says something useful about the world today.\n";

#[test]
fn bad_files_are_skipped_and_the_rest_built() {
    let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
    let cases: &[FileCase] = &[
        // (case, file, contents, file in error, line, words in message)
        (
            "malformed front matter",
            "bad.txt",
            b"+++\ntitle = \"ok\"\ndate = 2024-13\n+++\nBody text.\n",
            "bad.txt",
            Some(3),
            "malformed front matter",
        ),
        (
            "unclosed front matter",
            "open.txt",
            b"+++\ntitle = \"ok\"\nBody text.\n",
            "open.txt",
            Some(1),
            "never closed",
        ),
        (
            "wrong type for a known key",
            "typed.md",
            b"+++\ntitle = 3\n+++\nBody.\n",
            "typed.md",
            Some(2),
            "`title` must be a string",
        ),
        (
            "binary file",
            "image.txt",
            b"GIF89a\x00\x01\x02",
            "image.txt",
            Some(1),
            "binary file",
        ),
        (
            "file over the size limit",
            "huge.txt",
            &big,
            "huge.txt",
            None,
            "over the",
        ),
    ];
    for (case, file, contents, skipped_file, line, words) in cases {
        let dir = TempDir::new("skipped");
        dir.write("a.txt", ARTICLE.as_bytes());
        dir.write(file, contents);
        let corpus = build(dir.path()).unwrap_or_else(|e| panic!("{case}: should build, got {e}"));
        let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["a.txt"], "{case}: the good file is built");
        let [skipped] = corpus.skipped.as_slice() else {
            panic!("{case}: one skipped file, got {:?}", corpus.skipped);
        };
        assert_eq!(&skipped.file, skipped_file, "{case}: {skipped}");
        assert_eq!(&skipped.line, line, "{case}: {skipped}");
        assert!(
            skipped.message.contains(words),
            "{case}: {skipped} should say {words:?}"
        );
        assert!(
            corpus.warnings.iter().all(|w| &w.file != skipped_file),
            "{case}: no warnings about a file left out: {:?}",
            corpus.warnings
        );
        let alone = build(&dir.path().join(file))
            .err()
            .unwrap_or_else(|| panic!("{case}: {file} alone should not build"));
        assert!(alone.message.contains(words), "{case}: {alone}");
    }
}

#[test]
fn catalogue_errors_name_file_and_line() {
    let cases: &[FileCase] = &[
        // (case, file, contents, file in error, line, words in message)
        (
            "malformed catalogue",
            "catalog.toml",
            b"[\"a.txt\"]\nsource = \"Reuters\"\nkind = \n",
            "catalog.toml",
            Some(3),
            "malformed catalogue",
        ),
        (
            "catalogue entry not a table",
            "catalog.toml",
            b"source = \"Reuters\"\n",
            "catalog.toml",
            Some(1),
            "must be a table",
        ),
    ];
    for (case, file, contents, error_file, line, words) in cases {
        let dir = TempDir::new("errors");
        dir.write("a.txt", ARTICLE.as_bytes());
        dir.write(file, contents);
        let error = build(dir.path())
            .err()
            .unwrap_or_else(|| panic!("{case}: {file} should not build"));
        assert_eq!(&error.file, error_file, "{case}: {error}");
        assert_eq!(&error.line, line, "{case}: {error}");
        assert!(
            error.message.contains(words),
            "{case}: {error} should say {words:?}"
        );
    }
}

#[test]
fn warnings_name_file_and_line_and_keep_the_document() {
    let cases: &[FileCase] = &[
        // (case, file, contents, file in warning, line, words in message)
        (
            "stray Latin-1 pound sign",
            "money.txt",
            b"Prices\n\nIt cost \xa35 on the third line.\n",
            "money.txt",
            Some(3),
            "Windows-1252",
        ),
        (
            "empty file",
            "empty.txt",
            b"",
            "empty.txt",
            None,
            "empty document",
        ),
        (
            "whitespace-only file",
            "blank.md",
            b"  \n\n\t\n",
            "blank.md",
            None,
            "empty document",
        ),
        (
            "unknown date format",
            "dated.txt",
            b"+++\ntitle = \"T\"\ndate = \"March 2024\"\n+++\nBody text here.\n",
            "dated.txt",
            Some(3),
            "unknown date format",
        ),
        (
            "facet that is not text",
            "facet.txt",
            b"+++\npages = 3\n+++\nBody text here.\n",
            "facet.txt",
            Some(2),
            "`pages` ignored",
        ),
        (
            "catalogue entry for a missing file",
            "catalog.toml",
            b"[\"a.txt\"]\nkind = \"news\"\n\n[\"gone.txt\"]\nkind = \"news\"\n",
            "catalog.toml",
            Some(4),
            "no such file",
        ),
    ];
    for (case, file, contents, warning_file, line, words) in cases {
        let dir = TempDir::new("warnings");
        dir.write("a.txt", ARTICLE.as_bytes());
        dir.write(file, contents);
        let corpus = build(dir.path()).unwrap_or_else(|e| panic!("{case}: should build, got {e}"));
        let warning = corpus
            .warnings
            .iter()
            .find(|w| w.message.contains(words))
            .unwrap_or_else(|| {
                panic!(
                    "{case}: no warning saying {words:?} in {:?}",
                    corpus.warnings
                )
            });
        assert_eq!(&warning.file, warning_file, "{case}: {warning}");
        assert_eq!(&warning.line, line, "{case}: {warning}");
        let expected_docs = if *file == "catalog.toml" { 1 } else { 2 };
        assert_eq!(
            corpus.documents.len(),
            expected_docs,
            "{case}: the document is kept"
        );
    }
}

#[test]
fn a_clean_folder_has_no_warnings() {
    let dir = TempDir::new("clean");
    dir.write("a.txt", ARTICLE.as_bytes());
    dir.write(
        "sub/b.md",
        b"Another story entirely\n\nWith its own words in a paragraph of some length here.\n",
    );
    dir.write("notes.pdf", b"%PDF not a corpus file");
    dir.write("README.md", b"# This folder\n\nDescribes the corpus.\n");
    let corpus = build(dir.path()).expect("builds");
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(
        files,
        ["a.txt", "sub/b.md"],
        "recursive, .txt and .md only, README skipped"
    );
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_around_valid_utf8() {
    let dir = TempDir::new("latin1");
    dir.write(
        "a.txt",
        "Caf\u{e9} prices\n\nIt cost "
            .as_bytes()
            .iter()
            .chain(b"\xa35 \x96 a lot.\n")
            .copied()
            .collect::<Vec<u8>>()
            .as_slice(),
    );
    let corpus = build(dir.path()).expect("builds");
    let doc = &corpus.documents[0];
    assert_eq!(doc.encoding, Encoding::Windows1252);
    assert!(
        doc.text.contains("Café prices") && doc.text.contains("It cost £5 – a lot."),
        "{:?}",
        doc.text
    );
}

#[test]
fn a_byte_order_mark_is_not_text() {
    let dir = TempDir::new("bom");
    dir.write("a.txt", b"\xEF\xBB\xBFHeadline of the day\n\nBody of the story, long enough to be a paragraph of prose here.\n");
    let corpus = build(dir.path()).expect("builds");
    let doc = &corpus.documents[0];
    assert_eq!(doc.encoding, Encoding::Utf8Bom);
    assert_eq!(doc.meta.title, "Headline of the day");
    assert!(doc.raw.starts_with("Headline"));
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_and_a_lone_surrogate_warned_of() {
    let dir = TempDir::new("utf16");
    let text = |file: &str| {
        format!("Headline of {file}\n\nBody of the story, long enough to be a paragraph of prose: “東京”.\n")
    };
    let units = |file: &str| {
        text(file)
            .encode_utf16()
            .chain([0xD800, u16::from(b'x')])
            .collect::<Vec<u16>>()
    };
    let little: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(units("little.txt").into_iter().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(units("big.txt").into_iter().flat_map(u16::to_be_bytes))
        .collect();
    dir.write("little.txt", &little);
    dir.write("big.txt", &big);
    let corpus = build(dir.path()).expect("builds");
    for (file, encoding) in [
        ("little.txt", Encoding::Utf16Le),
        ("big.txt", Encoding::Utf16Be),
    ] {
        let doc = corpus
            .documents
            .iter()
            .find(|d| d.file == file)
            .expect(file);
        assert_eq!(doc.encoding, encoding);
        assert_eq!(doc.meta.title, format!("Headline of {file}"));
        assert!(
            doc.raw.ends_with("prose: “東京”.\n\u{FFFD}x"),
            "{:?}",
            doc.raw
        );
        let warning = corpus
            .warnings
            .iter()
            .find(|w| w.file == file)
            .expect("a warning");
        let at = 2 + 2 * text(file).encode_utf16().count();
        assert_eq!(warning.line, Some(4), "{warning}");
        assert_eq!(
            warning.message,
            format!("invalid UTF-16 at byte offset {at}; read as U+FFFD")
        );
    }
}

#[test]
fn identical_documents_are_kept_once() {
    let dir = TempDir::new("duplicates");
    dir.write("a.txt", ARTICLE.as_bytes());
    dir.write("copy/a.txt", ARTICLE.as_bytes());
    let corpus = build(dir.path()).expect("builds");
    assert_eq!(corpus.documents.len(), 1);
    let warning = &corpus.warnings[0];
    assert_eq!(
        (warning.file.as_str(), warning.message.as_str()),
        ("copy/a.txt", "identical to a.txt; kept once")
    );
}

#[test]
fn metadata_comes_from_front_matter_then_catalogue_then_text() {
    let dir = TempDir::new("precedence");
    dir.write(
        "declared.txt",
        b"+++\ntitle = \"Declared title\"\ndate = \"1987-03\"\ntopics = [\"acq\", \"earn\"]\nplaces = \"usa\"\n+++\nInferred headline\n\nA paragraph of the story that runs on for long enough to be prose.\n",
    );
    dir.write("catalogued.txt", b"Inferred headline two\n\nA second story with a paragraph that runs on for long enough here.\n");
    dir.write("inferred.txt", b"Inferred headline three\n\nPublished 08 February 2024 as the third story with enough words.\n");
    dir.write(
        "catalog.toml",
        b"[\"declared.txt\"]\ntitle = \"Catalogue title\"\nsource = \"Catalogue source\"\n\n[\"catalogued.txt\"]\ntitle = \"Catalogue title two\"\ndate = \"2001\"\nkind = \"Report\"\n",
    );
    let corpus = build(dir.path()).expect("builds");
    let date = |year, month| {
        Some(PartialDate {
            year,
            month,
            day: None,
        })
    };
    let cases: &[MetaRow] = &[
        (
            "catalogued.txt",
            "Catalogue title two",
            None,
            date(2001, None),
            Some("report"),
        ),
        (
            "declared.txt",
            "Declared title",
            Some("Catalogue source"),
            date(1987, Some(3)),
            None,
        ),
        // negative row: a date in running text is not the document's date
        ("inferred.txt", "Inferred headline three", None, None, None),
    ];
    for (file, title, source, when, kind) in cases {
        let doc = corpus
            .documents
            .iter()
            .find(|d| d.file == *file)
            .unwrap_or_else(|| panic!("{file} missing"));
        assert_eq!(
            (
                doc.meta.title.as_str(),
                doc.meta.source.as_deref(),
                doc.meta.date,
                doc.meta.kind.as_deref()
            ),
            (*title, *source, *when, *kind),
            "{file}"
        );
    }
    let declared = corpus
        .documents
        .iter()
        .find(|d| d.file == "declared.txt")
        .expect("declared.txt");
    assert_eq!(
        declared.meta.facets.get("topics"),
        Some(&vec!["acq".to_string(), "earn".to_string()])
    );
    assert_eq!(
        declared.meta.facets.get("places"),
        Some(&vec!["usa".to_string()])
    );
    assert!(
        declared
            .source_map
            .segments
            .iter()
            .all(|s| s.raw_start as usize >= declared.raw.find("Inferred").unwrap()),
        "offsets point past the front matter into the whole file"
    );
}

#[test]
fn a_single_file_builds_with_its_folders_catalogue() {
    let dir = TempDir::new("single");
    let file = dir.write("a.txt", ARTICLE.as_bytes());
    dir.write(
        "b.txt",
        b"Other story\n\nOther words in another paragraph that goes on for a while.\n",
    );
    dir.write("catalog.toml", b"[\"a.txt\"]\nsource = \"Wire\"\n");
    let corpus = build(&file).expect("builds");
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].meta.source.as_deref(), Some("Wire"));
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = TempDir::new("missing");
    let error = build(&dir.path().join("nowhere")).expect_err("no such folder");
    assert!(
        error.file.ends_with("nowhere") && error.message.contains("no such file"),
        "{error}"
    );
}

/// Text made of the pieces the rules look for, shuffled by a fixed-seed
/// generator: this crate's stages never panic on 3,000 such texts and keep
/// the source map exact; the whole pipeline (quotes included) builds them all.
#[test]
fn shuffled_markup_never_panics() {
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "*", "**", "_", "[", "](", ")", "\\(", "&lt;", ">", " > ", "•", "- ", "“", "”", "’s", "'", ":", ": ", ",",
        ".", "\n", "\n\n", "  ", "HANCOCK", "NOTE", "Mr", "Dr", "Jeremy", "Hunt", "Health", "Secretary", "secretary",
        "of", "and", "&", "Department", "Office", "UK", "(HEE)", "HEE", "Health Education England",
        "08 February 2024", "30th January", "11/04/2019", "Dear", "Yours sincerely,", "From", "READ MORE:",
        "Last updated:", "Reuter &#3;", "é", "£", "\u{a0}", "🙂", "the",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize
    };
    let texts: Vec<String> = (0..3000)
        .map(|n| {
            let len = 5 + next() % 200;
            let pieces: Vec<&str> = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            pieces.join(if n % 2 == 0 { " " } else { "" })
        })
        .collect();
    let mut documents: Vec<corpus_model::Document> = texts
        .iter()
        .map(|raw| {
            let cleaned = corpus_pipeline::clean::clean(raw);
            let _ = corpus_pipeline::metadata::infer_title(&cleaned);
            let dates = corpus_pipeline::dates::find_dates(&cleaned.text);
            let _ = corpus_pipeline::metadata::infer_date(&cleaned, raw, &dates);
            corpus_model::Document {
                raw: raw.clone(),
                text: cleaned.text,
                blocks: cleaned.blocks,
                source_map: cleaned.source_map,
                ..Default::default()
            }
        })
        .collect();
    corpus_pipeline::entities::extract(&mut documents);
    for (n, d) in documents.iter().enumerate() {
        for s in &d.source_map.segments {
            let (t, r, len) = (s.text_start as usize, s.raw_start as usize, s.len as usize);
            assert_eq!(
                &d.text[t..t + len],
                &d.raw[r..r + len],
                "text {n}: segment {s:?} of {:?}",
                d.raw
            );
        }
        for m in &d.mentions {
            let (start, end) = (m.start as usize, m.end as usize);
            assert!(
                d.text.is_char_boundary(start) && d.text.is_char_boundary(end) && start < end,
                "text {n}: mention {m:?}"
            );
        }
    }
    let dir = TempDir::new("shuffled");
    for (n, text) in texts.iter().enumerate() {
        dir.write(&format!("doc{n:04}.txt"), text.as_bytes());
    }
    let corpus = build(dir.path()).unwrap_or_else(|e| panic!("shuffled text should build: {e}"));
    let copies = corpus
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("identical to"))
        .count();
    assert_eq!(
        corpus.documents.len() + copies,
        texts.len(),
        "every file is a document or a copy of one"
    );
}

/// A folder of hostile entries next to a good file: a symbolic-link loop, a
/// link out of the folder, `/dev/zero` and a FIFO named `*.txt`, a link to a
/// good file inside. The walk ends at once, reads nothing outside the
/// folder, opens neither special file, and says why each was left out.
#[cfg(unix)]
#[test]
fn hostile_folder_entries_are_skipped_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = TempDir::new("outside");
    outside.write(
        "secret.txt",
        b"A secret from elsewhere on the machine\n\nNever to be published.\n",
    );
    let dir = TempDir::new("hostile");
    dir.write("a.txt", ARTICLE.as_bytes());
    std::fs::create_dir_all(dir.path().join("sub")).expect("create sub");
    symlink("..", dir.path().join("sub/a")).expect("link");
    symlink("..", dir.path().join("sub/b")).expect("link");
    symlink(outside.path(), dir.path().join("elsewhere")).expect("link");
    symlink(
        outside.path().join("secret.txt"),
        dir.path().join("secret.txt"),
    )
    .expect("link");
    symlink("/dev/zero", dir.path().join("zero.txt")).expect("link");
    symlink(dir.path().join("a.txt"), dir.path().join("sub/again.txt")).expect("link");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");

    let corpus = build(dir.path()).expect("builds");
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(
        files,
        ["a.txt"],
        "only the good file (its linked copy is identical)"
    );
    let skipped: Vec<(&str, &str)> = corpus
        .skipped
        .iter()
        .map(|w| (w.file.as_str(), w.message.as_str()))
        .collect();
    for (file, words) in [
        ("elsewhere", "link to a folder"),
        ("pipe.txt", "not a regular file"),
        ("secret.txt", "outside the corpus folder"),
        ("sub/a", "link to a folder"),
        ("sub/b", "link to a folder"),
        ("zero.txt", "link to a special file"),
    ] {
        assert!(
            skipped.iter().any(|(f, m)| *f == file && m.contains(words)),
            "{file} skipped saying {words:?}: {skipped:?}"
        );
    }
    assert!(
        corpus.documents.iter().all(|d| !d.text.contains("secret")),
        "nothing from outside the folder"
    );
}
