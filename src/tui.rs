//! Terminal IO, kept in this one module: set-up and restore (on quit, panic,
//! Ctrl-C, SIGTERM and SIGHUP), and the event loop that feeds terminal
//! events and background results through `update` and redraws on a frame
//! tick when something changed.

use crate::app::keymap::map_event;
use crate::app::search::{self, SearchRequest, SearchTarget};
use crate::app::{update, Action, State, TICKS_PER_SECOND};
use crate::cli::{CorpusArgs, Settings};
use crate::search::FuzzyScorer;
use crate::store::{ArticleKey, Remembered, StateFile, StateStore};
use crate::ui::strings::{trf, S};
use crate::ui::{self};
use anyhow::{Context, Result};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::collections::HashMap;
use std::io::{stdout, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

/// Time between frames: state changes within one tick share one redraw.
const FRAME: Duration = Duration::from_millis(16);

/// Panic messages from background threads, printed once the terminal is restored.
static BACKGROUND_PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Runs the reader until the user quits; the terminal is restored whatever happens.
pub fn run(args: CorpusArgs, mut settings: Settings) -> Result<()> {
    // Loading (reading, extraction, linking, snapshots) runs on the global
    // pool at the lowest CPU priority: a keystroke's search (on the search
    // pool of its own), the open article's entities and drawing come first,
    // and with nothing else to run the load goes as fast as before. (If the
    // pool was already started, it stays as it is.)
    let _ = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("warta-load-{i}"))
        .start_handler(|_| crate::watch::lower_priority())
        .build_global();
    let args = settings.complete(&args);
    let store = settings.open_state(&args);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let notices = settings.notices.clone();
    let result = runtime.block_on(event_loop(args, &settings, store));
    restore();
    // Quitting while articles load or officials are extracted must not wait
    // for that work (dropping the runtime would join its blocking tasks):
    // nothing it produces is needed any more, and state was saved by the loop.
    runtime.shutdown_background();
    // A library loaded from its files is being written as a snapshot: let
    // it finish, or the next open would load from the files again.
    if crate::cli::background_writes_running() {
        note("warta: saving the library snapshot and entity cache for the next open…");
    }
    crate::cli::finish_background_writes();
    for n in notices {
        note(&format!("warta: {n}"));
    }
    for message in BACKGROUND_PANICS
        .lock()
        .map(|m| m.clone())
        .unwrap_or_default()
    {
        note(&format!("warta: background task failed: {message}"));
    }
    let problems = result?;
    for p in problems {
        note(&format!("warta: {p}"));
    }
    Ok(())
}

/// Prints a line on stderr after the reader; unlike `eprintln!`, without
/// panicking when the terminal has gone away meanwhile.
fn note(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Puts the terminal back: cooked mode, main screen, no mouse capture, no
/// bracketed paste, cursor shown.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restores the terminal before a panic on the main thread is reported. A
/// panic on a background thread leaves the screen alone; its message is kept
/// for after exit.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some("main") {
                restore();
                previous(info);
            } else if let Ok(mut list) = BACKGROUND_PANICS.lock() {
                list.push(info.to_string());
            }
        }));
    });
}

fn setup() -> Result<Terminal<CrosstermBackend<Stdout>>> {
    install_panic_hook();
    take_terminal()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    terminal.clear()?;
    Ok(terminal)
}

/// Stops the process as a shell job (SIGTSTP), with the terminal put back
/// as the shell expects it; once resumed (`fg`), sets it up again and
/// clears it, so the next frame draws whole. Under no job control the stop
/// signal is discarded and the screen comes straight back.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> Result<()> {
    restore();
    // SAFETY: raise only sends a signal to this process.
    unsafe { libc::raise(libc::SIGTSTP) };
    take_terminal()?;
    terminal.clear()?;
    Ok(())
}

/// The opposite of [`restore`]: raw mode, alternate screen, mouse capture,
/// bracketed paste, cursor hidden.
fn take_terminal() -> Result<()> {
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    Ok(())
}

