//! The document model: what the pipeline produces and the app embeds.
//!
//! Invariants every stage relies on:
//! - `Document::text` is the cleaned text; every `start..end` pair in a
//!   document (blocks, mentions, quotes, dates) is a byte range into it that
//!   falls on `char` boundaries.
//! - `Document::source_map` maps any such offset back to a byte offset in the
//!   original file, so whatever is shown can be traced to its exact place.
//! - Entity ids index `Corpus::entities`; document ids index
//!   `Corpus::documents`.

use serde::{Deserialize, Serialize};

pub mod cores;
mod facets;
mod original;

pub use facets::DeclaredFacets;
pub use original::OriginalRest;

/// A whole corpus: documents, the people/organisations/places they mention,
/// the search index over them, and what went wrong while reading them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    /// A display name for the corpus (the folder name unless overridden).
    pub name: String,
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    /// What went wrong in documents that were kept.
    pub warnings: Vec<Warning>,
    /// Files and folder entries left out of the corpus, each with the reason
    /// (binary, too large, malformed, a link leading elsewhere, a FIFO).
    pub skipped: Vec<Warning>,
}

/// Index into `Corpus::documents`.
pub type DocId = u32;
/// Index into `Corpus::entities`.
pub type EntityId = u32;

/// One document of the corpus after cleaning and annotation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the corpus folder, with `/` separators.
    pub file: String,
    pub meta: Metadata,
    /// The original file, decoded to UTF-8. Not shipped in the bundle (see
    /// [`Document::original`]): empty in a decoded bundle.
    #[serde(skip)]
    pub raw: String,
    /// What the bundle keeps of the original besides the cleaned text.
    pub original_rest: OriginalRest,
    /// How `raw` was decoded from the file's bytes.
    pub encoding: Encoding,
    /// The cleaned text: the document's own words, blocks separated by "\n\n".
    pub text: String,
    pub blocks: Vec<Block>,
    pub source_map: SourceMap,
    /// Parts of `raw` that cleaning removed, with the reason.
    pub dropped: Vec<Dropped>,
    /// Dates stated in the text.
    pub dates: Vec<DateMention>,
    /// Mentions of entities in `text`, sorted by `start`.
    pub mentions: Vec<Mention>,
    /// Quotations in `text`, sorted by `start`; no one's range lies
    /// inside another's.
    pub quotes: Vec<Quote>,
    /// Words in quotation marks that are no quotation, sorted by `start`.
    pub unquoted: Vec<Unquoted>,
}

/// Document metadata: from front matter, then the catalogue, then inference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: String,
    /// Publication or issuing body.
    pub source: Option<String>,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    /// news, letter, statement, report, …
    pub kind: Option<String>,
    /// Any other front-matter or catalogue key with string values.
    pub facets: DeclaredFacets,
}

/// A date known to the precision the evidence supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How the original bytes were decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    #[default]
    Utf8,
    /// UTF-8 with a byte-order mark (3 bytes before `raw` starts).
    Utf8Bom,
    /// Invalid UTF-8 decoded as Windows-1252.
    Windows1252,
    /// UTF-16 with a little-endian byte-order mark (2 bytes before `raw`
    /// starts, 2 or 4 bytes per character).
    Utf16Le,
    /// UTF-16 with a big-endian byte-order mark.
    Utf16Be,
}

/// A structural unit of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    Heading,
    Paragraph,
    /// A bullet point, such as a news standfirst.
    Bullet,
    /// A signature or sign-off block of a letter.
    Signature,
}

/// Maps offsets in `Document::text` to byte offsets in `Document::raw`.
///
/// Each segment says `text[text_start..text_start + len]` was copied from
/// `raw[raw_start..raw_start + len]`; text between segments (such as the
/// "\n\n" between blocks) maps to the end of the previous segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text_start: u32,
    pub raw_start: u32,
    pub len: u32,
}

impl SourceMap {
    /// The byte offset in `raw` of byte `offset` of the cleaned text.
    pub fn to_raw(&self, offset: u32) -> u32 {
        let i = self.segments.partition_point(|s| s.text_start <= offset);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some(s) => s.raw_start + (offset - s.text_start).min(s.len),
            None => self.segments.first().map_or(0, |s| s.raw_start),
        }
    }
}

/// A part of the original that is not the document's own text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    pub raw_start: u32,
    pub raw_end: u32,
    /// Why it was dropped: "navigation", "promo", "comments", "sidebar", …
    pub reason: String,
}

/// A date written in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub start: u32,
    pub end: u32,
    pub date: PartialDate,
}

/// A person, organisation or place, resolved across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest name the corpus gives ("Jeremy Hunt", "Health Education England").
    pub name: String,
    /// Other names that refer to it ("Mr Hunt", "Hunt", "HEE").
    pub aliases: Vec<String>,
    /// Roles as the texts give them, per document ("health secretary" in one,
    /// "foreign secretary" in another).
    pub roles: Vec<Role>,
    /// Documents that mention it, sorted.
    pub documents: Vec<DocId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub doc: DocId,
    pub role: String,
}

