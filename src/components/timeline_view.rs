//! Documents and quotes over time for the current search, as an SVG chart
//! with a table as its text alternative; choosing a year filters the search.

use corpus::search::{Facet, SearchRequest};
use corpus::views::state::View;
use corpus::views::timeline::{timeline, Timeline};
use leptos::prelude::*;

use crate::components::search_view::request_for;
use crate::data::{corpus, index};
use crate::routing::Router;

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 260.0;
const AXIS: f64 = 28.0;

fn year_counts(facets: &[Facet]) -> Vec<(String, u32)> {
    facets
        .iter()
        .find(|f| f.name == "year")
        .map(|f| {
            f.values
                .iter()
                .map(|v| (v.value.clone(), v.count))
                .collect()
        })
        .unwrap_or_default()
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let router = Router::get();
    let data = Memo::new(move |_| {
        let state = router.state.get();
        let request = SearchRequest {
            limit: 0,
            ..request_for(&state, 0)
        };
        let docs = index().search(corpus(), &request);
        let mut quote_state = state.clone();
        quote_state.filters.remove("kind");
        let quotes = index().search_quotes(
            corpus(),
            &SearchRequest {
                limit: 0,
                ..request_for(&quote_state, 0)
            },
        );
        timeline(
            &year_counts(&docs.facets),
            &year_counts(&quotes.facets),
            docs.total_documents as u32,
            quotes.total as u32,
        )
    });
    let open_year = move |year: i32| {
        router.push(|s| {
            s.view = View::Search;
            s.filters.insert("year".into(), vec![year.to_string()]);
        });
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <p class="hint">"Documents and quotes per year for the current search. Choose a year to see its documents."</p>
            {move || data.with(|t| view! { <Chart timeline=t.clone() open_year=open_year /> })}
            {move || data.with(|t| view! { <ChartTable timeline=t.clone() open_year=open_year /> })}
        </section>
    }
}

fn summary(t: &Timeline) -> String {
    match (t.buckets.first(), t.buckets.last()) {
        (Some(first), Some(last)) => {
            let docs: u32 = t.buckets.iter().map(|b| b.documents).sum();
            let quotes: u32 = t.buckets.iter().map(|b| b.quotes).sum();
            format!(
                "{docs} dated documents and {quotes} quotes from {} to {}; {} undated documents.",
                first.year, last.year, t.undated_documents
            )
        }
        _ => format!("No dated documents; {} undated.", t.undated_documents),
    }
}

#[component]
fn Chart(
    timeline: Timeline,
    open_year: impl Fn(i32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let n = timeline.buckets.len().max(1) as f64;
    let slot = WIDTH / n;
    let bar = (slot * 0.38).min(40.0);
    let plot = HEIGHT - AXIS;
    let max_docs = f64::from(timeline.max_documents());
    let max_quotes = f64::from(timeline.max_quotes());
    let label_every = (timeline.buckets.len() / 12).max(1);
    let desc = summary(&timeline);
    let bars = timeline
        .buckets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let x = i as f64 * slot + slot / 2.0;
            let doc_h = f64::from(b.documents) / max_docs * (plot - 12.0);
            let quote_h = f64::from(b.quotes) / max_quotes * (plot - 12.0);
            let year = b.year;
            let tip = format!("{year}: {} documents, {} quotes", b.documents, b.quotes);
            let label = (i % label_every == 0).then(|| {
                view! { <text x=x y=HEIGHT - 8.0 text-anchor="middle" class="axis-label">{year.to_string()}</text> }
            });
            view! {
                <g class="bucket" on:click=move |_| open_year(year)>
                    <title>{tip}</title>
                    <rect class="hit-area" x=x - slot / 2.0 y=0 width=slot height=plot></rect>
                    <rect class="bar-docs" x=x - bar y=plot - doc_h width=bar height=doc_h></rect>
                    <rect class="bar-quotes" x=x y=plot - quote_h width=bar height=quote_h></rect>
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="none">
                <title id="chart-title">"Documents and quotes per year"</title>
                <desc id="chart-desc">{desc}</desc>
                <line class="axis" x1=0 y1=plot x2=WIDTH y2=plot></line>
                {bars}
            </svg>
            <figcaption class="legend">
                <span class="key key-docs"></span>"Documents (scaled to the busiest year) "
                <span class="key key-quotes"></span>"Quotes"
            </figcaption>
        </figure>
    }
}

#[component]
fn ChartTable(
    timeline: Timeline,
    open_year: impl Fn(i32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let rows = timeline
        .buckets
        .iter()
        .filter(|b| b.documents > 0 || b.quotes > 0)
        .map(|b| {
            let year = b.year;
            view! {
                <tr>
                    <th scope="row">
                        <button type="button" class="link-button" data-nav-item="" on:click=move |_| open_year(year)>
                            {year.to_string()}
                        </button>
                    </th>
                    <td>{b.documents}</td>
                    <td>{b.quotes}</td>
                </tr>
            }
        })
        .collect_view();
    let undated = (timeline.undated_documents > 0).then(|| {
        view! { <tr><th scope="row">"Undated"</th><td>{timeline.undated_documents}</td><td>{timeline.undated_quotes}</td></tr> }
    });
    view! {
        <table class="timeline-table">
            <caption>"Documents and quotes by year"</caption>
            <thead><tr><th scope="col">"Year"</th><th scope="col">"Documents"</th><th scope="col">"Quotes"</th></tr></thead>
            <tbody>{rows}{undated}</tbody>
        </table>
    }
}
