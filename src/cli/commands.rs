//! The headless commands: load, then print for people or as JSON.

use super::args::{Command, CorpusArgs};
use super::settings::Settings;
use super::{write_json_stdout, write_stdout};
use crate::app::Library;
use crate::corpus::{Article, ArticleDate, Corpus, LoadStats, TitleSource};
use crate::entities::{resolve_packed, EntityIndex, PackedEntities};
use crate::store::{entity_cache, Remembered};
use crate::ui::strings::{tr, trf, Lang, S};
use anyhow::{bail, Result};
use serde::Serialize;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

/// Loads the corpus the arguments name (the seeds when none) from its
/// files, without printing: the reader shows problems in its status bar.
pub fn read_corpus(args: &CorpusArgs) -> Corpus {
    super::read_corpus_reusing(args, &LoadStats::default(), &mut |_| {}, None, None).0
}

/// A corpus as a headless command opened it.
enum Opened {
    /// The library of a current snapshot.
    Stored(Box<Library>),
    /// Loaded from the files, each article with its entities when an
    /// earlier snapshot had them (its file unchanged since).
    Loaded(Corpus, Vec<Option<PackedEntities>>),
}

/// Opens the corpus `args` names, its problems reported on stderr: from a
/// current snapshot, else from the files, taking the unchanged ones from
/// an earlier snapshot by this build when there is one. Headless commands
/// read a snapshot but do not write one (the reader and `warta bench` do):
/// most of them never build the search indices a snapshot holds.
fn open(args: &CorpusArgs, settings: &Settings) -> Opened {
    let found = if settings.library_snapshot() {
        super::SnapshotPlace::read_current(args)
    } else {
        None
    };
    let opened = match found {
        Some(Ok(lib)) => Opened::Stored(Box::new(lib)),
        Some(Err(place)) => {
            let reuse = place.reusable();
            let stats = LoadStats::default();
            let (corpus, known) =
                super::read_corpus_reusing(args, &stats, &mut |_| {}, Some(&place), reuse);
            Opened::Loaded(corpus, known)
        }
        None => {
            let corpus = read_corpus(args);
            let none = vec![None; corpus.articles.len()];
            Opened::Loaded(corpus, none)
        }
    };
    let problems = match &opened {
        Opened::Stored(lib) => &lib.corpus.problems,
        Opened::Loaded(corpus, _) => &corpus.problems,
    };
    for p in problems {
        eprintln!("warta: {p}");
    }
    opened
}

/// The corpus `args` names, from a current snapshot or loaded (see
/// [`open`]).
fn corpus_of(args: &CorpusArgs, settings: &Settings) -> Arc<Corpus> {
    match open(args, settings) {
        Opened::Stored(lib) => lib.corpus.clone(),
        Opened::Loaded(corpus, _) => Arc::new(corpus),
    }
}

/// The corpus `args` names and its entities, from a current snapshot or
/// loaded and extracted through the entity cache.
fn corpus_and_entities(args: &CorpusArgs, settings: &Settings) -> (Arc<Corpus>, EntityIndex) {
    match open(args, settings) {
        Opened::Stored(mut lib) => (lib.corpus.clone(), std::mem::take(&mut lib.entities)),
        Opened::Loaded(corpus, known) => {
            let cache = settings.entity_cache(args);
            let (packed, _, cache_write) = entity_cache::extract_known(
                &corpus.articles,
                known,
                cache.as_deref(),
                &Default::default(),
            );
            if let Some(cache_write) = cache_write {
                // at once: a headless command has no thread that outlives it
                let _ = cache_write.write(&corpus.articles, &packed);
            }
            (Arc::new(corpus), resolve_packed(packed))
        }
    }
}

/// Runs a headless command with the run's settings (config, `--no-state`).
/// Notices (a broken file moved aside) go to stderr.
pub fn run_command(command: &Command, settings: &Settings) -> Result<()> {
    let mut settings = settings.clone();
    let result = match command {
        Command::List { corpus, json } => {
            let corpus = settings.complete(corpus);
            let store = settings.open_state(&corpus);
            let loaded = corpus_of(&corpus, &settings);
            let marks = super::remembered(store.as_ref(), &loaded.articles);
            list(&loaded, *json, &marks)
        }
        Command::Show { id, corpus, json } => show(
            &corpus_of(&settings.complete(corpus), &settings),
            id,
            *json,
            settings.lang,
        ),
        Command::Entities { corpus, kind, json } => {
            let corpus = settings.complete(corpus);
            let (loaded, index) = corpus_and_entities(&corpus, &settings);
            super::entities::entities(&loaded, &index, *kind, *json, settings.lang)
        }
        Command::Find {
            query,
            corpus,
            scope,
            limit,
            json,
        } => {
            let corpus = settings.complete(corpus);
            let (loaded, index) = corpus_and_entities(&corpus, &settings);
            super::entities::find(&loaded, &index, query, *scope, *limit, *json, settings.lang)
        }
        Command::Bench {
            corpus,
            queries,
            json,
        } => {
            let corpus = settings.complete(corpus);
            let cache = settings.entity_cache(&corpus);
            let snapshot = settings.library_snapshot();
            super::bench::bench(&corpus, cache.as_deref(), snapshot, queries, *json)
        }
    };
    for n in &settings.notices {
        eprintln!("warta: {n}");
    }
    result
}

