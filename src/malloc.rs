//! glibc's malloc settings, by phase. Loading builds a long-lived corpus
//! out of many small allocations; filtering builds answers of many
//! megabytes on every keystroke and drops the last one's. The two want
//! different mmap thresholds, so the threshold changes once the first
//! library is built. Elsewhere (other platforms, other C libraries) these
//! do nothing.

/// The mmap threshold while loading: fixed at 64 KiB. By default it rises
/// to the largest block freed, after which big buffers stay in the heap
/// when freed (peak RSS at 100 000 articles 584 MB without, 565 MB with,
/// when this was set).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const LOADING_MMAP_THRESHOLD: i32 = 64 * 1024;

/// The mmap threshold once a library is built: 32 MiB, the most glibc
/// allows. Below it an answer's vectors come from the heap and reuse the
/// space the last answer freed; at 64 KiB each was mapped afresh, faulted
/// in page by page and unmapped, a fifth of the filter's perf samples at
/// 917 381 corpus rows.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const FILTERING_MMAP_THRESHOLD: i32 = 32 * 1024 * 1024;

/// Sets malloc up for loading: one arena per core rather than eight
/// (memory a loader thread's arena freed stayed there, out of reach of the
/// others) and a 64 KiB mmap threshold. Call first thing in `main`,
/// before other threads exist.
pub fn tune_for_loading() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = i32::try_from(cores.max(2)).unwrap_or(i32::MAX);
        // SAFETY: mallopt only changes allocator parameters, under the
        // allocator's own lock.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
            libc::mallopt(libc::M_MMAP_THRESHOLD, LOADING_MMAP_THRESHOLD);
        }
    }
}

/// Sets malloc up for filtering: a 32 MiB mmap threshold. Call once a
/// library is built (the reader, `warta bench`); later loads (a changed
/// folder) run with it too.
pub fn tune_for_filtering() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: as in `tune_for_loading`; mallopt may be called from any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, FILTERING_MMAP_THRESHOLD);
    }
}
