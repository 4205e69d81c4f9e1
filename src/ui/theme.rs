//! Colours and text styles, in one place: a dark default, a light and a
//! high-contrast theme, and a colourless variant for `NO_COLOR`.

use crate::entities::EntityKind;
use ratatui::style::{Color, Modifier, Style};

/// The themes a config file can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark terminal (the default).
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// Strong colours and bold text.
    HighContrast,
}

impl ThemeName {
    /// Every theme with its name in `config.toml`.
    pub const ALL: [(ThemeName, &'static str); 3] = [
        (ThemeName::Dark, "dark"),
        (ThemeName::Light, "light"),
        (ThemeName::HighContrast, "high-contrast"),
    ];

    /// The theme called `name` in `config.toml`.
    pub fn parse(name: &str) -> Option<ThemeName> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(t, _)| *t)
    }

    /// Its name in `config.toml`.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("dark", |(_, n)| n)
    }
}

/// Every style the screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    kinds: [Style; 5],
    focused_border: Style,
    border: Style,
    selected: Style,
    selected_unfocused: Style,
    matched: Style,
    dim: Style,
    faint: Style,
    heading: Style,
    target: Style,
    current_mention: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::new(ThemeName::Dark, false)
    }
}

const BOLD: Modifier = Modifier::BOLD;
const UNDERLINED: Modifier = Modifier::UNDERLINED;

fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

impl Theme {
    /// A theme; with `no_color` only bold, underline and reverse video are used.
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::colourless();
        }
        let bold = Style::new().add_modifier(BOLD);
        let dark = Theme {
            kinds: [
                fg(Color::Yellow),
                fg(Color::Cyan),
                fg(Color::Green),
                fg(Color::Magenta),
                fg(Color::LightBlue),
            ],
            focused_border: fg(Color::Cyan).add_modifier(BOLD),
            border: fg(Color::DarkGray),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(BOLD),
            selected_unfocused: Style::new().bg(Color::DarkGray),
            matched: fg(Color::LightYellow).add_modifier(BOLD | UNDERLINED),
            dim: fg(Color::Gray),
            faint: fg(Color::DarkGray),
            heading: bold,
            target: Style::new().add_modifier(BOLD | UNDERLINED),
            current_mention: Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(BOLD),
        };
        match name {
            ThemeName::Dark => dark,
            ThemeName::Light => Theme {
                kinds: [
                    fg(Color::Rgb(140, 90, 0)),
                    fg(Color::Blue),
                    fg(Color::Rgb(0, 110, 40)),
                    fg(Color::Magenta),
                    fg(Color::Rgb(0, 90, 150)),
                ],
                focused_border: fg(Color::Blue).add_modifier(BOLD),
                border: fg(Color::Gray),
                selected: Style::new()
                    .bg(Color::Rgb(200, 220, 255))
                    .fg(Color::Black)
                    .add_modifier(BOLD),
                selected_unfocused: Style::new().bg(Color::Rgb(225, 225, 225)),
                matched: fg(Color::Red).add_modifier(BOLD | UNDERLINED),
                dim: fg(Color::Rgb(90, 90, 90)),
                faint: fg(Color::Rgb(130, 130, 130)),
                ..dark
            },
            ThemeName::HighContrast => Theme {
                kinds: [
                    fg(Color::LightYellow).add_modifier(BOLD),
                    fg(Color::LightCyan).add_modifier(BOLD),
                    fg(Color::LightGreen).add_modifier(BOLD),
                    fg(Color::LightMagenta).add_modifier(BOLD),
                    fg(Color::LightBlue).add_modifier(BOLD),
                ],
                focused_border: fg(Color::White).add_modifier(BOLD),
                border: fg(Color::Gray),
                selected: Style::new()
                    .bg(Color::White)
                    .fg(Color::Black)
                    .add_modifier(BOLD),
                selected_unfocused: Style::new().bg(Color::Gray).fg(Color::Black),
                matched: fg(Color::LightRed).add_modifier(BOLD | UNDERLINED),
                dim: fg(Color::White),
                faint: fg(Color::Gray),
                ..dark
            },
        }
    }

    fn colourless() -> Theme {
        let plain = Style::new();
        Theme {
            kinds: [plain; 5],
            focused_border: Style::new().add_modifier(BOLD),
            border: plain,
            selected: Style::new().add_modifier(Modifier::REVERSED | BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(BOLD | UNDERLINED),
            dim: plain,
            faint: plain,
            heading: Style::new().add_modifier(BOLD),
            target: Style::new().add_modifier(BOLD | UNDERLINED),
            current_mention: Style::new().add_modifier(Modifier::REVERSED | BOLD),
        }
    }

    /// The colour of an entity kind, in the reader and the sidebar.
    pub fn kind(&self, kind: EntityKind) -> Style {
        self.kinds[match kind {
            EntityKind::Official => 0,
            EntityKind::Organization => 1,
            EntityKind::Place => 2,
            EntityKind::Program => 3,
            EntityKind::Figure => 4,
        }]
    }

    /// Border of the focused pane.
    pub fn focused_border(&self) -> Style {
        self.focused_border
    }

    /// Border of other panes.
    pub fn border(&self) -> Style {
        self.border
    }

    /// The selected row of the focused pane.
    pub fn selected(&self) -> Style {
        self.selected
    }

    /// The selected row of a pane without focus.
    pub fn selected_unfocused(&self) -> Style {
        self.selected_unfocused
    }

    /// Characters matched by the fuzzy filter.
    pub fn matched(&self) -> Style {
        self.matched
    }

    /// Secondary text: dates, positions, paths.
    pub fn dim(&self) -> Style {
        self.dim
    }

    /// Faint text: paths, hints.
    pub fn faint(&self) -> Style {
        self.faint
    }

    /// Headings and titles.
    pub fn heading(&self) -> Style {
        self.heading
    }

    /// A mention of the reader's target entity.
    pub fn target(&self) -> Style {
        self.target
    }

    /// The current mention (`n`/`N`).
    pub fn current_mention(&self) -> Style {
        self.current_mention
    }
}