/// Runs searches on blocking threads; a newer request for the same list
/// cancels the older one through its flag. Searches use a thread pool of
/// their own: on rayon's global pool they would queue behind entity
/// extraction while a corpus loads, and a filter would wait seconds.
struct Searcher {
    cancel: HashMap<SearchTarget, Arc<AtomicBool>>,
    scorer: Arc<FuzzyScorer>,
    tx: UnboundedSender<Action>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl Searcher {
    fn start(&mut self, request: SearchRequest) {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(old) = self.cancel.insert(request.target, flag.clone()) {
            old.store(true, Ordering::Relaxed);
        }
        let scorer = self.scorer.clone();
        let tx = self.tx.clone();
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let run = || search::run(&request, &scorer, &flag);
            let result = match &pool {
                Some(pool) => pool.install(run),
                None => run(),
            };
            if let Some(result) = result {
                let _ = tx.send(Action::SearchDone(result));
            }
        });
    }
}

mod input;
mod loader;

use loader::{spawn_loader, Built};

/// Time between [`Action::Tick`]s.
const TICK: Duration = Duration::from_millis(1000 / TICKS_PER_SECOND as u64);

/// Saves marks and position when they changed since the last save.
fn save(
    state: &mut State,
    keys: &[ArticleKey],
    store: &mut Option<StateStore>,
    last: &mut Remembered,
) {
    let Some(s) = store.as_mut() else {
        return;
    };
    let now = state.remembered();
    if now == *last {
        return;
    }
    match s.save(keys, &now) {
        Ok(()) => *last = now,
        Err(e) => {
            update(state, Action::Notice(trf(state.lang, S::SaveFailed, &[&e])));
            *store = None; // tell once; the marks stay in memory
        }
    }
}

/// A terminal read or write error as the reader's failure, unless the
/// terminal has gone away: that is a hang-up, and ends the reader cleanly.
fn unless_gone(e: std::io::Error, what: &'static str) -> Option<anyhow::Error> {
    (!input::terminal_gone()).then(|| anyhow::Error::new(e).context(what))
}

/// Applies a built library. The first one gets the marks and position of
/// `state.json`; later ones (the watcher's) carry the current ones over by
/// article id and content hash.
fn apply(
    state: &mut State,
    keys: &mut Vec<ArticleKey>,
    first: Option<&StateFile>,
    built: Built,
    pool: Option<&Arc<rayon::ThreadPool>>,
) {
    let remembered = match first {
        Some(saved) => saved.resolve(&built.keys),
        None => {
            let mut carried = StateFile::default();
            carried.record(keys, &state.remembered(), 0);
            carried.resolve(&built.keys)
        }
    };
    *keys = built.keys;
    // The title order is made on a thread of its own now rather than on
    // this one at the first sort by title (~40 ms at 100 000 articles); a
    // sort that comes first waits for it. It is made on the search pool:
    // while entities are extracted the global pool is busy, and a sort by
    // title in the list shown meanwhile waited for the extraction (4.4–5 s
    // at 300 000 articles).
    loader::order_titles_aside(built.lib.clone(), pool.cloned());
    update(state, Action::Loaded(built.lib));
    update(state, Action::Restore(remembered));
}

