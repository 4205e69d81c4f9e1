//! The one place state changes: `update(&mut State, Action)`. Pure: no IO, no
//! clock, no threads. Searches are queued in `State::requests` for the event
//! loop (or [`super::search::run_pending`]) to answer.

use super::action::{Action, Pane};
use super::filtering::{
    clear_filter, edit, editing_action, editing_target, filter_mut, pasted, request, search_done,
};
use super::library::{EntityRef, Library};
use super::search::SearchTarget;
use super::state::{
    EntityFilter, FinderState, ReadTimer, Scope, SortKey, State, TextFilter, READ_AFTER_TICKS,
};
use super::{list, reader, remember, sidebar};
use crate::ui::layout::{areas, contains, finder_offset, finder_rows, inner};
use ratatui::layout::Rect;
use std::sync::Arc;

/// Lines the mouse wheel scrolls.
const WHEEL: isize = 3;

/// Applies one action to the state.
pub fn update(state: &mut State, action: Action) {
    match action {
        Action::Quit => state.quit = true,
        Action::Suspend => state.suspend = true,
        Action::Resize { width, height } => {
            state.size = (width, height);
            reader::relayout(state);
            list::keep_visible(state);
            sidebar::keep_visible(state);
        }
        Action::Loaded(lib) => loaded(state, lib),
        Action::LoadFailed(reason) => state.load_error = Some(reason),
        Action::LoadProgress(progress) => state.load_progress = Some(progress),
        Action::SearchDone(result) => search_done(state, result),
        Action::Tick => remember::tick(state),
        Action::Notice(text) => state.notice = Some(text),
        Action::RawRead(read) => reader::raw_read(state, read),
        Action::EntitiesFound(read) => super::found::found(state, read),
        a if state.lib.is_none() => loading_action(state, a),
        Action::Restore(remembered) => remember::restore(state, remembered),
        a if state.help.is_some() => help_action(state, a),
        a if state.finder.is_some() => finder_action(state, a),
        a if editing_target(state).is_some() => editing_action(state, a),
        a => normal_action(state, a),
    }
}

fn loaded(state: &mut State, lib: Arc<Library>) {
    let officials = lib.entities.officials.len();
    // Where the reader was, kept when the same text stays open: the library
    // with entities replaces the one shown while they were found, and a
    // changed folder brings a new one.
    let open = state
        .article()
        .map(|a| (a.hash, state.reader.scroll, state.reader.mention));
    let carried = super::found::carried(state);
    state.lib = Some(lib);
    state.load_progress = None;
    state.reader.article = None;
    list::recompute(state);
    if state.reader.article.is_none() {
        reader::open(state, None);
    }
    let same =
        |&(hash, ..): &(u64, usize, Option<usize>)| state.article().map(|a| a.hash) == Some(hash);
    if let Some((_, scroll, mention)) = open.filter(same) {
        state.reader.scroll = scroll.min(reader::max_scroll(state));
        // Still loading (a preview gave way to the whole list): the found
        // rows stay, and so does the mention visited.
        if let Some(spans) = super::found::target_spans(state) {
            state.reader.mention = mention.filter(|&m| m < spans.len());
        }
    }
    if let Some(carried) = carried {
        // A filter's rows come later: the row is picked again among them.
        if state.sidebar.filter.is_active() {
            state.sidebar.carried = Some(carried.clone());
        }
        super::found::carry(state, carried);
    }
    // A filter typed against the previous library (or the one without
    // entities shown while loading, or before any) asks the new one again:
    // its index now holds official names too.
    if state.list.filter.is_active() {
        request(state, SearchTarget::Articles);
    }
    // A finder or sidebar filter typed against the previous library (or the
    // one without entities shown while loading) asks the new one again.
    if let Some(finder) = state.finder.as_mut() {
        // old hits point at the old library's officials: drop them first
        finder.filter.hits = None;
        finder.selected = 0;
        finder.offset = 0;
        if finder.filter.is_active() {
            finder.visible.clear();
            request(state, SearchTarget::Officials);
        } else {
            finder.visible = (0..officials).collect();
        }
    }
    if state.sidebar.filter.is_active() {
        request(state, SearchTarget::Entities);
    }
}

