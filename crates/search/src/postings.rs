//! The postings of one term: where it occurs, field by field, with the
//! paragraphs of its body occurrences and its positions kept apart.
//!
//! Layout of a term's record (all integers LEB128 varints):
//! ```text
//! doc_freq                      documents containing the term in any field
//! repeated per field present:
//!   field tag (1 byte), entry count, byte length of the entries,
//!   byte length of the field's positions
//!   entries: (unit delta << 2 | min(tf, 4) - 1), [tf - 4 if tf >= 4]
//! ```
//! A record as stored lists the body by document, and only the documents
//! (`unit delta` alone, each entry counting as one occurrence): enough to
//! rank a first answer, and less than half the bytes of the body's entries
//! per paragraph with their frequencies. The positions, in a buffer of
//! their own that the bundle ships after the rest of the index (the
//! index's *detail*), follow term after term and field after field: per
//! entry, tf position deltas, the first absolute. The body's start with
//! the tf of each entry (together, as gzip packs a run of small numbers
//! best), and its positions count words from the start of the document's
//! body, so they also say which paragraphs the term is in.
//!
//! [`with_paragraphs`] turns a stored record and its positions into a
//! record whose body units are paragraphs (blocks counted across the
//! corpus) with positions counted from the paragraph's start, which is what
//! a search reads once the detail has arrived: the paragraphs add the count
//! of matching paragraphs, and the positions phrases, proximity and quotes.
//! Until they are there, [`FieldEntries`] gives each entry tf positions
//! of 0.
//!
//! A unit is the field's own numbering (see the `index` module): documents for
//! titles and sources, blocks counted across the corpus for the body (once
//! joined), quotes counted across the corpus for speakers. Numbering units
//! globally rather than as (document, block) makes the gap between two
//! paragraphs holding a common word small, so most entries of frequent words
//! take one byte.
//!
//! Worked example: `visa` twice in block 30 (words 4 and 9), block 30 being
//! the third paragraph of document 7 (which starts at block 28, its first
//! two paragraphs 10 and 6 words long), and once in the title of document 9
//! (word 2) is the stored record `2 | Title 1 1 1: (9<<2|0) | Body 1 1 3: 7`
//! with the positions `2 | 2 | 20 5`; with its paragraphs, the body reads
//! `Body 1 1 2: (30<<2|1)` and its positions `4 5`.
//!
//! Invariant: fields come in `Field` order, entries are sorted by unit and
//! positions ascend within an entry; a document's body frequency is at
//! most [`MAX_TF`] (occurrences past it are not indexed); decoding
//! malformed bytes stops early instead of panicking.

use super::fields::Field;

/// Bytes a varint of a `u32` takes at most.
const MAX_VARINT_BYTES: usize = 5;
/// An occurrence list grows by a quarter of its length at a time, not
/// double: the lists of every term are held at once, and doubling leaves
/// a third of their room unused.
const GROWTH_DIVISOR: usize = 4;

/// A term's occurrence lists in one field while an index is built (or its
/// detail made again): each unit it is in with its word positions there,
/// packed as varints (the unit's delta from the previous one, the number
/// of positions, their deltas) in one buffer per list, as a corpus has
/// millions of them and a browser making the detail holds them all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries {
    packed: Vec<u8>,
    count: u32,
    last_unit: u32,
}

impl Entries {
    /// No entries.
    pub const EMPTY: Entries = Entries {
        packed: Vec::new(),
        count: 0,
        last_unit: 0,
    };

    /// Adds a unit after the last, with its word positions, ascending.
    pub fn push<P>(&mut self, unit: u32, positions: P)
    where
        P: IntoIterator<Item = u32>,
        P::IntoIter: ExactSizeIterator,
    {
        let positions = positions.into_iter();
        let most = MAX_VARINT_BYTES * (2 + positions.len());
        if self.packed.capacity() - self.packed.len() < most {
            self.packed
                .reserve_exact(most.max(self.packed.len() / GROWTH_DIVISOR));
        }
        write_varint(&mut self.packed, u64::from(unit - self.last_unit));
        write_varint(&mut self.packed, positions.len() as u64);
        let mut previous = 0;
        for position in positions {
            write_varint(&mut self.packed, u64::from(position - previous));
            previous = position;
        }
        self.count += 1;
        self.last_unit = unit;
    }

    /// Adds the units of `later`, which all come after these: its first
    /// unit's delta is counted again from this list's last unit.
    pub fn append(&mut self, later: Entries) {
        let mut reader = Reader::new(&later.packed);
        let Some(first_unit) = reader.varint() else {
            return;
        };
        write_varint(&mut self.packed, first_unit - u64::from(self.last_unit));
        self.packed.extend_from_slice(&later.packed[reader.pos..]);
        self.count += later.count;
        self.last_unit = later.last_unit;
    }

