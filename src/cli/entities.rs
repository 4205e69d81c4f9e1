//! `warta entities` and `warta find`.

use super::args::{EntityKindArg, FindScope};
use super::commands::{article_summary, ArticleSummary};
use super::{write_json_stdout, write_stdout};
use crate::app::library::article_document;
use crate::corpus::Corpus;
use crate::entities::{official_document, EntityIndex, PlaceLevel};
use crate::search::{FilterQuery, FuzzyScorer, SearchIndex};
use crate::ui::strings::{tr, trf, Lang, S};
use anyhow::Result;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::fmt::Write as _;

/// The ids of some articles, joined for people.
fn joined_ids(corpus: &Corpus, articles: &[usize]) -> String {
    let ids: Vec<&str> = articles
        .iter()
        .map(|&i| corpus.articles[i].id.as_str())
        .collect();
    ids.join(", ")
}

/// The ids of some articles, serialised as a list without being collected.
struct Ids<'a> {
    corpus: &'a Corpus,
    articles: &'a [usize],
}

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.articles
                .iter()
                .map(|&i| self.corpus.articles[i].id.as_str()),
        )
    }
}

/// An official as JSON. Every JSON object here has its fields in name
/// order, the order the output had when it was built as `serde_json::Value`.
#[derive(Serialize)]
struct OfficialJson<'a> {
    aliases: &'a [String],
    articles: Ids<'a>,
    mentions: usize,
    name: &'a str,
    roles: Vec<RoleJson<'a>>,
}

/// One of an official's roles as JSON.
#[derive(Serialize)]
struct RoleJson<'a> {
    articles: Ids<'a>,
    institution: Option<&'a str>,
    position: &'a str,
}

/// An organisation or a programme as JSON.
#[derive(Serialize)]
struct NamedJson<'a> {
    articles: Ids<'a>,
    expansion: Option<&'a str>,
    name: &'a str,
}

impl<'a> NamedJson<'a> {
    fn new(
        corpus: &'a Corpus,
        name: &'a str,
        expansion: &'a Option<String>,
        articles: &'a [usize],
    ) -> Self {
        NamedJson {
            articles: Ids { corpus, articles },
            expansion: expansion.as_deref(),
            name,
        }
    }
}

/// A place as JSON.
#[derive(Serialize)]
struct PlaceJson<'a> {
    articles: Ids<'a>,
    kind: PlaceLevel,
    name: &'a str,
}

/// A figure as JSON.
#[derive(Serialize)]
struct FigureJson<'a> {
    article: &'a str,
    text: &'a str,
}

/// Every figure of the corpus, unpacked one article at a time as it is
/// serialised.
struct Figures<'a> {
    corpus: &'a Corpus,
    index: &'a EntityIndex,
}

impl Serialize for Figures<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for (a, packed) in self.index.per_article.iter().enumerate() {
            let article = self.corpus.articles[a].id.as_str();
            for f in packed.figures() {
                seq.serialize_element(&FigureJson {
                    article,
                    text: &f.text,
                })?;
            }
        }
        seq.end()
    }
}

/// `warta entities --json`: the kinds asked for, each a list.
#[derive(Serialize)]
struct EntitiesJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    figures: Option<Figures<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    officials: Option<Vec<OfficialJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organizations: Option<Vec<NamedJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<Vec<PlaceJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    programs: Option<Vec<NamedJson<'a>>>,
}

/// `warta find --json`: the scopes asked for, each a list.
#[derive(Serialize)]
struct FindJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    articles: Option<Vec<ArticleSummary<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    officials: Option<Vec<OfficialJson<'a>>>,
}

/// The officials at the indices `which`, as JSON.
fn officials_json<'a>(
    corpus: &'a Corpus,
    index: &'a EntityIndex,
    which: impl Iterator<Item = usize>,
) -> Vec<OfficialJson<'a>> {
    let ids = |articles: &'a [usize]| Ids { corpus, articles };
    which
        .map(|i| {
            let o = &index.officials[i];
            OfficialJson {
                aliases: &o.aliases,
                articles: ids(&o.articles),
                mentions: o.mentions,
                name: &o.name,
                roles: o
                    .roles
                    .iter()
                    .map(|r| RoleJson {
                        articles: ids(&r.articles),
                        institution: r.institution.as_deref(),
                        position: &r.position,
                    })
                    .collect(),
            }
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
        let ids = |articles| Ids { corpus, articles };
        let out = EntitiesJson {
            figures: wants(EntityKindArg::Figure).then_some(Figures { corpus, index }),
            officials: wants(EntityKindArg::Official)
                .then(|| officials_json(corpus, index, 0..index.officials.len())),
            organizations: wants(EntityKindArg::Organization).then(|| {
                let rows = index.organizations.iter();
                rows.map(|o| NamedJson::new(corpus, &o.name, &o.expansion, &o.articles))
                    .collect()
            }),
            places: wants(EntityKindArg::Place).then(|| {
                let rows = index.places.iter();
                rows.map(|p| PlaceJson {
                    articles: ids(&p.articles),
                    kind: p.level,
                    name: &p.name,
                })
                .collect()
            }),
            programs: wants(EntityKindArg::Program).then(|| {
                let rows = index.programs.iter();
                rows.map(|p| NamedJson::new(corpus, &p.name, &p.expansion, &p.articles))
                    .collect()
            }),
        };
        return Ok(write_json_stdout(&out)?);
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
                    joined_ids(corpus, &r.articles)
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
        let out = FindJson {
            articles: wants(FindScope::Articles).then(|| {
                let rows = articles.iter();
                rows.map(|&i| article_summary(&corpus.articles[i]))
                    .collect()
            }),
            officials: wants(FindScope::Officials)
                .then(|| officials_json(corpus, index, officials.iter().copied())),
        };
        return Ok(write_json_stdout(&out)?);
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
                joined_ids(corpus, &o.articles)
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
