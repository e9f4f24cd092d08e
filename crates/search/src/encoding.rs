//! How the index's parts are stored: offsets as gaps, byte buffers and FSTs
//! as byte strings, and any part serialized.
//!
//! Invariant: whatever these write, they read back unchanged.

/// Stores ascending offsets as their differences, which are small numbers
/// and so take one or two bytes each, and adds them up again when read.
pub mod prefix_sums {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    fn gaps(offsets: &[u32]) -> Vec<u32> {
        let mut previous = 0;
        offsets
            .iter()
            .map(|&o| {
                let gap = o.saturating_sub(previous);
                previous = o;
                gap
            })
            .collect()
    }

    pub fn serialize<S: Serializer>(offsets: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        gaps(offsets).serialize(serializer)
    }

    /// `offsets` serialized.
    pub fn encoded(offsets: &[u32]) -> Vec<u8> {
        postcard::to_allocvec(&gaps(offsets)).unwrap_or_default()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        let gaps = Vec::<u32>::deserialize(deserializer)?;
        let mut total = 0u32;
        Ok(gaps
            .into_iter()
            .map(|g| {
                total = total.saturating_add(g);
                total
            })
            .collect())
    }
}

/// Any part of the index, serialized.
pub mod erased {
    pub trait Encoded {
        fn encoded(&self) -> Vec<u8>;
    }

    impl<T: serde::Serialize> Encoded for T {
        fn encoded(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}

/// Serializes byte buffers as one byte string rather than a sequence of
/// numbers, which is several times faster to decode.
pub mod plain_bytes {
    use serde::de::{Deserializer, Error, SeqAccess, Visitor};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        struct BytesVisitor;
        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(byte) = seq.next_element()? {
                    out.push(byte);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}

/// An FST map stored as its bytes and validated when read back, its
/// checksum included: a damaged FST would make lookups panic.
pub mod fst_bytes {
    use serde::de::Error;
    use serde::{Deserializer, Serializer};

    /// The CRC-32C polynomial, reflected.
    const CRC32C: u32 = 0x82F6_3B78;
    /// What the `fst` crate adds to a checksum once rotated (it stores
    /// checksums masked, as Snappy's framing format does).
    const MASK_DELTA: u32 = 0xA282_EAD8;

    pub fn serialize<S: Serializer>(
        map: &fst::Map<Vec<u8>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(map.as_fst().as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<fst::Map<Vec<u8>>, D::Error> {
        let bytes = super::plain_bytes::deserialize(deserializer)?;
        if !checksum_holds(&bytes) {
            return Err(D::Error::custom(
                "invalid term dictionary: checksum mismatch",
            ));
        }
        fst::Map::new(bytes).map_err(|e| D::Error::custom(format!("invalid term dictionary: {e}")))
    }

    /// Whether the last four bytes of an FST are the masked CRC-32C of the
    /// rest, as `fst` writes them (computed bit by bit: `fst`'s own check
    /// brings 16 KB of tables into the browser's code).
    pub(crate) fn checksum_holds(bytes: &[u8]) -> bool {
        let Some((body, stored)) = bytes.split_last_chunk::<4>() else {
            return false;
        };
        let mut crc = !0u32;
        for &byte in body {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = (crc >> 1) ^ (CRC32C & (crc & 1).wrapping_neg());
            }
        }
        let sum = !crc;
        sum.rotate_right(15).wrapping_add(MASK_DELTA) == u32::from_le_bytes(*stored)
    }

    #[cfg(test)]
    mod tests {
        use super::checksum_holds;

        /// The check agrees with the `fst` crate's own on FSTs of random
        /// words, whole and with one byte flipped anywhere.
        #[test]
        fn the_checksum_is_the_one_fst_computes() {
            let mut next = crate::seeded::below(3);
            for _ in 0..50 {
                let mut words: Vec<String> = (0..1 + next(300))
                    .map(|_| {
                        (0..1 + next(9))
                            .map(|_| (b'a' + next(26) as u8) as char)
                            .collect()
                    })
                    .collect();
                words.sort();
                words.dedup();
                let map = fst::Map::from_iter(words.iter().zip(0u64..)).expect("sorted");
                let mut bytes = map.as_fst().as_bytes().to_vec();
                assert!(checksum_holds(&bytes));
                let at = next(bytes.len());
                bytes[at] ^= 1 << next(8);
                let theirs = fst::raw::Fst::new(bytes.clone()).is_ok_and(|f| f.verify().is_ok());
                assert_eq!(checksum_holds(&bytes), theirs, "byte {at} flipped");
            }
        }
    }
}
