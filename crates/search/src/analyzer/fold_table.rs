//! The letters and digits a character decomposes to (its compatibility
//! decomposition without combining marks and apostrophes), read from the
//! compact table `build.rs` generates from the Unicode normalization data,
//! so the browser carries that table instead of the normalization crate.
//!
//! Invariant: [`kept_decomposition`] gives, for every character, what
//! filtering its NFKD gives (tested against the normalization crate for
//! every character in `tests/fold_table.rs`).

use std::sync::OnceLock;

/// The table `build.rs` writes (its format is described there).
const ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fold_table.bin"));

/// Hangul syllables, which decompose by arithmetic (Unicode §3.12).
const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 11172;
const LEADING_FIRST: u32 = 0x1100;
const VOWEL_FIRST: u32 = 0x1161;
const TRAILING_BEFORE_FIRST: u32 = 0x11A7;
const VOWELS_TIMES_TRAILING: u32 = 21 * 28;
const TRAILING_COUNT: u32 = 28;

/// A run of characters that fold alike.
struct Run {
    first: u32,
    count: u32,
    /// How far apart the folds of two neighbours are (0 or 1).
    step: u32,
    /// What the run's first character folds to: `folds[start..end]`.
    start: u32,
    end: u32,
}

/// The decoded table: runs by first character, and what they fold to.
struct FoldTable {
    runs: Vec<Run>,
    folds: Vec<char>,
}

/// The characters `c` folds to before lower-casing: its letters and digits
/// after compatibility decomposition.
pub(super) fn kept_decomposition(c: char, out: &mut Vec<char>) {
    out.clear();
    let code = c as u32;
    if (HANGUL_FIRST..HANGUL_FIRST + HANGUL_COUNT).contains(&code) {
        let index = code - HANGUL_FIRST;
        let trailing = index % TRAILING_COUNT;
        let parts = [
            LEADING_FIRST + index / VOWELS_TIMES_TRAILING,
            VOWEL_FIRST + index % VOWELS_TIMES_TRAILING / TRAILING_COUNT,
            TRAILING_BEFORE_FIRST + trailing,
        ];
        let used = if trailing == 0 { 2 } else { 3 };
        out.extend(
            parts[..used]
                .iter()
                .filter_map(|&part| char::from_u32(part)),
        );
        return;
    }
    let table = table();
    let after = table.runs.partition_point(|run| run.first <= code);
    match after.checked_sub(1).map(|i| &table.runs[i]) {
        Some(run) if code < run.first + run.count => {
            let folds = &table.folds[run.start as usize..run.end as usize];
            let offset = (code - run.first) * run.step;
            out.extend(
                folds
                    .iter()
                    .filter_map(|&f| char::from_u32(f as u32 + offset)),
            );
        }
        _ => {
            if c.is_alphanumeric() && !super::tokenizer::is_apostrophe(c) {
                out.push(c);
            }
        }
    }
}

/// The table, decoded on first use.
fn table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| decode(ENCODED))
}

/// Reads the runs of `bytes`; a truncated table ends early.
fn decode(mut bytes: &[u8]) -> FoldTable {
    let mut table = FoldTable {
        runs: Vec::new(),
        folds: Vec::new(),
    };
    let mut end = 0u32;
    while !bytes.is_empty() {
        let (Some(gap), Some(count_and_step), Some(len)) =
            (varint(&mut bytes), varint(&mut bytes), varint(&mut bytes))
        else {
            break;
        };
        let start = table.folds.len() as u32;
        for _ in 0..len {
            let Some(c) = varint(&mut bytes).and_then(char::from_u32) else {
                table.folds.truncate(start as usize);
                return table;
            };
            table.folds.push(c);
        }
        let first = end + gap;
        let count = count_and_step / 2 + 1;
        table.runs.push(Run {
            first,
            count,
            step: count_and_step % 2,
            start,
            end: table.folds.len() as u32,
        });
        end = first + count;
    }
    table
}

/// Takes one unsigned LEB128 varint off the front of `bytes`.
fn varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut number = 0u32;
    for shift in (0..32).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        number |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(number);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
    use unicode_normalization::UnicodeNormalization;

    use super::super::tokenizer::is_apostrophe;
    use super::*;

    fn is_kept(c: char) -> bool {
        !is_combining_mark(c) && !is_apostrophe(c) && c.is_alphanumeric()
    }

    #[test]
    fn every_character_folds_as_its_filtered_nfkd() {
        let mut kept = Vec::new();
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            kept_decomposition(c, &mut kept);
            let expected: Vec<char> = std::iter::once(c).nfkd().filter(|&d| is_kept(d)).collect();
            assert_eq!(kept, expected, "the fold of U+{:04X}", c as u32);
        }
    }

    /// NFKD reorders only characters of a non-zero combining class; as
    /// folding drops them all, folding a word character by character gives
    /// what folding its NFKD as a whole gives.
    #[test]
    fn reordered_characters_are_all_dropped() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            if canonical_combining_class(c) != 0 {
                assert!(!is_kept(c), "U+{:04X} is reordered but kept", c as u32);
            }
        }
    }

    #[test]
    fn a_truncated_table_ends_early() {
        assert!(decode(&ENCODED[..ENCODED.len() - 1]).runs.len() < table().runs.len());
        assert!(decode(&[0x80]).runs.is_empty());
    }
}
