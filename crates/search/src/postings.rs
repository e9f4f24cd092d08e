//! The postings of one term: where it occurs, field by field, with positions
//! kept apart.
//!
//! Layout of a term's record (all integers LEB128 varints):
//! ```text
//! doc_freq                      documents containing the term in any field
//! repeated per field present:
//!   field tag (1 byte), entry count, byte length of the entries,
//!   byte length of the field's positions
//!   [when the count is over SKIP_INTERVAL: byte length of the skips, then
//!    the skips: before every SKIP_INTERVAL-th entry, the last unit before
//!    it, the entry's byte offset and its positions' byte offset, each as
//!    the difference from the skip before]
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
//! The skips let a reader that wants only some units (those of the few
//! documents still matching a query) jump over the entries between them
//! instead of decoding every entry of a frequent word
//! ([`FieldEntries::skip_to`]).
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

    /// Moves to byte `pos`, if the bytes reach it.
    fn seek(&mut self, pos: usize) -> Option<()> {
        (pos <= self.bytes.len()).then(|| self.pos = pos)
    }
}

/// Entries between two skips: fewer would make the skips a larger share of
/// the postings, more would leave more entries to decode after a jump.
pub const SKIP_INTERVAL: usize = 128;

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
    let (mut body, mut skips) = (Vec::new(), Vec::new());
    for (field, entries) in fields {
        if entries.is_empty() {
            continue;
        }
        body.clear();
        skips.clear();
        let positions_start = positions.len();
        let mut previous_unit = 0;
        let mut previous_skip = (0, 0, 0);
        for (i, (unit, unit_positions)) in entries.iter().enumerate() {
            if i > 0 && i % SKIP_INTERVAL == 0 {
                let skip = (previous_unit, body.len(), positions.len() - positions_start);
                write_varint(&mut skips, u64::from(skip.0 - previous_skip.0));
                write_varint(&mut skips, (skip.1 - previous_skip.1) as u64);
                write_varint(&mut skips, (skip.2 - previous_skip.2) as u64);
                previous_skip = skip;
            }
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
        if entries.len() > SKIP_INTERVAL {
            write_varint(out, skips.len() as u64);
            out.extend_from_slice(&skips);
        }
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
            let skips = if count as usize > SKIP_INTERVAL {
                let skips_len = reader.varint()? as usize;
                reader.take(skips_len)?
            } else {
                &[]
            };
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
                    skips: Reader::new(skips),
                    next_skip: None,
                    last_skip: Skip::default(),
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
    /// The skips not yet passed, and the next one, decoded.
    skips: Reader<'a>,
    next_skip: Option<Skip>,
    /// The skip decoded last (the base of the next one's differences).
    last_skip: Skip,
}

/// A place in a field's entries a reader can jump to: the unit of the entry
/// before it, and the byte offsets of its entry and of that entry's
/// positions.
#[derive(Debug, Clone, Copy, Default)]
struct Skip {
    unit: u32,
    entries_at: usize,
    positions_at: usize,
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

    /// The unit of the entry read last (0 before the first).
    pub fn unit(&self) -> u32 {
        self.unit
    }

    /// Jumps over entries whose units are all below `target`, as far as the
    /// skips allow: the next entry read is then still at or before the
    /// first entry at or past `target`. Call between entries (after the
    /// last entry's positions were read or skipped).
    pub fn skip_to(&mut self, target: u32) {
        loop {
            if self.next_skip.is_none() && !self.skips.is_empty() {
                self.next_skip = self.read_skip();
            }
            let Some(skip) = self.next_skip else {
                return;
            };
            if skip.unit >= target {
                return;
            }
            self.next_skip = None;
            if skip.entries_at <= self.reader.pos {
                continue;
            }
            let jumped =
                self.reader
                    .seek(skip.entries_at)
                    .and_then(|()| match &mut self.positions {
                        Some(positions) => positions.seek(skip.positions_at),
                        None => Some(()),
                    });
            if jumped.is_none() {
                self.skips = Reader::new(&[]);
                return;
            }
            self.unit = skip.unit;
            self.unread = 0;
        }
    }

    /// Decodes the next skip (`None` at the end or on malformed bytes).
    fn read_skip(&mut self) -> Option<Skip> {
        let mut varint = || usize::try_from(self.skips.varint()?).ok();
        let (unit, entries_at, positions_at) = (varint()?, varint()?, varint()?);
        let last = self.last_skip;
        let skip = Skip {
            unit: last.unit.checked_add(u32::try_from(unit).ok()?)?,
            entries_at: last.entries_at.checked_add(entries_at)?,
            positions_at: last.positions_at.checked_add(positions_at)?,
        };
        self.last_skip = skip;
        Some(skip)
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

    /// Reads `field`'s entries of a record, skipping to each target in
    /// turn: the (unit, positions) of the first entry at or past each.
    fn first_at_or_past(record: Record<'_>, targets: &[u32]) -> Vec<Option<(u32, Vec<u32>)>> {
        let (_, _, mut entries) = record.fields().next().expect("a field");
        let mut positions = Vec::new();
        let mut found = Vec::new();
        let mut held: Option<(u32, Vec<u32>)> = None;
        for &target in targets {
            if held.as_ref().is_none_or(|(unit, _)| *unit < target) {
                entries.skip_to(target);
                held = None;
                while let Some(unit) = entries.next_into(&mut positions) {
                    if unit >= target {
                        held = Some((unit, positions.clone()));
                        break;
                    }
                }
            }
            found.push(held.clone());
        }
        found
    }

    #[test]
    fn skipping_lands_on_the_first_entry_at_or_past_the_target() {
        let mut state = 7u64;
        let mut next = |bound: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % bound
        };
        for count in [1, 127, 128, 129, 257, 1400] {
            let mut units = Vec::new();
            let mut unit = 0;
            for _ in 0..count {
                unit += 1 + next(5) as u32;
                let tf = 1 + next(6);
                let mut positions: Vec<u32> = (0..tf).map(|_| next(300) as u32).collect();
                positions.sort_unstable();
                positions.dedup();
                units.push((unit, positions));
            }
            let listed: Vec<(u32, &[u32])> = units.iter().map(|(u, p)| (*u, &p[..])).collect();
            let (mut bytes, mut positions) = (Vec::new(), Vec::new());
            encode(
                1,
                &[(Field::Body, entries(&listed))],
                &mut bytes,
                &mut positions,
            );
            let mut targets: Vec<u32> =
                (0..40).map(|_| next(u64::from(unit) + 10) as u32).collect();
            targets.sort_unstable();
            let expected: Vec<Option<(u32, Vec<u32>)>> = targets
                .iter()
                .map(|&t| units.iter().find(|(u, _)| *u >= t).cloned())
                .collect();
            let found = first_at_or_past(Record::new(&bytes, Some(&positions)), &targets);
            assert_eq!(found, expected, "{count} entries");
            let without: Vec<Option<u32>> = first_at_or_past(Record::new(&bytes, None), &targets)
                .into_iter()
                .map(|e| e.map(|(u, _)| u))
                .collect();
            let units_expected: Vec<Option<u32>> = expected
                .iter()
                .map(|e| e.as_ref().map(|(u, _)| *u))
                .collect();
            assert_eq!(without, units_expected, "{count} entries, no positions");
        }
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
