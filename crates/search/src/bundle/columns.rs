//! The documents' contents as a document frame holds them: the fields of a
//! batch of documents as columns (every text, then every original's rest,
//! then every list of blocks, …), so that like bytes lie together for the
//! host's compression, and every range as its distance from the range
//! before it and its length, so that a repeated layout (a paragraph, two
//! line breaks, a paragraph) is the same few small numbers again.
//!
//! Invariant: decoding gives back every field exactly, whatever the ranges:
//! distances are taken with wrapping arithmetic, so ranges out of order or
//! overlapping cost bytes, never correctness.

use serde::{Deserialize, Serialize};

use super::words::WordCodes;
use super::{encoded, Card};

use corpus_model::{
    Block, BlockKind, DateMention, Document, Dropped, Encoding, Entity, EntityId, Mention,
    Metadata, OriginalRest, PartialDate, Quote, QuoteKind, Segment, SourceMap, Unquoted,
    UnquotedReason,
};

/// A range as the distance of its start from a mark (the end of the range
/// before it) and its length.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Span {
    gap: u32,
    len: u32,
}

impl Span {
    /// `start..end` written after `mark`, which moves to `end`.
    fn after(mark: &mut u32, start: u32, end: u32) -> Span {
        let span = Span {
            gap: start.wrapping_sub(*mark),
            len: end.wrapping_sub(start),
        };
        *mark = end;
        span
    }

    /// The range written by [`Span::after`] from the same mark.
    fn read(self, mark: &mut u32) -> (u32, u32) {
        let start = mark.wrapping_add(self.gap);
        let end = start.wrapping_add(self.len);
        *mark = end;
        (start, end)
    }
}

/// Items of one document as wires, each made from the item and its range
/// written after the end of the last.
fn wires<T, W>(
    items: &[T],
    range: impl Fn(&T) -> (u32, u32),
    mut wire: impl FnMut(Span, &T) -> W,
) -> Vec<W> {
    let mut mark = 0;
    items
        .iter()
        .map(|item| {
            let (start, end) = range(item);
            wire(Span::after(&mut mark, start, end), item)
        })
        .collect()
}

/// Reads back what [`wires`] wrote, making each item from its range.
fn unspan<W, T>(
    wires: Vec<W>,
    span: impl Fn(&W) -> Span,
    mut item: impl FnMut(W, u32, u32) -> T,
) -> Vec<T> {
    let mut mark = 0;
    wires
        .into_iter()
        .map(|wire| {
            let (start, end) = span(&wire).read(&mut mark);
            item(wire, start, end)
        })
        .collect()
}

/// A source map's segment: its text range after the last one's, and the
/// distance of its original bytes from the last one's end there.
#[derive(Serialize, Deserialize)]
struct SegmentWire {
    text: Span,
    raw_gap: u32,
}

#[derive(Serialize, Deserialize)]
struct BlockWire {
    span: Span,
    kind: BlockKind,
}

#[derive(Serialize, Deserialize)]
struct DroppedWire {
    span: Span,
    reason: String,
}

#[derive(Serialize, Deserialize)]
struct DateWire {
    span: Span,
    date: PartialDate,
}

#[derive(Serialize, Deserialize)]
struct MentionWire {
    span: Span,
    entity: EntityId,
}

#[derive(Serialize, Deserialize)]
struct UnquotedWire {
    span: Span,
    reason: UnquotedReason,
}

/// A quote: its range after the last quote's; the speaker's words and the
/// quoted fragments relative to its start.
#[derive(Serialize, Deserialize)]
struct QuoteWire {
    span: Span,
    kind: QuoteKind,
    speaker: Option<EntityId>,
    speaker_name: Option<String>,
    role: Option<String>,
    /// The mention's start less the quote's (it may come before), and its length.
    mention: Option<(i32, u32)>,
    verb: Option<String>,
    anonymous: bool,
    fragments: Vec<Span>,
}

/// The quotes of a batch field by field: how many each document has, then
/// every quote's span, every kind, every speaker… so that the speakers'
/// names lie together, and so do the reporting verbs.
#[derive(Default, Serialize, Deserialize)]
struct QuoteColumns {
    count: Vec<u32>,
    span: Vec<Span>,
    kind: Vec<QuoteKind>,
    speaker: Vec<Option<EntityId>>,
    speaker_name: Vec<NameWire>,
    role: Vec<Option<String>>,
    mention: Vec<Option<(i32, u32)>>,
    verb: Vec<Option<String>>,
    anonymous: Vec<bool>,
    fragments: Vec<Vec<Span>>,
}

