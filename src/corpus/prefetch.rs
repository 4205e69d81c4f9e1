//! Asking the kernel for the next files' bytes while the loader parses the
//! current ones. The loader reads on one thread per core, each waiting for
//! its file in turn: with the files not in the page cache, that leaves the
//! disk one or two requests at a time (`rg -c .` on two threads read 100 000
//! cold files in 6.1 s, on sixteen in 1.8 s). A hint per file, given ahead
//! of the loader, keeps many requests in flight without more threads
//! parsing. The hinting thread opens each file for its hint and hands the
//! open file to the loader, so that a file is opened once either way.
//!
//! With the files already in the page cache the hints fetch nothing, and on
//! two cores their thread only takes time from the two parsing: it starts
//! hinting once the loader's reads are seen waiting for the disk.

use super::walk::Entry;
use std::fs::File;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// How many files past the first of the batch being loaded are hinted: the
/// batch itself and the next. Few enough that a small page cache keeps
/// them until they are read (some 16 MB of news text).
pub(super) const AHEAD: usize = 2 * super::load::BATCH;

/// How far the hinting thread runs ahead of the loader.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reach {
    /// Files past the first of the batch being loaded that may be hinted.
    pub(super) ahead: usize,
    /// Files the hinting thread may hold open for the loader at once.
    pub(super) held: usize,
    /// The most bytes hinted of one file: the size cap, past which the
    /// loader reads nothing of it.
    pub(super) bytes: u64,
}

impl Reach {
    /// [`AHEAD`] files, holding at most a quarter of the open files the
    /// process may have (`ulimit -n`; often 1 024 on a desktop), so that
    /// the loader and the rest of warta keep three quarters. `None` when
    /// that leaves too few to be worth a thread. No more than `size_cap`
    /// bytes of a file are hinted.
    pub(super) fn for_this_process(size_cap: u64) -> Option<Reach> {
        let held = (open_file_limit() / 4).min(AHEAD as u64) as usize;
        (held >= 8).then_some(Reach {
            ahead: AHEAD,
            held,
            bytes: size_cap,
        })
    }
}

/// The open files the hints would like to be allowed: four times the most
/// they hold.
const WANTED_OPEN_FILES: u64 = 4 * AHEAD as u64;

/// The soft limit on open files (`RLIMIT_NOFILE`; 256 when unknown),
/// raised the first time up to [`WANTED_OPEN_FILES`] where the hard limit
/// allows: many desktops start programs with a soft limit of 1 024 and a
/// hard one far higher, and at 1 024 the cold read of 100 000 files took
/// 0.82–0.85 s against 0.28–0.30 s.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn open_file_limit() -> u64 {
    static LIMIT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit only writes the struct it is given.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
            return 256;
        }
        let wanted = WANTED_OPEN_FILES.min(limit.rlim_max);
        if limit.rlim_cur < wanted {
            let raised = libc::rlimit {
                rlim_cur: wanted,
                rlim_max: limit.rlim_max,
            };
            // SAFETY: setrlimit only reads the struct; raising the soft
            // limit up to the hard one needs no privilege.
            if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
                return wanted;
            }
        }
        limit.rlim_cur
    })
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn open_file_limit() -> u64 {
    256
}

/// Where the loader is and whether it is done, shared with the hinting
/// thread, and the files that thread opened, by entry.
#[derive(Debug)]
pub(super) struct Progress {
    /// Index of the first file of the batch being loaded.
    reached: AtomicUsize,
    /// Set once the loader needs no more hints (also when it unwinds).
    finished: AtomicBool,
    /// Each entry's file as the hinting thread opened it, until the loader
    /// takes it; `Taken` once the loader has looked.
    opened: Vec<Mutex<Slot>>,
    /// Files in `opened` the loader has not taken yet.
    held: AtomicUsize,
    /// Reads noted since the last window of them closed.
    reads: AtomicUsize,
    /// How many of those were slow.
    slow_reads: AtomicUsize,
    /// Set (for good) once reads were seen waiting for the disk: only then
    /// does the hinting thread start.
    cold: AtomicBool,
}

/// A read that took this long waited for the disk: with the file in the
/// page cache one took under 10 µs here (99 % of 100 000), from disk
/// 30–100 µs and more (99 %).
pub(super) const SLOW_READ: Duration = Duration::from_micros(30);

