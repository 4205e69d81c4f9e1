//! The settings of one run: config file, command-line overrides, `NO_COLOR`,
//! and the state file of the corpus.

use super::args::{Cli, CorpusArgs, LangArg};
use crate::corpus::Article;
use crate::store::config::{self, Config, ConfigError};
use crate::store::{Remembered, StateStore};
use crate::ui::strings::{trf, Lang, S};
use crate::ui::theme::Theme;

/// Everything a command needs besides its own arguments.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The config file's settings (defaults when there is none).
    pub config: Config,
    /// The interface language: `--lang`, else the config's.
    pub lang: Lang,
    /// Colours, with `NO_COLOR` applied.
    pub theme: Theme,
    /// `--no-state`.
    pub no_state: bool,
    /// Messages for the user (a broken file moved aside), already translated.
    pub notices: Vec<String>,
}

/// Reads the config (`--config FILE` or the default one) and applies the
/// command-line overrides. A config with a wrong setting is an error.
pub fn settings(cli: &Cli) -> Result<Settings, ConfigError> {
    let loaded = config::load(cli.global.config.as_deref())?;
    let config = loaded.config;
    let lang = match cli.global.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Id) => Lang::Id,
        None => config.lang,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut notices = Vec::new();
    if let Some((file, aside)) = loaded.moved_aside {
        notices.push(trf(lang, S::BadFile, &[&file.display(), &aside.display()]));
    }
    Ok(Settings {
        theme: Theme::new(config.theme, no_color),
        lang,
        no_state: cli.global.no_state,
        notices,
        config,
    })
}

impl Settings {
    /// Fills what the command line left open from the config: the default
    /// corpus paths and the size cap.
    pub fn complete(&self, corpus: &CorpusArgs) -> CorpusArgs {
        let mut out = corpus.clone();
        if out.paths.is_empty() {
            out.paths = self.config.paths.clone();
        }
        out.max_file_size.get_or_insert(self.config.max_file_size);
        out
    }

    /// The entity cache file of a corpus, unless `--no-state`.
    pub fn entity_cache(&self, corpus: &CorpusArgs) -> Option<std::path::PathBuf> {
        if self.no_state {
            return None;
        }
        crate::store::entity_cache::file(&corpus.paths)
    }

    /// True when library snapshots are read and written: not under
    /// `--no-state` or with `library_snapshot = false`.
    pub fn library_snapshot(&self) -> bool {
        !self.no_state && self.config.library_snapshot
    }

    /// Opens the state of a corpus, unless `--no-state`. Problems become
    /// notices; warta then runs without saving.
    pub fn open_state(&mut self, corpus: &CorpusArgs) -> Option<StateStore> {
        if self.no_state {
            return None;
        }
        match StateStore::open_default(&corpus.paths) {
            Ok((store, moved)) => {
                if let Some(aside) = moved {
                    self.notices.push(trf(
                        self.lang,
                        S::BadFile,
                        &[&store.path.display(), &file_name(&aside)],
                    ));
                }
                Some(store)
            }
            Err(e) => {
                self.notices.push(trf(self.lang, S::SaveFailed, &[&e]));
                None
            }
        }
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The remembered marks of a loaded corpus (none without a store).
pub fn remembered(store: Option<&StateStore>, articles: &[Article]) -> Remembered {
    store
        .map(|s| s.resolve(&crate::store::keys(articles)))
        .unwrap_or_default()
}