/// Before any library arrives only the article filter can be typed; it is
/// searched as soon as one does.
fn loading_action(state: &mut State, action: Action) {
    match action {
        Action::StartFilter => state.list.filter.editing = true,
        Action::Input(_)
        | Action::Paste(_)
        | Action::DeleteBack
        | Action::ClearInput
        | Action::Back
        | Action::Activate
            if state.list.filter.editing =>
        {
            editing_action(state, action)
        }
        _ => {}
    }
}

fn help_action(state: &mut State, action: Action) {
    let last = state.keymap.help_lines(state.lang).len().saturating_sub(1);
    let scroll = state.help.unwrap_or(0);
    let page = reader::page_height(state) as isize;
    let new = match action {
        Action::Back | Action::ToggleHelp => {
            state.help = None;
            return;
        }
        Action::Down | Action::ScrollDown { .. } => scroll.saturating_add(1),
        Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => scroll.saturating_add_signed(page),
        Action::PageUp | Action::HalfPageUp => scroll.saturating_add_signed(-page),
        Action::First => 0,
        Action::Last => last,
        _ => scroll,
    };
    state.help = Some(new.min(last));
}

fn finder_action(state: &mut State, action: Action) {
    let page = reader::page_height(state) as isize;
    match action {
        Action::Back | Action::OpenFinder => state.finder = None,
        Action::Input(c) => edit(state, SearchTarget::Officials, |t| t.push(c)),
        Action::Paste(text) => edit(state, SearchTarget::Officials, |t| {
            t.push_str(&pasted(&text));
        }),
        Action::DeleteBack => edit(state, SearchTarget::Officials, |t| {
            t.pop();
        }),
        Action::ClearInput => edit(state, SearchTarget::Officials, String::clear),
        Action::Down | Action::ScrollDown { .. } => finder_move(state, 1),
        Action::Up | Action::ScrollUp { .. } => finder_move(state, -1),
        Action::PageDown | Action::HalfPageDown => finder_move(state, page),
        Action::PageUp | Action::HalfPageUp => finder_move(state, -page),
        Action::First => finder_move(state, isize::MIN),
        Action::Last => finder_move(state, isize::MAX),
        Action::Click { column, row } => {
            // A click selects the official under it; on the one selected
            // already, it opens it as Enter does.
            match finder_row_at(state, column, row) {
                Some(pos) if state.finder.as_ref().is_some_and(|f| f.selected == pos) => {
                    finder_action(state, Action::Activate)
                }
                Some(pos) => {
                    if let Some(f) = &mut state.finder {
                        f.selected = pos;
                    }
                }
                None => {}
            }
        }
        Action::Activate => {
            let chosen = state
                .finder
                .as_ref()
                .and_then(|f| f.visible.get(f.selected).copied());
            if let Some(o) = chosen {
                state.finder = None;
                follow(state, EntityRef::Official(o), false);
                state.focus = Pane::Reader;
            }
        }
        _ => {}
    }
}

/// The position in the finder's list of the official drawn at a cell.
fn finder_row_at(state: &State, column: u16, row: u16) -> Option<usize> {
    let f = state.finder.as_ref()?;
    let rows = finder_rows(screen(state));
    if !contains(rows, column, row) {
        return None;
    }
    let pos = finder_offset(f.selected, rows.height as usize) + usize::from(row - rows.y);
    (pos < f.visible.len()).then_some(pos)
}

fn finder_move(state: &mut State, delta: isize) {
    if let Some(f) = &mut state.finder {
        let last = f.visible.len().saturating_sub(1);
        f.selected = f.selected.saturating_add_signed(delta).min(last);
    }
}

