//! Embed mode: the explorer inside another site's `<iframe>`.
//!
//! Embed mode is on when the URL says `embed=1` or when the page is framed
//! (`window.top != window.self`). It then talks to its parent window with
//! `postMessage`, in a small protocol that `embed/loader.js` speaks on the
//! host side:
//!
//! ```text
//! explorer → host  {type: "corpus-explorer:ready", version: 1}
//!                  once, when the explorer listens for messages
//! explorer → host  {type: "corpus-explorer:height", height: 812}
//!                  the content height in CSS pixels, whenever it changes
//! host → explorer  {type: "corpus-explorer:hello"}
//!                  asks for `ready` and the height again (a host script
//!                  that loaded late missed them)
//! host → explorer  {type: "corpus-explorer:set", query: "visa",
//!                   filters: {speaker: ["Jeremy Hunt"]}, view: "quotes",
//!                   sort: "newest"}
//!                  every field optional; the given ones replace the current
//! ```
//!
//! Messages are read field by field from the posted object: a `set` with a
//! field it does not know, or a field of the wrong type, is refused whole;
//! fields that are `null` or `undefined` count as absent; a `hello` ignores
//! its other fields. Values that are not objects, and objects whose `type`
//! is not a string starting with `corpus-explorer:`, are other scripts'
//! messages and are ignored without a warning.
//!
//! Invariant: a message changes the view state only if it comes from the
//! parent window, decodes into [`HostMessage`] and passes [`apply`]'s checks;
//! everything else is ignored. Message text only ever reaches the state as
//! plain strings (rendered as text, never as HTML), and it is applied with
//! [`Router::replace`], so the host's Back button is not filled with entries.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

