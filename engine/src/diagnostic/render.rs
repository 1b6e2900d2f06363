//! Drawing diagnostics for people (miette, with a snippet and carets) and for
//! machines (JSON).

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use super::{Diagnostic, Severity};

struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<NamedSource<String>>,
    help: String,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.diagnostic.problem, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.diagnostic.problem, f)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic.problem.code()))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let location = self.diagnostic.location.as_ref()?;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some("here".into()),
            clamp(location.span, location.file.text()),
        )];
        if let Some((related, label)) = &self.diagnostic.related {
            if related.file == location.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(label.clone()),
                    clamp(related.span, related.file.text()),
                ));
            }
        }
        Some(Box::new(labels.into_iter()))
    }
}

fn clamp(span: crate::source::Span, text: &str) -> SourceSpan {
    let offset = span.offset.min(text.len());
    let len = span.len.min(text.len() - offset);
    SourceSpan::new(offset.into(), len)
}

/// Renders one diagnostic with its file name, line, a snippet of the source
/// with carets under the problem, and the help text.
pub fn render(diagnostic: &Diagnostic, color: bool) -> String {
    let source = diagnostic.location.as_ref().map(|l| {
        NamedSource::new(
            l.file.path().display().to_string(),
            l.file.text().to_owned(),
        )
        .with_language("yaml")
    });
    let shown = Shown {
        diagnostic,
        source,
        help: diagnostic.problem.help(),
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    let mut out = String::new();
    if handler.render_report(&mut out, &shown).is_err() {
        out = format!("{}: {}", diagnostic.problem.code(), diagnostic.problem);
    }
    out
}

/// Renders many diagnostics, errors and warnings in file order, separated by blank lines.
pub fn render_all(diagnostics: &[Diagnostic], color: bool) -> String {
    diagnostics
        .iter()
        .map(|d| render(d, color))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A diagnostic as JSON, for editors and CI: severity, code, message, help,
/// file, line, column, and byte offset and length.
pub fn to_json(diagnostic: &Diagnostic) -> serde_json::Value {
    let mut value = serde_json::json!({
        "severity": diagnostic.severity,
        "code": diagnostic.problem.code(),
        "message": diagnostic.problem.to_string(),
        "help": diagnostic.problem.help(),
    });
    if let (Some(location), Some(map)) = (&diagnostic.location, value.as_object_mut()) {
        let (line, column) = location.line_col();
        map.insert(
            "file".into(),
            location.file.path().display().to_string().into(),
        );
        map.insert("line".into(), line.into());
        map.insert("column".into(), column.into());
        map.insert("offset".into(), location.span.offset.into());
        map.insert("length".into(), location.span.len.into());
    }
    value
}
