//! The command line: argument parsing and the headless commands.

mod args;
mod bench;
mod commands;
mod entities;

pub use args::{Cli, Command, CorpusArgs, EntityKindArg, FindScope};
pub use commands::{load_corpus, read_corpus, run_command};

use std::io::{self, Write};

/// Writes to stdout, treating a closed pipe (`warta list | head -1`) as a
/// normal end rather than an error.
pub fn write_stdout(text: &str) -> io::Result<()> {
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(text.as_bytes()).and_then(|_| lock.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
