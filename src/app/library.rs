//! The loaded corpus with everything derived from it once: entities, search
//! indices and the corpus-wide sidebar rows. Immutable after building, so
//! background searches share it through `Arc`.

use super::order::Ranks;
use super::rows::CorpusRows;
use crate::corpus::{Article, Corpus};
use crate::entities::{build_index, official_document};
use crate::entities::{EntityIndex, EntityKind, Official, Span};
use crate::search::{IndexBuilder, SearchIndex};
use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, OnceLock};

mod documents;
pub use documents::{article_document, figure_documents};

/// Which entity a sidebar row, a filter or a highlight is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityRef {
    /// Index into `EntityIndex::officials`.
    Official(usize),
    /// Index into `EntityIndex::organizations`.
    Organization(usize),
    /// Index into `EntityIndex::places`.
    Place(usize),
    /// Index into `EntityIndex::programs`.
    Program(usize),
    /// A figure: the article and its index in that article's figures.
    Figure {
        /// Article index.
        article: usize,
        /// Index into `ArticleEntities::figures`.
        index: usize,
    },
}

impl EntityRef {
    /// The kind of entity referred to.
    pub fn kind(&self) -> EntityKind {
        match self {
            EntityRef::Official(_) => EntityKind::Official,
            EntityRef::Organization(_) => EntityKind::Organization,
            EntityRef::Place(_) => EntityKind::Place,
            EntityRef::Program(_) => EntityKind::Program,
            EntityRef::Figure { .. } => EntityKind::Figure,
        }
    }
}

/// One entity as the sidebar lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    /// What the row is about.
    pub target: EntityRef,
    /// The name as shown (for officials as the article writes it). Shared:
    /// the corpus scope has a row per figure, many with the same text.
    pub name: Arc<str>,
    /// Second line or suffix: `position · institution`, an expansion, a
    /// level, or a figure's article title (shared by that article's figures).
    pub detail: Option<Arc<str>>,
    /// How many articles mention it (shown in the corpus scope).
    pub articles: usize,
}

impl EntityRow {
    /// The kind of the row's entity.
    pub fn kind(&self) -> EntityKind {
        self.target.kind()
    }
}

/// Everything the reader shows, built once per corpus.
#[derive(Debug, Default)]
pub struct Library {
    /// The articles (shared with a library built from the same load).
    pub corpus: Arc<Corpus>,
    /// True while entities are not extracted yet: the list and reader work,
    /// the sidebar and finder are empty.
    pub partial: bool,
    /// True for a preview: the articles read so far while the rest of the
    /// files load (and no entities yet).
    pub preview: bool,
    /// Extracted and resolved entities.
    pub entities: EntityIndex,
    /// One document per article: title, official names, site, date.
    pub article_search: Arc<SearchIndex>,
    /// One document per official: name, aliases, positions, institutions.
    pub official_search: Arc<SearchIndex>,
    /// Sidebar rows for the whole corpus, grouped by kind (figure rows are
    /// made when asked for).
    pub corpus_rows: CorpusRows,
    /// One document per corpus row.
    pub corpus_row_search: Arc<SearchIndex>,
    by_name: HashMap<(EntityKind, String), usize>,
    /// The articles ranked by date, for the list's sort.
    date_order: Ranks,
    /// The articles ranked by title, made when the list is first sorted so.
    title_order: OnceLock<Ranks>,
}

/// `position · institution`, the way the sidebar and finder show a post.
pub fn post(position: &str, institution: Option<&str>) -> String {
    match institution {
        Some(i) if !i.is_empty() => format!("{position} · {i}"),
        _ => position.to_string(),
    }
}

impl Library {
    /// Extracts entities from the corpus and builds every index.
    pub fn build(corpus: Corpus) -> Library {
        let entities = build_index(&corpus.articles);
        Library::new(corpus, entities)
    }

