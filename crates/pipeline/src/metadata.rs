//! Infers what a document's text says about itself: its title, its own date
//! and its kind.
//!
//! Invariant: nothing is invented. A title is a line of the text; the
//! document's date is one the text writes (found by [`crate::dates`]); a
//! document whose text does not date it stays undated.

use crate::clean::Cleaned;
use crate::dates::find_dates;
use corpus_model::{BlockKind, DateMention, Dropped, PartialDate};

/// The title: for a letter, who wrote to whom as its lines say ("Letter
/// from Michelle Dyson to Anna and Cathy"); otherwise a heading before the
/// first paragraph (a headline, not a section heading further down), else
/// the first sentence of the first block (cut past 30 words).
pub fn infer_title(cleaned: &Cleaned) -> String {
    if let Some(title) = letter_title(cleaned) {
        return title;
    }
    let block = cleaned
        .blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Paragraph)
        .find(|b| b.kind == BlockKind::Heading)
        .or(cleaned.blocks.first());
    let Some(block) = block else {
        return String::new();
    };
    let text = &cleaned.text[block.start as usize..block.end as usize];
    let line = text.lines().next().unwrap_or("").trim();
    let sentence = first_sentence(line);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() > 30 {
        format!("{}…", words[..30].join(" "))
    } else {
        words.join(" ")
    }
}

/// "Letter from {the From line} to {the salutation}", when the text is a
/// letter with a salutation and names its sender on a "From" line.
fn letter_title(cleaned: &Cleaned) -> Option<String> {
    infer_kind(cleaned)?;
    let lines = || {
        cleaned.blocks.iter().filter_map(|b| {
            cleaned.text[b.start as usize..b.end as usize]
                .lines()
                .next()
        })
    };
    let sender = lines()
        .find_map(|l| l.strip_prefix("From "))
        .map(str::trim)?;
    let addressee = lines()
        .find_map(|l| l.strip_prefix("Dear "))
        .map(|a| a.trim().trim_end_matches([',', ':']))?;
    (!sender.is_empty() && !addressee.is_empty())
        .then(|| format!("Letter from {sender} to {addressee}"))
}

fn first_sentence(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        if matches!(c, '.' | '!' | '?') && bytes.get(i + 1).is_none_or(|b| *b == b' ') {
            let before = &line[..i];
            let last_word = before.rsplit(' ').next().unwrap_or("");
            if last_word.len() > 2 || last_word.chars().any(char::is_lowercase) {
                return &line[..i + c.len_utf8()];
            }
        }
    }
    line
}

/// `letter` when the text opens with a salutation ("Dear …") and closes with
/// a signature; otherwise nothing (the kind is not guessed).
pub fn infer_kind(cleaned: &Cleaned) -> Option<String> {
    let salutation = cleaned
        .blocks
        .iter()
        .any(|b| cleaned.text[b.start as usize..b.end as usize].starts_with("Dear "));
    let signed = cleaned
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Signature);
    (salutation && signed).then(|| "letter".to_string())
}

/// The document's own date as its text gives it: a date standing alone as
/// one of the first blocks (a letter's date line), else a date in a dropped
/// "Published"/"Last updated" line.
pub fn infer_date(cleaned: &Cleaned, raw: &str, dates: &[DateMention]) -> Option<PartialDate> {
    let standalone = cleaned.blocks.iter().take(12).find_map(|b| {
        let text = cleaned.text[b.start as usize..b.end as usize].trim();
        dates
            .iter()
            .find(|d| d.start == b.start && d.end as usize - b.start as usize == text.len())
            .map(|d| d.date)
    });
    standalone.or_else(|| {
        cleaned
            .dropped
            .iter()
            .filter(|d: &&Dropped| d.reason == "timestamp")
            .find_map(|d| {
                find_dates(&raw[d.raw_start as usize..d.raw_end as usize])
                    .first()
                    .map(|m| m.date)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        let cases: &[(&str, &str)] = &[
            ("latest health news\n\nA headline here\n\nThe story begins with a long sentence that has many words in it.", "A headline here"),
            ("• A standfirst bullet\n\nThe story begins with a long sentence that has many words in it.", "A standfirst bullet"),
            ("Dear Ann,\n\nFrom Bob Smith\n\nWe write.\n\nYours sincerely,\n\nBOB SMITH", "Letter from Bob Smith to Ann"),
            // negative row: a section heading after the first paragraph is not the title
            ("The story begins. It goes on for a while with words.\n\nBetter morale\n\nThe story continues with a long sentence that has many words.", "The story begins."),
        ];
        for (raw, title) in cases {
            assert_eq!(infer_title(&crate::clean::clean(raw)), *title, "in {raw:?}");
        }
    }
}
