//! The open article's entities while the corpus's are still found: shown
//! apart from the linked library, moved through and visited, then handed
//! over to the linked rows with the reader's place kept.

mod tui_screen;

use tui_screen::{loading_seeds, screen};
use warta::app::{update, Action, Library};
use warta::corpus::load_seeds;
use warta::ui::strings::Lang;

#[test]
fn the_open_articles_entities_show_before_the_corpus_is_linked() {
    use std::sync::Arc;
    use warta::app::found;
    let mut s = loading_seeds(Lang::En, 120, 40);
    // Found off the UI thread: the notice shows until the answer comes.
    let requests = std::mem::take(&mut s.found_requests);
    assert_eq!(requests.len(), 1);
    assert_eq!(Some(requests[0].article), s.reader.article);
    assert!(screen(&s).contains("Entities are still being found…"));
    let first = found::find(&requests[0]);
    update(&mut s, Action::EntitiesFound(first.clone()));
    let text = screen(&s);
    for piece in [
        "Entities 17/17 · article",
        "Not linked across articles yet.",
        "Officials (3)",
        "Agung Basuki",
        "  Pejabat BPSDM · Provinsi Ban",
        "Organisations (3)",
        "Figures (1)",
        "30 orang",
    ] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
    assert!(!text.contains("still being found"), "{text}");
    // The next article asks for its own; a late answer for the first is
    // not shown for it.
    update(&mut s, Action::Down);
    let requests = std::mem::take(&mut s.found_requests);
    assert_eq!(requests.len(), 1);
    assert_eq!(Some(requests[0].article), s.reader.article);
    update(&mut s, Action::EntitiesFound(first));
    let text = screen(&s);
    assert!(!text.contains("Agung Basuki"), "{text}");
    assert!(text.contains("Entities are still being found…"), "{text}");
    update(&mut s, Action::EntitiesFound(found::find(&requests[0])));
    assert!(screen(&s).contains("Not linked across articles yet."));
    // The corpus scope waits for the library.
    update(&mut s, Action::ToggleScope);
    let text = screen(&s);
    assert!(!text.contains("Not linked"), "{text}");
    assert!(text.contains("Entities are still being found…"), "{text}");
    update(&mut s, Action::ToggleScope);
    // Once the library has its entities, its rows take their place.
    update(
        &mut s,
        Action::Loaded(Arc::new(Library::build(load_seeds()))),
    );
    assert!(s.sidebar.found.is_none());
    assert!(s.found_requests.is_empty());
    let text = screen(&s);
    assert!(!text.contains("Not linked"), "{text}");
    assert!(text.contains("Officials ("), "{text}");
    // In Indonesian too.
    let mut s = loading_seeds(Lang::Id, 120, 40);
    let requests = std::mem::take(&mut s.found_requests);
    update(&mut s, Action::EntitiesFound(found::find(&requests[0])));
    let text = screen(&s);
    assert!(text.contains("Belum ditautkan antarartikel."), "{text}");
    assert!(text.contains("Pejabat (3)"), "{text}");
}

