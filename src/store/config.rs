//! `config.toml`: theme, language, default corpus, size cap and key map
//! overrides. A file that is not TOML at all is moved aside and defaults are
//! used; a TOML file with a wrong setting is an error naming its line.

use super::atomic::move_aside;
use crate::app::keyconfig::{default_keys, KeyOverride, Keymap};
use crate::ui::strings::Lang;
use crate::ui::theme::ThemeName;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Files larger than this many MiB are skipped unless configured otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16;

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Colours.
    pub theme: ThemeName,
    /// Interface language.
    pub lang: Lang,
    /// Opened when no PATH is given; empty: the bundled seeds. Relative
    /// paths are relative to the config file's folder.
    pub paths: Vec<PathBuf>,
    /// Files larger than this many MiB are skipped.
    pub max_file_size: u64,
    /// Whether a loaded folder is kept as a library snapshot in the cache
    /// folder, so that opening it again skips parsing and extraction.
    pub library_snapshot: bool,
    /// Key bindings.
    pub keymap: Keymap,
    /// The `[keys]` entries the key map was built from.
    pub key_overrides: Vec<KeyOverride>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: ThemeName::default(),
            lang: Lang::default(),
            paths: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            library_snapshot: true,
            keymap: Keymap::default(),
            key_overrides: Vec::new(),
        }
    }
}

/// A setting that cannot be used, with the file and line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    /// The line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// What loading gave: the settings, and the new name of a file that was not
/// TOML and was moved aside.
#[derive(Debug, Clone, Default)]
pub struct LoadedConfig {
    /// The settings.
    pub config: Config,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// `(file, new name)` when the file could not be parsed.
    pub moved_aside: Option<(PathBuf, PathBuf)>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeySpec {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    paths: Option<Vec<PathBuf>>,
    max_file_size: Option<Spanned<i64>>,
    library_snapshot: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<KeySpec>>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses the text of a config file. Errors carry a line when known.
pub fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        (line, e.message().trim().to_string())
    })?;
    let mut config = Config::default();
    if let Some(t) = raw.theme {
        config.theme = ThemeName::parse(t.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = ThemeName::ALL.iter().map(|(_, n)| *n).collect();
            (
                Some(line_of(text, t.span().start)),
                format!(
                    "unknown theme `{}`; themes are: {}",
                    t.get_ref(),
                    names.join(", ")
                ),
            )
        })?;
    }
    if let Some(l) = raw.lang {
        config.lang = match l.get_ref().as_str() {
            "en" => Lang::En,
            "id" => Lang::Id,
            other => {
                return Err((
                    Some(line_of(text, l.span().start)),
                    format!("unknown language `{other}`; languages are: en, id"),
                ))
            }
        };
    }
    if let Some(p) = raw.paths {
        config.paths = p;
    }
    if let Some(m) = raw.max_file_size {
        config.max_file_size = u64::try_from(*m.get_ref()).ok().filter(|&v| v > 0).ok_or((
            Some(line_of(text, m.span().start)),
            "max_file_size must be a positive number of MiB".to_string(),
        ))?;
    }
    if let Some(on) = raw.library_snapshot {
        config.library_snapshot = on;
    }
    config.key_overrides = raw
        .keys
        .into_iter()
        .map(|(action, spec)| KeyOverride {
            action,
            line: line_of(text, spec.span().start),
            keys: match spec.into_inner() {
                KeySpec::One(k) => vec![k],
                KeySpec::Many(ks) => ks,
            },
        })
        .collect();
    config.keymap =
        Keymap::with_overrides(&config.key_overrides).map_err(|e| (Some(e.line), e.message))?;
    Ok(config)
}

/// Loads `explicit` (`--config FILE`, which must exist) or the default
/// `config.toml` (defaults when missing). A file that is not TOML is moved
/// aside as `config.toml.bad-<time>` and defaults are used.
pub fn load(explicit: Option<&Path>) -> Result<LoadedConfig, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match super::paths::config_file() {
            Some(p) if p.exists() => p,
            _ => return Ok(LoadedConfig::default()),
        },
    };
    let error = |line, message| ConfigError {
        path: path.clone(),
        line,
        message,
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| error(None, format!("cannot read the config file: {e}")))?;
    if text.parse::<toml::Table>().is_err() {
        let aside = move_aside(&path)
            .map_err(|e| error(None, format!("not TOML, and cannot be moved aside: {e}")))?;
        return Ok(LoadedConfig {
            config: Config::default(),
            path: Some(path.clone()),
            moved_aside: Some((path, aside)),
        });
    }
    let mut config = parse(&text).map_err(|(line, message)| error(line, message))?;
    // relative corpus paths are relative to the config file's folder
    if let Some(dir) = path.parent() {
        for p in &mut config.paths {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        }
    }
    Ok(LoadedConfig {
        config,
        path: Some(path),
        moved_aside: None,
    })
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The defaults as a commented `config.toml` (what `--print-config` prints).
pub fn default_text() -> String {
    let themes: Vec<&str> = ThemeName::ALL.iter().map(|(_, n)| *n).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# warta configuration. Put it in the config dir (on Linux\n\
         # $XDG_CONFIG_HOME/warta/config.toml, else ~/.config/warta/config.toml)\n\
         # or pass --config FILE. Every setting is optional; these are the defaults.\n"
    );
    let _ = writeln!(
        out,
        "# Colours: {}. NO_COLOR in the environment turns colours off.",
        themes.join(", ")
    );
    let _ = writeln!(
        out,
        "theme = {}\n",
        toml_string(ThemeName::default().name())
    );
    let _ = writeln!(
        out,
        "# Interface language: en (English) or id (Bahasa Indonesia). --lang overrides it."
    );
    let _ = writeln!(out, "lang = \"en\"\n");
    let _ = writeln!(
        out,
        "# Files and folders opened when no PATH is given; empty: the bundled seeds.\n\
         # A relative path is relative to the folder of this file."
    );
    let _ = writeln!(out, "paths = []\n");
    let _ = writeln!(
        out,
        "# Files larger than this many MiB are skipped. --max-file-size overrides it."
    );
    let _ = writeln!(out, "max_file_size = {DEFAULT_MAX_FILE_SIZE}\n");
    let _ = writeln!(
        out,
        "# Keep each opened folder as a library snapshot in the cache folder (about\n\
         # two thirds of the folder's size), so that opening it again takes a moment.\n\
         # --no-state turns it off for one run."
    );
    let _ = writeln!(out, "library_snapshot = true\n");
    let _ = writeln!(
        out,
        "# Keys per action. A list replaces all default keys of its action. Keys:\n\
         # a character (b, G, /), Ctrl- or Alt- plus a key, or Tab, Shift-Tab, Enter,\n\
         # Esc, Backspace, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn,\n\
         # Insert, Delete, F1 to F12. While typing a filter, plain letters stay text."
    );
    let _ = writeln!(out, "[keys]");
    for (name, keys) in default_keys() {
        let list: Vec<String> = keys.iter().map(|k| toml_string(k)).collect();
        let _ = writeln!(out, "{name} = [{}]", list.join(", "));
    }
    out
}
