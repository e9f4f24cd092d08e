//! One person, organisation or place: roles, aliases, quotes and documents.

use corpus_model::Entity;
use corpus_views::citation::human_date;
use corpus_views::entities::{distinct_roles, find_entity, quotes_of};
use corpus_views::requests::reader_at;
use corpus_views::state::{View, ViewState};
use leptos::prelude::*;

use crate::components::quotes_view::QuoteCard;
use crate::data::{corpus, document};
use crate::routing::{Link, Router};

#[component]
pub fn EntityView() -> impl IntoView {
    let router = Router::get();
    let name = Memo::new(move |_| router.state.with(|s| s.entity.clone().unwrap_or_default()));
    move || {
        let name = name.get();
        let entity = find_entity(corpus(), &name);
        let quotes = quotes_of(corpus(), entity, &name);
        view! { <EntityPage name=name entity=entity.map(|i| &corpus().entities[i as usize]) quotes=quotes /> }
    }
}

#[component]
fn EntityPage(
    name: String,
    entity: Option<&'static Entity>,
    quotes: Vec<(u32, u32)>,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let back = ViewState {
        view: View::People,
        ..ViewState::default()
    };
    let found = entity.is_some() || !quotes.is_empty();
    view! {
        <article class="entity-page" aria-labelledby="entity-title">
            <p class="back"><Link to=back>"← People and organisations"</Link></p>
            <h2 id="entity-title">{name.clone()}</h2>
            {(!found).then(|| view! { <p>"This name is not in this corpus."</p> })}
            {entity.map(|e| view! { <EntityFacts entity=e /> })}
            <p class="visually-hidden" role="status" aria-live="assertive">{announcement}</p>
            {(!quotes.is_empty()).then(|| {
                let count = quotes.len();
                view! {
                    <section aria-labelledby="entity-quotes">
                        <h3 id="entity-quotes">{format!("Quotes ({count})")}</h3>
                        <ol class="quote-list">
                            {quotes
                                .into_iter()
                                .map(|(doc, quote)| view! { <QuoteCard doc=doc quote=quote matches=Vec::new() announcement=announcement /> })
                                .collect_view()}
                        </ol>
                    </section>
                }
            })}
            {entity.map(|e| view! { <EntityDocuments entity=e /> })}
        </article>
    }
}

#[component]
fn EntityFacts(entity: &'static Entity) -> impl IntoView {
    let kind = format!("{:?}", entity.kind);
    let roles = distinct_roles(entity);
    view! {
        <dl class="doc-meta">
            <div><dt>"Kind"</dt><dd>{kind}</dd></div>
            {(!entity.aliases.is_empty()).then(|| view! { <div><dt>"Also named"</dt><dd>{entity.aliases.join(", ")}</dd></div> })}
            {(!roles.is_empty()).then(|| {
                view! {
                    <div>
                        <dt>"Roles"</dt>
                        <dd>
                            <ul class="roles-list">
                                {entity
                                    .roles
                                    .iter()
                                    .map(|r| {
                                        let doc = document(r.doc);
                                        let when = doc.meta.date.as_ref().map_or_else(|| "undated".to_string(), human_date);
                                        let to = ViewState { view: View::Reader, doc: Some(doc.file.clone()), ..ViewState::default() };
                                        view! { <li>{r.role.clone()}" ("<Link to=to>{format!("{}, {when}", doc.meta.source.clone().unwrap_or_else(|| doc.meta.title.clone()))}</Link>")"</li> }
                                    })
                                    .collect_view()}
                            </ul>
                        </dd>
                    </div>
                }
            })}
        </dl>
    }
}

#[component]
fn EntityDocuments(entity: &'static Entity) -> impl IntoView {
    let count = entity.documents.len();
    view! {
        <section aria-labelledby="entity-docs">
            <h3 id="entity-docs">{format!("Documents that mention {} ({count})", entity.name)}</h3>
            <ul class="doc-links">
                {entity
                    .documents
                    .iter()
                    .map(|&id| {
                        let doc = document(id);
                        let to = reader_at(&doc.file, &entity.name);
                        let when = doc.meta.date.as_ref().map_or_else(|| "Undated".to_string(), human_date);
                        view! { <li><Link to=to nav=true>{doc.meta.title.clone()}</Link><span class="meta">{format!(" · {when}")}</span></li> }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
