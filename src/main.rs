//! The `warta` binary: parse arguments, then run a headless command or the reader.

use clap::Parser;
use std::process::ExitCode;
use warta::cli::{run_command, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => run_command(command),
        None => run_command(&warta::cli::Command::List {
            corpus: cli.corpus.clone(),
            json: false,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("warta: {e:#}");
            ExitCode::from(1)
        }
    }
}
