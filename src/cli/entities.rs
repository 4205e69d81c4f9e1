//! `warta entities` and `warta find`.

use super::args::{EntityKindArg, FindScope};
use super::commands::article_summary;
use super::write_stdout;
use crate::app::library::article_document;
use crate::corpus::Corpus;
use crate::entities::{official_document, EntityIndex};
use crate::search::{FilterQuery, FuzzyScorer, SearchIndex};
use crate::ui::strings::{tr, trf, Lang, S};
use anyhow::Result;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Article ids for a list of article indices.
fn ids(corpus: &Corpus, articles: &[usize]) -> Vec<String> {
    articles
        .iter()
        .map(|&i| corpus.articles[i].id.clone())
        .collect()
}

fn officials_json(
    corpus: &Corpus,
    index: &EntityIndex,
    which: impl Iterator<Item = usize>,
) -> Vec<Value> {
    which
        .map(|i| {
            let o = &index.officials[i];
            json!({
                "name": o.name,
                "aliases": o.aliases,
                "roles": o.roles.iter().map(|r| json!({
                    "position": r.position,
                    "institution": r.institution,
                    "articles": ids(corpus, &r.articles),
                })).collect::<Vec<_>>(),
                "articles": ids(corpus, &o.articles),
                "mentions": o.mentions,
            })
        })
        .collect()
}

/// Prints the corpus's entities.
pub fn entities(
    corpus: &Corpus,
    index: &EntityIndex,
    kind: Option<EntityKindArg>,
    as_json: bool,
    lang: Lang,
) -> Result<()> {
    let wants = |k: EntityKindArg| kind.is_none_or(|w| w == k);
    if as_json {
        let mut out = serde_json::Map::new();
        let mut add = |kind: EntityKindArg, key: &str, rows: &dyn Fn() -> Vec<Value>| {
            if wants(kind) {
                out.insert(key.into(), Value::Array(rows()));
            }
        };
        add(EntityKindArg::Official, "officials", &|| {
            officials_json(corpus, index, 0..index.officials.len())
        });
        add(EntityKindArg::Organization, "organizations", &|| {
            let rows = index.organizations.iter();
            rows.map(|o| json!({"name": o.name, "expansion": o.expansion, "articles": ids(corpus, &o.articles)})).collect()
        });
        add(EntityKindArg::Place, "places", &|| {
            let rows = index.places.iter();
            rows.map(
                |p| json!({"name": p.name, "kind": p.level, "articles": ids(corpus, &p.articles)}),
            )
            .collect()
        });
        add(EntityKindArg::Program, "programs", &|| {
            let rows = index.programs.iter();
            rows.map(|p| json!({"name": p.name, "expansion": p.expansion, "articles": ids(corpus, &p.articles)})).collect()
        });
        add(EntityKindArg::Figure, "figures", &|| {
            let figures = index.figures();
            let rows = figures.iter();
            rows.map(|f| json!({"text": f.text, "article": corpus.articles[f.article].id}))
                .collect()
        });
        return Ok(write_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&Value::Object(out))?
        ))?);
    }
    let mut out = String::new();
    if wants(EntityKindArg::Official) {
        let _ = writeln!(
            out,
            "{} ({})",
            tr(lang, S::Officials),
            index.officials.len()
        );
        for o in &index.officials {
            let _ = writeln!(out, "  {}", o.name);
            for r in &o.roles {
                let inst = r
                    .institution
                    .as_deref()
                    .map(|i| format!(" · {i}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    {}{inst}  [{}]",
                    r.position,
                    ids(corpus, &r.articles).join(", ")
                );
            }
        }
    }
    let mut section = |title: &str, rows: Vec<String>| {
        let _ = writeln!(out, "{title} ({})", rows.len());
        for r in rows {
            let _ = writeln!(out, "  {r}");
        }
    };
    let count = |n: usize| {
        if n == 1 {
            tr(lang, S::ArticleCountOne).to_string()
        } else {
            trf(lang, S::ArticleCountMany, &[&n])
        }
    };
    // `Name (expansion) — N articles`
    let row = |name: &str, expansion: Option<&str>, n: usize| match expansion {
        Some(e) => format!("{name} ({e}) — {}", count(n)),
        None => format!("{name} — {}", count(n)),
    };
    if wants(EntityKindArg::Organization) {
        section(
            tr(lang, S::Organizations),
            index
                .organizations
                .iter()
                .map(|o| row(&o.name, o.expansion.as_deref(), o.articles.len()))
                .collect(),
        );
    }
    if wants(EntityKindArg::Place) {
        section(
            tr(lang, S::Places),
            index
                .places
                .iter()
                .map(|p| row(&p.name, None, p.articles.len()))
                .collect(),
        );
    }
    if wants(EntityKindArg::Program) {
        section(
            tr(lang, S::Programs),
            index
                .programs
                .iter()
                .map(|p| row(&p.name, p.expansion.as_deref(), p.articles.len()))
                .collect(),
        );
    }
    if wants(EntityKindArg::Figure) {
        section(
            tr(lang, S::Figures),
            index
                .figures()
                .iter()
                .map(|f| format!("{}  [{}]", f.text, corpus.articles[f.article].id))
                .collect(),
        );
    }
    Ok(write_stdout(&out)?)
}

