//! The home view: results grouped by document, facets, sorting and export.

use corpus_search::{SearchResults, Sort};
use corpus_views::citation::human_date;
use corpus_views::export::{matching_document_rows, to_csv, to_json};
use corpus_views::failure::notice_text;
use corpus_views::labels::sort_label;
use corpus_views::requests::reader_at;
use leptos::prelude::*;

use crate::components::export::ExportButtons;
use crate::components::facets::{ActiveFilters, FilterSidebar};
use crate::components::highlighted::Highlighted;
use crate::components::paged::Paged;
use crate::components::query_help::QueryHelp;
use crate::data::{contents, corpus, document, index, Contents};
use crate::routing::{Link, Router};

/// Results shown at first, and added by "Show more".
const PAGE: usize = 20;

#[component]
pub fn SearchView() -> impl IntoView {
    let paged = Paged::new(PAGE, |request| index().search(corpus(), request));
    let results = paged.results;
    let facets = Signal::derive(move || results.with(|r| r.facets.clone()));
    let router = Router::get();
    let export_rows = move || {
        router
            .state
            .with_untracked(|s| matching_document_rows(index(), corpus(), s))
    };
    view! {
        <div class="search-layout">
            <FilterSidebar label="Filters" facets=facets />
            <section class="results" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">"Results"</h2>
                <QueryHelp />
                <ActiveFilters />
                <div class="results-bar">
                    <p class="status" role="status" aria-live="polite">{move || results.with(status_text)}</p>
                    <SortSelect />
                    <ExportButtons name="results" csv=move || to_csv(&export_rows()) json=move || to_json(&export_rows()) />
                </div>
                <Notices results=results />
                <ol class="result-list">
                    {move || results.with(|r| r.hits.iter().map(|hit| view! { <ResultItem hit=hit.clone() /> }).collect_view())}
                </ol>
                <Show when=move || results.with(|r| r.total_documents > r.hits.len())>
                    <button type="button" class="secondary show-more" on:click=move |_| paged.more()>
                        "Show more results"
                    </button>
                </Show>
                <Show when=move || results.with(|r| r.hits.is_empty())>
                    <EmptyState />
                </Show>
            </section>
        </div>
    }
}

fn status_text(results: &SearchResults) -> String {
    let docs = results.total_documents;
    let noun = if docs == 1 { "document" } else { "documents" };
    let paragraphs = results
        .total_paragraphs
        .filter(|_| !results.terms.is_empty());
    if let Some(paragraphs) = paragraphs {
        let para_noun = if paragraphs == 1 {
            "paragraph"
        } else {
            "paragraphs"
        };
        format!("{docs} {noun}, {paragraphs} matching {para_noun}")
    } else {
        format!("{docs} {noun}")
    }
}

#[component]
fn Notices(results: Memo<SearchResults>) -> impl IntoView {
    let failed = || matches!(contents(), Contents::Failed(_));
    move || {
        results.with(|r| {
            (!r.notices.is_empty()).then(|| {
                view! {
                    <ul class="notices" aria-label="About your query">
                        {r.notices.iter().map(|n| view! { <li>{notice_text(n, failed())}</li> }).collect_view()}
                    </ul>
                }
            })
        })
    }
}

#[component]
fn ResultItem(hit: corpus_search::Hit) -> impl IntoView {
    let router = Router::get();
    let doc = document(hit.doc);
    // The snippets come with the texts; the results list again then.
    let text_pending = hit.snippets.is_empty() && contents() == Contents::Arriving;
    let target = Signal::derive(move || router.state.with(|s| reader_at(&doc.file, &s.query)));
    let meta: Vec<String> = [
        doc.meta.source.clone(),
        Some(
            doc.meta
                .date
                .as_ref()
                .map_or_else(|| "Undated".to_string(), human_date),
        ),
        doc.meta.kind.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <li class="result">
            <h3 class="result-title">
                <Link to=target class="result-link" nav=true>{doc.meta.title.clone()}</Link>
            </h3>
            <p class="meta">{meta.join(" · ")}</p>
            {text_pending.then(|| view! { <p class="snippet snippet-pending">"Text loading…"</p> })}
            {hit
                .snippets
                .into_iter()
                .map(|s| view! { <p class="snippet"><Highlighted text=s.text matches=s.matches /></p> })
                .collect_view()}
        </li>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let router = Router::get();
    view! {
        <label class="sort">
            "Sort by "
            <select
                prop:value=move || router.state.with(|s| s.sort.as_str())
                on:change=move |ev| {
                    let sort = event_target_value(&ev).parse::<Sort>().unwrap_or_default();
                    router.replace(|s| s.sort = sort);
                }
            >
                {Sort::ALL.map(|sort| view! { <option value=sort.as_str()>{sort_label(sort)}</option> })}
            </select>
        </label>
    }
}

/// What to try when nothing matches: fewer words, no filters, or the corpus's
/// most-mentioned names.
#[component]
fn EmptyState() -> impl IntoView {
    let router = Router::get();
    let entities = &corpus().entities;
    // (fewer documents, index): most mentioned first, ties in corpus order.
    let mut names: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.documents.len() > 1)
        .map(|(i, e)| (usize::MAX - e.documents.len(), i))
        .collect();
    names.sort_unstable();
    let suggestions: Vec<String> = names
        .into_iter()
        .take(4)
        .map(|(_, i)| entities[i].name.clone())
        .collect();
    view! {
        <div class="empty">
            <p class="empty-title">"No documents match."</p>
            <ul>
                <li>"Check the spelling, or use fewer or shorter words."</li>
                <Show when=move || router.state.with(|s| !s.filters.is_empty())>
                    <li>
                        <button type="button" class="link-button" on:click=move |_| router.push(|s| s.filters.clear())>
                            "Remove all filters"
                        </button>
                    </li>
                </Show>
                {(!suggestions.is_empty())
                    .then(|| {
                        view! {
                            <li>
                                "Or try: "
                                {suggestions
                                    .into_iter()
                                    .map(|name| {
                                        let query = name.clone();
                                        view! {
                                            <button type="button" class="link-button suggestion" on:click=move |_| router.replace(|s| s.query = query.clone())>
                                                {name}
                                            </button>
                                        }
                                    })
                                    .collect_view()}
                            </li>
                        }
                    })}
            </ul>
        </div>
    }
}