#[test]
fn the_found_rows_scroll_and_their_mentions_can_be_visited() {
    use std::sync::Arc;
    use warta::app::{found, reader, Pane};
    // 16 lines: the sidebar has 13 inside, fewer than the 17 rows take.
    let mut s = loading_seeds(Lang::En, 120, 16);
    let requests = std::mem::take(&mut s.found_requests);
    update(&mut s, Action::EntitiesFound(found::find(&requests[0])));
    let rows = found::shown(&s).expect("found rows").to_vec();
    assert_eq!(rows.len(), 17);
    // The reader colours the mentions found apart (the library has none).
    let mentions = reader::mention_spans(&s);
    let spans: usize = rows.iter().map(|r| r.spans.len()).sum();
    assert_eq!(mentions.len(), spans);
    assert!(mentions.windows(2).all(|w| w[0].0.start <= w[1].0.start));
    update(&mut s, Action::Focus(Pane::Sidebar));
    let text = screen(&s);
    assert!(text.contains("Officials (3)"), "{text}");
    assert!(!text.contains("30 orang"), "{text}");
    // The last row scrolls into view under the line that stays on top.
    update(&mut s, Action::Last);
    let text = screen(&s);
    for piece in ["Not linked across articles yet.", "Figures (1)", "30 orang"] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
    assert!(!text.contains("Officials (3)"), "{text}");
    update(&mut s, Action::First);
    assert!(screen(&s).contains("Officials (3)"));
    // A shorter terminal keeps the selected row in view.
    update(&mut s, Action::Last);
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    // Room for every row: none scrolled off above.
    assert_eq!(s.sidebar.found.as_ref().map(|f| f.offset), Some(0));
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 12,
        },
    );
    assert!(screen(&s).contains("30 orang"), "{}", screen(&s));
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 16,
        },
    );
    update(&mut s, Action::First);
    assert!(screen(&s).contains("Officials (3)"));
    // `n` visits the selected row's mentions, wrapping around.
    update(&mut s, Action::Down);
    let second = &rows[1];
    assert_eq!(second.kind, warta::entities::EntityKind::Official);
    update(&mut s, Action::NextMention);
    assert_eq!(reader::target_spans(&s), second.spans);
    assert_eq!(s.reader.mention, Some(0));
    for _ in 0..second.spans.len() {
        update(&mut s, Action::NextMention);
    }
    assert_eq!(s.reader.mention, Some(0));
    update(&mut s, Action::PrevMention);
    assert_eq!(s.reader.mention, Some(second.spans.len() - 1));
    // `Enter` on another row goes to its first mention.
    update(&mut s, Action::Last);
    update(&mut s, Action::Activate);
    assert_eq!(reader::target_spans(&s), rows[16].spans);
    assert_eq!(s.reader.mention, Some(0));
    let line = reader::line_of(&s, rows[16].spans[0].start);
    assert!(
        (s.reader.scroll..s.reader.scroll + 13).contains(&line),
        "line {line}, scroll {}",
        s.reader.scroll
    );
    // A click picks the row under it: the sidebar's first line inside is
    // the "not linked" one, then `Officials (3)`, the first official and
    // its post, the second official (screen row 5, scrolled back to the top).
    update(&mut s, Action::First);
    update(
        &mut s,
        Action::Click {
            column: 110,
            row: 5,
        },
    );
    assert_eq!(s.sidebar.found.as_ref().map(|f| f.selected), Some(1));
    // The header line picks nothing.
    update(
        &mut s,
        Action::Click {
            column: 110,
            row: 2,
        },
    );
    assert_eq!(s.sidebar.found.as_ref().map(|f| f.selected), Some(1));
    // The whole list replacing a preview keeps the found rows, the row
    // visited and the reader's place.
    update(&mut s, Action::NextMention);
    update(&mut s, Action::PrevMention);
    let last = rows[1].spans.len() - 1;
    assert_eq!(s.reader.mention, Some(last));
    let (scroll, article) = (s.reader.scroll, s.reader.article);
    update(
        &mut s,
        Action::Loaded(Arc::new(Library::unindexed(Arc::new(load_seeds())))),
    );
    assert!(found::shown(&s).is_some());
    assert_eq!((s.reader.article, s.reader.scroll), (article, scroll));
    assert_eq!(s.reader.mention, Some(last));
    assert_eq!(reader::target_spans(&s), rows[1].spans);
    // Once the library is in, its own rows and spans take over, with the
    // row visited and the reader's place kept.
    update(
        &mut s,
        Action::Loaded(Arc::new(Library::build(load_seeds()))),
    );
    assert!(found::shown(&s).is_none());
    assert!(found::target_spans(&s).is_none());
    assert_eq!((s.reader.article, s.reader.scroll), (article, scroll));
    let row = s.sidebar.selected_row().expect("a linked row is selected");
    assert_eq!(&*row.name, rows[1].name.as_str());
    assert_eq!(s.reader.target, Some(row.target));
    assert_eq!(s.reader.mention, Some(last));
    assert_eq!(reader::target_spans(&s), rows[1].spans);
}

#[test]
fn the_reader_keeps_its_place_when_the_library_arrives() {
    use std::sync::Arc;
    let mut s = loading_seeds(Lang::En, 120, 20);
    update(&mut s, Action::Down);
    update(&mut s, Action::Focus(warta::app::Pane::Reader));
    for _ in 0..5 {
        update(&mut s, Action::Down);
    }
    let before = (s.reader.article, s.reader.scroll);
    assert_eq!(before.1, 5);
    update(
        &mut s,
        Action::Loaded(Arc::new(Library::build(load_seeds()))),
    );
    assert_eq!((s.reader.article, s.reader.scroll), before);
    assert_eq!(s.focus, warta::app::Pane::Reader);
}

