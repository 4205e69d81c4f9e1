//! Memory the filter reads at random, made cheaper to reach. A keystroke's
//! pass over 100 000 documents is bound by cache and TLB misses on field
//! profiles and texts, not by arithmetic:
//! - huge pages for the large arrays: with 4 KiB pages most fields miss the
//!   TLB; asking Linux for 2 MiB pages (`MADV_HUGEPAGE`, honoured when
//!   transparent huge pages are set to `madvise` or `always`) made typing
//!   12–15 % faster in measurements. Elsewhere, or for small arrays, the data
//!   is left where it is;
//! - [`prefetch`], so that the documents a few steps ahead are on their way
//!   while one is scored.

/// Below this many bytes an array stays where it is (a huge page is 2 MiB).
const MIN_BYTES: usize = 4 << 20;

/// `items` without spare capacity, in an allocation the kernel is asked to
/// back with huge pages when it is large: the new allocation is advised
/// before it is first written, so the pages are huge from the first fault on.
pub(super) fn vec<T: Copy>(mut items: Vec<T>) -> Vec<T> {
    if !is_large(&items) {
        items.shrink_to_fit();
        return items;
    }
    copied(&items)
}

fn is_large<T>(items: &[T]) -> bool {
    is_large_bytes(std::mem::size_of_val(items))
}

fn is_large_bytes(bytes: usize) -> bool {
    bytes >= MIN_BYTES && cfg!(all(target_os = "linux", target_env = "gnu"))
}

/// A copy of `items` placed as [`vec`] places them.
pub(super) fn copied<T: Copy>(items: &[T]) -> Vec<T> {
    let mut out = with_capacity(items.len());
    out.extend_from_slice(items);
    out
}

/// An empty vector with room for `len` items, placed as [`vec`] places
/// that many: advised for huge pages, before anything is written, when
/// large.
pub(super) fn with_capacity<T>(len: usize) -> Vec<T> {
    let out = Vec::with_capacity(len);
    let bytes = len.saturating_mul(std::mem::size_of::<T>());
    if is_large_bytes(bytes) {
        advise(out.as_ptr() as usize, bytes);
    }
    out
}

/// [`with_capacity`] for a string of `len` bytes.
pub(super) fn string_with_capacity(len: usize) -> String {
    String::from_utf8(with_capacity(len)).expect("no bytes yet")
}

/// [`vec`] for a string.
pub(super) fn string(text: String) -> String {
    String::from_utf8(vec(text.into_bytes())).expect("the bytes of a String")
}

/// [`copied`] for a string.
pub(super) fn string_copied(text: &str) -> String {
    String::from_utf8(copied(text.as_bytes())).expect("the bytes of a str")
}

/// Advises the whole pages inside `start..start + len` for huge pages.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn advise(start: usize, len: usize) {
    const PAGE: usize = 4096;
    let begin = start.next_multiple_of(PAGE);
    let end = (start + len) & !(PAGE - 1);
    if end > begin {
        // SAFETY: the range lies inside an allocation this function's
        // caller owns; MADV_HUGEPAGE only changes how the kernel backs it,
        // never its contents. A failure (no THP support) changes nothing.
        unsafe {
            libc::madvise(begin as *mut libc::c_void, end - begin, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn advise(_start: usize, _len: usize) {}

/// Asks the CPU to start loading the cache line holding `item` (a hint with
/// no effect on results; nothing on other architectures).
#[inline(always)]
pub(super) fn prefetch<T>(item: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and changes no state the program can
    // see, whatever the address.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(item.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_keep_every_item() {
        let big: Vec<u64> = (0..(MIN_BYTES as u64 / 8 + 3)).collect();
        assert_eq!(vec(big.clone()), big);
        let small = vec![1u32, 2, 3];
        assert_eq!(vec(small.clone()), small);
        let text = "kepala dinas ".repeat(MIN_BYTES / 13 + 5);
        assert_eq!(string(text.clone()), text);
    }
}
