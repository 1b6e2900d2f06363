//! Message templates: found in the routine's template folder, parsed with
//! minijinja, and analyzed on their syntax tree ([`walk`]) for the variables
//! they read, so that a typo or a field the recipient may not see is caught
//! before any message is sent.

pub(crate) mod builtins;
pub(crate) mod reads;
pub(crate) mod walk;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use reads::{Finding, GlobalUse};

use super::trees::Trees;
use crate::diagnostic::{suggest, Diagnostic, Location, Problem, RefKind};
use crate::files::SourceFiles;
use crate::load;
use crate::model::Template;
use crate::source::{SourceFile, Span};

/// What a template reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Analysis {
    /// Declared fields it reads at the top level.
    pub(crate) fields: Vec<String>,
    /// Declared fields it reads from the cases of a report.
    pub(crate) case_fields: Vec<String>,
    /// Template globals it reads (`deadline`, `cases`...), and how.
    pub(crate) globals: BTreeMap<String, GlobalUse>,
    /// Whether it has no error.
    pub(crate) ok: bool,
}

impl Analysis {
    /// Every field it reads, at the top level or from cases.
    pub(crate) fn all_fields(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .fields
            .iter()
            .chain(&self.case_fields)
            .cloned()
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

/// The file extension of templates.
pub(crate) const EXTENSION: &str = "j2";

/// The templates of one folder: listed and read when the folder is found
/// (through the routine's [`SourceFiles`]), checked on first use.
#[derive(Debug, Default)]
pub(crate) struct Templates {
    pub(crate) dir: Option<PathBuf>,
    pub(crate) loaded: BTreeMap<String, Option<Template>>,
    /// What each loaded template reads.
    pub(crate) analyses: BTreeMap<String, Analysis>,
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
            analyses: BTreeMap::new(),
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
        trees: &Trees,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Template> {
        if let Some(t) = self.loaded.get(name) {
            return t.clone();
        }
        let path = self.dir.as_ref()?.join(format!("{name}.{EXTENSION}"));
        let template = if let Some(text) = self.texts.get(&path) {
            let loaded = load_template(text.clone(), name, &path, (fields, trees), out);
            loaded.map(|(template, analysis)| {
                self.analyses.insert(name.to_owned(), analysis);
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
    (fields, trees): (&[String], &Trees),
    out: &mut Vec<Diagnostic>,
) -> Option<(Template, Analysis)> {
    let file = match text {
        Ok(f) => f,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let analysis = analyze_template(name, &file, fields, trees, out);
    analysis.ok.then(|| {
        (
            Template {
                name: name.to_owned(),
                path: path.to_path_buf(),
                // Messages use `\n` line ends whatever the editor saved.
                source: file.text().replace("\r\n", "\n"),
                fields_used: analysis.all_fields(),
            },
            analysis,
        )
    })
}

/// Parses a template (once: `trees`) and returns what it reads, reporting
/// syntax errors, unknown variables and what its syntax tree shows would
/// fail when sent. `ok` is false when it has errors.
pub(crate) fn analyze_template(
    name: &str,
    file: &Arc<SourceFile>,
    fields: &[String],
    trees: &Trees,
    out: &mut Vec<Diagnostic>,
) -> Analysis {
    let at = |span: Span| {
        Some(Location {
            file: file.clone(),
            span,
        })
    };
    let tree = trees.template(file.text(), name);
    let ast = match tree.tree() {
        Ok(ast) => ast,
        Err(e) => {
            out.push(syntax_error(name, file, e));
            return Analysis::default();
        }
    };
    let known = walk::Known { fields };
    let reads = walk::template_tree(ast, file.text(), &known);
    let mut ok = true;
    for finding in reads.findings {
        ok = false;
        let span = reads::Reads::span(&finding);
        out.push(Diagnostic::error(
            finding_problem(finding, name, fields),
            at(span),
        ));
    }
    for (var, span) in reads.unknown {
        ok = false;
        out.push(Diagnostic::error(
            Problem::TemplateUnknownVariable {
                template: name.to_owned(),
                suggestion: suggest(&var, fields.iter().map(String::as_str)),
                name: var,
            },
            at(span),
        ));
    }
    Analysis {
        fields: reads.fields.into_keys().collect(),
        case_fields: reads.case_fields.into_keys().collect(),
        globals: reads.globals,
        ok,
    }
}

/// The problem for a finding in template `template` (or an expression).
pub(crate) fn finding_problem(finding: Finding, template: &str, fields: &[String]) -> Problem {
    match finding {
        Finding::UnknownFilter { name, .. } => Problem::UnknownReference {
            kind: RefKind::Filter,
            suggestion: suggest(&name, crate::expr::FILTERS.iter().copied()),
            name,
        },
        Finding::UnknownTest { name, .. } => Problem::UnknownReference {
            kind: RefKind::Test,
            suggestion: suggest(&name, walk::TESTS.iter().copied()),
            name,
        },
        Finding::BadDuration { message, .. } => Problem::BadDuration { message },
        Finding::Include { .. } => Problem::TemplateInclude {
            template: template.to_owned(),
        },
        Finding::DynamicInclude { expr, .. } => Problem::TemplateDynamicInclude {
            template: template.to_owned(),
            expr,
        },
        Finding::UnknownCaseField { name, .. } => Problem::UnknownReference {
            kind: RefKind::Field,
            suggestion: suggest(&name, fields.iter().map(String::as_str)),
            name,
        },
        Finding::DynamicRead { expr, .. } => Problem::TemplateDynamicRead {
            template: template.to_owned(),
            expr,
        },
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

/// Reports a template name that is not in the folder.
pub(crate) fn unknown_template(templates: &Templates, name: &str) -> Problem {
    let names = templates.names();
    Problem::UnknownReference {
        kind: RefKind::Template,
        name: name.to_owned(),
        suggestion: suggest(name, names.iter().map(String::as_str)),
    }
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
    let env = crate::expr::shared_environment();
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
            message: crate::analyze::exprs::jinja_reason(e),
        },
        Some(Location {
            file: file.clone(),
            span,
        }),
    )
}