/// Fuzzy-finds officials and articles.
pub fn find(
    corpus: &Corpus,
    index: &EntityIndex,
    query: &str,
    scope: Option<FindScope>,
    limit: usize,
    as_json: bool,
    lang: Lang,
) -> Result<()> {
    let scorer = FuzzyScorer::default();
    let q = FilterQuery::new(query);
    let wants = |s: FindScope| scope.is_none_or(|w| w == s);
    let officials: Vec<usize> = if wants(FindScope::Officials) {
        let docs = SearchIndex::new(index.officials.iter().map(official_document).collect());
        docs.filter(&q, &scorer, None)
            .unwrap_or_default()
            .iter()
            .take(limit)
            .map(|h| h.index())
            .collect()
    } else {
        Vec::new()
    };
    let articles: Vec<usize> = if wants(FindScope::Articles) {
        let docs = SearchIndex::build(
            (0..corpus.articles.len()).map(|i| article_document(&corpus.articles[i], index, i)),
        );
        docs.filter(&q, &scorer, None)
            .unwrap_or_default()
            .iter()
            .take(limit)
            .map(|h| h.index())
            .collect()
    } else {
        Vec::new()
    };
    if as_json {
        let mut out = serde_json::Map::new();
        if wants(FindScope::Officials) {
            out.insert(
                "officials".into(),
                json!(officials_json(corpus, index, officials.into_iter())),
            );
        }
        if wants(FindScope::Articles) {
            let v: Vec<Value> = articles
                .iter()
                .map(|&i| article_summary(&corpus.articles[i]))
                .collect();
            out.insert("articles".into(), json!(v));
        }
        return Ok(write_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&Value::Object(out))?
        ))?);
    }
    let mut out = String::new();
    if wants(FindScope::Officials) {
        let _ = writeln!(out, "{} ({})", tr(lang, S::Officials), officials.len());
        for i in officials {
            let o = &index.officials[i];
            let role = o
                .main_role()
                .map(|r| match &r.institution {
                    Some(inst) => format!("{} · {inst}", r.position),
                    None => r.position.clone(),
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}  —  {role}  [{}]",
                o.name,
                ids(corpus, &o.articles).join(", ")
            );
        }
    }
    if wants(FindScope::Articles) {
        let _ = writeln!(out, "{} ({})", tr(lang, S::Articles), articles.len());
        for i in articles {
            let a = &corpus.articles[i];
            let date = a.date.map_or("-".to_string(), |d| d.to_string());
            let _ = writeln!(out, "  {}  {date}  {}", a.id, a.title);
        }
    }
    Ok(write_stdout(&out)?)
}
