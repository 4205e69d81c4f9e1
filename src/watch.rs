//! A cheap polling watcher for the live corpus: a fingerprint of the names,
//! sizes and modification times of the files under the opened paths. The
//! reader compares it on an interval and reloads when it changes. Polling
//! needs no platform API and no extra thread per folder, and a changed,
//! added or removed file is seen within one interval.
//!
//! The watcher walks on one thread of its own at the lowest CPU priority
//! ([`spawn_watcher`]): on the shared pool, its walks of a 100 000-file
//! folder took ~1.7 s of CPU on both cores while 24 keystrokes were typed
//! 0.4 s apart, on the cores the filter needed.

use crate::corpus::{is_article_file, visible_entries, FileStamps};
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, UNIX_EPOCH};
use tokio::sync::mpsc::Sender;

/// Folders deeper than this are not looked into (guards against symlink loops).
const MAX_DEPTH: usize = 32;

/// A hash over every file under `paths` that loading reads articles from
/// (see [`is_article_file`]; hidden ones skipped): path, size and
/// modification time. Taken on the calling thread alone, as the watcher
/// walks.
pub fn fingerprint(paths: &[PathBuf]) -> u64 {
    walk(paths, false, false, None).0.corpus
}

/// Starts the watcher: a thread of its own, at the lowest CPU priority,
/// that takes the [`fingerprint`] of `paths` every `every` (less often when
/// a walk takes longer than a tenth of that) and sends each one that
/// differs from the last (`seen` at first) to `changes`. It waits while
/// `changes` is full and ends once its receiver is gone.
pub fn spawn_watcher(
    paths: Vec<PathBuf>,
    mut seen: u64,
    every: Duration,
    changes: Sender<u64>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("warta-watch".into())
        .spawn(move || {
            lower_priority();
            loop {
                std::thread::sleep(every);
                if changes.is_closed() {
                    return;
                }
                let started = Instant::now();
                let now = fingerprint(&paths);
                let spent = started.elapsed();
                if now != seen {
                    seen = now;
                    if changes.blocking_send(now).is_err() {
                        return;
                    }
                }
                // a huge corpus is walked less often, so watching stays cheap
                if spent > every / 10 {
                    std::thread::sleep(spent * 10);
                }
            }
        })
}

/// Gives the calling thread the lowest CPU priority (nice 19), so it runs
/// on what the other threads leave. It cannot be raised again without
/// privileges: only for a thread that does nothing else. Elsewhere than
/// Linux it does nothing.
pub fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the scheduling weight of the
    // calling thread (on Linux, `PRIO_PROCESS` with a thread id names one
    // thread).
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 19);
    }
}

/// Two fingerprints of the files under some paths, taken in one walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprints {
    /// Over the corpus files the watcher reloads for (see [`fingerprint`]).
    pub corpus: u64,
    /// Over every file a load looks at, hidden ones skipped, and what it
    /// finds there: a file of any type (loading reads it or reports it),
    /// a path that cannot be looked up. Besides size and modification time
    /// it takes the change time and inode where the system has them, so a
    /// changed permission or a file replaced under the same name counts.
    /// A library snapshot is valid while this stays the same.
    pub all: u64,
}

/// Both fingerprints of the files under `paths`.
pub fn fingerprints(paths: &[PathBuf]) -> Fingerprints {
    walk(paths, false, true, None).0
}

/// [`fingerprints`], and each article file's stamp (size, modification
/// and change time, inode) taken in the same walk, for a load to tell
/// which files are unchanged since an earlier one (see
/// [`crate::corpus::Reuse`]).
pub fn fingerprints_with_stamps(paths: &[PathBuf]) -> (Fingerprints, FileStamps) {
    walk(paths, true, true, None)
}

/// [`fingerprints_with_stamps`], adding one to `found` for each article
/// file as the walk comes to it, for a progress line to show.
pub fn fingerprints_with_stamps_counted(
    paths: &[PathBuf],
    found: &AtomicU64,
) -> (Fingerprints, FileStamps) {
    walk(paths, true, true, Some(found))
}

