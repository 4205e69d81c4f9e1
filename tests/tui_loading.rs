//! The reader while a corpus loads: progress lines, the time left, the
//! preview, filters typed meanwhile, and the open article's entities shown
//! before the corpus's are linked.

mod tui_screen;

use tui_screen::{apply, screen, seeds, status_line, typed};
use warta::app::{update, Action, Library, State};
use warta::corpus::load_seeds;
use warta::ui::strings::Lang;

#[test]
fn loading_shows_progress_then_indexing() {
    use warta::app::{update, Action, LoadProgress};
    let mut s = State::new(warta::ui::strings::Lang::En, (120, 20));
    assert!(screen(&s).contains("Loading articles…"));
    // Before reading: the files the walk has found so far.
    let walking = LoadProgress {
        files_found: 4321,
        elapsed_ms: 300,
        ..LoadProgress::default()
    };
    update(&mut s, Action::LoadProgress(walking));
    let text = screen(&s);
    assert!(
        text.contains("Loading articles… 4321 files found"),
        "{text}"
    );
    let mut p = LoadProgress {
        files_found: 10000,
        files_done: 2500,
        files_total: 10000,
        bytes: 8_700_000,
        articles: 2500,
        elapsed_ms: 500,
        indexing: false,
        entities_done: 0,
        linking: false,
        search_indexing: false,
        step_ms: 0,
        pace: warta::app::Pace {
            items: 2500,
            ms: 200,
        },
    };
    update(&mut s, Action::LoadProgress(p));
    assert_eq!(s.load_progress, Some(p));
    let text = screen(&s);
    for piece in [
        "Loading articles… 2500 of 10000",
        "8.7 MB",
        "5000 articles/s",
    ] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
    // Too early to tell how long the reading has left.
    assert!(!text.contains("left"), "{text}");
    // The last 1 000 files in 2 s, 7 500 to go: 15 s more.
    p.pace = warta::app::Pace {
        items: 1000,
        ms: 2000,
    };
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    // (the list pane wraps the line)
    assert!(text.contains("about 15 s left"), "{text}");
    // A slow stretch, 100 files in 3 s: 225 s, said in minutes.
    p.pace = warta::app::Pace {
        items: 100,
        ms: 3000,
    };
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    assert!(text.contains("about 4 min left"), "{text}");
    p.indexing = true;
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    assert!(
        text.contains("Finding officials, places") && text.contains("2500 articles…"),
        "{text}"
    );
    p.entities_done = 1000;
    update(&mut s, Action::LoadProgress(p));
    // (the list pane wraps the line)
    let text = screen(&s);
    for piece in ["Finding officials, places and", "40% (1000 of 2500"] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
    p.linking = true;
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    for piece in ["Linking officials across 2500", "articles (step 1 of 2)…"] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
    p.search_indexing = true;
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    for piece in ["Indexing 2500 articles for search", "(step 2 of 2)…"] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
}

#[test]
fn the_status_bar_counts_the_articles_whose_entities_are_found() {
    use warta::app::{LoadProgress, Pace};
    let lib = Library::unindexed(std::sync::Arc::new(load_seeds()));
    let mut s = State::with_library(lib, Lang::En, (120, 40));
    // 2 of 5 articles, lately at one a second: about 3 s left.
    let mut p = LoadProgress {
        files_found: 5,
        files_done: 5,
        files_total: 5,
        articles: 5,
        indexing: true,
        entities_done: 2,
        elapsed_ms: 4000,
        pace: Pace { items: 1, ms: 1000 },
        ..LoadProgress::default()
    };
    update(&mut s, Action::LoadProgress(p));
    let expected =
        "Finding officials, places and programmes… 40% (2 of 5 articles) · about 3 s left";
    assert!(status_line(&s).contains(expected), "{}", status_line(&s));
    // Too early in the step to tell.
    p.pace.ms = 900;
    update(&mut s, Action::LoadProgress(p));
    let status = status_line(&s);
    assert!(status.contains("40% (2 of 5 articles)"), "{status}");
    assert!(!status.contains("left"), "{status}");
    p.pace.ms = 1000;
    // Linking has no count to go by, so no time left: each half says how
    // long it has taken, from a second on.
    p.linking = true;
    p.step_ms = 900;
    update(&mut s, Action::LoadProgress(p));
    let status = status_line(&s);
    assert!(
        status.contains("Linking officials across 5 articles (step 1 of 2)… ")
            && !status.contains("so far")
            && !status.contains("left"),
        "{status}"
    );
    p.step_ms = 4200;
    update(&mut s, Action::LoadProgress(p));
    let status = status_line(&s);
    assert!(
        status.contains("Linking officials across 5 articles (step 1 of 2)… · 4 s so far"),
        "{status}"
    );
    p.search_indexing = true;
    p.step_ms = 95_000;
    update(&mut s, Action::LoadProgress(p));
    let status = status_line(&s);
    assert!(
        status.contains("Indexing 5 articles for search (step 2 of 2)… · 2 min so far"),
        "{status}"
    );
    p.search_indexing = false;
    p.step_ms = 0;
    // In Indonesian too.
    let lib = Library::unindexed(std::sync::Arc::new(load_seeds()));
    let mut s = State::with_library(lib, Lang::Id, (120, 40));
    p.linking = false;
    update(&mut s, Action::LoadProgress(p));
    let expected =
        "Mencari pejabat, tempat dan program… 40% (2 dari 5 artikel) · sekitar 3 detik lagi";
    assert!(status_line(&s).contains(expected), "{}", status_line(&s));
    p.linking = true;
    p.search_indexing = true;
    p.step_ms = 3000;
    update(&mut s, Action::LoadProgress(p));
    let expected = "Mengindeks 5 artikel untuk pencarian (langkah 2 dari 2)… · sudah 3 detik";
    assert!(status_line(&s).contains(expected), "{}", status_line(&s));
}

