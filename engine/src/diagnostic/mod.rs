//! Problems found in routine files, as data.
//!
//! Following `just`, a problem is a [`Problem`] (a kind with structured fields)
//! plus where it is ([`Location`]). The words shown to people are produced in
//! one place ([`Problem::message`] and [`Problem::help_in`], in Swedish or
//! English from `engine/i18n/*/diagnostics.ftl`), and the snippet
//! with carets is drawn by [`render`] with miette, so every message has one
//! golden test and the CLI, the JSON output and the library all agree.

mod phrase;
mod problem;
mod render;
mod words;

use std::sync::Arc;

pub use phrase::{Phrase, PhraseValue};
pub use problem::{Problem, RefKind};
pub use render::{render, render_all, render_all_in, render_in, to_json, to_json_in};

use crate::source::{SourceFile, Span};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The routine can still run, but something looks unintended.
    Warning,
    /// The routine cannot be used until this is fixed.
    Error,
}

/// Where a problem is: a file and a byte span in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub file: Arc<SourceFile>,
    /// The span inside it.
    pub span: Span,
}

impl Location {
    /// The 1-based line and column of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        self.file.line_col(self.span.offset)
    }
}

/// One problem with its location and severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, with its structured details.
    pub problem: Problem,
    /// Where it is (`None` for problems that concern no file position, such as an unreadable folder).
    pub location: Option<Location>,
    /// A second place worth showing (where a duplicate was first defined).
    pub related: Option<(Location, String)>,
}

impl Diagnostic {
    /// An error at a location.
    pub fn error(problem: Problem, location: Option<Location>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            problem,
            location,
            related: None,
        }
    }
    /// A warning at a location.
    pub fn warning(problem: Problem, location: Option<Location>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            problem,
            location,
            related: None,
        }
    }
    /// Adds a related location with a label.
    pub fn with_related(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related = Some((location, label.into()));
        self
    }
    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Collects diagnostics for one file.
#[derive(Debug)]
pub(crate) struct Sink {
    pub(crate) file: Arc<SourceFile>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Sink {
    pub(crate) fn new(file: Arc<SourceFile>) -> Self {
        Sink {
            file,
            diagnostics: Vec::new(),
        }
    }
    pub(crate) fn at(&self, span: Span) -> Location {
        Location {
            file: self.file.clone(),
            span,
        }
    }
    pub(crate) fn error(&mut self, span: Span, problem: Problem) {
        let location = Some(self.at(span));
        self.diagnostics.push(Diagnostic::error(problem, location));
    }
    pub(crate) fn warning(&mut self, span: Span, problem: Problem) {
        let location = Some(self.at(span));
        self.diagnostics
            .push(Diagnostic::warning(problem, location));
    }
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

/// The closest known name to `name`, if close enough to be a likely typo
/// (the "did you mean" of every message).
pub fn suggest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lower = name.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&lower, &k.to_lowercase()), k))
        .filter(|(score, k)| *score > 0.8 && *k != name)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k.to_owned())
}
