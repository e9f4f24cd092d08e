//! The original file without a second copy of the text: what the bundle
//! ships instead of `Document::raw`.
//!
//! The source map already says which stretches of the original were copied
//! into the cleaned text, so only the rest (front matter, markup, dropped
//! furniture, the spaces and line breaks cleaning changed) needs storing.
//! [`OriginalRest::rebuild`] lays those bytes and the copied stretches back
//! in order.
//!
//! Invariant: `OriginalRest::pack(raw, text, map).rebuild(text, map) == raw`
//! for every document; when the map cannot vouch for that (segments out of
//! order or not equal to the original's bytes), the rest holds the whole
//! original and rebuilding ignores the map.

use serde::{Deserialize, Serialize};

use crate::SourceMap;

/// The bytes of the original that the cleaned text does not hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginalRest {
    /// The original's bytes outside the source map's segments, in order;
    /// or the whole original when `whole` is set.
    pub rest: String,
    pub whole: bool,
}

impl OriginalRest {
    /// What to keep of `raw` so that it can be rebuilt from `text` and `map`.
    pub fn pack(raw: &str, text: &str, map: &SourceMap) -> OriginalRest {
        let mut rest = String::new();
        let mut at = 0usize;
        for s in &map.segments {
            let (raw_start, text_start, len) =
                (s.raw_start as usize, s.text_start as usize, s.len as usize);
            let copied = raw.get(raw_start..raw_start + len);
            if raw_start < at
                || copied.is_none()
                || copied != text.get(text_start..text_start + len)
            {
                return OriginalRest {
                    rest: raw.to_string(),
                    whole: true,
                };
            }
            rest.push_str(&raw[at..raw_start]);
            at = raw_start + len;
        }
        rest.push_str(&raw[at..]);
        OriginalRest { rest, whole: false }
    }

    /// The original, from the cleaned text, its source map and this rest.
    pub fn rebuild(&self, text: &str, map: &SourceMap) -> String {
        if self.whole {
            return self.rest.clone();
        }
        let mut out = String::with_capacity(self.rest.len() + text.len());
        let (mut raw_at, mut rest_at) = (0usize, 0usize);
        for s in &map.segments {
            let (raw_start, text_start, len) =
                (s.raw_start as usize, s.text_start as usize, s.len as usize);
            let gap = raw_start.saturating_sub(raw_at);
            out.push_str(self.rest.get(rest_at..rest_at + gap).unwrap_or_default());
            out.push_str(text.get(text_start..text_start + len).unwrap_or_default());
            rest_at += gap;
            raw_at = raw_start + len;
        }
        out.push_str(self.rest.get(rest_at..).unwrap_or_default());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Segment;

    fn map(segments: &[(u32, u32, u32)]) -> SourceMap {
        SourceMap {
            segments: segments
                .iter()
                .map(|&(text_start, raw_start, len)| Segment {
                    text_start,
                    raw_start,
                    len,
                })
                .collect(),
        }
    }

    #[test]
    fn originals_are_rebuilt_exactly() {
        let raw = "+++\ntitle = \"T\"\n+++\n**Nurses** said “no”.\n\nMenu | Home\n";
        let text = "Nurses said “no”.";
        let said = raw.find(" said").unwrap_or_default() as u32;
        let rows: &[(&str, SourceMap, bool)] = &[
            ("two segments", map(&[(0, 22, 6), (6, said, 11)]), false),
            ("no segments", map(&[]), false),
            (
                "segments out of order",
                map(&[(6, said, 11), (0, 22, 6)]),
                true,
            ),
            (
                "a segment that is not the original's bytes",
                map(&[(0, 0, 6)]),
                true,
            ),
            ("a segment past the end", map(&[(0, 60, 6)]), true),
        ];
        for (case, map, whole) in rows {
            let packed = OriginalRest::pack(raw, text, map);
            assert_eq!(packed.whole, *whole, "{case}");
            assert_eq!(packed.rebuild(text, map), raw, "{case}");
        }
        let packed = OriginalRest::pack(raw, text, &map(&[(0, 22, 6), (6, said, 11)]));
        assert_eq!(
            packed.rest.len(),
            raw.len() - 17,
            "the copied words are not stored twice"
        );
    }
}
