//! `state.json`: bookmarks, read marks and the last position in one corpus.
//!
//! Articles are keyed by their id (path relative to the root) and a hash of
//! their text. A file that was edited keeps its marks (matched by id); a file
//! that was renamed keeps them too (matched by an unambiguous hash).
//!
//! Two warta processes on one corpus: every entry carries the time it was last
//! changed, and each save merges with the file on disk, entry by entry, the
//! newer change winning (last writer wins per key). Entries of articles not in
//! the corpus any more are kept.

use super::atomic::{clean_stale_temps, move_aside, write_atomic};
use crate::corpus::Article;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;
use std::path::{Path, PathBuf};

/// The state file's format version.
pub const VERSION: u32 = 1;

/// The marks of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// Hash of the article's text when the marks were set.
    pub hash: String,
    /// Bookmarked.
    #[serde(default)]
    pub bookmarked: bool,
    /// Read.
    #[serde(default)]
    pub read: bool,
    /// When this entry last changed, in milliseconds since 1970.
    #[serde(default)]
    pub updated: u64,
}

/// Where the reader was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The open article's id.
    pub article: String,
    /// Its hash.
    pub hash: String,
    /// The reader's first line.
    #[serde(default)]
    pub scroll: usize,
    /// The article list's filter text.
    #[serde(default)]
    pub filter: String,
    /// When it last changed, in milliseconds since 1970.
    #[serde(default)]
    pub updated: u64,
}

/// The contents of `state.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    /// Format version.
    pub version: u32,
    /// The corpus roots this state belongs to (for people reading the file).
    #[serde(default)]
    pub roots: Vec<String>,
    /// Marks by article id.
    #[serde(default)]
    pub articles: BTreeMap<String, Marks>,
    /// The last position.
    #[serde(default)]
    pub last: Option<Position>,
}

impl Default for StateFile {
    fn default() -> StateFile {
        StateFile {
            version: VERSION,
            roots: Vec::new(),
            articles: BTreeMap::new(),
            last: None,
        }
    }
}

/// The state in terms of article indices of one loaded corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remembered {
    /// Bookmarked articles.
    pub bookmarks: BTreeSet<usize>,
    /// Read articles.
    pub read: BTreeSet<usize>,
    /// The open article.
    pub article: Option<usize>,
    /// The reader's first line.
    pub scroll: usize,
    /// The article list's filter text.
    pub filter: String,
}

/// The hash that ties marks to an article's text: XXH3-64 of its raw text,
/// taken while loading.
pub fn content_hash(article: &Article) -> String {
    format!("{:016x}", article.hash)
}

/// An article as the state file knows it: id and content hash. Computed once
/// per loaded corpus ([`keys`]), since hashing reads every article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleKey {
    /// The article id.
    pub id: String,
    /// [`content_hash`] of its text.
    pub hash: String,
}

/// The keys of a corpus's articles, in order.
pub fn keys(articles: &[Article]) -> Vec<ArticleKey> {
    articles
        .iter()
        .map(|a| ArticleKey {
            id: a.id.clone(),
            hash: content_hash(a),
        })
        .collect()
}

/// What loading a state file gave, and what the user should be told.
#[derive(Debug)]
pub struct LoadedState {
    /// The state (defaults when missing or broken).
    pub file: StateFile,
    /// A broken file's new name, when it was moved aside.
    pub moved_aside: Option<PathBuf>,
}

/// Reads a state file. A missing file gives defaults; one that cannot be
/// parsed is moved aside as `state.json.bad-<time>` and gives defaults.
pub fn load(path: &Path) -> io::Result<LoadedState> {
    clean_stale_temps(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(LoadedState {
                file: StateFile::default(),
                moved_aside: None,
            })
        }
        Err(e) => return Err(e),
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(file) => Ok(LoadedState {
            file,
            moved_aside: None,
        }),
        Err(_) => Ok(LoadedState {
            file: StateFile::default(),
            moved_aside: Some(move_aside(path)?),
        }),
    }
}

/// Merges `mine` with the file on disk (newer entry wins per key) and writes
/// the result atomically. A broken file on disk is moved aside first.
pub fn save(path: &Path, mine: &StateFile) -> io::Result<StateFile> {
    let merged = match load(path) {
        Ok(disk) => disk.file.merged(mine),
        Err(_) => mine.clone(),
    };
    let mut text = serde_json::to_string_pretty(&merged).map_err(io::Error::other)?;
    text.push('\n');
    write_atomic(path, text.as_bytes())?;
    Ok(merged)
}

