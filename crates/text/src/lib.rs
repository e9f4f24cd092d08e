//! The language layer every stage that reads text shares: words with byte
//! offsets ([`words`]), words and punctuation for reading names
//! ([`tokens`]), sentences ([`sentences`]), punctuation classes
//! ([`chars`]), month and weekday names ([`calendar`]), writing systems
//! ([`scripts`]), languages ([`language`]) and every word list the rules consult ([`lexicon`], files
//! under `data/`).
//!
//! The pipeline reads names, roles, dates and quotations with it; the search
//! analyzer uses its tokenizer with the search word shape; the views use its
//! calendar. It has no dependencies and knows nothing of documents.

pub mod calendar;
pub mod chars;
pub mod language;
pub mod lexicon;
pub mod scripts;
pub mod sentences;
pub mod tokens;
pub mod words;