/// A quote's speaker's name: most are their entity's, which the entities
/// frame already holds.
#[derive(Serialize, Deserialize)]
enum NameWire {
    None,
    Entity,
    Other(String),
}

impl NameWire {
    fn of(name: Option<String>, speaker: Option<EntityId>, entities: &[Entity]) -> NameWire {
        let entity_name = speaker
            .and_then(|id| entities.get(id as usize))
            .map(|e| &e.name);
        match name {
            None => NameWire::None,
            Some(name) if Some(&name) == entity_name => NameWire::Entity,
            Some(name) => NameWire::Other(name),
        }
    }

    fn into_name(
        self,
        speaker: Option<EntityId>,
        entities: &[Entity],
    ) -> Result<Option<String>, String> {
        match self {
            NameWire::None => Ok(None),
            NameWire::Other(name) => Ok(Some(name)),
            NameWire::Entity => match speaker.and_then(|id| entities.get(id as usize)) {
                Some(entity) => Ok(Some(entity.name.clone())),
                None => Err(format!(
                    "a quote's speaker {speaker:?} of {} entities",
                    entities.len()
                )),
            },
        }
    }
}

impl QuoteColumns {
    /// The columns of each document's quotes, with `entities` for their
    /// speakers' names.
    fn of(rows: Vec<Vec<QuoteWire>>, entities: &[Entity]) -> QuoteColumns {
        let mut columns = QuoteColumns::default();
        for row in rows {
            columns.count.push(row.len() as u32);
            for q in row {
                columns.span.push(q.span);
                columns.kind.push(q.kind);
                columns.speaker.push(q.speaker);
                (columns.speaker_name).push(NameWire::of(q.speaker_name, q.speaker, entities));
                columns.role.push(q.role);
                columns.mention.push(q.mention);
                columns.verb.push(q.verb);
                columns.anonymous.push(q.anonymous);
                columns.fragments.push(q.fragments);
            }
        }
        columns
    }

    /// Each document's quotes, or why the columns do not make them.
    fn into_rows(self, entities: &[Entity]) -> Result<Vec<Vec<QuoteWire>>, String> {
        let total: usize = self.count.iter().map(|&n| n as usize).sum();
        let lengths = [
            self.span.len(),
            self.kind.len(),
            self.speaker.len(),
            self.speaker_name.len(),
            self.role.len(),
            self.mention.len(),
            self.verb.len(),
            self.anonymous.len(),
            self.fragments.len(),
        ];
        same_lengths("quote", total, &lengths)?;
        let mut span = self.span.into_iter();
        let mut kind = self.kind.into_iter();
        let mut speaker = self.speaker.into_iter();
        let mut speaker_name = self.speaker_name.into_iter();
        let mut role = self.role.into_iter();
        let mut mention = self.mention.into_iter();
        let mut verb = self.verb.into_iter();
        let mut anonymous = self.anonymous.into_iter();
        let mut fragments = self.fragments.into_iter();
        let mut next = || {
            let speaker = speaker.next().flatten();
            let name = speaker_name.next().unwrap_or(NameWire::None);
            Ok(QuoteWire {
                span: span.next().unwrap_or(Span { gap: 0, len: 0 }),
                kind: kind.next().unwrap_or(QuoteKind::Direct),
                speaker,
                speaker_name: name.into_name(speaker, entities)?,
                role: role.next().flatten(),
                mention: mention.next().flatten(),
                verb: verb.next().flatten(),
                anonymous: anonymous.next().unwrap_or_default(),
                fragments: fragments.next().unwrap_or_default(),
            })
        };
        let rows = self
            .count
            .into_iter()
            .map(|n| (0..n).map(|_| next()).collect());
        rows.collect()
    }
}

impl QuoteWire {
    fn of(quote: &Quote, span: Span) -> QuoteWire {
        let start = quote.start;
        QuoteWire {
            span,
            kind: quote.kind,
            speaker: quote.speaker,
            speaker_name: quote.speaker_name.clone(),
            role: quote.role.clone(),
            mention: quote
                .mention
                .map(|(s, e)| ((s.wrapping_sub(start)) as i32, e.wrapping_sub(s))),
            verb: quote.verb.clone(),
            anonymous: quote.anonymous,
            fragments: wires(
                &quote.fragments,
                |&(s, e)| (s.wrapping_sub(start), e.wrapping_sub(start)),
                |span, _| span,
            ),
        }
    }

