//! Finds quotations and attributes them to their speakers.

use crate::model::{Document, Entity, Quote};

/// Every quote in `doc`, sorted by position.
pub fn extract(_doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