#[test]
fn the_open_articles_entities_show_before_the_corpus_is_linked() {
    use std::sync::Arc;
    use warta::app::found;
    let mut s = State::with_library(
        Library::unindexed(Arc::new(load_seeds())),
        Lang::En,
        (120, 40),
    );
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
    let mut s = State::with_library(
        Library::unindexed(Arc::new(load_seeds())),
        Lang::Id,
        (120, 40),
    );
    let requests = std::mem::take(&mut s.found_requests);
    update(&mut s, Action::EntitiesFound(found::find(&requests[0])));
    let text = screen(&s);
    assert!(text.contains("Belum ditautkan antarartikel."), "{text}");
    assert!(text.contains("Pejabat (3)"), "{text}");
}

#[test]
fn articles_are_readable_while_entities_are_extracted() {
    let lib = Library::unindexed(std::sync::Arc::new(load_seeds()));
    let s = State::with_library(lib, Lang::En, (120, 40));
    let text = screen(&s);
    assert!(text.contains("Articles 5/5"), "{text}");
    assert!(text.contains("Para Pejabat Tinggi Pratama"), "{text}");
    assert!(
        text.contains("Finding officials, places and programmes in 5 articles…"),
        "{text}"
    );
    assert!(!text.contains("Officials ("), "{text}");
    assert!(text.contains("Entities are still being found…"), "{text}");
    assert!(!text.contains("No entities."), "{text}");
    // The finder has nothing to match yet, and says so rather than 0 matches.
    let mut s = s;
    apply(&mut s, [Action::OpenFinder]);
    apply(&mut s, typed("agung"));
    let text = screen(&s);
    assert!(text.contains("Officials are still being found…"), "{text}");
    assert!(!text.contains("0 matches"), "{text}");
    assert!(!text.contains("No official matches."), "{text}");
    // Once they are in, an empty answer is one.
    let mut s = seeds(120, 40);
    apply(&mut s, [Action::OpenFinder]);
    apply(&mut s, typed("zqzq"));
    let text = screen(&s);
    assert!(text.contains("0 matches · 0.40 ms"), "{text}");
    assert!(text.contains("No official matches."), "{text}");
}

/// A load that has read 2 048 of 10 000 files.
fn reading_2048_of_10000() -> warta::app::LoadProgress {
    warta::app::LoadProgress {
        files_found: 10000,
        files_done: 2048,
        files_total: 10000,
        bytes: 7_100_000,
        articles: 2048,
        elapsed_ms: 400,
        indexing: false,
        entities_done: 0,
        linking: false,
        search_indexing: false,
        step_ms: 0,
        pace: warta::app::Pace {
            items: 2048,
            ms: 300,
        },
    }
}

/// The same load with every file read, its entities being found.
fn every_file_read_of_10000() -> warta::app::LoadProgress {
    warta::app::LoadProgress {
        files_done: 10000,
        articles: 10000,
        indexing: true,
        ..reading_2048_of_10000()
    }
}

#[test]
fn a_preview_lists_the_first_articles_with_the_load_progress_below() {
    let seeds = load_seeds();
    let mut s = State::with_library(Library::preview(&seeds.articles[..2]), Lang::En, (120, 40));
    update(&mut s, Action::LoadProgress(reading_2048_of_10000()));
    let text = screen(&s);
    assert!(text.contains("Articles 2/2"), "{text}");
    assert!(
        text.contains("Loading articles… 2048 of 10000 files · 7.1 MB · 5120 articles/s"),
        "{text}"
    );
    assert!(!text.contains("Finding officials"), "{text}");
    // Every file read, the preview still up for a moment: the line says
    // what comes next, not a bare "Loading articles…".
    update(&mut s, Action::LoadProgress(every_file_read_of_10000()));
    let status = status_line(&s);
    assert!(
        status.contains("Finding officials, places and programmes in 10000 articles…"),
        "{status}"
    );
}

