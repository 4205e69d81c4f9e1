//! Colours and text styles, in one place.

use crate::entities::EntityKind;
use ratatui::style::{Color, Modifier, Style};

/// The colour of an entity kind, in the reader and the sidebar.
pub fn kind(kind: EntityKind) -> Style {
    let color = match kind {
        EntityKind::Official => Color::Yellow,
        EntityKind::Organization => Color::Cyan,
        EntityKind::Place => Color::Green,
        EntityKind::Program => Color::Magenta,
        EntityKind::Figure => Color::LightBlue,
    };
    Style::new().fg(color)
}

/// Border of the focused pane.
pub fn focused_border() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// Border of other panes.
pub fn border() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The selected row of the focused pane.
pub fn selected() -> Style {
    Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// The selected row of a pane without focus.
pub fn selected_unfocused() -> Style {
    Style::new().bg(Color::DarkGray)
}

/// Characters matched by the fuzzy filter.
pub fn matched() -> Style {
    Style::new()
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// Secondary text: dates, positions, paths.
pub fn dim() -> Style {
    Style::new().fg(Color::Gray)
}

/// Faint text: paths, hints.
pub fn faint() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Headings and titles.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A mention of the reader's target entity.
pub fn target() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// The current mention (`n`/`N`).
pub fn current_mention() -> Style {
    Style::new()
        .bg(Color::Yellow)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}
