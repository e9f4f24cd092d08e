//! Text with search matches marked, rendered as text nodes and `<mark>`s,
//! and the quoted words of a mixed statement set apart.

use corpus_views::annotate::{pieces, Layers, Piece};
use leptos::prelude::*;

/// `text` with `matches` (byte ranges into it) wrapped in `<mark>`, and
/// `quoted` (byte ranges into it: a mixed statement's quoted words) in a
/// `span.quoted-words`.
#[component]
pub fn Highlighted(
    #[prop(into)] text: String,
    matches: Vec<(u32, u32)>,
    #[prop(optional)] quoted: Vec<(u32, u32)>,
) -> impl IntoView {
    let quoted: Vec<(u32, u32, u32)> = (0u32..).zip(quoted).map(|(i, (s, e))| (s, e, i)).collect();
    let layers = Layers {
        marks: &matches,
        quotes: &quoted,
        ..Layers::default()
    };
    let pieces = pieces(&text, 0, text.len() as u32, layers);
    let marked = |p: &Piece| {
        let words = text[p.start as usize..p.end as usize].to_string();
        if p.mark {
            view! { <mark>{words}</mark> }.into_any()
        } else {
            words.into_any()
        }
    };
    pieces
        .chunk_by(|a, b| a.quote.is_some() && a.quote == b.quote)
        .map(|run| {
            let nodes = run.iter().map(marked).collect_view();
            match run[0].quote {
                Some(_) => view! { <span class="quoted-words">{nodes}</span> }.into_any(),
                None => nodes.into_any(),
            }
        })
        .collect_view()
}
