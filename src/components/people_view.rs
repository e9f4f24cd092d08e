//! The index of people, organisations and places, with roles and aliases.

use corpus_model::{Entity, EntityKind};
use corpus_views::state::{View, ViewState};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use leptos::prelude::*;

use crate::data::corpus;
use crate::routing::{Link, Router};

/// Entries shown per group at first.
const PAGE: usize = 60;

/// How many quotes each entity is the speaker of, by entity id.
pub fn quote_counts() -> &'static [u32] {
    static COUNTS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    COUNTS.get_or_init(|| {
        let mut counts = vec![0; corpus().entities.len()];
        for quote in corpus().documents.iter().flat_map(|d| &d.quotes) {
            if let Some(count) = quote.speaker.and_then(|s| counts.get_mut(s as usize)) {
                *count += 1;
            }
        }
        counts
    })
}

pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organisation => "Organisations",
        EntityKind::Place => "Places",
    }
}

/// Distinct roles of an entity, in the order the corpus gives them.
pub fn distinct_roles(entity: &Entity) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for role in &entity.roles {
        if !roles.iter().any(|r| r.eq_ignore_ascii_case(&role.role)) {
            roles.push(role.role.clone());
        }
    }
    roles
}

/// Roles shown in the index before "and N more".
const ROLES_SHOWN: usize = 3;

/// The first few roles, and how many more the entity's page lists.
fn roles_summary(roles: &[String]) -> String {
    let shown = roles[..roles.len().min(ROLES_SHOWN)].join("; ");
    match roles.len().saturating_sub(ROLES_SHOWN) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

#[component]
pub fn PeopleView() -> impl IntoView {
    let router = Router::get();
    let matching = Memo::new(move |_| {
        let query = router.state.with(|s| s.query.trim().to_string());
        let matcher = SkimMatcherV2::default();
        let mut ranked: Vec<(i64, usize, u32)> = corpus()
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let score = if query.is_empty() {
                    0
                } else {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .filter_map(|n| matcher.fuzzy_match(n, &query))
                        .max()?
                };
                Some((score, i, e.documents.len() as u32))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
        ranked.into_iter().map(|(_, i, _)| i).collect::<Vec<_>>()
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
    let quotes = quote_counts()[id];
    let docs = entity.documents.len();
    let counts = match quotes {
        0 => format!("{docs} doc{}", if docs == 1 { "" } else { "s" }),
        q => format!(
            "{docs} doc{} · {q} quote{}",
            if docs == 1 { "" } else { "s" },
            if q == 1 { "" } else { "s" }
        ),
    };
    view! {
        <li class="entity-item">
            <Link to=to class="entity-name" nav=true>{entity.name.clone()}</Link>
            {(!roles.is_empty()).then(|| view! { <span class="roles">{roles_summary(&roles)}</span> })}
            {(!entity.aliases.is_empty()).then(|| view! { <span class="aliases">{format!("also: {}", entity.aliases.join(", "))}</span> })}
            <span class="counts">{counts}</span>
        </li>
    }
}
