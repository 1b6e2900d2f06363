//! `rutin check`: every problem of every routine, with snippets.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rutin::diagnostic::{self, Diagnostic, Problem, RefKind, Severity};

use crate::output::{self, text, Format};
use crate::{discover, OK, PROBLEMS, USAGE};

/// Arguments of `rutin check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Routine files, template files or folders to check (folders are
    /// searched for *.yaml and *.j2) [default: workflows templates]
    pub(crate) paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
    /// Treat warnings as problems (exit 1 when there are any).
    #[arg(long)]
    pub(crate) deny_warnings: bool,
    /// Also list each clause of the source documents and what cites it;
    /// exit 1 when a clause is cited by nothing.
    #[arg(long)]
    pub(crate) coverage: bool,
}

/// The outcome of checking a set of routine files.
pub(crate) struct Report {
    pub(crate) files: usize,
    pub(crate) templates: usize,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) routines: Vec<rutin::model::Routine>,
}

/// Checks routine files and the template folders they use (unused templates
/// are warned about once per folder), and template files on their own.
pub(crate) fn check_files(files: &[PathBuf], templates: &[PathBuf], whole_folders: bool) -> Report {
    let mut diagnostics = Vec::new();
    for template in templates {
        diagnostics.extend(rutin::check_template_file(template));
    }
    let mut template_files = BTreeSet::new();
    let mut used = BTreeSet::new();
    let mut routines = Vec::new();
    for file in files {
        let checked = rutin::check_routine(file);
        diagnostics.extend(checked.diagnostics);
        template_files.extend(checked.template_files);
        if let Some(routine) = &checked.routine {
            used.extend(routine.templates.values().map(|t| t.path.clone()));
        }
        routines.extend(checked.routine);
    }
    // Only judge template usage when whole folders were checked (a routine
    // left out may use them) and every routine loaded (a broken one may too).
    if whole_folders && diagnostics.iter().all(|d| !d.is_error()) {
        for path in template_files.difference(&used) {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let file = std::sync::Arc::new(rutin::source::SourceFile::new(
                path,
                std::fs::read_to_string(path).unwrap_or_default(),
            ));
            diagnostics.push(Diagnostic::warning(
                Problem::Unused {
                    kind: RefKind::Template,
                    id: name,
                },
                Some(diagnostic::Location {
                    file,
                    span: rutin::source::Span::default(),
                }),
            ));
        }
    }
    // The same organisation-file problem is found once per routine using it.
    let mut seen = Vec::new();
    diagnostics.retain(|d| {
        let key = (
            d.problem.clone(),
            d.location
                .as_ref()
                .map(|l| (l.file.path().to_path_buf(), l.span)),
        );
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    Report {
        files: files.len(),
        templates: templates.len(),
        diagnostics,
        routines,
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        ["workflows", "templates"]
            .iter()
            .map(PathBuf::from)
            .filter(|p| p.exists())
            .collect()
    } else {
        args.paths.clone()
    };
    if paths.is_empty() {
        let message = text("check-no-workflows", &[]);
        eprintln!("{}", text("error-line", &[("message", message.into())]));
        return USAGE;
    }
    let files = match discover::files(&paths) {
        Ok(files) => files,
        Err(e) => {
            eprintln!(
                "{}",
                text("error-line", &[("message", e.to_string().into())])
            );
            return USAGE;
        }
    };
    if files.routines.is_empty() && files.templates.is_empty() && files.profiles.is_empty() {
        let message = text("check-no-files", &[]);
        eprintln!("{}", text("error-line", &[("message", message.into())]));
        return USAGE;
    }
    let whole_folders = paths.iter().all(|p| p.is_dir());
    let mut report = check_files(&files.routines, &files.templates, whole_folders);
    for profile in &files.profiles {
        report
            .diagnostics
            .extend(rutin::simulate::check_profile(profile).diagnostics);
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let coverage = args
        .coverage
        .then(|| super::coverage::coverage(&report.routines));
    let uncovered = coverage
        .iter()
        .flatten()
        .filter(|c| c.cited_by.is_empty())
        .count();
    let warnings = report.diagnostics.len() - errors;
    match args.format {
        Format::Json => {
            let mut json = serde_json::json!({
                "files": report.files,
                "templates": report.templates,
                "profiles": files.profiles.len(),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": report.diagnostics.iter().map(diagnostic::to_json).collect::<Vec<_>>(),
            });
            if let (Some(rows), Some(map)) = (&coverage, json.as_object_mut()) {
                map.insert(
                    "coverage".into(),
                    serde_json::to_value(rows).unwrap_or_default(),
                );
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Text => {
            let color = output::stderr_color();
            for d in &report.diagnostics {
                eprintln!("{}", diagnostic::render(d, color));
            }
            eprintln!(
                "{}",
                summary(
                    report.files,
                    report.templates,
                    files.profiles.len(),
                    errors,
                    warnings
                )
            );
            if let Some(rows) = &coverage {
                print!("{}", super::coverage::render(rows));
            }
        }
    }
    let io_only = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .all(|d| matches!(d.problem, Problem::Io { .. }) && d.location.is_none());
    if errors > 0 && io_only {
        USAGE
    } else if errors > 0 || uncovered > 0 || (args.deny_warnings && warnings > 0) {
        PROBLEMS
    } else {
        OK
    }
}

fn summary(
    files: usize,
    templates: usize,
    profiles: usize,
    errors: usize,
    warnings: usize,
) -> String {
    let mut checked = text("check-routines", &[("count", files.into())]);
    if profiles > 0 {
        let profiles = text("check-profiles", &[("count", profiles.into())]);
        checked = format!("{checked}, {profiles}");
    }
    if templates > 0 {
        let templates = text("check-templates", &[("count", templates.into())]);
        checked = text(
            "check-and",
            &[("first", checked.into()), ("second", templates.into())],
        );
    }
    if errors == 0 && warnings == 0 {
        text("check-all-valid", &[("checked", checked.into())])
    } else {
        let errors = text("check-errors", &[("count", errors.into())]);
        let warnings = text("check-warnings", &[("count", warnings.into())]);
        text(
            "check-found",
            &[
                ("checked", checked.into()),
                ("errors", errors.into()),
                ("warnings", warnings.into()),
            ],
        )
    }
}
