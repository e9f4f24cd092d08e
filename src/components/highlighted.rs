//! Text with search matches marked, rendered as text nodes and `<mark>`s.

use corpus_views::annotate::{pieces, Layers};
use leptos::prelude::*;

/// `text` with `matches` (byte ranges into it) wrapped in `<mark>`.
#[component]
pub fn Highlighted(#[prop(into)] text: String, matches: Vec<(u32, u32)>) -> impl IntoView {
    let layers = Layers {
        marks: &matches,
        ..Layers::default()
    };
    pieces(&text, 0, text.len() as u32, layers)
        .into_iter()
        .map(|p| {
            let words = text[p.start as usize..p.end as usize].to_string();
            if p.mark {
                view! { <mark>{words}</mark> }.into_any()
            } else {
                words.into_any()
            }
        })
        .collect_view()
}
