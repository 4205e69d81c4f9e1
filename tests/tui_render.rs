//! Snapshots of whole frames (ratatui's TestBackend) over the embedded seeds
//! at 120x40, 80x24 and 40x12, plus exact checks that do not need a snapshot.

mod tui_screen;

use tui_screen::{apply, render, screen, seeds, typed};
use warta::app::{Action, Library, State};
use warta::corpus::load_seeds;
use warta::ui::strings::Lang;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

#[test]
fn start_screen() {
    for (w, h) in SIZES {
        let s = seeds(w, h);
        insta::assert_snapshot!(format!("start_{w}x{h}"), render(&s).backend());
    }
}

#[test]
fn filter_wisman() {
    for (w, h) in SIZES {
        let mut s = seeds(w, h);
        apply(&mut s, [Action::StartFilter]);
        apply(&mut s, typed("wisman"));
        insta::assert_snapshot!(format!("filter_wisman_{w}x{h}"), render(&s).backend());
    }
}

#[test]
fn finder_untung_then_open() {
    for (w, h) in SIZES {
        let mut s = seeds(w, h);
        apply(&mut s, [Action::OpenFinder]);
        apply(&mut s, typed("untung"));
        insta::assert_snapshot!(format!("finder_untung_{w}x{h}"), render(&s).backend());
        apply(&mut s, [Action::Activate]);
        insta::assert_snapshot!(format!("finder_opened_{w}x{h}"), render(&s).backend());
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut s = seeds(w, h);
        apply(&mut s, [Action::ToggleHelp]);
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&s).backend());
    }
}

#[test]
fn sidebar_corpus_scope_and_narrow_sidebar() {
    let mut s = seeds(120, 40);
    apply(&mut s, [Action::ToggleScope, Action::Focus(Pane::Sidebar)]);
    insta::assert_snapshot!("corpus_scope_120x40", render(&s).backend());
    let mut s = seeds(80, 24);
    apply(&mut s, [Action::Focus(Pane::Sidebar)]);
    insta::assert_snapshot!("sidebar_folded_in_80x24", render(&s).backend());
}

use warta::app::Pane;

#[test]
fn wisman_leaves_only_the_kota_tangerang_article() {
    let mut s = seeds(120, 40);
    apply(&mut s, [Action::StartFilter]);
    apply(&mut s, typed("wisman"));
    let text = screen(&s);
    assert!(text.contains("Articles 1/5"), "{text}");
    assert!(text.contains("/ wisman▏  1 match · 0.40 ms"), "{text}");
    let lib = s.lib.as_ref().unwrap();
    assert_eq!(s.list.visible.len(), 1);
    assert!(lib.articles()[s.list.visible[0]]
        .title
        .ends_with("di Kota Tangerang"));
    apply(&mut s, [Action::Back]);
    assert!(screen(&s).contains("Articles 5/5"));
}

#[test]
fn too_small_shows_a_notice() {
    let s = seeds(12, 4);
    let text = screen(&s);
    assert!(
        text.contains("Terminal too") && text.contains("small"),
        "{text}"
    );
}

#[test]
fn reader_header_shows_title_date_site_author_and_path() {
    let s = seeds(120, 40);
    let text = screen(&s);
    for part in [
        "Para Pejabat Tinggi Pratama",
        "2023-10-17 · BantenHits.com · by Darussalam",
        "seeds/000_bbc4bc9959b0c5c3.txt",
        "Reader · line 1/",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
}

#[test]
fn wide_characters_keep_the_frame_aligned() {
    let mut corpus = load_seeds();
    let a = &mut corpus.articles[0];
    a.title = "日本語のタイトル 😀 ÉLOK Kami\u{301}l \u{1b}[31m".to_string();
    a.body = "日本語の本文です。".repeat(20).into();
    let lib = Library::build(corpus);
    let s = State::with_library(lib, Lang::En, (80, 24));
    let text = screen(&s);
    for line in text.lines() {
        assert_eq!(unicode_width::UnicodeWidthStr::width(line), 80, "{line}");
    }
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn a_filter_longer_than_the_line_shows_its_end_and_the_count() {
    let mut s = seeds(60, 20);
    apply(&mut s, [Action::StartFilter]);
    apply(
        &mut s,
        typed("kepala badan pengembangan sumber daya manusia provinsi banten"),
    );
    let text = screen(&s);
    let status = text.lines().last().unwrap();
    assert!(
        status.starts_with("/ …") && status.contains("provinsi banten▏  0 matches · 0.40 ms"),
        "{status}"
    );
    // a short one is shown whole, as before
    apply(&mut s, [Action::ClearInput]);
    apply(&mut s, typed("wisman"));
    let text = screen(&s);
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("/ wisman▏  1 match"),
        "{text}"
    );
    // and in the finder the same
    apply(&mut s, [Action::Back, Action::OpenFinder]);
    apply(
        &mut s,
        typed("kepala badan pengembangan sumber daya manusia provinsi"),
    );
    let text = screen(&s);
    assert!(
        text.contains("│/ …") && text.contains("provinsi▏  1 match · 0.40 ms│"),
        "{text}"
    );
}

#[test]
fn a_click_in_the_finder_selects_the_official_drawn_there_and_a_second_opens_it() {
    let mut s = seeds(120, 40);
    apply(&mut s, [Action::OpenFinder]);
    let text = screen(&s);
    // the cell of a name as drawn
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Arief R. Wismansyah  Wali Kota"))
        .expect("the name in the finder");
    let column = line[..line.find("Arief").unwrap()].chars().count() as u16;
    let click = Action::Click {
        column,
        row: row as u16,
    };
    apply(&mut s, [click.clone()]);
    let f = s.finder.as_ref().expect("the finder stays open");
    let lib = s.lib.as_ref().unwrap();
    let chosen = lib.official(f.visible[f.selected]).unwrap();
    assert_eq!(chosen.name, "Arief R. Wismansyah");
    // a click on the input line or outside the rows selects nothing else
    let selected = f.selected;
    apply(
        &mut s,
        [Action::Click {
            column,
            row: row as u16 - 1 - selected as u16,
        }],
    );
    assert_eq!(s.finder.as_ref().unwrap().selected, selected);
    apply(&mut s, [click]);
    assert!(s.finder.is_none(), "the second click opens the official");
    let text = screen(&s);
    assert!(text.contains("Arief R. Wismansyah"), "{text}");
    assert_eq!(s.focus, Pane::Reader);
}
