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
//! - Each query word keeps its documents' tight bounds once computed, so
//!   the words before the one being typed cost one look-up per document,
//!   and their exact bounds order the candidates.
//! - A worker keeps the bound of the last field it met per word
//!   ([`LastField`]): documents side by side that share a field (an
//!   article's figure rows and its title) take it instead of working it
//!   out again.
//! - Bounds and scores run on every core (rayon), and every stage checks the
//!   cancel flag a newer keystroke sets.
//! - The candidate lists are written into buffers the index keeps between
//!   keystrokes ([`super::scratch`]), not allocated and faulted in afresh.

use super::cache::{Entry, WordBounds};
use super::last_field::LastField;
use super::order::by_bound;
use super::scratch::{at_least, Scratch};
use super::{byte_mask as mask, memory, FilterQuery, Hit, Scorer, SearchIndex};
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How many hits at the head of a result are exactly ranked; the rest follow
/// in bound order. More than anyone scrolls through.
pub const RANKED: usize = 200;

/// Documents scored per parallel batch between stop checks.
const BATCH: usize = 256;

/// Documents per parallel chunk of the candidate pass.
const CHUNK: usize = 4096;

/// How many documents ahead of the one being bounded its fields' profiles
/// are fetched (their texts at half the distance).
const AHEAD: usize = 8;

fn cancelled(cancel: Option<&AtomicBool>) -> bool {
    cancel.is_some_and(|c| c.load(Ordering::Relaxed))
}

/// A weighted field score, as [`SearchIndex::score`] weighs it.
fn weigh(score: i64, field: usize) -> i64 {
    score * 4 / (4 + field as i64)
}

impl SearchIndex {
    /// The fields of `d` that hold every byte of `wmask`: the ones a bound
    /// of `d` for that word reads.
    fn fields_for(&self, d: usize, wmask: u64) -> impl Iterator<Item = &super::FieldInfo> {
        let (ids, slot_masks) = self.slots_of(d);
        ids.iter()
            .zip(slot_masks)
            .filter(move |(_, &fmask)| wmask & !fmask == 0)
            .map(|(&id, _)| &self.fields[id as usize])
    }

