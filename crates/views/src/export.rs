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
//! Invariant: no exported field can execute in a spreadsheet, and every
//! field is exactly one cell.

use serde::Serialize;

use crate::citation::{human_date, speaker_name};
use crate::requests::export_request;
use crate::state::ViewState;
use corpus_model::{Corpus, DocId};
use corpus_search::SearchIndex;
/// One exported document row.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentRow {
    pub file: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub kind: String,
    pub snippet: String,
}

/// One exported quote row.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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

/// Serializes rows as a JSON array.
pub fn to_json<T: Serialize>(rows: &[T]) -> String {
    serde_json::to_string_pretty(rows).expect("rows of strings always serialize")
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
pub fn to_csv<T: Serialize + Default>(rows: &[T]) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let names = fields(&T::default());
    push_record(&mut out, names.iter().map(|(name, _)| name.as_str()));
    for row in rows {
        let values = fields(row);
        push_record(&mut out, values.iter().map(|(_, value)| value.as_str()));
    }
    out
}

/// A row's field names and values, in declaration order.
fn fields<T: Serialize>(row: &T) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(row) else {
        return Vec::new();
    };
    fields
        .into_iter()
        .map(|(name, value)| (name, value.as_str().unwrap_or_default().to_string()))
        .collect()
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
