//! The `warta` binary: parse arguments and the config, then run a headless
//! command or the reader.

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use warta::cli::{run_command, settings, write_stdout, Cli, Command};

fn main() -> ExitCode {
    warta::malloc::tune();
    let cli = Cli::parse();
    if cli.print_config {
        return match write_stdout(&warta::store::config::default_text()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("warta: {e}");
                ExitCode::from(1)
            }
        };
    }
    let settings = match settings(&cli) {
        Ok(s) => s,
        Err(e) => {
            // a setting that cannot be used is a usage error
            eprintln!("warta: {e}");
            return ExitCode::from(2);
        }
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let result = match &cli.command {
        Some(command) => run_command(command, &settings),
        None if interactive => warta::tui::run(cli.corpus.clone(), settings),
        // Not a terminal (a pipe, a script): print the list instead of drawing.
        None => run_command(
            &Command::List {
                corpus: cli.corpus.clone(),
                json: false,
            },
            &settings,
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // not eprintln!, which panics when stderr is a terminal that has gone away
            let _ = writeln!(std::io::stderr(), "warta: {e:#}");
            ExitCode::from(1)
        }
    }
}
