//! Entry point: shows progress while the corpus's index downloads, then
//! mounts the explorer, or a plain message saying why the corpus could not
//! be read.

mod app;
mod components;
mod data;
mod embed;
mod routing;

use leptos::prelude::*;

use crate::app::{App, LoadFailure, Loading};

/// Where the start-up is: the index arriving, the explorer open, or a
/// failure.
#[derive(Clone, PartialEq)]
enum Stage {
    Loading,
    Ready,
    Failed(String),
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Start);
}

/// Tells pwa/sw-register.js that the page is done downloading, by an
/// attribute on `<html>` (for a script that looks later) and an event.
fn announce_started() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-corpus-started", "");
    }
    if let Ok(event) = web_sys::Event::new("corpus-explorer:started") {
        let _ = window().dispatch_event(&event);
    }
}

/// Downloads the corpus with a progress bar, then becomes the explorer as
/// soon as the index is in; the documents' contents arrive behind it.
#[component]
fn Start() -> impl IntoView {
    let stage = RwSignal::new(Stage::Loading);
    leptos::task::spawn_local(async move {
        let loaded = data::load(move || stage.set(Stage::Ready)).await;
        // Once the explorer is open, a late failure shows in its header and
        // in the views that wait for the contents (`data::contents`).
        match loaded {
            Err(error) if stage.get_untracked() == Stage::Loading => {
                stage.set(Stage::Failed(error.message()));
            }
            _ => {}
        }
        announce_started();
    });
    move || match stage.get() {
        Stage::Loading => view! { <Loading /> }.into_any(),
        Stage::Ready => view! { <App /> }.into_any(),
        Stage::Failed(message) => view! { <LoadFailure message=message /> }.into_any(),
    }
}