    /// Runs `f` over `docs` while warming the ones [`AHEAD`] and
    /// [`AHEAD`]` / 2` places on for the last query word.
    fn warmed<'a, T>(
        &'a self,
        docs: &'a [u32],
        wmask: u64,
        texts: bool,
        mut f: impl FnMut(u32) -> Option<T> + 'a,
    ) -> impl Iterator<Item = T> + 'a {
        docs.iter().enumerate().filter_map(move |(j, &d)| {
            // Profiles first; by half the distance they are in cache and
            // give where the texts start.
            if let Some(&ahead) = docs.get(j + AHEAD) {
                self.fields_for(ahead as usize, wmask)
                    .for_each(|f| memory::prefetch(f));
            }
            if texts {
                if let Some(&near) = docs.get(j + AHEAD / 2) {
                    for f in self.fields_for(near as usize, wmask) {
                        memory::prefetch(self.text.as_ptr().wrapping_add(f.start as usize));
                    }
                }
            }
            f(d)
        })
    }

    /// The bound of a document's score, `None` when it does not match. Each
    /// word takes the best field it matches; a field's bound comes from its
    /// profile when the scorer reads profiles, and fields that cannot beat
    /// the best so far are not even tested for a match.
    fn doc_bound(
        &self,
        d: usize,
        words: &[(String, u64)],
        known: &[Arc<WordBounds>],
        qmask: u64,
        scorer: &dyn Scorer,
        last: &mut [LastField],
    ) -> Option<i64> {
        if qmask & !self.masks[d] != 0 {
            return None;
        }
        let mut total: i64 = 0;
        for (((word, wmask), known), last) in words.iter().zip(known).zip(last.iter_mut()) {
            if let Some(b) = known.get(d) {
                total = total.saturating_add(b);
                continue;
            }
            let mut best: Option<i64> = None;
            let (ids, slot_masks) = self.slots_of(d);
            for (i, (&id, &fmask)) in ids.iter().zip(slot_masks).enumerate() {
                if wmask & !fmask != 0 {
                    continue;
                }
                let bound = match last.get(id) {
                    Some(bound) => bound,
                    None => {
                        // The text is read only when the profile cannot
                        // answer: a field's text is a cache miss of its own.
                        let p = self.profile(id);
                        let bound = match scorer.profile_bound(p, word) {
                            Some(b) if best.is_some_and(|best| weigh(b, i) <= best) => continue,
                            Some(b) => scorer
                                .profile_matches(p, word)
                                .unwrap_or_else(|| scorer.matches(self.field_text(id), word))
                                .then_some(b),
                            None => scorer.bound(self.field_text(id), word),
                        };
                        *last = LastField::Known(id, bound);
                        bound
                    }
                };
                if let Some(b) = bound {
                    let w = weigh(b, i);
                    best = Some(best.map_or(w, |old| old.max(w)));
                }
            }
            total = total.saturating_add(best?);
        }
        Some(total)
    }

    /// [`SearchIndex::score`] for a known match, skipping fields whose bound
    /// cannot beat the best score found so far (same result).
    fn score_pruned(&self, d: usize, query: &FilterQuery, scorer: &dyn Scorer) -> i64 {
        let mut total = 0;
        for word in query.words() {
            let mut best: Option<i64> = None;
            for (i, f) in self.fields(d).enumerate() {
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
    ) -> Option<Arc<Vec<Hit>>> {
        if query.is_empty() {
            return self.search(query, scorer, cancel).map(Arc::new);
        }
        let words = query.words().to_vec();
        let (base, known) = {
            let mut cache = self.cache.lock().ok()?;
            if let Some(hits) = cache.exact(&words) {
                return Some(hits);
            }
            (cache.base(&words), cache.word_bounds(&words, self.len()))
        };
        let masked: Vec<(String, u64)> = words.iter().map(|w| (w.clone(), mask(w))).collect();
        let qmask = masked.iter().fold(0, |m, (_, wm)| m | wm);
        // The last word is the one being typed: its fields are the ones read.
        let (last, last_mask) = masked.last().map_or(("", 0), |(w, m)| (w.as_str(), *m));
        let texts = last.len() > 1;
        let mut taken = self.scratch.take();
        let Scratch {
            candidates,
            ordered,
            all,
        } = match &mut taken {
            Ok(held) => &mut **held,
            Err(own) => own,
        };
        let docs: &[u32] = match &base {
            Some(ids) => ids,
            None => Scratch::ids(all, self.len()),
        };
        // Each chunk of documents writes its candidates at the start of its
        // own range of the buffer and says how many; then they are closed up.
        let found: Vec<usize> = docs
            .par_chunks(CHUNK)
            .zip(at_least(candidates, docs.len()).par_chunks_mut(CHUNK))
            .map(|(c, out)| {
                if cancelled(cancel) {
                    return 0;
                }
                // Each chunk keeps the last field it met per word.
                let mut last = vec![LastField::default(); masked.len()];
                let mut n = 0;
                for hit in self.warmed(c, last_mask, texts, |d| {
                    self.doc_bound(d as usize, &masked, &known, qmask, scorer, &mut last)
                        .map(|b| (d, b))
                }) {
                    out[n] = hit;
                    n += 1;
                }
                n
            })
            .collect();
        if cancelled(cancel) {
            return None;
        }
        let mut len = 0;
        for (i, n) in found.into_iter().enumerate() {
            candidates.copy_within(i * CHUNK..i * CHUNK + n, len);
            len += n;
        }
        let candidates = &candidates[..len];
        let ordered = by_bound(candidates, ordered);
        let head = self.rank_head(ordered, query, &masked, &known, scorer, cancel)?;
        let mut in_head = vec![0u64; self.len().div_ceil(64)];
        for h in &head {
            in_head[h.index() / 64] |= 1 << (h.index() % 64);
        }
        let mut hits = Vec::with_capacity(ordered.len());
        hits.extend_from_slice(&head);
        hits.extend(
            ordered
                .iter()
                .filter(|&&(d, _)| in_head[d as usize / 64] & (1 << (d % 64)) == 0)
                .map(|&(d, b)| Hit::new(d as usize, b)),
        );
        let matches: Vec<u32> = candidates.iter().map(|&(d, _)| d).collect();
        let hits = Arc::new(hits);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(
                Entry {
                    words,
                    matches: Arc::new(matches),
                    hits: hits.clone(),
                },
                self.len(),
            );
        }
        Some(hits)
    }

    /// The tight bound of a matching document (see [`Scorer::tight_bound`]),
    /// skipping fields that lack a letter of the word or whose profile
    /// bound cannot beat the best field so far.
    fn doc_tight_bound(
        &self,
        d: usize,
        words: &[(String, u64)],
        known: &[Arc<WordBounds>],
        scorer: &dyn Scorer,
        last: &mut [LastField],
    ) -> i64 {
        words
            .iter()
            .zip(known)
            .zip(last.iter_mut())
            .map(|(((word, wmask), known), last)| {
                if let Some(b) = known.get(d) {
                    return b;
                }
                let mut best: Option<i64> = None;
                let (ids, slot_masks) = self.slots_of(d);
                for (i, (&id, &fmask)) in ids.iter().zip(slot_masks).enumerate() {
                    if wmask & !fmask != 0 {
                        continue;
                    }
                    if let Some(b) = best {
                        if let Some(pb) = scorer.profile_bound(self.profile(id), word) {
                            if weigh(pb, i) <= b {
                                continue;
                            }
                        }
                    }
                    let tight = last.get_or(id, || scorer.tight_bound(self.field_text(id), word));
                    if let Some(t) = tight {
                        let t = weigh(t, i);
                        best = Some(best.map_or(t, |b| b.max(t)));
                    }
                }
                let best = best.unwrap_or(0);
                known.set(d, best);
                best
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
        words: &[(String, u64)],
        known: &[Arc<WordBounds>],
        scorer: &dyn Scorer,
        cancel: Option<&AtomicBool>,
    ) -> Option<Vec<Hit>> {
        // Rank key: higher is better (score, then lower index).
        type Key = (i64, Reverse<u32>);
        let key = |score: i64, d: u32| -> Key { (score, Reverse(d)) };
        let mut best: Vec<Hit> = Vec::new();
        let last_mask = words.last().map_or(0, |(_, m)| *m);
        let mut pending: BinaryHeap<Key> = BinaryHeap::new();
        let mut next = 0;
        loop {
            if cancelled(cancel) {
                return None;
            }
            let kth = (best.len() >= RANKED)
                .then(|| key(best[RANKED - 1].score(), best[RANKED - 1].index() as u32));
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
                    .map(|&d| Hit::new(d as usize, self.score_pruned(d as usize, query, scorer)))
                    .collect();
                best.extend(scored);
                best.sort_unstable_by(|a, b| {
                    b.score().cmp(&a.score()).then(a.index().cmp(&b.index()))
                });
                best.truncate(RANKED);
            } else {
                // Batches grow with the work done: few stop checks and
                // thread hand-offs when most candidates need refining.
                let end = (next + BATCH.max(next / 4)).min(ordered.len());
                // In document order, fields and texts are read mostly forwards.
                let mut batch: Vec<u32> = ordered[next..end].iter().map(|&(d, _)| d).collect();
                // A few runs already in document order (one per bound):
                // the stable sort merges them.
                batch.sort();
                let refined: Vec<Key> = batch
                    .par_chunks(64)
                    .flat_map_iter(|c| {
                        let mut last = vec![LastField::default(); words.len()];
                        self.warmed(c, last_mask, true, move |d| {
                            let tight =
                                self.doc_tight_bound(d as usize, words, known, scorer, &mut last);
                            Some(key(tight, d))
                        })
                    })
                    .collect();
                // One push at a time: later batches mostly hold lower keys,
                // which stay at the bottom, where `extend` rebuilt the heap.
                for k in refined {
                    if !beaten(Some(k)) {
                        pending.push(k);
                    }
                }
                next = end;
            }
        }
        Some(best)
    }
}
