//! `update` without a terminal: one or more tests for every action.

mod tui_fixture;

use tui_fixture::{apply, state, typed};
use warta::app::reader::read_raw_request;
use warta::app::{update, Action, Pane, RawRead, Scope, SortKey, State};
use warta::corpus::RawError;
use warta::ui::strings::Lang;

#[test]
fn loaded_sorts_by_date_opens_the_first_and_lists_its_entities() {
    let s = state(120, 40);
    assert_eq!(s.list.visible, [0, 1, 2]);
    assert_eq!(s.reader.article, Some(0));
    assert!(s.reader.header[0].1.starts_with("Bupati Sleman"));
    let names: Vec<String> = s.sidebar.rows.iter().map(|r| r.name.to_string()).collect();
    assert_eq!(
        names,
        ["Kustini Sri Purnomo", "Dinas Perdagangan", "Rp300 miliar"]
    );
    assert_eq!(
        s.sidebar.rows.get(0).unwrap().detail.as_deref(),
        Some("Bupati · Kabupaten Sleman")
    );
}

#[test]
fn actions_before_loading_do_nothing_but_resize_and_quit_work() {
    let mut s = State::new(Lang::En, (80, 24));
    apply(
        &mut s,
        [
            Action::Down,
            Action::OpenFinder,
            Action::ToggleHelp,
            Action::Resize {
                width: 100,
                height: 30,
            },
        ],
    );
    assert!(s.finder.is_none() && s.help.is_none());
    assert_eq!(s.size, (100, 30));
    update(&mut s, Action::LoadFailed("disk on fire".into()));
    assert_eq!(s.load_error.as_deref(), Some("disk on fire"));
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn focus_cycles_and_jumps() {
    let mut s = state(120, 40);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Pane::Reader);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Pane::Sidebar);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Pane::List);
    update(&mut s, Action::FocusPrev);
    assert_eq!(s.focus, Pane::Sidebar);
    update(&mut s, Action::Focus(Pane::Reader));
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn list_movement_opens_articles_and_clamps() {
    let mut s = state(120, 40);
    update(&mut s, Action::Down);
    assert_eq!(s.reader.article, Some(1));
    update(&mut s, Action::Last);
    assert_eq!((s.list.selected, s.reader.article), (2, Some(2)));
    update(&mut s, Action::Down);
    assert_eq!(s.list.selected, 2);
    update(&mut s, Action::Up);
    assert_eq!(s.reader.article, Some(1));
    update(&mut s, Action::First);
    assert_eq!(s.reader.article, Some(0));
    update(&mut s, Action::PageDown);
    assert_eq!(s.list.selected, 2);
    update(&mut s, Action::HalfPageUp);
    assert_eq!(s.list.selected, 0);
    update(&mut s, Action::HalfPageDown);
    update(&mut s, Action::PageUp);
    assert_eq!(s.list.selected, 0);
}

#[test]
fn reader_scrolls_by_line_half_page_and_page_within_bounds() {
    let mut s = state(80, 24);
    apply(&mut s, [Action::Last, Action::Focus(Pane::Reader)]);
    let page = warta::app::reader::page_height(&s);
    let max = warta::app::reader::max_scroll(&s);
    assert!(max > page, "the fixture's long article scrolls");
    update(&mut s, Action::Down);
    assert_eq!(s.reader.scroll, 1);
    update(&mut s, Action::Up);
    assert_eq!(s.reader.scroll, 0);
    update(&mut s, Action::HalfPageDown);
    assert_eq!(s.reader.scroll, page / 2);
    update(&mut s, Action::HalfPageUp);
    assert_eq!(s.reader.scroll, 0);
    update(&mut s, Action::PageDown);
    assert_eq!(s.reader.scroll, page);
    update(&mut s, Action::PageUp);
    assert_eq!(s.reader.scroll, 0);
    update(&mut s, Action::Last);
    assert_eq!(s.reader.scroll, max);
    update(&mut s, Action::Down);
    assert_eq!(s.reader.scroll, max);
    update(&mut s, Action::First);
    assert_eq!(s.reader.scroll, 0);
    assert_eq!(
        s.reader.article,
        Some(2),
        "scrolling never changes the article"
    );
}

