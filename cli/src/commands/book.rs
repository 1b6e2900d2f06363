//! `rutin book`: the routine book (HTML or Markdown) of a routine, or of
//! every routine in a folder.

use std::path::{Path, PathBuf};

use rutin::diagnostic::{self, Severity};
use rutin::{book, draw};

use super::graph::write_output;
use crate::output::{self, error_line, io_text};
use crate::{OK, PROBLEMS, USAGE};

/// The book's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub(crate) enum BookFormat {
    /// One self-contained HTML page (inline CSS and SVG), printable on A4.
    #[default]
    Html,
    /// Markdown for any forge; with --output, the diagram is written beside it as SVG.
    Md,
}

impl BookFormat {
    fn extension(self) -> &'static str {
        match self {
            BookFormat::Html => "html",
            BookFormat::Md => "md",
        }
    }
}

/// Arguments of `rutin book`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A routine file, or a folder: a book for every routine in it.
    pub(crate) path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: BookFormat,
    /// Write to this file (for a folder: into this folder, one book per routine).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> u8 {
    if !args.path.is_dir() {
        return one(&args.path, args.format, args.output.as_deref());
    }
    let Some(out_dir) = &args.output else {
        let message = io_text("out-book-folder", &args.path, &"");
        eprintln!("{}", error_line(&message));
        return USAGE;
    };
    let files = match crate::discover::files(std::slice::from_ref(&args.path)) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("{}", error_line(&e));
            return USAGE;
        }
    };
    let mut code = OK;
    for routine in &files.routines {
        let relative = routine.strip_prefix(&args.path).unwrap_or(routine);
        let target = out_dir
            .join(relative)
            .with_extension(args.format.extension());
        if let Some(parent) = target.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                eprintln!("{}", error_line(&io_text("out-cannot-create", parent, &e)));
                return USAGE;
            }
        }
        code = code.max(one(routine, args.format, Some(&target)));
    }
    code
}

/// The book of one routine, to `output` or standard output.
fn one(path: &Path, format: BookFormat, output: Option<&Path>) -> u8 {
    let checked = rutin::check_routine(path);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let Some(routine) = checked.routine.filter(|_| errors.is_empty()) else {
        let color = output::stderr_color();
        for d in &checked.diagnostics {
            eprintln!("{}", diagnostic::render_in(d, color, output::lang()));
        }
        let message = output::text(
            "out-book-errors",
            &[
                ("path", path.display().to_string().into()),
                ("count", errors.len().into()),
            ],
        );
        eprintln!("{}", error_line(&message));
        return PROBLEMS;
    };
    let diagram = draw::svg(&routine, &draw::Options::default()).ok();
    let book = book::build_in(&routine, diagram, output::lang());
    let text = match (format, output) {
        (BookFormat::Html, _) => book.html(),
        (BookFormat::Md, None) => book.markdown(None),
        (BookFormat::Md, Some(file)) => match write_diagram(&book, file) {
            Ok(link) => book.markdown(link.as_deref()),
            Err(e) => {
                eprintln!("{}", error_line(&e));
                return USAGE;
            }
        },
    };
    match write_output(output, &text) {
        Ok(()) => OK,
        Err(e) => {
            eprintln!("{}", error_line(&e));
            USAGE
        }
    }
}

/// Writes the diagram beside the Markdown file; the link to it, when there is one.
fn write_diagram(book: &book::Book, file: &Path) -> Result<Option<String>, String> {
    let Some(svg) = book.diagram() else {
        return Ok(None);
    };
    let svg_path = file.with_extension("svg");
    std::fs::write(&svg_path, svg).map_err(|e| io_text("out-cannot-write", &svg_path, &e))?;
    Ok(svg_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned()))
}