    pub fn len(&self) -> usize {
        self.count as usize
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// A cursor over each unit with its positions, in order.
    pub fn cursor(&self) -> EntriesCursor<'_> {
        EntriesCursor {
            reader: Reader::new(&self.packed),
            unit: 0,
            positions: Vec::new(),
        }
    }

    /// Each unit with its positions, in order.
    #[cfg(test)]
    fn listed(&self) -> Vec<(u32, Vec<u32>)> {
        let mut cursor = self.cursor();
        std::iter::from_fn(|| cursor.next().map(|(unit, p)| (unit, p.to_vec()))).collect()
    }
}

/// Reads [`Entries`] in order, one unit and its positions at a time.
pub struct EntriesCursor<'a> {
    reader: Reader<'a>,
    unit: u32,
    positions: Vec<u32>,
}

impl EntriesCursor<'_> {
    /// The next unit and its positions (valid until the next call).
    pub fn next(&mut self) -> Option<(u32, &[u32])> {
        self.unit += self.reader.varint()? as u32;
        let count = self.reader.varint()?;
        self.positions.clear();
        read_positions(&mut self.reader, count, &mut self.positions)?;
        Some((self.unit, &self.positions))
    }
}

pub fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A cursor over varint-encoded bytes; reading past the end yields `None`.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, pos: 0 }
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }

    pub fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(byte)
    }

    pub fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(len)?;
        let slice = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(slice)
    }

    /// Moves past `count` varints without decoding them: eight bytes at a
    /// time while they end fewer varints than are left to skip (a varint
    /// ends at a byte below 0x80), then byte by byte.
    pub fn skip_varints(&mut self, mut count: u64) -> Option<()> {
        const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            let word = u64::from_le_bytes(chunk.try_into().ok()?);
            let ends = u64::from((!word & HIGH_BITS).count_ones());
            if ends >= count {
                break;
            }
            count -= ends;
            self.pos += 8;
        }
        while count > 0 {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            count -= u64::from(byte < 0x80);
        }
        Some(())
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }
}

/// Most occurrences an entry can have: a unit's length is a `u16`.
const MAX_TF: u64 = u16::MAX as u64;

/// Where the body's blocks lie: the document of each global block, the
/// first block of each document (one more, the end, after the last) and
/// where each block starts, in words from the start of its document's body.
#[derive(Debug, Clone, Copy)]
pub struct BlockMap<'a> {
    pub block_docs: &'a [u32],
    pub doc_first_block: &'a [u32],
    pub block_starts: &'a [u32],
}

/// The three buffers a term's postings are written into.
#[derive(Debug, Default)]
pub struct Encoded {
    pub records: Vec<u8>,
    pub positions: Vec<u8>,
    /// Per term, its speakers' field (count, byte length, byte length of
    /// positions, entries), or a lone 0: the detail carries it.
    pub speakers: Vec<u8>,
}

impl Encoded {
    /// Empties the buffers, keeping their room.
    pub fn clear(&mut self) {
        self.records.clear();
        self.positions.clear();
        self.speakers.clear();
    }
}

/// Writes an entry: the unit's delta from the previous one and the
/// frequency.
fn write_entry(out: &mut Vec<u8>, delta: u32, tf: u64) {
    write_varint(out, (u64::from(delta) << 2) | (tf.min(4) - 1));
    if tf >= 4 {
        write_varint(out, tf - 4);
    }
}

/// Writes the positions of one entry, as deltas (a lone 0 for an entry
/// without positions).
fn write_positions(out: &mut Vec<u8>, positions: &[u32]) {
    let mut previous = 0;
    for &position in positions {
        write_varint(out, u64::from(position - previous));
        previous = position;
    }
    if positions.is_empty() {
        write_varint(out, 0);
    }
}

/// Encodes a term's record from its entries per field (each sorted by
/// unit; the body's units global blocks, as `blocks` places them) into
/// `out`, the body counted by document.
pub fn encode(doc_freq: u32, fields: &[(Field, &Entries)], blocks: BlockMap, out: &mut Encoded) {
    write_varint(&mut out.records, u64::from(doc_freq));
    let mut entries_bytes = Vec::new();
    let speakers = fields
        .iter()
        .find(|(f, e)| *f == Field::Speaker && !e.is_empty());
    if speakers.is_none() {
        out.speakers.push(0);
    }
    for (field, entries) in fields {
        if entries.is_empty() {
            continue;
        }
        entries_bytes.clear();
        let positions_start = out.positions.len();
        let count = if *field == Field::Body {
            encode_body(entries, blocks, &mut entries_bytes, &mut out.positions)
        } else {
            let mut previous_unit = 0;
            let mut cursor = entries.cursor();
            while let Some((unit, unit_positions)) = cursor.next() {
                write_entry(
                    &mut entries_bytes,
                    unit - previous_unit,
                    unit_positions.len().max(1) as u64,
                );
                write_positions(&mut out.positions, unit_positions);
                previous_unit = unit;
            }
            entries.len()
        };
        let header = match field {
            Field::Speaker => &mut out.speakers,
            _ => {
                out.records.push(field.tag());
                &mut out.records
            }
        };
        write_varint(header, count as u64);
        write_varint(header, entries_bytes.len() as u64);
        write_varint(header, (out.positions.len() - positions_start) as u64);
        header.extend_from_slice(&entries_bytes);
    }
}

