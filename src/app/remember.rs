//! Remembering: the read timer behind auto-marking, and applying marks and
//! position from `state.json` (or carried over a corpus reload).

use super::search::SearchTarget;
use super::state::{ReadTimer, State, TextFilter, READ_AFTER_TICKS};
use super::{list, reader};
use crate::store::Remembered;

/// Counts the ticks the open article has been open; marks it read once.
pub(super) fn tick(state: &mut State) {
    let open = state.reader.article;
    let t = &mut state.read_timer;
    if t.article != open {
        *t = ReadTimer {
            article: open,
            ticks: 0,
        };
        return;
    }
    // a preview opens an article nobody chose: it is not read until the
    // whole corpus is in and the article is still open
    let preview = state.lib.as_ref().is_some_and(|l| l.preview);
    if let (Some(a), false) = (open, preview) {
        t.ticks = t.ticks.saturating_add(1);
        if t.ticks == READ_AFTER_TICKS {
            state.read.insert(a);
        }
    }
}

/// Applies remembered marks, filter (unless one was typed while loading),
/// open article and scroll. Entity
/// restrictions refer to the previous corpus's entities, so they go; an open
/// finder stays (the new library was already asked for its query).
pub(super) fn restore(state: &mut State, r: Remembered) {
    state.bookmarks = r.bookmarks;
    state.read = r.read;
    state.list.entity = None;
    state.reader.target = None;
    state.reader.mention = None;
    // A filter typed while the corpus loaded wins over the remembered one.
    let typed = state.list.filter.is_active() || state.list.filter.editing;
    if r.filter != state.list.filter.text && !typed {
        state.list.filter = TextFilter::default();
        state.list.filter.text = r.filter;
        if state.list.filter.is_active() {
            super::filtering::request(state, SearchTarget::Articles);
        }
    } else if state.list.filter.is_active() {
        super::filtering::request(state, SearchTarget::Articles);
    }
    list::recompute(state);
    if let Some(a) = r.article {
        list::select_article(state, a);
        if state.reader.article == Some(a) {
            state.reader.scroll = r.scroll.min(reader::max_scroll(state));
            // reopened, not newly opened: an article left unread (perhaps
            // marked so by hand) is not marked read by the timer
            state.read_timer = ReadTimer {
                article: Some(a),
                ticks: READ_AFTER_TICKS,
            };
        }
    }
}
