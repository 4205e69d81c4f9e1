//! Filter requests that [`super::update`] queues and a worker answers off the
//! render path. Each request carries a generation; [`super::update`] drops a
//! result whose generation is no longer current.

use super::action::Action;
use super::state::State;
use crate::search::{FilterQuery, FuzzyScorer, Hit, SearchIndex};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Which list a search filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchTarget {
    /// The article list.
    Articles,
    /// The entity sidebar.
    Entities,
    /// The official finder popup.
    Officials,
}

/// One search to run: a query over an index, tagged with its generation.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The list it filters.
    pub target: SearchTarget,
    /// Increases with every request; answers to older ones are stale.
    pub generation: u64,
    /// What the user typed.
    pub query: String,
    /// The documents to search.
    pub index: Arc<SearchIndex>,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    /// The list it filters.
    pub target: SearchTarget,
    /// The generation of the request.
    pub generation: u64,
    /// Matching documents, best first (shared with the index's cache).
    pub hits: Arc<Vec<Hit>>,
    /// How long the search took.
    pub elapsed: Duration,
}

/// Runs a request; `None` when `cancel` was set meanwhile.
pub fn run(
    request: &SearchRequest,
    scorer: &FuzzyScorer,
    cancel: &AtomicBool,
) -> Option<SearchResult> {
    let start = Instant::now();
    let query = FilterQuery::new(&request.query);
    let hits = request.index.filter(&query, scorer, Some(cancel))?;
    Some(SearchResult {
        target: request.target,
        generation: request.generation,
        hits,
        elapsed: start.elapsed(),
    })
}

/// Runs every queued request in place and feeds the results back through
/// [`super::update`]: the synchronous path for tests and headless use.
pub fn run_pending(state: &mut State) {
    let scorer = FuzzyScorer::default();
    let cancel = AtomicBool::new(false);
    while !state.requests.is_empty() {
        let requests = std::mem::take(&mut state.requests);
        for request in requests {
            if let Some(result) = run(&request, &scorer, &cancel) {
                super::update(state, Action::SearchDone(result));
            }
        }
    }
}
