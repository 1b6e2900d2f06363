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
use crate::i18n::{text, Lang};

struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<Source>,
    message: String,
    help: String,
    here: String,
    lang: Lang,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
            Some(self.here.clone()),
            clamp(location.span, location.file.text()),
        )];
        if let Some((related, label)) = &self.diagnostic.related {
            if related.file == location.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(related_label(label, self.lang)),
                    clamp(related.span, related.file.text()),
                ));
            }
        }
        Some(Box::new(labels.into_iter()))
    }
}

/// The labels the analyzer gives a second place, by their catalogue id.
const RELATED_LABELS: [&str; 2] = ["diagnostic-first-here", "diagnostic-first-declared-here"];

/// A second place's label in `lang`: the analyzer writes it in English (the
/// catalogue's English text), shown here in the chosen language.
fn related_label(label: &str, lang: Lang) -> String {
    RELATED_LABELS
        .iter()
        .find(|id| text(Lang::En, id, &[]) == label)
        .map_or_else(|| label.to_owned(), |id| text(lang, id, &[]))
}

fn clamp(span: crate::source::Span, text: &str) -> SourceSpan {
    let offset = span.offset.min(text.len());
    let len = span.len.min(text.len() - offset);
    SourceSpan::new(offset.into(), len)
}

/// Renders one diagnostic with its file name, line, a snippet of the source
/// with carets under the problem, and the help text, in English.
pub fn render(diagnostic: &Diagnostic, color: bool) -> String {
    render_in(diagnostic, color, Lang::En)
}

/// [`render`] in a language: the message, the help line, its `help:` word
/// and the label under the place.
pub fn render_in(diagnostic: &Diagnostic, color: bool, lang: Lang) -> String {
    let problem = &diagnostic.problem;
    let source = diagnostic.location.as_ref().map(|l| Source {
        name: l.file.path().display().to_string(),
        text: l.file.text().to_owned(),
    });
    let shown = Shown {
        diagnostic,
        source,
        message: problem.message(lang),
        help: problem.help_in(lang),
        here: text(lang, "diagnostic-here", &[]),
        lang,
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
        return format!("{}: {}", problem.code(), shown.message);
    }
    if lang != Lang::En {
        out = help_word(out, &shown.help, lang);
    }
    out
}

/// miette writes `help:` before the help line; in another language the
/// catalogue's word replaces it (the last `help:` before the help text, so a
/// `help:` in the source snippet stays as written).
fn help_word(out: String, help: &str, lang: Lang) -> String {
    // miette may wrap the help text, so only its first word is sure to follow `help: `.
    let first_word = help.split_whitespace().next().unwrap_or_default();
    let Some(word) = out.rfind(&format!("help: {first_word}")) else {
        return out;
    };
    let mut replaced = out;
    let label = format!("{}:", text(lang, "diagnostic-help", &[]));
    replaced.replace_range(word..word + "help:".len(), &label);
    replaced
}

/// Renders many diagnostics, errors and warnings in file order, separated by blank lines.
pub fn render_all(diagnostics: &[Diagnostic], color: bool) -> String {
    render_all_in(diagnostics, color, Lang::En)
}

/// [`render_all`] in a language.
pub fn render_all_in(diagnostics: &[Diagnostic], color: bool, lang: Lang) -> String {
    diagnostics
        .iter()
        .map(|d| render_in(d, color, lang))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A diagnostic as JSON, for editors and CI: severity, code, message, help,
/// file, line, column, and byte offset and length; the texts in English.
pub fn to_json(diagnostic: &Diagnostic) -> serde_json::Value {
    to_json_in(diagnostic, Lang::En)
}

/// [`to_json`] with `message` and `help` in a language (the code stays the
/// same in every language, for tools).
pub fn to_json_in(diagnostic: &Diagnostic, lang: Lang) -> serde_json::Value {
    let mut value = serde_json::json!({
        "severity": diagnostic.severity,
        "code": diagnostic.problem.code(),
        "message": diagnostic.problem.message(lang),
        "help": diagnostic.problem.help_in(lang),
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