/// The fingerprints (and stamps, when `stamped`), with each folder's
/// entries looked up on every core when `parallel`.
fn walk(
    paths: &[PathBuf],
    stamped: bool,
    parallel: bool,
    found: Option<&AtomicU64>,
) -> (Fingerprints, FileStamps) {
    let mut h = Hashes::new(stamped, parallel, found);
    for p in paths {
        // the roots as given, so the same files under other names differ
        h.all.add(p.as_os_str().as_encoded_bytes());
        h.all.add(&[0]);
        visit(p, 0, true, &mut h);
    }
    let stamps = FileStamps::new(h.stamps.unwrap_or_default());
    let prints = Fingerprints {
        corpus: h.corpus.0,
        all: h.all.0,
    };
    (prints, stamps)
}

#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

struct Hashes<'f> {
    corpus: Fnv,
    all: Fnv,
    /// The article files' stamps by path key, when asked for.
    stamps: Option<Vec<(u64, u64)>>,
    /// Whether a folder's entries are looked up on every core.
    parallel: bool,
    /// Counts the article files walked, when given.
    found: Option<&'f AtomicU64>,
}

impl<'f> Hashes<'f> {
    fn new(stamped: bool, parallel: bool, found: Option<&'f AtomicU64>) -> Self {
        Hashes {
            corpus: Fnv::new(),
            all: Fnv::new(),
            stamps: stamped.then(Vec::new),
            parallel,
            found,
        }
    }
}

fn visit(path: &Path, depth: usize, given: bool, h: &mut Hashes) {
    let Ok(meta) = fs::metadata(path) else {
        h.all.add(path.as_os_str().as_encoded_bytes());
        h.all.add(b"\0missing");
        return;
    };
    if meta.is_dir() {
        visit_dir(path, depth, h);
    } else {
        let stamp = add_file(path, &meta, given || is_article_file(path), h);
        if let (Some(stamps), Some(stamp)) = (&mut h.stamps, stamp) {
            stamps.push(stamp);
        }
    }
}

/// Visits a folder's entries in name order (the order of sorting their
/// paths, without comparing paths component by component). An entry's
/// type comes with the listing, and only files are looked up, by name
/// inside the folder: a folder of 300 000 articles is walked in about the
/// time `find` takes.
fn visit_dir(dir: &Path, depth: usize, h: &mut Hashes) {
    if depth >= MAX_DEPTH {
        return;
    }
    let Ok(read) = fs::read_dir(dir) else {
        h.all.add(dir.as_os_str().as_encoded_bytes());
        h.all.add(b"\0unlisted");
        return;
    };
    let entries = visible_entries(read);
    // Entries are looked up (on every core when parallel), each into hashes
    // of its own, folded in name order; one that adds nothing to a hash
    // leaves it as is. A file's stamp comes back beside its hashes (a list
    // per file would be an allocation per file).
    let (stamped, parallel, found) = (h.stamps.is_some(), h.parallel, h.found);
    let look_up = |entry: &fs::DirEntry| {
        // (an empty list allocates nothing)
        let mut c = Hashes::new(stamped, parallel, found);
        let path = entry.path();
        let mut stamp = None;
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => visit_dir(&path, depth + 1, &mut c),
            Ok(kind) if kind.is_file() => match entry.metadata() {
                Ok(meta) => {
                    let corpus = is_article_file(&path);
                    stamp = add_file(&path, &meta, corpus, &mut c);
                }
                Err(_) => visit(&path, depth + 1, false, &mut c),
            },
            // Symbolic links (followed) and anything the listing cannot tell.
            _ => visit(&path, depth + 1, false, &mut c),
        }
        (c, stamp)
    };
    let children: Vec<(Hashes, Option<(u64, u64)>)> = if parallel {
        entries.par_iter().map(look_up).collect()
    } else {
        entries.iter().map(look_up).collect()
    };
    let empty = Fnv::new().0;
    for (c, stamp) in children {
        for (from, to) in [(c.corpus, &mut h.corpus), (c.all, &mut h.all)] {
            if from.0 != empty {
                to.add(&from.0.to_le_bytes());
            }
        }
        if let Some(to) = &mut h.stamps {
            to.extend(stamp);
            to.extend(c.stamps.into_iter().flatten());
        }
    }
}