pub(super) fn normal_action(state: &mut State, action: Action) {
    let lib = state.lib.clone().expect("checked by update");
    match action {
        Action::FocusNext => set_focus(state, state.focus.next()),
        Action::FocusPrev => set_focus(state, state.focus.prev()),
        Action::Focus(p) => set_focus(state, p),
        Action::Down
        | Action::Up
        | Action::First
        | Action::Last
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::PageDown
        | Action::PageUp => move_in(state, state.focus, &action),
        Action::Activate => match state.focus {
            Pane::List => {
                if let Some(a) = state.reader.article {
                    state.read.insert(a);
                    set_focus(state, Pane::Reader);
                }
            }
            Pane::Reader => {}
            Pane::Sidebar => {
                if let Some(target) = state.sidebar.selected_row().map(|r| r.target) {
                    follow(state, target, true);
                } else if super::found::aim(state) {
                    // Not linked yet: its first mention in this article.
                    state.reader.mention = None;
                    reader::jump(state, true);
                }
            }
        },
        Action::StartFilter => {
            let target = match state.focus {
                Pane::Sidebar => SearchTarget::Entities,
                _ => SearchTarget::Articles,
            };
            filter_mut(state, target).editing = true;
        }
        Action::OpenFinder => {
            state.finder = Some(FinderState {
                filter: TextFilter {
                    editing: true,
                    ..TextFilter::default()
                },
                visible: (0..lib.entities.officials.len()).collect(),
                ..FinderState::default()
            });
        }
        Action::NextMention => next_mention(state, true),
        Action::PrevMention => next_mention(state, false),
        Action::ToggleScope => {
            state.sidebar.scope = match state.sidebar.scope {
                Scope::Article => Scope::Corpus,
                Scope::Corpus => Scope::Article,
            };
            sidebar::refresh_rows(state);
        }
        Action::ToggleBookmark => {
            if let Some(a) = state.list.selected_article() {
                toggle(&mut state.bookmarks, a);
                if state.list.bookmarks_only {
                    list::recompute(state);
                }
            }
        }
        Action::BookmarksOnly => {
            state.list.bookmarks_only = !state.list.bookmarks_only;
            list::recompute(state);
        }
        Action::ToggleRead => {
            if let Some(a) = state.list.selected_article() {
                toggle(&mut state.read, a);
                if state.reader.article == Some(a) {
                    // a choice made by hand is not undone by the read timer
                    state.read_timer = ReadTimer {
                        article: Some(a),
                        ticks: READ_AFTER_TICKS,
                    };
                }
                if state.list.unread_only {
                    list::recompute(state);
                }
            }
        }
        Action::UnreadOnly => {
            state.list.unread_only = !state.list.unread_only;
            list::recompute(state);
        }
        Action::CycleSort => {
            state.list.sort = match state.list.sort {
                SortKey::Date => SortKey::Title,
                SortKey::Title => SortKey::Relevance,
                SortKey::Relevance => SortKey::Date,
            };
            list::recompute(state);
        }
        Action::ToggleRaw => {
            state.reader.raw = !state.reader.raw;
            state.reader.scroll = 0;
            state.reader.mention = None;
            reader::rewrap(state);
        }
        Action::ToggleHelp => state.help = Some(0),
        Action::Back => back(state),
        Action::Click { column, row } => click(state, column, row),
        Action::ScrollUp { column, row } => wheel(state, column, row, -WHEEL),
        Action::ScrollDown { column, row } => wheel(state, column, row, WHEEL),
        Action::Input(_) | Action::Paste(_) | Action::DeleteBack | Action::ClearInput => {}
        Action::Quit
        | Action::Suspend
        | Action::Resize { .. }
        | Action::Loaded(_)
        | Action::LoadProgress(_)
        | Action::LoadFailed(_)
        | Action::SearchDone(_)
        | Action::Tick
        | Action::Restore(_)
        | Action::Notice(_)
        | Action::RawRead(_)
        | Action::EntitiesFound(_) => {}
    }
}

fn toggle(set: &mut std::collections::BTreeSet<usize>, a: usize) {
    if !set.remove(&a) {
        set.insert(a);
    }
}

fn set_focus(state: &mut State, pane: Pane) {
    state.focus = pane;
    list::keep_visible(state);
    sidebar::keep_visible(state);
}

/// Moves the selection (or scrolls the reader) of a pane.
pub(super) fn move_in(state: &mut State, pane: Pane, action: &Action) {
    let page = match pane {
        Pane::List => list::list_inner(state).map_or(1, |r| r.height.max(1) as isize),
        Pane::Reader => reader::page_height(state) as isize,
        Pane::Sidebar => sidebar::inner_height(state) as isize,
    };
    let delta = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::First => isize::MIN,
        Action::Last => isize::MAX,
        Action::HalfPageDown => (page / 2).max(1),
        Action::HalfPageUp => -(page / 2).max(1),
        Action::PageDown => page,
        Action::PageUp => -page,
        _ => 0,
    };
    move_by(state, pane, delta);
}