#[test]
fn enter_on_the_list_focuses_the_reader_and_marks_read() {
    let mut s = state(120, 40);
    update(&mut s, Action::Activate);
    assert_eq!(s.focus, Pane::Reader);
    assert!(s.read.contains(&0));
}

#[test]
fn scope_switches_between_article_and_corpus() {
    let mut s = state(120, 40);
    update(&mut s, Action::ToggleScope);
    assert_eq!(s.sidebar.scope, Scope::Corpus);
    let names: Vec<String> = s.sidebar.rows.iter().map(|r| r.name.to_string()).collect();
    assert_eq!(
        names,
        [
            "Kustini Sri Purnomo",
            "Hendri Septa",
            "Dinas Perdagangan",
            "Kota Padang",
            "Rp300 miliar"
        ]
    );
    assert_eq!(s.sidebar.rows.get(0).unwrap().articles, 2);
    update(&mut s, Action::Down);
    assert_eq!(
        s.sidebar.scope,
        Scope::Corpus,
        "the corpus view survives a new article"
    );
    update(&mut s, Action::ToggleScope);
    assert_eq!(
        s.sidebar.rows.len(),
        2,
        "article 1: Hendri Septa and Kota Padang"
    );
}

#[test]
fn corpus_scope_enter_opens_the_entitys_first_article() {
    let mut s = state(120, 40);
    apply(
        &mut s,
        [
            Action::ToggleScope,
            Action::Focus(Pane::Sidebar),
            Action::Down,
            Action::Activate,
        ],
    );
    assert_eq!(s.reader.article, Some(1));
    assert_eq!(s.list.visible, [1]);
}

#[test]
fn bookmarks_toggle_and_filter() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::Down, Action::ToggleBookmark]);
    assert!(s.bookmarks.contains(&1));
    update(&mut s, Action::BookmarksOnly);
    assert_eq!(s.list.visible, [1]);
    update(&mut s, Action::ToggleBookmark);
    assert!(s.list.visible.is_empty());
    update(&mut s, Action::BookmarksOnly);
    assert_eq!(s.list.visible.len(), 3);
}

#[test]
fn read_marks_toggle_and_filter() {
    let mut s = state(120, 40);
    update(&mut s, Action::ToggleRead);
    assert!(s.read.contains(&0));
    update(&mut s, Action::UnreadOnly);
    assert_eq!(s.list.visible, [1, 2]);
    update(&mut s, Action::ToggleRead);
    assert_eq!(s.list.visible, [2]);
    update(&mut s, Action::UnreadOnly);
    apply(&mut s, [Action::First, Action::ToggleRead]);
    assert!(!s.read.contains(&0));
}

#[test]
fn sort_cycles_date_title_relevance() {
    let mut s = state(120, 40);
    update(&mut s, Action::CycleSort);
    assert_eq!(s.list.sort, SortKey::Title);
    assert_eq!(s.list.visible, [2, 0, 1]);
    update(&mut s, Action::CycleSort);
    assert_eq!(s.list.sort, SortKey::Relevance);
    assert_eq!(s.list.visible, [0, 1, 2], "load order without a filter");
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("banjir"));
    assert_eq!(s.list.visible[0], 1, "best match first");
    update(&mut s, Action::CycleSort);
    assert_eq!(s.list.sort, SortKey::Date);
}

