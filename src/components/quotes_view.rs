//! Every quote in the corpus: filterable, searchable, citable and exportable.

use corpus_search::QuoteResults;
use corpus_views::citation::{human_date, quote_citation, speaker_name};
use corpus_views::export::{matching_quote_rows, to_csv, to_json};
use corpus_views::state::{View, ViewState};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::clipboard;
use crate::components::export::ExportButtons;
use crate::components::facets::{ActiveFilters, FilterSidebar};
use crate::components::highlighted::Highlighted;
use crate::components::paged::Paged;
use crate::data::{corpus, document, index};
use crate::routing::{Link, Router};

/// Quotes shown at first, and added by "Show more".
const PAGE: usize = 30;

#[component]
pub fn QuotesView() -> impl IntoView {
    let paged = Paged::new(PAGE, |request| index().search_quotes(corpus(), request));
    let results = paged.results;
    let facets = Signal::derive(move || results.with(|r| r.facets.clone()));
    let announcement = RwSignal::new(String::new());
    let router = Router::get();
    let export_rows = move || {
        router
            .state
            .with_untracked(|s| matching_quote_rows(index(), corpus(), s))
    };
    view! {
        <div class="search-layout">
            <FilterSidebar label="Quote filters" facets=facets />
            <section class="results" aria-labelledby="quotes-heading">
                <h2 id="quotes-heading">"Quotes"</h2>
                <ActiveFilters />
                <div class="results-bar">
                    <p class="status" role="status" aria-live="polite">{move || results.with(status_text)}</p>
                    <ExportButtons name="quotes" csv=move || to_csv(&export_rows()) json=move || to_json(&export_rows()) />
                </div>
                <p class="visually-hidden" role="status" aria-live="assertive">{announcement}</p>
                <ol class="quote-list">
                    {move || {
                        results.with(|r| {
                            r.quotes
                                .iter()
                                .map(|hit| view! { <QuoteCard doc=hit.doc quote=hit.quote matches=hit.matches.clone() announcement=announcement /> })
                                .collect_view()
                        })
                    }}
                </ol>
                <Show when=move || results.with(|r| r.total > r.quotes.len())>
                    <button type="button" class="secondary show-more" on:click=move |_| paged.more()>
                        "Show more quotes"
                    </button>
                </Show>
                <Show when=move || results.with(|r| r.quotes.is_empty())>
                    <div class="empty">
                        <p class="empty-title">"No quotes match."</p>
                        <p>"Try fewer words, a speaker's surname, or remove a filter."</p>
                    </div>
                </Show>
            </section>
        </div>
    }
}

fn status_text(results: &QuoteResults) -> String {
    match results.total {
        1 => "1 quote".to_string(),
        n => format!("{n} quotes"),
    }
}

/// One quote with its speaker, source, a link to its place and a citation button.
#[component]
pub fn QuoteCard(
    doc: u32,
    quote: u32,
    matches: Vec<(u32, u32)>,
    announcement: RwSignal<String>,
) -> impl IntoView {
    let d = document(doc);
    let q = &d.quotes[quote as usize];
    let speaker = speaker_name(corpus(), q);
    // Words naming a source the explorer could not resolve ("a 2008
    // Clinton veteran"), or an anonymous one ("industry sources").
    let named_as = q
        .mention
        .filter(|_| q.speaker_name.is_none())
        .and_then(|(s, e)| d.text.get(s as usize..e as usize))
        .map(|words| format!(" — named as “{words}”"));
    let kind = q.kind.as_str();
    let quoted: Vec<(u32, u32)> = q
        .fragments
        .iter()
        .map(|&(s, e)| (s.saturating_sub(q.start), e.saturating_sub(q.start)))
        .collect();
    let in_context = ViewState {
        view: View::Reader,
        doc: Some(d.file.clone()),
        quote: Some(quote),
        ..ViewState::default()
    };
    let speaker_page = ViewState {
        view: View::Entity,
        entity: Some(speaker.clone()),
        ..ViewState::default()
    };
    let meta: Vec<String> = [
        d.meta.source.clone(),
        Some(
            d.meta
                .date
                .as_ref()
                .map_or_else(|| "Undated".to_string(), human_date),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let copy = move |_| {
        let citation = quote_citation(corpus(), d, q);
        spawn_local(async move {
            let copied = clipboard::copy(citation).await;
            announcement.set(if copied {
                "Citation copied".into()
            } else {
                "Could not copy the citation".into()
            });
        });
    };
    let copy_label = format!("Copy citation of this quote by {speaker}");
    view! {
        <li class="quote-card">
            <blockquote class=format!("quote-text {kind}")>
                <Highlighted text=d.quote_text(q).to_string() matches=matches quoted=quoted />
            </blockquote>
            <p class="attribution">
                <Link to=speaker_page class="speaker">{speaker.clone()}</Link>
                {named_as.map(|words| view! { <span class="named-as">{words}</span> })}
                {q.role.clone().map(|r| view! { <span class="role">{format!(", {r}")}</span> })}
                " "
                <span class="badge">{kind}</span>
                {q.verb.clone().map(|v| view! { <span class="verb">{format!(" ({v})")}</span> })}
            </p>
            <p class="meta">
                {meta.join(" · ")}
                " · "
                <Link to=in_context nav=true label=format!("In context: {}", d.meta.title)>{d.meta.title.clone()}</Link>
            </p>
            <button type="button" class="secondary copy" aria-label=copy_label on:click=copy>"Copy citation"</button>
        </li>
    }
}
