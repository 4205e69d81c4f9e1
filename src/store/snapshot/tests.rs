use super::*;
use crate::corpus::{load_bytes, load_seeds, Corpus, SourceFile};
use crate::search::{FilterQuery, FuzzyScorer, SearchIndex};

/// The seeds and two records, with their library.
fn library() -> Library {
    let mut corpus: Corpus = load_seeds();
    let text = "{\"title\":\"Bupati Tinjau Pasar\",\"text\":\"Bupati Tangerang, Ahmed Zaki Iskandar, meninjau Pasar Cisoka bersama Kepala Dinas Sosial.\"}\n{\"title\":\"Camat Hadiri Musrenbang\",\"text\":\"Camat Cisoka, Budi Santoso, menghadiri musrenbang di Desa Sukamaju.\"}\n";
    let (articles, _) = load_bytes(Path::new("b.jsonl"), text.as_bytes());
    corpus.sources.push(SourceFile {
        path_key: crate::corpus::FileStamps::path_key(Path::new("b.jsonl")),
        id: "b.jsonl".into(),
        stamp: 5,
        first: corpus.articles.len(),
        articles: articles.len(),
        bytes: text.len() as u64,
    });
    corpus.articles.extend(articles);
    corpus.problems.push(crate::corpus::LoadProblem {
        path: "rusak.bin".into(),
        reason: "binary file (NUL bytes)".into(),
    });
    Library::build(corpus)
}

const KEY: SnapshotKey = SnapshotKey {
    stamp: 7,
    files: 11,
};

fn written(lib: &Library) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpora").join("x").join("library.bin");
    let size = write(&path, KEY, lib).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), size);
    (dir, path)
}

fn same_hits(a: &SearchIndex, b: &SearchIndex, queries: &[&str]) {
    let scorer = FuzzyScorer::default();
    for q in queries {
        let q = FilterQuery::new(q);
        assert_eq!(
            a.filter(&q, &scorer, None),
            b.filter(&q, &scorer, None),
            "{q:?}"
        );
    }
}

#[test]
fn a_library_reads_back_as_it_was_built() {
    let lib = library();
    let (_dir, path) = written(&lib);
    let back = read(&path, KEY).expect("a current snapshot is read");
    assert!(!back.partial);
    assert_eq!(back.corpus.problems, lib.corpus.problems);
    assert_eq!(back.corpus.bytes, lib.corpus.bytes);
    assert!(back.corpus.sources.is_empty(), "read only to take files");
    assert_eq!(back.articles().len(), lib.articles().len());
    for (a, b) in lib.articles().iter().zip(back.articles()) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(a.body.text(), b.body.text());
        assert_eq!((a.hash, a.origin), (b.hash, b.origin));
    }
    assert!(!lib.entities.officials.is_empty());
    assert_eq!(back.entities.officials, lib.entities.officials);
    assert_eq!(back.entities.organizations, lib.entities.organizations);
    assert_eq!(back.entities.places, lib.entities.places);
    assert_eq!(back.entities.programs, lib.entities.programs);
    assert_eq!(
        back.entities.official_of_mention,
        lib.entities.official_of_mention
    );
    for a in 0..lib.articles().len() {
        assert_eq!(back.entities.article(a), lib.entities.article(a));
        assert_eq!(back.article_rows(a), lib.article_rows(a), "article {a}");
    }
    assert_eq!(back.corpus_rows.named(), lib.corpus_rows.named());
    assert_eq!(back.corpus_rows.len(), lib.corpus_rows.len());
    let queries = [
        "zaki",
        "bupati tangerang",
        "kpl bpd",
        "a",
        "cisoka camat",
        "2023",
    ];
    same_hits(&back.article_search, &lib.article_search, &queries);
    same_hits(&back.official_search, &lib.official_search, &queries);
    same_hits(&back.corpus_row_search, &lib.corpus_row_search, &queries);
}

#[test]
fn another_key_or_a_missing_file_gives_no_library() {
    let lib = library();
    let (dir, path) = written(&lib);
    assert!(read(&path, SnapshotKey { stamp: 8, ..KEY }).is_none());
    assert!(read(&path, SnapshotKey { files: 12, ..KEY }).is_none());
    assert!(read(&dir.path().join("none.bin"), KEY).is_none());
}

