//! Cuts a stretch of text into pieces that each carry one set of marks, so a
//! view can render highlights, quotes and entity links as plain text nodes
//! (never HTML built from strings).
//!
//! Invariant: the pieces cover `start..end` exactly, in order, without
//! overlap, and every boundary falls on a `char` boundary of the text; ranges
//! that overlap, are unsorted, reach outside the stretch or split a character
//! are clamped and snapped rather than trusted.
//!
//! ```text
//! text:    He said “we need staff”, Mr Hunt added.
//! quote:            [-----------]
//! mark:                 [--]
//! mention:                          [-----]
//! pieces:  [-------][--][--][----][-][-----][-----]
//! ```

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use corpus_model::{Document, EntityId};

/// A run of text with the same marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: u32,
    pub end: u32,
    /// Index of the quote it belongs to.
    pub quote: Option<u32>,
    /// The entity it names.
    pub mention: Option<EntityId>,
    /// Whether it matches the search.
    pub mark: bool,
    /// Index in [`Layers::marks`] of the first mark covering it.
    pub mark_index: Option<u32>,
}

/// The marks to lay over a stretch of text; ranges are byte offsets into it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layers<'a> {
    /// `(start, end, quote index)`.
    pub quotes: &'a [(u32, u32, u32)],
    /// `(start, end, entity)`.
    pub mentions: &'a [(u32, u32, EntityId)],
    pub marks: &'a [(u32, u32)],
}

/// A document's quotes (by their index) and entity mentions as ranges to
/// lay over its text: what the reader marks besides the search matches.
#[derive(Debug, Clone, Default)]
pub struct DocumentRanges {
    pub quotes: Vec<(u32, u32, u32)>,
    pub mentions: Vec<(u32, u32, EntityId)>,
}

impl DocumentRanges {
    pub fn of(doc: &Document) -> Self {
        DocumentRanges {
            quotes: (0u32..)
                .zip(&doc.quotes)
                .map(|(i, q)| (q.start, q.end, i))
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| (m.start, m.end, m.entity))
                .collect(),
        }
    }

    /// These ranges with the search matches `marks`, as layers to cut by.
    pub fn layers<'a>(&'a self, marks: &'a [(u32, u32)]) -> Layers<'a> {
        Layers {
            quotes: &self.quotes,
            mentions: &self.mentions,
            marks,
        }
    }
}

/// Cuts `text[start..end]` into pieces carrying the marks of `layers`.
pub fn pieces(text: &str, start: u32, end: u32, layers: Layers<'_>) -> Vec<Piece> {
    pieces_of(text, &[(start, end)], layers)
        .pop()
        .unwrap_or_default()
}

/// Cuts each stretch of `text` (such as a document's blocks) into pieces, as
/// [`pieces`] does, passing over the layers once: ranges are sorted once and
/// each piece finds its marks among the ranges open at it, so a long text
/// with many marks costs `O((ranges + pieces) log ranges)`. Stretches in
/// order without overlap are cut in one sweep; one that starts before the
/// previous ends starts the sweep again.
pub fn pieces_of(text: &str, stretches: &[(u32, u32)], layers: Layers<'_>) -> Vec<Vec<Piece>> {
    let len = text.len() as u32;
    let ranges = Ranges::of(text, layers);
    let mut sweep = Sweep::new(&ranges.open);
    stretches
        .iter()
        .map(|&(start, end)| {
            let end = snap(text, end.min(len));
            let start = snap(text, start.min(end));
            if start < sweep.position {
                sweep = Sweep::new(&ranges.open);
            }
            let first = ranges.cuts.partition_point(|&c| c <= start);
            let last = ranges.cuts.partition_point(|&c| c < end);
            let mut bounds = vec![start];
            bounds.extend_from_slice(&ranges.cuts[first..last.max(first)]);
            bounds.push(end);
            bounds.dedup();
            bounds
                .windows(2)
                .map(|w| sweep.piece(w[0], w[1], layers))
                .collect()
        })
        .collect()
}

/// Which layer a range belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Quote,
    Mention,
    Mark,
}

/// The ranges of all layers, snapped to the text once.
struct Ranges {
    /// Every range end, sorted, without repeats.
    cuts: Vec<u32>,
    /// `(start, end, layer, index in the layer)` of the non-empty ranges,
    /// by start.
    open: Vec<(u32, u32, Layer, u32)>,
}

