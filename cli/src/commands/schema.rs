//! `rutin schema`: the JSON Schema of routine (or organisation) files, for editors.

use std::path::PathBuf;

use crate::commands::graph::write_output;
use crate::{OK, USAGE};

/// Arguments of `rutin schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The schema of organisation files instead of routine files.
    #[arg(long)]
    pub(crate) organisation: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// The schema as pretty JSON with a final newline: exactly what the
/// committed files under `schema/` hold.
pub(crate) fn text(organisation: bool) -> Result<String, String> {
    let schema = if organisation {
        rutin::schema::organisation_schema()
    } else {
        rutin::schema::routine_schema()
    };
    serde_json::to_string_pretty(&schema)
        .map(|json| json + "\n")
        .map_err(|e| {
            crate::output::text(
                "out-cannot-write-schema",
                &[("reason", e.to_string().into())],
            )
        })
}

pub(crate) fn run(args: &Args) -> u8 {
    let result = text(args.organisation).and_then(|t| write_output(args.output.as_deref(), &t));
    match result {
        Ok(()) => OK,
        Err(e) => {
            eprintln!("error: {e}");
            USAGE
        }
    }
}
