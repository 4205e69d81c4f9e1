//! Loading again with an earlier load's articles: files whose stamp is
//! unchanged are taken from it, every other file is read, and the corpus is
//! the same as reading them all.

use std::fs;
use std::path::Path;
use std::sync::Arc;
use warta::corpus::{load_paths, load_paths_reusing, Corpus, LoadOptions, LoadStats, Reuse};

/// Loads `root` with the stamps of a walk taken just before, taking files
/// from `reuse`; each article comes with its index in the earlier load when
/// it was taken from there.
fn load(root: &Path, reuse: Option<&mut Reuse<usize>>) -> (Corpus, Vec<Option<usize>>) {
    let roots = [root.to_path_buf()];
    let (_, stamps) = warta::watch::fingerprints_with_stamps(&roots);
    let opts = LoadOptions {
        stamps: Some(Arc::new(stamps)),
        ..LoadOptions::default()
    };
    load_paths_reusing(&roots, &opts, &LoadStats::default(), &mut |_| {}, reuse)
}

/// What an earlier load leaves for the next: its sources and articles, each
/// marked with its index.
fn reuse_of(corpus: &Corpus) -> Reuse<usize> {
    let items = corpus.articles.iter().cloned().zip(0..).collect();
    Reuse::new(corpus.sources.clone(), items).expect("sources fit the articles")
}

/// Two loads give the same corpus: articles field by field (bodies as
/// text), problems, bytes and sources.
fn assert_same(a: &Corpus, b: &Corpus) {
    assert_eq!(a.articles.len(), b.articles.len());
    for (x, y) in a.articles.iter().zip(&b.articles) {
        assert_eq!(format!("{x:?}"), format!("{y:?}"));
        assert_eq!(x.body.text(), y.body.text());
        assert_eq!((x.hash, x.origin), (y.hash, y.origin));
    }
    assert_eq!(a.problems, b.problems);
    assert_eq!(a.bytes, b.bytes);
    assert_eq!(a.sources, b.sources);
}

fn article(title: &str, who: &str) -> String {
    format!("{title}\n\nBupati Tangerang, {who}, meninjau Pasar Cisoka pada Senin (7/8/2023).\n")
}

fn ids(corpus: &Corpus, taken: &[Option<usize>], from_before: bool) -> Vec<String> {
    corpus
        .articles
        .iter()
        .zip(taken)
        .filter(|(_, t)| t.is_some() == from_before)
        .map(|(a, _)| a.id.clone())
        .collect()
}

#[test]
fn only_changed_files_are_read_and_the_corpus_is_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("berita");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(
        root.join("a.txt"),
        article("Pasar A", "Ahmed Zaki Iskandar"),
    )
    .unwrap();
    fs::write(root.join("b.txt"), article("Pasar B", "Maesyal Rasyid")).unwrap();
    fs::write(
        root.join("sub/c.md"),
        article("Pasar C", "Arief Wismansyah"),
    )
    .unwrap();
    fs::write(root.join("gone.txt"), article("Pasar D", "Budi Santoso")).unwrap();
    let records = "{\"title\":\"Rekam satu\",\"text\":\"Camat Cisoka hadir.\"}\n\
                   {\"title\":\"Rekam dua\",\"text\":\"Camat Tigaraksa hadir.\"}\n";
    fs::write(root.join("r.jsonl"), records).unwrap();
    // a record that fails: the file is read again every time
    fs::write(
        root.join("s.jsonl"),
        "{\"title\":\"Baik\",\"text\":\"Lurah hadir.\"}\nnot json\n",
    )
    .unwrap();
    fs::write(root.join("x.bin"), [0u8, 1, 2]).unwrap();

    let (first, taken) = load(&root, None);
    assert!(taken.iter().all(Option::is_none));
    assert_same(
        &first,
        &load_paths(std::slice::from_ref(&root), &LoadOptions::default()).with_sources(&first),
    );
    let sourced: Vec<&str> = first.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sourced, ["a", "b", "gone", "r.jsonl", "sub/c"]);

    // Nothing changed: every clean file is taken, none read.
    let (same, taken) = load(&root, Some(&mut reuse_of(&first)));
    assert_same(&same, &first);
    assert_eq!(ids(&same, &taken, false), ["s.jsonl:1"]);

    // One edited (another size), one added, one removed.
    fs::write(
        root.join("b.txt"),
        article("Pasar B baru", "Maesyal Rasyid"),
    )
    .unwrap();
    fs::write(
        root.join("sub/d.txt"),
        article("Pasar E", "Intan Nurul Hikmah"),
    )
    .unwrap();
    fs::remove_file(root.join("gone.txt")).unwrap();
    let (again, taken) = load(&root, Some(&mut reuse_of(&first)));
    let (fresh, _) = load(&root, None);
    assert_same(&again, &fresh);
    assert_eq!(ids(&again, &taken, false), ["b", "s.jsonl:1", "sub/d"]);
    assert_eq!(
        ids(&again, &taken, true),
        ["a", "r.jsonl:1", "r.jsonl:2", "sub/c"]
    );
    // each taken article is the one the earlier load had at that index
    for (a, t) in again.articles.iter().zip(&taken) {
        if let Some(i) = t {
            assert_eq!(first.articles[*i].id, a.id);
        }
    }
    assert_eq!(again.problems.len(), 2, "{:?}", again.problems);
}

