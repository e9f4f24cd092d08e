//! The documents' texts as the bundle ships them: each word the corpus
//! repeats is written as a code of one to three bytes that UTF-8 never
//! uses, the most frequent words taking the shortest codes. The host's
//! compression then reads fewer bytes for the same repeats and finds repeats
//! of whole phrases closer together: on Reuters, the gzipped texts shrink
//! by a fifth, the list of coded words included.
//!
//! Codes, by the rank of the word in [`WordCodes::words`]:
//! - the first [`ONE_BYTE_CODES`] ranks: one control byte each (a literal
//!   control byte of that set is written after [`ESCAPE`]);
//! - the next [`TWO_BYTE_CODES`]: a byte from [`TWO_BYTE_LEADS`] and one
//!   more;
//! - the rest, up to [`MAX_WORDS`]: [`THREE_BYTE_LEAD`] and two more.
//!
//! Invariant: `decode(encode(text)) == text` for every text, whatever
//! words the codes hold; decoding anything else fails with a message,
//! never a panic or a string that is not UTF-8.

use std::ops::RangeInclusive;

use corpus_model::cores::{map_on_every_core, runs_of_equal_weight};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analyzer;

/// The control bytes that stand for the most frequent words: all but NUL,
/// tab, line feed and carriage return.
const ONE_BYTE_CODES: [u8; 28] = [
    1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    30, 31,
];
/// Written before a literal byte that is also a one-byte code.
const ESCAPE: u8 = 0xF5;
/// The rank each control byte stands for, or `u8::MAX`.
const ONE_BYTE_RANKS: [u8; 32] = {
    let mut ranks = [u8::MAX; 32];
    let mut rank = 0;
    while rank < ONE_BYTE_CODES.len() {
        ranks[ONE_BYTE_CODES[rank] as usize] = rank as u8;
        rank += 1;
    }
    ranks
};
/// First bytes of two-byte codes: bytes no UTF-8 text holds.
const TWO_BYTE_LEADS: RangeInclusive<u8> = 0xF6..=0xFE;
const TWO_BYTE_CODES: usize = 9 * 256;
const THREE_BYTE_LEAD: u8 = 0xFF;
const MAX_WORDS: usize = ONE_BYTE_CODES.len() + TWO_BYTE_CODES + (1 << 16);

/// The words the texts are written with, most frequent first.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct WordCodes {
    words: Vec<String>,
}

/// The rank that byte `b` stands for alone, if it is a one-byte code.
fn one_byte_rank(b: u8) -> Option<usize> {
    match ONE_BYTE_RANKS.get(b as usize) {
        Some(&rank) if rank != u8::MAX => Some(rank as usize),
        _ => None,
    }
}

/// The length of the code that rank `rank` takes.
fn code_length(rank: usize) -> usize {
    match rank {
        r if r < ONE_BYTE_CODES.len() => 1,
        r if r < ONE_BYTE_CODES.len() + TWO_BYTE_CODES => 2,
        _ => 3,
    }
}

/// The code of rank `rank` (below [`MAX_WORDS`]), written to `out`.
fn push_code(rank: usize, out: &mut Vec<u8>) {
    if let Some(&byte) = ONE_BYTE_CODES.get(rank) {
        return out.push(byte);
    }
    let rank = rank - ONE_BYTE_CODES.len();
    if rank < TWO_BYTE_CODES {
        return out.extend([TWO_BYTE_LEADS.start() + (rank >> 8) as u8, rank as u8]);
    }
    let rank = rank - TWO_BYTE_CODES;
    out.extend([THREE_BYTE_LEAD, (rank >> 8) as u8, rank as u8]);
}

/// The words of a text as search finds them (the analyzer's tokenizer).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    analyzer::words(text).map(move |(start, end)| (start, &text[start..end]))
}

impl WordCodes {
    /// The codes for `texts`: every word said twice or more that its code
    /// shortens, by how often it is said.
    pub fn of(texts: &[&str]) -> WordCodes {
        let runs = runs_of_equal_weight(texts, |text| text.len());
        let mut counted = map_on_every_core(&runs, |run| {
            let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
            for (_, word) in texts[run.clone()].iter().flat_map(|text| words(text)) {
                *counts.entry(word).or_default() += 1;
            }
            counts
        });
        let mut counts = counted.pop().unwrap_or_default();
        for (word, n) in counted.into_iter().flatten() {
            *counts.entry(word).or_default() += n;
        }
        let mut ranked: Vec<(&str, u32)> = counts.into_iter().filter(|&(_, n)| n > 1).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut words = Vec::new();
        for (word, _) in ranked {
            if words.len() == MAX_WORDS {
                break;
            }
            if word.len() > code_length(words.len()) {
                words.push(word.to_string());
            }
        }
        WordCodes { words }
    }

