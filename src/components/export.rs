//! Client-side downloads of CSV and JSON exports.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Two buttons that export whatever `csv` and `json` produce when clicked.
#[component]
pub fn ExportButtons(
    #[prop(into)] name: String,
    csv: impl Fn() -> String + Send + Sync + 'static,
    json: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let csv_name = format!("{name}.csv");
    let json_name = format!("{name}.json");
    view! {
        <div class="export" role="group" aria-label="Export">
            <button type="button" class="secondary" on:click=move |_| download(&csv_name, "text/csv;charset=utf-8", &csv())>
                "Export CSV"
            </button>
            <button type="button" class="secondary" on:click=move |_| download(&json_name, "application/json", &json())>
                "Export JSON"
            </button>
        </div>
    }
}