    /// Builds the indices over a corpus and its already extracted entities.
    pub fn new(corpus: Corpus, entities: EntityIndex) -> Library {
        Library::from_shared(Arc::new(corpus), entities, false)
    }

    /// A library of articles whose entities are still being extracted, so the
    /// reader can show the list early.
    pub fn unindexed(corpus: Arc<Corpus>) -> Library {
        Library::from_shared(corpus, EntityIndex::default(), true)
    }

    /// A [`Library::unindexed`] of the first articles of a corpus whose
    /// other files are still being read.
    pub fn preview(articles: &[Article]) -> Library {
        let corpus = Corpus {
            articles: articles.to_vec(),
            ..Corpus::default()
        };
        Library {
            preview: true,
            ..Library::unindexed(Arc::new(corpus))
        }
    }

    /// Builds the indices over a shared corpus and its entities.
    pub fn from_shared(corpus: Arc<Corpus>, entities: EntityIndex, partial: bool) -> Library {
        Library::with_figure_documents(corpus, entities, partial, None)
    }

    /// [`Library::from_shared`], with the figure rows' documents when they
    /// were made already ([`figure_documents`] over the same articles and
    /// entities, as the loader folds them beside linking with
    /// [`crate::entities::resolve_packed_beside`]).
    pub fn with_figure_documents(
        corpus: Arc<Corpus>,
        entities: EntityIndex,
        partial: bool,
        figures: Option<Vec<IndexBuilder>>,
    ) -> Library {
        let mut lib = Library::without_indices(corpus, entities, partial);
        // The corpus rows' index (its figure documents folded in parts
        // unless given, most of this step) is built beside the article and
        // official indices; the parts let a core that is done take some.
        let ((article_search, official_search), (corpus_rows, corpus_row_search)) = {
            let lib = &lib;
            rayon::join(
                || {
                    let articles = lib.article_index();
                    let official_docs = lib.entities.officials.iter().map(official_document);
                    (articles, SearchIndex::build(official_docs))
                },
                || {
                    let counts = lib.entities.per_article.iter().map(|p| p.figure_count());
                    let rows = CorpusRows::new(lib.named_corpus_rows(), counts);
                    let figures = figures.unwrap_or_else(|| {
                        figure_documents(lib.articles(), &lib.entities.per_article)
                    });
                    let index = lib.corpus_row_index(&rows, figures);
                    (rows, index)
                },
            )
        };
        lib.article_search = Arc::new(article_search);
        lib.official_search = Arc::new(official_search);
        lib.corpus_rows = corpus_rows;
        lib.corpus_row_search = Arc::new(corpus_row_search);
        lib
    }

    /// A library over a corpus and its entities with empty search indices
    /// and corpus rows, for a caller that makes or has them.
    pub(super) fn without_indices(
        corpus: Arc<Corpus>,
        entities: EntityIndex,
        partial: bool,
    ) -> Library {
        let mut by_name = HashMap::new();
        for (i, o) in entities.organizations.iter().enumerate() {
            by_name.insert((EntityKind::Organization, o.name.clone()), i);
        }
        for (i, p) in entities.places.iter().enumerate() {
            by_name.insert((EntityKind::Place, p.name.clone()), i);
        }
        for (i, p) in entities.programs.iter().enumerate() {
            by_name.insert((EntityKind::Program, p.name.clone()), i);
        }
        Library {
            date_order: Ranks::by_date(&corpus.articles),
            corpus,
            partial,
            entities,
            by_name,
            ..Library::default()
        }
    }

    /// The articles.
    pub fn articles(&self) -> &[Article] {
        &self.corpus.articles
    }

    /// The articles ranked by date, newest first.
    pub fn date_order(&self) -> &Ranks {
        &self.date_order
    }

    /// The articles ranked by folded title (made on the first call).
    pub fn title_order(&self) -> &Ranks {
        self.title_order
            .get_or_init(|| Ranks::by_title(&self.corpus.articles))
    }

