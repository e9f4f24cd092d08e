//! The app shell: header, navigation between views, and the open view.

use corpus_views::failure::{loading_message, LOAD_FAILURE_TITLE};
use corpus_views::state::{View, ViewState};
use leptos::prelude::*;

use crate::components::about_view::AboutView;
use crate::components::contents::{bar_max, bar_value, ContentsStatus, NeedsContents};
use crate::components::entity_view::EntityView;
use crate::components::keyboard;
use crate::components::people_view::PeopleView;
use crate::components::quotes_view::QuotesView;
use crate::components::reader::Reader;
use crate::components::search_box::SearchBox;
use crate::components::search_view::SearchView;
use crate::components::timeline_view::TimelineView;
use crate::data::{contents, corpus, progress, Contents};
use crate::embed::{self, FullExplorerLink};
use crate::routing::{Link, Router};

/// The views in the navigation, with their labels.
const TABS: [(View, &str); 4] = [
    (View::Search, "Documents"),
    (View::Quotes, "Quotes"),
    (View::People, "People"),
    (View::Timeline, "Timeline"),
];

#[component]
pub fn App() -> impl IntoView {
    let router = Router::install();
    keyboard::install(router);
    let embedded = embed::install(router);
    let title = corpus_title();
    document().set_title(&title);
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            {(!embedded).then(|| view! {
                <div class="brand">
                    <h1><Link to=ViewState::default()>{title}</Link></h1>
                    <p class="corpus-size">{corpus_size}</p>
                </div>
            })}
            <SearchBox />
            <Nav />
            {embedded.then(|| view! { <FullExplorerLink /> })}
            <ContentsStatus />
        </header>
        <main id="main" tabindex="-1">
            {move || match router.state.with(|s| s.view) {
                View::Search => view! { <SearchView /> }.into_any(),
                View::Reader => view! { <NeedsContents><Reader /></NeedsContents> }.into_any(),
                View::Quotes => view! { <NeedsContents><QuotesView /></NeedsContents> }.into_any(),
                View::People => view! { <NeedsContents><PeopleView /></NeedsContents> }.into_any(),
                View::Entity => view! { <NeedsContents><EntityView /></NeedsContents> }.into_any(),
                View::Timeline => view! { <NeedsContents><TimelineView /></NeedsContents> }.into_any(),
                View::About => view! { <NeedsContents><AboutView /></NeedsContents> }.into_any(),
            }}
        </main>
        {(!embedded).then(|| view! {
            <footer class="site-footer">
                <p>"Runs entirely in your browser: nothing you search leaves this page."</p>
                <p><Link to=ViewState { view: View::About, ..ViewState::default() }>"About this corpus"</Link></p>
            </footer>
        })}
    }
}

/// What the page shows instead of the explorer when its documents cannot be
/// read: plain text, no data needed.
#[component]
pub fn LoadFailure(message: String) -> impl IntoView {
    document().set_title(LOAD_FAILURE_TITLE);
    view! {
        <main id="main" class="load-failure" role="alert">
            <h1>{LOAD_FAILURE_TITLE}</h1>
            <p>{message}</p>
        </main>
    }
}

/// What the page shows while the documents arrive: a labelled progress bar.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <main id="main" class="loading" aria-busy="true">
            <p id="loading-label">
                {move || {
                    let (received, total) = progress();
                    loading_message(received, total)
                }}
            </p>
            <progress aria-labelledby="loading-label" value=bar_value max=bar_max></progress>
        </main>
    }
}

fn corpus_title() -> String {
    let name = corpus().name.trim();
    if name.is_empty() || name == "seeds" {
        "Corpus Explorer".to_string()
    } else {
        format!("{name} · Corpus Explorer")
    }
}

/// Documents, quotes and names; the quotes and names once the contents
/// are in (reads the corpus, so it changes then), or that they could not
/// be.
fn corpus_size() -> String {
    let c = corpus();
    let documents = c.documents.len();
    match contents() {
        Contents::Arriving => return format!("{documents} documents · quotes and names loading"),
        Contents::Failed(_) => {
            return format!("{documents} documents · quotes and names unavailable")
        }
        Contents::Complete => {}
    }
    let quotes: usize = c.documents.iter().map(|d| d.quotes.len()).sum();
    format!(
        "{documents} documents · {quotes} quotes · {} names",
        c.entities.len()
    )
}

#[component]
fn Nav() -> impl IntoView {
    let router = Router::get();
    view! {
        <nav class="tabs" aria-label="Views">
            {TABS
                .into_iter()
                .map(|(view, label)| {
                    let to = Signal::derive(move || router.state.with(|s| ViewState { view, query: s.query.clone(), sort: s.sort, ..ViewState::default() }));
                    let current = move || {
                        let open = router.state.with(|s| s.view);
                        let active = open == view || (view == View::Search && open == View::Reader) || (view == View::People && open == View::Entity);
                        active.then_some("page")
                    };
                    view! {
                        <span class="tab" aria-current=current>
                            <Link to=to>{label}</Link>
                        </span>
                    }
                })
                .collect_view()}
        </nav>
    }
}
