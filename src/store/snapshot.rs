//! The library snapshot: everything a loaded corpus is made of (parsed
//! articles with their compressed bodies, extracted and resolved entities,
//! search indices, sidebar rows), kept on disk per corpus so that opening
//! the same files again reads one file instead of parsing, extracting and
//! indexing every article.
//!
//! A snapshot is used only while it is certainly current: it is keyed by
//! the stamp of the running binary (another build may parse differently)
//! and by [`crate::watch::Fingerprints::all`], taken before the files were
//! read, over every file a load looks at (path, size, modification and
//! change time, inode), with the size cap mixed in. Under another files key
//! (a file added, edited or removed) the snapshot is not used whole, but
//! its articles are ([`read_reusable`]): the load takes those of every file
//! whose stamp is unchanged, with their entities, and reads only the
//! others; the entity cache still spares extraction for an article seen
//! before. A damaged or cut file reads as no snapshot.
//!
//! Layout: magic `WARTALIB`, format version (u32), stamp (u64), key (u64),
//! then frames, each its payload length (u64), the payload and a hash of
//! the payload (u64): the corpus head, the corpus sources (the files a
//! later load can take articles from, [`crate::corpus::SourceFile`]), the
//! articles in chunks (each
//! article with its packed entities and its officials' indices), the
//! resolved entities, the article, official and corpus-row indices with the
//! corpus rows. Payloads use [`crate::codec`]. The file is written to a
//! temp file and renamed over the old one, without fsync: a snapshot lost
//! in a crash only means one slower open.

use super::atomic;
use super::paths;
use crate::app::library::Library;
use crate::app::stored::LibraryParts;
use crate::codec::{Reader, Writer};
use crate::corpus::{stored as corpus_stored, Article, Corpus, Reuse, SourceFile};
use crate::entities::{stored as entities_stored, PackedEntities};
use rayon::prelude::*;
use std::fs::{self, File};
use std::hash::BuildHasher;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const MAGIC: &[u8; 8] = b"WARTALIB";
const VERSION: u32 = 2;

/// Bytes before the first frame: magic, version, stamp, key.
const HEADER: usize = 28;

/// Articles per frame: frames are decoded in parallel, a few at a time.
const CHUNK: usize = 4096;

/// The snapshot file of a corpus: `<cache dir>/corpora/<name>-<hash>/library.bin`.
pub fn file(roots: &[PathBuf]) -> Option<PathBuf> {
    let identity = paths::corpus_identity(roots);
    paths::cache_dir().map(|dir| paths::corpus_dir(&dir, &identity).join("library.bin"))
}

/// What a snapshot must have been written with to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapshotKey {
    /// The running binary's stamp.
    pub stamp: u64,
    /// The files' fingerprint and the size cap, mixed.
    pub files: u64,
}

impl SnapshotKey {
    /// The key for files with fingerprint `all` (see
    /// [`crate::watch::Fingerprints::all`]) loaded with `size_cap`; `None`
    /// when the binary's stamp cannot be read.
    pub fn new(all: u64, size_cap: u64) -> Option<SnapshotKey> {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&all.to_le_bytes());
        bytes[8..].copy_from_slice(&size_cap.to_le_bytes());
        Some(SnapshotKey {
            stamp: super::entity_cache::stamp()?,
            files: paths::fnv1a(&bytes),
        })
    }
}

/// The hash closing each frame.
fn frame_hash(payload: &[u8]) -> u64 {
    foldhash::fast::FixedState::with_seed(0x5741_5254_414c_4942).hash_one(payload)
}

/// Frames written one after another into a file.
struct FrameWriter {
    out: BufWriter<File>,
    w: Writer,
    bytes: u64,
}

