//! The entity cache: each article's extracted entities, kept on disk per
//! corpus so that opening the same articles again skips extraction, the
//! dearest step of loading.
//!
//! An entry is keyed by the article's content hash and body length, so an
//! edited article is extracted afresh. The whole file is stamped with the
//! running binary (version, size and modification time): another build of
//! warta may extract differently, so it starts from an empty cache.
//!
//! Layout: magic `WARTAENT`, format version (u32), stamp (u64), then the
//! entries as one lz4 block with its length prepended (u32): the entry
//! count (u64), then per entry the hash (u64), body length (u64), packed
//! length (u32) and packed bytes; last, XXH3-64 of everything before it
//! (u64). All numbers little-endian. lz4 halves the file. A file that is missing, cut short, damaged,
//! stamped by another build or of another shape reads as an empty cache:
//! nothing is lost, the entities are extracted again and the file rewritten.

use super::atomic;
use super::paths::{self, fnv1a};
use crate::corpus::Article;
use crate::entities::{extract_article, PackedEntities};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"WARTAENT";
const VERSION: u32 = 3;

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
    let mut header = Fields(body.strip_prefix(MAGIC)?);
    if header.u32()? != VERSION || header.u64()? != stamp {
        return None;
    }
    let block = header.0;
    // Checked before decompressing: the claimed size is allocated at once.
    let claimed = Fields(block).u32()? as usize;
    if claimed > block.len().saturating_mul(MAX_LZ4_RATIO) {
        return None;
    }
    let plain = lz4_flex::decompress_size_prepended(block).ok()?;
    let mut f = Fields(&plain);
    // Each entry takes at least 20 bytes: a count beyond that is damage.
    let count = usize::try_from(f.u64()?)
        .ok()
        .filter(|&c| c <= plain.len() / 20)?;
    let mut entries = HashMap::with_capacity(count);
    for _ in 0..count {
        let key = (f.u64()?, f.u64()?);
        let len = f.u32()? as usize;
        entries.insert(key, PackedEntities::from_bytes(f.take(len)?)?);
    }
    f.0.is_empty().then_some(EntityCache { entries })
}

fn encode<'a>(
    stamp: u64,
    entries: impl ExactSizeIterator<Item = (EntryKey, &'a PackedEntities)>,
) -> Vec<u8> {
    let mut plain = Vec::new();
    plain.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for ((hash, len), packed) in entries {
        plain.extend_from_slice(&hash.to_le_bytes());
        plain.extend_from_slice(&len.to_le_bytes());
        plain.extend_from_slice(&(packed.as_bytes().len() as u32).to_le_bytes());
        plain.extend_from_slice(packed.as_bytes());
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&stamp.to_le_bytes());
    out.extend_from_slice(&lz4_flex::compress_prepend_size(&plain));
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
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
    atomic::write_atomic(path, &encode(stamp, entries.into_iter()))
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
    /// True when the cache file was rewritten.
    pub written: bool,
}

/// Every article's entities, packed, in order: from the cache at `path`
/// where it holds them, extracted otherwise. The file is rewritten when an
/// article was extracted or a cached one is gone. Without a path (or a
/// stamp), everything is extracted and nothing written.
pub fn extract_all(articles: &[Article], path: Option<&Path>) -> (Vec<PackedEntities>, CacheUse) {
    extract_known(articles, vec![None; articles.len()], path)
}

