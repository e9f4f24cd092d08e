//! Keyboard shortcuts: `/` focuses the search, arrow keys move through the
//! results, Escape clears the search or goes back.

use corpus_views::state::{View, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search_box::SEARCH_INPUT_ID;
use crate::routing::Router;

/// Elements the arrow keys move between carry this attribute.
pub const NAV_ITEM: &str = "data-nav-item";

/// Installs the shortcuts for the lifetime of the app.
pub fn install(router: Router) {
    let handle = window_event_listener(ev::keydown, move |ev| on_key(router, ev));
    on_cleanup(move || handle.remove());
}

fn on_key(router: Router, ev: ev::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let active = document().active_element();
    let in_search = active.as_ref().is_some_and(|el| el.id() == SEARCH_INPUT_ID);
    let typing = active.as_ref().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.has_attribute("contenteditable")
    });
    match ev.key().as_str() {
        "/" if !typing => {
            ev.prevent_default();
            focus_search();
        }
        "ArrowDown" | "ArrowUp" if in_search || !typing => {
            let down = ev.key() == "ArrowDown";
            if move_focus(down, in_search) {
                ev.prevent_default();
            }
        }
        "Escape" => {
            if in_search && router.state.with_untracked(|s| !s.query.is_empty()) {
                router.replace(|s| s.query.clear());
            } else if router
                .state
                .with_untracked(|s| matches!(s.view, View::Reader | View::Entity))
            {
                go_back(router);
            } else if !in_search {
                focus_search();
            }
        }
        _ => {}
    }
}

fn focus_search() {
    if let Some(input) = document()
        .get_element_by_id(SEARCH_INPUT_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// Moves focus to the next or previous navigable item; true if it moved.
fn move_focus(down: bool, from_search: bool) -> bool {
    let Ok(items) = document().query_selector_all(&format!("[{NAV_ITEM}]")) else {
        return false;
    };
    let items: Vec<web_sys::HtmlElement> = (0..items.length())
        .filter_map(|i| items.item(i)?.dyn_into().ok())
        .collect();
    if items.is_empty() {
        return false;
    }
    let active = document().active_element();
    let current = active.as_ref().and_then(|a| {
        items
            .iter()
            .position(|el| el.is_same_node(Some(a.unchecked_ref())))
    });
    let next = match (current, down) {
        (None, true) if from_search || active.is_none() => Some(0),
        (None, _) => Some(0),
        (Some(i), true) => Some((i + 1).min(items.len() - 1)),
        (Some(0), false) => {
            focus_search();
            None
        }
        (Some(i), false) => Some(i - 1),
    };
    if let Some(i) = next {
        let _ = items[i].focus();
    }
    true
}

/// Returns to where the user came from, or to the search if they arrived here.
fn go_back(router: Router) {
    let history_length = window().history().and_then(|h| h.length()).unwrap_or(0);
    if history_length > 1 {
        let _ = window().history().and_then(|h| h.back());
    } else {
        let query = router.state.with_untracked(|s| s.query.clone());
        router.navigate(ViewState {
            query,
            ..ViewState::default()
        });
    }
}