/// Writes the body's documents into `entries_bytes` and into `positions`
/// the term's frequency in each, then its positions in each, counted from
/// the start of the document's body; returns the number of documents.
fn encode_body(
    entries: &Entries,
    blocks: BlockMap,
    entries_bytes: &mut Vec<u8>,
    positions: &mut Vec<u8>,
) -> usize {
    let mut previous_doc = 0;
    let mut documents = 0;
    let mut in_document: Vec<u32> = Vec::new();
    let mut frequencies = Vec::new();
    let mut document_positions = Vec::new();
    let mut document = None;
    let mut write_document = |doc: u32, in_document: &mut Vec<u32>| {
        in_document.truncate(MAX_TF as usize);
        write_varint(entries_bytes, u64::from(doc - previous_doc));
        write_varint(&mut frequencies, in_document.len() as u64);
        write_positions(&mut document_positions, in_document);
        in_document.clear();
        previous_doc = doc;
        documents += 1;
    };
    let mut cursor = entries.cursor();
    while let Some((block, block_positions)) = cursor.next() {
        let Some(&doc) = blocks.block_docs.get(block as usize) else {
            continue;
        };
        if let Some(previous) = document.filter(|&d| d != doc) {
            write_document(previous, &mut in_document);
        }
        document = Some(doc);
        let start = (blocks.block_starts.get(block as usize))
            .copied()
            .unwrap_or(0);
        match block_positions {
            [] => in_document.push(start),
            _ => in_document.extend(block_positions.iter().map(|&p| start + p)),
        }
    }
    if let Some(last) = document {
        write_document(last, &mut in_document);
    }
    positions.extend_from_slice(&frequencies);
    positions.extend_from_slice(&document_positions);
    documents
}

/// A stored record (as [`encode`] wrote it) with its positions and
/// speakers' field, read from `detail` (the headers say how many bytes are
/// the term's), turned into one listing the body by paragraph with
/// frequencies and the speakers, appended to `records` with its positions
/// to `out_positions`. `None` when the bytes are malformed.
pub fn with_paragraphs(
    stored: &[u8],
    detail: &mut DetailReader,
    blocks: BlockMap,
    records: &mut Vec<u8>,
    out_positions: &mut Vec<u8>,
) -> Option<()> {
    let mut reader = Reader::new(stored);
    write_varint(records, reader.varint()?);
    let (mut body, mut body_positions) = (Vec::new(), Vec::new());
    while !reader.is_empty() {
        let tag = reader.byte()?;
        let count = reader.varint()?;
        let len = reader.varint()? as usize;
        let positions_len = reader.varint()? as usize;
        let bytes = reader.take(len)?;
        let field_positions = detail.positions.take(positions_len)?;
        if Field::from_tag(tag)? != Field::Body {
            copy_field(tag, count, bytes, field_positions, records, out_positions);
            continue;
        }
        body.clear();
        body_positions.clear();
        let paragraphs = body_by_paragraph(
            bytes,
            count,
            field_positions,
            blocks,
            &mut body,
            &mut body_positions,
        )?;
        copy_field(
            tag,
            paragraphs,
            &body,
            &body_positions,
            records,
            out_positions,
        );
    }
    let count = detail.speakers.varint()?;
    if count > 0 {
        let len = detail.speakers.varint()? as usize;
        let positions_len = detail.speakers.varint()? as usize;
        let bytes = detail.speakers.take(len)?;
        let field_positions = detail.positions.take(positions_len)?;
        let tag = Field::Speaker.tag();
        copy_field(tag, count, bytes, field_positions, records, out_positions);
    }
    Some(())
}

