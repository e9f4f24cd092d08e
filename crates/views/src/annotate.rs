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

use corpus_model::EntityId;

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

/// Cuts `text[start..end]` into pieces carrying the marks of `layers`.
pub fn pieces(text: &str, start: u32, end: u32, layers: Layers<'_>) -> Vec<Piece> {
    let end = snap(text, end.min(text.len() as u32));
    let start = snap(text, start.min(end));
    let clamp = |s: u32, e: u32| {
        (
            snap(text, s.clamp(start, end)),
            snap(text, e.clamp(start, end)),
        )
    };
    let mut cuts = vec![start, end];
    let ranges = layers
        .quotes
        .iter()
        .map(|&(s, e, _)| (s, e))
        .chain(layers.mentions.iter().map(|&(s, e, _)| (s, e)))
        .chain(layers.marks.iter().copied());
    for (s, e) in ranges {
        let (s, e) = clamp(s, e);
        cuts.extend([s, e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (s, e) = (w[0], w[1]);
            let inside = |rs: u32, re: u32| {
                let (rs, re) = clamp(rs, re);
                rs <= s && e <= re && rs < re
            };
            Piece {
                start: s,
                end: e,
                quote: layers.quotes.iter().find(|q| inside(q.0, q.1)).map(|q| q.2),
                mention: layers
                    .mentions
                    .iter()
                    .find(|m| inside(m.0, m.1))
                    .map(|m| m.2),
                mark: layers.marks.iter().any(|m| inside(m.0, m.1)),
            }
        })
        .collect()
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
                mark: true
            }]
        );
    }
}
