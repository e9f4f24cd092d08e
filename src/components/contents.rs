//! What the explorer shows while the documents' contents (texts, quotes,
//! mentions) arrive behind an index that already answers queries: a view
//! that needs them waits with a progress bar, the header says they are
//! coming, and a failure to get them is said once, as an alert.

use corpus_views::failure::{contents_loading_message, LOAD_FAILURE_TITLE};
use leptos::prelude::*;

use crate::data::{contents, progress, Contents};

/// `children` once the contents are in; until then, how far they are.
#[component]
pub fn NeedsContents(children: ChildrenFn) -> impl IntoView {
    move || match contents() {
        Contents::Complete => children().into_any(),
        Contents::Arriving => view! {
            <div class="contents-loading" aria-busy="true">
                <ContentsProgress />
            </div>
        }
        .into_any(),
        Contents::Failed(_) => view! {
            <p class="contents-missing">"This view needs the texts, which could not be loaded."</p>
        }
        .into_any(),
    }
}

/// A labelled bar of the bundle's bytes received.
#[component]
fn ContentsProgress() -> impl IntoView {
    let label = move || {
        let (received, total) = progress();
        contents_loading_message(received, total)
    };
    view! {
        <p class="contents-label">{label}</p>
        <progress aria-label=label value=bar_value max=bar_max></progress>
    }
}

/// A progress bar's value: bytes of the bundle received (tracked).
pub fn bar_value() -> u64 {
    progress().0
}

/// A progress bar's maximum: the bundle's size, never under what has
/// arrived (tracked).
pub fn bar_max() -> u64 {
    let (received, total) = progress();
    total.max(received).max(1)
}

/// The header's line on the contents: a bar while they arrive, an alert
/// if they cannot be read, nothing once they are in.
#[component]
pub fn ContentsStatus() -> impl IntoView {
    move || match contents() {
        Contents::Complete => ().into_any(),
        Contents::Arriving => view! {
            <div class="contents-status"><ContentsProgress /></div>
        }
        .into_any(),
        Contents::Failed(message) => view! {
            <div class="contents-failure" role="alert">
                <h2>{LOAD_FAILURE_TITLE}</h2>
                <p>{message}</p>
            </div>
        }
        .into_any(),
    }
}
