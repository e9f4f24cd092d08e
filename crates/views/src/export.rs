//! CSV and JSON exports of search results and quotes: every match of the
//! search, not only the page the view has loaded.
//!
//! CSV follows RFC 4180 with every field quoted (quotes doubled), so a field
//! stays one cell whatever list separator the spreadsheet's locale uses
//! (`,` or `;`). A field a spreadsheet would run as a formula gets a leading
//! apostrophe: one starting with `=`, `+`, `-`, `@`, tab or carriage return,
//! also after leading spaces and invisible characters, and in their
//! full-width and small forms. The file starts with a UTF-8 byte order mark
//! so spreadsheets read it as UTF-8.
//!
//! JSON is an array of objects, one per row, pretty-printed with two-space
//! indents. Both are written here rather than by serde, which would bring
//! a JSON library into the browser app for two files.
//!
//! Invariant: no exported field can execute in a spreadsheet, and every
//! field is exactly one cell.

use crate::citation::{human_date, speaker_name};
use crate::requests::export_request;
use crate::state::ViewState;
use corpus_model::{Corpus, DocId};
use corpus_search::SearchIndex;

/// A row of an export: its fields' names and values, in one order.
pub trait ExportRow {
    /// The fields' names.
    const FIELDS: &'static [&'static str];
    /// The fields' values, in the order of `FIELDS`.
    fn values(&self) -> Vec<&str>;
}

/// One exported document row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentRow {
    pub file: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub kind: String,
    pub snippet: String,
}

impl ExportRow for DocumentRow {
    const FIELDS: &'static [&'static str] = &["file", "title", "source", "date", "kind", "snippet"];
    fn values(&self) -> Vec<&str> {
        let Self {
            file,
            title,
            source,
            date,
            kind,
            snippet,
        } = self;
        vec![file, title, source, date, kind, snippet]
    }
}

/// One exported quote row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteRow {
    pub speaker: String,
    pub role: String,
    pub kind: String,
    pub quote: String,
    pub verb: String,
    pub source: String,
    pub date: String,
    pub title: String,
    pub file: String,
}

impl ExportRow for QuoteRow {
    const FIELDS: &'static [&'static str] = &[
        "speaker", "role", "kind", "quote", "verb", "source", "date", "title", "file",
    ];
    fn values(&self) -> Vec<&str> {
        let Self {
            speaker,
            role,
            kind,
            quote,
            verb,
            source,
            date,
            title,
            file,
        } = self;
        vec![speaker, role, kind, quote, verb, source, date, title, file]
    }
}

/// Rows for documents, with the snippet shown for each.
fn document_rows(corpus: &Corpus, hits: &[(DocId, String)]) -> Vec<DocumentRow> {
    hits.iter()
        .filter_map(|(id, snippet)| {
            let doc = corpus.documents.get(*id as usize)?;
            Some(DocumentRow {
                file: doc.file.clone(),
                title: doc.meta.title.clone(),
                source: doc.meta.source.clone().unwrap_or_default(),
                date: doc.meta.date.map(|d| d.to_string()).unwrap_or_default(),
                kind: doc.meta.kind.clone().unwrap_or_default(),
                snippet: snippet.clone(),
            })
        })
        .collect()
}

/// Rows for quotes given as (document, index into its quotes).
fn quote_rows(corpus: &Corpus, quotes: &[(DocId, u32)]) -> Vec<QuoteRow> {
    quotes
        .iter()
        .filter_map(|&(doc_id, index)| {
            let doc = corpus.documents.get(doc_id as usize)?;
            let quote = doc.quotes.get(index as usize)?;
            Some(QuoteRow {
                speaker: speaker_name(corpus, quote),
                role: quote.role.clone().unwrap_or_default(),
                kind: quote.kind.as_str().to_string(),
                quote: doc.quote_text(quote).to_string(),
                verb: quote.verb.clone().unwrap_or_default(),
                source: doc.meta.source.clone().unwrap_or_default(),
                date: doc.meta.date.as_ref().map(human_date).unwrap_or_default(),
                title: doc.meta.title.clone(),
                file: doc.file.clone(),
            })
        })
        .collect()
}