/// Reads are judged in windows of this many: the files are taken to be on
/// disk once a quarter of a window's reads were slow (a read in the cache
/// is slow now and then when its thread is preempted; 0.5 % of them here).
const READ_WINDOW: usize = 64;

/// An entry's file between the two threads.
#[derive(Debug)]
enum Slot {
    /// Not opened yet.
    Empty,
    /// Opened and hinted, for the loader to read.
    Open(File),
    /// The loader has looked (it opens the file itself if it found none).
    Taken,
}

impl Progress {
    /// Progress over `files` entries, none opened.
    pub(super) fn new(files: usize) -> Progress {
        Progress {
            reached: AtomicUsize::new(0),
            finished: AtomicBool::new(false),
            held: AtomicUsize::new(0),
            opened: (0..files).map(|_| Mutex::new(Slot::Empty)).collect(),
            reads: AtomicUsize::new(0),
            slow_reads: AtomicUsize::new(0),
            cold: AtomicBool::new(false),
        }
    }

    /// Notes that the loader read a file in `took`; a quarter of a window
    /// of [`READ_WINDOW`] reads over [`SLOW_READ`] starts the hints. The
    /// counts are shared by every loader thread without a lock: a read
    /// noted as a window closes may be lost, which a heuristic can spare.
    pub(super) fn note_read(&self, took: Duration) {
        if self.cold.load(Ordering::Relaxed) {
            return;
        }
        let slow = if took >= SLOW_READ {
            self.slow_reads.fetch_add(1, Ordering::Relaxed) + 1
        } else {
            self.slow_reads.load(Ordering::Relaxed)
        };
        if slow * 4 >= READ_WINDOW {
            self.cold.store(true, Ordering::Release);
        } else if self.reads.fetch_add(1, Ordering::Relaxed) + 1 >= READ_WINDOW {
            self.reads.store(0, Ordering::Relaxed);
            self.slow_reads.store(0, Ordering::Relaxed);
        }
    }

    /// True once reads were seen waiting for the disk.
    pub(super) fn reads_wait(&self) -> bool {
        self.cold.load(Ordering::Acquire)
    }

    /// Entry `i`'s file when the hinting thread opened it first.
    pub(super) fn take(&self, i: usize) -> Option<File> {
        let mut slot = self.opened.get(i)?.lock().ok()?;
        match std::mem::replace(&mut *slot, Slot::Taken) {
            Slot::Open(file) => {
                self.held.fetch_sub(1, Ordering::AcqRel);
                Some(file)
            }
            Slot::Empty | Slot::Taken => None,
        }
    }

    /// Hands `file`, entry `i`'s, to the loader unless it has looked
    /// already (the file is then closed).
    fn offer(&self, i: usize, file: File) {
        if let Some(Ok(mut slot)) = self.opened.get(i).map(Mutex::lock) {
            if matches!(*slot, Slot::Empty) {
                *slot = Slot::Open(file);
                self.held.fetch_add(1, Ordering::AcqRel);
            }
        }
    }

    /// Records that the batch starting at file `first` is being loaded.
    pub(super) fn reach(&self, first: usize) {
        self.reached.store(first, Ordering::Release);
    }

    /// Tells the hinting thread to stop.
    pub(super) fn finish(&self) {
        self.finished.store(true, Ordering::Release);
    }
}

/// Stops the hinting thread when dropped, so that a panic in the loader
/// does not leave it waiting (and the scope holding it, forever).
pub(super) struct FinishOnDrop<'a>(pub(super) &'a Progress);

impl Drop for FinishOnDrop<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// True where the hint exists: [`hint_ahead`] does nothing elsewhere, and
/// the loader starts no thread for it.
pub(super) const SUPPORTED: bool = cfg!(all(target_os = "linux", target_env = "gnu"));