    fn into_quote(self, start: u32, end: u32) -> Quote {
        let mention = self.mention.map(|(offset, len)| {
            let s = start.wrapping_add(offset as u32);
            (s, s.wrapping_add(len))
        });
        let fragments = unspan(
            self.fragments,
            |&span| span,
            |_, s, e| (start.wrapping_add(s), start.wrapping_add(e)),
        );
        Quote {
            start,
            end,
            kind: self.kind,
            speaker: self.speaker,
            speaker_name: self.speaker_name,
            role: self.role,
            mention,
            verb: self.verb,
            anonymous: self.anonymous,
            fragments,
        }
    }
}

/// An original's rest with the values of the card it repeats (a front
/// matter's title, date, places…) cut out, each cut marked by its distance
/// from the last one in the rest that is kept and which value it was.
#[derive(Serialize, Deserialize)]
struct RestWire {
    kept: String,
    whole: bool,
    cuts: Vec<(u32, u32)>,
}

/// Shorter values are left where they are: their cut costs about as much.
const SHORTEST_CUT: usize = 4;

/// The card's values a rest may repeat, in a fixed order.
fn card_values(meta: &Metadata) -> Vec<String> {
    let optional = [&meta.source, &meta.url, &meta.kind].into_iter().flatten();
    std::iter::once(&meta.title)
        .chain(optional)
        .cloned()
        .chain(meta.date.map(|date| date.to_string()))
        .chain(meta.facets.values().flatten().cloned())
        .collect()
}

impl RestWire {
    fn of(rest: &OriginalRest, meta: &Metadata) -> RestWire {
        let values = card_values(meta);
        let mut found: Vec<(usize, usize)> = (values.iter().enumerate())
            .filter(|(_, value)| value.len() >= SHORTEST_CUT)
            .filter_map(|(which, value)| rest.rest.find(value.as_str()).map(|at| (at, which)))
            .collect();
        found.sort_unstable();
        let (mut kept, mut cuts, mut at, mut kept_at) = (String::new(), Vec::new(), 0, 0);
        for (start, which) in found {
            if start < at {
                continue;
            }
            kept.push_str(&rest.rest[at..start]);
            cuts.push(((kept.len() - kept_at) as u32, which as u32));
            kept_at = kept.len();
            at = start + values[which].len();
        }
        kept.push_str(&rest.rest[at..]);
        RestWire {
            kept,
            whole: rest.whole,
            cuts,
        }
    }

    fn into_rest(self, meta: &Metadata) -> Result<OriginalRest, String> {
        let values = card_values(meta);
        let mut rest = String::with_capacity(self.kept.len() + 64);
        let mut at = 0usize;
        for (gap, which) in self.cuts {
            let end = at.saturating_add(gap as usize);
            let kept = self.kept.get(at..end);
            let value = values.get(which as usize);
            let (Some(kept), Some(value)) = (kept, value) else {
                return Err(format!(
                    "a cut of the original's rest at {end} of {} bytes",
                    self.kept.len()
                ));
            };
            rest.push_str(kept);
            rest.push_str(value);
            at = end;
        }
        rest.push_str(self.kept.get(at..).unwrap_or_default());
        Ok(OriginalRest {
            rest,
            whole: self.whole,
        })
    }
}

/// A batch of documents' contents, field by field; the texts with their
/// word codes.
#[derive(Serialize, Deserialize)]
pub(super) struct Columns {
    encoding: Vec<Encoding>,
    text: Vec<Vec<u8>>,
    original_rest: Vec<RestWire>,
    blocks: Vec<Vec<BlockWire>>,
    source_map: Vec<Vec<SegmentWire>>,
    dropped: Vec<Vec<DroppedWire>>,
    dates: Vec<Vec<DateWire>>,
    mentions: Vec<Vec<MentionWire>>,
    quotes: QuoteColumns,
    unquoted: Vec<Vec<UnquotedWire>>,
}

/// Whether every column of `what` holds `expected` rows.
pub(super) fn same_lengths(what: &str, expected: usize, lengths: &[usize]) -> Result<(), String> {
    match lengths.iter().all(|&len| len == expected) {
        true => Ok(()),
        false => Err(format!(
            "{what} columns of unequal lengths: {expected} rows, then {lengths:?}"
        )),
    }
}

/// One column: `field` of every document.
fn each<T>(documents: &[Document], field: impl Fn(&Document) -> T) -> Vec<T> {
    documents.iter().map(field).collect()
}

