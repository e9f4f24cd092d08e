//! Writes the fold table (`$OUT_DIR/fold_table.bin`): for every character
//! whose folding is not "itself if it is a letter or digit, else nothing",
//! the letters and digits of its compatibility decomposition (NFKD) with
//! combining marks and apostrophes left out. `src/analyzer/fold_table.rs`
//! reads it; the browser then needs neither the normalization tables nor
//! their code, only this table (about 20 kB instead of about 100 kB).
//!
//! Format: one record per run of characters, each number a LEB128 varint:
//! the gap from the end of the previous run to the run's first character,
//! `(count - 1) * 2 + step`, the number of characters the run's first
//! character folds to, and those characters. In a run of more than one
//! character, each folds to one character (or to none), `step` (0 or 1)
//! apart: `Ａ..Ｚ` → `A..Z` (step 1), `à á â` → `a` (step 0). Hangul
//! syllables decompose by arithmetic and are left out.

use std::path::PathBuf;

use corpus_text::words::is_apostrophe;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The first and one past the last Hangul syllable.
const HANGUL_SYLLABLES: std::ops::Range<u32> = 0xAC00..0xAC00 + 11172;

/// One run of the table, as written.
struct Run {
    first: u32,
    count: u32,
    step: u32,
    folds_to: Vec<char>,
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut runs: Vec<Run> = Vec::new();
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        if HANGUL_SYLLABLES.contains(&(c as u32)) {
            continue;
        }
        let folds_to = kept_decomposition(c);
        let plain: Vec<char> = if is_apostrophe(c) || !c.is_alphanumeric() {
            Vec::new()
        } else {
            vec![c]
        };
        if folds_to != plain && !extends_last_run(&mut runs, c as u32, &folds_to) {
            runs.push(Run {
                first: c as u32,
                count: 1,
                step: 0,
                folds_to,
            });
        }
    }
    let mut bytes = Vec::new();
    let mut end = 0;
    for run in &runs {
        for number in [run.first - end, (run.count - 1) * 2 + run.step] {
            push_varint(&mut bytes, number);
        }
        push_varint(&mut bytes, run.folds_to.len() as u32);
        for &c in &run.folds_to {
            push_varint(&mut bytes, c as u32);
        }
        end = run.first + run.count;
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("fold_table.bin"), bytes).expect("OUT_DIR is writable");
}

/// The letters and digits of `c`'s NFKD, in order.
fn kept_decomposition(c: char) -> Vec<char> {
    std::iter::once(c)
        .nfkd()
        .filter(|&d| !is_combining_mark(d) && !is_apostrophe(d) && d.is_alphanumeric())
        .collect()
}

/// Adds `c` to the last run when it follows it and folds in step with it.
fn extends_last_run(runs: &mut [Run], c: u32, folds_to: &[char]) -> bool {
    let Some(last) = runs.last_mut() else {
        return false;
    };
    if last.first + last.count != c || last.folds_to.len() != folds_to.len() {
        return false;
    }
    let step = match (last.folds_to.as_slice(), folds_to) {
        ([], []) => 0,
        ([from], [to]) => match (*to as u32).checked_sub(*from as u32) {
            Some(distance) if last.count == 1 && distance <= 1 => distance,
            Some(distance) if distance == last.step * last.count => last.step,
            _ => return false,
        },
        _ => return false,
    };
    last.step = step;
    last.count += 1;
    true
}

/// Appends `number` as an unsigned LEB128 varint.
fn push_varint(bytes: &mut Vec<u8>, mut number: u32) {
    while number >= 0x80 {
        bytes.push((number as u8 & 0x7f) | 0x80);
        number >>= 7;
    }
    bytes.push(number as u8);
}
