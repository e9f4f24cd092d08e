//! Decides which blocks can hold quotes and whether the document is a
//! letter, and if so who signed it.
//!
//! Invariant: a block is furniture when its wording marks it as a link or
//! teaser ("READ MORE: …", "… more >"), when the cleaner marked it as a
//! signature, or when it is a title-like line (one sentence of at most 25
//! words, not closed by a full stop or colon) after the first body
//! paragraph: the headline and standfirst before the body are the
//! document's own words and keep their quotes; related-article links after
//! it do not.

use std::ops::Range;

use super::lexicon::Lexicon;
use corpus_model::{BlockKind, Document};
use corpus_text::chars::{is_closer, is_opening_mark};
use corpus_text::lexicon::SIGN_OFFS;
use corpus_text::words::{is_all_caps, title_case, words};

/// The person who signed a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub role: Option<String>,
    /// Where the name is written, in `Document::text`.
    pub at: Range<usize>,
}

/// What quote extraction needs to know about the document's structure.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// One flag per block of `Document::blocks`: true when it cannot hold quotes.
    pub furniture: Vec<bool>,
    /// Set when the document is a letter with a readable signature.
    pub signatory: Option<Signatory>,
}

impl Layout {
    pub fn of(doc: &Document) -> Layout {
        let lex = Lexicon::get();
        let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
        // The headline is not the body, even when it reads as a sentence.
        let headline = doc.meta.title.trim();
        let body_start = texts
            .iter()
            .position(|t| is_body_paragraph(t) && t.trim() != headline)
            .unwrap_or(texts.len());
        let furniture = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                lex.is_furniture(t)
                    || (i > body_start && is_title_like(t))
                    || doc.blocks[i].kind == BlockKind::Signature
            })
            .collect();
        Layout {
            furniture,
            signatory: signatory(doc),
        }
    }
}

/// Ends with a full stop and has a sentence's length.
fn is_body_paragraph(text: &str) -> bool {
    ends_with_stop(text) && words(text, 0..text.len()).len() >= 8
}

/// Ends with a full stop, perhaps inside closing marks of any shape (a
/// closing quotation mark may be typed the wrong way round: `False.“`).
fn ends_with_stop(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || is_closer(c) || is_opening_mark(c) || c == '*'
    });
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// A headline, crosshead, caption or link: short and without a full stop.
fn is_title_like(text: &str) -> bool {
    let trimmed = text.trim_end();
    !ends_with_stop(trimmed)
        && !trimmed.ends_with(':')
        && !trimmed.contains(". ")
        && words(text, 0..text.len()).len() <= 25
}

/// The signatory of a letter: a salutation ("Dear …") and, after it, either
/// a block the cleaner marked as a signature or the block after a
/// valediction ("Yours sincerely,"). The first line of the signature, up to
/// a comma, is the name; the next part is the role.
fn signatory(doc: &Document) -> Option<Signatory> {
    let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
    let salutation = texts
        .iter()
        .position(|t| t.trim_start_matches('*').starts_with("Dear "))?;
    let is_valediction = |line: &str| {
        let lower = line
            .trim()
            .trim_matches('*')
            .trim_end_matches([',', '.'])
            .to_lowercase();
        SIGN_OFFS.contains(&lower)
    };
    (salutation + 1..texts.len())
        .filter(|&i| {
            doc.blocks[i].kind == BlockKind::Signature
                || texts[i - 1].lines().last().is_some_and(is_valediction)
        })
        .find_map(|i| {
            let text = texts[i];
            let skip = match text.split_once('\n') {
                Some((first, _)) if is_valediction(first) => first.len() + 1,
                _ => 0,
            };
            signed_name(doc.blocks[i].start as usize + skip, &text[skip..])
        })
}

/// Reads "NAME, ROLE, …" or "NAME\nROLE" written at `start`.
fn signed_name(start: usize, text: &str) -> Option<Signatory> {
    let lead = text.len() - text.trim_start_matches(['*', ' ', '\n']).len();
    let body = &text[lead..];
    let name_len = body.find([',', '\n']).unwrap_or(body.len());
    let raw_name = body[..name_len].trim_end_matches(['*', ' ']);
    let name_words = raw_name.split_whitespace().count();
    if !(2..=4).contains(&name_words)
        || !raw_name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let name = if raw_name.split_whitespace().all(is_all_caps) {
        title_case(raw_name)
    } else {
        raw_name.to_string()
    };
    let rest = body[name_len..].trim_start_matches([',', ' ', '\n']);
    let role_text = rest[..rest.find([',', '\n', '*']).unwrap_or(rest.len())].trim();
    let role = (!role_text.is_empty()).then(|| {
        if is_all_caps(role_text.split_whitespace().next().unwrap_or("")) {
            title_case(role_text)
        } else {
            role_text.to_string()
        }
    });
    let start = start + lead;
    Some(Signatory {
        name,
        role,
        at: start..start + raw_name.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::quotes::test_document::paragraphs as document;

    #[test]
    fn furniture_blocks() {
        let raw = "Minister says he will 'fight on'\n\nThe minister said he would 'fight on' whatever the cost of the decision.\n\nREAD MORE: Why the 'crisis' matters\n\nExclusive: Party seeks 'new start' under plan\n\nHe added that he was proud.";
        let doc = document(raw);
        let got = Layout::of(&doc).furniture;
        assert_eq!(
            got,
            [false, false, true, true, false],
            "furniture flags of {raw:?}"
        );
    }

    #[test]
    fn letter_signatory() {
        type Signed = Option<(&'static str, Option<&'static str>)>;
        let cases: &[(&str, Signed)] = &[
            ("Dear Anna,\n\nWe share your concerns.\n\nYours sincerely,\n\n**MICHELLE DYSON, DIRECTOR GENERAL FOR ADULT SOCIAL CARE,\nDEPARTMENT OF HEALTH**", Some(("Michelle Dyson", Some("Director General for Adult Social Care")))),
            ("Dear Sir,\n\nThank you.\n\nKind regards\n\nJohn Smith\nChair", Some(("John Smith", Some("Chair")))),
            ("The minister said he was sorry.\n\nYours sincerely,\n\nJohn Smith", None),
        ];
        for &(raw, want) in cases {
            let got = Layout::of(&document(raw)).signatory;
            let got = got.as_ref().map(|s| (s.name.as_str(), s.role.as_deref()));
            assert_eq!(got, want, "signatory of {raw:?}");
        }
    }
}
