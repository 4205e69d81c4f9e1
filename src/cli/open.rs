//! What the reader, `warta bench` and the headless commands share to open
//! a corpus: the size cap, and where its library snapshot is kept, under
//! which key, read and written.

use super::args::CorpusArgs;
use crate::app::Library;
use crate::store::snapshot::{self, SnapshotKey};
use std::path::PathBuf;
use std::sync::Arc;

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
}

impl SnapshotPlace {
    /// The place for the corpus `args` names, whose files had fingerprint
    /// `all` ([`crate::watch::Fingerprints::all`]) before they were read;
    /// `None` for the bundled seeds (they load in a moment) or when there is
    /// no cache folder or binary stamp.
    pub fn new(args: &CorpusArgs, all: u64) -> Option<SnapshotPlace> {
        if args.paths.is_empty() {
            return None;
        }
        Some(SnapshotPlace {
            path: snapshot::file(&args.paths)?,
            key: SnapshotKey::new(all, size_cap(args))?,
        })
    }

    /// Fingerprints the files of `args` now and gives their place.
    pub fn now(args: &CorpusArgs) -> Option<SnapshotPlace> {
        SnapshotPlace::new(args, crate::watch::fingerprints(&args.paths).all)
    }

    /// The stored library, when the snapshot is current (which marks it as
    /// used, see [`snapshot::UNUSED_FOR`]).
    pub fn read(&self) -> Option<Library> {
        let lib = snapshot::read(&self.path, self.key)?;
        snapshot::mark_used(&self.path);
        Some(lib)
    }

    /// The stored library of the corpus `args` names, when its snapshot is
    /// current. The files are walked for the key only when a snapshot by
    /// this build of warta is there, so a corpus without one loses no time.
    pub fn read_current(args: &CorpusArgs) -> Option<Library> {
        if args.paths.is_empty() {
            return None;
        }
        let path = snapshot::file(&args.paths)?;
        if !snapshot::written_by(&path, crate::store::entity_cache::stamp()?) {
            return None;
        }
        SnapshotPlace::now(args)?.read()
    }

    /// Writes `lib` as the snapshot on a thread of its own, so that nobody
    /// waits for it; a failed write only leaves the next open slower.
    pub fn write_in_background(self, lib: Arc<Library>) {
        std::thread::spawn(move || {
            let _ = snapshot::write(&self.path, self.key, &lib);
        });
    }
}
