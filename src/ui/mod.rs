//! Drawing: every function here reads [`State`] and draws; none changes it.

pub mod layout;
mod list;
mod popup;
mod reader;
mod sidebar;
mod status;
pub mod strings;
pub mod text;
pub mod theme;
pub mod wrap;

use crate::app::{Pane, State};
use layout::areas;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use strings::{tr, S};

/// Draws the whole screen for the state.
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    let a = areas(area, state.focus);
    if a.too_small {
        too_small(frame, area, state);
        return;
    }
    if let Some(r) = a.list {
        list::draw(frame, r, state);
    }
    if let Some(r) = a.reader {
        reader::draw(frame, r, state);
    }
    if let Some(r) = a.sidebar {
        sidebar::draw(frame, r, state);
    }
    if let Some(r) = a.status {
        status::draw(frame, r, state);
    }
    if state.finder.is_some() {
        popup::finder(frame, area, state);
    }
    if state.help.is_some() {
        popup::help(frame, area, state);
    }
}

fn too_small(frame: &mut Frame, area: Rect, state: &State) {
    notice(&state.theme, frame, area, tr(state.lang, S::TooSmall));
}

/// A bordered pane block with a title, highlighted when focused.
fn pane_block(theme: &theme::Theme, title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        theme.focused_border()
    } else {
        theme.border()
    };
    Block::bordered()
        .border_style(style)
        .title(Line::styled(format!(" {title} "), style))
}

/// Whether a pane has the focus (the status bar and popups never do).
fn is_focused(state: &State, pane: Pane) -> bool {
    state.focus == pane && state.finder.is_none() && state.help.is_none()
}

/// A message in the middle of a pane's inside.
fn notice(theme: &theme::Theme, frame: &mut Frame, inner: Rect, message: &str) {
    if inner.height == 0 {
        return;
    }
    let lines: Vec<Line> = wrap::wrap(message, inner.width as usize)
        .into_iter()
        .map(|r| Line::from(text::plain(&message[r], theme.dim(), inner.width as usize)))
        .collect();
    let top = inner.height.saturating_sub(lines.len() as u16) / 2;
    let r = Rect {
        y: inner.y + top,
        height: inner.height - top,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
}
