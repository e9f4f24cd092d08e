//! The postings of one term: where it occurs, field by field, with positions
//! kept apart.
//!
//! Layout of a term's record (all integers LEB128 varints):
//! ```text
//! doc_freq                      documents containing the term in any field
//! repeated per field present:
//!   field tag (1 byte), entry count, byte length of the entries,
//!   byte length of the field's positions
//!   entries: (unit delta << 2 | min(tf, 4) - 1), [tf - 4 if tf >= 4]
//! ```
//! and, in a second buffer (the index's positions, which the bundle ships
//! after the rest of the index), the term's positions, field after field:
//! per entry, tf position deltas (the first absolute). The entries alone
//! say where a term occurs and how often, enough to rank documents; the
//! positions add phrases, proximity and quotes. Until they are there,
//! [`FieldEntries`] gives each entry tf positions of 0.
//!
//! A unit is the field's own numbering (see the `index` module): documents for
//! titles and sources, blocks counted across the corpus for the body, quotes
//! counted across the corpus for quotes and speakers. Numbering units
//! globally rather than as (document, block) makes the gap between two
//! paragraphs holding a common word small, so most entries of frequent words
//! take one byte.
//!
//! Worked example: `visa` twice in block 30 (words 4 and 9) and once in the
//! title of document 9 (word 2) is the record
//! `2 | Title 1 1 1: (9<<2|0) | Body 1 1 2: (30<<2|1)` and the positions
//! `2 | 4 5`.
//!
//! Invariant: fields come in `Field` order, entries are sorted by unit and
//! positions ascend within an entry; decoding malformed bytes stops early instead of panicking.

use super::fields::Field;

/// A term's occurrence lists in one field while an index is built: each
/// unit it is in with its word positions there, kept flat (one allocation
/// per list, not per unit, as a corpus has millions of them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries {
    units: Vec<u32>,
    /// Where each unit's positions end in `positions`.
    ends: Vec<u32>,
    positions: Vec<u32>,
}

impl Entries {
    /// Adds a unit after the last, with its word positions, ascending.
    pub fn push(&mut self, unit: u32, positions: impl IntoIterator<Item = u32>) {
        self.units.push(unit);
        self.positions.extend(positions);
        self.ends.push(self.positions.len() as u32);
    }

    /// Adds the units of `later`, which all come after these.
    pub fn append(&mut self, later: Entries) {
        let base = self.positions.len() as u32;
        self.units.extend(later.units);
        self.ends.extend(later.ends.iter().map(|end| end + base));
        self.positions.extend(later.positions);
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Each unit with its positions, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        (self.units.iter().zip(starts.zip(&self.ends)))
            .map(|(&unit, (start, &end))| (unit, &self.positions[start as usize..end as usize]))
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

/// Encodes a term's record from its entries per field (each sorted by
/// unit) into `out`, and its positions into `positions`.
pub fn encode(
    doc_freq: u32,
    fields: &[(Field, Entries)],
    out: &mut Vec<u8>,
    positions: &mut Vec<u8>,
) {
    write_varint(out, u64::from(doc_freq));
    let mut body = Vec::new();
    for (field, entries) in fields {
        if entries.is_empty() {
            continue;
        }
        body.clear();
        let positions_start = positions.len();
        let mut previous_unit = 0;
        for (unit, unit_positions) in entries.iter() {
            let tf = unit_positions.len().max(1) as u64;
            write_varint(
                &mut body,
                (u64::from(unit - previous_unit) << 2) | (tf.min(4) - 1),
            );
            if tf >= 4 {
                write_varint(&mut body, tf - 4);
            }
            let mut previous_position = 0;
            for &position in unit_positions {
                write_varint(positions, u64::from(position - previous_position));
                previous_position = position;
            }
            if unit_positions.is_empty() {
                write_varint(positions, 0);
            }
            previous_unit = unit;
        }
        out.push(field.tag());
        write_varint(out, entries.len() as u64);
        write_varint(out, body.len() as u64);
        write_varint(out, (positions.len() - positions_start) as u64);
        out.extend_from_slice(&body);
    }
}

/// A decoded view of a term's record.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub doc_freq: u32,
    reader: Reader<'a>,
    /// The term's positions, when the index has them.
    positions: Option<Reader<'a>>,
}

impl<'a> Record<'a> {
    /// The record in `bytes`, with the term's positions if they are known.
    pub fn new(bytes: &'a [u8], positions: Option<&'a [u8]>) -> Self {
        let mut reader = Reader::new(bytes);
        let doc_freq = reader.varint().unwrap_or(0) as u32;
        Self {
            doc_freq,
            reader,
            positions: positions.map(Reader::new),
        }
    }