    /// The resolved official at an index.
    pub fn official(&self, index: usize) -> Option<&Official> {
        self.entities.officials.get(index)
    }

    /// Sidebar rows for one article, grouped by kind in order of first mention.
    pub fn article_rows(&self, a: usize) -> Vec<EntityRow> {
        let Some(found) = self.entities.article(a) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        let map = self.entities.official_of_mention.get(a);
        for (j, m) in found.officials.iter().enumerate() {
            if let Some(&o) = map.and_then(|m| m.get(j)) {
                rows.push(EntityRow {
                    target: EntityRef::Official(o),
                    name: m.name.as_str().into(),
                    detail: Some(post(&m.position, m.institution.as_deref()).into()),
                    articles: self.articles_of(EntityRef::Official(o)).len(),
                });
            }
        }
        let named = found
            .organizations
            .iter()
            .map(|m| (EntityKind::Organization, &m.name, m.expansion.clone()))
            .chain(
                found
                    .places
                    .iter()
                    .map(|m| (EntityKind::Place, &m.name, Some(level_name(m.level)))),
            )
            .chain(
                found
                    .programs
                    .iter()
                    .map(|m| (EntityKind::Program, &m.name, m.expansion.clone())),
            );
        for (kind, name, detail) in named {
            if let Some(&i) = self.by_name.get(&(kind, name.clone())) {
                let target = match kind {
                    EntityKind::Organization => EntityRef::Organization(i),
                    EntityKind::Place => EntityRef::Place(i),
                    _ => EntityRef::Program(i),
                };
                rows.push(EntityRow {
                    target,
                    name: name.as_str().into(),
                    detail: detail.map(Arc::from),
                    articles: self.articles_of(target).len(),
                });
            }
        }
        for (index, f) in found.figures.iter().enumerate() {
            rows.push(EntityRow {
                target: EntityRef::Figure { article: a, index },
                name: f.text.as_str().into(),
                detail: None,
                articles: 1,
            });
        }
        rows
    }

    fn named_corpus_rows(&self) -> Vec<EntityRow> {
        let e = &self.entities;
        let named = e.officials.len() + e.organizations.len() + e.places.len();
        let mut rows = Vec::with_capacity(named + e.programs.len());
        for (i, o) in e.officials.iter().enumerate() {
            rows.push(EntityRow {
                target: EntityRef::Official(i),
                name: o.name.as_str().into(),
                detail: o
                    .main_role()
                    .map(|r| post(&r.position, r.institution.as_deref()).into()),
                articles: o.articles.len(),
            });
        }
        for (i, o) in e.organizations.iter().enumerate() {
            rows.push(EntityRow {
                target: EntityRef::Organization(i),
                name: o.name.as_str().into(),
                detail: o.expansion.as_deref().map(Arc::from),
                articles: o.articles.len(),
            });
        }
        for (i, p) in e.places.iter().enumerate() {
            rows.push(EntityRow {
                target: EntityRef::Place(i),
                name: p.name.as_str().into(),
                detail: Some(level_name(p.level).into()),
                articles: p.articles.len(),
            });
        }
        for (i, p) in e.programs.iter().enumerate() {
            rows.push(EntityRow {
                target: EntityRef::Program(i),
                name: p.name.as_str().into(),
                detail: p.expansion.as_deref().map(Arc::from),
                articles: p.articles.len(),
            });
        }
        rows
    }

    /// The articles that mention an entity, ascending.
    pub fn articles_of(&self, target: EntityRef) -> Vec<usize> {
        let e = &self.entities;
        let list = match target {
            EntityRef::Official(i) => e.officials.get(i).map(|x| &x.articles),
            EntityRef::Organization(i) => e.organizations.get(i).map(|x| &x.articles),
            EntityRef::Place(i) => e.places.get(i).map(|x| &x.articles),
            EntityRef::Program(i) => e.programs.get(i).map(|x| &x.articles),
            EntityRef::Figure { article, .. } => return vec![article],
        };
        list.cloned().unwrap_or_default()
    }