impl StateFile {
    /// For each article, the key of its entry: same id and hash, else a
    /// renamed file (same hash, unambiguous), else an edited file (same id).
    pub fn entry_keys(&self, articles: &[ArticleKey]) -> Vec<Option<String>> {
        let ids: BTreeSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let mut by_hash: HashMap<&str, Vec<&str>> = HashMap::new();
        for (key, m) in &self.articles {
            if !ids.contains(key.as_str()) {
                by_hash.entry(m.hash.as_str()).or_default().push(key);
            }
        }
        articles
            .iter()
            .map(|a| {
                if self.articles.contains_key(&a.id) {
                    return Some(a.id.clone());
                }
                match by_hash.get(a.hash.as_str()).map(Vec::as_slice) {
                    Some([only]) => Some(only.to_string()),
                    _ => None,
                }
            })
            .collect()
    }

    /// This file with what was changed while a preview (the first
    /// `articles` of a corpus still loading) was shown: their marks as
    /// `shown` has them, and the open article, scroll and filter only when
    /// the user `moved` them; else the saved ones stay, to be restored once
    /// their article is in.
    pub fn with_preview_changes(
        &self,
        articles: &[ArticleKey],
        shown: &Remembered,
        moved: bool,
    ) -> StateFile {
        let mut out = self.clone();
        out.record(articles, shown, super::atomic::unix_millis());
        if !moved {
            out.last = self.last.clone();
        }
        out
    }

    /// The state in terms of this corpus's article indices.
    pub fn resolve(&self, articles: &[ArticleKey]) -> Remembered {
        let mut out = Remembered::default();
        for (i, key) in self.entry_keys(articles).into_iter().enumerate() {
            if let Some(m) = key.and_then(|k| self.articles.get(&k)) {
                if m.bookmarked {
                    out.bookmarks.insert(i);
                }
                if m.read {
                    out.read.insert(i);
                }
            }
        }
        if let Some(p) = &self.last {
            let found = articles
                .iter()
                .position(|a| a.id == p.article)
                .or_else(|| articles.iter().position(|a| a.hash == p.hash));
            out.article = found;
            out.scroll = if found.is_some() { p.scroll } else { 0 };
            out.filter = p.filter.clone();
        }
        out
    }

    /// Records the marks and position of `now_state`, stamping with `now`
    /// only what differs from what this file already says.
    pub fn record(&mut self, articles: &[ArticleKey], now_state: &Remembered, now: u64) {
        let keys = self.entry_keys(articles);
        for (i, (a, key)) in articles.iter().zip(keys).enumerate() {
            let bookmarked = now_state.bookmarks.contains(&i);
            let read = now_state.read.contains(&i);
            let old = key.as_ref().and_then(|k| self.articles.get(k)).cloned();
            let hash = a.hash.clone();
            let entry = match old {
                None if !bookmarked && !read => continue,
                Some(m) if m.bookmarked == bookmarked && m.read == read => Marks { hash, ..m },
                _ => Marks {
                    hash,
                    bookmarked,
                    read,
                    updated: now,
                },
            };
            if let Some(k) = key.filter(|k| *k != a.id) {
                self.articles.remove(&k);
            }
            self.articles.insert(a.id.clone(), entry);
        }
        let position = now_state
            .article
            .and_then(|i| articles.get(i))
            .map(|a| Position {
                article: a.id.clone(),
                hash: a.hash.clone(),
                scroll: now_state.scroll,
                filter: now_state.filter.clone(),
                updated: now,
            });
        let same = |p: &Position, q: &Position| {
            p.article == q.article && p.scroll == q.scroll && p.filter == q.filter
        };
        match (&self.last, position) {
            (Some(old), Some(new)) if same(old, &new) => {
                let updated = old.updated;
                self.last = Some(Position { updated, ..new });
            }
            (_, Some(new)) => self.last = Some(new),
            (_, None) => {}
        }
    }

    /// This file merged with a newer one: per article and for the position,
    /// the entry changed last wins.
    pub fn merged(&self, mine: &StateFile) -> StateFile {
        let mut out = self.clone();
        out.version = VERSION;
        out.roots = mine.roots.clone();
        for (key, m) in &mine.articles {
            match out.articles.get(key) {
                Some(disk) if disk.updated > m.updated => {}
                _ => {
                    out.articles.insert(key.clone(), m.clone());
                }
            }
        }
        out.last = match (&self.last, &mine.last) {
            (Some(d), Some(m)) if d.updated > m.updated => Some(d.clone()),
            (d, None) => d.clone(),
            (_, m) => m.clone(),
        };
        out
    }
}
