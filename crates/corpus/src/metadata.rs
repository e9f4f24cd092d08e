//! Infers a document's title, dates and kind from its cleaned text.

use crate::clean::Cleaned;

/// The title: the first block of the cleaned text.
pub fn infer_title(cleaned: &Cleaned) -> String {
    cleaned
        .blocks
        .first()
        .map(|b| cleaned.text[b.start as usize..b.end as usize].lines().next().unwrap_or("").trim().to_string())
        .unwrap_or_default()
}