/// Words in `Document::text` that refer to an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub entity: EntityId,
    pub start: u32,
    pub end: u32,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words without their outer marks, as a range of `text`.
    pub start: u32,
    pub end: u32,
    pub kind: QuoteKind,
    /// The person or organisation it is attributed to.
    pub speaker: Option<EntityId>,
    /// The speaker's canonical name: the entity's name when `speaker` is
    /// set, otherwise the fullest name the document uses ("Jeremy Hunt" for
    /// "Mr Hunt"). `None` when the quote has no known speaker.
    pub speaker_name: Option<String>,
    /// The speaker's role at the time, as the document gives it.
    pub role: Option<String>,
    /// The words naming the speaker, as a range of `text`.
    pub mention: Option<(u32, u32)>,
    /// The reporting verb ("said", "told", "added", "warning").
    pub verb: Option<String>,
    /// The speaker is left unnamed on purpose or is a group spoken for as
    /// a whole ("industry sources", "dealers"): no `speaker_name`, and
    /// `mention` holds the words.
    pub anonymous: bool,
    /// For a mixed statement, the quoted words inside it, as ranges of
    /// `text` within `start..end`; empty for other kinds.
    pub fragments: Vec<(u32, u32)>,
}

/// Words in quotation marks that are no quotation, and why: kept so they
/// can be shown or checked rather than lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unquoted {
    /// The words without their marks, as a range of `text`.
    pub start: u32,
    pub end: u32,
    pub reason: UnquotedReason,
}

/// Why words in quotation marks are no quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnquotedReason {
    /// The name of a work, a programme or a campaign ("Face the Nation").
    Title,
    /// A term introduced or held at a distance ("the so-called “reform”").
    Term,
    /// A few words in marks with no one said to have said them.
    ScareQuotes,
    /// Words quoted in a headline, said in full further on if at all.
    Headline,
}

impl UnquotedReason {
    /// The name a reason goes by in records.
    pub fn as_str(self) -> &'static str {
        match self {
            UnquotedReason::Title => "title",
            UnquotedReason::Term => "term",
            UnquotedReason::ScareQuotes => "scare quotes",
            UnquotedReason::Headline => "headline",
        }
    }
}

impl Quote {
    /// How far the quote's speaker is known: "named", "anonymous" (an
    /// unnamed source or a group) or "unattributed".
    pub fn attribution(&self) -> &'static str {
        match (&self.speaker_name, self.anonymous) {
            (Some(_), _) => "named",
            (None, true) => "anonymous",
            (None, false) => "unattributed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    Direct,
    Partial,
    /// Reported speech that holds quoted words (its `fragments`).
    Mixed,
    Reported,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 4] = [
        QuoteKind::Direct,
        QuoteKind::Partial,
        QuoteKind::Mixed,
        QuoteKind::Reported,
    ];

    /// The name a kind goes by in facets, records and CSS classes.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Reported => "reported",
        }
    }
}

/// A name that is not a quote kind's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownQuoteKind(pub String);

impl std::fmt::Display for UnknownQuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown quote kind \"{}\" (expected direct, partial, mixed or reported)",
            self.0
        )
    }
}

impl std::error::Error for UnknownQuoteKind {}

impl std::str::FromStr for QuoteKind {
    type Err = UnknownQuoteKind;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        QuoteKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| UnknownQuoteKind(name.to_string()))
    }
}

/// Something wrong with the input that did not stop the build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl Document {
    /// The original file: `raw` where the pipeline has it, else rebuilt
    /// from the cleaned text and `original_rest` (in a decoded bundle).
    pub fn original(&self) -> std::borrow::Cow<'_, str> {
        if self.raw.is_empty() {
            self.original_rest
                .rebuild(&self.text, &self.source_map)
                .into()
        } else {
            self.raw.as_str().into()
        }
    }

    /// The cleaned text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.start as usize..block.end as usize]
    }

    /// The text of a quote.
    pub fn quote_text(&self, quote: &Quote) -> &str {
        &self.text[quote.start as usize..quote.end as usize]
    }

    /// The text of the byte range `start..end`, empty if the range is not
    /// one of this text.
    pub fn text_range(&self, start: u32, end: u32) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_kinds_round_trip_through_their_names() {
        for kind in QuoteKind::ALL {
            assert_eq!(kind.as_str().parse::<QuoteKind>(), Ok(kind));
        }
        assert_eq!(
            "Direct".parse::<QuoteKind>(),
            Err(UnknownQuoteKind("Direct".into()))
        );
    }

    #[test]
    fn text_range_is_empty_outside_the_text() {
        let doc = Document {
            text: "née visa".into(),
            ..Document::default()
        };
        assert_eq!(doc.text_range(5, 9), "visa");
        assert_eq!(doc.text_range(2, 3), "");
        assert_eq!(doc.text_range(5, 40), "");
    }
}
