//! A quote as one line of JSON, with byte offsets into the original file:
//! the shape `corpus quotes --json` prints and gold files are written in.
//!
//! Invariant: `start..end` and `mention_start..mention_end` index the bytes
//! of the file as stored on disk. Cleaned-text offsets go through the
//! document's source map, then past a UTF-8 byte-order mark, or, for a file
//! decoded as Windows-1252 (one byte per character), are counted in
//! characters.

use serde::{Deserialize, Serialize};

use corpus_model::{Document, Encoding, Quote, Unquoted};

/// The kind a record of quoted words that are no quotation has.
pub const NOT_A_QUOTE: &str = "not_quote";

/// Quoted words inside a mixed statement, with byte offsets in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    pub start: u32,
    pub end: u32,
    #[serde(default)]
    pub text: String,
}

/// One quote, as printed by `corpus quotes --json` and read from gold files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub file: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
    /// "direct", "partial", "mixed", "reported", or [`NOT_A_QUOTE`].
    pub kind: String,
    pub speaker: Option<String>,
    #[serde(default)]
    pub mention: Option<String>,
    #[serde(default)]
    pub mention_start: Option<u32>,
    #[serde(default)]
    pub mention_end: Option<u32>,
    #[serde(default)]
    pub verb: Option<String>,
    /// The speaker is an unnamed source or a group ("officials").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    /// A mixed statement's quoted words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fragments: Vec<Fragment>,
    /// Why quoted words are no quotation ("title", "term", …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Record {
    pub fn new(doc: &Document, quote: &Quote) -> Record {
        let mention = quote.mention.map(|(s, e)| {
            (
                &doc.text[s as usize..e as usize],
                file_offset(doc, s, false),
                file_offset(doc, e, true),
            )
        });
        Record {
            file: doc.file.clone(),
            text: doc.quote_text(quote).to_string(),
            start: file_offset(doc, quote.start, false),
            end: file_offset(doc, quote.end, true),
            kind: quote.kind.as_str().to_string(),
            speaker: quote.speaker_name.clone(),
            mention: mention.map(|m| m.0.to_string()),
            mention_start: mention.map(|m| m.1),
            mention_end: mention.map(|m| m.2),
            verb: quote.verb.clone(),
            fragments: quote
                .fragments
                .iter()
                .map(|&(s, e)| Fragment {
                    start: file_offset(doc, s, false),
                    end: file_offset(doc, e, true),
                    text: doc.text[s as usize..e as usize].to_string(),
                })
                .collect(),
            reason: None,
            anonymous: quote.anonymous,
        }
    }

    /// The record of quoted words that are no quotation, with the reason.
    pub fn unquoted(doc: &Document, unquoted: &Unquoted) -> Record {
        Record {
            file: doc.file.clone(),
            text: doc.text[unquoted.start as usize..unquoted.end as usize].to_string(),
            start: file_offset(doc, unquoted.start, false),
            end: file_offset(doc, unquoted.end, true),
            kind: NOT_A_QUOTE.to_string(),
            speaker: None,
            mention: None,
            mention_start: None,
            mention_end: None,
            verb: None,
            fragments: Vec::new(),
            reason: Some(unquoted.reason.as_str().to_string()),
            anonymous: false,
        }
    }
}

/// The byte offset in the original file of byte `offset` of the cleaned
/// text. An `end` offset maps the character before it, so a range never
/// stretches over text the cleaner dropped after it.
pub fn file_offset(doc: &Document, offset: u32, end: bool) -> u32 {
    let raw = if end && offset > 0 {
        let last = doc.text[..offset as usize]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8) as u32;
        doc.source_map.to_raw(offset - last) + last
    } else {
        doc.source_map.to_raw(offset)
    };
    match doc.encoding {
        Encoding::Utf8 => raw,
        Encoding::Utf8Bom => raw + 3,
        Encoding::Windows1252 => doc
            .raw
            .get(..raw as usize)
            .map_or(raw, |s| s.chars().count() as u32),
        Encoding::Utf16Le | Encoding::Utf16Be => doc
            .raw
            .get(..raw as usize)
            .map_or(raw, |s| 2 + 2 * s.encode_utf16().count() as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::{Segment, SourceMap};

    #[test]
    fn offsets_in_the_file() {
        let raw = "Title\n\nHe said: “café”";
        let text = "He said: “café”";
        let segments = vec![Segment {
            text_start: 0,
            raw_start: 7,
            len: text.len() as u32,
        }];
        let start = text.find("café").unwrap_or_default() as u32;
        let end = start + "café".len() as u32;
        let cases: &[(Encoding, u32, u32)] = &[
            (Encoding::Utf8, 7 + start, 7 + end),
            (Encoding::Utf8Bom, 10 + start, 10 + end),
            // Windows-1252: one byte per character; "“" is one byte on disk.
            (Encoding::Windows1252, 7 + 10, 7 + 14),
            // UTF-16: a 2-byte mark, then 2 bytes per character here.
            (Encoding::Utf16Le, 2 + 2 * (7 + 10), 2 + 2 * (7 + 14)),
            (Encoding::Utf16Be, 2 + 2 * (7 + 10), 2 + 2 * (7 + 14)),
        ];
        for &(encoding, want_start, want_end) in cases {
            let doc = Document {
                raw: raw.to_string(),
                text: text.to_string(),
                encoding,
                source_map: SourceMap {
                    segments: segments.clone(),
                },
                ..Document::default()
            };
            let got = (
                file_offset(&doc, start, false),
                file_offset(&doc, end, true),
            );
            assert_eq!(
                got,
                (want_start, want_end),
                "offsets of “café” in {raw:?} read as {encoding:?}"
            );
        }
    }
}
