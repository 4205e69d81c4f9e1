//! What the reader, `warta bench` and the headless commands share to open
//! a corpus: the size cap, and where its library snapshot is kept, under
//! which key, read and written.

use super::args::CorpusArgs;
use crate::app::Library;
use crate::corpus::{
    load_paths_reusing, load_seeds, Article, Corpus, FileStamps, LoadOptions, LoadStats, Reuse,
    SourceFile,
};
use crate::entities::PackedEntities;
use crate::store::entity_cache;
use crate::store::snapshot::{self, SnapshotKey};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The size cap in bytes that loading `args` applies to each file.
pub fn size_cap(args: &CorpusArgs) -> u64 {
    args.max_file_size
        .unwrap_or(crate::store::config::DEFAULT_MAX_FILE_SIZE)
        .saturating_mul(1024 * 1024)
}

/// Where the snapshot of a corpus is kept and the key it must carry.
#[derive(Debug, Clone)]
pub struct SnapshotPlace {
    /// The snapshot file.
    pub path: PathBuf,
    /// The key of the files as they are now.
    pub key: SnapshotKey,
    /// The files' stamps, taken in the same walk as the key.
    pub stamps: Arc<FileStamps>,
    /// The size cap the files are loaded under.
    pub size_cap: u64,
}

impl SnapshotPlace {
    /// The place for the corpus `args` names, whose files had fingerprint
    /// `all` ([`crate::watch::Fingerprints::all`]) and `stamps` before they
    /// were read; `None` for the bundled seeds (they load in a moment) or
    /// when there is no cache folder or binary stamp.
    pub fn new(args: &CorpusArgs, all: u64, stamps: Arc<FileStamps>) -> Option<SnapshotPlace> {
        if args.paths.is_empty() {
            return None;
        }
        Some(SnapshotPlace {
            path: snapshot::file(&args.paths)?,
            key: SnapshotKey::new(all, size_cap(args))?,
            stamps,
            size_cap: size_cap(args),
        })
    }

    /// Fingerprints the files of `args` now and gives their place.
    pub fn now(args: &CorpusArgs) -> Option<SnapshotPlace> {
        let (prints, stamps) = crate::watch::fingerprints_with_stamps(&args.paths);
        SnapshotPlace::new(args, prints.all, Arc::new(stamps))
    }

    /// The articles of the snapshot there, by file, when it is not current
    /// but was written by this build, and at least half of the files it
    /// took articles from are unchanged: a load takes those from it (see
    /// [`read_corpus_reusing`]). With fewer, reading it would cost more
    /// than it spares, and the articles of the changed files would be held
    /// beside their new versions until the load ends.
    pub fn reusable(&self) -> Option<Reuse<PackedEntities>> {
        let worth = |sources: &[SourceFile]| {
            let unchanged = sources
                .iter()
                .filter(|s| s.unchanged(&self.stamps, self.size_cap))
                .count();
            unchanged > 0 && unchanged * 2 >= sources.len()
        };
        snapshot::read_reusable(&self.path, self.key.stamp, &worth)
    }

    /// The stored library, when the snapshot is current (which marks it as
    /// used, see [`snapshot::UNUSED_FOR`]).
    pub fn read(&self) -> Option<Library> {
        let lib = snapshot::read(&self.path, self.key)?;
        snapshot::mark_used(&self.path);
        Some(lib)
    }

    /// The stored library of the corpus `args` names, when its snapshot is
    /// current; else, when a snapshot by this build is there but the files
    /// changed, its place, for a load to take the unchanged files from it.
    /// The files are walked for the key only when a snapshot by this build
    /// of warta is there, so a corpus without one loses no time.
    pub fn read_current(args: &CorpusArgs) -> Option<Result<Library, SnapshotPlace>> {
        if args.paths.is_empty() {
            return None;
        }
        let path = snapshot::file(&args.paths)?;
        if !snapshot::written_by(&path, crate::store::entity_cache::stamp()?) {
            return None;
        }
        let place = SnapshotPlace::now(args)?;
        Some(place.read().ok_or(place))
    }
}

