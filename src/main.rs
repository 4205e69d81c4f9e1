//! The `warta` binary: parse arguments and the config, then run a headless
//! command or the reader.

use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use warta::cli::{run_command, settings, write_stdout, Cli, Command};

/// glibc's malloc, set for a long-lived corpus of small allocations and a
/// filter that builds answers of many megabytes on every keystroke: one
/// arena per core rather than eight (memory a loader thread's arena freed
/// stayed there, out of reach of the others), and a fixed mmap threshold
/// of 32 MiB, the most glibc allows. Below it an answer's vectors come
/// from the heap and reuse freed space; with the earlier 64 KiB every one
/// was mapped afresh, page-faulted in and unmapped, a fifth of the
/// filter's time. Measured with `warta bench --no-state --json` at 100 000
/// articles on 2 cores, three alternating runs each: the corpus scope's
/// keystroke p50 44.8–48.1 → 28.6–31.1 ms and p99 154–190 → 89–123 ms, the
/// list's p99 23.6–27.7 → 14.3–16.0 ms; peak RSS 355–356 → 392–394 MB
/// (1.02× → 1.13× the corpus).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc() {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let arenas = i32::try_from(cores.max(2)).unwrap_or(i32::MAX);
    // SAFETY: mallopt only changes allocator parameters; it is called first
    // thing in main, before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}

fn main() -> ExitCode {
    tune_malloc();
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
            eprintln!("warta: {e:#}");
            ExitCode::from(1)
        }
    }
}
