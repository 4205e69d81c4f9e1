//! Driving the reader's state without a terminal and reading the frame
//! back as text (ratatui's TestBackend), for the render tests.
#![allow(dead_code)]

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::Duration;
use warta::app::search::run_pending;
use warta::app::{update, Action, Library, State};
use warta::corpus::load_seeds;
use warta::ui::strings::Lang;

/// The seeds as the reader has them while their entities are still found
/// (the whole list, no entities), at `width` x `height`.
pub fn loading_seeds(lang: Lang, width: u16, height: u16) -> State {
    let lib = Library::unindexed(std::sync::Arc::new(load_seeds()));
    State::with_library(lib, lang, (width, height))
}

/// The seeds with every index, at `width` x `height`.
pub fn seeds(width: u16, height: u16) -> State {
    State::with_library(Library::build(load_seeds()), Lang::En, (width, height))
}

/// Applies `actions`, answering the searches they ask for.
pub fn apply(s: &mut State, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(s, a);
        run_pending(s);
    }
    // timings vary from run to run; snapshots show a fixed one
    for f in [&mut s.list.filter, &mut s.sidebar.filter] {
        if let Some(st) = &mut f.stats {
            st.elapsed = Duration::from_micros(400);
        }
    }
    if let Some(st) = s.finder.as_mut().and_then(|f| f.filter.stats.as_mut()) {
        st.elapsed = Duration::from_micros(400);
    }
}

/// The actions that type `text`.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

/// Draws the state on a test terminal of its size.
pub fn render(s: &State) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).unwrap();
    t.draw(|f| warta::ui::draw(f, s)).unwrap();
    t
}

/// The frame as text, a line per row.
pub fn screen(s: &State) -> String {
    let t = render(s);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            // a wide character covers the next cell too
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

/// The frame's last row: the status bar.
pub fn status_line(s: &State) -> String {
    screen(s).lines().last().unwrap_or_default().to_string()
}
