//! Typing a filter and applying its answers: the article list's, the
//! sidebar's and the official finder's. Split from [`super::update`].

use super::action::{Action, Pane};
use super::search::{SearchRequest, SearchResult, SearchTarget};
use super::state::{FilterStats, FinderState, State, TextFilter};
use super::update::{move_in, normal_action};
use super::{list, sidebar};

/// The list whose filter the user is typing, if any.
pub(super) fn editing_target(state: &State) -> Option<SearchTarget> {
    if state.list.filter.editing {
        Some(SearchTarget::Articles)
    } else if state.sidebar.filter.editing {
        Some(SearchTarget::Entities)
    } else {
        None
    }
}

pub(super) fn editing_action(state: &mut State, action: Action) {
    let Some(target) = editing_target(state) else {
        return;
    };
    match action {
        Action::Input(c) => edit(state, target, |t| t.push(c)),
        Action::Paste(text) => edit(state, target, |t| t.push_str(&pasted(&text))),
        Action::DeleteBack => edit(state, target, |t| {
            t.pop();
        }),
        Action::ClearInput => edit(state, target, String::clear),
        Action::Back => clear_filter(state, target),
        Action::Activate => filter_mut(state, target).editing = false,
        Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
            let pane = match target {
                SearchTarget::Entities => Pane::Sidebar,
                _ => Pane::List,
            };
            move_in(state, pane, &action);
        }
        other => {
            filter_mut(state, target).editing = false;
            normal_action(state, other);
        }
    }
}

/// Pasted text as a filter takes it, on one line: line breaks and tabs
/// become spaces (a trailing line break, as copied with a line, is
/// dropped), and characters that must not reach the terminal are left out.
pub(super) fn pasted(text: &str) -> String {
    text.trim_end_matches(['\n', '\r'])
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if crate::corpus::sanitize::is_forbidden(c) => None,
            c => Some(c),
        })
        .collect()
}

pub(super) fn filter_mut(state: &mut State, target: SearchTarget) -> &mut TextFilter {
    match target {
        SearchTarget::Articles => &mut state.list.filter,
        SearchTarget::Entities => &mut state.sidebar.filter,
        SearchTarget::Officials => {
            &mut state.finder.get_or_insert_with(FinderState::default).filter
        }
    }
}

/// Changes a filter's text and queues a search for it (or clears it when empty).
pub(super) fn edit(state: &mut State, target: SearchTarget, change: impl FnOnce(&mut String)) {
    change(&mut filter_mut(state, target).text);
    if filter_mut(state, target).is_active() {
        request(state, target);
    } else {
        let f = filter_mut(state, target);
        f.hits = None;
        f.stats = None;
        f.pending = false;
        f.generation = 0;
        apply_hits(state, target);
    }
}

/// Queues a search of a filter's current text, superseding older ones.
pub(super) fn request(state: &mut State, target: SearchTarget) {
    let Some(lib) = state.lib.clone() else {
        return;
    };
    state.generation += 1;
    let generation = state.generation;
    let index = match target {
        SearchTarget::Articles => lib.article_search.clone(),
        // While the library has no entities, the open article's found rows.
        SearchTarget::Entities => {
            super::found::index(state).unwrap_or_else(|| state.sidebar.index.clone())
        }
        SearchTarget::Officials => lib.official_search.clone(),
    };
    let f = filter_mut(state, target);
    f.generation = generation;
    f.pending = true;
    let query = f.text.clone();
    state.requests.retain(|r| r.target != target);
    state.requests.push(SearchRequest {
        target,
        generation,
        query,
        index,
    });
}

pub(super) fn search_done(state: &mut State, result: SearchResult) {
    if state.lib.is_none() || (result.target == SearchTarget::Officials && state.finder.is_none()) {
        return;
    }
    let f = filter_mut(state, result.target);
    if result.generation != f.generation || !f.is_active() {
        return; // stale: a newer request (or a cleared filter) supersedes it
    }
    f.pending = false;
    f.stats = Some(FilterStats {
        matches: result.hits.len(),
        elapsed: result.elapsed,
    });
    f.hits = Some(result.hits);
    apply_hits(state, result.target);
}

/// Makes a list show what its filter now says.
pub(super) fn apply_hits(state: &mut State, target: SearchTarget) {
    match target {
        SearchTarget::Articles => list::recompute(state),
        SearchTarget::Entities => {
            sidebar::set_visible(state);
            super::found::set_view(state);
            if let Some(carried) = state.sidebar.carried.take() {
                super::found::carry(state, carried);
            }
        }
        SearchTarget::Officials => {
            let n = state.lib.as_ref().map_or(0, |l| l.entities.officials.len());
            if let Some(f) = &mut state.finder {
                f.visible = match f.filter.hits.as_ref().filter(|_| f.filter.is_active()) {
                    Some(hits) => hits.iter().map(|h| h.index()).filter(|&i| i < n).collect(),
                    None => (0..n).collect(),
                };
                f.selected = 0;
                f.offset = 0;
            }
        }
    }
}

pub(super) fn clear_filter(state: &mut State, target: SearchTarget) {
    let f = filter_mut(state, target);
    *f = TextFilter::default();
    state.requests.retain(|r| r.target != target);
    apply_hits(state, target);
}
