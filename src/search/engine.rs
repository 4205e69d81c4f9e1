//! The fast filter behind [`SearchIndex::filter`]: the same matches and the
//! same ranked head as [`SearchIndex::search`], for much less work per keystroke.
//!
//! - A per-document byte mask rejects most non-matches before any field is read.
//! - [`Scorer::bound`] decides membership exactly and bounds each score
//!   cheaply; [`Scorer::tight_bound`] bounds it closely. Candidates are
//!   visited best cheap bound first, refined a batch at a time, and scored
//!   (with fuzzy-matcher, through [`Scorer::score`]) only while they can
//!   still reach the `RANKED` best. For one letter the bound is the score, so
//!   only about `RANKED` documents are ever scored.
//! - Each query's matches are cached; a query that refines a cached one (each
//!   old word a subsequence of a new word) filters only the survivors, and
//!   backspace finds its answer in the cache.
//! - Bounds and scores run on every core (rayon), and every stage checks the
//!   cancel flag a newer keystroke sets.

use super::{FilterQuery, Hit, Scorer, SearchIndex};
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// How many hits at the head of a result are exactly ranked; the rest follow
/// in bound order. More than anyone scrolls through.
pub const RANKED: usize = 200;

/// How many queries the cache keeps.
const CACHE_SIZE: usize = 64;

/// How many stored hits and matches the cache may hold, per document of the
/// index: older answers go first beyond it (memory stays a small multiple
/// of one answer).
const CACHE_ITEMS_PER_DOC: usize = 8;

/// Documents scored per parallel batch between stop checks.
const BATCH: usize = 256;

/// A byte's bit in a document mask (letters and digits get bits of their own).
fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << (36 + b % 28),
    }
}

/// The mask of every byte in some text.
pub(super) fn mask(text: &str) -> u64 {
    text.bytes().fold(0, |m, b| m | bit(b))
}

/// One answered query.
#[derive(Debug)]
struct Entry {
    words: Vec<String>,
    /// Matching documents, ascending.
    matches: Arc<Vec<u32>>,
    hits: Arc<Vec<Hit>>,
}

/// Recent answers, newest last.
#[derive(Debug, Default)]
pub(super) struct Cache {
    entries: VecDeque<Entry>,
}

fn is_subsequence(small: &str, big: &str) -> bool {
    super::scorer::is_subsequence(small, big)
}

impl Cache {
    fn exact(&self, words: &[String]) -> Option<Arc<Vec<Hit>>> {
        self.entries
            .iter()
            .find(|e| e.words == words)
            .map(|e| e.hits.clone())
    }

