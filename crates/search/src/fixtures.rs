//! Documents the unit tests index, made of plain text.

use corpus_model::{Block, BlockKind, Document, Metadata};

/// A document titled `title` whose text is `text`, a paragraph between
/// blank lines.
pub fn document_of(title: &str, text: &str) -> Document {
    let mut start = 0;
    let blocks = (text.split("\n\n"))
        .map(|paragraph| {
            let block = Block {
                kind: BlockKind::Paragraph,
                start,
                end: start + paragraph.len() as u32,
            };
            start = block.end + 2;
            block
        })
        .collect();
    Document {
        meta: Metadata {
            title: title.into(),
            ..Metadata::default()
        },
        text: text.into(),
        blocks,
        ..Document::default()
    }
}
