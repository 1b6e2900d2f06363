//! `rutin graph`: a routine as a picture (DOT, Mermaid or SVG).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rutin::diagnostic::{self, Problem, Severity};
use rutin::draw;

use crate::output::{self, error_line, io_text, text};
use crate::{discover, OK, PROBLEMS, USAGE};

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
    /// The routine file to draw, or a folder: every routine in it is drawn
    /// to `--output FOLDER`, one file per routine at the same relative path.
    pub(crate) routine: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: GraphFormat,
    /// Write to this file (a folder when drawing a folder) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// SVG only: draw routines with up to this many steps (larger pictures
    /// are refused as unreadable).
    #[arg(long, value_name = "N", default_value_t = draw::MAX_STEPS)]
    pub(crate) max_steps: usize,
}

/// Writes `text` to the file, or to standard output; the error is for people.
pub(crate) fn write_output(path: Option<&Path>, text: &str) -> Result<(), String> {
    match path {
        Some(path) => std::fs::write(path, text).map_err(|e| io_text("out-cannot-write", path, &e)),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => Ok(()),
                // The reader went away (`rutin graph … | head`): nothing to tell.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(output::text(
                    "out-cannot-write-stdout",
                    &[("reason", e.to_string().into())],
                )),
            }
        }
    }
}

/// The routine's picture, or the exit code after its problems were shown.
fn draw_one(path: &Path, args: &Args) -> Result<String, u8> {
    let checked = rutin::check_routine(path);
    let routine = match checked.routine {
        Some(routine)
            if !checked
                .diagnostics
                .iter()
                .any(rutin::diagnostic::Diagnostic::is_error) =>
        {
            routine
        }
        _ => return Err(refuse(path, &checked.diagnostics)),
    };
    let format = match args.format {
        GraphFormat::Dot => draw::Format::Dot,
        GraphFormat::Mermaid => draw::Format::Mermaid,
        GraphFormat::Svg => draw::Format::Svg,
    };
    let options = draw::Options {
        max_steps: args.max_steps,
        ..draw::Options::default()
    };
    draw::draw(&routine, format, &options).map_err(|e| {
        eprintln!("{}", error_line(&too_large(&e)));
        USAGE
    })
}

/// Why a routine is not drawn, in the chosen language.
fn too_large(error: &draw::DrawError) -> String {
    let draw::DrawError::TooLarge {
        routine,
        steps,
        limit,
    } = error;
    let reason = text(
        "out-graph-steps",
        &[
            ("routine", routine.into()),
            ("steps", (*steps).into()),
            ("limit", (*limit).into()),
        ],
    );
    text("out-graph-too-large", &[("reason", reason.into())])
}

/// Shows why a routine cannot be drawn; the exit code.
fn refuse(path: &Path, diagnostics: &[diagnostic::Diagnostic]) -> u8 {
    let color = output::stderr_color();
    for d in diagnostics {
        eprintln!("{}", diagnostic::render_in(d, color, output::lang()));
    }
    let errors: Vec<_> = diagnostics
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
    let message = text(
        "out-graph-errors",
        &[
            ("path", path.display().to_string().into()),
            ("count", errors.len().into()),
        ],
    );
    eprintln!("{}", error_line(&message));
    PROBLEMS
}

fn extension(format: GraphFormat) -> &'static str {
    match format {
        GraphFormat::Dot => "dot",
        GraphFormat::Mermaid => "mmd",
        GraphFormat::Svg => "svg",
    }
}

/// Every routine under a folder, each to `OUTPUT/<path below the folder>`
/// with the format's extension (`workflows/kommun_000/installation.yaml` →
/// `OUTPUT/kommun_000/installation.svg`).
fn draw_folder(dir: &Path, args: &Args) -> u8 {
    let Some(out) = &args.output else {
        eprintln!("{}", error_line(&io_text("out-graph-folder", dir, &"")));
        return USAGE;
    };
    let files = match discover::files(&[dir.to_path_buf()]) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("{}", error_line(&e));
            return USAGE;
        }
    };
    let mut worst = OK;
    for routine in &files.routines {
        let relative = routine.strip_prefix(dir).unwrap_or(routine);
        let target = out.join(relative).with_extension(extension(args.format));
        let written = draw_one(routine, args).and_then(|text| {
            let parent = target.parent().unwrap_or(out);
            std::fs::create_dir_all(parent)
                .map_err(|e| io_text("out-cannot-create", parent, &e))
                .and_then(|()| write_output(Some(&target), &text))
                .map_err(|e| {
                    eprintln!("{}", error_line(&e));
                    USAGE
                })
        });
        match written {
            Ok(()) => println!("{}", target.display()),
            Err(code) => worst = worst.max(code),
        }
    }
    worst
}

pub(crate) fn run(args: &Args) -> u8 {
    if args.routine.is_dir() {
        return draw_folder(&args.routine, args);
    }
    let text = match draw_one(&args.routine, args) {
        Ok(text) => text,
        Err(code) => return code,
    };
    match write_output(args.output.as_deref(), &text) {
        Ok(()) => OK,
        Err(e) => {
            eprintln!("{}", error_line(&e));
            USAGE
        }
    }
}
