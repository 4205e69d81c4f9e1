//! The corpus-wide sidebar rows are made on demand (a figure row from the
//! packed mentions and the article's title): they must be the rows a full
//! list would hold, in the same order, with a search document each.

mod tui_fixture;

use std::path::Path;
use std::sync::Arc;
use tui_fixture::{apply, state, typed};
use warta::app::{Action, EntityRef, EntityRow, Library, Pane, Rows, Scope};
use warta::corpus::{load_bytes, Corpus};
use warta::entities::EntityKind;
use warta::search::{fold, FilterQuery, FuzzyScorer};

/// Articles with several figures, none, and figures repeated across them.
fn library() -> Arc<Library> {
    let bodies = [
        "Bupati Sleman Kustini Sri Purnomo meresmikan pasar senilai Rp300 miliar. Pasar itu punya 120 kios dan 8 rumah.",
        "Rapat koordinasi digelar di Sleman tanpa angka.",
        "Wali Kota Padang Hendri Septa membagikan Rp300 miliar untuk 8 rumah.",
        "Tidak ada angka di sini.",
        "Dinas Kesehatan mencatat 45 persen warga dan 1.200 kasus.",
    ];
    let mut articles = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        let text = format!("Judul Berita {i}\n\n{body}\n");
        let (mut found, problems) = load_bytes(Path::new(&format!("{i}.txt")), text.as_bytes());
        assert!(problems.is_empty());
        articles.append(&mut found);
    }
    Arc::new(Library::build(Corpus {
        articles,
        ..Corpus::default()
    }))
}

/// The rows as a full list would hold them: named entities, then every
/// figure in article order with its article's title.
fn eager_rows(lib: &Library) -> Vec<EntityRow> {
    let mut rows = lib.corpus_rows.named().to_vec();
    for (a, article) in lib.articles().iter().enumerate() {
        let figures = lib.entities.article(a).unwrap().figures;
        for (index, f) in figures.into_iter().enumerate() {
            rows.push(EntityRow {
                target: EntityRef::Figure { article: a, index },
                name: f.text.as_str().into(),
                detail: Some(article.title.as_str().into()),
                articles: 1,
            });
        }
    }
    rows
}

#[test]
fn corpus_rows_made_on_demand_are_the_full_list() {
    let lib = library();
    let rows = Rows::Corpus(lib.clone());
    let eager = eager_rows(&lib);
    let figures = eager.iter().filter(|r| r.kind() == EntityKind::Figure);
    assert!(figures.count() >= 6, "the corpus needs several figures");
    assert_eq!(rows.len(), eager.len());
    assert_eq!(rows.iter().collect::<Vec<_>>(), eager);
    for (i, row) in eager.iter().enumerate() {
        assert_eq!(rows.get(i).as_ref(), Some(row), "row {i}");
        assert_eq!(rows.kind(i), row.kind());
        assert_eq!(rows.target(i), Some(row.target));
        assert_eq!(rows.has_detail(i), row.detail.is_some());
    }
    assert_eq!(rows.get(eager.len()), None);
    assert_eq!(rows.target(eager.len()), None);
    assert!(!rows.has_detail(eager.len()));
}

#[test]
fn corpus_row_search_has_a_document_per_row() {
    let lib = library();
    let rows = Rows::Corpus(lib.clone());
    assert_eq!(lib.corpus_row_search.len(), rows.len());
    for (i, row) in rows.iter().enumerate() {
        let fields: Vec<&str> = lib.corpus_row_search.fields(i).collect();
        assert_eq!(fields[0], fold(&row.name), "row {i}");
        if row.kind() == EntityKind::Figure {
            assert_eq!(
                fields,
                [fold(&row.name), fold(row.detail.as_deref().unwrap())]
            );
        }
    }
}

#[test]
fn an_unindexed_library_has_no_corpus_rows() {
    let lib = library();
    let early = Arc::new(Library::unindexed(lib.corpus.clone()));
    let rows = Rows::Corpus(early);
    assert!(rows.is_empty());
    assert_eq!(rows.iter().count(), 0);
    assert_eq!(rows.get(0), None);
}

#[test]
fn filtering_corpus_rows_finds_a_figure_with_its_title() {
    let mut s = state(120, 40);
    apply(
        &mut s,
        [
            Action::ToggleScope,
            Action::Focus(Pane::Sidebar),
            Action::StartFilter,
        ],
    );
    assert_eq!(s.sidebar.scope, Scope::Corpus);
    apply(&mut s, typed("rp300"));
    assert_eq!(s.sidebar.visible.len(), 1);
    let row = s.sidebar.selected_row().unwrap();
    assert_eq!(&*row.name, "Rp300 miliar");
    assert_eq!(row.detail.as_deref(), Some("Bupati Sleman Resmikan Pasar"));
    assert_eq!(
        row.target,
        EntityRef::Figure {
            article: 0,
            index: 0
        }
    );
    apply(&mut s, [Action::Back]);
    assert_eq!(s.sidebar.visible.len(), 5);
}

#[test]
fn resolving_with_the_figure_documents_beside_builds_the_same_library() {
    let built = library();
    let corpus = built.corpus.clone();
    // as the reader's loader and `warta bench` build it
    let packed = warta::entities::extract_packed(&corpus.articles);
    let (entities, figures) = warta::entities::resolve_packed_beside(packed, |packed| {
        warta::app::figure_documents(&corpus.articles, packed)
    });
    let resolved = Library::with_figure_documents(corpus, entities, false, Some(figures));
    let resolved = Arc::new(resolved);
    assert_eq!(resolved.entities.officials, built.entities.officials);
    assert_eq!(resolved.entities.places, built.entities.places);
    let rows = Rows::Corpus(resolved.clone());
    assert_eq!(rows.iter().collect::<Vec<_>>(), eager_rows(&built));
    let scorer = FuzzyScorer::default();
    for (new, old) in [
        (&resolved.corpus_row_search, &built.corpus_row_search),
        (&resolved.article_search, &built.article_search),
        (&resolved.official_search, &built.official_search),
    ] {
        assert_eq!(new.len(), old.len());
        for d in 0..old.len() {
            assert_eq!(
                new.fields(d).collect::<Vec<_>>(),
                old.fields(d).collect::<Vec<_>>(),
                "doc {d}"
            );
        }
        for q in ["rp300", "8 rumah", "sleman", "judul 4"] {
            let query = FilterQuery::new(q);
            assert_eq!(
                new.search(&query, &scorer, None),
                old.search(&query, &scorer, None),
                "{q}"
            );
        }
    }
}
