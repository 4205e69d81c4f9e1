//! A fast, unkeyed hasher (the multiply-rotate hash rustc uses) for the
//! gazetteer's tables. Their keys come from `assets/`, never from an
//! article, so no input can pick colliding keys; looking article words up in
//! them is on the hot path, where SipHash was a tenth of the load time.

use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hasher.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The high bits are the well mixed ones; tables index by the low bits.
        self.hash.rotate_left(26)
    }
}

/// The last 1 to 7 bytes of a key as a little-endian word, zero-padded: in
/// a 4-, a 2- and a 1-byte read. (Copying them into a padded array called
/// `memcpy`, which was most of the cost of hashing a gazetteer key: a
/// look-up hashes one word or two.)
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    debug_assert!(rest.len() < 8);
    let mut word = 0u64;
    let mut at = 0;
    if let Some(four) = rest.first_chunk::<4>() {
        word = u64::from(u32::from_le_bytes(*four));
        at = 4;
    }
    if let Some(two) = rest[at..].first_chunk::<2>() {
        word |= u64::from(u16::from_le_bytes(*two)) << (8 * at);
        at += 2;
    }
    if let Some(&one) = rest.get(at) {
        word |= u64::from(one) << (8 * at);
    }
    word
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::FastSet;

    #[test]
    fn a_tail_is_the_zero_padded_word() {
        let bytes = b"abcdefg";
        for n in 1..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(
                super::tail_word(&bytes[..n]),
                u64::from_le_bytes(padded),
                "{n}"
            );
        }
    }

    #[test]
    fn tells_keys_apart() {
        let words = [
            "kota",
            "kabupaten",
            "kota tangerang",
            "kota tangerang selatan",
            "",
        ];
        let set: FastSet<&str> = words.iter().copied().collect();
        assert_eq!(set.len(), words.len());
        assert!(words.iter().all(|w| set.contains(w)));
        assert!(!set.contains("kota tangerang utara"));
    }
}
