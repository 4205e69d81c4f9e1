//! What warta remembers and how it is configured: `config.toml` (theme,
//! key map, language, default corpus, size cap) and one `state.json` per
//! corpus (bookmarks, read marks, last position), with atomic writes; and
//! the entity cache, one per corpus.

pub mod atomic;
pub mod config;
pub mod entity_cache;
pub mod paths;
pub mod snapshot;
pub mod state;

pub use config::{Config, ConfigError, LoadedConfig};
pub use state::{keys, ArticleKey, LoadedState, Remembered, StateFile};

use std::path::{Path, PathBuf};

/// The state file of one corpus and this process's view of it. Saving
/// stamps only what changed here, then merges with the file on disk.
#[derive(Debug, Clone)]
pub struct StateStore {
    /// The `state.json` of this corpus.
    pub path: PathBuf,
    /// This process's view (not the merged file: see [`state`]).
    pub file: StateFile,
}

impl StateStore {
    /// Opens the state of the corpus with these roots under `data_dir`. A
    /// broken file is moved aside; its new name is returned with the store.
    pub fn open(
        data_dir: &Path,
        roots: &[PathBuf],
    ) -> std::io::Result<(StateStore, Option<PathBuf>)> {
        let identity = paths::corpus_identity(roots);
        let path = paths::state_file(data_dir, &identity);
        let loaded = state::load(&path)?;
        let mut file = loaded.file;
        file.roots = identity;
        Ok((StateStore { path, file }, loaded.moved_aside))
    }

    /// Opens the state under the default data dir (`$XDG_DATA_HOME/warta`).
    pub fn open_default(roots: &[PathBuf]) -> std::io::Result<(StateStore, Option<PathBuf>)> {
        let dir = paths::data_dir().ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no home folder to keep the state in",
            )
        })?;
        StateStore::open(&dir, roots)
    }

    /// The remembered marks and position in this corpus's indices.
    pub fn resolve(&self, articles: &[ArticleKey]) -> Remembered {
        self.file.resolve(articles)
    }

    /// Records `now` and writes it, merged with what is on disk.
    pub fn save(&mut self, articles: &[ArticleKey], now: &Remembered) -> std::io::Result<()> {
        self.file.record(articles, now, atomic::unix_millis());
        state::save(&self.path, &self.file).map(|_| ())
    }
}
