//! The app shell: the corpus title, the search box and the document list.

use leptos::prelude::*;

use crate::components::document_list::DocumentList;
use crate::components::reader::Reader;
use crate::data::bundle;

#[component]
pub fn App() -> impl IntoView {
    let corpus = &bundle().corpus;
    let query = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<usize>);
    view! {
        <header class="site-header">
            <h1>{corpus.name.clone()}</h1>
            <p class="corpus-size">{format!("{} documents", corpus.documents.len())}</p>
        </header>
        <main>
            <label class="search">
                <span class="visually-hidden">"Search"</span>
                <input
                    type="search"
                    aria-label="Search"
                    placeholder="Search titles"
                    prop:value=query
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <div class="layout">
                <DocumentList query=query selected=selected />
                <Reader selected=selected />
            </div>
        </main>
    }
}