/// A source map's segments, each after the last one's end in both texts.
fn segment_wires(map: &SourceMap) -> Vec<SegmentWire> {
    let mut raw_mark = 0u32;
    wires(
        &map.segments,
        |s| (s.text_start, s.text_start.wrapping_add(s.len)),
        |text, s| {
            let raw_gap = s.raw_start.wrapping_sub(raw_mark);
            raw_mark = s.raw_start.wrapping_add(s.len);
            SegmentWire { text, raw_gap }
        },
    )
}

fn segments(wires: Vec<SegmentWire>) -> SourceMap {
    let mut raw_mark = 0u32;
    let segments = unspan(
        wires,
        |w| w.text,
        |w, text_start, text_end| {
            let len = text_end.wrapping_sub(text_start);
            let raw_start = raw_mark.wrapping_add(w.raw_gap);
            raw_mark = raw_start.wrapping_add(len);
            Segment {
                text_start,
                raw_start,
                len,
            }
        },
    );
    SourceMap { segments }
}

impl Columns {
    /// The columns of `documents`, given their texts written with the word
    /// codes; their quotes' speakers named by `entities`.
    pub fn of(documents: &[Document], texts: Vec<Vec<u8>>, entities: &[Entity]) -> Self {
        Columns {
            encoding: documents.iter().map(|d| d.encoding).collect(),
            text: texts,
            original_rest: each(documents, |d| RestWire::of(&d.original_rest, &d.meta)),
            blocks: each(documents, |d| {
                wires(
                    &d.blocks,
                    |b| (b.start, b.end),
                    |span, b| BlockWire { span, kind: b.kind },
                )
            }),
            source_map: each(documents, |d| segment_wires(&d.source_map)),
            dropped: each(documents, |d| {
                wires(
                    &d.dropped,
                    |x| (x.raw_start, x.raw_end),
                    |span, x| DroppedWire {
                        span,
                        reason: x.reason.clone(),
                    },
                )
            }),
            dates: each(documents, |d| {
                wires(
                    &d.dates,
                    |x| (x.start, x.end),
                    |span, x| DateWire { span, date: x.date },
                )
            }),
            mentions: each(documents, |d| {
                wires(
                    &d.mentions,
                    |x| (x.start, x.end),
                    |span, x| MentionWire {
                        span,
                        entity: x.entity,
                    },
                )
            }),
            quotes: QuoteColumns::of(
                each(documents, |d| {
                    wires(
                        &d.quotes,
                        |q| (q.start, q.end),
                        |span, q| QuoteWire::of(q, span),
                    )
                }),
                entities,
            ),
            unquoted: each(documents, |d| {
                wires(
                    &d.unquoted,
                    |x| (x.start, x.end),
                    |span, x| UnquotedWire {
                        span,
                        reason: x.reason,
                    },
                )
            }),
        }
    }

