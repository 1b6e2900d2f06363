//! `rutin lsp`: the language server, over standard input and output.

use crate::{OK, USAGE};

/// Arguments of `rutin lsp`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Accepted for clients that always pass it (the server only speaks stdio).
    #[arg(long)]
    pub(crate) stdio: bool,
}

pub(crate) fn run(_args: &Args) -> u8 {
    match rutin_lsp::run_stdio() {
        Ok(()) => OK,
        Err(e) => {
            let reason = e.to_string();
            let message =
                crate::output::text("out-lsp-connection-broke", &[("reason", reason.into())]);
            eprintln!("{}", crate::output::error_line(&message));
            USAGE
        }
    }
}
