//! Each index's cache of recent answers, and of each query word's bound in
//! every document: what lets [`super::SearchIndex::filter`] answer a
//! backspace at once and refilter only the survivors of a shorter query.

use super::Hit;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

/// How many queries the cache keeps.
const CACHE_SIZE: usize = 64;

/// How many stored hits and matches the cache may hold, per document of the
/// index: older answers go first beyond it (memory stays a small multiple
/// of one answer).
const CACHE_ITEMS_PER_DOC: usize = 8;

/// How many query words keep their documents' bounds.
const WORD_CACHE_SIZE: usize = 8;

/// A document's bound for a word not computed yet.
const UNKNOWN: i32 = i32::MIN;

/// One answered query.
#[derive(Debug)]
pub(super) struct Entry {
    /// The query's folded words.
    pub(super) words: Vec<String>,
    /// Matching documents, ascending.
    pub(super) matches: Arc<Vec<u32>>,
    /// The answer.
    pub(super) hits: Arc<Vec<Hit>>,
}

/// Recent answers, newest last.
#[derive(Debug, Default)]
pub(super) struct Cache {
    entries: VecDeque<Entry>,
    words: VecDeque<Arc<WordBounds>>,
}

/// One word's tight bound in each document (its best weighted field),
/// filled in as documents are refined; [`UNKNOWN`] until then.
#[derive(Debug)]
pub(super) struct WordBounds {
    word: String,
    bounds: Vec<AtomicI32>,
}

impl WordBounds {
    /// Document `d`'s bound, when computed.
    pub(super) fn get(&self, d: usize) -> Option<i64> {
        match self.bounds[d].load(Ordering::Relaxed) {
            UNKNOWN => None,
            b => Some(b as i64),
        }
    }

    /// Records document `d`'s bound (clamped to what a slot holds).
    pub(super) fn set(&self, d: usize, bound: i64) {
        let b = bound.clamp(UNKNOWN as i64 + 1, i32::MAX as i64) as i32;
        self.bounds[d].store(b, Ordering::Relaxed);
    }
}

fn is_subsequence(small: &str, big: &str) -> bool {
    super::scorer::is_subsequence(small, big)
}

impl Cache {
    /// The cached answer to exactly `words`.
    pub(super) fn exact(&self, words: &[String]) -> Option<Arc<Vec<Hit>>> {
        self.entries
            .iter()
            .find(|e| e.words == words)
            .map(|e| e.hits.clone())
    }

    /// The smallest cached match set that contains every match of `words`.
    pub(super) fn base(&self, words: &[String]) -> Option<Arc<Vec<u32>>> {
        self.entries
            .iter()
            .filter(|e| {
                e.words
                    .iter()
                    .all(|old| words.iter().any(|new| is_subsequence(old, new)))
            })
            .min_by_key(|e| e.matches.len())
            .map(|e| e.matches.clone())
    }

    /// The bound store of each word, new ones empty; the newest stay.
    pub(super) fn word_bounds(&mut self, words: &[String], docs: usize) -> Vec<Arc<WordBounds>> {
        words
            .iter()
            .map(|w| {
                if let Some(at) = self.words.iter().position(|b| &b.word == w) {
                    let found = self.words.remove(at).expect("position is in range");
                    self.words.push_back(found.clone());
                    return found;
                }
                let fresh = Arc::new(WordBounds {
                    word: w.clone(),
                    bounds: (0..docs).map(|_| AtomicI32::new(UNKNOWN)).collect(),
                });
                if self.words.len() >= WORD_CACHE_SIZE {
                    self.words.pop_front();
                }
                self.words.push_back(fresh.clone());
                fresh
            })
            .collect()
    }

    /// Keeps an answer, dropping the oldest beyond [`CACHE_SIZE`] answers
    /// or [`CACHE_ITEMS_PER_DOC`] items per document.
    pub(super) fn insert(&mut self, entry: Entry, docs: usize) {
        let size = |e: &Entry| e.matches.len() + e.hits.len();
        let budget = CACHE_ITEMS_PER_DOC * docs.max(1);
        let mut total: usize = self.entries.iter().map(size).sum::<usize>() + size(&entry);
        while !self.entries.is_empty() && (self.entries.len() >= CACHE_SIZE || total > budget) {
            if let Some(old) = self.entries.pop_front() {
                total -= size(&old);
            }
        }
        self.entries.push_back(entry);
    }
}

/// The cache slot each index carries; cloned indices start empty.
#[derive(Debug, Default)]
pub(super) struct CacheSlot(pub(super) Mutex<Cache>);

impl Clone for CacheSlot {
    fn clone(&self) -> Self {
        CacheSlot::default()
    }
}

impl std::ops::Deref for CacheSlot {
    type Target = Mutex<Cache>;
    fn deref(&self) -> &Mutex<Cache> {
        &self.0
    }
}
