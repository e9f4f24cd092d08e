//! CSV and JSON exports of search results and quotes.
//!
//! CSV follows RFC 4180 (fields quoted when they hold a comma, quote or line
//! break; quotes doubled). A field that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
//! apostrophe, so exported corpus text can never execute in a spreadsheet.

use serde::Serialize;

use crate::citation::{human_date, speaker_name};
use corpus_model::{Corpus, DocId};

/// One exported document row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub file: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub kind: String,
    pub snippet: String,
}

/// One exported quote row.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
pub fn document_rows(corpus: &Corpus, hits: &[(DocId, String)]) -> Vec<DocumentRow> {
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
pub fn quote_rows(corpus: &Corpus, quotes: &[(DocId, u32)]) -> Vec<QuoteRow> {
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

/// Serializes rows as a JSON array.
pub fn to_json<T: Serialize>(rows: &[T]) -> String {
    serde_json::to_string_pretty(rows).expect("rows of strings always serialize")
}

/// Serializes rows as CSV with a header row taken from the field names.
pub fn to_csv<T: Serialize>(rows: &[T]) -> String {
    let mut out = String::new();
    let mut header_written = false;
    for row in rows {
        let serde_json::Value::Object(fields) = serde_json::to_value(row).expect("rows serialize")
        else {
            continue;
        };
        if !header_written {
            push_record(&mut out, fields.keys().map(String::as_str));
            header_written = true;
        }
        push_record(
            &mut out,
            fields.values().map(|v| v.as_str().unwrap_or_default()),
        );
    }
    out
}

fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(field));
    }
    out.push_str("\r\n");
}

fn csv_field(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        let cases = [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("-1, or so", "\"'-1, or so\""),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(csv_field(input), expected, "input: {input:?}");
        }
    }

    #[test]
    fn csv_has_a_header_from_field_names() {
        let rows = vec![DocumentRow {
            file: "a.txt".into(),
            title: "Visa, visas".into(),
            source: "HSJ".into(),
            date: "2018".into(),
            kind: "news".into(),
            snippet: "“quoted”".into(),
        }];
        assert_eq!(
            to_csv(&rows),
            "file,title,source,date,kind,snippet\r\na.txt,\"Visa, visas\",HSJ,2018,news,“quoted”\r\n"
        );
        assert_eq!(to_csv::<DocumentRow>(&[]), "");
    }
}
