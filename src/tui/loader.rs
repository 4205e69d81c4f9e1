//! Loading off the UI thread: the first build of the library (with
//! previews while files load, and progress counters), then a watch on the
//! opened folders that builds it again when their files change.

use crate::app::{Action, Library, LoadProgress, Pace};
use crate::cli::{CorpusArgs, SnapshotPlace};
use crate::corpus::{Article, FileStamps, LoadStats};
use crate::store::ArticleKey;
use crate::watch::Fingerprints;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;

/// Time between checks of the opened folders for changes.
const WATCH: Duration = Duration::from_millis(400);

/// A corpus built off the UI thread: the library and its articles' state keys.
pub(super) struct Built {
    pub(super) lib: Arc<Library>,
    pub(super) keys: Vec<ArticleKey>,
}

/// Makes `lib`'s title order on a thread of its own, on `pool` (the search
/// pool) when there is one: while entities are extracted the global pool
/// is busy, and the order's parallel folding would wait for the extraction.
pub(super) fn order_titles_aside(
    lib: Arc<Library>,
    pool: Option<Arc<rayon::ThreadPool>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let order = || {
            lib.title_order();
        };
        match pool {
            Some(pool) => pool.install(order),
            None => order(),
        }
    })
}

/// Previews are sent while files load until they would hold more articles
/// than this; each holds at least four times the articles of the last.
const PREVIEW_MAX: usize = 16_384;

/// Builds the library of a corpus and hashes its articles on a blocking thread,
/// counting progress in `stats`; `indexing` is set once every file is parsed.
/// With `early`, previews of the first articles are sent there while files
/// load, and a library without entities as soon as every article is
/// parsed, so the list is usable while the rest loads and extraction runs.
/// Entities come through the entity cache at `cache`, when there is one.
/// A current library snapshot at `snapshot` is read instead of all that;
/// otherwise a new snapshot is written there once the library is built.
async fn build(
    args: CorpusArgs,
    cache: Option<PathBuf>,
    snapshot: Option<SnapshotPlace>,
    stats: Arc<LoadStats>,
    indexing: Arc<AtomicBool>,
    early: Option<UnboundedSender<Built>>,
) -> Result<Built, String> {
    tokio::task::spawn_blocking(move || {
        if let Some(lib) = snapshot.as_ref().and_then(SnapshotPlace::read) {
            let keys = crate::store::keys(lib.articles());
            return Built {
                lib: Arc::new(lib),
                keys,
            };
        }
        let mut next_preview = 1;
        let mut preview = |articles: &[Article]| {
            let Some(tx) = &early else { return };
            let loading = stats.files_done.load(Ordering::Relaxed)
                < stats.files_total.load(Ordering::Relaxed);
            if loading && articles.len() >= next_preview && articles.len() <= PREVIEW_MAX {
                next_preview = articles.len() * 4;
                let _ = tx.send(Built {
                    lib: Arc::new(Library::preview(articles)),
                    keys: crate::store::keys(articles),
                });
            }
        };
        let reuse = snapshot.as_ref().and_then(SnapshotPlace::reusable);
        let (corpus, known) =
            crate::cli::read_corpus_reusing(&args, &stats, &mut preview, snapshot.as_ref(), reuse);
        let corpus = Arc::new(corpus);
        indexing.store(true, Ordering::Relaxed);
        let keys = crate::store::keys(&corpus.articles);
        if let Some(tx) = early {
            let _ = tx.send(Built {
                lib: Arc::new(Library::unindexed(corpus.clone())),
                keys: keys.clone(),
            });
        }
        let (packed, _, cache_write) = crate::store::entity_cache::extract_known(
            &corpus.articles,
            known,
            cache.as_deref(),
            &stats.entities_done,
        );
        stats.linking.store(true, Ordering::Relaxed);
        let (entities, figures) = crate::entities::resolve_packed_beside(packed, |packed| {
            crate::app::figure_documents(&corpus.articles, packed)
        });
        stats.search_indexing.store(true, Ordering::Relaxed);
        let lib = Library::with_figure_documents(corpus, entities, false, Some(figures));
        let lib = Arc::new(lib);
        crate::cli::save_in_background(lib.clone(), snapshot, cache_write);
        Built { lib, keys }
    })
    .await
    .map_err(|e| e.to_string())
}

