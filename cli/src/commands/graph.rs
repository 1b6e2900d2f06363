//! `rutin graph`: a routine as a picture (DOT, Mermaid or SVG).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rutin::diagnostic::{self, Problem, Severity};
use rutin::draw;

use crate::output;
use crate::{OK, PROBLEMS, USAGE};

/// The picture's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub(crate) enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg`), tasks grouped by role.
    #[default]
    Dot,
    /// A Mermaid flowchart (for Markdown on GitHub, GitLab, wikis).
    Mermaid,
    /// An SVG image, laid out by Rutin itself (no Graphviz needed).
    Svg,
}

/// Arguments of `rutin graph`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The routine file to draw.
    pub(crate) routine: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: GraphFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// Writes `text` to the file, or to standard output; the error is for people.
pub(crate) fn write_output(path: Option<&Path>, text: &str) -> Result<(), String> {
    match path {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => Ok(()),
                // The reader went away (`rutin graph … | head`): nothing to tell.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write to standard output: {e}")),
            }
        }
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let checked = rutin::check_routine(&args.routine);
    let routine = match checked.routine {
        Some(routine)
            if !checked
                .diagnostics
                .iter()
                .any(rutin::diagnostic::Diagnostic::is_error) =>
        {
            routine
        }
        _ => {
            let color = output::stderr_color();
            for d in &checked.diagnostics {
                eprintln!("{}", diagnostic::render(d, color));
            }
            let errors: Vec<_> = checked
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            // A file that cannot be read is a usage error, like in `rutin check`.
            let io_only = errors
                .iter()
                .all(|d| matches!(d.problem, Problem::Io { .. }) && d.location.is_none());
            if !errors.is_empty() && io_only {
                return USAGE;
            }
            eprintln!(
                "error: cannot draw {}: {} error{}",
                args.routine.display(),
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            return PROBLEMS;
        }
    };
    let format = match args.format {
        GraphFormat::Dot => draw::Format::Dot,
        GraphFormat::Mermaid => draw::Format::Mermaid,
        GraphFormat::Svg => draw::Format::Svg,
    };
    let text = match draw::draw(&routine, format, &draw::Options::default()) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {e}; use --format dot and Graphviz instead");
            return USAGE;
        }
    };
    match write_output(args.output.as_deref(), &text) {
        Ok(()) => OK,
        Err(e) => {
            eprintln!("error: {e}");
            USAGE
        }
    }
}
