//! Keeps the view state and the browser's URL in step.
//!
//! The state lives in one signal provided as context. Navigating pushes a
//! history entry; typing a query replaces the current one, so Back leaves the
//! search rather than stepping through every keystroke. Back and Forward read
//! the URL again. Links are real `<a href>`s, so they open in new tabs too.

use corpus_views::state::ViewState;
use leptos::ev;
use leptos::prelude::*;

/// The app's view state, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    pub state: RwSignal<ViewState>,
}

impl Router {
    /// Reads the state from the current URL and follows Back and Forward.
    pub fn install() -> Router {
        let state = RwSignal::new(ViewState::from_query(&current_query()));
        let router = Router { state };
        let handle = window_event_listener(ev::popstate, move |_| {
            state.set(ViewState::from_query(&current_query()));
        });
        on_cleanup(move || handle.remove());
        provide_context(router);
        router
    }

    pub fn get() -> Router {
        expect_context::<Router>()
    }

    /// Opens a new state with its own history entry.
    pub fn navigate(&self, mut next: ViewState) {
        next.embed = self.state.with_untracked(|s| s.embed);
        write_history(&next, false);
        self.state.set(next);
        scroll_to_top();
    }

    /// Changes the current state in place (typing, sorting).
    pub fn replace(&self, update: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        update(&mut next);
        write_history(&next, true);
        self.state.set(next);
    }

    /// Changes the current state with a new history entry (filters).
    pub fn push(&self, update: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        update(&mut next);
        write_history(&next, false);
        self.state.set(next);
    }

    /// The href of a state, relative to the page, keeping embed mode.
    pub fn href(&self, mut target: ViewState) -> String {
        target.embed = self.state.with_untracked(|s| s.embed);
        target.to_query()
    }
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

fn write_history(state: &ViewState, replace: bool) {
    let url = state.to_query();
    let url = if url == "?" {
        window().location().pathname().unwrap_or_default()
    } else {
        url
    };
    if let Ok(history) = window().history() {
        let result = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        if let Err(e) = result {
            leptos::logging::warn!("cannot update the URL: {e:?}");
        }
    }
}

fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// A link to a view state: a real href, handled in-page on a plain click.
#[component]
pub fn Link(
    #[prop(into)] to: Signal<ViewState>,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] label: Option<String>,
    /// Whether the arrow keys move through it (results, quotes).
    #[prop(optional)]
    nav: bool,
    children: Children,
) -> impl IntoView {
    let router = Router::get();
    view! {
        <a
            class=class
            aria-label=label
            data-nav-item=nav.then_some("")
            href=move || router.href(to.get())
            on:click=move |ev: ev::MouseEvent| {
                if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key() {
                    ev.prevent_default();
                    router.navigate(to.get_untracked());
                }
            }
        >
            {children()}
        </a>
    }
}