fn move_by(state: &mut State, pane: Pane, delta: isize) {
    match pane {
        Pane::List => list::move_by(state, delta),
        Pane::Reader => reader::scroll_by(state, delta),
        Pane::Sidebar => {
            if super::found::move_by(state, delta, sidebar::inner_height(state)) {
                return;
            }
            let target = state.sidebar.selected.saturating_add_signed(delta);
            sidebar::select(state, target);
        }
    }
}

/// `Enter` on an entity: restrict the list to its articles, open one (the
/// current article when it mentions the entity and `keep_current`, else the
/// first), and jump the reader to the first mention.
fn follow(state: &mut State, target: EntityRef, keep_current: bool) {
    let Some(lib) = state.lib.clone() else {
        return;
    };
    let articles = lib.articles_of(target);
    let Some(&first) = articles.first() else {
        return;
    };
    let current = state
        .reader
        .article
        .filter(|a| keep_current && articles.contains(a));
    let open = current.unwrap_or(first);
    state.list.entity = Some(EntityFilter {
        target,
        label: lib.name_of(target),
        articles,
    });
    clear_filter(state, SearchTarget::Articles);
    list::select_article(state, open);
    state.read.insert(open);
    state.reader.target = Some(target);
    state.reader.mention = None;
    reader::jump(state, true);
    if state.sidebar.scope == Scope::Article || !keep_current {
        if let Some(pos) = state
            .sidebar
            .visible
            .iter()
            .position(|&i| state.sidebar.rows.target(i) == Some(target))
        {
            sidebar::select(state, pos);
        }
    }
}

/// `n`/`N`: the reader's target entity, else the selected sidebar entity.
fn next_mention(state: &mut State, forward: bool) {
    if state.reader.target.is_none() && super::found::aim(state) {
        reader::jump(state, forward);
        return;
    }
    let selected = state.sidebar.selected_row().map(|r| r.target);
    if state.reader.target.is_none()
        || (state.focus == Pane::Sidebar && selected != state.reader.target)
    {
        state.reader.target = selected;
        state.reader.mention = None;
    }
    reader::jump(state, forward);
}

/// `Esc`: clears the innermost thing first.
fn back(state: &mut State) {
    let focused = match state.focus {
        Pane::Sidebar => SearchTarget::Entities,
        _ => SearchTarget::Articles,
    };
    let other = match focused {
        SearchTarget::Entities => SearchTarget::Articles,
        _ => SearchTarget::Entities,
    };
    for target in [focused, other] {
        if filter_mut(state, target).is_active() {
            clear_filter(state, target);
            return;
        }
    }
    if state.list.entity.take().is_some() {
        list::recompute(state);
        return;
    }
    state.reader.target = None;
    state.reader.mention = None;
}

fn screen(state: &State) -> Rect {
    Rect::new(0, 0, state.size.0, state.size.1)
}

fn click(state: &mut State, column: u16, row: u16) {
    let a = areas(screen(state), state.focus);
    let Some(pane) = a.pane_at(column, row) else {
        return;
    };
    state.focus = pane;
    let Some(rect) = a.pane(pane).map(inner) else {
        return;
    };
    if row < rect.y || row >= rect.y + rect.height {
        return;
    }
    let line = (row - rect.y) as usize;
    match pane {
        Pane::List => {
            let index = state.list.offset + line;
            if index < state.list.visible.len() {
                list::select(state, index);
            }
        }
        Pane::Sidebar => {
            if let Some(i) = super::found::row_at_line(state, line) {
                super::found::select(state, i, rect.height as usize);
            } else if let Some(pos) = sidebar::row_at_line(state, state.sidebar.offset + line) {
                sidebar::select(state, pos);
            }
        }
        Pane::Reader => {}
    }
}

fn wheel(state: &mut State, column: u16, row: u16, delta: isize) {
    let a = areas(screen(state), state.focus);
    if let Some(pane) = a.pane_at(column, row) {
        move_by(state, pane, delta);
    }
}
