//! The one table of key bindings, and the translation of crossterm key and
//! mouse events into [`Action`]s. The help overlay is generated from it.

use super::action::{Action, Pane};
use super::state::State;
use crate::ui::strings::{tr, Lang, S};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing (help overlay included).
    Normal,
    /// Typing a filter or a finder query: letters are text.
    Input,
}

/// One key binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// When it applies.
    pub mode: Mode,
    /// The key.
    pub code: KeyCode,
    /// Ctrl or Alt held (Shift is part of the character).
    pub mods: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// Its description in the help overlay.
    pub help: S,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! bind {
    ($mode:ident, $code:expr, $mods:expr, $action:expr, $help:ident) => {
        Binding {
            mode: Mode::$mode,
            code: $code,
            mods: $mods,
            action: $action,
            help: S::$help,
        }
    };
}

use KeyCode::{BackTab, Backspace, Char, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};

/// Every binding, in help order. DESIGN section 3.
pub static BINDINGS: &[Binding] = &[
    bind!(Normal, Tab, NONE, Action::FocusNext, KeyNextPane),
    bind!(Normal, BackTab, NONE, Action::FocusPrev, KeyPrevPane),
    bind!(
        Normal,
        Char('1'),
        NONE,
        Action::Focus(Pane::List),
        KeyListPane
    ),
    bind!(
        Normal,
        Char('2'),
        NONE,
        Action::Focus(Pane::Reader),
        KeyReaderPane
    ),
    bind!(
        Normal,
        Char('3'),
        NONE,
        Action::Focus(Pane::Sidebar),
        KeySidebarPane
    ),
    bind!(Normal, Char('j'), NONE, Action::Down, KeyDown),
    bind!(Normal, Down, NONE, Action::Down, KeyDown),
    bind!(Normal, Char('k'), NONE, Action::Up, KeyUp),
    bind!(Normal, Up, NONE, Action::Up, KeyUp),
    bind!(Normal, Char('g'), NONE, Action::First, KeyFirst),
    bind!(Normal, Home, NONE, Action::First, KeyFirst),
    bind!(Normal, Char('G'), NONE, Action::Last, KeyLast),
    bind!(Normal, End, NONE, Action::Last, KeyLast),
    bind!(Normal, Char('d'), CTRL, Action::HalfPageDown, KeyHalfDown),
    bind!(Normal, Char('u'), CTRL, Action::HalfPageUp, KeyHalfUp),
    bind!(Normal, PageDown, NONE, Action::PageDown, KeyPageDown),
    bind!(Normal, PageUp, NONE, Action::PageUp, KeyPageUp),
    bind!(Normal, Enter, NONE, Action::Activate, KeyActivate),
    bind!(Normal, Char('/'), NONE, Action::StartFilter, KeyFilter),
    bind!(Normal, Char('o'), NONE, Action::OpenFinder, KeyFinder),
    bind!(Normal, Char('n'), NONE, Action::NextMention, KeyNextMention),
    bind!(Normal, Char('N'), NONE, Action::PrevMention, KeyPrevMention),
    bind!(Normal, Char('e'), NONE, Action::ToggleScope, KeyScope),
    bind!(Normal, Char('b'), NONE, Action::ToggleBookmark, KeyBookmark),
    bind!(
        Normal,
        Char('B'),
        NONE,
        Action::BookmarksOnly,
        KeyBookmarksOnly
    ),
    bind!(Normal, Char('u'), NONE, Action::ToggleRead, KeyRead),
    bind!(Normal, Char('U'), NONE, Action::UnreadOnly, KeyUnreadOnly),
    bind!(Normal, Char('s'), NONE, Action::CycleSort, KeySort),
    bind!(Normal, Char('r'), NONE, Action::ToggleRaw, KeyRaw),
    bind!(Normal, Char('?'), NONE, Action::ToggleHelp, KeyHelp),
    bind!(Normal, Esc, NONE, Action::Back, KeyBack),
    bind!(Normal, Char('q'), NONE, Action::Quit, KeyQuit),
    bind!(Normal, Char('c'), CTRL, Action::Quit, KeyQuit),
    bind!(Normal, Char('z'), CTRL, Action::Suspend, KeySuspend),
    bind!(Input, Enter, NONE, Action::Activate, KeyKeep),
    bind!(Input, Esc, NONE, Action::Back, KeyBack),
    bind!(Input, Backspace, NONE, Action::DeleteBack, KeyDeleteBack),
    bind!(Input, Char('u'), CTRL, Action::ClearInput, KeyClearInput),
    bind!(Input, Down, NONE, Action::Down, KeyDown),
    bind!(Input, Up, NONE, Action::Up, KeyUp),
    bind!(Input, PageDown, NONE, Action::PageDown, KeyPageDown),
    bind!(Input, PageUp, NONE, Action::PageUp, KeyPageUp),
    bind!(Input, Char('c'), CTRL, Action::Quit, KeyQuit),
    bind!(Input, Char('z'), CTRL, Action::Suspend, KeySuspend),
];