#[test]
fn a_sidebar_filter_narrows_the_found_rows_while_the_corpus_loads() {
    use std::sync::Arc;
    use tui_screen::{apply, typed};
    use warta::app::search::run_pending;
    use warta::app::{found, reader, Pane};
    let names = |s: &warta::app::State| -> Vec<String> {
        found::shown(s)
            .map(|rows| rows.iter().map(|r| r.name.clone()).collect())
            .unwrap_or_default()
    };
    // Typed before the rows are found: the filter runs when they come.
    let mut s = loading_seeds(Lang::En, 120, 40);
    let requests = std::mem::take(&mut s.found_requests);
    apply(&mut s, [Action::Focus(Pane::Sidebar), Action::StartFilter]);
    apply(&mut s, typed("tangerang"));
    assert!(screen(&s).contains("Entities are still being found…"));
    update(&mut s, Action::EntitiesFound(found::find(&requests[0])));
    run_pending(&mut s);
    let shown = names(&s);
    for name in [
        "Andi Ony Prihartono",
        "Ujang Sudiartono",
        "Pemkab Tangerang",
        "Kabupaten Tangerang",
    ] {
        assert!(shown.iter().any(|n| n == name), "{name}: {shown:?}");
    }
    assert!(!shown.iter().any(|n| n == "Agung Basuki"), "{shown:?}");
    assert!(!shown.iter().any(|n| n == "30 orang"), "{shown:?}");
    // Grouped as the sidebar groups them: officials first.
    let kinds: Vec<_> = found::shown(&s).unwrap().iter().map(|r| r.kind).collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
    let text = screen(&s);
    assert!(
        text.contains(&format!("Entities {}/17 · article", shown.len())),
        "{text}"
    );
    assert!(text.contains("Not linked across articles yet."), "{text}");
    assert!(tui_screen::status_line(&s).contains(&format!("{} matches", shown.len())));
    // The selection scrolls through the matches, not through every row:
    // the selected match's lines are always in view, going either way.
    let in_view = |s: &warta::app::State| {
        let f = s.sidebar.found.as_ref().expect("found rows");
        let lines = found::lines(&f.view);
        // The first line inside says the rows are not linked yet.
        let height = warta::app::sidebar::inner_height(s) - 1;
        lines.iter().enumerate().all(|(at, line)| match line {
            found::FoundLine::Name(i) | found::FoundLine::Detail(i) if *i == f.selected => {
                (f.offset..f.offset + height).contains(&at)
            }
            _ => true,
        })
    };
    apply(&mut s, [Action::StartFilter, Action::ClearInput]);
    apply(&mut s, typed("diklat"));
    apply(&mut s, [Action::Activate]);
    let matches = names(&s).len();
    assert!((2..17).contains(&matches), "{:?}", names(&s));
    for height in 8..13 {
        let size = Action::Resize { width: 120, height };
        apply(&mut s, [size, Action::Last]);
        for _ in 0..matches {
            assert!(in_view(&s), "{height}: {}", screen(&s));
            apply(&mut s, [Action::Up]);
        }
        for _ in 0..matches {
            assert!(in_view(&s), "{height}: {}", screen(&s));
            apply(&mut s, [Action::Down]);
        }
    }
    let size = Action::Resize {
        width: 120,
        height: 40,
    };
    apply(&mut s, [size, Action::StartFilter, Action::ClearInput]);
    apply(&mut s, typed("tangerang"));
    apply(&mut s, [Action::Activate, Action::First]);
    assert_eq!(names(&s), shown);
    // The reader's target stays on its row while the filter narrows.
    let ujang = shown.iter().position(|n| n == "Ujang Sudiartono").unwrap();
    let spans = found::shown(&s).unwrap()[ujang].spans.clone();
    for _ in 0..ujang {
        apply(&mut s, [Action::Down]);
    }
    apply(&mut s, [Action::NextMention]);
    assert_eq!(reader::target_spans(&s), spans);
    assert_eq!(s.reader.mention, Some(0));
    apply(&mut s, [Action::StartFilter, Action::ClearInput]);
    apply(&mut s, typed("ujang"));
    assert_eq!(names(&s), ["Ujang Sudiartono"]);
    assert_eq!(reader::target_spans(&s), spans);
    assert_eq!(s.reader.mention, Some(0));
    // No match: nothing to visit, and the sidebar says so.
    apply(&mut s, typed("qq"));
    assert!(names(&s).is_empty());
    assert_eq!(s.reader.mention, None);
    let text = screen(&s);
    assert!(text.contains("Entities 0/17 · article"), "{text}");
    assert!(text.contains("No entities."), "{text}");
    // Esc clears it: every row again.
    apply(&mut s, [Action::Back]);
    assert_eq!(names(&s).len(), 17);
    // Aimed through a filter, the row is the one picked when the library
    // arrives, and the library's rows are filtered the same way.
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("tangerang"));
    apply(&mut s, [Action::Activate]);
    for _ in 0..ujang {
        apply(&mut s, [Action::Down]);
    }
    apply(&mut s, [Action::NextMention]);
    assert_eq!(reader::target_spans(&s), spans);
    apply(
        &mut s,
        [Action::Loaded(Arc::new(Library::build(load_seeds())))],
    );
    assert!(s.sidebar.found.is_none());
    let row = s.sidebar.selected_row().expect("a linked row selected");
    assert_eq!(&*row.name, "Ujang Sudiartono");
    assert!(s.sidebar.visible.len() < s.sidebar.rows.len());
    assert_eq!(s.reader.target, Some(row.target));
    assert_eq!(s.reader.mention, Some(0));
}
