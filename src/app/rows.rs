//! The sidebar's rows. One article's rows are few and built in full; the
//! corpus has a row per figure (about ten per article), so its figure rows
//! are not kept: a figure row is made from the packed mentions and the
//! article's title when it is asked for.

use super::library::{EntityRef, EntityRow, Library};
use crate::entities::EntityKind;
use std::sync::Arc;

/// The corpus-wide rows of a [`Library`]: officials, organisations, places
/// and programmes in full, then one row per figure, in article order, made
/// on demand.
#[derive(Debug, Clone, Default)]
pub struct CorpusRows {
    /// Every row that is not a figure's, grouped by kind.
    named: Vec<EntityRow>,
    /// Per article, the number of figures before it (one more entry than
    /// articles, the last the total).
    figure_starts: Vec<u32>,
}

impl CorpusRows {
    /// Rows for the named entities, then figures counted per article.
    pub fn new(named: Vec<EntityRow>, figure_counts: impl IntoIterator<Item = usize>) -> Self {
        let mut figure_starts = vec![0u32];
        let mut total = 0usize;
        for n in figure_counts {
            total += n;
            figure_starts.push(u32::try_from(total).unwrap_or(u32::MAX));
        }
        CorpusRows {
            named,
            figure_starts,
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.named.len() + self.figure_starts.last().map_or(0, |&n| n as usize)
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows of named entities and the figure counts as stored
    /// ([`CorpusRows::from_parts`] takes them back).
    pub fn parts(&self) -> (&[EntityRow], &[u32]) {
        (&self.named, &self.figure_starts)
    }

    /// Rows from stored parts; `None` when the figure starts are not a
    /// running count from 0.
    pub fn from_parts(named: Vec<EntityRow>, figure_starts: Vec<u32>) -> Option<Self> {
        let counted =
            figure_starts.first() == Some(&0) && figure_starts.windows(2).all(|w| w[0] <= w[1]);
        counted.then_some(CorpusRows {
            named,
            figure_starts,
        })
    }

    /// The rows of named entities (everything but figures).
    pub fn named(&self) -> &[EntityRow] {
        &self.named
    }

    /// The article and figure index of row `i`, if it is a figure's row.
    fn figure(&self, i: usize) -> Option<(usize, usize)> {
        let j = i.checked_sub(self.named.len())?;
        if j >= self.len() - self.named.len() {
            return None;
        }
        // the last article whose first figure is at or before j holds it
        let article = self.figure_starts.partition_point(|&s| s as usize <= j) - 1;
        Some((article, j - self.figure_starts[article] as usize))
    }
}

/// The rows a sidebar shows: one article's, or the corpus-wide rows of a
/// library.
#[derive(Debug, Clone)]
pub enum Rows {
    /// Rows built in full.
    Listed(Arc<Vec<EntityRow>>),
    /// The library's [`CorpusRows`].
    Corpus(Arc<Library>),
}

impl Default for Rows {
    fn default() -> Self {
        Rows::Listed(Arc::default())
    }
}

impl From<Vec<EntityRow>> for Rows {
    fn from(rows: Vec<EntityRow>) -> Self {
        Rows::Listed(Arc::new(rows))
    }
}

impl Rows {
    /// The number of rows.
    pub fn len(&self) -> usize {
        match self {
            Rows::Listed(rows) => rows.len(),
            Rows::Corpus(lib) => lib.corpus_rows.len(),
        }
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when these are the corpus rows of `lib`.
    pub fn is_corpus_of(&self, lib: &Arc<Library>) -> bool {
        matches!(self, Rows::Corpus(l) if Arc::ptr_eq(l, lib))
    }

    /// The kind of row `i` (a figure past the end).
    pub fn kind(&self, i: usize) -> EntityKind {
        match self {
            Rows::Listed(rows) => rows.get(i).map_or(EntityKind::Figure, EntityRow::kind),
            Rows::Corpus(lib) => lib
                .corpus_rows
                .named
                .get(i)
                .map_or(EntityKind::Figure, EntityRow::kind),
        }
    }

    /// True when row `i` has a detail (a figure's is its article's title).
    pub fn has_detail(&self, i: usize) -> bool {
        match self {
            Rows::Listed(rows) => rows.get(i).is_some_and(|r| r.detail.is_some()),
            Rows::Corpus(lib) => match lib.corpus_rows.named.get(i) {
                Some(r) => r.detail.is_some(),
                None => lib.corpus_rows.figure(i).is_some(),
            },
        }
    }

    /// What row `i` is about.
    pub fn target(&self, i: usize) -> Option<EntityRef> {
        match self {
            Rows::Listed(rows) => rows.get(i).map(|r| r.target),
            Rows::Corpus(lib) => match lib.corpus_rows.named.get(i) {
                Some(r) => Some(r.target),
                None => lib
                    .corpus_rows
                    .figure(i)
                    .map(|(article, index)| EntityRef::Figure { article, index }),
            },
        }
    }

    /// Row `i`, made when it is a corpus figure's.
    pub fn get(&self, i: usize) -> Option<EntityRow> {
        match self {
            Rows::Listed(rows) => rows.get(i).cloned(),
            Rows::Corpus(lib) => match lib.corpus_rows.named.get(i) {
                Some(r) => Some(r.clone()),
                None => {
                    let (article, index) = lib.corpus_rows.figure(i)?;
                    figure_row(lib, article, index)
                }
            },
        }
    }

    /// Every row in order (corpus figure rows are made one article at a time).
    pub fn iter(&self) -> impl Iterator<Item = EntityRow> + '_ {
        let (listed, lib): (&[EntityRow], _) = match self {
            Rows::Listed(rows) => (rows, None),
            Rows::Corpus(lib) => (&lib.corpus_rows.named, Some(lib)),
        };
        let figures = lib
            .into_iter()
            .flat_map(|lib| (0..lib.articles().len()).flat_map(|a| figure_rows(lib, a)));
        listed.iter().cloned().chain(figures)
    }
}

/// The corpus row of figure `index` of article `article`.
fn figure_row(lib: &Library, article: usize, index: usize) -> Option<EntityRow> {
    figure_rows(lib, article).nth(index)
}

/// The corpus rows of an article's figures: the figure's text, then the
/// article's title.
pub fn figure_rows(lib: &Library, article: usize) -> impl Iterator<Item = EntityRow> {
    let title: Option<Arc<str>> = lib.articles().get(article).map(|x| x.title.as_str().into());
    let figures = lib.entities.per_article.get(article).map(|p| p.figures());
    figures
        .into_iter()
        .flatten()
        .enumerate()
        .map(move |(index, f)| EntityRow {
            target: EntityRef::Figure { article, index },
            name: f.text.into(),
            detail: title.clone(),
            articles: 1,
        })
}
