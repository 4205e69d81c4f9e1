//! Tests of the entity cache: round trips, rewrites, blocks, damage.

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
    let (first, used, pending) = extract_all(&articles, Some(&path));
    assert_eq!((used.hits, used.extracted), (0, 3));
    assert_eq!(first[..2], packed[..]);
    assert_eq!(first[2], packed[0]);
    // Nothing is on disk until the pending write is done.
    assert!(!path.exists());
    pending.unwrap().write(&articles, &first).unwrap();
    let (again, used, pending) = extract_all(&articles, Some(&path));
    assert_eq!((used.hits, used.extracted), (3, 0));
    assert!(pending.is_none());
    assert_eq!(again, first);
    // An article gone: its entry is dropped.
    articles.remove(1);
    let (fewer, used, pending) = extract_all(&articles, Some(&path));
    assert_eq!(used.hits, 2);
    pending.unwrap().write(&articles, &fewer).unwrap();
    assert_eq!(EntityCache::read(&path, stamp().unwrap()).len(), 1);
    // Without a path nothing is read or written.
    let (none, used, pending) = extract_all(&articles, None);
    assert_eq!(used.hits, 0);
    assert!(pending.is_none());
    assert_eq!(none[0], packed[0]);
}

/// The file's bytes for `entries`, as [`write`] puts them on disk.
fn encoded(stamp: u64, entries: &[(EntryKey, &PackedEntities)]) -> Vec<u8> {
    encode_into(Vec::new(), stamp, entries).unwrap()
}

#[test]
fn entries_spread_over_many_blocks_read_back() {
    let (_dir, _, _, packed) = fixture("entities.bin");
    let entries: Vec<(EntryKey, &PackedEntities)> = (0..40_000u64)
        .map(|i| ((i, i * 3), &packed[(i % 2) as usize]))
        .collect();
    let bytes = encoded(9, &entries);
    let blocks = block_lengths(&bytes);
    assert!(blocks.len() >= 3, "{blocks:?}");
    assert!(blocks[..blocks.len() - 1]
        .iter()
        .all(|&(plain, _)| plain >= BLOCK));
    let cache = decode(&bytes, 9).unwrap();
    assert_eq!(cache.len(), entries.len());
    for (key, p) in &entries {
        assert_eq!(cache.get(key), Some(*p));
    }
}

/// The (plain, compressed) lengths of the blocks of a good file.
fn block_lengths(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut f = Fields(&bytes[MAGIC.len() + 20..bytes.len() - 8]);
    let mut blocks = Vec::new();
    while !f.0.is_empty() {
        let plain = f.u32().unwrap() as usize;
        let len = f.u32().unwrap() as usize;
        f.take(len).unwrap();
        blocks.push((plain, len));
    }
    blocks
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
    // A checksum made to fit lets through neither a wrong count, nor a
    // block of another shape, nor a huge claimed size.
    let header = MAGIC.len() + 4 + 8;
    let forge = |count: u64, blocks: &[(u32, Vec<u8>)]| {
        let mut f = good[..header].to_vec();
        f.extend_from_slice(&count.to_le_bytes());
        for (plain, block) in blocks {
            f.extend_from_slice(&plain.to_le_bytes());
            f.extend_from_slice(&(block.len() as u32).to_le_bytes());
            f.extend_from_slice(block);
        }
        let sum = checksum(&f);
        f.extend_from_slice(&sum.to_le_bytes());
        f
    };
    let (plain_len, len) = block_lengths(&good)[0];
    let block = &good[header + 16..header + 16 + len];
    let plain = lz4_flex::block::decompress(block, plain_len).unwrap();
    let packed_block = |p: &[u8]| (p.len() as u32, lz4_flex::block::compress(p));
    assert_eq!(
        decode(&forge(2, &[packed_block(&plain)]), 1).map(|c| c.len()),
        Some(2)
    );
    assert!(decode(&forge(3, &[packed_block(&plain)]), 1).is_none());
    assert!(decode(&forge(u64::MAX, &[packed_block(&plain)]), 1).is_none());
    let mut cut = plain.clone();
    cut.pop();
    assert!(decode(&forge(2, &[packed_block(&cut)]), 1).is_none());
    let (_, block) = packed_block(&plain);
    assert!(decode(&forge(2, &[(u32::MAX, block.clone())]), 1).is_none());
    assert!(decode(&forge(2, &[(plain_len as u32 + 1, block)]), 1).is_none());
    std::fs::write(&path, b"not a cache").unwrap();
    assert!(EntityCache::read(&path, 1).is_empty());
}

#[test]
fn an_empty_cache_round_trips() {
    let bytes = encoded(3, &[]);
    assert_eq!(
        bytes.len(),
        MAGIC.len() + 20 + 8,
        "header and checksum only"
    );
    assert_eq!(decode(&bytes, 3).map(|c| c.len()), Some(0));
    assert!(decode(&bytes, 4).is_none());
}

#[test]
fn every_article_is_counted_once_its_entities_are_found() {
    let (_dir, path, articles, packed) = fixture("entities.bin");
    // One known from a snapshot, one extracted; then both from the cache.
    let done = AtomicU64::new(0);
    let known = vec![Some(packed[0].clone()), None];
    let (found, used, pending) = extract_known(&articles, known, Some(&path), &done);
    assert_eq!((used.known, used.extracted), (1, 1));
    assert_eq!(done.load(Ordering::Relaxed), 2);
    pending.unwrap().write(&articles, &found).unwrap();
    let done = AtomicU64::new(0);
    let (_, used, _) = extract_known(&articles, vec![None, None], Some(&path), &done);
    assert_eq!(used.hits, 2);
    assert_eq!(done.load(Ordering::Relaxed), 2);
}
