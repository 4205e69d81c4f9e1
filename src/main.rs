//! The `warta` binary: parse arguments, then run a headless command or the reader.

use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use warta::cli::{run_command, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let result = match &cli.command {
        Some(command) => run_command(command),
        None if interactive => warta::tui::run(cli.corpus.clone()),
        // Not a terminal (a pipe, a script): print the list instead of drawing.
        None => run_command(&Command::List {
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
