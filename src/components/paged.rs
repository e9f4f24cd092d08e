//! Runs a search for the current view state, one page of results at a time.
//!
//! The search runs again when the query, filters or sort change (not when a
//! document opens), and the page size goes back to one page when they do.

use corpus_search::SearchRequest;
use corpus_views::requests::request_for;
use leptos::prelude::*;

use crate::routing::Router;

/// Results that grow a page at a time.
pub struct Paged<T: Send + Sync + 'static> {
    pub results: Memo<T>,
    limit: RwSignal<usize>,
    page: usize,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Send + Sync + 'static> Paged<T> {
    /// Runs `search` for the current state, `page` results at a time.
    pub fn new(page: usize, search: fn(&SearchRequest) -> T) -> Self {
        let router = Router::get();
        let key = Memo::new(move |_| {
            router
                .state
                .with(|s| (s.query.clone(), s.filters.clone(), s.sort))
        });
        let limit = RwSignal::new(page);
        let results = Memo::new_with_compare(
            move |_| {
                key.track();
                search(&request_for(&router.state.get_untracked(), limit.get()))
            },
            |_, _| true,
        );
        Effect::new(move |previous: Option<()>| {
            key.track();
            // Setting a signal notifies even when the value is unchanged, and
            // the results would then be searched a second time per keystroke.
            if previous.is_some() && limit.get_untracked() != page {
                limit.set(page);
            }
        });
        Paged {
            results,
            limit,
            page,
        }
    }

    /// Shows one more page.
    pub fn more(&self) {
        self.limit.update(|l| *l += self.page);
    }
}
