//! The explorer's whole view state, and its round trip through a URL query.
//!
//! Invariant: `ViewState::from_query(&s.to_query()) == s` for every state
//! whose query is within [`corpus_search::query::MAX_QUERY_CHARS`], so a
//! shared link reproduces exactly what the sender saw. Unknown parameters
//! and malformed values are ignored, never an error: a hand-edited link
//! still opens. A longer `q` is cut to the limit, as the search box would.
//!
//! ```text
//! ?view=quotes&q=visa&f.speaker=Jeremy+Hunt&f.kind=direct&sort=newest
//! ```

use std::collections::BTreeMap;

use corpus_search::query::cut_to_limit;
use corpus_search::Sort;

/// Which view is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Search,
    Reader,
    Quotes,
    People,
    Entity,
    Timeline,
    /// What the corpus holds and what the build left out.
    About,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Search,
        View::Reader,
        View::Quotes,
        View::People,
        View::Entity,
        View::Timeline,
        View::About,
    ];

    /// The name used in the URL.
    pub fn name(self) -> &'static str {
        match self {
            View::Search => "search",
            View::Reader => "read",
            View::Quotes => "quotes",
            View::People => "people",
            View::Entity => "entity",
            View::Timeline => "timeline",
            View::About => "about",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Everything a link must carry to reproduce a view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    /// The search query (`q`).
    pub query: String,
    /// Selected facet values by facet name (`f.NAME`, repeated).
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: Sort,
    /// The open document, by its file path (`doc`): stable across rebuilds.
    pub doc: Option<String>,
    /// The open person, organisation or place, by canonical name (`entity`).
    pub entity: Option<String>,
    /// A quote to scroll to in the reader, by its index in the document (`quote`).
    pub quote: Option<u32>,
    /// The compact layout for iframes (`embed=1`).
    pub embed: bool,
}

const FILTER_PREFIX: &str = "f.";
/// Most facet values a link may select; the rest are ignored, so a crafted
/// link cannot make every keystroke filter by thousands of values.
pub const MAX_LINK_FILTER_VALUES: usize = 64;
/// Longest facet name or value a link may carry, in bytes; longer ones name
/// nothing in any corpus and are ignored.
pub const MAX_LINK_FILTER_BYTES: usize = 500;

impl ViewState {
    /// Reads a state from a URL query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.into_owned();
            match key.as_ref() {
                "view" => state.view = View::from_name(&value).unwrap_or_default(),
                "q" => state.query = cut_to_limit(&value).to_string(),
                "sort" => state.sort = value.parse().unwrap_or_default(),
                "doc" if !value.is_empty() => state.doc = Some(value),
                "entity" if !value.is_empty() => state.entity = Some(value),
                "quote" => state.quote = value.parse().ok(),
                "embed" => state.embed = value == "1" || value == "true",
                key => {
                    if let Some(name) = key.strip_prefix(FILTER_PREFIX) {
                        let selected: usize = state.filters.values().map(Vec::len).sum();
                        let fits = |s: &str| !s.is_empty() && s.len() <= MAX_LINK_FILTER_BYTES;
                        if fits(name) && fits(&value) && selected < MAX_LINK_FILTER_VALUES {
                            let values = state.filters.entry(name.to_string()).or_default();
                            if !values.contains(&value) {
                                values.push(value);
                            }
                        }
                    }
                }
            }
        }
        state
    }

    /// Writes the state as a URL query string starting with `?`, leaving out
    /// defaults so links stay short. The empty default state gives `?`.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        if self.view != View::Search {
            out.append_pair("view", self.view.name());
        }
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        for (name, values) in &self.filters {
            for value in values {
                out.append_pair(&format!("{FILTER_PREFIX}{name}"), value);
            }
        }
        if self.sort != Sort::Relevance {
            out.append_pair("sort", self.sort.as_str());
        }
        if let Some(doc) = &self.doc {
            out.append_pair("doc", doc);
        }
        if let Some(entity) = &self.entity {
            out.append_pair("entity", entity);
        }
        if let Some(quote) = self.quote {
            out.append_pair("quote", &quote.to_string());
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        out.finish()
    }

    /// Adds a filter value, or removes it if it is already selected.
    pub fn toggle_filter(&mut self, name: &str, value: &str) {
        let values = self.filters.entry(name.to_string()).or_default();
        if let Some(i) = values.iter().position(|v| v == value) {
            values.remove(i);
        } else {
            values.push(value.to_string());
        }
        if values.is_empty() {
            self.filters.remove(name);
        }
    }

    /// True if `value` is selected for facet `name`.
    pub fn is_selected(&self, name: &str, value: &str) -> bool {
        self.filters
            .get(name)
            .is_some_and(|v| v.iter().any(|x| x == value))
    }
}