#[test]
fn a_filter_typed_while_loading_says_its_answer_will_grow() {
    let corpus = load_seeds();
    let mut s = State::with_library(Library::preview(&corpus.articles[..2]), Lang::En, (120, 40));
    update(&mut s, Action::LoadProgress(reading_2048_of_10000()));
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("banten"));
    let text = screen(&s);
    assert!(
        text.contains("/ banten▏  2 matches · 0.40 ms · still loading: 2048 of 10000 files"),
        "{text}"
    );
    // Every file read while the preview is still up: what comes next.
    update(&mut s, Action::LoadProgress(every_file_read_of_10000()));
    let text = screen(&s);
    assert!(
        text.contains("2 matches · 0.40 ms · still finding officials"),
        "{text}"
    );

    let unindexed = Library::unindexed(std::sync::Arc::new(load_seeds()));
    let mut s = State::with_library(unindexed, Lang::En, (120, 40));
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("banten"));
    let text = screen(&s);
    assert!(text.contains(" · still finding officials"), "{text}");
    // With a count, how far the extraction is; then the last step.
    let mut p = warta::app::LoadProgress {
        files_total: 5,
        files_done: 5,
        articles: 5,
        indexing: true,
        entities_done: 3,
        ..Default::default()
    };
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    assert!(text.contains(" · still finding officials: 60%"), "{text}");
    p.linking = true;
    update(&mut s, Action::LoadProgress(p));
    let text = screen(&s);
    assert!(text.contains(" · still linking officials"), "{text}");

    // Once everything is in, the summary is the count and time alone.
    let mut s = seeds(120, 40);
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("banten"));
    let text = screen(&s);
    assert!(!text.contains("still"), "{text}");
}

#[test]
fn a_narrow_status_bar_shortens_the_progress_but_keeps_the_time_left() {
    use warta::app::{LoadProgress, Pace};
    let seeds = load_seeds();
    // 2 048 of 10 000 files read, lately 1 000 in 2 s: about 16 s left.
    let reading = LoadProgress {
        pace: Pace {
            items: 1000,
            ms: 2000,
        },
        ..reading_2048_of_10000()
    };
    let status_at = |width: u16, p: LoadProgress| {
        let lib = Library::preview(&seeds.articles[..2]);
        let mut s = State::with_library(lib, Lang::En, (width, 24));
        update(&mut s, Action::LoadProgress(p));
        status_line(&s)
    };
    let wide = status_at(120, reading);
    assert!(
        wide.contains(
            "Loading articles… 2048 of 10000 files · 7.1 MB · 5120 articles/s · about 16 s left"
        ),
        "{wide}"
    );
    // 80 columns: the same in fewer words, and the hints beside it.
    let status = status_at(80, reading);
    assert!(
        status.starts_with("Loading 2048/10000 files · 7.1 MB · 5120/s · about 16 s left")
            && status.ends_with("? help · q quit"),
        "{status}"
    );
    // 40 columns: the counts and the time alone.
    let status = status_at(40, reading);
    assert_eq!(status.trim_end(), "Loading 2048/10000 · about 16 s left");
    // Finding entities: 30 % of 10 000, lately 1 000 in a second: 7 s left.
    let finding = LoadProgress {
        entities_done: 3000,
        pace: Pace {
            items: 1000,
            ms: 1000,
        },
        ..every_file_read_of_10000()
    };
    let status = status_at(80, finding);
    assert!(
        status.starts_with("Finding officials… 30% (3000 of 10000) · about 7 s left"),
        "{status}"
    );
    let status = status_at(40, finding);
    assert_eq!(status.trim_end(), "Finding officials… 30% · about 7 s left");
    // Linking, in either half, keeps its step and its time so far.
    let linking = LoadProgress {
        linking: true,
        step_ms: 3000,
        ..finding
    };
    let status = status_at(40, linking);
    assert_eq!(
        status.trim_end(),
        "Linking officials (1 of 2)… · 3 s so far"
    );
    let status = status_at(
        40,
        LoadProgress {
            search_indexing: true,
            ..linking
        },
    );
    assert_eq!(status.trim_end(), "Indexing search (2 of 2)… · 3 s so far");
}

#[test]
fn the_found_rows_scroll_and_their_mentions_can_be_visited() {
    use std::sync::Arc;
    use warta::app::{found, reader, Pane};
    // 16 lines: the sidebar has 13 inside, fewer than the 17 rows take.
    let mut s = State::with_library(
        Library::unindexed(Arc::new(load_seeds())),
        Lang::En,
        (120, 16),
    );
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
    let unindexed = Library::unindexed(Arc::new(load_seeds()));
    let mut s = State::with_library(unindexed, Lang::En, (120, 20));
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