    /// The smallest cached match set that contains every match of `words`.
    fn base(&self, words: &[String]) -> Option<Arc<Vec<u32>>> {
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

    fn insert(&mut self, entry: Entry, docs: usize) {
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

fn cancelled(cancel: Option<&AtomicBool>) -> bool {
    cancel.is_some_and(|c| c.load(Ordering::Relaxed))
}

/// A weighted field score, as [`SearchIndex::score`] weighs it.
fn weigh(score: i64, field: usize) -> i64 {
    score * 4 / (4 + field as i64)
}

impl SearchIndex {
    /// The bound of a document's score, `None` when it does not match.
    fn doc_bound(
        &self,
        d: usize,
        query: &FilterQuery,
        qmask: u64,
        scorer: &dyn Scorer,
    ) -> Option<i64> {
        if qmask & !self.masks[d] != 0 {
            return None;
        }
        let fields = self.fields(d);
        let mut total: i64 = 0;
        for word in query.words() {
            let best = fields
                .clone()
                .enumerate()
                .filter_map(|(i, f)| scorer.bound(f, word).map(|b| weigh(b, i)))
                .max()?;
            total = total.saturating_add(best);
        }
        Some(total)
    }

    /// [`SearchIndex::score`] for a known match, skipping fields whose bound
    /// cannot beat the best score found so far (same result).
    fn score_pruned(&self, d: usize, query: &FilterQuery, scorer: &dyn Scorer) -> i64 {
        let fields = self.fields(d);
        let mut total = 0;
        for word in query.words() {
            let mut best: Option<i64> = None;
            for (i, f) in fields.clone().enumerate() {
                let Some(bound) = scorer.bound(f, word) else {
                    continue;
                };
                if best.is_some_and(|b| weigh(bound, i) <= b) {
                    continue;
                }
                if let Some(s) = scorer.score(f, word) {
                    let w = weigh(s, i);
                    best = Some(best.map_or(w, |b| b.max(w)));
                }
            }
            total += best.unwrap_or(0);
        }
        total
    }

    /// Every match of `query`: the first `RANKED` hits exactly as
    /// [`SearchIndex::search`] ranks them (best score first, ties in index
    /// order), then the remaining matches by descending bound, with the
    /// bound as their score. `None` when `cancel` was set meanwhile.
    pub fn filter(
        &self,
        query: &FilterQuery,
        scorer: &dyn Scorer,
        cancel: Option<&AtomicBool>,
    ) -> Option<Vec<Hit>> {
        if query.is_empty() {
            return self.search(query, scorer, cancel);
        }
        let words = query.words().to_vec();
        let base = {
            let cache = self.cache.lock().ok()?;
            if let Some(hits) = cache.exact(&words) {
                return Some(hits.as_ref().clone());
            }
            cache.base(&words)
        };
        let qmask = words.iter().fold(0, |m, w| m | mask(w));
        let bound = |d: usize| {
            self.doc_bound(d, query, qmask, scorer)
                .map(|b| (d as u32, b))
        };
        let candidates: Vec<(u32, i64)> = match &base {
            Some(ids) => ids
                .par_chunks(4096)
                .map(|c| {
                    if cancelled(cancel) {
                        return Vec::new();
                    }
                    c.iter().filter_map(|&d| bound(d as usize)).collect()
                })
                .flatten()
                .collect(),
            None => (0..self.len())
                .into_par_iter()
                .chunks(4096)
                .map(|c| {
                    if cancelled(cancel) {
                        return Vec::new();
                    }
                    c.into_iter().filter_map(bound).collect()
                })
                .flatten()
                .collect(),
        };
        if cancelled(cancel) {
            return None;
        }
        let ordered = by_bound(&candidates);
        let head = self.rank_head(&ordered, query, scorer, cancel)?;
        let in_head: HashSet<u32> = head.iter().map(|h| h.index as u32).collect();
        let mut hits = head;
        hits.extend(
            ordered
                .iter()
                .filter(|(d, _)| !in_head.contains(d))
                .map(|&(d, b)| Hit {
                    index: d as usize,
                    score: b,
                }),
        );
        let matches: Vec<u32> = candidates.iter().map(|&(d, _)| d).collect();
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(
                Entry {
                    words,
                    matches: Arc::new(matches),
                    hits: Arc::new(hits.clone()),
                },
                self.len(),
            );
        }
        Some(hits)
    }

    /// The tight bound of a matching document (see [`Scorer::tight_bound`]).
    fn doc_tight_bound(&self, d: usize, query: &FilterQuery, scorer: &dyn Scorer) -> i64 {
        let fields = self.fields(d);
        query
            .words()
            .iter()
            .map(|word| {
                fields
                    .clone()
                    .enumerate()
                    .filter_map(|(i, f)| scorer.tight_bound(f, word).map(|b| weigh(b, i)))
                    .max()
                    .unwrap_or(0)
            })
            .fold(0i64, i64::saturating_add)
    }

    /// Finds the `RANKED` best candidates. Candidates come in cheap-bound
    /// order; a batch at a time gets its tight bound, and the pending
    /// candidate with the best tight bound is scored once no unrefined one
    /// can beat it. Stops when the `RANKED`th score beats every bound left.
    fn rank_head(
        &self,
        ordered: &[(u32, i64)],
        query: &FilterQuery,
        scorer: &dyn Scorer,
        cancel: Option<&AtomicBool>,
    ) -> Option<Vec<Hit>> {
        // Rank key: higher is better (score, then lower index).
        type Key = (i64, Reverse<u32>);
        let key = |score: i64, d: u32| -> Key { (score, Reverse(d)) };
        let mut best: Vec<Hit> = Vec::new();
        let mut pending: BinaryHeap<Key> = BinaryHeap::new();
        let mut next = 0;
        loop {
            if cancelled(cancel) {
                return None;
            }
            let kth = (best.len() >= RANKED)
                .then(|| key(best[RANKED - 1].score, best[RANKED - 1].index as u32));
            let unrefined = ordered.get(next).map(|&(d, b)| key(b, d));
            let top = pending.peek().copied();
            let beaten = |k: Option<Key>| match (kth, k) {
                (_, None) => true,
                (Some(kth), Some(k)) => kth > k,
                (None, Some(_)) => false,
            };
            if beaten(unrefined) && beaten(top) {
                break;
            }
            if top.is_some() && top >= unrefined {
                // Score the pending candidates no unrefined one can beat.
                let mut batch = Vec::new();
                while batch.len() < BATCH {
                    match pending.peek() {
                        Some(&k) if Some(k) >= unrefined && !beaten(Some(k)) => {
                            batch.push(k.1 .0);
                            pending.pop();
                        }
                        _ => break,
                    }
                }
                if batch.is_empty() {
                    // Every pending candidate is beaten; only unrefined ones remain.
                    pending.clear();
                    continue;
                }
                let scored: Vec<Hit> = batch
                    .par_iter()
                    .map(|&d| Hit {
                        index: d as usize,
                        score: self.score_pruned(d as usize, query, scorer),
                    })
                    .collect();
                best.extend(scored);
                best.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
                best.truncate(RANKED);
            } else {
                let end = (next + BATCH).min(ordered.len());
                let refined: Vec<Key> = ordered[next..end]
                    .par_iter()
                    .map(|&(d, _)| key(self.doc_tight_bound(d as usize, query, scorer), d))
                    .collect();
                pending.extend(refined.into_iter().filter(|&k| !beaten(Some(k))));
                next = end;
            }
        }
        Some(best)
    }
}

/// Candidates by descending bound, index order within a bound (a stable
/// counting sort: bounds take few distinct values).
fn by_bound(candidates: &[(u32, i64)]) -> Vec<(u32, i64)> {
    let mut bounds: Vec<i64> = candidates.iter().map(|&(_, b)| b).collect();
    bounds.sort_unstable_by(|a, b| b.cmp(a));
    bounds.dedup();
    let slot = |b: i64| bounds.binary_search_by(|x| b.cmp(x)).unwrap_or(0);
    let mut starts = vec![0usize; bounds.len() + 1];
    for (_, b) in candidates {
        starts[slot(*b) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out = vec![(0, 0); candidates.len()];
    for &(d, b) in candidates {
        let s = &mut starts[slot(b)];
        out[*s] = (d, b);
        *s += 1;
    }
    out
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
