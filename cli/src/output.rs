//! Output conventions shared by the commands: colour only on a terminal
//! (and never with NO_COLOR), text or JSON.

use std::io::IsTerminal;

/// How a command prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub(crate) enum Format {
    /// For people.
    #[default]
    Text,
    /// For editors, CI and scripts.
    Json,
}

/// Whether stderr should get colour.
pub(crate) fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}