    /// The fields of the record with their entry counts and entry bytes.
    pub fn fields(self) -> impl Iterator<Item = (Field, u32, FieldEntries<'a>)> {
        let (mut reader, mut positions) = (self.reader, self.positions);
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
}

impl FieldEntries<'_> {
    /// Bytes of the entries.
    pub fn byte_len(&self) -> usize {
        self.reader.bytes.len()
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

    /// The next entry's unit and number of positions; its positions must
    /// be read by [`FieldEntries::positions`] before the next call.
    pub fn next_head(&mut self) -> Option<(u32, u32)> {
        if self.reader.is_empty() {
            return None;
        }
        let packed = self.reader.varint()?;
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
        let mut position = 0u32;
        for _ in 0..decoded {
            position = position.saturating_add(reader.varint()? as u32);
            positions.push(position);
        }
        self.unread += u64::from(tf - decoded);
        Some(())
    }
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

    #[test]
    fn records_round_trip() {
        let fields = vec![
            (Field::Title, entries(&[(9, &[2])])),
            (
                Field::Body,
                entries(&[
                    (30, &[4, 9]),
                    (32, &[0, 1, 2, 3, 4, 300]),
                    (100_000, &[70000]),
                ]),
            ),
            (Field::Speaker, Entries::default()),
        ];
        let (mut bytes, mut positions) = (Vec::new(), Vec::new());
        encode(2, &fields, &mut bytes, &mut positions);
        let record = Record::new(&bytes, Some(&positions));
        assert_eq!(record.doc_freq, 2);
        let mut decoded = Vec::new();
        for (field, count, mut entries) in record.fields() {
            let mut positions = Vec::new();
            let mut got = Entries::default();
            while let Some(unit) = entries.next_into(&mut positions) {
                got.push(unit, positions.iter().copied());
            }
            assert_eq!(got.len() as u32, count, "entry count of {field:?}");
            decoded.push((field, got));
        }
        let expected: Vec<_> = fields.into_iter().filter(|(_, e)| !e.is_empty()).collect();
        assert_eq!(decoded, expected);
    }

    #[test]
    fn the_worked_example_reads_as_documented() {
        let fields = [
            (Field::Title, entries(&[(9, &[2])])),
            (Field::Body, entries(&[(30, &[4, 9])])),
        ];
        let (mut bytes, mut positions) = (Vec::new(), Vec::new());
        encode(2, &fields, &mut bytes, &mut positions);
        let (title, body) = (Field::Title.tag(), Field::Body.tag());
        assert_eq!(
            bytes,
            [2, title, 1, 1, 1, 9 << 2, body, 1, 1, 2, 30 << 2 | 1]
        );
        assert_eq!(positions, [2, 4, 5]);
    }

    #[test]
    fn without_positions_entries_give_their_units_and_as_many_zeros() {
        let fields = [(
            Field::Body,
            entries(&[(4, &[1, 7, 9]), (600, &[0, 1, 2, 3, 4, 8])]),
        )];
        let (mut bytes, mut positions) = (Vec::new(), Vec::new());
        encode(2, &fields, &mut bytes, &mut positions);
        let (_, _, mut entries) = Record::new(&bytes, None).fields().next().expect("a field");
        let mut found = Vec::new();
        assert_eq!(entries.next_into(&mut found), Some(4));
        assert_eq!(found, [0, 0, 0]);
        assert_eq!(entries.next_into(&mut found), Some(600));
        assert_eq!(found, [0; 6]);
        assert_eq!(entries.next_into(&mut found), None);
    }

    #[test]
    fn appended_entries_keep_each_units_positions() {
        let mut first = entries(&[(1, &[0, 4]), (2, &[])]);
        first.append(entries(&[(7, &[3]), (9, &[1, 2])]));
        let listed: Vec<(u32, Vec<u32>)> = first.iter().map(|(u, p)| (u, p.to_vec())).collect();
        assert_eq!(
            listed,
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
    fn truncated_records_stop_without_panicking() {
        let (mut bytes, mut positions) = (Vec::new(), Vec::new());
        encode(
            1,
            &[(Field::Body, entries(&[(3, &[1, 2, 3, 4, 5])]))],
            &mut bytes,
            &mut positions,
        );
        for len in 0..bytes.len() {
            for known in [
                None,
                Some(&positions[..]),
                Some(&positions[..len.min(positions.len())]),
            ] {
                let record = Record::new(&bytes[..len], known);
                for (_, _, mut entries) in record.fields() {
                    let mut found = Vec::new();
                    while entries.next_into(&mut found).is_some() {}
                }
            }
        }
    }
}
