//! Which search each view runs, and which state its links lead to.
//!
//! Invariant: a view's search depends only on the query, filters and sort
//! of its state, never on the open document, entity or quote, so opening a
//! document does not search again.

use corpus_search::{Facet, SearchRequest};

use crate::state::{View, ViewState};

/// The search a view state describes, `limit` hits at most.
pub fn request_for(state: &ViewState, limit: usize) -> SearchRequest {
    SearchRequest {
        query: state.query.clone(),
        filters: state.filters.clone(),
        sort: state.sort,
        limit,
    }
}

/// A limit that returns every hit.
const EVERY_HIT: usize = usize::MAX;

/// The search an export runs: the view's, with every hit rather than the
/// page shown.
pub fn export_request(state: &ViewState) -> SearchRequest {
    request_for(state, EVERY_HIT)
}

/// The search whose terms the reader highlights: the query alone, without
/// filters, and no hits (only the terms are used).
pub fn highlight_request(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.to_string(),
        ..SearchRequest::default()
    }
}

/// The results list a reader's "All results" link goes back to: the search
/// the document was opened from.
pub fn results_of(state: &ViewState) -> ViewState {
    ViewState {
        query: state.query.clone(),
        filters: state.filters.clone(),
        sort: state.sort,
        ..ViewState::default()
    }
}

/// A document opened in the reader with `query`'s words highlighted.
pub fn reader_at(file: &str, query: &str) -> ViewState {
    ViewState {
        view: View::Reader,
        doc: Some(file.to_string()),
        query: query.to_string(),
        ..ViewState::default()
    }
}

/// Facets a quote has as well as its document, and so filter the timeline's
/// quote counts too.
const QUOTE_TIMELINE_FACETS: [Facet; 3] = [Facet::Year, Facet::Month, Facet::Speaker];

/// The timeline's two counts-only searches: documents, and quotes under the
/// filters quotes have.
pub fn timeline_requests(state: &ViewState) -> (SearchRequest, SearchRequest) {
    let documents = request_for(state, 0);
    let mut quotes = documents.clone();
    quotes.filters.retain(|name, _| {
        name.parse::<Facet>()
            .is_ok_and(|f| QUOTE_TIMELINE_FACETS.contains(&f))
    });
    (documents, quotes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_search::Sort;

    fn searching() -> ViewState {
        let mut state = ViewState {
            view: View::Reader,
            query: "visa".into(),
            sort: Sort::Newest,
            doc: Some("a.txt".into()),
            quote: Some(2),
            ..ViewState::default()
        };
        state.toggle_filter("speaker", "Jeremy Hunt");
        state.toggle_filter("kind", "letter");
        state
    }

    #[test]
    fn a_request_carries_query_filters_and_sort() {
        let request = request_for(&searching(), 20);
        assert_eq!(request.query, "visa");
        assert_eq!(request.sort, Sort::Newest);
        assert_eq!(request.limit, 20);
        assert_eq!(request.filters, searching().filters);
    }

    #[test]
    fn the_reader_highlights_the_query_alone() {
        let request = highlight_request("visa");
        assert_eq!(request.query, "visa");
        assert!(request.filters.is_empty());
        assert_eq!((request.sort, request.limit), (Sort::Relevance, 0));
    }

    #[test]
    fn back_to_results_keeps_the_search_and_drops_the_document() {
        let back = results_of(&searching());
        assert_eq!(back.view, View::Search);
        assert_eq!((back.doc.as_deref(), back.quote), (None, None));
        assert_eq!(request_for(&back, 20), request_for(&searching(), 20));
        let opened = reader_at("a.txt", "visa");
        assert_eq!(opened.to_query(), "?view=read&q=visa&doc=a.txt");
    }

    #[test]
    fn timeline_quotes_keep_only_the_filters_quotes_have() {
        let (documents, quotes) = timeline_requests(&searching());
        assert_eq!(documents.limit, 0);
        assert_eq!(documents.filters.len(), 2);
        let names: Vec<&String> = quotes.filters.keys().collect();
        assert_eq!(names, ["speaker"]);
    }
}
