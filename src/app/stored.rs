//! Sidebar rows in warta's cache encoding ([`crate::codec`]), and a
//! [`Library`] put together from stored parts, for the library snapshot.

use super::library::{EntityRef, EntityRow, Library};
use super::rows::CorpusRows;
use crate::codec::{Decode, Encode, Reader, Writer};
use crate::corpus::Corpus;
use crate::entities::EntityIndex;
use crate::search::SearchIndex;
use std::sync::Arc;

impl Encode for EntityRef {
    fn encode(&self, w: &mut Writer) {
        let (tag, i) = match *self {
            EntityRef::Official(i) => (0, i),
            EntityRef::Organization(i) => (1, i),
            EntityRef::Place(i) => (2, i),
            EntityRef::Program(i) => (3, i),
            EntityRef::Figure { article, index } => {
                w.u8(4);
                w.put(&article);
                w.put(&index);
                return;
            }
        };
        w.u8(tag);
        w.put(&i);
    }
}

impl Decode for EntityRef {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let tag = r.u8()?;
        let i = r.get()?;
        Some(match tag {
            0 => EntityRef::Official(i),
            1 => EntityRef::Organization(i),
            2 => EntityRef::Place(i),
            3 => EntityRef::Program(i),
            4 => EntityRef::Figure {
                article: i,
                index: r.get()?,
            },
            _ => return None,
        })
    }
}

crate::codec_fields!(EntityRow {
    target,
    name,
    detail,
    articles,
});

impl Encode for CorpusRows {
    fn encode(&self, w: &mut Writer) {
        let (named, figure_starts) = self.parts();
        w.put(named);
        w.put(figure_starts);
    }
}

impl Decode for CorpusRows {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        CorpusRows::from_parts(r.get()?, r.get()?)
    }
}

/// The parts of a [`Library`] as the snapshot stores them.
pub struct LibraryParts {
    /// The articles.
    pub corpus: Corpus,
    /// Entities, per article and resolved.
    pub entities: EntityIndex,
    /// [`Library::article_search`].
    pub article_search: SearchIndex,
    /// [`Library::official_search`].
    pub official_search: SearchIndex,
    /// [`Library::corpus_rows`].
    pub corpus_rows: CorpusRows,
    /// [`Library::corpus_row_search`].
    pub corpus_row_search: SearchIndex,
}

impl Library {
    /// A library from stored parts; `None` when they do not fit together
    /// (lists of other lengths, a reference past the end of a list), so
    /// that nothing later can index out of bounds.
    pub fn from_parts(parts: LibraryParts) -> Option<Library> {
        let articles = parts.corpus.articles.len();
        let e = &parts.entities;
        let officials = e.officials.len();
        let in_range = |list: &[usize], n: usize| list.iter().all(|&i| i < n);
        let fits = e.per_article.len() == articles
            && e.official_of_mention.len() == articles
            && e.official_of_mention.iter().all(|m| in_range(m, officials))
            && e.officials.iter().all(|o| {
                in_range(&o.articles, articles)
                    && o.roles.iter().all(|r| in_range(&r.articles, articles))
            })
            && e.organizations
                .iter()
                .all(|o| in_range(&o.articles, articles))
            && e.places.iter().all(|p| in_range(&p.articles, articles))
            && e.programs.iter().all(|p| in_range(&p.articles, articles))
            && parts.article_search.len() == articles
            && parts.official_search.len() == officials
            && parts.corpus_rows.parts().1.len() == articles + 1
            && parts.corpus_row_search.len() == parts.corpus_rows.len()
            && parts
                .corpus_rows
                .named()
                .iter()
                .all(|row| match row.target {
                    EntityRef::Official(i) => i < officials,
                    EntityRef::Organization(i) => i < e.organizations.len(),
                    EntityRef::Place(i) => i < e.places.len(),
                    EntityRef::Program(i) => i < e.programs.len(),
                    EntityRef::Figure { .. } => false,
                });
        if !fits {
            return None;
        }
        let mut lib = Library::without_indices(Arc::new(parts.corpus), parts.entities, false);
        lib.article_search = Arc::new(parts.article_search);
        lib.official_search = Arc::new(parts.official_search);
        lib.corpus_rows = parts.corpus_rows;
        lib.corpus_row_search = Arc::new(parts.corpus_row_search);
        Some(lib)
    }
}
