//! Entry point: decodes the embedded corpus, then mounts the explorer, or a
//! plain message saying why the corpus could not be read.

mod app;
mod components;
mod data;
mod embed;
mod routing;

use corpus_views::failure::load_failure_message;
use leptos::prelude::*;

use crate::app::{App, LoadFailure};

fn main() {
    console_error_panic_hook::set_once();
    match data::load() {
        Ok(()) => leptos::mount::mount_to_body(App),
        Err(error) => {
            let message = load_failure_message(&error);
            leptos::mount::mount_to_body(move || view! { <LoadFailure message=message /> })
        }
    }
}