    /// What writes texts with these codes.
    pub fn encoder(&self) -> WordEncoder<'_> {
        let ranks = self.words.iter().enumerate();
        WordEncoder {
            ranks: ranks.map(|(rank, word)| (word.as_str(), rank)).collect(),
        }
    }

    /// Whether the list can be read: not more words than codes.
    pub fn check(&self) -> Result<(), String> {
        match self.words.len() <= MAX_WORDS {
            true => Ok(()),
            false => Err(format!(
                "{} coded words, at most {MAX_WORDS}",
                self.words.len()
            )),
        }
    }

    /// The text written by [`WordEncoder::encode`] with these codes,
    /// made in `scratch` so that the text takes no more memory than its
    /// bytes.
    pub fn decode(&self, bytes: &[u8], scratch: &mut Vec<u8>) -> Result<String, String> {
        let out = scratch;
        out.clear();
        let mut at = 0;
        let byte = |i: usize| {
            bytes
                .get(i)
                .map(|&b| b as usize)
                .ok_or_else(|| "a text ends inside a code".to_string())
        };
        while let Some(&b) = bytes.get(at) {
            let (rank, len) = match b {
                ESCAPE => {
                    out.push(byte(at + 1)? as u8);
                    at += 2;
                    continue;
                }
                THREE_BYTE_LEAD => (
                    ONE_BYTE_CODES.len() + TWO_BYTE_CODES + ((byte(at + 1)? << 8) | byte(at + 2)?),
                    3,
                ),
                b if TWO_BYTE_LEADS.contains(&b) => {
                    let lead = (b - TWO_BYTE_LEADS.start()) as usize;
                    (ONE_BYTE_CODES.len() + ((lead << 8) | byte(at + 1)?), 2)
                }
                b => match one_byte_rank(b) {
                    Some(rank) => (rank, 1),
                    None => {
                        out.push(b);
                        at += 1;
                        continue;
                    }
                },
            };
            let word = self
                .words
                .get(rank)
                .ok_or_else(|| format!("word code {rank} of {}", self.words.len()))?;
            out.extend_from_slice(word.as_bytes());
            at += len;
        }
        match std::str::from_utf8(out) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(format!("a text decodes to invalid UTF-8: {e}")),
        }
    }
}

/// Writes texts with a [`WordCodes`]' codes.
pub(super) struct WordEncoder<'a> {
    ranks: FxHashMap<&'a str, usize>,
}

impl WordEncoder<'_> {
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(text.len());
        let mut copied = 0;
        for (start, word) in words(text) {
            if let Some(&rank) = self.ranks.get(word) {
                push_literal(&bytes[copied..start], &mut out);
                push_code(rank, &mut out);
                copied = start + word.len();
            }
        }
        push_literal(&bytes[copied..], &mut out);
        out
    }
}

/// Bytes of a text between coded words, escaping those that are codes.
fn push_literal(bytes: &[u8], out: &mut Vec<u8>) {
    for &b in bytes {
        if one_byte_rank(b).is_some() {
            out.push(ESCAPE);
        }
        out.push(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of words from a vocabulary big enough for codes of every
    /// length, in several scripts, with the control bytes that are codes.
    fn random_texts(seed: u64) -> Vec<String> {
        let mut below = crate::seeded::below(seed);
        let pieces = [
            " ", "\n\n", "\t", "\u{1}", "\u{1f}", "\0", "\u{b}", ", ", "“", "»", "é", "-",
        ];
        let scripts = ["", "ö", "北京", "שלום", "7"];
        (0..200)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..below(400) {
                    match below(3) {
                        0 => text.push_str(pieces[below(pieces.len())]),
                        _ => {
                            let script = scripts[below(scripts.len())];
                            text.push_str(&format!("word{}{script} ", below(1500)));
                        }
                    }
                }
                text
            })
            .collect()
    }

    #[test]
    fn every_text_reads_back_as_it_was() {
        for seed in 0..6 {
            let texts = random_texts(seed);
            let codes = WordCodes::of(&texts.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(
                codes.words.len() > ONE_BYTE_CODES.len() + TWO_BYTE_CODES,
                "codes of three bytes are used: {} words",
                codes.words.len()
            );
            let encoder = codes.encoder();
            for text in &texts {
                let written = encoder.encode(text);
                assert_eq!(
                    codes.decode(&written, &mut Vec::new()).as_deref(),
                    Ok(text.as_str())
                );
            }
            let other = WordCodes::of(
                &random_texts(seed + 100)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            );
            for text in &texts {
                let written = other.encoder().encode(text);
                assert_eq!(
                    other.decode(&written, &mut Vec::new()).as_deref(),
                    Ok(text.as_str())
                );
            }
        }
    }

    #[test]
    fn repeated_words_are_written_shorter() {
        let text = "the nurses said the nurses were leaving; the nurses said so";
        let codes = WordCodes::of(&[text]);
        assert_eq!(
            codes.words[..3],
            ["nurses", "the", "said"],
            "by count, then alphabetically"
        );
        let written = codes.encoder().encode(text);
        assert_eq!(written.len(), text.len() - 3 * 5 - 3 * 2 - 2 * 3);
    }

    #[test]
    fn any_bytes_decode_or_fail_without_panicking() {
        let texts = random_texts(1);
        let codes = WordCodes::of(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let mut below = crate::seeded::below(9);
        let mut failed = 0;
        for _ in 0..2000 {
            let bytes: Vec<u8> = (0..below(40)).map(|_| below(256) as u8).collect();
            failed += usize::from(codes.decode(&bytes, &mut Vec::new()).is_err());
        }
        assert!(failed > 0, "some bytes are no text");
        assert!(codes
            .decode(&[THREE_BYTE_LEAD, 0xFF, 0xFF], &mut Vec::new())
            .is_err());
        assert!(codes
            .decode(&[TWO_BYTE_LEADS.start() + 1], &mut Vec::new())
            .is_err());
        assert!(codes.decode(&[ESCAPE], &mut Vec::new()).is_err());
    }
}
