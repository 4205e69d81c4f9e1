//! Key map overrides from `config.toml`: key names, action names, and the
//! [`Keymap`] the reader uses (the defaults of [`BINDINGS`] with overrides).

use super::keymap::{action_name, help_lines_for, key_name, Binding, HelpLine, Mode, BINDINGS};
use crate::ui::strings::Lang;
use crossterm::event::{KeyCode, KeyModifiers};

/// One `[keys]` entry: an action and the keys that now trigger it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The action's name, e.g. `bookmark`.
    pub action: String,
    /// Key names, e.g. `["b", "Ctrl-b"]`.
    pub keys: Vec<String>,
    /// The line of `config.toml` it comes from, for error messages.
    pub line: usize,
}

/// A key map error, naming the line of `config.toml` it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// The line.
    pub line: usize,
    /// What is wrong, and what would be right.
    pub message: String,
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every binding, in help order.
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

/// Every action name `[keys]` accepts, in help order.
pub fn action_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for b in BINDINGS {
        if let Some(n) = action_name(&b.action) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// The default keys of every action, as `config.toml` writes them.
pub fn default_keys() -> Vec<(&'static str, Vec<String>)> {
    action_names()
        .into_iter()
        .map(|name| {
            let mut keys: Vec<String> = Vec::new();
            for b in BINDINGS
                .iter()
                .filter(|b| action_name(&b.action) == Some(name))
            {
                let k = key_name(b.code, b.mods);
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            (name, keys)
        })
        .collect()
}

/// Reads a key name: a character (`b`, `G`, `/`), `Ctrl-` or `Alt-` plus a
/// key, or one of `Tab`, `Shift-Tab`, `Enter`, `Esc`, `Backspace`, `Space`,
/// `Up`, `Down`, `Left`, `Right` (or `↑` `↓` `←` `→`), `Home`, `End`,
/// `PgUp`, `PgDn`, `Insert`, `Delete`, `F1`…`F12`.
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("ctrl-") && rest.len() > 5 {
            mods |= KeyModifiers::CONTROL;
            rest = &rest[5..];
        } else if lower.starts_with("alt-") && rest.len() > 4 {
            mods |= KeyModifiers::ALT;
            rest = &rest[4..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        _ if named_key(&rest.to_ascii_lowercase()).is_some() => {
            named_key(&rest.to_ascii_lowercase())?
        }
        (Some(c), None) if !c.is_control() => {
            if mods.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(c.to_ascii_lowercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => named_key(&rest.to_ascii_lowercase())?,
    };
    Some((code, mods))
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "↑" | "up" => KeyCode::Up,
        "↓" | "down" => KeyCode::Down,
        "←" | "left" => KeyCode::Left,
        "→" | "right" => KeyCode::Right,
        "tab" => KeyCode::Tab,
        "shift-tab" | "backtab" => KeyCode::BackTab,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "insert" => KeyCode::Insert,
        "delete" | "del" => KeyCode::Delete,
        f if f.starts_with('f') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
        _ => return None,
    })
}

impl Keymap {
    /// The defaults with overrides applied. An override replaces every
    /// default key of its action (in input mode, keys that would type a
    /// letter are left out: there, letters are text). A key taken by an
    /// override is removed from the action that had it.
    pub fn with_overrides(overrides: &[KeyOverride]) -> Result<Keymap, KeyError> {
        let mut bindings = BINDINGS.to_vec();
        for o in overrides {
            let Some(name) = action_names().into_iter().find(|n| *n == o.action) else {
                return Err(KeyError {
                    line: o.line,
                    message: format!(
                        "unknown action `{}` in [keys]; actions are: {}",
                        o.action,
                        action_names().join(", ")
                    ),
                });
            };
            let mut keys = Vec::new();
            for k in &o.keys {
                let parsed = parse_key(k).ok_or_else(|| KeyError {
                    line: o.line,
                    message: format!(
                        "unknown key `{k}` for `{name}`; write a character like `b` or `G`, \
                         `Ctrl-` or `Alt-` plus a key, or a name like `Enter`, `Esc`, `Tab`, \
                         `PgDn`, `F5`"
                    ),
                })?;
                keys.push(parsed);
            }
            if o.keys.is_empty() {
                return Err(KeyError {
                    line: o.line,
                    message: format!("no key for `{name}`; give at least one"),
                });
            }
            // the defaults say in which modes the action applies, and its help
            let template: Vec<Binding> = BINDINGS
                .iter()
                .filter(|b| action_name(&b.action) == Some(name))
                .cloned()
                .collect();
            if template.is_empty() {
                continue;
            }
            let position = bindings
                .iter()
                .position(|b| action_name(&b.action) == Some(name))
                .unwrap_or(bindings.len());
            bindings.retain(|b| action_name(&b.action) != Some(name));
            let mut added = Vec::new();
            for mode in [Mode::Normal, Mode::Input] {
                let Some(t) = template.iter().find(|b| b.mode == mode) else {
                    continue;
                };
                for &(code, mods) in &keys {
                    let types_text = matches!(code, KeyCode::Char(_)) && mods.is_empty();
                    if mode == Mode::Input && types_text {
                        continue;
                    }
                    bindings.retain(|b| !(b.mode == mode && b.code == code && b.mods == mods));
                    added.push(Binding {
                        code,
                        mods,
                        ..t.clone()
                    });
                }
            }
            let at = position.min(bindings.len());
            bindings.splice(at..at, added);
        }
        Ok(Keymap { bindings })
    }

    /// The help overlay's lines for these bindings.
    pub fn help_lines(&self, lang: Lang) -> Vec<HelpLine> {
        help_lines_for(&self.bindings, lang)
    }
}
