//! "About this corpus": its documents, sizes, writing systems and dates, and
//! every warning and skipped file with its reason.

use corpus_views::about::about;
use leptos::prelude::*;

use crate::data::corpus;

#[component]
pub fn AboutView() -> impl IntoView {
    let about = about(corpus());
    let facts = about
        .facts()
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    let problems = about
        .problems()
        .into_iter()
        .map(|(heading, lines, empty)| {
            let none = lines
                .is_empty()
                .then(|| view! { <p class="hint">{empty}</p> });
            let items = (!lines.is_empty()).then(|| {
                let items = lines
                    .iter()
                    .map(|line| view! { <li><code>{line.clone()}</code></li> })
                    .collect_view();
                view! { <ul class="about-problems">{items}</ul> }
            });
            view! { <h3>{heading}</h3>{none}{items} }
        })
        .collect_view();
    view! {
        <section class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">"About this corpus"</h2>
            <dl class="about-facts">{facts}</dl>
            {problems}
        </section>
    }
}