/// Sends a [`LoadProgress`] snapshot every 100 ms until aborted.
fn spawn_progress(
    stats: Arc<LoadStats>,
    indexing: Arc<AtomicBool>,
    tx: UnboundedSender<Action>,
) -> tokio::task::JoinHandle<()> {
    let started = std::time::Instant::now();
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_millis(100));
        let mut pace = PaceWindow::default();
        let mut clock = StepClock::default();
        loop {
            interval.tick().await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let files_total = stats.files_total.load(Ordering::Relaxed);
            let indexing = indexing.load(Ordering::Relaxed);
            let files_done = stats.files_done.load(Ordering::Relaxed);
            let entities_done = stats.entities_done.load(Ordering::Relaxed);
            let linking = stats.linking.load(Ordering::Relaxed);
            let search_indexing = stats.search_indexing.load(Ordering::Relaxed);
            let step = match (files_total > 0, indexing, linking) {
                (_, true, false) => Some((Step::FindingEntities, entities_done)),
                (true, false, _) => Some((Step::Reading, files_done)),
                _ => None,
            };
            let progress = LoadProgress {
                files_found: stats.files_found.load(Ordering::Relaxed),
                files_done,
                files_total,
                bytes: stats.bytes_done.load(Ordering::Relaxed),
                articles: stats.articles_done.load(Ordering::Relaxed),
                elapsed_ms,
                indexing,
                entities_done,
                linking,
                search_indexing,
                step_ms: clock.observe((linking, search_indexing), elapsed_ms),
                pace: pace.observe(step, elapsed_ms),
            };
            if tx.send(Action::LoadProgress(progress)).is_err() {
                return;
            }
        }
    })
}

/// The loading steps whose pace is shown as a time left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Files read and parsed.
    Reading,
    /// Articles whose entities are found.
    FindingEntities,
}

/// How long [`PaceWindow`] looks back at least: long enough to smooth the
/// ticks, short enough to follow a pace that changes (reading speeds up
/// once the walk is done and the first files are in).
const PACE_WINDOW_MS: u64 = 3000;

/// The share of the step's running time [`PaceWindow`] looks back when
/// that is longer than [`PACE_WINDOW_MS`], as a divisor: over a minute of
/// finding entities (a million articles) a three-second pace swung the
/// time left between 26 and 57 s; a quarter of the time so far smooths
/// that and still follows a change within it.
const PACE_WINDOW_SHARE: u64 = 4;

/// The progress ticks of the running step over its window (the longer of
/// [`PACE_WINDOW_MS`] and a [`PACE_WINDOW_SHARE`] of its running time), as
/// `(elapsed_ms, items done)`.
#[derive(Debug, Default)]
struct PaceWindow {
    step: Option<Step>,
    ticks: std::collections::VecDeque<(u64, u64)>,
    /// When the step got going (its first tick with items done after it).
    since_ms: u64,
}

impl PaceWindow {
    /// Takes in a tick of `step` (with its items done so far), or of no
    /// step with a pace, and gives the pace over the window. A new step
    /// starts a new window.
    fn observe(&mut self, step: Option<(Step, u64)>, elapsed_ms: u64) -> Pace {
        if step.map(|(s, _)| s) != self.step {
            self.step = step.map(|(s, _)| s);
            self.ticks.clear();
        }
        let Some((_, done)) = step else {
            return Pace::default();
        };
        // Until the step does something, its window starts at its latest
        // tick: the time before the first item (the entities' step begins
        // by ordering the whole list for the reader and reading the entity
        // cache) is not its pace.
        if self.ticks.front().is_none_or(|&(_, first)| first == done) {
            self.ticks.clear();
            self.since_ms = elapsed_ms;
        }
        self.ticks.push_back((elapsed_ms, done));
        let window = PACE_WINDOW_MS.max((elapsed_ms - self.since_ms) / PACE_WINDOW_SHARE);
        while self
            .ticks
            .front()
            .is_some_and(|&(at, _)| at + window < elapsed_ms)
        {
            self.ticks.pop_front();
        }
        let (first_at, first_done) = self.ticks.front().copied().unwrap_or((elapsed_ms, done));
        Pace {
            items: done.saturating_sub(first_done),
            ms: elapsed_ms - first_at,
        }
    }
}

