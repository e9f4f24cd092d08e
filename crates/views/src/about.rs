//! The "About this corpus" page: what the build put in, and what it left
//! out and why, so a reader can judge what a search cannot find.
//!
//! Invariant: every warning and every skipped file of the corpus appears,
//! in the pipeline's order (by file, then line); nothing is summarised away.

use corpus_model::{Corpus, EntityKind, PartialDate};
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
    /// Writing systems with their number of documents, by name.
    pub scripts: Vec<(&'static str, usize)>,
    /// Document kinds ("news", "letter") with their counts, by name.
    pub kinds: Vec<(String, usize)>,
    /// Problems in documents that were kept, as "file:line: message".
    pub warnings: Vec<String>,
    /// Files left out, as "file:line: reason".
    pub skipped: Vec<String>,
}

/// Counts `items` by value, in the values' order. Kept free of sorting
/// and maps: the browser app carries this code.
fn tally<T: Ord>(items: impl Iterator<Item = T>) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for item in items {
        match counts.binary_search_by(|(value, _)| value.cmp(&item)) {
            Ok(at) => counts[at].1 += 1,
            Err(at) => counts.insert(at, (item, 1)),
        }
    }
    counts
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
        original_bytes: docs.iter().map(|d| d.original().len()).sum(),
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
        warnings: corpus.warnings.iter().map(ToString::to_string).collect(),
        skipped: corpus.skipped.iter().map(ToString::to_string).collect(),
    }
}

impl About {
    /// The summary as (label, value) rows, in the order the page shows them.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let dates = match &self.date_range {
            Some(range) if self.undated > 0 => format!("{range} ({} undated)", self.undated),
            Some(range) => range.clone(),
            None => "no document is dated".to_string(),
        };
        let mut facts = vec![
            ("Documents", self.documents.to_string()),
            (
                "Size",
                format!(
                    "{} of files, {} of text after cleaning",
                    size_label(self.original_bytes),
                    size_label(self.text_bytes)
                ),
            ),
            ("Quotes", self.quotes.to_string()),
            (
                "Names",
                format!(
                    "{} people · {} organisations · {} places",
                    self.people, self.organisations, self.places
                ),
            ),
            ("Dates", dates),
            ("Writing systems", counted(&self.scripts)),
        ];
        if !self.kinds.is_empty() {
            facts.push(("Kinds", counted(&self.kinds)));
        }
        facts
    }

    /// The two lists of problems: (heading, lines, what to say when empty).
    pub fn problems(&self) -> [(String, &[String], &'static str); 2] {
        [
            (
                format!("Files left out ({})", self.skipped.len()),
                &self.skipped,
                "Every file found was built.",
            ),
            (
                format!("Warnings ({})", self.warnings.len()),
                &self.warnings,
                "The build reported no problems.",
            ),
        ]
    }
}

/// "Latin 4 · Han 1" from counted values.
fn counted<T: std::fmt::Display>(counts: &[(T, usize)]) -> String {
    counts
        .iter()
        .map(|(value, n)| format!("{value} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
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
    use corpus_model::{Document, Entity, Metadata, Warning};

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
                warning("image.txt", Some(1), "skipped: binary file"),
                warning("z.txt", None, "skipped: not a regular file"),
            ],
        };
        let about = about(&corpus);
        assert_eq!(about.documents, 3);
        assert_eq!(
            about.date_range.as_deref(),
            Some("June 2018 to February 2024")
        );
        assert_eq!(about.undated, 1);
        assert_eq!(about.scripts, [("Han", 1), ("Latin", 2)]);
        assert_eq!(
            about.kinds,
            [("letter".to_string(), 1), ("news".to_string(), 2)]
        );
        assert_eq!(about.people, 1);
        let facts = about.facts();
        assert_eq!(facts[0], ("Documents", "3".to_string()));
        assert!(facts.contains(&(
            "Dates",
            "June 2018 to February 2024 (1 undated)".to_string()
        )));
        assert!(facts.contains(&("Writing systems", "Han 1 · Latin 2".to_string())));
        assert!(facts.contains(&("Kinds", "letter 1 · news 2".to_string())));
        assert_eq!(about.problems()[0].0, "Files left out (2)");
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