/// Rows for every document the search of `state` matches, best first, each
/// with its best snippet.
pub fn matching_document_rows(
    index: &SearchIndex,
    corpus: &Corpus,
    state: &ViewState,
) -> Vec<DocumentRow> {
    let results = index.search(corpus, &export_request(state));
    let hits: Vec<(DocId, String)> = results
        .hits
        .into_iter()
        .map(|hit| {
            let snippet = hit.snippets.into_iter().next().map(|s| s.text);
            (hit.doc, snippet.unwrap_or_default())
        })
        .collect();
    document_rows(corpus, &hits)
}

/// Rows for every quote the search of `state` matches, best first.
pub fn matching_quote_rows(
    index: &SearchIndex,
    corpus: &Corpus,
    state: &ViewState,
) -> Vec<QuoteRow> {
    let results = index.search_quotes(corpus, &export_request(state));
    let ids: Vec<(DocId, u32)> = results.quotes.iter().map(|q| (q.doc, q.quote)).collect();
    quote_rows(corpus, &ids)
}

/// Serializes rows as a JSON array of objects, two-space indented.
pub fn to_json<T: ExportRow>(rows: &[T]) -> String {
    if rows.is_empty() {
        return "[]".to_string();
    }
    let mut out = String::from("[");
    for (i, row) in rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        for (j, (name, value)) in T::FIELDS.iter().zip(row.values()).enumerate() {
            out.push_str(if j == 0 { "\n    " } else { ",\n    " });
            push_json_string(&mut out, name);
            out.push_str(": ");
            push_json_string(&mut out, value);
        }
        out.push_str("\n  }");
    }
    out.push_str("\n]");
    out
}

/// Appends `value` as a JSON string: quotes, backslashes and control
/// characters escaped, everything else as it is.
fn push_json_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Marks the file as UTF-8 for spreadsheets.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// First characters that make a spreadsheet read a cell as a formula,
/// with the full-width and small forms it treats as the same.
const FORMULA_STARTS: &[char] = &[
    '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫',
];

/// Invisible characters a spreadsheet may skip before a formula start.
const INVISIBLE: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

/// Serializes rows as CSV: a byte order mark, a header row of the field
/// names (present even without rows), then one record per row.
pub fn to_csv<T: ExportRow>(rows: &[T]) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    push_record(&mut out, T::FIELDS.iter().copied());
    for row in rows {
        push_record(&mut out, row.values().into_iter());
    }
    out
}

fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// Appends `value` quoted, with an apostrophe first if a spreadsheet would
/// run it as a formula.
fn push_field(out: &mut String, value: &str) {
    out.push('"');
    if runs_as_formula(value) {
        out.push('\'');
    }
    out.push_str(&value.replace('"', "\"\""));
    out.push('"');
}

/// Whether the first character a spreadsheet does not skip starts a
/// formula.
fn runs_as_formula(value: &str) -> bool {
    value
        .chars()
        .find(|&c| !skipped_before_formula(c))
        .is_some_and(|c| FORMULA_STARTS.contains(&c))
}

