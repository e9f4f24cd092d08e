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

/// An FST map stored as its bytes and validated when read back.
pub mod fst_bytes {
    use serde::de::Error;
    use serde::{Deserializer, Serializer};

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
        let invalid = |e: fst::Error| D::Error::custom(format!("invalid term dictionary: {e}"));
        let map = fst::Map::new(bytes).map_err(invalid)?;
        // Its checksum: a damaged FST would make lookups panic.
        map.as_fst().verify().map_err(invalid)?;
        Ok(map)
    }
}