/// Adds a file to the hashes (and counts it in `h.found` when it is a
/// corpus file); gives its stamp (path key, stamp) when it is a corpus
/// file and `h` takes stamps.
fn add_file(path: &Path, meta: &fs::Metadata, corpus: bool, h: &mut Hashes) -> Option<(u64, u64)> {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let changed = changed(meta);
    let name = path.as_os_str().as_encoded_bytes();
    h.all.add(name);
    h.all.add(&meta.len().to_le_bytes());
    h.all.add(&modified.to_le_bytes());
    h.all.add(&changed.to_le_bytes());
    if !corpus {
        return None;
    }
    if let Some(found) = h.found {
        found.fetch_add(1, Ordering::Relaxed);
    }
    h.corpus.add(name);
    h.corpus.add(&meta.len().to_le_bytes());
    h.corpus.add(&modified.to_le_bytes());
    // the watcher's walks take no stamps
    h.stamps.as_ref()?;
    let mut stamp = Fnv::new();
    stamp.add(&meta.len().to_le_bytes());
    stamp.add(&modified.to_le_bytes());
    stamp.add(&changed.to_le_bytes());
    Some((FileStamps::path_key(path), stamp.0))
}

/// The change time and inode, mixed; 0 where the system has neither.
#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    (meta.ctime() as u64)
        .wrapping_mul(1_000_000_007)
        .wrapping_add(meta.ctime_nsec() as u64)
        ^ meta.ino().rotate_left(32)
}