use corpus_search::query::MAX_QUERY_CHARS;
use corpus_search::Sort;
use corpus_views::state::{View, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::routing::Router;

/// The prefix of every message type in the protocol.
const TYPE_PREFIX: &str = "corpus-explorer:";
/// The protocol version sent with `ready`.
const PROTOCOL_VERSION: u32 = 1;
/// The class on `<html>` that switches the stylesheet to the compact layout.
const EMBED_CLASS: &str = "embed";

/// Limits on what a host may send, so a message cannot make the page slow
/// (the query's is the engine's own, shared with links and the search box).
const MAX_FACETS: usize = 16;
const MAX_FACET_NAME_CHARS: usize = 40;
const MAX_VALUES_PER_FACET: usize = 50;
const MAX_VALUE_CHARS: usize = 200;

/// The fields a `corpus-explorer:set` message may have, its `type` included.
const SET_FIELDS: [&str; 5] = ["type", "query", "filters", "view", "sort"];

/// A message from the host page, decoded from `event.data` by [`decode`].
#[derive(Debug)]
pub enum HostMessage {
    /// Asks the explorer to say `ready` and post its height again.
    Hello,
    /// Sets the query, filters, view or order; absent fields stay as they are.
    Set(SetRequest),
}

/// The fields of a `corpus-explorer:set` message.
#[derive(Debug, Default)]
pub struct SetRequest {
    pub query: Option<String>,
    /// Facet name → selected values; replaces every current filter.
    pub filters: Option<BTreeMap<String, Vec<String>>>,
    /// `search`, `quotes`, `people` or `timeline`.
    pub view: Option<String>,
    /// `relevance`, `newest` or `oldest`.
    pub sort: Option<String>,
}

/// A message to the host page.
enum ExplorerMessage {
    /// `{type: "corpus-explorer:ready", version}`
    Ready { version: u32 },
    /// `{type: "corpus-explorer:height", height}`
    Height { height: u32 },
}

impl ExplorerMessage {
    /// The plain object posted to the host.
    fn to_js(&self) -> JsValue {
        let (kind, field, value) = match *self {
            Self::Ready { version } => ("corpus-explorer:ready", "version", version),
            Self::Height { height } => ("corpus-explorer:height", "height", height),
        };
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
        let _ = js_sys::Reflect::set(&object, &field.into(), &value.into());
        object.into()
    }
}

/// Turns embed mode on when the page is framed and, in embed mode, starts
/// reporting the height and listening to the host. Returns whether the page
/// is in embed mode.
pub fn install(router: Router) -> bool {
    let framed = is_framed();
    if framed && !router.state.with_untracked(|s| s.embed) {
        router.replace(|s| s.embed = true);
    }
    if !router.state.with_untracked(|s| s.embed) {
        return false;
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1(EMBED_CLASS);
    }
    if framed {
        listen_to_host(router);
        post_to_parent(&ExplorerMessage::Ready {
            version: PROTOCOL_VERSION,
        });
        report_height_changes();
    }
    true
}

/// The link that leaves the iframe: the same state, full layout, new tab.
#[component]
pub fn FullExplorerLink() -> impl IntoView {
    let router = Router::get();
    let href = move || {
        router.state.with(|s| {
            ViewState {
                embed: false,
                ..s.clone()
            }
            .to_query()
        })
    };
    view! {
        <a class="full-explorer-link" href=href target="_blank" rel="noopener">
            "Open in full explorer"
            <span aria-hidden="true">" ↗"</span>
            <span class="visually-hidden">" (opens in a new tab)"</span>
        </a>
    }
}

/// Applies a host's request to a state, or says why it is refused.
pub fn apply(request: SetRequest, state: &ViewState) -> Result<ViewState, String> {
    let mut next = state.clone();
    let searches = request.query.is_some() || request.filters.is_some();
    let view = match request.view.as_deref() {
        None => None,
        Some(name) => match View::from_name(name) {
            Some(view @ (View::Search | View::Quotes | View::People | View::Timeline)) => {
                Some(view)
            }
            Some(_) => {
                return Err(format!(
                    "view \"{name}\" needs a document or a name; link to it instead"
                ))
            }
            None => return Err(format!("unknown view \"{name}\"")),
        },
    };
    if let Some(query) = request.query {
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(format!("query longer than {MAX_QUERY_CHARS} characters"));
        }
        if query.chars().any(char::is_control) {
            return Err("query with control characters".to_string());
        }
        next.query = query;
    }
    if let Some(filters) = request.filters {
        next.filters = checked_filters(filters)?;
    }
    if let Some(sort) = request.sort {
        next.sort = sort.parse::<Sort>().map_err(|e| e.to_string())?;
    }
    // A new search from the reader or a name's page shows its results, as
    // typing into the search box does.
    let target = match view {
        Some(view) => view,
        None if searches && matches!(state.view, View::Reader | View::Entity) => View::Search,
        None => state.view,
    };
    if target != state.view {
        next.view = target;
        next.doc = None;
        next.entity = None;
        next.quote = None;
    }
    Ok(next)
}

fn checked_filters(
    filters: BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    if filters.len() > MAX_FACETS {
        return Err(format!("more than {MAX_FACETS} facets"));
    }
    let mut checked = BTreeMap::new();
    for (name, values) in filters {
        let name_ok = !name.is_empty()
            && name.len() <= MAX_FACET_NAME_CHARS
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !name_ok {
            return Err(format!("facet name {name:?} is not a facet name"));
        }
        if values.len() > MAX_VALUES_PER_FACET {
            return Err(format!(
                "more than {MAX_VALUES_PER_FACET} values for facet \"{name}\""
            ));
        }
        let mut kept: Vec<String> = Vec::with_capacity(values.len());
        for value in values {
            let count = value.chars().count();
            if count == 0 || count > MAX_VALUE_CHARS || value.chars().any(char::is_control) {
                return Err(format!("value {value:?} of facet \"{name}\" is empty, too long or has control characters"));
            }
            if !kept.contains(&value) {
                kept.push(value);
            }
        }
        if !kept.is_empty() {
            checked.insert(name, kept);
        }
    }
    Ok(checked)
}

/// True when the page is inside a frame.
fn is_framed() -> bool {
    let this = window();
    match this.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &this),
        // No access to `top` at all means something framed us.
        Ok(None) | Err(_) => true,
    }
}

fn parent_window() -> Option<web_sys::Window> {
    window().parent().ok().flatten()
}

