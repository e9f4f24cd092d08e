//! Entry point: shows progress while the corpus downloads, then mounts the
//! explorer, or a plain message saying why the corpus could not be read.

mod app;
mod components;
mod data;
mod embed;
mod routing;

use corpus_views::failure::{download_failure_message, load_failure_message};
use leptos::prelude::*;

use crate::app::{App, LoadFailure, Loading};
use crate::data::LoadError;

/// Where the start-up is: bytes arriving, the explorer open, or a failure.
#[derive(Clone)]
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

/// Downloads the corpus with a progress bar, then becomes the explorer.
#[component]
fn Start() -> impl IntoView {
    let stage = RwSignal::new(Stage::Loading);
    let progress = RwSignal::new((0u64, 0u64));
    leptos::task::spawn_local(async move {
        let loaded = data::load(move |received, total| progress.set((received, total))).await;
        stage.set(match loaded {
            Ok(()) => Stage::Ready,
            Err(LoadError::Download(detail)) => Stage::Failed(download_failure_message(&detail)),
            Err(LoadError::Bundle(error)) => Stage::Failed(load_failure_message(&error)),
        });
        announce_started();
    });
    move || match stage.get() {
        Stage::Loading => view! { <Loading progress=progress /> }.into_any(),
        Stage::Ready => view! { <App /> }.into_any(),
        Stage::Failed(message) => view! { <LoadFailure message=message /> }.into_any(),
    }
}
