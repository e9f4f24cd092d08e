//! The search box in the header, shared by the views that search.

use corpus_search::query::MAX_QUERY_CHARS;
use corpus_views::state::View;
use leptos::html;
use leptos::prelude::*;

use crate::routing::Router;

/// The id the `/` shortcut focuses.
pub const SEARCH_INPUT_ID: &str = "search-input";

#[component]
pub fn SearchBox() -> impl IntoView {
    let router = Router::get();
    let input = NodeRef::<html::Input>::new();
    let placeholder = move || match router.state.with(|s| s.view) {
        View::Quotes => "Search quotes, speakers…",
        View::People => "Find a person, organisation or place…",
        _ => "Search the documents… ( / )",
    };
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        let view = router.state.with_untracked(|s| s.view);
        if matches!(view, View::Reader | View::Entity) {
            router.push(|s| {
                s.view = View::Search;
                s.doc = None;
                s.entity = None;
                s.quote = None;
                s.query = value;
            });
        } else {
            router.replace(|s| s.query = value);
        }
    };
    view! {
        <search class="search-box" role="search">
            <label for=SEARCH_INPUT_ID class="visually-hidden">"Search"</label>
            <input
                id=SEARCH_INPUT_ID
                node_ref=input
                type="search"
                aria-label="Search"
                autocomplete="off"
                maxlength=MAX_QUERY_CHARS
                spellcheck="false"
                placeholder=placeholder
                prop:value=move || router.state.with(|s| s.query.clone())
                on:input=on_input
            />
        </search>
    }
}