#[cfg(test)]
mod tests {
    //! Properties checked:
    //! 1. Every state survives a round trip through its query string.
    //! 2. Defaults are left out of the query string.
    //! 3. Unknown keys and malformed values are ignored, not errors.
    //! 4. Toggling a filter twice restores the state.
    use super::*;
    use corpus_search::query::MAX_QUERY_CHARS;

    fn sample_states() -> Vec<ViewState> {
        let mut with_filters = ViewState {
            query: "health & care \"visa\" -brexit".into(),
            ..Default::default()
        };
        with_filters.toggle_filter("speaker", "Jeremy Hunt");
        with_filters.toggle_filter("speaker", "Matt Hancock");
        with_filters.toggle_filter("source", "HSJ=news?&#");
        vec![
            ViewState::default(),
            with_filters,
            ViewState {
                view: View::Reader,
                doc: Some("sub dir/ünïcode £.txt".into()),
                quote: Some(3),
                embed: true,
                ..Default::default()
            },
            ViewState {
                view: View::Entity,
                entity: Some("Jeremy Hunt".into()),
                sort: Sort::Oldest,
                ..Default::default()
            },
            ViewState {
                view: View::Timeline,
                sort: Sort::Newest,
                ..Default::default()
            },
        ]
    }

    #[test]
    fn round_trip_preserves_every_state() {
        for state in sample_states() {
            let query = state.to_query();
            assert_eq!(ViewState::from_query(&query), state, "query: {query}");
        }
    }

    #[test]
    fn defaults_are_left_out() {
        assert_eq!(ViewState::default().to_query(), "?");
        let state = ViewState {
            view: View::Quotes,
            query: "visa".into(),
            ..Default::default()
        };
        assert_eq!(state.to_query(), "?view=quotes&q=visa");
    }

    #[test]
    fn malformed_input_is_ignored() {
        let cases = [
            (
                "view=nonsense&q=visa",
                ViewState {
                    query: "visa".into(),
                    ..Default::default()
                },
            ),
            ("quote=abc&sort=sideways&f.=x&f.kind=", ViewState::default()),
            (
                "?%zz=1&q=%E2%80%9Cvisa%E2%80%9D",
                ViewState {
                    query: "“visa”".into(),
                    ..Default::default()
                },
            ),
            ("embed=0&doc=", ViewState::default()),
            (
                &format!(
                    "f.kind={}&f.{}=x",
                    "v".repeat(MAX_LINK_FILTER_BYTES + 1),
                    "n".repeat(MAX_LINK_FILTER_BYTES + 1)
                ),
                ViewState::default(),
            ),
            (
                &(0..MAX_LINK_FILTER_VALUES + 10)
                    .map(|i| format!("f.year={i}"))
                    .collect::<Vec<_>>()
                    .join("&"),
                ViewState {
                    filters: BTreeMap::from([(
                        "year".to_string(),
                        (0..MAX_LINK_FILTER_VALUES).map(|i| i.to_string()).collect(),
                    )]),
                    ..Default::default()
                },
            ),
            (
                &format!("q={}", "ab".repeat(MAX_QUERY_CHARS)),
                ViewState {
                    query: "ab".repeat(MAX_QUERY_CHARS / 2),
                    ..Default::default()
                },
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(ViewState::from_query(input), expected, "input: {input}");
        }
    }

    #[test]
    fn toggling_twice_restores_the_state() {
        let mut state = ViewState::default();
        state.toggle_filter("year", "2018");
        assert!(state.is_selected("year", "2018"));
        state.toggle_filter("year", "2018");
        assert_eq!(state, ViewState::default());
    }
}