impl FrameWriter {
    /// Encodes one frame with `fill` and writes it.
    fn frame(&mut self, fill: impl FnOnce(&mut Writer)) -> io::Result<()> {
        self.w.clear();
        fill(&mut self.w);
        let payload = self.w.as_bytes();
        self.out.write_all(&(payload.len() as u64).to_le_bytes())?;
        self.out.write_all(payload)?;
        self.out.write_all(&frame_hash(payload).to_le_bytes())?;
        self.bytes += payload.len() as u64 + 16;
        Ok(())
    }
}

/// Writes the snapshot of `lib` to `path` under `key`; returns its size in
/// bytes. `path` is replaced only once the whole file is written.
pub fn write(path: &Path, key: SnapshotKey, lib: &Library) -> io::Result<u64> {
    // a writer killed half-way leaves its temp file: it is big, remove it
    atomic::clean_stale_temps(path);
    let written = atomic::write_streamed(path, |file| write_to(file, key, lib));
    remove_unused(path, UNUSED_FOR);
    written
}

/// A snapshot not read or written for this long is removed when another
/// one is written: each takes about two thirds of its folder's size.
pub const UNUSED_FOR: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// Marks the snapshot at `path` as used now (its modification time), so
/// that it is kept while its folder is opened.
pub fn mark_used(path: &Path) {
    let _ = File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now()));
}

/// Removes the snapshots of other corpora beside `path`'s (in
/// `corpora/*/library.bin`) not used for `unused`.
pub fn remove_unused(path: &Path, unused: Duration) {
    let Some(corpora) = path.parent().and_then(Path::parent) else {
        return;
    };
    let Ok(folders) = fs::read_dir(corpora) else {
        return;
    };
    for folder in folders.flatten() {
        let other = folder.path().join("library.bin");
        if other == path {
            continue;
        }
        let old = fs::metadata(&other)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > unused);
        if old {
            let _ = fs::remove_file(&other);
        }
    }
}

fn write_to(file: File, key: SnapshotKey, lib: &Library) -> io::Result<u64> {
    let articles = lib.corpus.articles.len();
    let whole = !lib.partial
        && lib.entities.per_article.len() == articles
        && lib.entities.official_of_mention.len() == articles;
    if !whole {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "only a library with every article's entities is kept",
        ));
    }
    let mut out = BufWriter::with_capacity(1 << 20, file);
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    out.write_all(&key.stamp.to_le_bytes())?;
    out.write_all(&key.files.to_le_bytes())?;
    let mut frames = FrameWriter {
        out,
        w: Writer::default(),
        bytes: HEADER as u64,
    };
    let corpus = &lib.corpus;
    let entities = &lib.entities;
    frames.frame(|w| corpus_stored::encode_head(corpus, w))?;
    frames.frame(|w| w.put(&corpus.sources))?;
    for from in (0..corpus.articles.len()).step_by(CHUNK) {
        let to = (from + CHUNK).min(corpus.articles.len());
        frames.frame(|w| {
            w.len_of(to - from);
            for a in from..to {
                w.put(&corpus.articles[a]);
                w.put(&entities.per_article[a]);
                w.put(&entities.official_of_mention[a]);
            }
        })?;
    }
    frames.frame(|w| entities_stored::encode_resolved(entities, w))?;
    frames.frame(|w| w.put(&*lib.article_search))?;
    frames.frame(|w| w.put(&*lib.official_search))?;
    frames.frame(|w| w.put(&lib.corpus_rows))?;
    frames.frame(|w| w.put(&*lib.corpus_row_search))?;
    frames.out.flush()?;
    Ok(frames.bytes)
}

/// Frames read back one at a time, each checked against its hash.
struct FrameReader {
    input: BufReader<File>,
    /// Bytes of the file not read yet: no frame claims more.
    left: u64,
    /// Payload buffers given back, to read the next frames into.
    spare: Vec<Vec<u8>>,
}

impl FrameReader {
    fn u64(&mut self) -> Option<u64> {
        let mut b = [0u8; 8];
        self.input.read_exact(&mut b).ok()?;
        self.left = self.left.checked_sub(8)?;
        Some(u64::from_le_bytes(b))
    }