/// The loop; returns the load problems to print after the terminal is restored.
async fn event_loop(
    args: CorpusArgs,
    settings: &Settings,
    mut store: Option<StateStore>,
) -> Result<Vec<String>> {
    let mut terminal = setup()?;
    let size = terminal.size()?;
    let mut state = State::new(settings.lang, (size.width, size.height));
    state.theme = settings.theme;
    state.keymap = Arc::new(settings.config.keymap.clone());
    if !settings.notices.is_empty() {
        state.notice = Some(settings.notices.join(" · "));
    }
    let (tx, mut rx) = unbounded_channel::<Action>();
    let (built_tx, mut built) = unbounded_channel::<Built>();
    spawn_loader(
        args.clone(),
        settings.entity_cache(&args),
        settings.library_snapshot(),
        built_tx,
        tx.clone(),
    );
    let mut searcher = Searcher {
        cancel: HashMap::new(),
        scorer: Arc::new(FuzzyScorer::default()),
        tx,
        // Without a pool of its own (it could not start), the global one serves.
        pool: rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("warta-search-{i}"))
            .build()
            .ok()
            .map(Arc::new),
    };
    let mut events = input::spawn_reader().context("cannot start reading the terminal")?;
    let mut frame = tokio::time::interval(FRAME);
    frame.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut ticks: u32 = 0;
    let mut term = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut dirty = true;
    // nothing is saved before the remembered state was applied
    let mut restored = false;
    // what the last preview showed once the saved state was applied to it
    let mut shown: Option<Remembered> = None;
    let mut keys: Vec<ArticleKey> = Vec::new();
    let mut last_saved = Remembered::default();
    // Why the loop ended, when not asked to: every way out goes through
    // the saving and the terminal check after it.
    let mut failure: Option<anyhow::Error> = None;
    while !state.quit {
        tokio::select! {
            event = events.recv() => match event {
                Some(Ok(event)) => {
                    if let Some(action) = map_event(&state, &event) {
                        update(&mut state, action);
                        dirty = true;
                    }
                    if std::mem::take(&mut state.suspend) {
                        // a stopped job may never be resumed
                        if restored {
                            save(&mut state, &keys, &mut store, &mut last_saved);
                        }
                        if let Err(e) = suspend(&mut terminal) {
                            failure = Some(e);
                            break;
                        }
                    }
                }
                Some(Err(e)) => {
                    failure = unless_gone(e, "cannot read terminal events");
                    break;
                }
                None => break,
            },
            Some(action) = rx.recv() => {
                update(&mut state, action);
                dirty = true;
            }
            Some(b) = built.recv() => {
                // Until the whole corpus is in, the saved state is applied to
                // each library, with what the user changed in a preview.
                let saved = (!restored).then(|| {
                    let file = store.as_ref().map(|s| s.file.clone()).unwrap_or_default();
                    match &shown {
                        Some(then) => {
                            let now = state.remembered();
                            let moved = (now.article, now.scroll, &now.filter)
                                != (then.article, then.scroll, &then.filter);
                            file.with_preview_changes(&keys, &now, moved)
                        }
                        None => file,
                    }
                });
                let preview = b.lib.preview;
                apply(&mut state, &mut keys, saved.as_ref(), b, searcher.pool.as_ref());
                if preview {
                    shown = Some(state.remembered());
                } else if !restored {
                    last_saved = state.remembered();
                    restored = true;
                }
                dirty = true;
            }
            _ = tick.tick() => {
                // A terminal that went away without a hang-up signal (see
                // `input`): quit as on one.
                if input::terminal_gone() {
                    break;
                }
                let read = state.read.len();
                update(&mut state, Action::Tick);
                dirty |= state.read.len() != read;
                ticks = ticks.wrapping_add(1);
                if restored && ticks % TICKS_PER_SECOND == 0 {
                    save(&mut state, &keys, &mut store, &mut last_saved);
                }
            }
            _ = frame.tick() => {
                if dirty {
                    if let Err(e) = terminal.draw(|frame| ui::draw(frame, &state)) {
                        failure = unless_gone(e, "cannot draw");
                        break;
                    }
                    dirty = false;
                }
            }
            _ = term.recv() => break,
            _ = hangup.recv() => break,
            _ = interrupt.recv() => break,
        }
        for request in std::mem::take(&mut state.requests) {
            searcher.start(request);
        }
        for request in std::mem::take(&mut state.raw_requests) {
            let tx = searcher.tx.clone();
            tokio::task::spawn_blocking(move || {
                let read = crate::app::reader::read_raw_request(&request);
                let _ = tx.send(Action::RawRead(read));
            });
        }
        for request in std::mem::take(&mut state.found_requests) {
            let tx = searcher.tx.clone();
            tokio::task::spawn_blocking(move || {
                let found = crate::app::found::find(&request);
                let _ = tx.send(Action::EntitiesFound(found));
            });
        }
    }
    if restored {
        save(&mut state, &keys, &mut store, &mut last_saved);
    }
    if input::terminal_gone() {
        // Dropped, the terminal would show its cursor on a terminal that
        // is gone, and report the failure with a print that panics there.
        std::mem::forget(terminal);
    }
    if let Some(failure) = failure {
        return Err(failure);
    }
    Ok(state
        .lib
        .as_ref()
        .map(|l| l.corpus.problems.iter().map(|p| p.to_string()).collect())
        .unwrap_or_default())
}
