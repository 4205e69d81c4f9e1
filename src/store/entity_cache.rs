//! The entity cache: each article's extracted entities, kept on disk per
//! corpus so that opening the same articles again skips extraction, the
//! dearest step of loading.
//!
//! An entry is keyed by the article's content hash and body length, so an
//! edited article is extracted afresh. The whole file is stamped with the
//! running binary (version, size and modification time): another build of
//! warta may extract differently, so it starts from an empty cache.
//!
//! Layout: magic `WARTAENT`, format version (u32), stamp (u64), entry
//! count (u64), then the entries in lz4 blocks of about `BLOCK` plain
//! bytes, each with its plain and compressed lengths before it (u32, u32);
//! per entry the hash (u64), body length (u64), packed length (u32) and
//! packed bytes, never split across blocks; last, XXH3-64 of everything
//! before it (u64). All numbers little-endian. lz4 halves the file, and the
//! blocks let the file be written without holding it whole in memory and
//! read on every core. A file that is missing, cut short, damaged, stamped
//! by another build or of another shape reads as an empty cache: nothing
//! is lost, the entities are extracted again and the file rewritten.

use super::atomic;
use super::paths::{self, fnv1a};
use crate::corpus::Article;
use crate::entities::{extract_article, PackedEntities, EXTRACTION_RUN};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use xxhash_rust::xxh3::Xxh3Default;

const MAGIC: &[u8; 8] = b"WARTAENT";
const VERSION: u32 = 4;

/// Entries are compressed in blocks of at least this many plain bytes
/// (the last one excepted).
const BLOCK: usize = 1 << 20;

/// lz4 never expands more than this: a block claiming more is damage.
const MAX_LZ4_RATIO: usize = 255;

/// What identifies an article's text: its content hash and body length.
pub type EntryKey = (u64, u64);

/// The key of an article.
pub fn key_of(article: &Article) -> EntryKey {
    (article.hash, article.body.len() as u64)
}

/// The cache file of a corpus: `<cache dir>/corpora/<name>-<hash>/entities.bin`.
pub fn file(roots: &[PathBuf]) -> Option<PathBuf> {
    let identity = paths::corpus_identity(roots);
    paths::cache_dir().map(|dir| paths::corpus_dir(&dir, &identity).join("entities.bin"))
}

/// The stamp of the running binary; `None` when it cannot be read, and then
/// no cache is used.
pub fn stamp() -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let id = format!(
        "{} {} {}.{}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_secs(),
        modified.subsec_nanos()
    );
    Some(fnv1a(id.as_bytes()))
}

/// The entries of a cache file.
#[derive(Debug, Default)]
pub struct EntityCache {
    entries: HashMap<EntryKey, PackedEntities>,
}

impl EntityCache {
    /// Reads `path`; anything but a whole, intact file with this `stamp`
    /// gives an empty cache.
    pub fn read(path: &Path, stamp: u64) -> EntityCache {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| decode(&bytes, stamp))
            .unwrap_or_default()
    }

    /// The entities cached for `key`.
    pub fn get(&self, key: &EntryKey) -> Option<&PackedEntities> {
        self.entries.get(key)
    }

    /// How many articles the cache holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for an empty cache.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Little-endian fields read off the front of a byte slice.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

fn decode(bytes: &[u8], stamp: u64) -> Option<EntityCache> {
    let (body, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    if checksum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
        return None;
    }
    let mut f = Fields(body.strip_prefix(MAGIC)?);
    if f.u32()? != VERSION || f.u64()? != stamp {
        return None;
    }
    let count = f.u64()?;
    let mut blocks = Vec::new();
    while !f.0.is_empty() {
        let plain = f.u32()? as usize;
        let len = f.u32()? as usize;
        let block = f.take(len)?;
        // Checked before decompressing: the claimed size is allocated at once.
        if plain == 0 || plain > block.len().saturating_mul(MAX_LZ4_RATIO) {
            return None;
        }
        blocks.push((plain, block));
    }
    // Each entry takes at least 20 bytes: a count beyond that is damage.
    let plain_bytes: usize = blocks.iter().map(|(plain, _)| plain).sum();
    let count = usize::try_from(count)
        .ok()
        .filter(|&c| c <= plain_bytes / 20)?;
    let decoded = blocks
        .into_par_iter()
        .map(|(plain, block)| decode_block(plain, block))
        .collect::<Option<Vec<_>>>()?;
    if decoded.iter().map(Vec::len).sum::<usize>() != count {
        return None;
    }
    let mut entries = HashMap::with_capacity(count);
    entries.extend(decoded.into_iter().flatten());
    Some(EntityCache { entries })
}

