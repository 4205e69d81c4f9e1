//! Using again what an earlier load read from files that have not changed
//! since, so that adding or editing a few files in a large folder does not
//! mean reading and parsing every other one again.
//!
//! A file is known by its path, the id the walk gave it and its stamp (size,
//! modification and change time, inode, with the size cap mixed in), taken
//! by the walk before the files are read: a file that changes after that
//! walk carries an old stamp and is read again next time. Only files that
//! gave articles and nothing to report are recorded ([`SourceFile`]); any
//! other file is read as before.

use super::Article;
use foldhash::{HashMap, HashMapExt};
use std::path::{Path, PathBuf};

/// Each article file's stamp, found by its path as the walk found it (see
/// [`crate::watch::fingerprints_with_stamps`]). Paths are kept as 64-bit
/// hashes, so that stamping a walk of 100 000 files allocates nothing per
/// file: two paths of one walk sharing a hash would at worst make a file
/// look changed, since a file is taken only when its stamp (size, both
/// times, inode) is the one it had at the earlier load.
#[derive(Debug, Clone, Default)]
pub struct FileStamps(HashMap<u64, u64>);

impl FileStamps {
    /// The stamps of `(path_key, stamp)` pairs.
    pub fn new(pairs: Vec<(u64, u64)>) -> FileStamps {
        FileStamps(pairs.into_iter().collect())
    }

    /// The key a path is found by.
    pub fn path_key(path: &Path) -> u64 {
        xxhash_rust::xxh3::xxh3_64(path.as_os_str().as_encoded_bytes())
    }

    /// The stamp of the file at `path`, when the walk saw it.
    pub fn get(&self, path: &Path) -> Option<u64> {
        self.0.get(&FileStamps::path_key(path)).copied()
    }

    /// How many files have a stamp.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no file has a stamp.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A file's walk stamp mixed with the size cap a load read it under: a
/// lower cap may refuse a file an earlier load read.
pub fn loaded_stamp(stamp: u64, size_cap: u64) -> u64 {
    (stamp ^ size_cap.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A file a load read articles from with nothing to report, and what a
/// later load needs to use those articles again. The file's path is its
/// articles' [`Article::path`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// [`FileStamps::path_key`] of its path: whether the file is unchanged
    /// can be told before its articles are read.
    pub path_key: u64,
    /// The id the walk gave it (its articles' ids are made from it).
    pub id: String,
    /// Its [`loaded_stamp`].
    pub stamp: u64,
    /// The index of its first article in the corpus.
    pub first: usize,
    /// How many articles it gave (one but for JSON Lines).
    pub articles: usize,
    /// Its size in bytes when read.
    pub bytes: u64,
}

impl SourceFile {
    /// True when `stamps` (taken now) have the file with the stamp it had
    /// when loaded under `size_cap`.
    pub fn unchanged(&self, stamps: &FileStamps, size_cap: u64) -> bool {
        let now = stamps.0.get(&self.path_key).copied();
        now.is_some_and(|now| loaded_stamp(now, size_cap) == self.stamp)
    }

    /// The file's path, from its articles in a corpus whose article at an
    /// index `article` gives (in corpus order, each in constant time);
    /// `None` when it has none there, they are not all from one file, or
    /// it is not the path of [`SourceFile::path_key`].
    pub fn path_in<'a>(&self, article: impl Fn(usize) -> Option<&'a Article>) -> Option<&'a Path> {
        let end = self.first.checked_add(self.articles)?;
        let path = article(self.first)?.path.as_path();
        if self.articles == 0 || FileStamps::path_key(path) != self.path_key {
            return None;
        }
        for at in self.first + 1..end {
            if article(at)?.path != path {
                return None;
            }
        }
        Some(path)
    }
}

crate::codec_fields!(SourceFile {
    path_key,
    id,
    stamp,
    first,
    articles,
    bytes,
});

/// An earlier load's articles, each with something `T` kept beside it (the
/// library keeps its packed entities), by the file they came from.
#[derive(Debug)]
pub struct Reuse<T> {
    files: HashMap<PathBuf, SourceFile>,
    items: Vec<Option<(Article, T)>>,
}

impl<T> Reuse<T> {
    /// An earlier load's sources and its articles in corpus order; `None`
    /// when they do not fit together (see [`SourceFile::path_in`]).
    pub fn new(sources: Vec<SourceFile>, items: Vec<(Article, T)>) -> Option<Reuse<T>> {
        let mut files = HashMap::with_capacity(sources.len());
        for s in sources {
            let path = s.path_in(|at| items.get(at).map(|(a, _)| a))?;
            files.insert(path.to_path_buf(), s);
        }
        Some(Reuse {
            files,
            items: items.into_iter().map(Some).collect(),
        })
    }

    /// How many files can be used again.
    pub fn files(&self) -> usize {
        self.files.len()
    }

    /// True when the file at `path` had the same `id` and `stamp` then (and
    /// is not taken yet): [`Reuse::take`] would give its articles.
    pub fn knows(&self, path: &Path, id: &str, stamp: u64) -> bool {
        self.files
            .get(path)
            .is_some_and(|known| known.id == id && known.stamp == stamp)
    }