    /// Each column encoded alone, named as the size breakdown names it; in
    /// order, they are the encoded columns.
    pub fn parts(&self) -> [(&'static str, Vec<u8>); 10] {
        [
            ("documents.encoding", encoded(&self.encoding)),
            ("documents.text", encoded(&self.text)),
            ("documents.original_rest", encoded(&self.original_rest)),
            ("documents.blocks", encoded(&self.blocks)),
            ("documents.source_map", encoded(&self.source_map)),
            ("documents.dropped", encoded(&self.dropped)),
            ("documents.dates", encoded(&self.dates)),
            ("documents.mentions", encoded(&self.mentions)),
            ("documents.quotes", encoded(&self.quotes)),
            ("documents.unquoted", encoded(&self.unquoted)),
        ]
    }

    /// The documents, in order, each made with its card (taken from
    /// `cards`), its text read with `words`, its original's rest with the
    /// card's metadata and its quotes' speakers with `entities`; an error
    /// when the columns do not all hold the same number of documents,
    /// there are fewer cards, or a field does not decode.
    pub fn into_documents(
        self,
        words: &WordCodes,
        cards: &mut [Card],
        entities: &[Entity],
    ) -> Result<Vec<Document>, String> {
        let n = self.text.len();
        let quotes = self.quotes.into_rows(entities)?;
        let lengths = [
            self.encoding.len(),
            self.original_rest.len(),
            self.blocks.len(),
            self.source_map.len(),
            self.dropped.len(),
            self.dates.len(),
            self.mentions.len(),
            quotes.len(),
            self.unquoted.len(),
        ];
        same_lengths("document", n, &lengths)?;
        let mut encoding = self.encoding.into_iter();
        let mut original_rest = self.original_rest.into_iter();
        let mut blocks = self.blocks.into_iter();
        let mut source_map = self.source_map.into_iter();
        let mut dropped = self.dropped.into_iter();
        let mut dates = self.dates.into_iter();
        let mut mentions = self.mentions.into_iter();
        let mut quotes = quotes.into_iter();
        let mut unquoted = self.unquoted.into_iter();
        let mut scratch = Vec::new();
        let mut cards = cards.iter_mut();
        let documents = self.text.into_iter().map(|text| {
            let card = cards.next().ok_or("more documents than cards")?;
            let original_rest = match original_rest.next() {
                Some(rest) => rest.into_rest(&card.meta)?,
                None => OriginalRest::default(),
            };
            Ok(Document {
                file: std::mem::take(&mut card.file),
                meta: std::mem::take(&mut card.meta),
                raw: String::new(),
                text: words.decode(&text, &mut scratch)?,
                encoding: encoding.next().unwrap_or_default(),
                original_rest,
                blocks: unspan(
                    blocks.next().unwrap_or_default(),
                    |w| w.span,
                    |w, start, end| Block {
                        kind: w.kind,
                        start,
                        end,
                    },
                ),
                source_map: segments(source_map.next().unwrap_or_default()),
                dropped: unspan(
                    dropped.next().unwrap_or_default(),
                    |w| w.span,
                    |w, raw_start, raw_end| Dropped {
                        raw_start,
                        raw_end,
                        reason: w.reason,
                    },
                ),
                dates: unspan(
                    dates.next().unwrap_or_default(),
                    |w| w.span,
                    |w, start, end| DateMention {
                        start,
                        end,
                        date: w.date,
                    },
                ),
                mentions: unspan(
                    mentions.next().unwrap_or_default(),
                    |w| w.span,
                    |w, start, end| Mention {
                        entity: w.entity,
                        start,
                        end,
                    },
                ),
                quotes: unspan(
                    quotes.next().unwrap_or_default(),
                    |w| w.span,
                    QuoteWire::into_quote,
                ),
                unquoted: unspan(
                    unquoted.next().unwrap_or_default(),
                    |w| w.span,
                    |w, start, end| Unquoted {
                        start,
                        end,
                        reason: w.reason,
                    },
                ),
            })
        });
        documents.collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ranged field of a document, in a comparable form.
    fn fields(d: &Document) -> String {
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            d.encoding,
            d.original_rest,
            d.blocks,
            d.source_map,
            d.dropped,
            d.dates,
            d.mentions,
            d.quotes,
            d.unquoted
        )
    }

    /// The documents' cards, as the head holds them.
    fn cards(documents: &[Document]) -> Vec<Card> {
        documents
            .iter()
            .map(|d| Card {
                file: d.file.clone(),
                meta: d.meta.clone(),
            })
            .collect()
    }

    /// The documents' texts written with `codes`.
    fn texts(documents: &[Document], codes: &WordCodes) -> Vec<Vec<u8>> {
        let encoder = codes.encoder();
        documents.iter().map(|d| encoder.encode(&d.text)).collect()
    }

    /// Entities for the quotes' speakers: the eighth is Ann Lee.
    fn entities() -> Vec<Entity> {
        (0..8)
            .map(|id| Entity {
                kind: corpus_model::EntityKind::Person,
                name: if id == 7 {
                    "Ann Lee".into()
                } else {
                    format!("P{id}")
                },
                aliases: Vec::new(),
                roles: Vec::new(),
                documents: Vec::new(),
            })
            .collect()
    }

    fn quote(
        start: u32,
        end: u32,
        mention: Option<(u32, u32)>,
        fragments: Vec<(u32, u32)>,
    ) -> Quote {
        Quote {
            start,
            end,
            kind: QuoteKind::Mixed,
            speaker: Some(7),
            speaker_name: Some("Ann Lee".into()),
            role: None,
            mention,
            verb: Some("said".into()),
            anonymous: false,
            fragments,
        }
    }

    /// Ranges in order, out of order, overlapping, empty and at the ends
    /// of `u32`, a speaker named before and after the quote.
    fn odd_document() -> Document {
        let mention = |entity, start, end| Mention { entity, start, end };
        Document {
            text: "Ann Lee said “no”.".into(),
            blocks: vec![
                Block {
                    kind: BlockKind::Paragraph,
                    start: 0,
                    end: 10,
                },
                Block {
                    kind: BlockKind::Heading,
                    start: 4,
                    end: 2,
                },
                Block {
                    kind: BlockKind::Bullet,
                    start: u32::MAX,
                    end: 0,
                },
            ],
            source_map: SourceMap {
                segments: vec![
                    Segment {
                        text_start: 0,
                        raw_start: 20,
                        len: 6,
                    },
                    Segment {
                        text_start: 8,
                        raw_start: 3,
                        len: u32::MAX,
                    },
                    Segment {
                        text_start: 2,
                        raw_start: u32::MAX,
                        len: 0,
                    },
                ],
            },
            dropped: vec![Dropped {
                raw_start: 9,
                raw_end: 1,
                reason: "menu".into(),
            }],
            dates: vec![DateMention {
                start: 3,
                end: 3,
                date: PartialDate {
                    year: -40,
                    month: Some(2),
                    day: None,
                },
            }],
            mentions: vec![mention(1, 0, 7), mention(2, 4, 7), mention(0, 2, 3)],
            quotes: vec![
                quote(15, 17, Some((0, 7)), vec![(15, 16), (16, 17)]),
                quote(10, 40, Some((50, 52)), vec![(41, 3)]),
                quote(0, u32::MAX, None, Vec::new()),
                Quote {
                    speaker_name: Some("Lee".into()),
                    ..quote(5, 6, None, Vec::new())
                },
                Quote {
                    speaker: None,
                    ..quote(7, 8, None, Vec::new())
                },
                Quote {
                    speaker_name: None,
                    ..quote(9, 9, None, Vec::new())
                },
            ],
            unquoted: vec![Unquoted {
                start: 6,
                end: 5,
                reason: UnquotedReason::ScareQuotes,
            }],
            original_rest: OriginalRest {
                rest: "+++\ntitle = \"Ann's letter\"\ndate = \"2020-01\"\n+++\nAnn's".into(),
                whole: false,
            },
            meta: Metadata {
                title: "Ann's letter".into(),
                date: Some(PartialDate {
                    year: 2020,
                    month: Some(1),
                    day: None,
                }),
                facets: [("by".to_string(), vec!["Ann's".to_string()])].into(),
                ..Metadata::default()
            },
            ..Document::default()
        }
    }

    #[test]
    fn every_range_reads_back_as_it_was() {
        let documents = vec![odd_document(), Document::default(), odd_document()];
        let codes = WordCodes::of(
            &documents
                .iter()
                .map(|d| d.text.as_str())
                .collect::<Vec<_>>(),
        );
        let bytes = encoded(&Columns::of(
            &documents,
            texts(&documents, &codes),
            &entities(),
        ));
        let columns: Columns = postcard::from_bytes(&bytes).expect("decodes");
        let read = columns
            .into_documents(&codes, &mut cards(&documents), &entities())
            .expect("columns of equal lengths");
        assert_eq!(read.len(), documents.len());
        for (read, written) in read.iter().zip(&documents) {
            assert_eq!(read.text, written.text);
            assert_eq!(read.meta, written.meta);
            assert_eq!(fields(read), fields(written));
        }
    }

    #[test]
    fn an_original_s_rest_leaves_out_the_card_s_values() {
        let document = odd_document();
        let wire = RestWire::of(&document.original_rest, &document.meta);
        assert_eq!(
            wire.kept, "+++\ntitle = \"\"\ndate = \"\"\n+++\nAnn's",
            "the title and the date are cut; the facet's value, first met inside the title, is kept"
        );
        assert_eq!(wire.cuts.len(), 2);
        let read = wire.into_rest(&document.meta);
        assert_eq!(read.as_ref(), Ok(&document.original_rest));
        let other = Metadata::default();
        let wire = RestWire::of(&document.original_rest, &document.meta);
        assert!(
            wire.into_rest(&other).is_err(),
            "another card's values are missing"
        );
    }

    #[test]
    fn columns_of_unequal_lengths_are_refused() {
        let documents = vec![odd_document()];
        let codes = WordCodes::default();
        let bytes = encoded(&Columns::of(
            &documents,
            texts(&documents, &codes),
            &entities(),
        ));
        let mut columns: Columns = postcard::from_bytes(&bytes).expect("decodes");
        columns.quotes.count.push(0);
        let mut cards = cards(&documents);
        assert!(columns
            .into_documents(&codes, &mut cards, &entities())
            .is_err());
    }
}