/// The entries of one block, which must hold whole entries and nothing else.
fn decode_block(plain: usize, block: &[u8]) -> Option<Vec<(EntryKey, PackedEntities)>> {
    let bytes = lz4_flex::block::decompress(block, plain).ok()?;
    if bytes.len() != plain {
        return None;
    }
    let mut f = Fields(&bytes);
    let mut entries = Vec::new();
    while !f.0.is_empty() {
        let key = (f.u64()?, f.u64()?);
        let len = f.u32()? as usize;
        entries.push((key, PackedEntities::from_bytes(f.take(len)?)?));
    }
    Some(entries)
}

/// Writes the file's bytes to `out`, compressing one block at a time.
fn encode_into<W: Write>(
    out: W,
    stamp: u64,
    entries: &[(EntryKey, &PackedEntities)],
) -> io::Result<W> {
    let mut out = Summed {
        out,
        sum: Xxh3Default::new(),
    };
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    out.write_all(&stamp.to_le_bytes())?;
    out.write_all(&(entries.len() as u64).to_le_bytes())?;
    let mut plain = Vec::with_capacity(BLOCK * 2);
    let mut packed = Vec::new();
    for ((hash, len), entities) in entries {
        plain.extend_from_slice(&hash.to_le_bytes());
        plain.extend_from_slice(&len.to_le_bytes());
        plain.extend_from_slice(&(entities.as_bytes().len() as u32).to_le_bytes());
        plain.extend_from_slice(entities.as_bytes());
        if plain.len() >= BLOCK {
            write_block(&mut out, &mut plain, &mut packed)?;
        }
    }
    if !plain.is_empty() {
        write_block(&mut out, &mut plain, &mut packed)?;
    }
    let sum = out.sum.digest();
    let mut out = out.out;
    out.write_all(&sum.to_le_bytes())?;
    Ok(out)
}

/// Compresses `plain` into `packed` and writes both lengths and the block;
/// `plain` is left empty for the next block.
fn write_block(out: &mut impl Write, plain: &mut Vec<u8>, packed: &mut Vec<u8>) -> io::Result<()> {
    let too_long = |_| io::Error::new(io::ErrorKind::InvalidInput, "block over 4 GiB");
    packed.resize(lz4_flex::block::get_maximum_output_size(plain.len()), 0);
    let n = lz4_flex::block::compress_into(plain, packed).map_err(io::Error::other)?;
    out.write_all(&u32::try_from(plain.len()).map_err(too_long)?.to_le_bytes())?;
    out.write_all(&u32::try_from(n).map_err(too_long)?.to_le_bytes())?;
    out.write_all(&packed[..n])?;
    plain.clear();
    Ok(())
}