/// Saves what a load found for the next open, on a thread of its own so
/// that nobody waits for it: the snapshot of `lib` at `snapshot`, then
/// `cache` from its per-article entities (one after the other, so their
/// buffers are not held at once). A failed write only leaves the next open
/// slower. The reader waits for it only on its way out
/// ([`finish_background_writes`]).
///
/// The writes run at the lowest CPU priority, on threads of their own: they
/// take seconds for a large corpus (2–3 s at 300 000 articles), just when
/// the reader re-runs a filter typed during the load against the new
/// library, and when nothing else runs they go as fast as before.
pub fn save_in_background(
    lib: Arc<Library>,
    snapshot: Option<SnapshotPlace>,
    cache: Option<entity_cache::PendingWrite>,
) {
    if snapshot.is_none() && cache.is_none() {
        return;
    }
    let writer = std::thread::spawn(move || {
        let write = || {
            if let Some(place) = snapshot {
                let _ = snapshot::write(&place.path, place.key, &lib);
            }
            if let Some(cache) = cache {
                let _ = cache.write(&lib.corpus.articles, &lib.entities.per_article);
            }
        };
        crate::watch::lower_priority();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .thread_name(|i| format!("warta-save-{i}"))
            .start_handler(|_| crate::watch::lower_priority())
            .build();
        match pool {
            Ok(pool) => pool.install(write),
            Err(_) => write(),
        }
    });
    if let Ok(mut pending) = PENDING_WRITES.lock() {
        pending.retain(|w| !w.is_finished());
        pending.push(writer);
    }
}

/// The corpus `args` names loaded from its files, each article with its
/// packed entities when it came from `reuse` (`None`: to extract). Every
/// file unchanged since the snapshot `reuse` was read from
/// ([`SnapshotPlace::reusable`]) is taken from there instead of being
/// read and parsed; with a `place`, the corpus records its sources for the
/// next snapshot. `partial` sees the articles loaded so far after each
/// batch of files (see [`crate::corpus::load_paths_streaming`]); the
/// bundled seeds come at once.
pub fn read_corpus_reusing(
    args: &CorpusArgs,
    stats: &LoadStats,
    partial: &mut dyn FnMut(&[Article]),
    place: Option<&SnapshotPlace>,
    mut reuse: Option<Reuse<PackedEntities>>,
) -> (Corpus, Vec<Option<PackedEntities>>) {
    if args.paths.is_empty() {
        let seeds = load_seeds();
        let none = vec![None; seeds.articles.len()];
        return (seeds, none);
    }
    crate::entities::gazetteer::compile_in_background();
    let opts = LoadOptions {
        size_cap: size_cap(args),
        stamps: place.map(|p| p.stamps.clone()),
    };
    load_paths_reusing(&args.paths, &opts, stats, partial, reuse.as_mut())
}

/// Writes started by [`save_in_background`].
static PENDING_WRITES: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

/// True while a write started by [`save_in_background`] is still running.
pub fn background_writes_running() -> bool {
    PENDING_WRITES
        .lock()
        .is_ok_and(|pending| pending.iter().any(|w| !w.is_finished()))
}

/// Waits for the writes still running, so that quitting right after a load
/// keeps its snapshot and entity cache (at 100 000 articles they take about
/// 0.5 and 0.3 s; without them the next open loads from the files again).
pub fn finish_background_writes() {
    let pending = PENDING_WRITES
        .lock()
        .map(|mut pending| std::mem::take(&mut *pending))
        .unwrap_or_default();
    for writer in pending {
        let _ = writer.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::snapshot::SnapshotKey;

    #[test]
    fn the_snapshot_and_cache_saved_in_the_background_are_on_disk_once_writes_are_finished() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpora").join("x").join("library.bin");
        let cache_path = dir.path().join("corpora").join("x").join("entities.bin");
        let place = SnapshotPlace {
            path: path.clone(),
            key: SnapshotKey {
                stamp: 7,
                files: 11,
            },
            stamps: Arc::default(),
            size_cap: 1,
        };
        let corpus = crate::corpus::load_seeds();
        let none = vec![None; corpus.articles.len()];
        let (packed, _, cache) = entity_cache::extract_known(
            &corpus.articles,
            none,
            Some(&cache_path),
            &Default::default(),
        );
        assert!(cache.is_some() && !cache_path.exists());
        let lib = Library::new(corpus, crate::entities::resolve_packed(packed));
        save_in_background(Arc::new(lib), Some(place), cache);
        finish_background_writes();
        assert!(!background_writes_running());
        let stamp = entity_cache::stamp().unwrap();
        assert_eq!(entity_cache::EntityCache::read(&cache_path, stamp).len(), 5);
        let key = SnapshotKey {
            stamp: 7,
            files: 11,
        };
        assert_eq!(
            snapshot::read(&path, key).map(|l| l.articles().len()),
            Some(5)
        );
    }
}
