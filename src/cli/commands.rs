//! The headless commands: load, then print for people or as JSON.

use super::args::{Command, CorpusArgs};
use super::write_stdout;
use crate::corpus::{load_paths_with_stats, load_seeds, Article, Corpus, LoadOptions, LoadStats};
use anyhow::{bail, Result};
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Loads the corpus the arguments name (the seeds when none), without
/// printing: the reader shows problems in its status bar.
pub fn read_corpus(args: &CorpusArgs) -> Corpus {
    read_corpus_with_stats(args, &LoadStats::default())
}

/// [`read_corpus`], adding read and parse times to `stats`.
pub fn read_corpus_with_stats(args: &CorpusArgs, stats: &LoadStats) -> Corpus {
    if args.paths.is_empty() {
        load_seeds()
    } else {
        let opts = LoadOptions {
            size_cap: args.max_file_size.saturating_mul(1024 * 1024),
        };
        load_paths_with_stats(&args.paths, &opts, stats)
    }
}

/// Loads like [`read_corpus`] and reports each problem on stderr, one line each.
pub fn load_corpus(args: &CorpusArgs) -> Corpus {
    let corpus = read_corpus(args);
    for p in &corpus.problems {
        eprintln!("warta: {p}");
    }
    corpus
}

/// Runs a headless command.
pub fn run_command(command: &Command) -> Result<()> {
    match command {
        Command::List { corpus, json } => list(&load_corpus(corpus), *json),
        Command::Show { id, corpus, json } => show(&load_corpus(corpus), id, *json),
        Command::Entities { corpus, kind, json } => {
            super::entities::entities(&load_corpus(corpus), *kind, *json)
        }
        Command::Find {
            query,
            corpus,
            scope,
            limit,
            json,
        } => super::entities::find(&load_corpus(corpus), query, *scope, *limit, *json),
        Command::Bench {
            corpus,
            queries,
            json,
        } => super::bench::bench(corpus, queries, *json),
    }
}

fn list(corpus: &Corpus, as_json: bool) -> Result<()> {
    if as_json {
        let rows: Vec<Value> = corpus.articles.iter().map(article_summary).collect();
        return Ok(write_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&rows)?
        ))?);
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

/// The fields every listing carries.
pub(super) fn article_summary(a: &Article) -> Value {
    json!({
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "title_source": a.title_source,
        "date": a.date,
        "site": a.site,
        "author": a.author,
        "dateline": a.dateline,
        "words": a.words(),
        "redecoded": a.redecoded,
        "removed_controls": a.removed_controls,
    })
}

fn show(corpus: &Corpus, id: &str, as_json: bool) -> Result<()> {
    let Some(a) = corpus.get(id) else {
        bail!("no article with id `{id}`; `warta list` prints the ids");
    };
    if as_json {
        let mut v = article_summary(a);
        v["body"] = json!(a.body);
        v["raw"] = json!(a.raw);
        v["entities"] = serde_json::to_value(crate::entities::extract(&a.body))?;
        return Ok(write_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v)?
        ))?);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", a.title);
    let mut meta = vec![a.date.map_or("no date".to_string(), |d| d.to_string())];
    meta.extend(a.site.clone());
    meta.extend(a.author.as_ref().map(|x| format!("by {x}")));
    meta.extend(a.dateline.as_ref().map(|x| format!("dateline {x}")));
    let _ = writeln!(out, "{}", meta.join(" · "));
    let _ = writeln!(out, "{}", a.path.display());
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", a.body);
    let entities = crate::entities::extract(&a.body);
    if !entities.officials.is_empty() {
        let _ = writeln!(out, "\nOfficials:");
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
