//! Message templates: found in the routine's template folder, parsed with
//! minijinja, and analyzed for the variables they read, so that a typo or a
//! field the recipient may not see is caught before any message is sent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{suggest, Diagnostic, Location, Problem, RefKind};
use crate::expr::TEMPLATE_GLOBALS;
use crate::files::SourceFiles;
use crate::load;
use crate::model::Template;
use crate::source::{SourceFile, Span};

/// What a template reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Analysis {
    /// Declared fields it reads at the top level.
    pub(crate) fields: Vec<String>,
    /// Template globals it reads (`deadline`, `cases`...).
    pub(crate) globals: Vec<String>,
    /// Whether it has no error.
    pub(crate) ok: bool,
}

/// The file extension of templates.
pub(crate) const EXTENSION: &str = "j2";

/// The templates of one folder: listed and read when the folder is found
/// (through the routine's [`SourceFiles`]), checked on first use.
#[derive(Debug, Default)]
pub(crate) struct Templates {
    pub(crate) dir: Option<PathBuf>,
    pub(crate) loaded: BTreeMap<String, Option<Template>>,
    /// The globals each loaded template reads.
    pub(crate) globals: BTreeMap<String, Vec<String>>,
    pub(crate) files: Vec<PathBuf>,
    /// Each file's text, or why it could not be read (reported on use).
    texts: BTreeMap<PathBuf, Result<Arc<SourceFile>, Diagnostic>>,
}

impl Templates {
    pub(crate) fn new(dir: Option<PathBuf>, source: &dyn SourceFiles) -> Self {
        let mut files = Vec::new();
        if let Some(dir) = &dir {
            if let Ok(entries) = source.list(dir) {
                for path in entries {
                    if path.extension().is_some_and(|e| e == EXTENSION) {
                        files.push(path);
                    }
                }
            }
        }
        files.sort();
        let texts = files
            .iter()
            .map(|p| (p.clone(), load::read_source(source, p)))
            .collect();
        Templates {
            dir,
            loaded: BTreeMap::new(),
            globals: BTreeMap::new(),
            files,
            texts,
        }
    }

    /// Names of the templates in the folder.
    pub(crate) fn names(&self) -> Vec<String> {
        self.files
            .iter()
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect()
    }

    /// Loads and checks template `name`; problems in the template file go to `out`.
    /// Returns `None` (after reporting) when it does not exist or does not parse.
    pub(crate) fn get(
        &mut self,
        name: &str,
        fields: &[String],
        out: &mut Vec<Diagnostic>,
    ) -> Option<Template> {
        if let Some(t) = self.loaded.get(name) {
            return t.clone();
        }
        let path = self.dir.as_ref()?.join(format!("{name}.{EXTENSION}"));
        let template = if let Some(text) = self.texts.get(&path) {
            load_template(text.clone(), name, &path, fields, out).map(|(template, globals)| {
                self.globals.insert(name.to_owned(), globals);
                template
            })
        } else {
            None
        };
        self.loaded.insert(name.to_owned(), template.clone());
        template
    }

    /// Whether a template of that name exists in the folder.
    pub(crate) fn exists(&self, name: &str) -> bool {
        self.dir
            .as_ref()
            .is_some_and(|d| self.files.contains(&d.join(format!("{name}.{EXTENSION}"))))
    }
}

fn load_template(
    text: Result<Arc<SourceFile>, Diagnostic>,
    name: &str,
    path: &Path,
    fields: &[String],
    out: &mut Vec<Diagnostic>,
) -> Option<(Template, Vec<String>)> {
    let file = match text {
        Ok(f) => f,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let analysis = analyze_template(name, &file, fields, out);
    analysis.ok.then(|| {
        (
            Template {
                name: name.to_owned(),
                path: path.to_path_buf(),
                // Messages use `\n` line ends whatever the editor saved.
                source: file.text().replace("\r\n", "\n"),
                fields_used: analysis.fields,
            },
            analysis.globals,
        )
    })
}

/// Parses a template and returns the declared fields it reads, reporting
/// syntax errors and unknown variables. The flag is false when it has errors.
pub(crate) fn analyze_template(
    name: &str,
    file: &Arc<SourceFile>,
    fields: &[String],
    out: &mut Vec<Diagnostic>,
) -> Analysis {
    let at = |span: Span| {
        Some(Location {
            file: file.clone(),
            span,
        })
    };
    let env = crate::expr::environment();
    let template = match env.template_from_named_str(name, file.text()) {
        Ok(t) => t,
        Err(e) => {
            out.push(syntax_error(name, file, &e));
            return Analysis::default();
        }
    };
    let mut names: Vec<String> = template.undeclared_variables(false).into_iter().collect();
    names.sort();
    let mut used = Vec::new();
    let mut globals = Vec::new();
    let mut ok = true;
    for finding in super::lint::template(&env, file.text(), fields) {
        ok = false;
        let span = match &finding {
            super::lint::Finding::UnknownFilter { span, .. }
            | super::lint::Finding::BadDuration { span, .. }
            | super::lint::Finding::Include { span }
            | super::lint::Finding::UnknownCaseField { span, .. } => *span,
        };
        let problem = match super::exprs::finding_problem(finding, fields) {
            Problem::TemplateInclude { .. } => Problem::TemplateInclude {
                template: name.to_owned(),
            },
            other => other,
        };
        out.push(Diagnostic::error(problem, at(span)));
    }
    for var in names {
        if fields.contains(&var) {
            used.push(var);
        } else if TEMPLATE_GLOBALS.contains(&var.as_str()) {
            globals.push(var);
        } else if !crate::expr::FUNCTIONS.contains(&var.as_str())
            && !crate::expr::FUNCTIONS.contains(&var.as_str())
        {
            ok = false;
            let span = find_word(file.text(), &var);
            out.push(Diagnostic::error(
                Problem::TemplateUnknownVariable {
                    template: name.to_owned(),
                    suggestion: suggest(&var, fields.iter().map(String::as_str)),
                    name: var,
                },
                at(span),
            ));
        }
    }
    Analysis {
        fields: used,
        globals,
        ok,
    }
}

fn line_span(text: &str, line: usize) -> Span {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return Span::new(offset, l.trim_end().len());
        }
        offset += l.len();
    }
    Span::default()
}