/// A writer that keeps the checksum of what went through it.
struct Summed<W> {
    out: W,
    sum: Xxh3Default,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The checksum closing the file: XXH3-64 of everything before it (FNV-1a
/// before format 3, one multiply per byte in a single chain: about 40 ms
/// of the 31 MB file at 100 000 articles, on reading and on writing).
fn checksum(bytes: &[u8]) -> u64 {
    paths::text_hash(bytes)
}

/// Writes the entities of `articles` (in the same order) to `path`,
/// replacing it atomically.
pub fn write(
    path: &Path,
    stamp: u64,
    articles: &[Article],
    packed: &[PackedEntities],
) -> std::io::Result<()> {
    // One entry per distinct key: the same article twice is stored once.
    let mut seen = HashMap::with_capacity(articles.len());
    for (a, p) in articles.iter().zip(packed) {
        seen.entry(key_of(a)).or_insert(p);
    }
    let mut entries: Vec<(EntryKey, &PackedEntities)> = seen.into_iter().collect();
    entries.sort_unstable_by_key(|(k, _)| *k);
    atomic::clean_stale_temps(path);
    atomic::write_streamed(path, |file| {
        encode_into(BufWriter::with_capacity(1 << 20, file), stamp, &entries)?
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()
    })
}

/// A cache write that [`extract_known`] found needed and left to its
/// caller, to be done once nothing waits for it: the reader and `warta
/// bench` do it after the library is built, on a thread of their own.
#[derive(Debug)]
#[must_use = "the cache is not written until `write` is called"]
pub struct PendingWrite {
    path: PathBuf,
    stamp: u64,
}

impl PendingWrite {
    /// Writes the entities of `articles` (`packed`, in the same order: what
    /// [`extract_known`] gave, or the library's `per_article`).
    pub fn write(self, articles: &[Article], packed: &[PackedEntities]) -> io::Result<()> {
        write(&self.path, self.stamp, articles, packed)
    }
}

/// Below one article in this many to extract, [`extract_known`] leaves
/// the cache alone.
pub const FEW_UNKNOWN: usize = 16;

/// What extraction took from the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheUse {
    /// Articles whose entities came with them (from an earlier load of
    /// their unchanged file, see [`extract_known`]).
    pub known: usize,
    /// Articles whose entities came from the cache.
    pub hits: usize,
    /// Articles extracted afresh.
    pub extracted: usize,
}

/// Every article's entities, packed, in order: from the cache at `path`
/// where it holds them, extracted otherwise. The file is to be rewritten
/// (the [`PendingWrite`]) when an article was extracted or a cached one is
/// gone. Without a path (or a stamp), everything is extracted and nothing
/// is to be written.
pub fn extract_all(
    articles: &[Article],
    path: Option<&Path>,
) -> (Vec<PackedEntities>, CacheUse, Option<PendingWrite>) {
    extract_known(
        articles,
        vec![None; articles.len()],
        path,
        &AtomicU64::default(),
    )
}

/// [`extract_all`] for articles some of whose entities are `known`
/// already (same order; `None` for the others), as when a load took the
/// articles of unchanged files from an earlier snapshot. When fewer than
/// one in [`FEW_UNKNOWN`] is not known, the cache is neither read nor
/// written: extracting those few takes less time than reading the cache of
/// every article, and the snapshot a load writes holds them all. The cache
/// is the fallback for when no snapshot can be used, and extracts there
/// what it lacks. `done` counts the articles as their entities are found,
/// for a progress line.
pub fn extract_known(
    articles: &[Article],
    known: Vec<Option<PackedEntities>>,
    path: Option<&Path>,
    done: &AtomicU64,
) -> (Vec<PackedEntities>, CacheUse, Option<PendingWrite>) {
    let unknown = known.iter().filter(|k| k.is_none()).count();
    let few = unknown.saturating_mul(FEW_UNKNOWN) < articles.len();
    let place = path.zip(stamp()).filter(|_| !few);
    let cache = place.map_or_else(EntityCache::default, |(p, s)| EntityCache::read(p, s));
    let (packed, from): (Vec<PackedEntities>, Vec<u8>) = articles
        .par_iter()
        .zip(known)
        .with_max_len(EXTRACTION_RUN)
        .map(|(a, known)| {
            let found = match known {
                Some(p) => (p, 0),
                None => match cache.get(&key_of(a)) {
                    Some(p) => (p.clone(), 1),
                    None => (extract_article(a), 2),
                },
            };
            done.fetch_add(1, Ordering::Relaxed);
            found
        })
        .unzip();
    let count = |n| from.iter().filter(|&&f| f == n).count();
    let used = CacheUse {
        known: count(0),
        hits: count(1),
        extracted: count(2),
    };
    // Every article found: rewrite only to drop entries no article uses
    // (an article present twice uses one entry).
    let stale = || {
        let used: foldhash::HashSet<EntryKey> = articles.iter().map(key_of).collect();
        cache.len() > used.len()
    };
    let pending = place
        .filter(|_| used.extracted > 0 || stale())
        .map(|(path, stamp)| PendingWrite {
            path: path.to_path_buf(),
            stamp,
        });
    (packed, used, pending)
}

#[cfg(test)]
mod tests;