impl Ranges {
    fn of(text: &str, layers: Layers<'_>) -> Self {
        let len = text.len() as u32;
        let at = |offset: u32| snap(text, offset.min(len));
        let quotes = layers.quotes.iter().map(|&(s, e, _)| (s, e, Layer::Quote));
        let mentions = layers
            .mentions
            .iter()
            .map(|&(s, e, _)| (s, e, Layer::Mention));
        let marks = layers.marks.iter().map(|&(s, e)| (s, e, Layer::Mark));
        let mut cuts = Vec::new();
        let mut open = Vec::new();
        let mut index = [0u32; 3];
        for (s, e, layer) in quotes.chain(mentions).chain(marks) {
            let (s, e) = (at(s), at(e));
            cuts.extend([s, e]);
            if s < e {
                open.push((s, e, layer, index[layer as usize]));
            }
            index[layer as usize] += 1;
        }
        cuts.sort_unstable();
        cuts.dedup();
        open.sort_unstable();
        Ranges { cuts, open }
    }
}

/// The ranges open at a position that only moves forward.
struct Sweep<'a> {
    open: &'a [(u32, u32, Layer, u32)],
    /// Ranges of `open` before this one have been opened.
    next: usize,
    /// Where the sweep stands.
    position: u32,
    /// Open ranges by their end, to close them.
    ends: BinaryHeap<Reverse<(u32, Layer, u32)>>,
    /// Indices of the open ranges of each layer, ascending (few ranges are
    /// open at once, so a sorted vector beats a tree, in code size too).
    active: [Vec<u32>; 3],
}

impl<'a> Sweep<'a> {
    fn new(open: &'a [(u32, u32, Layer, u32)]) -> Self {
        Sweep {
            open,
            next: 0,
            position: 0,
            ends: BinaryHeap::new(),
            active: Default::default(),
        }
    }

    /// The piece `start..end`, which no range end falls inside.
    fn piece(&mut self, start: u32, end: u32, layers: Layers<'_>) -> Piece {
        self.advance(start);
        let first = |layer: Layer| self.active[layer as usize].first().copied();
        let mark_index = first(Layer::Mark);
        Piece {
            start,
            end,
            quote: first(Layer::Quote).map(|i| layers.quotes[i as usize].2),
            mention: first(Layer::Mention).map(|i| layers.mentions[i as usize].2),
            mark: mark_index.is_some(),
            mark_index,
        }
    }

    /// Opens the ranges starting at or before `to` and closes those ending
    /// there or before.
    fn advance(&mut self, to: u32) {
        self.position = to;
        while let Some(&(start, end, layer, index)) = self.open.get(self.next) {
            if start > to {
                break;
            }
            let active = &mut self.active[layer as usize];
            if let Err(at) = active.binary_search(&index) {
                active.insert(at, index);
            }
            self.ends.push(Reverse((end, layer, index)));
            self.next += 1;
        }
        while let Some(&Reverse((end, layer, index))) = self.ends.peek() {
            if end > to {
                break;
            }
            let active = &mut self.active[layer as usize];
            if let Ok(at) = active.binary_search(&index) {
                active.remove(at);
            }
            self.ends.pop();
        }
    }
}

