//! Loading a corpus from disk (or the embedded seeds) and parsing each file
//! into an [`Article`]. Nothing here knows about the terminal.

mod body;
mod decode;
mod jsonl;
mod load;
pub mod parse;
mod prefetch;
mod raw;
mod reuse;
pub mod sanitize;
mod seeds;
pub mod stored;
mod walk;
pub mod wordre;

pub use body::Body;
pub use load::{
    load_bytes, load_paths, load_paths_reusing, load_paths_streaming, load_paths_with_stats,
    LoadOptions, LoadStats,
};
pub use raw::{raw_from_bytes, read_raw, RawError};
pub use reuse::{loaded_stamp, FileStamps, Reuse, SourceFile, Taken};
pub use seeds::load_seeds;
pub use walk::{is_article_file, visible_entries};

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

/// Where an article's title came from, so the UI can mark made-up titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleSource {
    /// A header line at the top of the file (or the `title` field of a `.jsonl` record).
    Header,
    /// A comment footer such as `0 Response to "[Pos baru] …"`.
    Footer,
    /// No title anywhere: a short title made from the lead sentence.
    Lead,
}

/// A calendar date as the article gives it. A day and month without a year
/// (`(7/8)`) stays partial: warta never invents a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleDate {
    /// The year, when the text gives one.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl ArticleDate {
    /// True when the text gave day and month but no year.
    pub fn is_partial(&self) -> bool {
        self.year.is_none()
    }
}

impl fmt::Display for ArticleDate {
    /// ISO 8601: `2023-10-17`, or `--08-07` (ISO's form for a date without a year).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

impl Serialize for ArticleDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where an article's raw text can be read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// The whole file at [`Article::path`].
    #[default]
    File,
    /// One line (counted from 1) of the `.jsonl` file at [`Article::path`].
    Record(usize),
    /// A seed compiled into the program.
    Seed,
}

/// One parsed news article. `body` is the clean text (paragraphs separated by
/// a blank line), held compressed: [`Body::text`] reads it. The raw text (the
/// whole file after decoding and sanitising) is not kept: [`read_raw`] reads
/// it again, and `hash` tells whether it changed since loading.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Path relative to the corpus root without extension, or `file:line` for `.jsonl`.
    pub id: String,
    /// The file the article came from, as given or found while walking. It
    /// may hold any bytes: print it with [`Article::path_label`].
    pub path: PathBuf,
    /// The title shown in lists.
    pub title: String,
    /// Where [`Article::title`] came from.
    pub title_source: TitleSource,
    /// Publication or event date, if the text gives one.
    pub date: Option<ArticleDate>,
    /// The news site (`BantenHits.com`), if named.
    pub site: Option<String>,
    /// The journalist, if named.
    pub author: Option<String>,
    /// The place the report was filed from (`SOREANG`, `Tangsel`).
    pub dateline: Option<String>,
    /// Clean body: paragraphs joined with `\n\n`, boilerplate removed.
    /// Serialized as the text.
    pub body: Body,
    /// [`crate::store::paths::text_hash`] of the raw text, taken while loading.
    #[serde(skip)]
    pub hash: u64,
    /// Where [`read_raw`] finds the raw text again.
    #[serde(skip)]
    pub origin: Origin,
    /// True when the bytes were not UTF-8 and were decoded as Windows-1252.
    pub redecoded: bool,
    /// How many control characters or escape sequences were removed at ingest.
    pub removed_controls: usize,
}

impl Article {
    /// Number of words in the clean body.
    pub fn words(&self) -> usize {
        self.body.text().split_whitespace().count()
    }

    /// The path as one printable line (controls replaced by placeholders).
    pub fn path_label(&self) -> String {
        sanitize::clean_label(&self.path.to_string_lossy())
    }

    /// The body split into paragraphs.
    pub fn paragraphs(&self) -> Vec<String> {
        let text = self.body.text();
        text.split("\n\n")
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// A file or record that could not become an article, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadProblem {
    /// The file (or `file:line`) concerned.
    pub path: PathBuf,
    /// What went wrong, for people: `binary file (NUL bytes)`, `empty file` …
    pub reason: String,
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = format!("{}: {}", self.path.display(), self.reason);
        f.write_str(&sanitize::clean_label(&line))
    }
}

/// Everything loaded from a set of paths: the articles in a stable order, and
/// what could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Articles in load order (paths sorted, records in file order).
    pub articles: Vec<Article>,
    /// Files and records that were skipped, with reasons.
    pub problems: Vec<LoadProblem>,
    /// Total bytes read from disk.
    pub bytes: u64,
    /// The files whose articles a later load can use again while they are
    /// unchanged, in load order: recorded when the load knew the files'
    /// stamps (see [`LoadOptions::stamps`]) and written to the library
    /// snapshot; empty in a library read back from a current snapshot
    /// (nothing writes one again).
    pub sources: Vec<SourceFile>,
}

impl Corpus {
    /// Finds an article by its id.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}
