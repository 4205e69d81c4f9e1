//! `update` without a terminal: the fuzzy filters, entity following, mentions
//! and the official finder (the other actions are in tui_update.rs).

mod tui_fixture;

use std::time::Duration;
use tui_fixture::{apply, state, typed};
use warta::app::search::{run_pending, SearchResult, SearchTarget};
use warta::app::{update, Action, EntityRef, Pane, State};
use warta::entities::Span;
use warta::search::Hit;

fn titles(s: &State) -> Vec<String> {
    let lib = s.lib.as_ref().unwrap();
    s.list
        .visible
        .iter()
        .map(|&i| lib.articles()[i].title.clone())
        .collect()
}

#[test]
fn typing_a_filter_queues_tagged_searches_and_shows_matches() {
    let mut s = state(120, 40);
    update(&mut s, Action::StartFilter);
    assert!(s.list.filter.editing);
    for c in "padang".chars() {
        update(&mut s, Action::Input(c));
    }
    assert_eq!(
        s.requests.len(),
        1,
        "a newer keypress supersedes queued searches"
    );
    assert_eq!(s.requests[0].query, "padang");
    assert!(s.list.filter.pending);
    run_pending(&mut s);
    assert_eq!(titles(&s), ["Wali Kota Padang Tinjau Banjir"]);
    assert_eq!(s.list.filter.stats.unwrap().matches, 1);
    assert_eq!(s.reader.article, Some(1));
    update(&mut s, Action::Activate);
    assert!(
        !s.list.filter.editing && s.list.filter.is_active(),
        "Enter keeps the filter"
    );
    update(&mut s, Action::Back);
    assert_eq!(s.list.visible.len(), 3, "Esc clears it");
    assert_eq!(s.reader.article, Some(1), "the selection stays");
}

#[test]
fn filter_matches_official_names_not_only_titles() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("kustini"));
    assert_eq!(s.list.visible, [0, 2]);
}

#[test]
fn stale_search_results_are_dropped() {
    let mut s = state(120, 40);
    update(&mut s, Action::StartFilter);
    update(&mut s, Action::Input('x'));
    let stale = s.list.filter.generation;
    update(&mut s, Action::Input('y'));
    update(
        &mut s,
        Action::SearchDone(SearchResult {
            target: SearchTarget::Articles,
            generation: stale,
            hits: std::sync::Arc::new(vec![Hit::new(1, 1)]),
            elapsed: Duration::from_millis(1),
        }),
    );
    assert!(
        s.list.filter.hits.is_none(),
        "the answer to `x` is ignored once `xy` was typed"
    );
    assert!(s.list.filter.pending);
}

#[test]
fn backspace_and_clear_edit_the_query() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("padangx"));
    assert!(s.list.visible.is_empty());
    apply(&mut s, [Action::DeleteBack]);
    assert_eq!(s.list.filter.text, "padang");
    assert_eq!(s.list.visible, [1]);
    apply(&mut s, [Action::ClearInput]);
    assert_eq!(s.list.filter.text, "");
    assert_eq!(s.list.visible.len(), 3);
    assert!(s.requests.is_empty(), "an empty query needs no search");
}

#[test]
fn sidebar_filter_filters_entities() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::Focus(Pane::Sidebar), Action::StartFilter]);
    apply(&mut s, typed("dinas"));
    let row = s.sidebar.selected_row().unwrap();
    assert_eq!(&*row.name, "Dinas Perdagangan");
    assert_eq!(s.sidebar.visible.len(), 1);
    assert_eq!(s.list.visible.len(), 3, "the article list is untouched");
    apply(&mut s, [Action::Back]);
    assert_eq!(s.sidebar.visible.len(), 3);
}

#[test]
fn enter_on_an_entity_filters_articles_and_jumps_to_the_first_mention() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::Focus(Pane::Sidebar), Action::Activate]);
    let e = s.list.entity.as_ref().unwrap();
    assert_eq!(
        (e.target, e.label.as_str()),
        (EntityRef::Official(0), "Kustini Sri Purnomo")
    );
    assert_eq!(s.list.visible, [0, 2]);
    assert_eq!(
        s.reader.article,
        Some(0),
        "the open article mentions her: it stays"
    );
    assert_eq!(
        (s.reader.target, s.reader.mention),
        (Some(EntityRef::Official(0)), Some(0))
    );
    assert_eq!(s.focus, Pane::Sidebar);
}

#[test]
fn next_and_previous_mention_wrap_around() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::Focus(Pane::Sidebar)]);
    update(&mut s, Action::NextMention);
    assert_eq!(
        (s.reader.target, s.reader.mention),
        (Some(EntityRef::Official(0)), Some(0))
    );
    update(&mut s, Action::NextMention);
    assert_eq!(s.reader.mention, Some(1));
    update(&mut s, Action::NextMention);
    assert_eq!(s.reader.mention, Some(0));
    update(&mut s, Action::PrevMention);
    assert_eq!(s.reader.mention, Some(1));
    let lib = s.lib.clone().unwrap();
    let spans = lib.spans(0, EntityRef::Official(0));
    assert_eq!(
        &lib.articles()[0].body.text()[spans[1].start..spans[1].end],
        "Kustini"
    );
}

#[test]
fn mention_jump_scrolls_the_reader_to_the_mention() {
    let mut s = state(60, 12);
    apply(&mut s, [Action::Last]);
    let body = s.lib.as_ref().unwrap().articles()[2].body.text();
    let at = body.find("Kustini").unwrap();
    apply(&mut s, [Action::Focus(Pane::Sidebar), Action::NextMention]);
    let line = warta::app::reader::line_of(&s, at);
    let page = warta::app::reader::page_height(&s);
    assert!(
        s.reader.scroll <= line && line < s.reader.scroll + page,
        "mention on screen"
    );
    assert_eq!(
        s.lib.as_ref().unwrap().spans(2, EntityRef::Official(0)),
        [Span::new(at, at + 7)]
    );
}

#[test]
fn finder_searches_officials_and_opens_their_first_article() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::OpenFinder]);
    assert_eq!(s.finder.as_ref().unwrap().visible, [0, 1]);
    apply(&mut s, typed("wali padang"));
    assert_eq!(
        s.finder.as_ref().unwrap().visible,
        [1],
        "position and institution are searched"
    );
    apply(&mut s, [Action::DeleteBack, Action::ClearInput]);
    assert_eq!(s.finder.as_ref().unwrap().visible, [0, 1]);
    apply(&mut s, typed("hendri"));
    apply(&mut s, [Action::Activate]);
    assert!(s.finder.is_none());
    assert_eq!(s.reader.article, Some(1));
    assert_eq!(s.list.visible, [1]);
    assert_eq!(
        (s.reader.target, s.reader.mention),
        (Some(EntityRef::Official(1)), Some(0))
    );
    assert_eq!(s.focus, Pane::Reader);
    assert_eq!(&*s.sidebar.selected_row().unwrap().name, "Hendri Septa");
}

#[test]
fn finder_moves_and_closes() {
    let mut s = state(120, 40);
    apply(&mut s, [Action::OpenFinder, Action::Down]);
    assert_eq!(s.finder.as_ref().unwrap().selected, 1);
    apply(
        &mut s,
        [Action::Down, Action::Up, Action::Last, Action::First],
    );
    assert_eq!(s.finder.as_ref().unwrap().selected, 0);
    apply(&mut s, [Action::Input('q')]);
    assert!(!s.quit, "q is text in the finder");
    apply(&mut s, [Action::Back]);
    assert!(s.finder.is_none());
}
