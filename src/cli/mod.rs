//! The command line: argument parsing and the headless commands.

mod args;
mod bench;
mod commands;
mod entities;
mod open;
mod output;
mod settings;

pub use args::{Cli, Command, CorpusArgs, EntityKindArg, FindScope, GlobalArgs, LangArg};
pub use commands::{read_corpus, run_command};
pub use open::{
    background_writes_running, finish_background_writes, read_corpus_reusing, save_in_background,
    size_cap, SnapshotPlace,
};
pub use output::{write_json_stdout, write_stdout, TerminalSafe};
pub use settings::{remembered, settings, Settings};
