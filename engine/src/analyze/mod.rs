//! Analysis: from the raw form to a validated [`Routine`], or to the complete
//! list of problems.
//!
//! Two phases, like casey/just's analyzer. First [`resolve`] checks every
//! name and builds the model's parts into a [`resolved::Resolved`] (with
//! [`exprs`] compiling conditions and [`templates`] loading message
//! templates). Then independent passes read the resolved routine, each in
//! its own file: [`visibility`] makes sure no message shows a field to
//! someone who may not see it, [`graph`] checks the shape of the step graph
//! with petgraph, [`unused`] warns about declarations nothing refers to, and
//! [`unset`] about comparisons on fields that may be unset, and [`types`]
//! finds values of the wrong type where the runtime would refuse them;
//! [`chain`] finds chains of automatic steps longer than the runtime runs at
//! once, and [`repeat`] warns about deadlines that repeat with no end. Only when no
//! error was found does a [`Routine`] come out.

mod chain;
mod exprs;
mod graph;
mod repeat;
mod resolve;
mod resolved;
mod scope;
mod sender;
mod senders;
mod templates;
mod trees;
mod types;
mod unset;
mod unused;
mod visibility;

pub(crate) use resolve::keys::{kinds_taking, STEP_KINDS};
pub use templates::check_template_file;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Sink};
use crate::files::{DiskFiles, SourceFiles};
use crate::load;
use crate::model::Routine;
use crate::source::SourceFile;

/// The result of checking one routine file: the routine when it has no
/// errors, and every diagnostic (errors and warnings) in file order.
#[derive(Debug)]
pub struct Checked {
    /// The validated routine, present only when there are no errors.
    pub routine: Option<Routine>,
    /// Every problem found, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Template files of the routine's template folder, used or not (for set-wide unused checks).
    pub template_files: Vec<PathBuf>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads, parses and analyzes the routine file at `path`.
pub fn check_routine(path: &Path) -> Checked {
    check_routine_with(path, &DiskFiles)
}

/// Reads, parses and analyzes the routine file at `path`, reading it, its
/// organisation file and its templates through `files` (texts stored with
/// a case, an editor's unsaved buffers) instead of the disk.
pub fn check_routine_with(path: &Path, files: &dyn SourceFiles) -> Checked {
    match load::read_source(files, path) {
        Ok(file) => check_source(file, files),
        Err(d) => Checked {
            routine: None,
            diagnostics: vec![d],
            template_files: Vec::new(),
        },
    }
}

/// Analyzes a routine given as text (`path` is used for messages and to find
/// the organisation file and templates relative to it).
pub fn check_text(path: &Path, text: &str) -> Checked {
    check_source(Arc::new(SourceFile::new(path, text)), &DiskFiles)
}

fn check_source(file: Arc<SourceFile>, files: &dyn SourceFiles) -> Checked {
    let mut sink = Sink::new(file);
    let Some(raw) = load::routine_file(&mut sink) else {
        return Checked {
            routine: None,
            diagnostics: sink.diagnostics,
            template_files: Vec::new(),
        };
    };
    let mut extra = Vec::new();
    let resolved = resolve::resolve(&mut sink, &mut extra, &raw, files);
    passes(&resolved, &mut sink, &raw);
    let template_files = resolved.scope.templates.files.clone();
    let routine = resolved.into_routine();
    let mut diagnostics = sink.diagnostics;
    diagnostics.extend(extra);
    sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    Checked {
        routine: if has_errors { None } else { routine },
        diagnostics,
        template_files,
    }
}

/// The checks over the whole resolved routine.
fn passes(resolved: &resolved::Resolved, sink: &mut Sink, raw: &load::raw::RoutineFile) {
    senders::check(&resolved.scope, sink);
    visibility::check(&resolved.scope, sink);
    // The graph is only judged when every step could be read: a step missing
    // from it would make the steps after it look unreachable.
    if let (Some(start), true) = (&resolved.start, resolved.all_steps) {
        graph::check(
            sink,
            &resolved.steps,
            &resolved.deadlines,
            &resolved.events,
            start,
            &resolved.step_spans,
        );
    }
    unused::check(&resolved.scope, sink, raw);
    unset::check(resolved, sink);
    types::check(resolved, raw, sink);
    chain::check(resolved, sink);
    repeat::check(raw, sink);
}

/// Sorts diagnostics by file, then position, errors first on ties; drops exact duplicates.
pub(crate) fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            d.location
                .as_ref()
                .map(|l| (l.file.path().to_path_buf(), l.span.offset))
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.problem.code().cmp(b.problem.code()))
    });
    diagnostics.dedup_by(|a, b| a == b);
}
#[cfg(test)]
mod tests;