/// How long the running half of linking (officials, then the search
/// indices) has taken: neither has a count to go by, so the reader shows
/// that time instead of a time left.
#[derive(Debug, Default)]
struct StepClock {
    /// The halves seen last, as `(linking, search_indexing)`, and when they began.
    step: (bool, bool),
    since_ms: u64,
}

impl StepClock {
    /// Takes in the halves running at `elapsed_ms` and gives how long they
    /// have run; 0 outside linking.
    fn observe(&mut self, step: (bool, bool), elapsed_ms: u64) -> u64 {
        if step != self.step {
            self.step = step;
            self.since_ms = elapsed_ms;
        }
        if step.0 {
            elapsed_ms - self.since_ms
        } else {
            0
        }
    }
}

/// Fingerprints the opened folders and stamps their files, on a blocking
/// thread (before a build: the stamps tell which files an earlier
/// snapshot still holds), counting the article files in `stats` as it goes.
async fn fingerprint_with_stamps(
    paths: Vec<PathBuf>,
    stats: Arc<LoadStats>,
) -> Option<(Fingerprints, Arc<FileStamps>)> {
    tokio::task::spawn_blocking(move || {
        let (prints, stamps) =
            crate::watch::fingerprints_with_stamps_counted(&paths, &stats.files_found);
        (prints, Arc::new(stamps))
    })
    .await
    .ok()
}

/// Where the library snapshot of `args` goes, for files with these
/// fingerprints and stamps; none when snapshots are off.
fn snapshot_place(
    args: &CorpusArgs,
    snapshot: bool,
    files: Option<(Fingerprints, Arc<FileStamps>)>,
) -> Option<SnapshotPlace> {
    let (prints, stamps) = files?;
    snapshot.then(|| SnapshotPlace::new(args, prints.all, stamps))?
}