/// Hints `entries` in order, each once it is within `reach.ahead` files of
/// the loader's batch and fewer than `reach.held` files wait for the
/// loader, until all are hinted or the loader finishes; nothing until
/// [`Progress::reads_wait`]. Entry `i` is left
/// out when `skip[i]` is true (the loader will not read it; a shorter
/// `skip` leaves out none past its end).
pub(super) fn hint_ahead(entries: &[Entry], skip: &[bool], progress: &Progress, reach: Reach) {
    for (i, entry) in entries.iter().enumerate() {
        if skip.get(i).copied().unwrap_or(false) {
            continue;
        }
        loop {
            if progress.finished.load(Ordering::Acquire) {
                return;
            }
            let near = i < progress.reached.load(Ordering::Acquire) + reach.ahead;
            if near && progress.held.load(Ordering::Acquire) < reach.held && progress.reads_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        if let Some(file) = will_need(&entry.path, reach.bytes) {
            progress.offer(i, file);
        }
    }
}

/// Opens `path` and starts reading its first `bytes` into the page cache
/// without waiting for them. A file that cannot be opened is left to the
/// loader, which reports it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn will_need(path: &std::path::Path, bytes: u64) -> Option<File> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    // non-blocking: a file swapped for a pipe since the walk must not
    // hold this thread (for a regular file the flag changes nothing)
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path);
    let file = file.ok()?;
    // (a length of 0 would mean the whole file)
    let len = libc::off_t::try_from(bytes.max(1)).unwrap_or(libc::off_t::MAX);
    // SAFETY: the descriptor is open for the call; the advice only starts
    // reads into the page cache.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), 0, len, libc::POSIX_FADV_WILLNEED);
    }
    Some(file)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn will_need(_path: &std::path::Path, _bytes: u64) -> Option<File> {
    None
}

#[cfg(test)]
mod tests {
    use super::super::walk::Format;
    use super::*;
    use std::io::Read;

    fn entries(dir: &std::path::Path, n: usize) -> Vec<Entry> {
        (0..n)
            .map(|i| {
                let path = dir.join(format!("{i}.txt"));
                std::fs::write(&path, format!("Berita {i}\n\nIsi.\n")).unwrap();
                Entry {
                    path,
                    id: i.to_string(),
                    format: Format::Text,
                }
            })
            .collect()
    }

    /// `count()` once it reaches `n` (or after 2 s) and 20 ms more have
    /// passed, for the hinting thread to go past it if it would.
    fn settled(count: impl Fn() -> usize, n: usize) -> usize {
        for _ in 0..2000 {
            if count() >= n {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(20));
        count()
    }

    #[test]
    fn an_offered_file_goes_to_the_loader_once_and_a_late_one_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let list = entries(dir.path(), 2);
        let progress = Progress::new(2);
        progress.offer(0, File::open(&list[0].path).unwrap());
        let mut text = String::new();
        let mut file = progress.take(0).expect("the offered file");
        file.read_to_string(&mut text).unwrap();
        assert_eq!(text, "Berita 0\n\nIsi.\n");
        assert!(progress.take(0).is_none(), "taken twice");
        // the loader looked first: a file offered after is not kept
        assert!(progress.take(1).is_none());
        progress.offer(1, File::open(&list[1].path).unwrap());
        assert!(progress.take(1).is_none());
        assert!(progress.take(2).is_none(), "past the entries");
    }

    /// How many files wait open in `progress`'s slots.
    fn open_files(progress: &Progress) -> usize {
        progress
            .opened
            .iter()
            .filter(|slot| matches!(*slot.lock().unwrap(), Slot::Open(_)))
            .count()
    }

    /// Runs the hinting thread over ten files with `ahead` and `held`, calls
    /// `check` beside it (where hints exist), then finishes the load and
    /// gives the progress back.
    fn hinting(
        ahead: usize,
        held: usize,
        skip: &[bool],
        check: impl FnOnce(&Progress),
    ) -> Progress {
        let dir = tempfile::tempdir().unwrap();
        let list = entries(dir.path(), 10);
        let progress = Progress::new(list.len());
        note_reads(&progress, READ_WINDOW / 4, SLOW_READ);
        assert!(progress.reads_wait());
        let reach = Reach {
            ahead,
            held,
            bytes: 1 << 20,
        };
        std::thread::scope(|scope| {
            let hinter = scope.spawn(|| hint_ahead(&list, skip, &progress, reach));
            if SUPPORTED {
                check(&progress);
            }
            progress.finish();
            hinter.join().unwrap();
        });
        progress
    }

