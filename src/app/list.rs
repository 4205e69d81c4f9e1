//! The article list: which articles show, in which order, and which is selected.

use super::reader;
use super::state::{SortKey, State};
use crate::ui::layout::{areas, inner};
use ratatui::layout::Rect;
use std::collections::BTreeSet;

/// Rebuilds `list.visible` from the filters and sort order, keeping the
/// selected article selected when it is still shown, and opens the selection.
pub fn recompute(state: &mut State) {
    let Some(lib) = state.lib.clone() else {
        return;
    };
    let previous = state.list.selected_article();
    let n = lib.articles().len();
    let entity: Option<BTreeSet<usize>> = state
        .list
        .entity
        .as_ref()
        .map(|e| e.articles.iter().copied().collect());
    let hits = state
        .list
        .filter
        .hits
        .as_ref()
        .filter(|_| state.list.filter.is_active());
    let candidates: Vec<usize> = match hits {
        Some(hits) => hits.iter().map(|h| h.index()).filter(|&i| i < n).collect(),
        None => (0..n).collect(),
    };
    let mut visible: Vec<usize> = candidates
        .into_iter()
        .filter(|i| entity.as_ref().is_none_or(|e| e.contains(i)))
        .filter(|i| !state.list.bookmarks_only || state.bookmarks.contains(i))
        .filter(|i| !state.list.unread_only || !state.read.contains(i))
        .collect();
    match state.list.sort {
        SortKey::Date => lib.date_order().sort(&mut visible),
        SortKey::Title => lib.title_order().sort(&mut visible),
        // hits are best first already; without a filter, load order
        SortKey::Relevance => {}
    }
    state.list.visible = visible;
    state.list.selected = previous
        .and_then(|p| state.list.visible.iter().position(|&i| i == p))
        .unwrap_or(0);
    state.list.offset = 0;
    keep_visible(state);
    open_selected(state);
}

/// Selects row `index` (clamped) and opens its article.
pub fn select(state: &mut State, index: usize) {
    let last = state.list.visible.len().saturating_sub(1);
    state.list.selected = index.min(last);
    keep_visible(state);
    open_selected(state);
}

/// Moves the selection by `delta` rows.
pub fn move_by(state: &mut State, delta: isize) {
    let target = state.list.selected.saturating_add_signed(delta);
    select(state, target);
}

/// Selects the row of an article, if shown.
pub fn select_article(state: &mut State, article: usize) {
    if let Some(pos) = state.list.visible.iter().position(|&i| i == article) {
        select(state, pos);
    }
}

fn open_selected(state: &mut State) {
    let article = state.list.selected_article();
    if article != state.reader.article {
        reader::open(state, article);
    }
}

/// The list pane's inside for the current size and focus.
pub fn list_inner(state: &State) -> Option<Rect> {
    let (w, h) = state.size;
    areas(Rect::new(0, 0, w, h), state.focus).list.map(inner)
}

/// Adjusts the scroll offset so the selected row is on screen.
pub fn keep_visible(state: &mut State) {
    let height = list_inner(state).map_or(1, |r| r.height.max(1) as usize);
    let l = &mut state.list;
    if l.selected < l.offset {
        l.offset = l.selected;
    } else if l.selected >= l.offset + height {
        l.offset = l.selected + 1 - height;
    }
    // no empty rows below the last article while earlier ones are hidden
    l.offset = l.offset.min(l.visible.len().saturating_sub(height));
}
