//! The query syntax, one click away.

use leptos::prelude::*;

#[component]
pub fn QueryHelp() -> impl IntoView {
    view! {
        <details class="query-help">
            <summary>"Search tips"</summary>
            <dl>
                <dt><code>"visa nurses"</code></dt>
                <dd>"Paragraphs with both words; small typos and word endings are forgiven."</dd>
                <dt><code>"\"health and care visa\""</code></dt>
                <dd>"The exact phrase."</dd>
                <dt><code>"recruitment -brexit"</code></dt>
                <dd>"Leave out paragraphs with a word."</dd>
                <dt><code>"visa OR visas"</code></dt>
                <dd>"Either word."</dd>
                <dt><code>"speaker:hunt"</code>" "<code>"source:hsj"</code>" "<code>"kind:letter"</code>" "<code>"year:2018"</code></dt>
                <dd>"Only quotes by a speaker, or documents from a source, of a kind or a year. Also "<code>"person:"</code>", "<code>"org:"</code>" and "<code>"place:"</code>"."</dd>
            </dl>
            <p>"Keys: "<kbd>"/"</kbd>" search, "<kbd>"↓"</kbd>" "<kbd>"↑"</kbd>" move through results, "<kbd>"Enter"</kbd>" open, "<kbd>"Esc"</kbd>" clear or go back."</p>
        </details>
    }
}
