//! Ready-to-paste citations for quotes and documents, and human date formats.
//!
//! A quote citation names the speaker, their role at the time, the
//! publication, the date and the words, in the order a reader checks them:
//!
//! ```text
//! Jeremy Hunt (health secretary), HSJ, June 2018: “I think it is a really interesting idea.” (000.txt)
//! ```

use corpus_model::{Corpus, Document, PartialDate, Quote};
use corpus_text::calendar::month_name;

/// A date as people write it: "8 February 2024", "June 2018" or "2018".
pub fn human_date(date: &PartialDate) -> String {
    let month = date.month.and_then(month_name);
    match (date.day, month) {
        (Some(day), Some(month)) => format!("{day} {month} {}", date.year),
        (None, Some(month)) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}

/// The speaker's canonical name, or "Anonymous source" or "Unattributed".
pub fn speaker_name(corpus: &Corpus, quote: &Quote) -> String {
    quote
        .speaker
        .and_then(|id| corpus.entities.get(id as usize))
        .map(|e| e.name.clone())
        .or_else(|| quote.speaker_name.clone())
        .unwrap_or_else(|| {
            if quote.anonymous {
                "Anonymous source".to_string()
            } else {
                "Unattributed".to_string()
            }
        })
}

/// A one-line citation of a quote, ready to paste.
pub fn quote_citation(corpus: &Corpus, doc: &Document, quote: &Quote) -> String {
    let mut who = speaker_name(corpus, quote);
    if let Some(role) = &quote.role {
        who.push_str(&format!(" ({role})"));
    }
    let mut parts = vec![who];
    parts.extend(doc.meta.source.clone());
    parts.push(
        doc.meta
            .date
            .as_ref()
            .map_or_else(|| "undated".to_string(), human_date),
    );
    let words = doc
        .quote_text(quote)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut citation = format!("{}: “{}”", parts.join(", "), words);
    if let Some(url) = &doc.meta.url {
        citation.push_str(&format!(" {url}"));
    } else {
        citation.push_str(&format!(" ({})", doc.file));
    }
    citation
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_model::{Entity, EntityKind, Metadata, QuoteKind};

    #[test]
    fn human_dates_at_every_precision() {
        let cases = [
            (
                PartialDate {
                    year: 2024,
                    month: Some(2),
                    day: Some(8),
                },
                "8 February 2024",
            ),
            (
                PartialDate {
                    year: 2018,
                    month: Some(6),
                    day: None,
                },
                "June 2018",
            ),
            (
                PartialDate {
                    year: 2018,
                    month: None,
                    day: None,
                },
                "2018",
            ),
            (
                PartialDate {
                    year: 2018,
                    month: Some(13),
                    day: Some(1),
                },
                "2018",
            ),
        ];
        for (date, expected) in cases {
            assert_eq!(human_date(&date), expected, "date: {date:?}");
        }
    }

    #[test]
    fn quote_citation_names_speaker_role_source_date_and_words() {
        let corpus = Corpus {
            entities: vec![Entity {
                kind: EntityKind::Person,
                name: "Jeremy Hunt".into(),
                aliases: vec![],
                roles: vec![],
                documents: vec![0],
            }],
            ..Corpus::default()
        };
        let doc = Document {
            file: "a.txt".into(),
            meta: Metadata {
                source: Some("HSJ".into()),
                date: Some(PartialDate {
                    year: 2018,
                    month: Some(6),
                    day: None,
                }),
                ..Metadata::default()
            },
            text: "He said: “I think it is\n a good idea.”".into(),
            ..Document::default()
        };
        let start = doc.text.find('I').unwrap() as u32;
        let end = doc.text.find('.').unwrap() as u32 + 1;
        let quote = Quote {
            start,
            end,
            kind: QuoteKind::Direct,
            speaker: Some(0),
            speaker_name: Some("Jeremy Hunt".into()),
            role: Some("health secretary".into()),
            mention: None,
            verb: Some("said".into()),
            fragments: Vec::new(),
            anonymous: false,
        };
        assert_eq!(
            quote_citation(&corpus, &doc, &quote),
            "Jeremy Hunt (health secretary), HSJ, June 2018: “I think it is a good idea.” (a.txt)"
        );
        let unattributed = Quote {
            speaker: None,
            speaker_name: None,
            role: None,
            ..quote
        };
        assert!(quote_citation(&corpus, &doc, &unattributed).starts_with("Unattributed, HSJ"));
    }
}
