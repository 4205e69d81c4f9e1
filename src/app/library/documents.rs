//! The search documents the library's indices are built from: an article's
//! fields, a sidebar row's, and the corpus scope's rows (figures handed to
//! the index as borrowed fields).

use super::{EntityRef, EntityRow, Library};
use crate::app::rows::CorpusRows;
use crate::corpus::Article;
use crate::entities::{official_document, EntityIndex, PackedEntities};
use crate::search::{fold, fold_into, Document, IndexBuilder, SearchIndex};
use rayon::prelude::*;
use std::fmt::Write;

impl Library {
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

    /// The search index over the articles, one document per article in
    /// order, each as [`article_document`] makes it, folded into buffers
    /// reused from one article to the next, in a few runs per core
    /// appended in order.
    pub(super) fn article_index(&self) -> SearchIndex {
        let articles = &self.corpus.articles;
        let run = articles.len().div_ceil(parts(articles.len())).max(1);
        let parts: Vec<IndexBuilder> = articles
            .par_chunks(run)
            .enumerate()
            .map(|(k, articles)| {
                let mut index = IndexBuilder::with_capacity(articles.len());
                let mut fields = ArticleFields::default();
                for (j, article) in articles.iter().enumerate() {
                    fields.fill(article, &self.entities, k * run + j);
                    index.add_folded(fields.fields());
                }
                index
            })
            .collect();
        IndexBuilder::finish_parts(parts)
    }

    /// The search index over the corpus rows, one document per row in
    /// order: the named rows' documents, then `figures` (the documents of
    /// the figure rows in parts, as [`figure_documents`] makes them).
    pub(super) fn corpus_row_index(
        &self,
        rows: &CorpusRows,
        figures: Vec<IndexBuilder>,
    ) -> SearchIndex {
        let mut named = IndexBuilder::with_capacity(rows.named().len());
        for r in rows.named() {
            named.add_folded(self.row_document(r).fields().iter().map(String::as_str));
        }
        IndexBuilder::finish_parts(std::iter::once(named).chain(figures).collect())
    }
}

/// The documents of the corpus's figure rows, as [`Library::row_document`]
/// makes them from [`crate::app::rows::figure_rows`] (per figure, its text
/// and then its article's title), in parts to be appended in order. They
/// need no resolution across the corpus, so they are folded while that
/// runs, in a few parts per core so that a core done with its share of
/// resolution takes some. An article's figures are unpacked once, its
/// title folded once for them all, and the documents handed to the index
/// borrowed, not made one by one.
pub fn figure_documents(articles: &[Article], per_article: &[PackedEntities]) -> Vec<IndexBuilder> {
    let run = articles.len().div_ceil(parts(articles.len())).max(1);
    articles
        .par_chunks(run)
        .zip(per_article.par_chunks(run))
        .map(|(articles, per_article)| {
            let counts = per_article.iter().map(PackedEntities::figure_count);
            let mut index = IndexBuilder::with_capacity(counts.sum());
            let (mut title, mut text) = (String::new(), String::new());
            for (article, packed) in articles.iter().zip(per_article) {
                let mut figures = packed.figure_refs().peekable();
                if figures.peek().is_none() {
                    continue;
                }
                title.clear();
                fold_into(&article.title, &mut title);
                for f in figures {
                    text.clear();
                    fold_into(f.text, &mut text);
                    index.add_folded([text.as_str(), title.as_str()]);
                }
            }
            index
        })
        .collect()
}

/// How many parts documents of `articles` articles are made in: a few per
/// core (a core done with other work takes some), none under 2 048
/// articles. A text the parts share is stored once per part.
fn parts(articles: usize) -> usize {
    (4 * rayon::current_num_threads())
        .min(articles / 2048)
        .max(1)
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
    let mut fields = ArticleFields::default();
    fields.fill(article, entities, a);
    Document::from_folded(fields.0.into())
}

/// The folded fields of an article's search document, in buffers that the
/// next article reuses: the article index takes them borrowed, with no
/// document allocated per article.
#[derive(Default)]
struct ArticleFields([String; 4]);

impl ArticleFields {
    /// Folds article `a`'s fields in: title, its officials' resolved names
    /// (a repeat next to itself once) joined by ` · `, site, date. Folding
    /// goes char by char, so folding the names one by one gives what
    /// folding them joined would.
    fn fill(&mut self, article: &Article, entities: &EntityIndex, a: usize) {
        let [title, names, site, date] = &mut self.0;
        title.clear();
        fold_into(&article.title, title);
        names.clear();
        let officials = entities.official_of_mention.get(a).into_iter().flatten();
        let mut last = None;
        for o in officials.filter_map(|&o| entities.officials.get(o)) {
            if last == Some(o.name.as_str()) {
                continue;
            }
            if last.is_some() {
                names.push_str(" · ");
            }
            fold_into(&o.name, names);
            last = Some(&o.name);
        }
        site.clear();
        fold_into(article.site.as_deref().unwrap_or_default(), site);
        date.clear();
        if let Some(d) = article.date {
            // ASCII digits and dashes: folding them is lowering them.
            let _ = write!(date, "{d}");
            date.make_ascii_lowercase();
        }
    }

    /// The fields, most important first.
    fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::article_document;
    use crate::app::rows::figure_rows;
    use crate::app::Library;
    use crate::corpus::load_seeds;
    use crate::search::Document;

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

    /// The article index holds each article's document, and the document's
    /// fields are those of its parts folded whole: the officials' names
    /// joined, then folded (names with marks on their letters included).
    #[test]
    fn article_index_holds_each_articles_document() {
        let mut corpus = load_seeds();
        corpus.articles[0].title = "Kunjungan Wali Kota Bekasi ke Ciamís".to_string();
        let mut lib = Library::build(corpus);
        let with_officials = (0..lib.articles().len())
            .find(|&a| lib.entities.official_of_mention[a].len() >= 2)
            .expect("a seed names two officials");
        let first = lib.entities.official_of_mention[with_officials][0];
        lib.entities.officials[first].name = "Ridwan Kamíl".to_string();
        // Two mentions of one official, side by side: the name comes once.
        lib.entities.official_of_mention[with_officials][1] = first;
        let index = lib.article_index();
        assert_eq!(index.len(), lib.articles().len());
        for (a, article) in lib.articles().iter().enumerate() {
            let doc = article_document(article, &lib.entities, a);
            assert_eq!(
                index.fields(a).collect::<Vec<_>>(),
                doc.fields(),
                "article {a}"
            );
            let mut names: Vec<&str> = lib.entities.official_of_mention[a]
                .iter()
                .map(|&o| lib.entities.officials[o].name.as_str())
                .collect();
            names.dedup();
            let whole = Document::new([
                article.title.as_str(),
                &names.join(" · "),
                article.site.as_deref().unwrap_or_default(),
                &article.date.map(|d| d.to_string()).unwrap_or_default(),
            ]);
            assert_eq!(doc.fields(), whole.fields(), "article {a}");
        }
        let doc = article_document(&lib.articles()[0], &lib.entities, 0);
        assert!(doc.fields()[0].contains("ciamis"), "{:?}", doc.fields());
        let doc = article_document(
            &lib.articles()[with_officials],
            &lib.entities,
            with_officials,
        );
        let names = &doc.fields()[1];
        assert!(names.starts_with("ridwan kamil"), "{names:?}");
        assert_eq!(names.matches("ridwan kamil").count(), 1, "{names:?}");
    }
}
