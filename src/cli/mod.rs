//! The command line: argument parsing and the headless commands.

mod args;
mod bench;
mod commands;
mod entities;
mod open;
mod settings;

pub use args::{Cli, Command, CorpusArgs, EntityKindArg, FindScope, GlobalArgs, LangArg};
pub use commands::{read_corpus, run_command};
pub use open::{
    background_writes_running, finish_background_writes, read_corpus_reusing, save_in_background,
    size_cap, SnapshotPlace,
};
pub use settings::{remembered, settings, Settings};

use std::io::{self, Write};

/// Writes to stdout, treating a closed pipe (`warta list | head -1`) as a
/// normal end rather than an error. The last line of defence for terminal
/// safety: a character a terminal could act on that slipped past ingest is
/// written as a visible `\uXXXX` escape (in JSON output that is the same value).
pub fn write_stdout(text: &str) -> io::Result<()> {
    let text = crate::corpus::sanitize::json_terminal_safe(text);
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(text.as_bytes()).and_then(|_| lock.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