    /// The display name of an entity.
    pub fn name_of(&self, target: EntityRef) -> String {
        let e = &self.entities;
        let name = match target {
            EntityRef::Official(i) => e.officials.get(i).map(|x| &x.name),
            EntityRef::Organization(i) => e.organizations.get(i).map(|x| &x.name),
            EntityRef::Place(i) => e.places.get(i).map(|x| &x.name),
            EntityRef::Program(i) => e.programs.get(i).map(|x| &x.name),
            EntityRef::Figure { article, index } => {
                let found = e.article(article).map(|f| f.figures);
                return found
                    .and_then(|f| f.into_iter().nth(index))
                    .map(|f| f.text)
                    .unwrap_or_default();
            }
        };
        name.cloned().unwrap_or_default()
    }

    /// Where an entity is mentioned in article `a`'s body: sorted byte spans.
    pub fn spans(&self, a: usize, target: EntityRef) -> Vec<Span> {
        let e = &self.entities;
        let Some(found) = e.article(a) else {
            return Vec::new();
        };
        let name = self.name_of(target);
        let mut spans: Vec<Span> = match target {
            EntityRef::Official(o) => e
                .official_of_mention
                .get(a)
                .into_iter()
                .flatten()
                .zip(&found.officials)
                .filter(|(&oi, _)| oi == o)
                .flat_map(|(_, m)| m.spans.iter().copied())
                .collect(),
            EntityRef::Organization(_) => found
                .organizations
                .iter()
                .filter(|m| m.name == name)
                .flat_map(|m| m.spans.iter().copied())
                .collect(),
            EntityRef::Place(_) => found
                .places
                .iter()
                .filter(|m| m.name == name)
                .flat_map(|m| m.spans.iter().copied())
                .collect(),
            EntityRef::Program(_) => found
                .programs
                .iter()
                .filter(|m| m.name == name)
                .flat_map(|m| m.spans.iter().copied())
                .collect(),
            EntityRef::Figure { article, index } if article == a => found
                .figures
                .get(index)
                .map(|f| f.span)
                .into_iter()
                .collect(),
            EntityRef::Figure { .. } => Vec::new(),
        };
        spans.sort();
        spans.dedup();
        spans
    }

    /// Every entity span of article `a` with its kind, sorted by start.
    pub fn all_spans(&self, a: usize) -> Vec<(Span, EntityKind)> {
        self.entities
            .article(a)
            .map(|f| mention_spans(&f))
            .unwrap_or_default()
    }
}

/// Every mention of one article's entities with its kind, in text order
/// (longer first where two start together).
fn mention_spans(f: &crate::entities::ArticleEntities) -> Vec<(Span, EntityKind)> {
    let mut out: Vec<(Span, EntityKind)> = Vec::new();
    let mut add = |spans: &[Span], kind| out.extend(spans.iter().map(|s| (*s, kind)));
    for m in &f.officials {
        add(&m.spans, EntityKind::Official);
    }
    for m in &f.organizations {
        add(&m.spans, EntityKind::Organization);
    }
    for m in &f.places {
        add(&m.spans, EntityKind::Place);
    }
    for m in &f.programs {
        add(&m.spans, EntityKind::Program);
    }
    for m in &f.figures {
        add(std::slice::from_ref(&m.span), EntityKind::Figure);
    }
    in_text_order(&mut out);
    out
}

/// Sorts mentions in text order, the longer first where two start together.
pub fn in_text_order(mentions: &mut [(Span, EntityKind)]) {
    mentions.sort_by_key(|(s, k)| (s.start, std::cmp::Reverse(s.end), *k));
}

/// The level of a place as a lower-case Indonesian word (`kota`, `kabupaten`).
pub fn level_name(level: crate::entities::PlaceLevel) -> String {
    format!("{level:?}").to_lowercase()
}