/// The first occurrence of `word` as a whole identifier inside `{{ }}` or `{% %}`.
fn find_word(text: &str, word: &str) -> Span {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut start = 0;
    while let Some(i) = text.get(start..).and_then(|t| t.find(word)) {
        let at = start + i;
        let end = at + word.len();
        let before_ok = at == 0 || bytes.get(at - 1).is_none_or(|b| !is_ident(*b));
        let after_ok = bytes.get(end).is_none_or(|b| !is_ident(*b));
        let in_tag = text
            .get(..at)
            .is_some_and(|t| t.rfind("{{").max(t.rfind("{%")) > t.rfind("}}").max(t.rfind("%}")));
        if before_ok && after_ok && in_tag {
            return Span::new(at, word.len());
        }
        start = end;
    }
    Span::default()
}

/// Reports a template name that is not in the folder.
pub(crate) fn unknown_template(templates: &Templates, name: &str) -> Problem {
    let names = templates.names();
    Problem::UnknownReference {
        kind: RefKind::Template,
        name: name.to_owned(),
        suggestion: suggest(name, names.iter().map(String::as_str)),
    }
}

/// Declared fields a template reads as attributes (`c.decision_date` in a
/// report's loop over `cases`), found inside `{{ }}` and `{% %}` tags.
pub(crate) fn attribute_fields(text: &str, fields: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{").into_iter().chain(rest.find("{%")).min() {
        let after = rest.get(open + 2..).unwrap_or_default();
        let close = after
            .find("}}")
            .into_iter()
            .chain(after.find("%}"))
            .min()
            .unwrap_or(after.len());
        let tag = after.get(..close).unwrap_or_default();
        for part in tag.split('.').skip(1) {
            let ident: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if fields.contains(&ident) && !found.contains(&ident) {
                found.push(ident);
            }
        }
        rest = after.get(close..).unwrap_or_default();
    }
    found.sort();
    found
}

/// Checks one template file on its own: that it can be read and parsed.
/// (Which variables it may use depends on the routines that send it; those
/// are checked with the routine.)
pub fn check_template_file(path: &Path) -> Vec<Diagnostic> {
    let file = match load::read_source(&crate::files::DiskFiles, path) {
        Ok(f) => f,
        Err(d) => return vec![d],
    };
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let mut out = Vec::new();
    let env = crate::expr::environment();
    if let Err(e) = env.template_from_named_str(&name, file.text()) {
        out.push(syntax_error(&name, &file, &e));
    }
    out
}

fn syntax_error(name: &str, file: &Arc<SourceFile>, e: &minijinja::Error) -> Diagnostic {
    let span = e
        .range()
        .map(|r| Span::new(r.start, r.end.saturating_sub(r.start)))
        .or_else(|| e.line().map(|l| line_span(file.text(), l)))
        .unwrap_or_default();
    Diagnostic::error(
        Problem::TemplateSyntax {
            template: name.to_owned(),
            message: e.detail().unwrap_or("syntax error").to_owned(),
        },
        Some(Location {
            file: file.clone(),
            span,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::attribute_fields;

    #[test]
    fn finds_fields_read_as_attributes_in_tags_only() {
        let fields = vec!["decision_date".to_owned(), "key_number".to_owned()];
        let text = "key_number. {% for c in cases %}{{ c.decision_date | date }} {{ c.case.id }}{% endfor %}";
        assert_eq!(attribute_fields(text, &fields), vec!["decision_date"]);
    }
}
