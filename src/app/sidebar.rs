//! The entity sidebar: its rows for the scope, the filtered view and the
//! display lines (group headers, names, `position · institution` lines).

use super::filtering::request;
use super::rows::Rows;
use super::search::SearchTarget;
use super::state::{Scope, State};
use crate::app::Pane;
use crate::entities::EntityKind;
use crate::search::SearchIndex;
use crate::ui::layout::{areas, inner};
use ratatui::layout::Rect;
use std::sync::Arc;

/// One line of the sidebar as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideLine {
    /// A group header with the number of rows shown in the group.
    Header {
        /// The group.
        kind: EntityKind,
        /// Rows shown in it.
        count: usize,
    },
    /// The name line of the row at this position of `visible`.
    Name(usize),
    /// The `position · institution` line of an official at this position.
    Detail(usize),
}

/// The order of groups.
pub const GROUPS: [EntityKind; 5] = [
    EntityKind::Official,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Program,
    EntityKind::Figure,
];

fn group_rank(kind: EntityKind) -> usize {
    GROUPS
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(GROUPS.len())
}

/// The display lines for the shown rows (which are grouped by kind).
pub fn side_lines(rows: &Rows, visible: &[usize]) -> Vec<SideLine> {
    let mut counts = [0usize; GROUPS.len() + 1];
    for &i in visible {
        counts[group_rank(rows.kind(i))] += 1;
    }
    let mut out = Vec::with_capacity(visible.len() * 2 + GROUPS.len());
    let mut current = None;
    for (pos, &i) in visible.iter().enumerate() {
        let kind = rows.kind(i);
        if current != Some(kind) {
            out.push(SideLine::Header {
                kind,
                count: counts[group_rank(kind)],
            });
            current = Some(kind);
        }
        out.push(SideLine::Name(pos));
        if kind == EntityKind::Official && rows.has_detail(i) {
            out.push(SideLine::Detail(pos));
        }
    }
    out
}

/// Rebuilds the rows for the scope (and the open article), resets the
/// selection, and re-runs an active filter over the new rows.
pub fn refresh_rows(state: &mut State) {
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
    s.filter.hits = None;
    s.filter.stats = None;
    s.selected = 0;
    s.offset = 0;
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
        Some(hits) => {
            let mut v: Vec<usize> = hits.iter().map(|h| h.index).filter(|&i| i < n).collect();
            // stable: keeps the score order inside each group
            v.sort_by_key(|&i| group_rank(s.rows.kind(i)));
            v
        }
        None => (0..n).collect(),
    };
    s.selected = s.selected.min(s.visible.len().saturating_sub(1));
    keep_visible(state);
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

/// Adjusts the scroll offset so the selected row (and its group header when
/// it is the first of its group) is on screen.
pub fn keep_visible(state: &mut State) {
    let height = sidebar_inner(state).map_or(1, |r| r.height.max(1) as usize);
    let s = &mut state.sidebar;
    let lines = side_lines(&s.rows, &s.visible);
    let Some(name) = lines.iter().position(|l| *l == SideLine::Name(s.selected)) else {
        s.offset = 0;
        return;
    };
    let top = match name.checked_sub(1).map(|i| lines[i]) {
        Some(SideLine::Header { .. }) => name - 1,
        _ => name,
    };
    let bottom = match lines.get(name + 1) {
        Some(SideLine::Detail(_)) => name + 1,
        _ => name,
    };
    if top < s.offset {
        s.offset = top;
    } else if bottom >= s.offset + height {
        s.offset = bottom + 1 - height;
    }
    s.offset = s.offset.min(lines.len().saturating_sub(height));
}

/// The row position under a display line of the sidebar, if any.
pub fn row_at_line(state: &State, line: usize) -> Option<usize> {
    let s = &state.sidebar;
    match side_lines(&s.rows, &s.visible).get(line)? {
        SideLine::Name(p) | SideLine::Detail(p) => Some(*p),
        SideLine::Header { .. } => None,
    }
}