/// [`extract_all`] for articles some of whose entities are `known`
/// already (same order; `None` for the others), as when a load took the
/// articles of unchanged files from an earlier snapshot. When fewer than
/// one in [`FEW_UNKNOWN`] is not known, the cache is neither read nor
/// written: extracting those few takes less time than reading the cache of
/// every article, and the snapshot a load writes holds them all. The cache
/// is the fallback for when no snapshot can be used, and extracts there
/// what it lacks.
pub fn extract_known(
    articles: &[Article],
    known: Vec<Option<PackedEntities>>,
    path: Option<&Path>,
) -> (Vec<PackedEntities>, CacheUse) {
    let unknown = known.iter().filter(|k| k.is_none()).count();
    let few = unknown.saturating_mul(FEW_UNKNOWN) < articles.len();
    let place = path.zip(stamp()).filter(|_| !few);
    let cache = place.map_or_else(EntityCache::default, |(p, s)| EntityCache::read(p, s));
    let (packed, from): (Vec<PackedEntities>, Vec<u8>) = articles
        .par_iter()
        .zip(known)
        .map(|(a, known)| match known {
            Some(p) => (p, 0),
            None => match cache.get(&key_of(a)) {
                Some(p) => (p.clone(), 1),
                None => (extract_article(a), 2),
            },
        })
        .unzip();
    let count = |n| from.iter().filter(|&&f| f == n).count();
    let mut used = CacheUse {
        known: count(0),
        hits: count(1),
        extracted: count(2),
        written: false,
    };
    if let Some((path, stamp)) = place {
        // Every article found: rewrite only to drop entries no article uses
        // (an article present twice uses one entry).
        let stale = || {
            let used: foldhash::HashSet<EntryKey> = articles.iter().map(key_of).collect();
            cache.len() > used.len()
        };
        if used.extracted > 0 || stale() {
            used.written = write(path, stamp, articles, &packed).is_ok();
        }
    }
    (packed, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_bytes;

    /// A cache path in a fresh folder, two articles and their entities.
    fn fixture(
        name: &str,
    ) -> (
        tempfile::TempDir,
        PathBuf,
        Vec<Article>,
        Vec<PackedEntities>,
    ) {
        let text = "{\"title\":\"Bupati Tinjau Pasar\",\"text\":\"Bupati Tangerang, Ahmed Zaki Iskandar, meninjau Pasar Cisoka bersama Kepala Dinas Sosial.\"}\n{\"title\":\"Camat Hadiri Musrenbang\",\"text\":\"Camat Cisoka, Budi Santoso, menghadiri musrenbang di Desa Sukamaju.\"}\n";
        let (articles, problems) = load_bytes(Path::new("a.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles.len(), 2);
        let packed = articles.iter().map(extract_article).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        (dir, path, articles, packed)
    }

    #[test]
    fn a_written_cache_reads_back_and_only_for_its_stamp() {
        let (dir, path, articles, packed) = fixture("c/entities.bin");
        write(&path, 7, &articles, &packed).unwrap();
        let cache = EntityCache::read(&path, 7);
        assert_eq!(cache.len(), 2);
        for (a, p) in articles.iter().zip(&packed) {
            assert_eq!(cache.get(&key_of(a)), Some(p));
        }
        assert!(EntityCache::read(&path, 8).is_empty());
        assert!(EntityCache::read(&dir.path().join("missing"), 7).is_empty());
    }

    #[test]
    fn the_file_is_rewritten_only_when_something_changed() {
        let (_dir, path, mut articles, packed) = fixture("entities.bin");
        // The same article twice takes one entry.
        articles.push(articles[0].clone());
        let (first, used) = extract_all(&articles, Some(&path));
        assert_eq!((used.hits, used.extracted, used.written), (0, 3, true));
        assert_eq!(first[..2], packed[..]);
        assert_eq!(first[2], packed[0]);
        let (again, used) = extract_all(&articles, Some(&path));
        assert_eq!((used.hits, used.extracted, used.written), (3, 0, false));
        assert_eq!(again, first);
        // An article gone: its entry is dropped.
        articles.remove(1);
        let (_, used) = extract_all(&articles, Some(&path));
        assert_eq!((used.hits, used.written), (2, true));
        assert_eq!(EntityCache::read(&path, stamp().unwrap()).len(), 1);
        // Without a path nothing is read or written.
        let (none, used) = extract_all(&articles, None);
        assert_eq!((used.hits, used.written), (0, false));
        assert_eq!(none[0], packed[0]);
    }

    #[test]
    fn a_damaged_cache_reads_as_empty() {
        let (_dir, path, articles, packed) = fixture("entities.bin");
        write(&path, 1, &articles, &packed).unwrap();
        let good = std::fs::read(&path).unwrap();
        assert_eq!(decode(&good, 1).map(|c| c.len()), Some(2));
        // Every cut, and every flipped byte, is refused.
        for end in 0..good.len() {
            assert!(decode(&good[..end], 1).is_none(), "cut at {end}");
        }
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            assert!(decode(&bad, 1).is_none(), "flip at {at}");
        }
        // A checksum made to fit lets neither a wrong shape nor a huge
        // claimed size through.
        let header = MAGIC.len() + 4 + 8;
        let forge = |entries: &[u8]| {
            let mut f = good[..header].to_vec();
            f.extend_from_slice(entries);
            let sum = checksum(&f);
            f.extend_from_slice(&sum.to_le_bytes());
            f
        };
        let mut plain = lz4_flex::decompress_size_prepended(&good[header..good.len() - 8]).unwrap();
        assert_eq!(
            decode(&forge(&lz4_flex::compress_prepend_size(&plain)), 1).map(|c| c.len()),
            Some(2)
        );
        plain[..8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(decode(&forge(&lz4_flex::compress_prepend_size(&plain)), 1).is_none());
        let mut huge = u32::MAX.to_le_bytes().to_vec();
        huge.extend_from_slice(&[0u8; 16]);
        assert!(decode(&forge(&huge), 1).is_none());
        std::fs::write(&path, b"not a cache").unwrap();
        assert!(EntityCache::read(&path, 1).is_empty());
    }
}