/// A stored body field (`bytes`: `count` documents; `positions`: each
/// document's frequency, then its positions from the start of its body)
/// as entries per paragraph into `body`, their positions counted from the
/// paragraph's start into `out_positions`; the number of paragraphs, or
/// `None` when the bytes are malformed.
fn body_by_paragraph(
    bytes: &[u8],
    count: u64,
    positions: &[u8],
    blocks: BlockMap,
    body: &mut Vec<u8>,
    out_positions: &mut Vec<u8>,
) -> Option<u64> {
    let mut documents = Reader::new(bytes);
    let mut frequencies = Reader::new(positions);
    let mut document_positions = frequencies.clone();
    document_positions.skip_varints(count)?;
    let (mut doc, mut previous_block, mut paragraphs) = (0u32, 0, 0u64);
    let (mut in_document, mut in_paragraph) = (Vec::new(), Vec::new());
    while !documents.is_empty() {
        doc = doc.checked_add(u32::try_from(documents.varint()?).ok()?)?;
        let tf = frequencies.varint()?.min(MAX_TF);
        in_document.clear();
        read_positions(&mut document_positions, tf, &mut in_document)?;
        let first = *blocks.doc_first_block.get(doc as usize)?;
        let end = *blocks.doc_first_block.get(doc as usize + 1)?;
        let mut block = first;
        let mut occurrences = in_document.iter().peekable();
        while let Some(&&position) = occurrences.peek() {
            while block + 1 < end && *blocks.block_starts.get(block as usize + 1)? <= position {
                block += 1;
            }
            let start = *blocks.block_starts.get(block as usize)?;
            in_paragraph.clear();
            let next_start = blocks.block_starts.get(block as usize + 1).copied();
            while let Some(p) = occurrences.next_if(|&&p| block + 1 >= end || Some(p) < next_start)
            {
                in_paragraph.push(p.checked_sub(start)?);
            }
            if paragraphs > 0 && block <= previous_block {
                return None;
            }
            write_entry(body, block - previous_block, in_paragraph.len() as u64);
            write_positions(out_positions, &in_paragraph);
            (previous_block, paragraphs) = (block, paragraphs + 1);
        }
    }
    document_positions.is_empty().then_some(paragraphs)
}

/// Cursors over the detail's buffers, term after term: the positions and
/// the speakers' fields ([`Encoded`]).
pub struct DetailReader<'a> {
    pub positions: Reader<'a>,
    pub speakers: Reader<'a>,
}

impl DetailReader<'_> {
    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty() && self.speakers.is_empty()
    }
}

/// Appends a field's header and entries to `records` and its positions to
/// `out_positions`.
fn copy_field(
    tag: u8,
    count: u64,
    bytes: &[u8],
    positions: &[u8],
    records: &mut Vec<u8>,
    out_positions: &mut Vec<u8>,
) {
    records.push(tag);
    write_varint(records, count);
    write_varint(records, bytes.len() as u64);
    write_varint(records, positions.len() as u64);
    records.extend_from_slice(bytes);
    out_positions.extend_from_slice(positions);
}

/// Entries of a body list between two of its [`Skip`]s.
pub const SKIP_INTERVAL: u32 = 32;

/// A point of a long body list a reader can jump to (see
/// [`FieldEntries::skip_to`]): the state of a reader before every
/// [`SKIP_INTERVAL`]th entry. A search wanting a few documents reads a
/// frequent term's list only around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skip {
    /// The unit of the entry before the point.
    unit: u32,
    /// Where the point's entry starts in the field's entries.
    entries: u32,
    /// Where its positions start in the field's positions.
    positions: u32,
}

/// The skips of the body list of a record as [`with_paragraphs`] writes
/// it, appended to `out`; none for a list of fewer than two intervals.
pub fn skips_of(bytes: &[u8], positions: &[u8], out: &mut Vec<Skip>) {
    let body = Record::new(bytes, Some(positions))
        .fields()
        .find(|(field, _, _)| *field == Field::Body);
    let Some((_, count, mut entries)) = body else {
        return;
    };
    if count < 2 * SKIP_INTERVAL {
        return;
    }
    let mut read = 0u32;
    let mut skipped = Vec::new();
    loop {
        if read > 0 && read < count && read.is_multiple_of(SKIP_INTERVAL) {
            out.push(Skip {
                unit: entries.unit,
                entries: entries.reader.pos as u32,
                positions: entries.positions.as_ref().map_or(0, |p| p.pos) as u32,
            });
        }
        if entries.next_entry(&mut skipped, usize::MAX).is_none() {
            return;
        }
        read += 1;
    }
}

/// A decoded view of a term's record.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub doc_freq: u32,
    reader: Reader<'a>,
    /// The term's positions, when the index has them.
    positions: Option<Reader<'a>>,
    /// Whether the body's entries are documents alone, as stored.
    stored: bool,
    /// The skips of the body's entries.
    skips: &'a [Skip],
}

