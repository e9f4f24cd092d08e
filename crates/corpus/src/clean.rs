//! Separates a document's own text from web and print furniture, keeping its
//! structure and a map back to the original bytes.

use crate::model::{Block, BlockKind, Segment, SourceMap};

/// The cleaned text of one document.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub text: String,
    pub blocks: Vec<Block>,
    pub source_map: SourceMap,
}

/// Splits `raw` into paragraphs at blank lines.
pub fn clean(raw: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut offset = 0;
    for chunk in raw.split("\n\n") {
        let start_in_chunk = chunk.len() - chunk.trim_start().len();
        let trimmed = chunk.trim();
        if !trimmed.is_empty() {
            if !out.text.is_empty() {
                out.text.push_str("\n\n");
            }
            let start = out.text.len() as u32;
            out.source_map.segments.push(Segment {
                text_start: start,
                raw_start: (offset + start_in_chunk) as u32,
                len: trimmed.len() as u32,
            });
            out.text.push_str(trimmed);
            out.blocks.push(Block { kind: BlockKind::Paragraph, start, end: out.text.len() as u32 });
        }
        offset += chunk.len() + 2;
    }
    out
}
