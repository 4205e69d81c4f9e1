//! The search documents the library's indices are built from: an article's
//! fields, a sidebar row's, and the corpus scope's rows (figures handed to
//! the index as borrowed fields).

use super::{EntityRef, EntityRow, Library};
use crate::app::rows::CorpusRows;
use crate::corpus::Article;
use crate::entities::{official_document, EntityIndex};
use crate::search::{fold, fold_into, Document, IndexBuilder, SearchIndex};

impl Library {
    /// The search document of article `a` (see [`article_document`]).
    pub(super) fn article_document(&self, a: usize) -> Document {
        article_document(&self.corpus.articles[a], &self.entities, a)
    }

    /// A search index over sidebar rows (name, detail; officials with aliases).
    pub fn row_index(&self, rows: &[EntityRow]) -> SearchIndex {
        SearchIndex::build(rows.iter().map(|r| self.row_document(r)))
    }

    /// The search document of a sidebar row.
    fn row_document(&self, r: &EntityRow) -> Document {
        match (r.target, self.official(official_id(r))) {
            (EntityRef::Official(_), Some(o)) => {
                // The official's own fields come folded.
                let mut fields = vec![fold(&r.name)];
                fields.extend(official_document(o).into_fields());
                Document::from_folded(fields)
            }
            _ => Document::new([&*r.name, r.detail.as_deref().unwrap_or_default()]),
        }
    }

    /// The search index over the corpus rows, one document per row in
    /// order; an article's figures are unpacked once, and their documents
    /// are handed to the index without being made one by one.
    pub(super) fn corpus_row_index(&self, rows: &CorpusRows) -> SearchIndex {
        let mut index = IndexBuilder::with_capacity(rows.len());
        for r in rows.named() {
            index.add_folded(self.row_document(r).fields().iter().map(String::as_str));
        }
        let mut title = String::new();
        let mut text = String::new();
        for a in 0..self.articles().len() {
            self.add_figure_documents(a, &mut index, &mut title, &mut text);
        }
        index.finish()
    }

    /// Adds the search documents of article `a`'s figure rows, as
    /// [`Library::row_document`] makes them from [`crate::app::rows::figure_rows`]:
    /// the figure's text, then the article's title, folded once for them
    /// all. `title` and `text` are buffers to fold into.
    fn add_figure_documents(
        &self,
        a: usize,
        index: &mut IndexBuilder,
        title: &mut String,
        text: &mut String,
    ) {
        let (Some(article), Some(packed)) =
            (self.articles().get(a), self.entities.per_article.get(a))
        else {
            return;
        };
        let figures = packed.figures();
        if figures.is_empty() {
            return;
        }
        title.clear();
        fold_into(&article.title, title);
        for f in &figures {
            text.clear();
            fold_into(&f.text, text);
            index.add_folded([text.as_str(), title.as_str()]);
        }
    }
}

fn official_id(row: &EntityRow) -> usize {
    match row.target {
        EntityRef::Official(i) => i,
        _ => usize::MAX,
    }
}

/// The search fields of article `a`: title, its officials' resolved names,
/// site, date. The reader's filter and `warta find` both search these.
pub fn article_document(article: &Article, entities: &EntityIndex, a: usize) -> Document {
    let mut names: Vec<&str> = entities
        .official_of_mention
        .get(a)
        .into_iter()
        .flatten()
        .filter_map(|&o| entities.officials.get(o))
        .map(|o| o.name.as_str())
        .collect();
    names.dedup();
    Document::new([
        article.title.as_str(),
        &names.join(" · "),
        article.site.as_deref().unwrap_or_default(),
        &article.date.map(|d| d.to_string()).unwrap_or_default(),
    ])
}

#[cfg(test)]
mod tests {
    use crate::app::rows::figure_rows;
    use crate::app::Library;
    use crate::corpus::load_seeds;

    /// The corpus scope's index, built from borrowed figure fields, holds
    /// for every row the fields its sidebar row's own document would.
    #[test]
    fn corpus_row_index_holds_each_rows_document() {
        let lib = Library::build(load_seeds());
        let rows: Vec<_> = lib
            .corpus_rows
            .named()
            .iter()
            .cloned()
            .chain((0..lib.articles().len()).flat_map(|a| figure_rows(&lib, a)))
            .collect();
        let figures = rows.len() - lib.corpus_rows.named().len();
        assert!(figures > 0, "the seeds have figures");
        assert_eq!(lib.corpus_row_search.len(), rows.len());
        for (i, row) in rows.iter().enumerate() {
            let indexed: Vec<&str> = lib.corpus_row_search.fields(i).collect();
            assert_eq!(indexed, lib.row_document(row).fields(), "row {i}: {row:?}");
        }
    }
}
