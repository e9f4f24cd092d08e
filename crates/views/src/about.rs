//! The "About this corpus" page: what the build put in, and what it left
//! out and why, so a reader can judge what a search cannot find.
//!
//! Invariant: every warning and every skipped file of the corpus appears,
//! in file order; nothing is summarised away.

use corpus_model::{Corpus, EntityKind, PartialDate, Warning};
use corpus_text::scripts::main_script;

use crate::citation::human_date;

/// What the About page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub documents: usize,
    /// Bytes of the original files that were kept.
    pub original_bytes: usize,
    /// Bytes of their cleaned text.
    pub text_bytes: usize,
    pub quotes: usize,
    pub people: usize,
    pub organisations: usize,
    pub places: usize,
    /// "8 February 2024 to June 2026", or `None` when no document is dated.
    pub date_range: Option<String>,
    pub undated: usize,
    /// Writing systems with their number of documents, most documents first.
    pub scripts: Vec<(&'static str, usize)>,
    /// Document kinds ("news", "letter") with their counts, most first.
    pub kinds: Vec<(String, usize)>,
    /// Problems in documents that were kept, as "file:line: message".
    pub warnings: Vec<String>,
    /// Files left out, as "file:line: reason".
    pub skipped: Vec<String>,
}

/// Counts `items` by value, most frequent first, ties by value.
fn tally<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Vec<(T, usize)> {
    let mut counts: std::collections::BTreeMap<T, usize> = std::collections::BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    let mut out: Vec<(T, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn listed(warnings: &[Warning]) -> Vec<String> {
    let mut out: Vec<&Warning> = warnings.iter().collect();
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    out.into_iter().map(ToString::to_string).collect()
}

/// The About page of `corpus`.
pub fn about(corpus: &Corpus) -> About {
    let docs = &corpus.documents;
    let dates: Vec<PartialDate> = docs.iter().filter_map(|d| d.meta.date).collect();
    let date_range = match (dates.iter().min(), dates.iter().max()) {
        (Some(first), Some(last)) if first == last => Some(human_date(first)),
        (Some(first), Some(last)) => Some(format!("{} to {}", human_date(first), human_date(last))),
        _ => None,
    };
    let entities = |kind: EntityKind| corpus.entities.iter().filter(|e| e.kind == kind).count();
    About {
        documents: docs.len(),
        original_bytes: docs.iter().map(|d| d.raw.len()).sum(),
        text_bytes: docs.iter().map(|d| d.text.len()).sum(),
        quotes: docs.iter().map(|d| d.quotes.len()).sum(),
        people: entities(EntityKind::Person),
        organisations: entities(EntityKind::Organisation),
        places: entities(EntityKind::Place),
        date_range,
        undated: docs.len() - dates.len(),
        scripts: tally(
            docs.iter()
                .map(|d| main_script(&d.text).unwrap_or("No letters")),
        ),
        kinds: tally(docs.iter().filter_map(|d| d.meta.kind.clone())),
        warnings: listed(&corpus.warnings),
        skipped: listed(&corpus.skipped),
    }
}

/// A byte count as people read it: "950 bytes", "12.3 kB", "4.1 MB".
pub fn size_label(bytes: usize) -> String {
    const UNITS: [(usize, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "kB")];
    match UNITS.iter().find(|(size, _)| bytes >= *size) {
        Some((size, unit)) => {
            let tenths = (bytes * 10 + size / 2) / size;
            format!("{}.{} {unit}", tenths / 10, tenths % 10)
        }
        None => format!("{bytes} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::{Document, Entity, Metadata};

    fn doc(file: &str, text: &str, date: Option<PartialDate>, kind: Option<&str>) -> Document {
        Document {
            file: file.into(),
            raw: format!("{text}\n"),
            text: text.into(),
            meta: Metadata {
                date,
                kind: kind.map(str::to_string),
                ..Metadata::default()
            },
            ..Document::default()
        }
    }

    fn warning(file: &str, line: Option<u32>, message: &str) -> Warning {
        Warning {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    #[test]
    fn about_lists_everything_kept_and_left_out() {
        let date = |year, month| PartialDate {
            year,
            month: Some(month),
            day: None,
        };
        let corpus = Corpus {
            name: "test".into(),
            documents: vec![
                doc(
                    "a.txt",
                    "The nurses said",
                    Some(date(2024, 2)),
                    Some("news"),
                ),
                doc("b.txt", "护士们说", Some(date(2018, 6)), Some("news")),
                doc("c.txt", "Dear Minister", None, Some("letter")),
            ],
            entities: vec![Entity {
                kind: EntityKind::Person,
                name: "Jeremy Hunt".into(),
                aliases: Vec::new(),
                roles: Vec::new(),
                documents: vec![0],
            }],
            warnings: vec![warning("c.txt", Some(3), "unknown date format")],
            skipped: vec![
                warning("z.txt", None, "skipped: not a regular file"),
                warning("image.txt", Some(1), "skipped: binary file"),
            ],
        };
        let about = about(&corpus);
        assert_eq!(about.documents, 3);
        assert_eq!(
            about.date_range.as_deref(),
            Some("June 2018 to February 2024")
        );
        assert_eq!(about.undated, 1);
        assert_eq!(about.scripts, [("Latin", 2), ("Han", 1)]);
        assert_eq!(
            about.kinds,
            [("news".to_string(), 2), ("letter".to_string(), 1)]
        );
        assert_eq!(about.people, 1);
        assert_eq!(about.warnings, ["c.txt:3: unknown date format"]);
        assert_eq!(
            about.skipped,
            [
                "image.txt:1: skipped: binary file",
                "z.txt: skipped: not a regular file"
            ]
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        let rows = [
            (950, "950 bytes"),
            (12_300, "12.3 kB"),
            (4_100_000, "4.1 MB"),
        ];
        for (bytes, want) in rows {
            assert_eq!(size_label(bytes), want, "size of {bytes} bytes");
        }
    }
}
