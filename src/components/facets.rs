//! The facet sidebar (values with live counts) and the active-filter chips.

use corpus_search::FacetCounts;
use corpus_views::labels::{facet_label, value_label};
use leptos::prelude::*;

use crate::data::corpus;
use crate::routing::Router;

/// How many values a facet shows before "Show all".
const COLLAPSED_VALUES: usize = 8;

/// Whether the filters start open: on wide screens, not on phones, and not
/// in an embedded explorer, where height is the host page's.
fn filters_start_open() -> bool {
    let embedded = Router::get().state.with_untracked(|s| s.embed);
    !embedded
        && window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w > 760.0)
}

/// The sidebar of a results view: its facets, collapsible on phones.
#[component]
pub fn FilterSidebar(
    label: &'static str,
    #[prop(into)] facets: Signal<Vec<FacetCounts>>,
) -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label=label>
            <details class="filters" prop:open=filters_start_open()>
                <summary>"Filters"</summary>
                <FacetSidebar facets=facets />
            </details>
        </aside>
    }
}

/// Every facet of the current results, each value a toggle with its count.
#[component]
fn FacetSidebar(#[prop(into)] facets: Signal<Vec<FacetCounts>>) -> impl IntoView {
    view! {
        <div class="facets">
            <For
                each=move || facets.get().into_iter().filter(|f| !f.values.is_empty())
                key=|f| (f.name.clone(), f.values.iter().map(|v| (v.value.clone(), v.count, v.selected)).collect::<Vec<_>>())
                let:facet
            >
                <FacetGroup facet=facet />
            </For>
        </div>
    }
}

#[component]
fn FacetGroup(facet: FacetCounts) -> impl IntoView {
    let router = Router::get();
    let expanded = RwSignal::new(false);
    let total = facet.values.len();
    let name = facet.name.clone();
    let heading_id = format!(
        "facet-{}",
        name.replace(|c: char| !c.is_alphanumeric(), "-")
    );
    let labelled_by = heading_id.clone();
    let values = facet.values.clone();
    let shown = move || {
        let limit = if expanded.get() {
            usize::MAX
        } else {
            COLLAPSED_VALUES
        };
        values
            .iter()
            .enumerate()
            .filter(|(i, v)| *i < limit || v.selected)
            .map(|(_, v)| v.clone())
            .collect::<Vec<_>>()
    };
    view! {
        <section class="facet" aria-labelledby=labelled_by>
            <h3 id=heading_id>{facet_label(&facet.name)}</h3>
            <ul>
                {move || {
                    shown()
                        .into_iter()
                        .map(|value| {
                            let name = name.clone();
                            let label = value_label(corpus(), &name, &value.value);
                            let toggled = value.value.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="facet-value"
                                        aria-pressed=if value.selected { "true" } else { "false" }
                                        on:click=move |_| router.push(|s| s.toggle_filter(&name, &toggled))
                                    >
                                        <span class="facet-name">{label}</span>
                                        <span class="count">{value.count}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {(total > COLLAPSED_VALUES)
                .then(|| {
                    view! {
                        <button type="button" class="link-button" on:click=move |_| expanded.update(|e| *e = !*e)>
                            {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {total}") }}
                        </button>
                    }
                })}
        </section>
    }
}

/// The selected filters as chips that each clear with one click.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let router = Router::get();
    let chips = move || {
        router.state.with(|s| {
            s.filters
                .iter()
                .flat_map(|(name, values)| values.iter().map(move |v| (name.clone(), v.clone())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !chips().is_empty()>
            <div class="chips" role="group" aria-label="Active filters">
                {move || {
                    chips()
                        .into_iter()
                        .map(|(name, value)| {
                            let label = format!("{}: {}", facet_label(&name), value_label(corpus(), &name, &value));
                            let aria = format!("Remove filter {label}");
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    aria-label=aria
                                    on:click=move |_| router.push(|s| s.toggle_filter(&name, &value))
                                >
                                    {label}
                                    <span aria-hidden="true">" ×"</span>
                                </button>
                            }
                        })
                        .collect_view()
                }}
                <button type="button" class="link-button" on:click=move |_| router.push(|s| s.filters.clear())>
                    "Clear all"
                </button>
            </div>
        </Show>
    }
}