fn post_to_parent(message: &ExplorerMessage) {
    let Some(parent) = parent_window() else {
        return;
    };
    // The height is not a secret and the host's origin is unknown, so any
    // parent may read these messages.
    if let Err(e) = parent.post_message(&message.to_js(), "*") {
        leptos::logging::warn!("cannot post to the host page: {e:?}");
    }
}

/// Handles the parent's messages for the lifetime of the page.
fn listen_to_host(router: Router) {
    let handle = window_event_listener(ev::message, move |event: web_sys::MessageEvent| {
        let from_parent = match (event.source(), parent_window()) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        if !from_parent {
            return;
        }
        match decode(&event.data()) {
            Some(Ok(HostMessage::Hello)) => {
                post_to_parent(&ExplorerMessage::Ready {
                    version: PROTOCOL_VERSION,
                });
                if let Some(height) = body_height() {
                    post_to_parent(&ExplorerMessage::Height { height });
                }
            }
            Some(Ok(HostMessage::Set(request))) => {
                let current = router.state.get_untracked();
                match apply(request, &current) {
                    Ok(next) if next != current => router.replace(|s| *s = next),
                    Ok(_) => {}
                    Err(reason) => {
                        leptos::logging::warn!("ignored a message from the host page: {reason}")
                    }
                }
            }
            Some(Err(e)) => {
                leptos::logging::warn!("ignored a malformed message from the host page: {e}");
            }
            // Other scripts message frames too: only complain about ours.
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Reads a posted value: `None` when it is not in this protocol, else the
/// message or why it is malformed.
fn decode(data: &JsValue) -> Option<Result<HostMessage, String>> {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return None;
    }
    let kind = field(data, "type").as_string()?;
    Some(match kind.strip_prefix(TYPE_PREFIX)? {
        "hello" => Ok(HostMessage::Hello),
        "set" => decode_set(data).map(HostMessage::Set),
        _ => Err(format!("unknown message type \"{kind}\"")),
    })
}

fn decode_set(data: &JsValue) -> Result<SetRequest, String> {
    for key in js_sys::Object::keys(data.unchecked_ref::<js_sys::Object>()) {
        let key = key.as_string().unwrap_or_default();
        if !SET_FIELDS.contains(&key.as_str()) {
            return Err(format!("unknown field \"{key}\""));
        }
    }
    let filters = match present(field(data, "filters")) {
        Some(filters) => Some(decode_filters(&filters)?),
        None => None,
    };
    Ok(SetRequest {
        query: string_field(data, "query")?,
        filters,
        view: string_field(data, "view")?,
        sort: string_field(data, "sort")?,
    })
}

/// Facet name → list of strings, from a plain object of arrays.
fn decode_filters(filters: &JsValue) -> Result<BTreeMap<String, Vec<String>>, String> {
    const NOT_A_MAP: &str = "filters are not an object of string arrays";
    if !filters.is_object() || js_sys::Array::is_array(filters) {
        return Err(NOT_A_MAP.into());
    }
    let mut decoded = BTreeMap::new();
    for name in js_sys::Object::keys(filters.unchecked_ref::<js_sys::Object>()) {
        let values = js_sys::Reflect::get(filters, &name).unwrap_or_default();
        if !js_sys::Array::is_array(&values) {
            return Err(NOT_A_MAP.into());
        }
        let strings = values
            .unchecked_into::<js_sys::Array>()
            .iter()
            .map(|value| value.as_string().ok_or(NOT_A_MAP))
            .collect::<Result<_, _>>()?;
        decoded.insert(name.as_string().unwrap_or_default(), strings);
    }
    Ok(decoded)
}

/// A property of a posted object (`undefined` when it cannot be read).
fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &name.into()).unwrap_or_default()
}

/// A value unless it is `null` or `undefined`.
fn present(value: JsValue) -> Option<JsValue> {
    (!value.is_null_or_undefined()).then_some(value)
}

/// An optional string property: absent, or a string, or an error.
fn string_field(data: &JsValue, name: &str) -> Result<Option<String>, String> {
    present(field(data, name))
        .map(|value| {
            value
                .as_string()
                .ok_or_else(|| format!("field \"{name}\" is not a string"))
        })
        .transpose()
}

/// The height of the page's content in CSS pixels.
fn body_height() -> Option<u32> {
    let height = document().body()?.get_bounding_client_rect().height();
    Some(height.ceil().max(0.0) as u32)
}

/// Posts the body's height to the parent now and whenever it changes.
fn report_height_changes() {
    let Some(body) = document().body() else {
        return;
    };
    let last = Rc::new(Cell::new(0u32));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let Some(height) = body_height() else { return };
        if height != last.replace(height) {
            post_to_parent(&ExplorerMessage::Height { height });
        }
    });
    match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        Ok(observer) => observer.observe(&body),
        Err(e) => leptos::logging::warn!("cannot watch the page height: {e:?}"),
    }
    // The observer calls back for as long as the page lives.
    on_resize.forget();
}