    fn note_reads(progress: &Progress, n: usize, took: Duration) {
        for _ in 0..n {
            progress.note_read(took);
        }
    }

    #[test]
    fn reads_wait_once_a_quarter_of_a_window_of_them_were_slow() {
        let fast = Duration::from_micros(4);
        let progress = Progress::new(0);
        // one slow read in eight, window after window: a preempted thread
        for _ in 0..1000 {
            note_reads(&progress, 7, fast);
            note_reads(&progress, 1, SLOW_READ);
        }
        assert!(!progress.reads_wait());
        note_reads(&progress, READ_WINDOW / 4 - 1, Duration::from_millis(2));
        assert!(!progress.reads_wait(), "one slow read short of a quarter");
        note_reads(&progress, 1, SLOW_READ);
        assert!(progress.reads_wait());
        note_reads(&progress, 10 * READ_WINDOW, fast);
        assert!(progress.reads_wait(), "for good");
    }

    #[test]
    fn nothing_is_hinted_while_the_reads_find_their_files_in_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let list = entries(dir.path(), 10);
        let progress = Progress::new(list.len());
        let reach = Reach {
            ahead: 10,
            held: 10,
            bytes: 1 << 20,
        };
        std::thread::scope(|scope| {
            let hinter = scope.spawn(|| hint_ahead(&list, &[], &progress, reach));
            note_reads(&progress, 3 * READ_WINDOW, Duration::from_micros(4));
            let opened = || open_files(&progress);
            // (the thread hints ten files in well under a millisecond)
            std::thread::sleep(Duration::from_millis(50));
            assert_eq!(opened(), 0, "hinted with every read fast");
            note_reads(&progress, READ_WINDOW / 4, Duration::from_millis(1));
            if SUPPORTED {
                assert_eq!(settled(opened, 10), 10, "once reads waited");
            }
            progress.finish();
            hinter.join().unwrap();
        });
    }

    #[test]
    fn hints_stay_within_reach_of_the_loader_and_stop_when_it_finishes() {
        let progress = hinting(4, 10, &[], |progress| {
            let opened = || open_files(progress);
            assert_eq!(settled(opened, 4), 4, "only files 0 to 3 while at 0");
            progress.reach(4);
            assert_eq!(settled(opened, 8), 8);
            assert!(progress.take(7).is_some());
        });
        // files 8 and 9 were never in reach
        assert!(progress.take(8).is_none() && progress.take(9).is_none());
    }

    #[test]
    fn no_more_files_are_held_open_than_the_reach_allows() {
        hinting(10, 3, &[], |progress| {
            let held = || progress.held.load(Ordering::Acquire);
            assert_eq!(settled(held, 3), 3);
            assert!(progress.take(3).is_none(), "file 3 opened past the limit");
            // the loader took file 3 itself; taking file 0 frees one
            assert!(progress.take(0).is_some());
            assert_eq!(settled(held, 3), 3);
            assert!(progress.take(4).is_some(), "the next file in reach");
        });
    }

    #[test]
    fn files_the_loader_will_not_read_are_not_hinted() {
        let skip = [false, true, true, false, true];
        let progress = hinting(10, 10, &skip, |progress| {
            let opened = || open_files(progress);
            assert_eq!(settled(opened, 7), 7, "ten files but the three skipped");
        });
        if SUPPORTED {
            for (i, skipped) in skip.iter().chain([false; 5].iter()).enumerate() {
                assert_eq!(progress.take(i).is_none(), *skipped, "file {i}");
            }
        }
    }

    #[test]
    fn the_reach_leaves_most_open_files_to_the_loader() {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        {
            let limit = open_file_limit();
            let mut now = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // SAFETY: getrlimit only writes the struct it is given.
            assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut now) }, 0);
            assert_eq!(now.rlim_cur, limit, "the limit in force");
            assert!(
                limit >= WANTED_OPEN_FILES.min(now.rlim_max),
                "raised: {limit}"
            );
        }
        if let Some(reach) = Reach::for_this_process(1 << 20) {
            assert!(reach.held as u64 <= open_file_limit() / 4);
            assert!(reach.held <= AHEAD && reach.held >= 8);
        } else {
            assert!(open_file_limit() < 32);
        }
    }
}
