//! Terminal IO, kept in this one module: set-up and restore (on quit, panic,
//! Ctrl-C, SIGTERM and SIGHUP), and the event loop that feeds terminal
//! events and background results through `update` and redraws on a frame
//! tick when something changed.

use crate::app::keymap::map_event;
use crate::app::search::{self, SearchRequest, SearchTarget};
use crate::app::{update, Action, Library, State};
use crate::cli::CorpusArgs;
use crate::search::FuzzyScorer;
use crate::ui::{self, strings::Lang};
use anyhow::{Context, Result};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, EventStream};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use futures::StreamExt;
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
pub fn run(args: CorpusArgs) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let result = runtime.block_on(event_loop(args));
    restore();
    for message in BACKGROUND_PANICS
        .lock()
        .map(|m| m.clone())
        .unwrap_or_default()
    {
        eprintln!("warta: background task failed: {message}");
    }
    let problems = result?;
    for p in problems {
        eprintln!("warta: {p}");
    }
    Ok(())
}

/// Puts the terminal back: cooked mode, main screen, no mouse capture, cursor shown.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
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
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    terminal.clear()?;
    Ok(terminal)
}

/// Runs searches on blocking threads; a newer request for the same list
/// cancels the older one through its flag.
struct Searcher {
    cancel: HashMap<SearchTarget, Arc<AtomicBool>>,
    scorer: Arc<FuzzyScorer>,
    tx: UnboundedSender<Action>,
}

impl Searcher {
    fn start(&mut self, request: SearchRequest) {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(old) = self.cancel.insert(request.target, flag.clone()) {
            old.store(true, Ordering::Relaxed);
        }
        let scorer = self.scorer.clone();
        let tx = self.tx.clone();
        tokio::task::spawn_blocking(move || {
            if let Some(result) = search::run(&request, &scorer, &flag) {
                let _ = tx.send(Action::SearchDone(result));
            }
        });
    }
}

/// The loop; returns the load problems to print after the terminal is restored.
async fn event_loop(args: CorpusArgs) -> Result<Vec<String>> {
    let mut terminal = setup()?;
    let size = terminal.size()?;
    let mut state = State::new(Lang::default(), (size.width, size.height));
    let (tx, mut rx) = unbounded_channel::<Action>();
    let loader_tx = tx.clone();
    tokio::spawn(async move {
        let built =
            tokio::task::spawn_blocking(move || Library::build(crate::cli::read_corpus(&args)))
                .await;
        let action = match built {
            Ok(lib) => Action::Loaded(Arc::new(lib)),
            Err(e) => Action::LoadFailed(e.to_string()),
        };
        let _ = loader_tx.send(action);
    });
    let mut searcher = Searcher {
        cancel: HashMap::new(),
        scorer: Arc::new(FuzzyScorer::default()),
        tx,
    };
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(FRAME);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut term = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut dirty = true;
    while !state.quit {
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => {
                    if let Some(action) = map_event(&state, &event) {
                        update(&mut state, action);
                        dirty = true;
                    }
                }
                Some(Err(e)) => return Err(e).context("cannot read terminal events"),
                None => break,
            },
            Some(action) = rx.recv() => {
                update(&mut state, action);
                dirty = true;
            }
            _ = tick.tick() => {
                if dirty {
                    terminal.draw(|frame| ui::draw(frame, &state))?;
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
    }
    Ok(state
        .lib
        .as_ref()
        .map(|l| l.corpus.problems.iter().map(|p| p.to_string()).collect())
        .unwrap_or_default())
}