impl<'a> Record<'a> {
    /// The record in `bytes`, as [`with_paragraphs`] writes it, with the
    /// term's positions if they are known.
    pub fn new(bytes: &'a [u8], positions: Option<&'a [u8]>) -> Self {
        let mut reader = Reader::new(bytes);
        let doc_freq = reader.varint().unwrap_or(0) as u32;
        Self {
            doc_freq,
            reader,
            positions: positions.map(Reader::new),
            stored: false,
            skips: &[],
        }
    }

    /// The record with the skips of its body's entries ([`skips_of`]).
    pub fn with_skips(self, skips: &'a [Skip]) -> Self {
        Self { skips, ..self }
    }

    /// The record in `bytes` as [`encode`] stores it, without positions:
    /// each body entry a document, counting as one occurrence.
    pub fn stored(bytes: &'a [u8]) -> Self {
        Self {
            stored: true,
            ..Self::new(bytes, None)
        }
    }

    /// Every field's entries with their positions (tf zeros without).
    pub fn entries(self) -> Vec<(Field, Entries)> {
        let mut out = Vec::new();
        let mut positions = Vec::new();
        for (field, _, mut field_entries) in self.fields() {
            let mut entries = Entries::default();
            while let Some(unit) = field_entries.next_into(&mut positions) {
                entries.push(unit, positions.iter().copied());
            }
            out.push((field, entries));
        }
        out
    }

    /// The fields of the record with their entry counts and entry bytes.
    pub fn fields(self) -> impl Iterator<Item = (Field, u32, FieldEntries<'a>)> {
        let (mut reader, mut positions, stored, skips) =
            (self.reader, self.positions, self.stored, self.skips);
        std::iter::from_fn(move || {
            if reader.is_empty() {
                return None;
            }
            let field = Field::from_tag(reader.byte()?)?;
            let count = reader.varint()? as u32;
            let len = reader.varint()? as usize;
            let positions_len = reader.varint()? as usize;
            let bytes = reader.take(len)?;
            let field_positions = match &mut positions {
                Some(all) => Some(Reader::new(all.take(positions_len)?)),
                None => None,
            };
            Some((
                field,
                count,
                FieldEntries {
                    reader: Reader::new(bytes),
                    positions: field_positions,
                    unread: 0,
                    unit: 0,
                    units_alone: stored && field == Field::Body,
                    skips: if field == Field::Body { skips } else { &[] },
                },
            ))
        })
    }
}

/// The entries of one field; positions are written into a caller's buffer
/// so decoding allocates nothing per entry.
#[derive(Debug, Clone)]
pub struct FieldEntries<'a> {
    reader: Reader<'a>,
    positions: Option<Reader<'a>>,
    /// Positions passed over but not yet skipped: skipping waits for the
    /// next positions read, so that a run of entries whose positions are
    /// not wanted is skipped at once, eight bytes at a time.
    unread: u64,
    unit: u32,
    /// Whether each entry is a unit delta alone, one occurrence.
    units_alone: bool,
    /// The skips not yet passed over by [`FieldEntries::skip_to`].
    skips: &'a [Skip],
}

impl FieldEntries<'_> {
    /// The entries' bytes.
    pub fn bytes(&self) -> &[u8] {
        self.reader.bytes
    }

    /// These entries without their positions: each entry then gives tf
    /// zeros, and skipping its positions costs nothing, for a caller that
    /// reads only units and frequencies.
    pub fn without_positions(self) -> Self {
        Self {
            positions: None,
            ..self
        }
    }

    /// The next entry's unit, its positions replacing `positions` (tf
    /// zeros when the index has no positions).
    pub fn next_into(&mut self, positions: &mut Vec<u32>) -> Option<u32> {
        self.next_entry(positions, usize::MAX).map(|(unit, _)| unit)
    }

    /// The next entry's unit and number of positions, its first `keep`
    /// positions replacing `positions`; the others are skipped undecoded,
    /// which is most of the cost of an entry when only counts are wanted.
    pub fn next_entry(&mut self, positions: &mut Vec<u32>, keep: usize) -> Option<(u32, u32)> {
        let (unit, tf) = self.next_head()?;
        self.positions(tf, keep, positions)?;
        Some((unit, tf))
    }

    /// Moves to the last skip before `unit` if it lies ahead, so that
    /// the next entries read are the first of their interval, which may
    /// hold `unit`; entries before `unit` may still follow. Costs a
    /// comparison unless there is a skip to take.
    pub fn skip_to(&mut self, unit: u32) {
        if self.skips.first().is_none_or(|skip| skip.unit >= unit) {
            return;
        }
        let passed = self.skips.partition_point(|skip| skip.unit < unit);
        let skip = self.skips[passed - 1];
        self.skips = &self.skips[passed..];
        if skip.entries as usize <= self.reader.pos {
            return;
        }
        self.reader.pos = skip.entries as usize;
        self.unit = skip.unit;
        if let Some(positions) = &mut self.positions {
            positions.pos = skip.positions as usize;
            self.unread = 0;
        }
    }

    /// The next entry's unit and number of positions; its positions must
    /// be read by [`FieldEntries::positions`] before the next call.
    pub fn next_head(&mut self) -> Option<(u32, u32)> {
        if self.reader.is_empty() {
            return None;
        }
        let packed = self.reader.varint()?;
        if self.units_alone {
            self.unit = self.unit.checked_add(u32::try_from(packed).ok()?)?;
            return Some((self.unit, 1));
        }
        self.unit = self.unit.checked_add(u32::try_from(packed >> 2).ok()?)?;
        let mut tf = (packed & 3) + 1;
        if tf == 4 {
            tf += self.reader.varint()?;
        }
        if tf > MAX_TF {
            return None;
        }
        Some((self.unit, u32::try_from(tf).ok()?))
    }

    /// Reads the `tf` positions of the entry [`FieldEntries::next_head`]
    /// returned: the first `keep` replace `positions`, the rest are skipped
    /// (zeros when the index has no positions yet).
    pub fn positions(&mut self, tf: u32, keep: usize, positions: &mut Vec<u32>) -> Option<()> {
        positions.clear();
        let decoded = tf.min(u32::try_from(keep).unwrap_or(u32::MAX));
        let Some(reader) = &mut self.positions else {
            positions.resize(decoded as usize, 0);
            return Some(());
        };
        if decoded > 0 {
            reader.skip_varints(std::mem::take(&mut self.unread))?;
        }
        read_positions(reader, u64::from(decoded), positions)?;
        self.unread += u64::from(tf - decoded);
        Some(())
    }
}

