//! Drawing diagnostics for people (miette, with a snippet and carets) and for
//! machines (JSON).

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

/// A file's text for miette, with columns counted in characters (miette's
/// own `str` source counts bytes, so `å`, `ä` and `ö` would shift the
/// column it shows against the one in our JSON output and in editors).
struct Source {
    name: String,
    text: String,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        let start = inner.span().offset().min(self.text.len());
        let line_start = self
            .text
            .get(..start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(start - line_start, |t| t.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

use super::{Diagnostic, Severity};

struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<Source>,
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
    let source = diagnostic.location.as_ref().map(|l| Source {
        name: l.file.path().display().to_string(),
        text: l.file.text().to_owned(),
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
