//! The versioned binary format the app embeds: a corpus and its search index.
//!
//! Layout: the 8-byte magic `CEXPLORE`, a little-endian `u16` format version,
//! then the postcard encoding of [`Bundle`]. Decoding rejects a wrong magic, an
//! unknown version and trailing bytes, so a stale or corrupt embed fails loudly
//! instead of showing wrong data.

use serde::{Deserialize, Serialize};

use crate::index::SearchIndex;
use corpus_model::Corpus;

const MAGIC: &[u8; 8] = b"CEXPLORE";
/// Bump whenever a serialized type changes shape.
const VERSION: u16 = 3;

/// Everything the app needs, built once at build time.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Bundle {
    pub corpus: Corpus,
    pub index: SearchIndex,
}

/// Why a bundle could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    UnsupportedVersion(u16),
    Corrupt(String),
    TrailingBytes(usize),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotABundle => write!(f, "not a corpus bundle (bad magic)"),
            Self::UnsupportedVersion(v) => {
                write!(f, "bundle format version {v}, expected {VERSION}")
            }
            Self::Corrupt(e) => write!(f, "corrupt bundle: {e}"),
            Self::TrailingBytes(n) => write!(f, "corrupt bundle: {n} trailing bytes"),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Serializes the bundle with its magic and version.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        postcard::to_extend(self, out).expect("writing to a Vec cannot fail")
    }

    /// Reads a bundle written by [`Bundle::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(BundleError::NotABundle)?;
        let (version, body) = rest.split_at_checked(2).ok_or(BundleError::NotABundle)?;
        let version = u16::from_le_bytes([version[0], version[1]]);
        if version != VERSION {
            return Err(BundleError::UnsupportedVersion(version));
        }
        let (bundle, trailing) =
            postcard::take_from_bytes(body).map_err(|e| BundleError::Corrupt(e.to_string()))?;
        if !trailing.is_empty() {
            return Err(BundleError::TrailingBytes(trailing.len()));
        }
        Ok(bundle)
    }
}