/// Appends `count` positions read from their deltas (the first absolute).
fn read_positions(reader: &mut Reader, count: u64, positions: &mut Vec<u32>) -> Option<()> {
    let mut position = 0u32;
    for _ in 0..count {
        position = position.saturating_add(reader.varint()? as u32);
        positions.push(position);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field's entries from (unit, positions) pairs.
    fn entries(units: &[(u32, &[u32])]) -> Entries {
        let mut out = Entries::default();
        for &(unit, positions) in units {
            out.push(unit, positions.iter().copied());
        }
        out
    }

    /// The document of each block, from the first block of each document.
    fn block_docs(doc_first_block: &[u32]) -> Vec<u32> {
        (doc_first_block.windows(2).enumerate())
            .flat_map(|(doc, pair)| std::iter::repeat_n(doc as u32, (pair[1] - pair[0]) as usize))
            .collect()
    }

    /// Block starts of paragraphs of the lengths `lengths`, per document
    /// starting at the blocks `doc_first_block`.
    fn starts(doc_first_block: &[u32], lengths: impl Fn(u32) -> u32) -> Vec<u32> {
        let mut out = Vec::new();
        for pair in doc_first_block.windows(2) {
            let mut start = 0;
            for block in pair[0]..pair[1] {
                out.push(start);
                start += lengths(block);
            }
        }
        out
    }

    /// Encodes `fields` over documents starting at the blocks
    /// `doc_first_block`, each paragraph 100 words long, and turns the
    /// record into one counting the body by paragraph: the stored record,
    /// its positions, and the record and positions with paragraphs.
    fn encode_and_join(fields: &[(Field, Entries)], doc_first_block: &[u32]) -> [Vec<u8>; 4] {
        let block_starts = starts(doc_first_block, |_| 100);
        encode_with(fields, doc_first_block, &block_starts)
    }

    fn encode_with(
        fields: &[(Field, Entries)],
        doc_first_block: &[u32],
        block_starts: &[u32],
    ) -> [Vec<u8>; 4] {
        let docs = block_docs(doc_first_block);
        let blocks = BlockMap {
            block_docs: &docs,
            doc_first_block,
            block_starts,
        };
        let mut encoded = Encoded::default();
        let fields: Vec<(Field, &Entries)> = fields.iter().map(|(f, e)| (*f, e)).collect();
        encode(2, &fields, blocks, &mut encoded);
        let (mut joined, mut positions) = (Vec::new(), Vec::new());
        let mut detail = DetailReader {
            positions: Reader::new(&encoded.positions),
            speakers: Reader::new(&encoded.speakers),
        };
        with_paragraphs(
            &encoded.records,
            &mut detail,
            blocks,
            &mut joined,
            &mut positions,
        )
        .expect("the positions fit the record");
        assert!(detail.is_empty(), "every position and speaker read");
        [encoded.records, encoded.positions, joined, positions]
    }

    #[test]
    fn records_joined_with_their_paragraphs_round_trip() {
        // Documents: 0 (blocks 0-27), 1 (28-31), 2 (32), 3 (33-99999),
        // 4 (100000).
        let doc_first_block = [0, 28, 32, 33, 100_000, 100_001];
        let fields = vec![
            (Field::Title, entries(&[(3, &[2])])),
            (
                Field::Body,
                entries(&[
                    (29, &[4, 9]),
                    (31, &[0, 1, 2, 3, 4, 300]),
                    (32, &[7]),
                    (40, &[1]),
                    (99_999, &[5, 6]),
                    (100_000, &[99]),
                ]),
            ),
            (Field::Speaker, entries(&[(4, &[0, 1]), (9, &[2])])),
        ];
        let [stored, _, joined, positions] = encode_and_join(&fields, &doc_first_block);
        let expected: Vec<_> = fields.into_iter().filter(|(_, e)| !e.is_empty()).collect();
        assert_eq!(Record::new(&joined, Some(&positions)).entries(), expected);
        let by_document: Vec<u32> = Record::stored(&stored)
            .entries()
            .into_iter()
            .find(|(f, _)| *f == Field::Body)
            .map(|(_, e)| e.listed().into_iter().map(|(unit, _)| unit).collect())
            .unwrap_or_default();
        assert_eq!(
            by_document,
            [1, 2, 3, 4],
            "stored, the body counts documents"
        );
    }

    #[test]
    fn the_worked_example_reads_as_documented() {
        let doc_first_block = [0, 4, 8, 12, 16, 20, 24, 28, 31, 34, 40];
        let lengths = |block| if block == 28 { 10 } else { 6 };
        let block_starts = starts(&doc_first_block, lengths);
        let fields = [
            (Field::Title, entries(&[(9, &[2])])),
            (Field::Body, entries(&[(30, &[4, 9])])),
        ];
        let [stored, positions, joined, joined_positions] =
            encode_with(&fields, &doc_first_block, &block_starts);
        let (title, body) = (Field::Title.tag(), Field::Body.tag());
        assert_eq!(stored, [2, title, 1, 1, 1, 9 << 2, body, 1, 1, 3, 7]);
        assert_eq!(positions, [2, 2, 20, 5]);
        assert_eq!(
            joined,
            [2, title, 1, 1, 1, 9 << 2, body, 1, 1, 2, 30 << 2 | 1]
        );
        assert_eq!(joined_positions, [2, 4, 5]);
    }

    #[test]
    fn a_documents_frequency_stops_at_the_most_an_entry_holds() {
        // Document 0 has three paragraphs; the word fills two of them.
        let doc_first_block = [0, 3];
        let block_starts = starts(&doc_first_block, |_| 50_000);
        let many: Vec<u32> = (0..40_000).collect();
        let fields = [(Field::Body, entries(&[(0, &many), (2, &many)]))];
        let [_, _, joined, positions] = encode_with(&fields, &doc_first_block, &block_starts);
        let body = Record::new(&joined, Some(&positions)).entries();
        let kept: Vec<(u32, usize)> = (body[0].1.listed().into_iter())
            .map(|(u, p)| (u, p.len()))
            .collect();
        assert_eq!(kept, [(0, 40_000), (2, MAX_TF as usize - 40_000)]);
    }

    #[test]
    fn without_positions_entries_give_their_units_and_as_many_zeros() {
        let doc_first_block = [0, 5, 601];
        let fields = [(
            Field::Body,
            entries(&[(4, &[1, 7, 9]), (600, &[0, 1, 2, 3, 4, 8])]),
        )];
        let [_, _, joined, _] = encode_and_join(&fields, &doc_first_block);
        let (_, _, mut entries) = Record::new(&joined, None).fields().next().expect("a field");
        let mut found = Vec::new();
        assert_eq!(entries.next_into(&mut found), Some(4));
        assert_eq!(found, [0, 0, 0]);
        assert_eq!(entries.next_into(&mut found), Some(600));
        assert_eq!(found, [0; 6]);
        assert_eq!(entries.next_into(&mut found), None);
    }

    #[test]
    fn skipping_reads_every_entry_from_the_unit_asked_for_on() {
        let mut below = crate::seeded::below(17);
        for round in 0..40 {
            let blocks = 200 + below(4_000) as u32;
            let doc_first_block: Vec<u32> = (0..=blocks).step_by(4).collect();
            let mut listed: Vec<(u32, Vec<u32>)> = Vec::new();
            for unit in 0..doc_first_block[doc_first_block.len() - 1] {
                if below(3) == 0 {
                    let tf = 1 + below(4) as u32;
                    listed.push((unit, (0..tf).map(|i| i * 7 + below(5) as u32).collect()));
                }
            }
            let body = entries(&listed.iter().map(|(u, p)| (*u, &p[..])).collect::<Vec<_>>());
            let [_, _, joined, positions] =
                encode_and_join(&[(Field::Body, body)], &doc_first_block);
            let mut skips = Vec::new();
            skips_of(&joined, &positions, &mut skips);
            let count = listed.len() as u32;
            let expected_skips = if count < 2 * SKIP_INTERVAL {
                0
            } else {
                (count - 1) / SKIP_INTERVAL
            };
            assert_eq!(skips.len() as u32, expected_skips, "round {round}");
            let body = || {
                let record = Record::new(&joined, Some(&positions)).with_skips(&skips);
                record.fields().next().expect("the body").2
            };
            let (last_unit, _) = listed.last().expect("some entries");
            let mut to_last = body();
            to_last.skip_to(*last_unit);
            let mut found = Vec::new();
            let mut read_to_last = 1;
            while to_last.next_into(&mut found) != Some(*last_unit) {
                read_to_last += 1;
            }
            let most_read = if skips.is_empty() {
                count
            } else {
                SKIP_INTERVAL
            };
            assert!(read_to_last <= most_read, "round {round}");
            let mut read = body();
            if round % 2 == 1 {
                read = read.without_positions();
            }
            let mut target = 0u32;
            let mut expected = listed.iter().peekable();
            loop {
                target += below(300) as u32;
                read.skip_to(target);
                while expected.next_if(|(unit, _)| *unit < target).is_some() {}
                let Some((unit, tf)) = read.next_entry(&mut found, usize::MAX) else {
                    assert!(expected.next().is_none(), "round {round}: ended early");
                    break;
                };
                if unit < target {
                    continue;
                }
                let (want_unit, want_positions) = expected.next().expect("no entry past the last");
                assert_eq!((unit, tf as usize), (*want_unit, want_positions.len()));
                if round % 2 == 0 {
                    assert_eq!(&found, want_positions, "round {round}, unit {unit}");
                }
                target = unit + 1;
            }
        }
    }

    #[test]
    fn appended_entries_keep_each_units_positions() {
        let mut first = entries(&[(1, &[0, 4]), (2, &[])]);
        first.append(entries(&[(7, &[3]), (9, &[1, 2])]));
        assert_eq!(
            first.listed(),
            [(1, vec![0, 4]), (2, vec![]), (7, vec![3]), (9, vec![1, 2])]
        );
        assert_eq!(first.len(), 4);
    }

    #[test]
    fn skipping_varints_lands_on_the_next_one_whatever_their_lengths() {
        let values: Vec<u64> = (0..40u64).map(|i| (i * 37) << (i % 4 * 7)).collect();
        let mut bytes = Vec::new();
        for &v in &values {
            write_varint(&mut bytes, v);
        }
        for (skipped, &value) in values.iter().enumerate() {
            let mut reader = Reader::new(&bytes);
            assert_eq!(reader.skip_varints(skipped as u64), Some(()));
            assert_eq!(reader.varint(), Some(value), "after {skipped}");
        }
        assert_eq!(
            Reader::new(&bytes).skip_varints(values.len() as u64 + 1),
            None
        );
    }

    #[test]
    fn truncated_records_and_positions_stop_without_panicking() {
        let doc_first_block = [0, 2, 6];
        let block_starts = starts(&doc_first_block, |_| 100);
        let docs = block_docs(&doc_first_block);
        let blocks = BlockMap {
            block_docs: &docs,
            doc_first_block: &doc_first_block,
            block_starts: &block_starts,
        };
        let fields = [(
            Field::Body,
            entries(&[(1, &[1, 2]), (3, &[1, 2, 3]), (5, &[9])]),
        )];
        let [stored, stored_positions, joined, positions] =
            encode_with(&fields, &doc_first_block, &block_starts);
        for len in 0..joined.len() {
            for known in [
                None,
                Some(&positions[..]),
                Some(&positions[..len.min(positions.len())]),
            ] {
                for (_, _, mut entries) in Record::new(&joined[..len], known).fields() {
                    let mut found = Vec::new();
                    while entries.next_into(&mut found).is_some() {}
                }
            }
        }
        let join = |record: &[u8], positions: &[u8]| {
            let mut detail = DetailReader {
                positions: Reader::new(positions),
                speakers: Reader::new(&[0]),
            };
            with_paragraphs(
                record,
                &mut detail,
                blocks,
                &mut Vec::new(),
                &mut Vec::new(),
            )
            .filter(|_| detail.is_empty())
        };
        for len in 0..stored_positions.len() {
            assert!(
                join(&stored, &stored_positions[..len]).is_none(),
                "{len} bytes of positions"
            );
        }
        let mut longer = stored_positions.clone();
        longer.push(1);
        assert!(join(&stored, &longer).is_none(), "a position too many");
        for len in 0..stored.len() {
            let _ = join(&stored[..len], &stored_positions);
        }
    }
}