#[cfg(test)]
mod tests {
    //! Properties checked:
    //! 1. Given fields replace the state's; absent fields keep it.
    //! 2. Changing the view closes the open document or name.
    //! 3. Out-of-range input is refused with a reason, the state untouched.
    use super::*;

    fn reading() -> ViewState {
        ViewState {
            view: View::Reader,
            doc: Some("a.txt".into()),
            quote: Some(2),
            embed: true,
            ..Default::default()
        }
    }

    #[test]
    fn accepted_requests_update_the_state() {
        let speaker = BTreeMap::from([(
            "speaker".to_string(),
            vec!["Jeremy Hunt".to_string(), "Jeremy Hunt".to_string()],
        )]);
        let cases = [
            (
                "query only keeps the view",
                SetRequest {
                    query: Some("visa".into()),
                    ..Default::default()
                },
                ViewState {
                    view: View::Quotes,
                    embed: true,
                    ..Default::default()
                },
                ViewState {
                    view: View::Quotes,
                    query: "visa".into(),
                    embed: true,
                    ..Default::default()
                },
            ),
            (
                "query in the reader goes back to search",
                SetRequest {
                    query: Some("<b>nurses</b>".into()),
                    ..Default::default()
                },
                reading(),
                ViewState {
                    query: "<b>nurses</b>".into(),
                    embed: true,
                    ..Default::default()
                },
            ),
            (
                "filters are deduplicated and sort is read",
                SetRequest {
                    filters: Some(speaker),
                    sort: Some("newest".into()),
                    view: Some("quotes".into()),
                    ..Default::default()
                },
                ViewState::default(),
                ViewState {
                    view: View::Quotes,
                    filters: BTreeMap::from([(
                        "speaker".to_string(),
                        vec!["Jeremy Hunt".to_string()],
                    )]),
                    sort: Sort::Newest,
                    ..Default::default()
                },
            ),
            (
                "an empty request changes nothing",
                SetRequest::default(),
                reading(),
                reading(),
            ),
        ];
        for (name, request, state, expected) in cases {
            assert_eq!(apply(request, &state), Ok(expected), "case: {name}");
        }
    }

    #[test]
    fn invalid_requests_are_refused() {
        let cases = [
            (
                "unknown view",
                SetRequest {
                    view: Some("admin".into()),
                    ..Default::default()
                },
            ),
            (
                "reader needs a document",
                SetRequest {
                    view: Some("read".into()),
                    ..Default::default()
                },
            ),
            (
                "long query",
                SetRequest {
                    query: Some("a".repeat(MAX_QUERY_CHARS + 1)),
                    ..Default::default()
                },
            ),
            (
                "control characters",
                SetRequest {
                    query: Some("visa\u{0}".into()),
                    ..Default::default()
                },
            ),
            (
                "unknown sort",
                SetRequest {
                    sort: Some("random".into()),
                    ..Default::default()
                },
            ),
            (
                "bad facet name",
                SetRequest {
                    filters: Some(BTreeMap::from([("a b".to_string(), vec!["x".to_string()])])),
                    ..Default::default()
                },
            ),
            (
                "empty facet value",
                SetRequest {
                    filters: Some(BTreeMap::from([("year".to_string(), vec![String::new()])])),
                    ..Default::default()
                },
            ),
        ];
        for (name, request) in cases {
            assert!(apply(request, &reading()).is_err(), "case: {name}");
        }
    }
}