#[test]
fn raw_toggle_shows_the_file_text() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::Focus(Pane::Sidebar), Action::NextMention]);
    update(&mut s, Action::ToggleRaw);
    assert!(s.reader.raw);
    assert_eq!(s.reader.mention, None);
    // the text is read off the UI thread: a placeholder until it arrives
    let requests = std::mem::take(&mut s.raw_requests);
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].article, 0);
    let lib = s.lib.clone().unwrap();
    let a = &lib.articles()[0];
    assert_eq!(shown(&s), "Reading the file…");
    let raw = tui_fixture::raw(&a.title, &a.body.text());
    let read = |text: Result<String, RawError>| {
        Action::RawRead(RawRead {
            article: 0,
            hash: a.hash,
            text,
        })
    };
    update(&mut s, read(Ok(raw.clone())));
    assert_eq!(&raw[s.reader.lines[1].clone()], "RAW");
    assert_eq!(shown(&s), raw);
    // a late answer for another article changes nothing
    update(
        &mut s,
        Action::RawRead(RawRead {
            article: 1,
            hash: 7,
            text: Ok("other".to_string()),
        }),
    );
    assert_eq!(shown(&s), raw);
    update(&mut s, Action::ToggleRaw);
    assert!(!s.reader.raw);
    assert_eq!(s.reader.raw_text, None, "the raw text is not kept");
    assert!(s.raw_requests.is_empty());
    // raw mode stays on when another article opens: that one is asked for
    update(&mut s, Action::ToggleRaw);
    s.raw_requests.clear();
    apply(
        &mut s,
        [Action::Focus(Pane::List), Action::Down, Action::Activate],
    );
    assert_eq!(s.raw_requests.len(), 1);
    assert_eq!(s.raw_requests[0].article, s.reader.article.unwrap());
    assert_eq!(shown(&s), "Reading the file…");
}

#[test]
fn raw_view_says_when_the_file_changed_or_vanished() {
    let mut s = state(120, 40);
    update(&mut s, Action::ToggleRaw);
    let hash = s.lib.as_ref().unwrap().articles()[0].hash;
    update(
        &mut s,
        Action::RawRead(RawRead {
            article: 0,
            hash,
            text: Err(RawError::Changed),
        }),
    );
    assert_eq!(
        shown(&s),
        "The file changed since it was loaded: its raw text is not shown."
    );
    // the fixture's paths do not exist: reading for real says so
    update(&mut s, Action::ToggleRaw);
    update(&mut s, Action::ToggleRaw);
    let request = s.raw_requests.pop().unwrap();
    update(&mut s, Action::RawRead(read_raw_request(&request)));
    assert_eq!(
        shown(&s),
        "Cannot read the file again: no such file or folder."
    );
}

/// The text below the reader's header, as wrapped lines joined back.
fn shown(s: &State) -> String {
    let lib = s.lib.clone().unwrap();
    let a = &lib.articles()[s.reader.article.unwrap()];
    warta::app::reader::body_text(s, a).to_string()
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state(120, 20);
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.help, Some(0));
    apply(&mut s, [Action::Down, Action::Down]);
    assert_eq!(s.help, Some(2));
    assert_eq!(s.list.selected, 0, "keys go to the help, not the list");
    update(&mut s, Action::Last);
    assert!(s.help.unwrap() > 10);
    update(&mut s, Action::ToggleHelp);
    assert!(s.help.is_none());
    apply(&mut s, [Action::ToggleHelp, Action::Back]);
    assert!(s.help.is_none());
}

#[test]
fn escape_clears_the_innermost_thing_first() {
    let mut s = state(120, 40);
    apply(
        &mut s,
        [
            Action::Focus(Pane::Sidebar),
            Action::Activate,
            Action::Focus(Pane::List),
            Action::StartFilter,
        ],
    );
    apply(&mut s, typed("sleman"));
    apply(&mut s, [Action::Activate]);
    assert!(s.list.filter.is_active() && s.list.entity.is_some());
    update(&mut s, Action::Back);
    assert!(!s.list.filter.is_active() && s.list.entity.is_some());
    update(&mut s, Action::Back);
    assert!(s.list.entity.is_none());
    assert_eq!(s.list.visible.len(), 3);
    assert!(s.reader.target.is_some());
    update(&mut s, Action::Back);
    assert!(s.reader.target.is_none());
    assert!(!s.quit, "Esc never quits");
}

