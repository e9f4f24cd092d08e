//! Shows one document's cleaned text.

use leptos::prelude::*;

use crate::data::bundle;

#[component]
pub fn Reader(selected: RwSignal<Option<usize>>) -> impl IntoView {
    move || {
        selected.get().map(|i| {
            let doc = &bundle().corpus.documents[i];
            let paragraphs = doc.blocks.iter().map(|b| view! { <p>{doc.block_text(b).to_string()}</p> }).collect_view();
            view! {
                <article class="reader" aria-label="Document">
                    <h2>{doc.meta.title.clone()}</h2>
                    {paragraphs}
                </article>
            }
        })
    }
}