    /// The next frame's payload and the hash it must have, if it is whole.
    fn next_unchecked(&mut self) -> Option<Frame> {
        let len = self.u64()?;
        if len > self.left.saturating_sub(8) {
            return None;
        }
        let mut payload = self.spare.pop().unwrap_or_default();
        payload.clear();
        payload.resize(usize::try_from(len).ok()?, 0);
        self.input.read_exact(&mut payload).ok()?;
        self.left -= len;
        Some(Frame {
            payload,
            hash: self.u64()?,
        })
    }

    /// The next frame's payload, if it is whole and intact.
    fn next(&mut self) -> Option<Vec<u8>> {
        self.next_unchecked()?.checked()
    }

    /// The next `n` frames, unchecked.
    fn batch(&mut self, n: usize) -> Option<Vec<Frame>> {
        (0..n).map(|_| self.next_unchecked()).collect()
    }

    /// Decodes the next frame with `read`, which must use all of it.
    fn decode<T>(&mut self, read: impl FnOnce(&mut Reader<'_>) -> Option<T>) -> Option<T> {
        decode_all(&self.next()?, read)
    }
}

/// A frame as read, before its hash is checked.
struct Frame {
    payload: Vec<u8>,
    hash: u64,
}

impl Frame {
    /// The payload, if it has the hash written after it.
    fn checked(self) -> Option<Vec<u8>> {
        (frame_hash(&self.payload) == self.hash).then_some(self.payload)
    }
}

fn decode_all<T>(payload: &[u8], read: impl FnOnce(&mut Reader<'_>) -> Option<T>) -> Option<T> {
    let mut r = Reader::new(payload);
    let value = read(&mut r)?;
    r.is_done().then_some(value)
}

/// One article as a chunk stores it.
type Stored = (Article, PackedEntities, Vec<usize>);

fn decode_chunk(r: &mut Reader<'_>) -> Option<Vec<Stored>> {
    let n = r.len_of()?;
    let mut out = Vec::with_capacity(n.min(CHUNK));
    for _ in 0..n {
        out.push((r.get()?, r.get()?, r.get()?));
    }
    Some(out)
}

/// True when `path` holds a snapshot of this format written by the binary
/// with `stamp`: only the header is read, so a caller can skip walking the
/// files for a key when no snapshot could match it.
pub fn written_by(path: &Path, stamp: u64) -> bool {
    let mut head = [0u8; 20];
    let read = File::open(path).and_then(|mut f| f.read_exact(&mut head));
    let mut r = Reader::new(&head);
    read.is_ok() && r.take(8) == Some(MAGIC) && r.u32() == Some(VERSION) && r.u64() == Some(stamp)
}

/// The library stored at `path`, when the file is whole, intact and
/// written under `key`.
pub fn read(path: &Path, key: SnapshotKey) -> Option<Library> {
    let (mut frames, mut corpus, stored) =
        read_articles(path, key.stamp, Purpose::Current(key.files))?;
    let count = stored.len();
    let mut entities = frames.decode(entities_stored::decode_resolved)?;
    corpus.articles.reserve_exact(count);
    entities.per_article.reserve_exact(count);
    entities.official_of_mention.reserve_exact(count);
    for (article, packed, officials) in stored {
        corpus.articles.push(article);
        entities.per_article.push(packed);
        entities.official_of_mention.push(officials);
    }
    let article_search = frames.decode(|r| r.get())?;
    let official_search = frames.decode(|r| r.get())?;
    let corpus_rows = frames.decode(|r| r.get())?;
    let corpus_row_search = frames.decode(|r| r.get())?;
    if frames.left != 0 {
        return None;
    }
    Library::from_parts(LibraryParts {
        corpus,
        entities,
        article_search,
        official_search,
        corpus_rows,
        corpus_row_search,
    })
}

/// The articles of the snapshot at `path` with their packed entities, by
/// the files they came from, when it was written by the binary with
/// `stamp` for any state of the files: a load then reads again only the
/// files that changed since. `worth` is asked first, with the snapshot's
/// sources: when it says no (too few files unchanged to be worth reading
/// and holding every article), nothing more is read. `None` then, or when
/// there is no such snapshot or its article frames are not whole and intact
/// (the frames after them are not read).
pub fn read_reusable(
    path: &Path,
    stamp: u64,
    worth: &dyn Fn(&[SourceFile]) -> bool,
) -> Option<Reuse<PackedEntities>> {
    let (_, corpus, stored) = read_articles(path, stamp, Purpose::Reuse(worth))?;
    let items = stored.into_iter().map(|(a, p, _)| (a, p)).collect();
    Reuse::new(corpus.sources, items)
}

/// What the articles of a snapshot are read for.
enum Purpose<'a> {
    /// The whole library, when written under this files key.
    Current(u64),
    /// Taking unchanged files from it under any files key, when `worth`
    /// says so of its sources.
    Reuse(&'a dyn Fn(&[SourceFile]) -> bool),
}

/// Opens the snapshot at `path` written by the binary with `stamp`, for
/// `purpose`, and reads its corpus head, sources (decoded only to reuse
/// files) and articles; gives the frames after them still to read.
fn read_articles(
    path: &Path,
    stamp: u64,
    purpose: Purpose<'_>,
) -> Option<(FrameReader, Corpus, Vec<Stored>)> {
    let file = File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    let mut input = BufReader::with_capacity(1 << 20, file);
    let mut head = [0u8; HEADER];
    input.read_exact(&mut head).ok()?;
    let mut r = Reader::new(&head);
    let current = r.take(8)? == MAGIC
        && r.u32()? == VERSION
        && r.u64()? == stamp
        && match purpose {
            Purpose::Current(files) => r.u64()? == files,
            Purpose::Reuse(_) => true,
        };
    if !current {
        return None;
    }
    let mut frames = FrameReader {
        input,
        left: size.checked_sub(HEADER as u64)?,
        spare: Vec::new(),
    };
    let (mut corpus, count) = frames.decode(corpus_stored::decode_head)?;
    // The sources serve only a load that takes files from a snapshot that
    // is not current: a current one's are checked, not decoded.
    let sources = frames.next()?;
    if let Purpose::Reuse(worth) = purpose {
        corpus.sources = decode_all(&sources, |r| r.get())?;
        if !worth(&corpus.sources) {
            return None;
        }
    }
    let count = usize::try_from(count).ok()?;
    let chunks = count.div_ceil(CHUNK);
    // an article takes far more than 64 bytes: a count past that is damage
    if count > usize::try_from(size).ok()? / 64 {
        return None;
    }
    let mut stored: Vec<Stored> = Vec::with_capacity(count);
    // A few chunks at a time are read, then checked and decoded on every
    // core, into payload buffers used again for the next few (overlapping
    // the reading with the decoding measured slower on two cores).
    let batch = rayon::current_num_threads().max(1) * 2;
    let mut read = 0;
    while read < chunks {
        let take = batch.min(chunks - read);
        let pending = frames.batch(take)?;
        read += take;
        let decoded = pending
            .par_iter()
            .map(|f| {
                let intact = frame_hash(&f.payload) == f.hash;
                intact.then(|| decode_all(&f.payload, decode_chunk))?
            })
            .collect::<Option<Vec<Vec<Stored>>>>()?;
        stored.extend(decoded.into_iter().flatten());
        frames.spare.extend(pending.into_iter().map(|f| f.payload));
    }
    let fits = |s: &SourceFile| s.path_in(|at| stored.get(at).map(|(a, ..)| a)).is_some();
    (stored.len() == count && corpus.sources.iter().all(fits)).then_some((frames, corpus, stored))
}

#[cfg(test)]
mod tests;