#[cfg(not(unix))]
fn changed(_meta: &fs::Metadata) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_changing_and_removing_a_file_changes_the_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let empty = fingerprint(&paths);
        fs::write(dir.path().join("a.txt"), "Judul\n\nIsi.").unwrap();
        let one = fingerprint(&paths);
        assert_ne!(empty, one);
        fs::write(dir.path().join("notes.bin"), "x").unwrap();
        fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        assert_eq!(fingerprint(&paths), one, "other files do not count");
        fs::write(dir.path().join("a.txt"), "Judul\n\nIsi yang lebih panjang.").unwrap();
        let changed = fingerprint(&paths);
        assert_ne!(changed, one);
        fs::remove_file(dir.path().join("a.txt")).unwrap();
        assert_eq!(fingerprint(&paths), empty);
    }

    #[test]
    fn the_counted_walk_counts_the_article_files_and_stamps_the_same() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
        for name in ["1.txt", "sub/2.md", "sub/deeper/3.jsonl", "sub/4"] {
            fs::write(dir.path().join(name), "Judul\n\nIsi.").unwrap();
        }
        for other in ["notes.bin", ".hidden.txt", "sub/.x.md", "sub/img.png"] {
            fs::write(dir.path().join(other), "x").unwrap();
        }
        let lone = dir.path().join("notes.bin");
        let paths = vec![dir.path().to_path_buf(), lone];
        let found = AtomicU64::new(0);
        let (prints, stamps) = fingerprints_with_stamps_counted(&paths, &found);
        // Four article files in the folder, and the file given by name
        // (read as an article whatever its extension).
        assert_eq!(found.load(Ordering::Relaxed), 5);
        let (plain_prints, plain_stamps) = fingerprints_with_stamps(&paths);
        assert_eq!(prints, plain_prints);
        assert_eq!(stamps.len(), plain_stamps.len());
        assert_eq!(stamps.len(), 5);
    }

    #[test]
    fn the_watchers_walk_on_one_core_hashes_as_the_loads_walk() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["a", "a/b", "c"] {
            fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        for (i, name) in [
            "1.txt",
            "a/2.md",
            "a/b/3.txt",
            "a/b/4.jsonl",
            "c/5.txt",
            "c/x.bin",
        ]
        .iter()
        .enumerate()
        {
            fs::write(dir.path().join(name), "Judul\n\nIsi.".repeat(i + 1)).unwrap();
        }
        let paths = vec![dir.path().to_path_buf(), dir.path().join("a")];
        let on_one_core = fingerprint(&paths);
        assert_eq!(on_one_core, fingerprints(&paths).corpus);
        assert_eq!(on_one_core, fingerprints_with_stamps(&paths).0.corpus);
        fs::write(dir.path().join("a/b/3.txt"), "Judul\n\nLain.").unwrap();
        assert_ne!(fingerprint(&paths), on_one_core);
        assert_eq!(fingerprint(&paths), fingerprints(&paths).corpus);
    }

    #[test]
    fn the_watcher_sends_each_new_fingerprint_and_stops_with_its_receiver() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let seen = fingerprint(&paths);
        let (tx, mut rx) = tokio::sync::mpsc::channel(1);
        let every = Duration::from_millis(10);
        let watcher = spawn_watcher(paths.clone(), seen, every, tx).unwrap();
        let next = |rx: &mut tokio::sync::mpsc::Receiver<u64>| {
            let until = Instant::now() + Duration::from_secs(10);
            while Instant::now() < until {
                if let Ok(print) = rx.try_recv() {
                    return Some(print);
                }
                std::thread::sleep(every);
            }
            None
        };
        std::thread::sleep(every * 5);
        assert_eq!(rx.try_recv().ok(), None, "nothing changed yet");
        // Written beside the folder and moved in: a watcher walking between
        // the file's creation and its write would see an empty file first.
        let outside = tempfile::tempdir_in(dir.path().parent().unwrap()).unwrap();
        fs::write(outside.path().join("a.txt"), "Judul\n\nIsi.").unwrap();
        fs::rename(outside.path().join("a.txt"), dir.path().join("a.txt")).unwrap();
        assert_eq!(next(&mut rx), Some(fingerprint(&paths)));
        fs::remove_file(dir.path().join("a.txt")).unwrap();
        assert_eq!(next(&mut rx), Some(seen));
        drop(rx);
        watcher.join().unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_lowered_thread_runs_at_the_lowest_priority_and_others_do_not() {
        let nice =
            || unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) };
        let before = nice();
        let lowered = std::thread::spawn(move || {
            lower_priority();
            nice()
        })
        .join()
        .unwrap();
        assert_eq!(lowered, 19);
        assert_eq!(nice(), before, "only the calling thread");
    }

    #[test]
    fn every_kind_of_file_a_folder_load_reads_counts_for_the_watcher() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let mut last = fingerprint(&paths);
        for name in ["berita", "b.markdown", "c.TEXT", "d.jsonl", "e.md"] {
            fs::write(dir.path().join(name), "Judul\n\nIsi.").unwrap();
            let now = fingerprint(&paths);
            assert_ne!(now, last, "{name}");
            last = now;
        }
    }

    #[test]
    fn every_file_a_load_sees_changes_the_full_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().to_path_buf()];
        fs::write(dir.path().join("a.txt"), "Judul\n\nIsi.").unwrap();
        let before = fingerprints(&paths);
        fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        assert_eq!(fingerprints(&paths), before, "hidden files do not count");
        fs::write(dir.path().join("notes.bin"), "x").unwrap();
        let after = fingerprints(&paths);
        assert_eq!(after.corpus, before.corpus, "not an article file");
        assert_ne!(after.all, before.all, "but loading reports it");
        let other = vec![dir.path().join("."), dir.path().to_path_buf()];
        assert_ne!(fingerprints(&other).all, fingerprints(&paths).all);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_replaced_with_the_same_size_and_time_changes_the_full_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let a = dir.path().join("a.txt");
        fs::write(&a, "Judul\n\nIsi.").unwrap();
        let modified = fs::metadata(&a).unwrap().modified().unwrap();
        let before = fingerprints(&paths);
        let b = dir.path().join("b.tmp");
        fs::write(&b, "Jud0l\n\nIsi.").unwrap();
        fs::File::options()
            .write(true)
            .open(&b)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        fs::rename(&b, &a).unwrap();
        let after = fingerprints(&paths);
        assert_eq!(after.corpus, before.corpus, "the watcher's hash misses it");
        assert_ne!(after.all, before.all);
    }

    #[cfg(unix)]
    #[test]
    fn linked_files_and_folders_are_followed() {
        let target = tempfile::tempdir().unwrap();
        fs::write(target.path().join("real.txt"), "Judul\n\nIsi.").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(target.path().join("real.txt"), dir.path().join("link.txt"))
            .unwrap();
        std::os::unix::fs::symlink(target.path(), dir.path().join("linked")).unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let before = fingerprint(&paths);
        fs::write(target.path().join("real.txt"), "Judul\n\nIsi yang lain.").unwrap();
        let after = fingerprint(&paths);
        assert_ne!(before, after, "a linked file's size counts");
        fs::write(target.path().join("more.txt"), "x").unwrap();
        assert_ne!(fingerprint(&paths), after, "a linked folder's files count");
    }
}