fn list(corpus: &Corpus, as_json: bool, marks: &Remembered) -> Result<()> {
    if as_json {
        let rows: Vec<ArticleSummary> = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleSummary {
                bookmarked: Some(marks.bookmarks.contains(&i)),
                read: Some(marks.read.contains(&i)),
                ..article_summary(a)
            })
            .collect();
        return Ok(write_json_stdout(&rows)?);
    }
    let id_width = corpus
        .articles
        .iter()
        .map(|a| a.id.chars().count())
        .max()
        .unwrap_or(2);
    let site_width = corpus
        .articles
        .iter()
        .map(|a| a.site.as_deref().unwrap_or("-").chars().count())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for a in &corpus.articles {
        let date = a.date.map_or("-".to_string(), |d| d.to_string());
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<10}  {:<site_width$}  {}",
            a.id,
            date,
            a.site.as_deref().unwrap_or("-"),
            a.title
        );
    }
    Ok(write_stdout(&out)?)
}

/// The fields every listing carries, borrowed from the article. Fields
/// are in name order: the order JSON built as a `serde_json::Value` had,
/// which scripts may have come to rely on.
#[derive(Serialize)]
pub(super) struct ArticleSummary<'a> {
    author: Option<&'a str>,
    /// In `list` only: whether the article is bookmarked.
    #[serde(skip_serializing_if = "Option::is_none")]
    bookmarked: Option<bool>,
    date: Option<ArticleDate>,
    dateline: Option<&'a str>,
    id: &'a str,
    path: Cow<'a, str>,
    /// In `list` only: whether the article has been read.
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<bool>,
    redecoded: bool,
    removed_controls: usize,
    site: Option<&'a str>,
    title: &'a str,
    title_source: TitleSource,
    words: usize,
}

/// The [`ArticleSummary`] of an article (without list marks).
pub(super) fn article_summary(a: &Article) -> ArticleSummary<'_> {
    ArticleSummary {
        author: a.author.as_deref(),
        bookmarked: None,
        date: a.date,
        dateline: a.dateline.as_deref(),
        id: &a.id,
        path: a.path.to_string_lossy(),
        read: None,
        redecoded: a.redecoded,
        removed_controls: a.removed_controls,
        site: a.site.as_deref(),
        title: &a.title,
        title_source: a.title_source,
        words: a.words(),
    }
}

fn show(corpus: &Corpus, id: &str, as_json: bool, lang: Lang) -> Result<()> {
    let Some(a) = corpus.get(id) else {
        bail!("{}", trf(lang, S::NoSuchArticle, &[&id]));
    };
    let body = a.body.text();
    if as_json {
        let mut v = serde_json::to_value(article_summary(a))?;
        v["body"] = json!(body);
        match crate::corpus::read_raw(a) {
            Ok(raw) => v["raw"] = json!(raw),
            Err(e) => {
                v["raw"] = Value::Null;
                v["raw_error"] = json!(crate::app::reader::raw_error(&e, lang));
            }
        }
        v["entities"] = serde_json::to_value(crate::entities::extract(&body))?;
        return Ok(write_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v)?
        ))?);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", a.title);
    let mut meta = vec![a
        .date
        .map_or(tr(lang, S::NoDate).to_string(), |d| d.to_string())];
    meta.extend(a.site.clone());
    meta.extend(a.author.as_ref().map(|x| trf(lang, S::By, &[x])));
    meta.extend(a.dateline.as_ref().map(|x| trf(lang, S::Dateline, &[x])));
    let _ = writeln!(out, "{}", meta.join(" · "));
    let _ = writeln!(out, "{}", a.path_label());
    let _ = writeln!(out);
    let _ = writeln!(out, "{body}");
    let entities = crate::entities::extract(&body);
    if !entities.officials.is_empty() {
        let _ = writeln!(out, "\n{}:", tr(lang, S::Officials));
        for o in &entities.officials {
            let inst = o
                .institution
                .as_deref()
                .map(|i| format!(" · {i}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  {} — {}{inst}", o.name, o.position);
        }
    }
    Ok(write_stdout(&out)?)
}
