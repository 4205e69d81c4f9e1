//! glibc's malloc settings. Elsewhere (other platforms, other C libraries)
//! [`tune`] does nothing.

/// Sets malloc up for a long-lived corpus of small allocations: one arena
/// per core rather than eight (memory a loader thread's arena freed stayed
/// there, out of reach of the others) and a fixed 64 KiB mmap threshold
/// (by default it rises to the largest block freed, after which big
/// buffers stay in the heap when freed; peak RSS at 100 000 articles 584 MB
/// without, 565 MB with, when this was set). Call first thing in `main`,
/// before other threads exist.
///
/// The threshold also sends each keystroke's big answer vectors to fresh
/// mappings, faulted in and unmapped again. Raising it to 32 MiB once the
/// library was built made the sidebar's corpus scope a third faster at
/// 100 000 articles, but the freed answers then stayed in the heap: after
/// typing into the corpus scope in the reader, peak RSS was 520–561 MB
/// (1.49–1.61× the corpus) against 486 MB (1.40×), past the 1.5× goal, so
/// it was taken back out.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = i32::try_from(cores.max(2)).unwrap_or(i32::MAX);
        // SAFETY: mallopt only changes allocator parameters, under the
        // allocator's own lock.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
            libc::mallopt(libc::M_MMAP_THRESHOLD, 64 * 1024);
        }
    }
}