#[test]
fn a_damaged_cut_or_lengthened_file_gives_no_library() {
    let lib = library();
    let (_dir, path) = written(&lib);
    let bytes = fs::read(&path).unwrap();
    let mut tried = 0;
    // a flipped byte anywhere past the header: in a length, a payload or a hash
    for at in (HEADER..bytes.len()).step_by(97) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        fs::write(&path, &damaged).unwrap();
        assert!(read(&path, KEY).is_none(), "byte {at} flipped");
        tried += 1;
    }
    assert!(tried > 10);
    for cut in [
        0,
        8,
        HEADER - 1,
        HEADER,
        40,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        fs::write(&path, &bytes[..cut]).unwrap();
        assert!(read(&path, KEY).is_none(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.extend_from_slice(&[0; 24]);
    fs::write(&path, &longer).unwrap();
    assert!(read(&path, KEY).is_none());
    fs::write(&path, &bytes).unwrap();
    assert!(read(&path, KEY).is_some(), "the intact file still reads");
}

#[test]
fn a_write_replaces_the_old_snapshot_and_leaves_no_temp_file() {
    let lib = library();
    let (_dir, path) = written(&lib);
    let empty = Library::build(Corpus::default());
    write(&path, KEY, &empty).unwrap();
    assert_eq!(read(&path, KEY).unwrap().articles().len(), 0);
    let names: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("library.bin")]);
}

/// The frames of a snapshot file: (offset of the payload, its length).
fn frames_of(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut at = HEADER;
    let mut found = Vec::new();
    while at < bytes.len() {
        let len = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
        found.push((at + 8, len));
        at += 8 + len + 8;
    }
    found
}

#[test]
fn damage_behind_a_matching_hash_never_panics() {
    let lib = library();
    let (_dir, path) = written(&lib);
    let bytes = fs::read(&path).unwrap();
    let frames = frames_of(&bytes);
    assert_eq!(
        frames.len(),
        8,
        "head, sources, one chunk, resolved, 3 indices, rows"
    );
    // A small deterministic generator: damage that keeps each frame's hash
    // right reaches every decoder, which must refuse it or read something
    // that fits together, never panic.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let scorer = FuzzyScorer::default();
    let mut refused = 0;
    for round in 0..400 {
        let mut damaged = bytes.clone();
        let (start, len) = frames[round % frames.len()];
        if len == 0 {
            continue;
        }
        for _ in 0..1 + next() % 4 {
            let at = start + (next() as usize) % len;
            damaged[at] = match next() % 3 {
                0 => damaged[at] ^ (1 << (next() % 8)),
                1 => 0,
                _ => 0xff,
            };
        }
        let payload = &damaged[start..start + len];
        let hash = frame_hash(payload).to_le_bytes();
        damaged[start + len..start + len + 8].copy_from_slice(&hash);
        fs::write(&path, &damaged).unwrap();
        if let Some(mut reuse) = read_reusable(&path, KEY.stamp, &|_| true) {
            let s = &lib.corpus.sources[0];
            let _ = reuse.take(Path::new("b.jsonl"), &s.id, s.stamp);
        }
        match read(&path, KEY) {
            None => refused += 1,
            Some(back) => {
                // what reads back is usable
                for a in 0..back.articles().len() {
                    let _ = back.article_rows(a);
                    let _ = back.articles()[a].body.text();
                }
                let _ = back.corpus_rows.len();
                let q = FilterQuery::new("bupati");
                let _ = back.article_search.filter(&q, &scorer, None);
                let _ = back.corpus_row_search.filter(&q, &scorer, None);
            }
        }
    }
    assert!(refused > 100, "most damage is refused ({refused} of 400)");
}

