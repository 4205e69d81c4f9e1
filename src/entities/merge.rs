//! Finding the person a full mention merges into without comparing it with
//! every person so far (that made articles with many names quadratic).
//! Two keys merge when equal, or, for the same post, when one contains the
//! other and both have at least 4 bytes; such keys share a 4-byte window.

use foldhash::fast::RandomState;
use foldhash::HashMap;
use std::hash::BuildHasher;

/// A 4-byte window of a key.
type Gram = [u8; 4];

fn gram(b: &[u8], at: usize) -> Gram {
    [b[at], b[at + 1], b[at + 2], b[at + 3]]
}

/// What an index entry is filed under.
#[derive(Hash)]
enum Slot<'a> {
    /// A whole key.
    Key(&'a str),
    /// The first window of a key, per position.
    First(u32, Gram),
    /// Any window of a key, per position.
    Any(u32, Gram),
}

/// The end of a chain of entries.
const END: u32 = u32::MAX;

/// Candidate people by key and by 4-byte windows of keys, per position.
/// Entries may be stale after a key changes, and slots are told apart by
/// hash only: callers verify candidates. Each slot's entries form a chain
/// in one list (8 bytes an entry) instead of a list per slot.
#[derive(Debug, Default)]
pub struct MergeIndex {
    /// The latest entry of each slot hash.
    latest: HashMap<u64, u32>,
    /// `(person, previous entry of the same slot hash or END)`.
    entries: Vec<(u32, u32)>,
    positions: HashMap<String, u32>,
    hasher: RandomState,
}

impl MergeIndex {
    fn chain(&self, slot: Slot) -> impl Iterator<Item = usize> + '_ {
        let mut at = self
            .latest
            .get(&self.hasher.hash_one(slot))
            .copied()
            .unwrap_or(END);
        std::iter::from_fn(move || {
            let (person, next) = *self.entries.get(at as usize)?;
            at = next;
            Some(person as usize)
        })
    }

    /// Files `person` under `slot`, unless it is the slot's latest entry.
    fn file(&mut self, slot: Slot, person: u32) {
        let id = u32::try_from(self.entries.len())
            .ok()
            .filter(|&id| id != END)
            .expect("fewer index entries than 4 G");
        let latest = self.latest.entry(self.hasher.hash_one(slot)).or_insert(END);
        if *latest != END && self.entries[*latest as usize].0 == person {
            return;
        }
        self.entries.push((person, *latest));
        *latest = id;
    }

    /// Records that `person` now has `key` and holds `position`.
    pub fn add(&mut self, person: usize, key: &str, position: &str) {
        let person = u32::try_from(person).expect("fewer people than tokens");
        self.file(Slot::Key(key), person);
        let next = u32::try_from(self.positions.len()).expect("fewer posts than tokens");
        let pos = *self.positions.entry(position.to_string()).or_insert(next);
        let b = key.as_bytes();
        if b.len() < 4 {
            return;
        }
        self.file(Slot::First(pos, gram(b, 0)), person);
        for at in 0..=b.len() - 4 {
            self.file(Slot::Any(pos, gram(b, at)), person);
        }
    }

    /// Every person that may merge with a mention of `key` as `position`,
    /// ascending and without repeats (a superset of the real matches).
    pub fn candidates(&self, key: &str, position: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.chain(Slot::Key(key)).collect();
        let b = key.as_bytes();
        if let (Some(&pos), true) = (self.positions.get(position), b.len() >= 4) {
            // A shorter key inside this one starts at one of its windows.
            for at in 0..=b.len() - 4 {
                out.extend(self.chain(Slot::First(pos, gram(b, at))));
            }
            // A longer key holding this one contains its first window.
            out.extend(self.chain(Slot::Any(pos, gram(b, 0))));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::MergeIndex;

    #[test]
    fn a_new_index_knows_nothing_of_an_earlier_one() {
        let mut first = MergeIndex::default();
        first.add(0, "ariefrwismansyah", "Wali Kota");
        first.add(1, "sachrudin", "Wakil Wali Kota");
        assert_eq!(first.candidates("ariefrwismansyah", "Wali Kota"), [0]);
        assert_eq!(first.candidates("wismansyah", "Wali Kota"), [0]);
        drop(first);
        let mut next = MergeIndex::default();
        assert!(next.candidates("ariefrwismansyah", "Wali Kota").is_empty());
        assert!(next.candidates("sachrudin", "Wakil Wali Kota").is_empty());
        next.add(0, "sachrudin", "Wakil Wali Kota");
        assert_eq!(next.candidates("sachrudin", "Wakil Wali Kota"), [0]);
        assert!(next.candidates("wismansyah", "Wali Kota").is_empty());
        assert!(next.candidates("ariefrwismansyah", "Wali Kota").is_empty());
    }
}