/// Builds the corpus, then watches the opened folders (never the bundled
/// seeds) and sends a freshly built library whenever their files change.
/// The first fingerprint is taken before the first build, so a change made
/// while loading is not missed; with `snapshot`, its full form keys the
/// library snapshot each build reads or writes.
pub(super) fn spawn_loader(
    args: CorpusArgs,
    cache: Option<PathBuf>,
    snapshot: bool,
    tx: UnboundedSender<Built>,
    errors: UnboundedSender<Action>,
) {
    tokio::spawn(async move {
        let watched = !args.paths.is_empty();
        let paths = args.paths.clone();
        // Progress is shown from the start: the walk before the build
        // counts the files it finds.
        let stats = Arc::new(LoadStats::default());
        let indexing = Arc::new(AtomicBool::new(false));
        let progress = spawn_progress(stats.clone(), indexing.clone(), errors.clone());
        let files = if watched {
            fingerprint_with_stamps(paths.clone(), stats.clone()).await
        } else {
            None
        };
        let seen = files.as_ref().map_or(0, |(f, _)| f.corpus);
        let first = build(
            args.clone(),
            cache.clone(),
            snapshot_place(&args, snapshot, files),
            stats,
            indexing,
            Some(tx.clone()),
        )
        .await;
        progress.abort();
        match first {
            Ok(b) => {
                if tx.send(b).is_err() {
                    return;
                }
            }
            Err(e) => {
                let _ = errors.send(Action::LoadFailed(e));
                return;
            }
        }
        if !watched {
            return;
        }
        let (changes, mut changed) = tokio::sync::mpsc::channel(1);
        if let Err(e) = crate::watch::spawn_watcher(paths.clone(), seen, WATCH, changes) {
            let _ = errors.send(Action::Notice(format!(
                "not watching the folders for changes: {e}"
            )));
            return;
        }
        while changed.recv().await.is_some() {
            // stamped in a walk of its own: the key must come with them
            let files = fingerprint_with_stamps(paths.clone(), Arc::default()).await;
            let Ok(built) = build(
                args.clone(),
                cache.clone(),
                snapshot_place(&args, snapshot, files),
                Arc::default(),
                Arc::default(),
                None,
            )
            .await
            else {
                return;
            };
            if tx.send(built).is_err() {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{mpsc, Mutex};

    #[test]
    fn the_pace_is_the_running_steps_over_its_last_seconds() {
        let mut window = PaceWindow::default();
        let pace = |items, ms| Pace { items, ms };
        // The walk has no pace.
        assert_eq!(window.observe(None, 100), pace(0, 0));
        // Reading: counted from its last tick before it got going.
        assert_eq!(window.observe(Some((Step::Reading, 10)), 100), pace(0, 0));
        assert_eq!(window.observe(Some((Step::Reading, 10)), 200), pace(0, 0));
        assert_eq!(
            window.observe(Some((Step::Reading, 110)), 1200),
            pace(100, 1000)
        );
        assert_eq!(
            window.observe(Some((Step::Reading, 410)), 3200),
            pace(400, 3000)
        );
        // Past the window the first ticks are forgotten.
        assert_eq!(
            window.observe(Some((Step::Reading, 1410)), 4200),
            pace(1300, 3000)
        );
        // A new step starts afresh, from its own count.
        let finding = |done| Some((Step::FindingEntities, done));
        assert_eq!(window.observe(finding(50), 4300), pace(0, 0));
        assert_eq!(window.observe(finding(50), 4800), pace(0, 0));
        assert_eq!(window.observe(finding(250), 5800), pace(200, 1000));
        // Linking has none.
        assert_eq!(window.observe(None, 5900), pace(0, 0));
    }

    #[test]
    fn a_long_step_is_paced_over_a_quarter_of_its_time() {
        let mut window = PaceWindow::default();
        let finding = |done| Some((Step::FindingEntities, done));
        // Going from 1 s on, 1 000 items a second, ticks every 100 ms.
        window.observe(finding(0), 1000);
        let mut pace = Pace::default();
        for tick in 1..=400u64 {
            pace = window.observe(finding(tick * 100), 1000 + tick * 100);
        }
        // 40 s in: the last 10 s.
        assert_eq!(
            pace,
            Pace {
                items: 10_000,
                ms: 10_000
            }
        );
        // A stall of two seconds then shows as a slower pace over those
        // 10 s, not as a halt (a 3 s window would be 1 000 items in 3 s).
        let pace = window.observe(finding(40_000), 43_000);
        assert_eq!(
            pace,
            Pace {
                items: 8_500,
                ms: 10_500
            }
        );
    }

    #[test]
    fn each_half_of_linking_is_timed_from_its_own_start() {
        let mut clock = StepClock::default();
        // Reading and finding entities are not timed here.
        assert_eq!(clock.observe((false, false), 100), 0);
        assert_eq!(clock.observe((false, false), 5000), 0);
        // Linking officials from 5 100 ms on.
        assert_eq!(clock.observe((true, false), 5100), 0);
        assert_eq!(clock.observe((true, false), 7300), 2200);
        // The search indices from 7 400 ms on.
        assert_eq!(clock.observe((true, true), 7400), 0);
        assert_eq!(clock.observe((true, true), 8400), 1000);
    }

    #[test]
    fn the_title_order_is_made_while_the_global_pool_is_busy() {
        let lib = Arc::new(Library::unindexed(Arc::new(crate::corpus::load_seeds())));
        // Every thread of the global pool waits until the end of the test,
        // as they are all busy extracting during a load.
        let (release, wait) = mpsc::channel::<()>();
        let wait = Arc::new(Mutex::new(wait));
        let busy = rayon::current_num_threads();
        let (started_tx, started) = mpsc::channel();
        for _ in 0..busy {
            let (wait, started_tx) = (wait.clone(), started_tx.clone());
            rayon::spawn(move || {
                let _ = started_tx.send(());
                let _ = wait.lock().map(|w| w.recv_timeout(Duration::from_secs(60)));
            });
        }
        for _ in 0..busy {
            started.recv().unwrap();
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let (done_tx, done) = mpsc::channel();
        let handle = order_titles_aside(lib.clone(), Some(Arc::new(pool)));
        std::thread::spawn(move || {
            let _ = handle.join();
            let _ = done_tx.send(());
        });
        let made = done.recv_timeout(Duration::from_secs(20));
        drop(release);
        assert!(made.is_ok(), "the title order waited for the global pool");
        let mut all: Vec<usize> = (0..lib.articles().len()).collect();
        lib.title_order().sort(&mut all);
        let titles: Vec<String> = all
            .iter()
            .map(|&i| crate::search::fold(&lib.articles()[i].title))
            .collect();
        assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    }
}