#[test]
fn a_snapshot_by_this_build_gives_its_articles_by_file_under_any_files_key() {
    let lib = library();
    let (dir, path) = written(&lib);
    let asked = std::cell::Cell::new(0);
    let none = read_reusable(&path, KEY.stamp, &|sources| {
        asked.set(sources.len());
        false
    });
    assert!(none.is_none(), "not worth it: nothing read");
    assert_eq!(asked.get(), 1, "asked with the sources");
    let mut reuse = read_reusable(&path, KEY.stamp, &|_| true).expect("written by this build");
    assert_eq!(reuse.files(), 1);
    let source = &lib.corpus.sources[0];
    let taken = reuse
        .take(Path::new("b.jsonl"), &source.id, source.stamp)
        .expect("the file's articles");
    assert_eq!(taken.bytes, source.bytes);
    let range = source.first..source.first + source.articles;
    for ((article, packed), a) in taken.articles.iter().zip(range) {
        assert_eq!(article.id, lib.articles()[a].id);
        assert_eq!(article.body.text(), lib.articles()[a].body.text());
        assert_eq!(packed, &lib.entities.per_article[a]);
    }
    // another build, no file, damaged articles: nothing to take
    assert!(read_reusable(&path, KEY.stamp + 1, &|_| true).is_none());
    assert!(read_reusable(&dir.path().join("none.bin"), KEY.stamp, &|_| true).is_none());
    let bytes = fs::read(&path).unwrap();
    let frames = frames_of(&bytes);
    let (chunk, _) = frames[2];
    let mut damaged = bytes.clone();
    damaged[chunk + 3] ^= 0x20;
    fs::write(&path, &damaged).unwrap();
    assert!(read_reusable(&path, KEY.stamp, &|_| true).is_none());
    // the frames after the articles are not read for this
    let (rows, _) = frames[7];
    let mut damaged = bytes.clone();
    damaged[rows] ^= 0x20;
    fs::write(&path, &damaged).unwrap();
    assert!(read(&path, KEY).is_none());
    assert_eq!(
        read_reusable(&path, KEY.stamp, &|_| true).map(|r| r.files()),
        Some(1)
    );
}

#[test]
fn the_header_tells_which_build_wrote_a_snapshot() {
    let lib = library();
    let (dir, path) = written(&lib);
    assert!(written_by(&path, KEY.stamp));
    assert!(!written_by(&path, KEY.stamp + 1));
    assert!(!written_by(&dir.path().join("none.bin"), KEY.stamp));
    fs::write(&path, b"WARTALIB").unwrap();
    assert!(!written_by(&path, KEY.stamp), "cut short");
}

#[test]
fn a_library_without_entities_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.bin");
    let unindexed = Library::unindexed(std::sync::Arc::new(load_seeds()));
    assert!(write(&path, KEY, &unindexed).is_err());
    assert!(!path.exists());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temp file left"
    );
}

#[test]
fn writing_a_snapshot_removes_others_unused_for_a_month() {
    let lib = library();
    let dir = tempfile::tempdir().unwrap();
    let corpora = dir.path().join("corpora");
    let at = |name: &str| corpora.join(name).join("library.bin");
    for name in ["old-1", "recent-2", "mine-3"] {
        fs::create_dir_all(corpora.join(name)).unwrap();
        fs::write(at(name), b"WARTALIB").unwrap();
    }
    fs::write(corpora.join("old-1").join("entities.bin"), b"x").unwrap();
    let month_ago = SystemTime::now() - UNUSED_FOR - Duration::from_secs(60);
    for name in ["old-1", "mine-3"] {
        let f = File::options().write(true).open(at(name)).unwrap();
        f.set_modified(month_ago).unwrap();
    }
    write(&at("mine-3"), KEY, &lib).unwrap();
    assert!(!at("old-1").exists(), "unused for a month");
    assert!(
        corpora.join("old-1").join("entities.bin").exists(),
        "only snapshots go"
    );
    assert!(at("recent-2").exists());
    assert!(read(&at("mine-3"), KEY).is_some(), "the one written stays");
    // reading marks a snapshot used
    let f = File::options().write(true).open(at("recent-2")).unwrap();
    f.set_modified(month_ago).unwrap();
    mark_used(&at("recent-2"));
    remove_unused(&at("mine-3"), UNUSED_FOR);
    assert!(at("recent-2").exists());
}
