//! "About this corpus": its documents, sizes, writing systems and dates, and
//! every warning and skipped file with its reason.

use corpus_views::about::{about, size_label, About};
use leptos::prelude::*;

use crate::data::corpus;

/// One "label: value" row of the summary.
fn fact(label: &'static str, value: String) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd>{value}</dd>
    }
}

/// "Latin 4 · Han 1" from counted values.
fn counted<T: std::fmt::Display>(counts: &[(T, usize)]) -> String {
    counts
        .iter()
        .map(|(value, n)| format!("{value} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn AboutView() -> impl IntoView {
    let About {
        documents,
        original_bytes,
        text_bytes,
        quotes,
        people,
        organisations,
        places,
        date_range,
        undated,
        scripts,
        kinds,
        warnings,
        skipped,
    } = about(corpus());
    let dates = match date_range {
        Some(range) if undated > 0 => format!("{range} ({undated} undated)"),
        Some(range) => range,
        None => "no document is dated".to_string(),
    };
    view! {
        <section class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">"About this corpus"</h2>
            <dl class="about-facts">
                {fact("Documents", documents.to_string())}
                {fact("Size", format!("{} of files, {} of text after cleaning", size_label(original_bytes), size_label(text_bytes)))}
                {fact("Quotes", quotes.to_string())}
                {fact("Names", format!("{people} people · {organisations} organisations · {places} places"))}
                {fact("Dates", dates)}
                {fact("Writing systems", counted(&scripts))}
                {(!kinds.is_empty()).then(|| fact("Kinds", counted(&kinds)))}
            </dl>
            <h3>{format!("Files left out ({})", skipped.len())}</h3>
            <Problems lines=skipped empty="Every file found was built." />
            <h3>{format!("Warnings ({})", warnings.len())}</h3>
            <Problems lines=warnings empty="The build reported no problems." />
        </section>
    }
}

/// A list of "file:line: message" lines, shown as text, or `empty`.
#[component]
fn Problems(lines: Vec<String>, empty: &'static str) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p class="hint">{empty}</p> }.into_any();
    }
    view! {
        <ul class="about-problems">
            {lines.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
        </ul>
    }
    .into_any()
}
