//! The list of documents, narrowed by a fuzzy match on titles.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use leptos::prelude::*;

use crate::data::bundle;

#[component]
pub fn DocumentList(query: RwSignal<String>, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let matches = move || {
        let query = query.get();
        let matcher = SkimMatcherV2::default();
        let docs = &bundle().corpus.documents;
        let mut ranked: Vec<(i64, usize)> = docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                if query.trim().is_empty() {
                    Some((0, i))
                } else {
                    matcher.fuzzy_match(&d.meta.title, query.trim()).map(|s| (-s, i))
                }
            })
            .collect();
        ranked.sort();
        ranked.into_iter().map(|(_, i)| i).collect::<Vec<_>>()
    };
    view! {
        <ul class="documents" aria-label="Documents">
            <For each=matches key=|i| *i let:i>
                {
                    let doc = &bundle().corpus.documents[i];
                    let first_lines: String = doc.text.chars().take(200).collect();
                    view! {
                        <li class="document">
                            <button class="document-link" on:click=move |_| selected.set(Some(i))>
                                <span class="title">{doc.meta.title.clone()}</span>
                            </button>
                            <p class="excerpt">{first_lines}</p>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
