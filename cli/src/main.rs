//! The `rutin` command: check, simulate and test care routines.
//!
//! Exit codes are fixed: 0 when everything is fine, 1 when problems were
//! found (an invalid routine, a failing scenario), 2 for usage or I/O errors.

mod commands;
mod discover;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: everything fine.
pub(crate) const OK: u8 = 0;
/// Exit code: problems found (invalid routine, failed scenario).
pub(crate) const PROBLEMS: u8 = 1;
/// Exit code: usage or I/O error.
pub(crate) const USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "rutin",
    version,
    about = "Check, simulate and test care routines written in YAML",
    long_about = "Rutin makes a municipality's written care routines executable.\n\
                  Routines are YAML files under workflows/, message texts are templates under templates/.",
    after_help = "Examples:\n  rutin check\n  rutin check workflows/kommun_000/installation.yaml --format json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check routines and templates and report every problem at once.
    #[command(after_help = "Examples:\n  rutin check\n  rutin check workflows/kommun_000\n  rutin check workflows/kommun_000/installation.yaml --format json\n\nExit status: 0 valid, 1 problems found, 2 usage or I/O error.")]
    Check(commands::check::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => commands::check::run(&args),
    };
    ExitCode::from(code)
}
