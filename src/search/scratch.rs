//! The working buffers of [`super::SearchIndex::filter`], kept from one
//! keystroke to the next. In the sidebar's corpus scope at 100 000 articles
//! (917 381 rows) a keystroke's candidate lists take ~33 MB (two lists of
//! 16-byte candidates and one of 4-byte ids); allocated
//! afresh each time, they were mapped, faulted in page by page and unmapped
//! again, a quarter of the filter's time. Kept, they cost their size once
//! per index, which a keystroke's own allocations took at their peak anyway.

use std::sync::{Mutex, MutexGuard};

/// Buffers a filter pass writes into; their contents mean nothing between
/// passes.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The candidate pass's slots: each chunk of documents writes its
    /// candidates at the start of its own range, then they are closed up.
    pub(super) candidates: Vec<(u32, i64)>,
    /// The candidates in visiting order (see [`super::order::by_bound`]).
    pub(super) ordered: Vec<(u32, i64)>,
    /// Every document id, for a query with no cached answer to refine.
    pub(super) all: Vec<u32>,
}

impl Scratch {
    /// Every document id of an index of `len` documents, kept in `all`
    /// (a function of the field, so the other buffers stay free to borrow).
    pub(super) fn ids(all: &mut Vec<u32>, len: usize) -> &[u32] {
        if all.len() != len {
            *all = (0..len as u32).collect();
        }
        all
    }
}

/// The scratch buffers each index carries; cloned indices start empty.
#[derive(Debug, Default)]
pub(super) struct ScratchSlot(Mutex<Scratch>);

impl ScratchSlot {
    /// The buffers, unless another pass over the same index holds them (a
    /// stale keystroke still stopping): that one gets empty buffers of its own.
    pub(super) fn take(&self) -> Result<MutexGuard<'_, Scratch>, Scratch> {
        self.0.try_lock().map_err(|_| Scratch::default())
    }
}

impl Clone for ScratchSlot {
    fn clone(&self) -> Self {
        ScratchSlot::default()
    }
}

/// Grows `buffer` to at least `len` items (never shrinks it) and gives its
/// first `len`, whatever they hold.
pub(super) fn at_least<T: Copy + Default>(buffer: &mut Vec<T>, len: usize) -> &mut [T] {
    if buffer.len() < len {
        buffer.resize(len, T::default());
    }
    &mut buffer[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_grow_and_are_handed_out_once_at_a_time() {
        let slot = ScratchSlot::default();
        {
            let mut held = slot.take().expect("free at first");
            assert_eq!(Scratch::ids(&mut held.all, 3), [0, 1, 2]);
            assert_eq!(at_least(&mut held.candidates, 4).len(), 4);
            assert!(
                slot.take().is_err(),
                "a second pass gets buffers of its own"
            );
        }
        let mut again = slot.take().expect("free again");
        assert_eq!(again.candidates.len(), 4, "kept between passes");
        assert_eq!(at_least(&mut again.candidates, 2).len(), 2);
        assert_eq!(again.candidates.len(), 4, "never shrunk");
        assert_eq!(Scratch::ids(&mut again.all, 2), [0, 1]);
    }
}