#[test]
fn click_selects_rows_and_focuses_panes() {
    let mut s = state(120, 40);
    // list rows start at y = 1 inside the border
    update(&mut s, Action::Click { column: 5, row: 3 });
    assert_eq!((s.focus, s.reader.article), (Pane::List, Some(2)));
    update(
        &mut s,
        Action::Click {
            column: 60,
            row: 10,
        },
    );
    assert_eq!(s.focus, Pane::Reader);
    let side = warta::ui::layout::areas(ratatui::layout::Rect::new(0, 0, 120, 40), Pane::List)
        .sidebar
        .unwrap();
    // article 2: header "Officials (1)", then Kustini
    update(
        &mut s,
        Action::Click {
            column: side.x + 3,
            row: 2,
        },
    );
    assert_eq!(s.focus, Pane::Sidebar);
    assert_eq!(&*s.sidebar.selected_row().unwrap().name, "Kustini");
    update(&mut s, Action::Click { column: 5, row: 39 });
    assert_eq!(s.focus, Pane::Sidebar, "the status bar is no pane");
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut s = state(80, 24);
    apply(&mut s, [Action::Last]);
    update(
        &mut s,
        Action::ScrollDown {
            column: 60,
            row: 10,
        },
    );
    assert_eq!(s.reader.scroll, 3);
    update(
        &mut s,
        Action::ScrollUp {
            column: 60,
            row: 10,
        },
    );
    assert_eq!(s.reader.scroll, 0);
    update(&mut s, Action::ScrollUp { column: 5, row: 5 });
    assert_eq!(s.list.selected, 0);
    assert_eq!(s.focus, Pane::List);
}

#[test]
fn resize_rewraps_and_keeps_the_text_at_the_top() {
    let mut s = state(120, 40);
    apply(
        &mut s,
        [Action::Last, Action::Focus(Pane::Reader), Action::PageDown],
    );
    let top = |s: &State| s.reader.lines[s.reader.scroll - s.reader.header.len()].start;
    let before = top(&s);
    update(
        &mut s,
        Action::Resize {
            width: 50,
            height: 20,
        },
    );
    assert_eq!(s.reader.width, 48);
    let after = top(&s);
    let body = s.lib.as_ref().unwrap().articles()[2].body.text();
    assert!(
        after <= before && before - after < 48,
        "{} / {}",
        &body[before..],
        &body[after..]
    );
    update(
        &mut s,
        Action::Resize {
            width: 1,
            height: 1,
        },
    );
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_eq!(
        s.reader.width,
        warta::ui::layout::reader_text_width(ratatui::layout::Rect::new(0, 0, 120, 40))
    );
}

#[test]
fn text_actions_outside_input_and_quit() {
    let mut s = state(120, 40);
    apply(
        &mut s,
        [Action::Input('x'), Action::DeleteBack, Action::ClearInput],
    );
    assert!(s.list.filter.text.is_empty() && s.requests.is_empty());
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn a_taller_terminal_clamps_the_reader_scroll() {
    // found by tui_props: only the height changes, so nothing is re-wrapped
    let mut s = state(78, 9);
    apply(&mut s, [Action::ScrollDown { column: 29, row: 0 }]);
    let before = s.reader.scroll;
    update(
        &mut s,
        Action::Resize {
            width: 49,
            height: 15,
        },
    );
    assert!(
        s.reader.scroll <= warta::app::reader::max_scroll(&s),
        "{before}"
    );
}

#[test]
fn a_filter_typed_while_loading_is_kept_and_asked_again_of_each_library() {
    use std::sync::Arc;
    use warta::app::Library;
    use warta::store::Remembered;
    let mut s = State::new(Lang::En, (120, 40));
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("kustini"));
    assert_eq!(s.list.filter.text, "kustini");
    assert!(s.list.filter.editing);
    // The articles arrive before their officials: no title holds the name.
    let full = tui_fixture::library(30);
    let early = Library::unindexed(full.corpus.clone());
    apply(&mut s, [Action::Loaded(Arc::new(early))]);
    assert_eq!(s.list.filter.text, "kustini");
    assert!(s.list.visible.is_empty(), "{:?}", s.list.visible);
    // The saved filter of the last session does not replace what was typed.
    apply(
        &mut s,
        [Action::Restore(Remembered {
            filter: "padang".into(),
            ..Remembered::default()
        })],
    );
    assert_eq!(s.list.filter.text, "kustini");
    // With officials, the same filter finds her article, as it does when
    // typed after loading.
    apply(&mut s, [Action::Loaded(Arc::new(full))]);
    assert!(s.list.visible.contains(&0), "{:?}", s.list.visible);
    assert_eq!(s.list.filter.text, "kustini");
    let mut after = state(120, 40);
    apply(&mut after, [Action::StartFilter]);
    apply(&mut after, typed("kustini"));
    assert_eq!(s.list.visible, after.list.visible);
}
