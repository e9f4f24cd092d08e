//! Copies text to the clipboard, with a fallback where the async API is absent.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copies `text`; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let clipboard = window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
        return true;
    }
    copy_with_selection(&text)
}

/// The older way: select the text in a hidden textarea and run the copy command.
fn copy_with_selection(text: &str) -> bool {
    let doc = document();
    let Some(area) = doc
        .create_element("textarea")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    area.set_class_name("visually-hidden");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&area);
    area.select();
    let copied = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}