#[test]
fn a_file_under_a_new_id_or_size_cap_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("berita");
    fs::create_dir_all(&root).unwrap();
    fs::write(
        root.join("a.txt"),
        article("Pasar A", "Ahmed Zaki Iskandar"),
    )
    .unwrap();
    let (first, _) = load(&root, None);
    assert_eq!(first.sources.len(), 1);

    // `a.md` beside `a.txt` takes the id `a`, and `a.txt` becomes `a~2`.
    fs::write(root.join("a.md"), article("Pasar A lagi", "Maesyal Rasyid")).unwrap();
    let (again, taken) = load(&root, Some(&mut reuse_of(&first)));
    assert_same(&again, &load(&root, None).0);
    assert!(taken.iter().all(Option::is_none), "{:?}", again.sources);
    let ids: Vec<&str> = again.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a~2"]);
    fs::write(
        root.join("a.text"),
        article("Pasar A ketiga", "Budi Santoso"),
    )
    .unwrap();
    let (third, _) = load(&root, None);
    let ids: Vec<&str> = third.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a~2", "a~3"]);

    // Another size cap: nothing is taken.
    let roots = [root.clone()];
    let (_, stamps) = warta::watch::fingerprints_with_stamps(&roots);
    let opts = LoadOptions {
        size_cap: 1 << 20,
        stamps: Some(Arc::new(stamps)),
    };
    let (capped, taken) = load_paths_reusing(
        &roots,
        &opts,
        &LoadStats::default(),
        &mut |_| {},
        Some(&mut reuse_of(&again)),
    );
    assert_eq!(capped.articles.len(), 3);
    assert!(taken.iter().all(Option::is_none));
}

/// A corpus loaded without stamps records no sources: give it another's to
/// compare the rest.
trait WithSources {
    fn with_sources(self, other: &Corpus) -> Corpus;
}

impl WithSources for Corpus {
    fn with_sources(mut self, other: &Corpus) -> Corpus {
        assert!(self.sources.is_empty());
        self.sources = other.sources.clone();
        self
    }
}

#[test]
fn with_more_changed_files_than_a_batch_the_corpus_is_still_the_same() {
    // more than a batch (2 048) to read again: the reads are hinted, all
    // but the files the earlier load gives
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("berita");
    fs::create_dir_all(&root).unwrap();
    let n = 4_500;
    for i in 0..n {
        let text = article(&format!("Pasar {i}"), "Maesyal Rasyid");
        fs::write(root.join(format!("{i:05}.txt")), text).unwrap();
    }
    let (first, _) = load(&root, None);
    let mut reuse = reuse_of(&first);
    // every other file gains a sentence (its size, so its stamp, changes)
    for i in (0..n).step_by(2) {
        let text = article(&format!("Pasar {i}"), "Maesyal Rasyid") + "Kunjungan berlanjut.\n";
        fs::write(root.join(format!("{i:05}.txt")), text).unwrap();
    }
    let (again, taken) = load(&root, Some(&mut reuse));
    assert_same(&again, &load(&root, None).0);
    let from_before = ids(&again, &taken, true);
    assert_eq!(from_before.len(), n / 2);
    assert!(from_before
        .iter()
        .all(|id| id.ends_with(['1', '3', '5', '7', '9'])));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
}
