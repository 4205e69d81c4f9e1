//! The entity sidebar: its rows for the scope, the filtered view and the
//! display lines (group headers, names, `position · institution` lines).

use super::filtering::request;
use super::rows::Rows;
use super::search::SearchTarget;
pub use super::side_layout::{SideLayout, SideLine};
use super::state::{Scope, State};
use crate::app::Pane;
use crate::entities::EntityKind;
use crate::search::SearchIndex;
use crate::ui::layout::{areas, inner};
use ratatui::layout::Rect;
use std::sync::Arc;

/// The order of groups.
pub const GROUPS: [EntityKind; 5] = [
    EntityKind::Official,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Program,
    EntityKind::Figure,
];

/// Where `kind`'s group comes in [`GROUPS`].
pub(super) fn group_rank(kind: EntityKind) -> usize {
    GROUPS
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(GROUPS.len())
}

/// Rebuilds the rows for the scope (and the open article), resets the
/// selection, and re-runs an active filter over the new rows. While the
/// library has no entities, asks for the open article's apart.
pub fn refresh_rows(state: &mut State) {
    super::found::want(state);
    let Some(lib) = state.lib.clone() else {
        return;
    };
    let (rows, index) = match (state.sidebar.scope, state.reader.article) {
        (Scope::Corpus, _) => {
            if state.sidebar.rows.is_corpus_of(&lib) {
                return;
            }
            (Rows::Corpus(lib.clone()), lib.corpus_row_search.clone())
        }
        (Scope::Article, Some(a)) => {
            let rows = lib.article_rows(a);
            let index = lib.row_index(&rows);
            (Rows::from(rows), Arc::new(index))
        }
        (Scope::Article, None) => (Rows::default(), Arc::new(SearchIndex::default())),
    };
    let s = &mut state.sidebar;
    s.rows = rows;
    s.index = index;
    s.selected = 0;
    s.offset = 0;
    refilter(state);
}

/// Drops the sidebar filter's answer, which was for other rows, and asks
/// again for the rows now shown (the library's or the found ones) when a
/// filter is typed.
pub fn refilter(state: &mut State) {
    let filter = &mut state.sidebar.filter;
    filter.hits = None;
    filter.stats = None;
    set_visible(state);
    if state.sidebar.filter.is_active() {
        request(state, SearchTarget::Entities);
    }
}

/// Recomputes `visible` from the filter's hits (grouped by kind, best first
/// within a group) or all rows.
pub fn set_visible(state: &mut State) {
    let s = &mut state.sidebar;
    let n = s.rows.len();
    s.visible = match s.filter.hits.as_ref().filter(|_| s.filter.is_active()) {
        Some(hits) => by_group(&s.rows, hits.iter().map(|h| h.index()).filter(|&i| i < n)),
        None => (0..n).collect(),
    };
    s.layout = SideLayout::new(&s.rows, &s.visible);
    s.selected = s.selected.min(s.visible.len().saturating_sub(1));
    keep_visible(state);
}

/// Rows by group, keeping their order inside each: a stable counting sort
/// into one vector sized once (the corpus scope can answer with every
/// figure, 917 381 rows at 100 000 articles, and this runs on the UI thread).
fn by_group(rows: &Rows, shown: impl Iterator<Item = usize> + Clone) -> Vec<usize> {
    let mut starts = [0usize; GROUPS.len() + 2];
    for i in shown.clone() {
        starts[group_rank(rows.kind(i)) + 1] += 1;
    }
    for g in 1..starts.len() {
        starts[g] += starts[g - 1];
    }
    let mut grouped = vec![0; starts[GROUPS.len() + 1]];
    for i in shown {
        let at = &mut starts[group_rank(rows.kind(i))];
        grouped[*at] = i;
        *at += 1;
    }
    grouped
}

/// Selects row `pos` of `visible` (clamped).
pub fn select(state: &mut State, pos: usize) {
    state.sidebar.selected = pos.min(state.sidebar.visible.len().saturating_sub(1));
    keep_visible(state);
}

/// The sidebar's inside, as it is when shown.
pub fn sidebar_inner(state: &State) -> Option<Rect> {
    let (w, h) = state.size;
    areas(Rect::new(0, 0, w, h), Pane::Sidebar)
        .sidebar
        .map(inner)
}

/// The lines inside the sidebar as it is when shown (at least one).
pub fn inner_height(state: &State) -> usize {
    sidebar_inner(state).map_or(1, |r| r.height.max(1) as usize)
}

/// Adjusts the scroll offset so the selected row (and its group header when
/// it is the first of its group) is on screen.
pub fn keep_visible(state: &mut State) {
    let height = inner_height(state);
    // Rows found apart while the library has no entities scroll their own way.
    if super::found::move_by(state, 0, height) {
        return;
    }
    let s = &mut state.sidebar;
    let Some((name, header_above, detail_below)) = s.layout.name_line(s.selected) else {
        s.offset = 0;
        return;
    };
    let top = name - usize::from(header_above);
    let bottom = name + usize::from(detail_below);
    if top < s.offset {
        s.offset = top;
    } else if bottom >= s.offset + height {
        s.offset = bottom + 1 - height;
    }
    s.offset = s.offset.min(s.layout.len().saturating_sub(height));
}

/// The row position under a display line of the sidebar, if any.
pub fn row_at_line(state: &State, line: usize) -> Option<usize> {
    match state.sidebar.layout.at(line)? {
        SideLine::Name(p) | SideLine::Detail(p) => Some(p),
        SideLine::Header { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{EntityRef, EntityRow};

    fn row(target: EntityRef) -> EntityRow {
        EntityRow {
            target,
            name: Arc::from("x"),
            detail: None,
            articles: 1,
        }
    }

    #[test]
    fn rows_go_by_group_in_their_given_order_within_each() {
        let rows = Rows::from(vec![
            row(EntityRef::Figure {
                article: 0,
                index: 0,
            }),
            row(EntityRef::Place(0)),
            row(EntityRef::Official(0)),
            row(EntityRef::Place(1)),
            row(EntityRef::Official(1)),
            row(EntityRef::Program(0)),
            row(EntityRef::Organization(0)),
        ]);
        let shown = [3, 0, 4, 1, 5, 2, 6];
        assert_eq!(
            by_group(&rows, shown.iter().copied()),
            [4, 2, 6, 3, 1, 5, 0],
            "officials, organisations, places, programmes, figures"
        );
        assert_eq!(by_group(&rows, [0, 1].into_iter()), [1, 0]);
        assert!(by_group(&rows, std::iter::empty()).is_empty());
    }
}
