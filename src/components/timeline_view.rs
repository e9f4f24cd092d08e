//! Documents and quotes over time for the current search, as an SVG chart
//! with a table as its text alternative; choosing a period filters the search.

use corpus_search::{Facet, FacetCounts};
use corpus_views::requests::timeline_requests;
use corpus_views::state::View;
use corpus_views::timeline::{timeline, Bucket, Counts, Period, Timeline};
use leptos::prelude::*;

use crate::data::{corpus, index};
use crate::routing::Router;

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 260.0;
const AXIS: f64 = 28.0;
/// Axis labels at most; the others are skipped evenly.
const MAX_LABELS: usize = 12;
/// The chart's coordinate system: `0 0 WIDTH HEIGHT`.
const VIEW_BOX: &str = "0 0 800 260";

/// A coordinate as an attribute value, written by JavaScript: for the
/// chart's finite, unexponented numbers these are the digits Rust's `Display`
/// writes, without linking Rust's float formatting into the app.
fn coordinate(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A facet's `(value, count)` pairs.
fn counts(facets: &[FacetCounts], facet: Facet) -> Vec<(String, u32)> {
    facets
        .iter()
        .find(|f| f.facet() == Some(facet))
        .map(FacetCounts::pairs)
        .unwrap_or_default()
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let router = Router::get();
    let data = Memo::new(move |_| {
        let (doc_request, quote_request) = router.state.with(timeline_requests);
        let docs = index().search(corpus(), &doc_request);
        let quotes = index().search_quotes(corpus(), &quote_request);
        let (doc_years, quote_years) = (
            counts(&docs.facets, Facet::Year),
            counts(&quotes.facets, Facet::Year),
        );
        let (doc_months, quote_months) = (
            counts(&docs.facets, Facet::Month),
            counts(&quotes.facets, Facet::Month),
        );
        timeline(
            Counts {
                documents: &doc_years,
                quotes: &quote_years,
            },
            Counts {
                documents: &doc_months,
                quotes: &quote_months,
            },
            docs.total_documents as u32,
            quotes.total as u32,
        )
    });
    let open = move |period: Period, key: String| {
        router.push(|s| {
            s.view = View::Search;
            s.filters.insert(period.facet().as_str().into(), vec![key]);
        });
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <p class="hint">
                {move || {
                    let noun = data.with(|t| t.period.noun());
                    format!("Documents and quotes per {noun} for the current search. Choose a {noun} to see its documents.")
                }}
            </p>
            {move || data.with(|t| view! { <Chart timeline=t.clone() open=open /> })}
            {move || data.with(|t| view! { <ChartTable timeline=t.clone() open=open /> })}
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
                first.label, last.label, t.undated_documents
            )
        }
        _ => format!("No dated documents; {} undated.", t.undated_documents),
    }
}

/// Short axis labels: "1987", or "Mar 87" for months.
fn axis_label(period: Period, bucket: &Bucket) -> String {
    match period {
        Period::Year => bucket.label.clone(),
        Period::Month => {
            let mut words = bucket.label.split(' ');
            let month: String = words.next().unwrap_or_default().chars().take(3).collect();
            let year = words.next().unwrap_or_default();
            format!("{month} {}", year.get(2..).unwrap_or(year))
        }
    }
}

#[component]
fn Chart(
    timeline: Timeline,
    open: impl Fn(Period, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let n = timeline.buckets.len().max(1) as f64;
    let slot = WIDTH / n;
    let bar = (slot * 0.38).min(40.0);
    let plot = HEIGHT - AXIS;
    let max_docs = f64::from(timeline.max_documents());
    let max_quotes = f64::from(timeline.max_quotes());
    let label_every = timeline.buckets.len().div_ceil(MAX_LABELS).max(1);
    let desc = summary(&timeline);
    let period = timeline.period;
    let title = format!("Documents and quotes per {}", period.noun());
    let bars = timeline
        .buckets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let x = i as f64 * slot + slot / 2.0;
            let doc_h = f64::from(b.documents) / max_docs * (plot - 12.0);
            let quote_h = f64::from(b.quotes) / max_quotes * (plot - 12.0);
            let tip = format!("{}: {} documents, {} quotes", b.label, b.documents, b.quotes);
            let label = (i % label_every == 0).then(|| {
                view! { <text x=coordinate(x) y=coordinate(HEIGHT - 8.0) text-anchor="middle" class="axis-label">{axis_label(period, b)}</text> }
            });
            let key = b.key.clone();
            view! {
                <g class="bucket" on:click=move |_| open(period, key.clone())>
                    <title>{tip}</title>
                    <rect class="hit-area" x=coordinate(x - slot / 2.0) y=0 width=coordinate(slot) height=coordinate(plot)></rect>
                    <rect class="bar-docs" x=coordinate(x - bar) y=coordinate(plot - doc_h) width=coordinate(bar) height=coordinate(doc_h)></rect>
                    <rect class="bar-quotes" x=coordinate(x) y=coordinate(plot - quote_h) width=coordinate(bar) height=coordinate(quote_h)></rect>
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=VIEW_BOX role="img" aria-labelledby="chart-title"
                aria-describedby="chart-desc" preserveAspectRatio="none">
                <title id="chart-title">{title}</title>
                <desc id="chart-desc">{desc}</desc>
                <line class="axis" x1=0 y1=coordinate(plot) x2=coordinate(WIDTH) y2=coordinate(plot)></line>
                {bars}
            </svg>
            <figcaption class="legend">
                <span class="key key-docs"></span>
                {format!("Documents (scaled to the busiest {}) ", period.noun())}
                <span class="key key-quotes"></span>
                "Quotes"
            </figcaption>
        </figure>
    }
}

#[component]
fn ChartTable(
    timeline: Timeline,
    open: impl Fn(Period, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let period = timeline.period;
    let noun = period.noun();
    let rows = timeline
        .buckets
        .iter()
        .filter(|b| b.documents > 0 || b.quotes > 0)
        .map(|b| {
            let key = b.key.clone();
            view! {
                <tr>
                    <th scope="row">
                        <button type="button" class="link-button" data-nav-item="" on:click=move |_| open(period, key.clone())>
                            {b.label.clone()}
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
    let mut heading = noun.to_string();
    heading[..1].make_ascii_uppercase();
    view! {
        <table class="timeline-table">
            <caption>{format!("Documents and quotes by {noun}")}</caption>
            <thead><tr><th scope="col">{heading}</th><th scope="col">"Documents"</th><th scope="col">"Quotes"</th></tr></thead>
            <tbody>{rows}{undated}</tbody>
        </table>
    }
}