/// Moves `offset` back to the nearest `char` boundary of `text`.
fn snap(text: &str, mut offset: u32) -> u32 {
    while offset > 0 && !text.is_char_boundary(offset as usize) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| {
                let words = &text[p.start as usize..p.end as usize];
                match (p.quote, p.mention, p.mark) {
                    (_, _, true) => format!("[{words}]"),
                    (_, Some(e), _) => format!("<{e}:{words}>"),
                    (Some(q), _, _) => format!("{{{q}:{words}}}"),
                    _ => words.to_string(),
                }
            })
            .collect()
    }

    #[test]
    fn layers_cut_the_text_into_covering_pieces() {
        let text = "He said “we need staff”, Mr Hunt added.";
        let q_start = text.find("we").unwrap() as u32;
        let q_end = text.find('”').unwrap() as u32;
        let need = text.find("need").unwrap() as u32;
        let hunt = text.find("Mr Hunt").unwrap() as u32;
        let layers = Layers {
            quotes: &[(q_start, q_end, 0)],
            mentions: &[(hunt, hunt + 7, 4)],
            marks: &[(need, need + 4)],
        };
        let cut = pieces(text, 0, text.len() as u32, layers);
        assert_eq!(
            render(text, &cut),
            "He said “{0:we }[need]{0: staff}”, <4:Mr Hunt> added."
        );
        assert!(cut.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn bad_ranges_are_clamped_and_snapped() {
        let text = "naïve café";
        let cases: [(&[(u32, u32)], &str); 4] = [
            (&[(3, 4)], "na[ï]ve café"),
            (&[(0, 99)], "[naïve café]"),
            (&[(8, 2)], "naïve café"),
            (&[], "naïve café"),
        ];
        for (marks, expected) in cases {
            let cut = pieces(
                text,
                0,
                text.len() as u32,
                Layers {
                    marks,
                    ..Layers::default()
                },
            );
            let shown: String = cut
                .iter()
                .map(|p| {
                    let w = &text[p.start as usize..p.end as usize];
                    if p.mark {
                        format!("[{w}]")
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            assert_eq!(shown, expected, "marks: {marks:?}");
        }
    }

    #[test]
    fn a_sub_stretch_is_cut_alone() {
        let text = "one two three";
        let cut = pieces(
            text,
            4,
            7,
            Layers {
                marks: &[(0, 13)],
                ..Layers::default()
            },
        );
        assert_eq!(
            cut,
            vec![Piece {
                start: 4,
                end: 7,
                quote: None,
                mention: None,
                mark: true,
                mark_index: Some(0),
            }]
        );
    }

    /// What each piece carries, read the slow way: the first range of each
    /// layer, clamped to the stretch, that covers it.
    fn covering(stretch: (u32, u32), piece: &Piece, layers: Layers<'_>) -> Piece {
        let (start, end) = stretch;
        let covers = |s: u32, e: u32| {
            let (s, e) = (s.clamp(start, end), e.clamp(start, end));
            s <= piece.start && piece.end <= e && s < e
        };
        let mark_index = layers
            .marks
            .iter()
            .position(|m| covers(m.0, m.1))
            .map(|i| i as u32);
        Piece {
            quote: layers.quotes.iter().find(|q| covers(q.0, q.1)).map(|q| q.2),
            mention: layers
                .mentions
                .iter()
                .find(|m| covers(m.0, m.1))
                .map(|m| m.2),
            mark: mark_index.is_some(),
            mark_index,
            ..*piece
        }
    }

    #[test]
    fn overlapping_unsorted_ranges_over_many_stretches() {
        let text = "abcdefghij".repeat(10);
        let quotes = [(50, 90, 0), (5, 60, 1), (20, 30, 2), (70, 40, 3)];
        let mentions = [(25, 35, 7), (10, 55, 8), (95, 120, 9)];
        let marks = [(0, 100), (12, 14), (12, 18), (33, 33), (88, 93)];
        let layers = Layers {
            quotes: &quotes,
            mentions: &mentions,
            marks: &marks,
        };
        let stretches = [(0, 22), (22, 22), (30, 61), (61, 100), (10, 40), (95, 200)];
        let cut = pieces_of(&text, &stretches, layers);
        for (&stretch, pieces) in stretches.iter().zip(&cut) {
            let (start, end) = (stretch.0, stretch.1.min(text.len() as u32));
            assert_eq!(pieces.first().map_or(start, |p| p.start), start);
            assert_eq!(
                pieces.last().map_or(start.max(end), |p| p.end),
                end.max(start)
            );
            assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
            for piece in pieces {
                assert_eq!(
                    *piece,
                    covering((start, end), piece, layers),
                    "in {stretch:?}"
                );
            }
        }
    }

    #[test]
    fn a_long_text_with_a_mark_on_every_word() {
        const WORDS: u32 = 200_000;
        const WORDS_PER_BLOCK: u32 = 10;
        const WORD: u32 = 5;
        let text = "word ".repeat(WORDS as usize);
        let marks: Vec<(u32, u32)> = (0..WORDS).map(|i| (i * WORD, i * WORD + 4)).collect();
        let blocks: Vec<(u32, u32)> = (0..WORDS / WORDS_PER_BLOCK)
            .map(|b| (b * WORDS_PER_BLOCK * WORD, (b + 1) * WORDS_PER_BLOCK * WORD))
            .collect();
        let layers = Layers {
            marks: &marks,
            ..Layers::default()
        };
        let cut = pieces_of(&text, &blocks, layers);
        let marked: Vec<u32> = cut.iter().flatten().filter_map(|p| p.mark_index).collect();
        assert_eq!(marked, (0..WORDS).collect::<Vec<_>>());
        assert_eq!(cut.iter().map(Vec::len).sum::<usize>(), 2 * WORDS as usize);
    }
}
