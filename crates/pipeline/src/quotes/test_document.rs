//! For the quote tests: a document whose blocks are the paragraphs of a
//! text, as a plain cleaner would split them.

use corpus_model::{Block, BlockKind, Document};

/// A document of `raw`, its cleaned text the same, one paragraph block per
/// stretch between blank lines; a first paragraph with no closing
/// punctuation is its headline.
pub fn paragraphs(raw: &str) -> Document {
    let mut blocks = Vec::new();
    let mut at = 0;
    for part in raw.split("\n\n") {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            start: at as u32,
            end: (at + part.len()) as u32,
        });
        at += part.len() + 2;
    }
    let mut doc = Document {
        raw: raw.to_string(),
        text: raw.to_string(),
        blocks,
        ..Document::default()
    };
    if let Some((first, _)) = raw.split_once("\n\n") {
        if !first
            .trim_end()
            .ends_with(['.', '!', '?', ':', '”', '"', '’'])
        {
            doc.meta.title = first.to_string();
        }
    }
    doc
}
