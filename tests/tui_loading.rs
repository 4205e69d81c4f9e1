//! The reader while a corpus loads: progress lines, the time left, the
//! preview and filters typed meanwhile (the open article's entities shown
//! before the corpus's are linked: `tui_found.rs`).

mod tui_screen;

use tui_screen::{apply, loading_seeds, screen, seeds, status_line, typed};
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
    let mut s = loading_seeds(Lang::En, 120, 40);
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
    let status = status_after(&mut s, p);
    let expected =
        "Finding officials, places and programmes… 40% (2 of 5 articles) · about 3 s left";
    assert!(status.contains(expected), "{status}");
    // Too early in the step to tell.
    p.pace.ms = 900;
    let status = status_after(&mut s, p);
    assert!(status.contains("40% (2 of 5 articles)"), "{status}");
    assert!(!status.contains("left"), "{status}");
    p.pace.ms = 1000;
    // Linking has no count to go by, so no time left: each half says how
    // long it has taken, from a second on.
    p.linking = true;
    p.step_ms = 900;
    let status = status_after(&mut s, p);
    assert!(
        status.contains("Linking officials across 5 articles (step 1 of 2)… ")
            && !status.contains("so far")
            && !status.contains("left"),
        "{status}"
    );
    p.step_ms = 4200;
    let status = status_after(&mut s, p);
    assert!(
        status.contains("Linking officials across 5 articles (step 1 of 2)… · 4 s so far"),
        "{status}"
    );
    p.search_indexing = true;
    p.step_ms = 95_000;
    let status = status_after(&mut s, p);
    assert!(
        status.contains("Indexing 5 articles for search (step 2 of 2)… · 2 min so far"),
        "{status}"
    );
    p.search_indexing = false;
    p.step_ms = 0;
    // In Indonesian too.
    let mut s = loading_seeds(Lang::Id, 120, 40);
    p.linking = false;
    let status = status_after(&mut s, p);
    let expected =
        "Mencari pejabat, tempat dan program… 40% (2 dari 5 artikel) · sekitar 3 detik lagi";
    assert!(status.contains(expected), "{status}");
    p.linking = true;
    p.search_indexing = true;
    p.step_ms = 3000;
    let status = status_after(&mut s, p);
    let expected = "Mengindeks 5 artikel untuk pencarian (langkah 2 dari 2)… · sudah 3 detik";
    assert!(status.contains(expected), "{status}");
}

#[test]
fn articles_are_readable_while_entities_are_extracted() {
    let s = loading_seeds(Lang::En, 120, 40);
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

    let mut s = loading_seeds(Lang::En, 120, 40);
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

/// The status bar once `p` is taken in.
fn status_after(s: &mut State, p: warta::app::LoadProgress) -> String {
    update(s, Action::LoadProgress(p));
    status_line(s)
}