/// The name of a bindable action in `config.toml`'s `[keys]` table.
pub fn action_name(action: &Action) -> Option<&'static str> {
    Some(match action {
        Action::FocusNext => "focus_next",
        Action::FocusPrev => "focus_prev",
        Action::Focus(Pane::List) => "focus_list",
        Action::Focus(Pane::Reader) => "focus_reader",
        Action::Focus(Pane::Sidebar) => "focus_sidebar",
        Action::Down => "down",
        Action::Up => "up",
        Action::First => "first",
        Action::Last => "last",
        Action::HalfPageDown => "half_page_down",
        Action::HalfPageUp => "half_page_up",
        Action::PageDown => "page_down",
        Action::PageUp => "page_up",
        Action::Activate => "activate",
        Action::StartFilter => "filter",
        Action::OpenFinder => "finder",
        Action::NextMention => "next_mention",
        Action::PrevMention => "prev_mention",
        Action::ToggleScope => "toggle_scope",
        Action::ToggleBookmark => "bookmark",
        Action::BookmarksOnly => "bookmarks_only",
        Action::ToggleRead => "read",
        Action::UnreadOnly => "unread_only",
        Action::CycleSort => "sort",
        Action::ToggleRaw => "raw",
        Action::ToggleHelp => "help",
        Action::Back => "back",
        Action::Quit => "quit",
        Action::Suspend => "suspend",
        Action::DeleteBack => "delete_back",
        Action::ClearInput => "clear_input",
        _ => return None,
    })
}

/// The mode the state is in.
pub fn mode(state: &State) -> Mode {
    if state.help.is_none() && (state.finder.is_some() || state.editing().is_some()) {
        Mode::Input
    } else {
        Mode::Normal
    }
}

/// Translates a terminal event into an action, if it means one, with the
/// state's key map (defaults plus `config.toml` overrides).
pub fn map_event(state: &State, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => lookup(&state.keymap.bindings, mode(state), key),
        // A paste outside a text input is dropped rather than run as keys.
        Event::Paste(text) if mode(state) == Mode::Input => Some(Action::Paste(text.clone())),
        Event::Mouse(mouse) => map_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Translates a key press in a mode with the default bindings. In input
/// mode, unbound printable characters are typed text.
pub fn map_key(mode: Mode, key: &KeyEvent) -> Option<Action> {
    lookup(BINDINGS, mode, key)
}

/// Translates a key press in a mode with a list of bindings.
pub fn lookup(bindings: &[Binding], mode: Mode, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match key.code {
        Char(c) if key.modifiers.contains(KeyModifiers::SHIFT) => Char(c.to_ascii_uppercase()),
        other => other,
    };
    if let Some(b) = bindings
        .iter()
        .find(|b| b.mode == mode && b.code == code && b.mods == mods)
    {
        return Some(b.action.clone());
    }
    match (mode, key.code) {
        (Mode::Input, Char(c)) if mods.is_empty() && !c.is_control() => Some(Action::Input(c)),
        _ => None,
    }
}

/// Translates a mouse event: left click selects, the wheel scrolls.
pub fn map_mouse(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
        _ => None,
    }
}

/// How a key is written in the help overlay.
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        Tab => "Tab".to_string(),
        BackTab => "Shift-Tab".to_string(),
        Down => "↓".to_string(),
        Up => "↑".to_string(),
        Home => "Home".to_string(),
        End => "End".to_string(),
        PageDown => "PgDn".to_string(),
        PageUp => "PgUp".to_string(),
        Enter => "Enter".to_string(),
        Esc => "Esc".to_string(),
        Backspace => "Backspace".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::Insert => "Insert".to_string(),
        KeyCode::Delete => "Delete".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        Char(' ') => "Space".to_string(),
        Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    let base = if mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section heading.
    Heading(&'static str),
    /// Keys and what they do.
    Key {
        /// The keys, e.g. `j ↓`.
        keys: String,
        /// The description.
        text: &'static str,
    },
}

/// The help overlay's lines for the default bindings.
pub fn help_lines(lang: Lang) -> Vec<HelpLine> {
    help_lines_for(BINDINGS, lang)
}

/// The help overlay's lines, generated from a list of bindings: keys with the
/// same description share a line.
pub fn help_lines_for(bindings: &[Binding], lang: Lang) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for (mode, heading) in [(Mode::Normal, S::ModeNormal), (Mode::Input, S::ModeInput)] {
        out.push(HelpLine::Heading(tr(lang, heading)));
        let mut rows: Vec<(S, Vec<String>)> = Vec::new();
        for b in bindings.iter().filter(|b| b.mode == mode) {
            let name = key_name(b.code, b.mods);
            match rows.iter_mut().find(|(h, _)| *h == b.help) {
                Some((_, keys)) => keys.push(name),
                None => rows.push((b.help, vec![name])),
            }
        }
        let extra = match mode {
            Mode::Normal => (S::KeyNameMouse, S::KeyMouse),
            Mode::Input => (S::KeyNameTyping, S::KeyTyping),
        };
        rows.push((extra.1, vec![tr(lang, extra.0).to_string()]));
        out.extend(rows.into_iter().map(|(help, keys)| HelpLine::Key {
            keys: keys.join(" "),
            text: tr(lang, help),
        }));
    }
    out
}