    /// The articles the file at `path` gave, with their extras and the
    /// file's size, when it had the same `id` and `stamp` then; each file's
    /// articles are taken once.
    pub fn take(&mut self, path: &Path, id: &str, stamp: u64) -> Option<Taken<T>> {
        if !self.knows(path, id, stamp) {
            return None;
        }
        let known = self.files.remove(path)?;
        let range = known.first..known.first + known.articles;
        let taken: Option<Vec<(Article, T)>> =
            self.items[range].iter_mut().map(Option::take).collect();
        Some(Taken {
            articles: taken?,
            bytes: known.bytes,
        })
    }
}

/// What [`Reuse::take`] gives for one file.
#[derive(Debug)]
pub struct Taken<T> {
    /// Its articles with their extras, in order.
    pub articles: Vec<(Article, T)>,
    /// Its size in bytes when read.
    pub bytes: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_bytes;

    fn article(path: &str) -> Article {
        let (mut a, _) = load_bytes(Path::new(path), b"Judul\n\nBupati Tangerang hadir.");
        a.remove(0)
    }

    fn source(path: &str, first: usize, articles: usize) -> SourceFile {
        SourceFile {
            path_key: FileStamps::path_key(Path::new(path)),
            id: path.to_string(),
            stamp: 7,
            first,
            articles,
            bytes: 30,
        }
    }

    #[test]
    fn sources_must_fit_their_articles() {
        let items = || vec![(article("a.txt"), 1), (article("b.txt"), 2)];
        assert!(Reuse::new(vec![source("a.txt", 0, 1), source("b.txt", 1, 1)], items()).is_some());
        // past the end, empty, or articles of two files
        assert!(Reuse::new(vec![source("b.txt", 1, 2)], items()).is_none());
        assert!(Reuse::new(vec![source("a.txt", 0, 0)], items()).is_none());
        assert!(Reuse::new(vec![source("a.txt", 0, 2)], items()).is_none());
        assert!(Reuse::new(vec![source("a.txt", usize::MAX, 2)], items()).is_none());
    }

    #[test]
    fn a_source_looks_at_its_own_articles_only() {
        // A look at every article before it, for every source, made a
        // 100 000-article snapshot take 2.9 s to read instead of 0.25 s.
        let items: Vec<Article> = (0..50).map(|i| article(&format!("{i}.txt"))).collect();
        let looked = std::cell::Cell::new(0);
        let s = source("40.txt", 40, 1);
        let at = |i: usize| {
            looked.set(looked.get() + 1);
            items.get(i)
        };
        assert_eq!(s.path_in(at), Some(Path::new("40.txt")));
        assert_eq!(looked.get(), 1);
    }

    #[test]
    fn a_file_is_used_again_once_and_only_with_its_id_and_stamp() {
        let items = vec![(article("a.txt"), 1), (article("b.txt"), 2)];
        let mut reuse =
            Reuse::new(vec![source("a.txt", 0, 1), source("b.txt", 1, 1)], items).unwrap();
        assert!(reuse.take(Path::new("a.txt"), "a.txt", 8).is_none());
        assert!(reuse.take(Path::new("a.txt"), "other", 7).is_none());
        let taken = reuse.take(Path::new("a.txt"), "a.txt", 7).unwrap();
        assert_eq!(
            (taken.articles.len(), taken.articles[0].1, taken.bytes),
            (1, 1, 30)
        );
        assert!(reuse.take(Path::new("a.txt"), "a.txt", 7).is_none());
        assert_eq!(reuse.files(), 1);
        assert!(reuse.take(Path::new("c.txt"), "c.txt", 7).is_none());
    }

    #[test]
    fn stamps_are_found_by_path() {
        let key = |p: &str| FileStamps::path_key(Path::new(p));
        let stamps = FileStamps::new(vec![(key("b/x.txt"), 2), (key("a.txt"), 1)]);
        assert_eq!(stamps.get(Path::new("a.txt")), Some(1));
        assert_eq!(stamps.get(Path::new("b/x.txt")), Some(2));
        assert_eq!(stamps.get(Path::new("b/y.txt")), None);
        assert_eq!(stamps.len(), 2);
    }

    #[test]
    fn a_source_is_unchanged_while_its_stamp_and_size_cap_are() {
        let cap = 16 << 20;
        let mut s = source("a.txt", 0, 1);
        s.stamp = loaded_stamp(9, cap);
        let stamps =
            |stamp| FileStamps::new(vec![(FileStamps::path_key(Path::new("a.txt")), stamp)]);
        assert!(s.unchanged(&stamps(9), cap));
        assert!(!s.unchanged(&stamps(10), cap));
        assert!(!s.unchanged(&stamps(9), cap / 2));
        assert!(!s.unchanged(&FileStamps::default(), cap));
    }

    #[test]
    fn the_size_cap_changes_the_stamp() {
        assert_ne!(loaded_stamp(5, 16 << 20), loaded_stamp(5, 8 << 20));
        assert_eq!(loaded_stamp(5, 16 << 20), loaded_stamp(5, 16 << 20));
    }
}
