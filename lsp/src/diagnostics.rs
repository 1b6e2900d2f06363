//! The analyzer's diagnostics as the protocol's: one list per file, ranges
//! in the text that was analyzed, the code, the help text, the related
//! place, and the "did you mean" as data for the quick fix.

use std::collections::BTreeMap;
use std::path::PathBuf;

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range,
};
use rutin::diagnostic::{Diagnostic, Severity};
use rutin::i18n::Lang;
use serde::{Deserialize, Serialize};

use crate::convert;

/// The quick fix a diagnostic carries in its `data`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Replacement {
    /// The text written.
    pub(crate) replace: String,
    /// The known name close to it.
    pub(crate) with: String,
}

/// Every diagnostic of `analyses`, by the file it is in; a diagnostic without
/// a place goes to the start of its routine file. Duplicates (a template
/// checked through two routines) are shown once. The texts are in `lang`.
pub(crate) fn by_file<'a>(
    analyses: impl Iterator<Item = &'a rutin::ide::Analysis>,
    lang: Lang,
) -> BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> {
    let mut out: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
    for analysis in analyses {
        for d in &analysis.checked.diagnostics {
            let path = d.location.as_ref().map_or_else(
                || analysis.index.routine.clone(),
                |l| l.file.path().to_path_buf(),
            );
            let list = out.entry(rutin::source::normalize(&path)).or_default();
            let converted = convert_one(d, lang);
            if !list.contains(&converted) {
                list.push(converted);
            }
        }
    }
    out
}

fn convert_one(d: &Diagnostic, lang: Lang) -> lsp_types::Diagnostic {
    let range = d
        .location
        .as_ref()
        .map_or_else(Range::default, |l| convert::range(l.file.text(), l.span));
    let related = d.related.as_ref().and_then(|(location, label)| {
        let uri = convert::uri_of(location.file.path())?;
        Some(vec![DiagnosticRelatedInformation {
            location: Location::new(uri, convert::range(location.file.text(), location.span)),
            message: label.clone(),
        }])
    });
    let help = d.problem.help_in(lang);
    let message = d.problem.message(lang);
    let message = if help.is_empty() {
        message
    } else {
        let word = rutin::i18n::text(lang, "diagnostic-help", &[]);
        format!("{message}\n{word}: {help}")
    };
    let data = d.problem.replacement().and_then(|(written, suggestion)| {
        serde_json::to_value(Replacement {
            replace: written.to_owned(),
            with: suggestion.to_owned(),
        })
        .ok()
    });
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.problem.code().to_owned())),
        source: Some("rutin".to_owned()),
        message,
        related_information: related,
        data,
        ..lsp_types::Diagnostic::default()
    }
}
