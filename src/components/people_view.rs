//! The index of people, organisations and places, with roles and aliases.

use corpus_model::EntityKind;
use corpus_views::entities::{self, counts_summary, distinct_roles, kind_label, roles_summary};
use corpus_views::state::{View, ViewState};
use leptos::prelude::*;

use crate::data::corpus;
use crate::routing::{Link, Router};

/// Entries shown per group at first.
const PAGE: usize = 60;

/// How many quotes each entity is the speaker of, by entity id, counted once.
fn quote_counts() -> &'static [u32] {
    static COUNTS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    COUNTS.get_or_init(|| entities::quote_counts(corpus()))
}

#[component]
pub fn PeopleView() -> impl IntoView {
    let router = Router::get();
    let matching = Memo::new(move |_| {
        router
            .state
            .with(|s| entities::rank_entities(corpus(), &s.query))
    });
    let groups = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Place,
    ];
    view! {
        <section class="people" aria-labelledby="people-heading">
            <h2 id="people-heading">"People, organisations and places"</h2>
            <p class="status" role="status" aria-live="polite">
                {move || matching.with(|m| format!("{} names", m.len()))}
            </p>
            <div class="entity-groups">
                {groups.into_iter().map(|kind| view! { <EntityGroup kind=kind matching=matching /> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn EntityGroup(kind: EntityKind, matching: Memo<Vec<usize>>) -> impl IntoView {
    let limit = RwSignal::new(PAGE);
    let members = move || {
        matching.with(|m| {
            m.iter()
                .copied()
                .filter(|&i| corpus().entities[i].kind == kind)
                .collect::<Vec<_>>()
        })
    };
    let heading_id = format!("group-{}", kind_label(kind).to_lowercase());
    let labelled_by = heading_id.clone();
    view! {
        <section class="entity-group" aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || format!("{} ({})", kind_label(kind), members().len())}</h3>
            <ul class="entity-list">
                {move || members().into_iter().take(limit.get()).map(|i| view! { <EntityItem id=i /> }).collect_view()}
            </ul>
            <Show when=move || { members().len() > limit.get() }>
                <button type="button" class="secondary show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                    "Show more"
                </button>
            </Show>
        </section>
    }
}

#[component]
fn EntityItem(id: usize) -> impl IntoView {
    let entity = &corpus().entities[id];
    let to = ViewState {
        view: View::Entity,
        entity: Some(entity.name.clone()),
        ..ViewState::default()
    };
    let roles = distinct_roles(entity);
    let counts = counts_summary(entity.documents.len(), quote_counts()[id]);
    view! {
        <li class="entity-item">
            <Link to=to class="entity-name" nav=true>{entity.name.clone()}</Link>
            {(!roles.is_empty()).then(|| view! { <span class="roles">{roles_summary(&roles)}</span> })}
            {(!entity.aliases.is_empty()).then(|| view! { <span class="aliases">{format!("also: {}", entity.aliases.join(", "))}</span> })}
            <span class="counts">{counts}</span>
        </li>
    }
}
