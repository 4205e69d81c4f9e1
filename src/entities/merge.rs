//! Finding the person a full mention merges into without comparing it with
//! every person so far (that made articles with many names quadratic).
//! Two keys merge when equal, or, for the same post, when one contains the
//! other and both have at least 4 bytes; such keys share a 4-byte window.

use std::collections::HashMap;

/// A 4-byte window of a key.
type Gram = [u8; 4];

fn gram(b: &[u8], at: usize) -> Gram {
    [b[at], b[at + 1], b[at + 2], b[at + 3]]
}

/// Candidate people by key and by 4-byte windows of keys, per position.
/// Entries may be stale after a key changes: callers verify candidates.
#[derive(Debug, Default)]
pub struct MergeIndex {
    by_key: HashMap<String, Vec<usize>>,
    positions: HashMap<String, usize>,
    /// The first window of each key.
    first_gram: HashMap<(usize, Gram), Vec<usize>>,
    /// Every window of each key.
    any_gram: HashMap<(usize, Gram), Vec<usize>>,
}

impl MergeIndex {
    /// Records that `person` now has `key` and holds `position`.
    pub fn add(&mut self, person: usize, key: &str, position: &str) {
        self.by_key.entry(key.to_string()).or_default().push(person);
        let next = self.positions.len();
        let pos = *self.positions.entry(position.to_string()).or_insert(next);
        let b = key.as_bytes();
        if b.len() < 4 {
            return;
        }
        self.first_gram
            .entry((pos, gram(b, 0)))
            .or_default()
            .push(person);
        for at in 0..=b.len() - 4 {
            let v = self.any_gram.entry((pos, gram(b, at))).or_default();
            if v.last() != Some(&person) {
                v.push(person);
            }
        }
    }

    /// Every person that may merge with a mention of `key` as `position`,
    /// ascending and without repeats (a superset of the real matches).
    pub fn candidates(&self, key: &str, position: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.by_key.get(key).cloned().unwrap_or_default();
        let b = key.as_bytes();
        if let (Some(&pos), true) = (self.positions.get(position), b.len() >= 4) {
            // A shorter key inside this one starts at one of its windows.
            for at in 0..=b.len() - 4 {
                if let Some(v) = self.first_gram.get(&(pos, gram(b, at))) {
                    out.extend(v);
                }
            }
            // A longer key holding this one contains its first window.
            if let Some(v) = self.any_gram.get(&(pos, gram(b, 0))) {
                out.extend(v);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
