//! From a profile file to a checked [`Profile`]: the same YAML loading and
//! diagnostics as routines, then every id checked against the routines the
//! profile names (with "did you mean").

mod branches;
mod data;
mod delay;
mod stage;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::profile::{Profile, Stage};
use crate::diagnostic::{Diagnostic, Phrase, Problem, Sink};
use crate::files::{DiskFiles, SourceFiles};
use crate::load::fields::{fields, list, string, Fields};
use crate::load::node::Node;
use crate::model::Routine;

/// A checked profile (when it has no errors) and every problem found.
#[derive(Debug)]
pub struct CheckedProfile {
    /// The profile, when there was no error.
    pub profile: Option<Profile>,
    /// Errors and warnings, located in the profile file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a path names a simulation profile (`*.profile.yaml`) rather than a routine.
pub fn is_profile_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".profile.yaml") || n.ends_with(".profile.yml"))
}

/// Reads and checks a simulation profile and the routines it names (paths
/// relative to the profile's folder).
pub fn check_profile(path: &Path) -> CheckedProfile {
    let file = match crate::load::read_source(&DiskFiles, path) {
        Ok(file) => file,
        Err(d) => {
            return CheckedProfile {
                profile: None,
                diagnostics: vec![d],
            }
        }
    };
    let mut sink = Sink::new(file);
    let profile = crate::load::parse_yaml(&mut sink).and_then(|node| {
        let dir = path.parent().unwrap_or(Path::new("."));
        decode(&mut sink, &node, path, dir)
    });
    let failed = sink.diagnostics.iter().any(Diagnostic::is_error);
    CheckedProfile {
        profile: profile.filter(|_| !failed),
        diagnostics: sink.diagnostics,
    }
}

fn decode(sink: &mut Sink, node: &Node, path: &Path, dir: &Path) -> Option<Profile> {
    let mut m = fields(
        sink,
        "the file",
        node,
        Phrase::untranslated("the profile file"),
    )?;
    let (title, start) = meta(sink, &mut m);
    let per_working_day = arrivals(sink, &mut m);
    let mut stages = Vec::new();
    match m.get("stages") {
        Some(n) => {
            for (i, item) in list(sink, "stages", n).into_iter().enumerate() {
                let previous = stages.last().map(|s: &Stage| s.routine.clone());
                stages.extend(stage::stage(sink, item, dir, i, previous.as_deref()));
            }
        }
        None => missing(sink, &m, "stages"),
    }
    m.finish(sink);
    Some(Profile {
        path: path.to_path_buf(),
        title: title?,
        start: start?,
        per_working_day: per_working_day?,
        stages,
    })
}

fn missing(sink: &mut Sink, m: &Fields<'_>, key: &str) {
    sink.error(
        m.span,
        Problem::MissingKey {
            key: key.into(),
            context: m.context().to_owned(),
        },
    );
}

fn meta(sink: &mut Sink, m: &mut Fields<'_>) -> (Option<String>, Option<NaiveDate>) {
    let Some(node) = m.get("profile") else {
        missing(sink, m, "profile");
        return (None, None);
    };
    let Some(mut p) = fields(sink, "profile", node, Phrase::untranslated("`profile`")) else {
        return (None, None);
    };
    let title = p.required_string(sink, "title").map(|t| t.value);
    let start = p.required_string(sink, "start").and_then(|s| {
        let date = crate::expr::parse_date(&s.value);
        if date.is_none() {
            sink.error(s.span, Problem::BadDate { text: s.value });
        }
        date
    });
    p.finish(sink);
    (title, start)
}

/// Cases per working day, from `per_week` or `per_working_day`.
fn arrivals(sink: &mut Sink, m: &mut Fields<'_>) -> Option<f64> {
    let Some(node) = m.get("arrivals") else {
        missing(sink, m, "arrivals");
        return None;
    };
    let mut a = fields(sink, "arrivals", node, Phrase::untranslated("`arrivals`"))?;
    let week = a
        .get("per_week")
        .and_then(|n| delay::number(sink, "per_week", n));
    let day = a
        .get("per_working_day")
        .and_then(|n| delay::number(sink, "per_working_day", n));
    let span = a.span;
    a.finish(sink);
    let rate = match (week, day) {
        (Some(w), None) => w / 5.0,
        (None, Some(d)) => d,
        _ => {
            sink.error(
                span,
                Problem::BadProfile {
                    message: Phrase::untranslated(
                        "`arrivals` needs one rate: `per_week` or `per_working_day`",
                    ),
                    fix: Phrase::untranslated(
                        "write `per_week: 40` (cases a week) or `per_working_day: 8`",
                    ),
                },
            );
            return None;
        }
    };
    if rate <= 0.0 {
        sink.error(
            span,
            Problem::BadProfile {
                message: Phrase::untranslated("the arrival rate is not above 0"),
                fix: Phrase::untranslated("give how many cases arrive, more than 0"),
            },
        );
        return None;
    }
    Some(rate)
}

/// The routine a stage names, checked; an error at `routine:` when it does not check.
fn routine(sink: &mut Sink, node: &Node, dir: &Path) -> Option<(Arc<Routine>, PathBuf)> {
    let name = string(sink, "routine", node)?;
    let path: PathBuf = dir.join(&name.value);
    if DiskFiles.size(&path).is_err() {
        sink.error(
            name.span,
            Problem::BadProfile {
                message: Phrase::untranslated(format!(
                    "there is no routine file `{}`",
                    path.display()
                )),
                fix: Phrase::untranslated(
                    "name a routine file beside the profile (`installation.yaml`)",
                ),
            },
        );
        return None;
    }
    let checked = crate::check_routine(&path);
    match checked.routine {
        Some(r) => Some((Arc::new(r), path)),
        None => {
            sink.error(
                name.span,
                Problem::BadProfile {
                    message: Phrase::untranslated(format!(
                        "the routine `{}` has errors",
                        name.value
                    )),
                    fix: Phrase::untranslated(format!(
                        "run `rutin check {}` and fix them first",
                        path.display()
                    )),
                },
            );
            None
        }
    }
}