/// Whether a spreadsheet skips `c` before looking for a formula start:
/// spaces (but not tab or carriage return, which start formulas) and
/// invisible characters.
fn skipped_before_formula(c: char) -> bool {
    INVISIBLE.contains(&c) || (c.is_whitespace() && !FORMULA_STARTS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(value: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, value);
        out
    }

    #[test]
    fn every_field_is_quoted_and_no_formula_survives() {
        let cases = [
            ("plain", "\"plain\""),
            ("", "\"\""),
            ("a, b", "\"a, b\""),
            (
                "x;=HYPERLINK(\"http://evil\")",
                "\"x;=HYPERLINK(\"\"http://evil\"\")\"",
            ),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=SUM(A1)", "\"'=SUM(A1)\""),
            ("+1", "\"'+1\""),
            ("-1, or so", "\"'-1, or so\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tcmd", "\"'\tcmd\""),
            ("\rcmd", "\"'\rcmd\""),
            ("  =1+1", "\"'  =1+1\""),
            ("\u{a0}=1+1", "\"'\u{a0}=1+1\""),
            ("\u{3000}+1", "\"'\u{3000}+1\""),
            ("\n=1+1", "\"'\n=1+1\""),
            ("\u{200b}@x", "\"'\u{200b}@x\""),
            ("＝1+1", "\"'＝1+1\""),
            ("＋1", "\"'＋1\""),
            ("－1", "\"'－1\""),
            ("＠x", "\"'＠x\""),
            (" ﹦1", "\"' ﹦1\""),
            ("a=1", "\"a=1\""),
            ("“£15m”", "\"“£15m”\""),
        ];
        for (input, expected) in cases {
            assert_eq!(field(input), expected, "input: {input:?}");
        }
    }

    /// What serde_json writes for the same rows, pretty-printed.
    fn serde_json_of<T: ExportRow>(rows: &[T]) -> String {
        let objects = rows.iter().map(|row| {
            let fields = T::FIELDS.iter().zip(row.values());
            serde_json::Value::Object(
                fields
                    .map(|(name, value)| (name.to_string(), value.into()))
                    .collect(),
            )
        });
        serde_json::to_string_pretty(&objects.collect::<Vec<_>>()).unwrap_or_default()
    }

    #[test]
    fn json_is_what_serde_json_writes() {
        let quote = QuoteRow {
            speaker: "Jeremy Hunt".into(),
            quote: "“Visas”, he said:\t\"a \\ b\"\n\r\u{1}\u{8}\u{c}\u{1f}\u{7f} ✓".into(),
            file: "letters/1.md".into(),
            ..QuoteRow::default()
        };
        let rows = vec![quote.clone(), QuoteRow::default(), quote];
        assert_eq!(to_json(&rows), serde_json_of(&rows));
        assert_eq!(
            to_json::<DocumentRow>(&[]),
            serde_json_of::<DocumentRow>(&[])
        );
        let documents = vec![DocumentRow::default()];
        assert_eq!(to_json(&documents), serde_json_of(&documents));
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_a_header() {
        let rows = vec![DocumentRow {
            file: "a.txt".into(),
            title: "Visa, visas".into(),
            source: "HSJ".into(),
            date: "2018".into(),
            kind: "news".into(),
            snippet: "“quoted”".into(),
        }];
        let header = "\"file\",\"title\",\"source\",\"date\",\"kind\",\"snippet\"\r\n";
        assert_eq!(
            to_csv(&rows),
            format!(
                "\u{feff}{header}\"a.txt\",\"Visa, visas\",\"HSJ\",\"2018\",\"news\",\"“quoted”\"\r\n"
            )
        );
        assert_eq!(to_csv::<DocumentRow>(&[]), format!("\u{feff}{header}"));
    }

    /// `count` documents that all mention the word "visa".
    fn visa_corpus(count: usize) -> Corpus {
        let text = "The visa rules.";
        let doc = |i: usize| corpus_model::Document {
            file: format!("{i}.txt"),
            text: text.into(),
            blocks: vec![corpus_model::Block {
                kind: corpus_model::BlockKind::Paragraph,
                start: 0,
                end: text.len() as u32,
            }],
            ..corpus_model::Document::default()
        };
        Corpus {
            documents: (0..count).map(doc).collect(),
            ..Corpus::default()
        }
    }

    #[test]
    fn exports_hold_every_match_not_only_the_page_shown() {
        let matches = 75;
        let corpus = visa_corpus(matches);
        let index = SearchIndex::build(&corpus);
        let state = ViewState {
            query: "visa".into(),
            ..ViewState::default()
        };
        let rows = matching_document_rows(&index, &corpus, &state);
        assert_eq!(rows.len(), matches);
        assert!(rows.iter().all(|r| r.snippet == "The visa rules."));
    }
}
