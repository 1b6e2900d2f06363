//! Name resolution: every role, group, field, step, template and clause a
//! routine mentions must be declared. Builds the model's parts, one file per
//! part of the routine; the checks over the whole routine are passes that
//! run after it (see [`super`]).

mod assign;
mod deadline;
mod declare;
mod event;
mod field;
mod group_map;
pub(super) mod keys;
mod message;
mod organisation;
mod person;
mod recipient;
mod route;
mod rules;
mod schedule;
mod step;
mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::resolved::Resolved;
use super::scope::Scope;
use super::sender::Sender;
use super::templates::Templates;
use crate::diagnostic::{Diagnostic, Phrase, Problem, Sink};
use crate::files::SourceFiles;
use crate::load::raw;
use crate::model::{Clause, Schedule, Step};
use crate::source::Span;

/// Resolves the raw routine into the model's parts. Problems in this file go
/// to `sink`; problems in other files (organisation file, templates) to `extra`.
pub(super) fn resolve(
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    raw: &raw::RoutineFile,
    files: &dyn SourceFiles,
) -> Resolved {
    let dir = sink
        .file
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut scope = Scope::new(raw);
    let org = organisation::read(&mut scope, sink, extra, raw, &dir, files);
    let template_dir = raw
        .templates
        .as_ref()
        .map(|t| dir.join(&t.value))
        .or(org.template_dir);
    scope.templates = templates(sink, raw, template_dir, files);
    let meta = declare::meta(sink, raw, org.name);
    field::fields(&mut scope, sink, raw);
    let start = (!raw.start.value.is_empty())
        .then(|| scope.step(sink, &raw.start))
        .flatten();
    let steps: Vec<Step> = raw
        .steps
        .0
        .iter()
        .filter_map(|(id, s)| step::step(&mut scope, sink, extra, id, s))
        .collect();
    let deadlines = deadline::deadlines(
        &mut scope,
        sink,
        extra,
        &raw.deadlines,
        &Phrase::new("in-case"),
        Sender::CaseDeadline,
    );
    let schedules: Vec<Schedule> = raw
        .schedules
        .0
        .iter()
        .filter_map(|(id, s)| schedule::schedule(&mut scope, sink, extra, id, s))
        .collect();
    let events = event::events(&mut scope, sink, raw);
    Resolved {
        events,
        scope,
        meta,
        clauses: clauses(raw),
        start,
        all_steps: steps.len() == raw.steps.0.len(),
        steps,
        step_spans: step_spans(raw),
        deadlines,
        schedules,
    }
}

/// The template folder, which must exist when one is named.
fn templates(
    sink: &mut Sink,
    raw: &raw::RoutineFile,
    dir: Option<PathBuf>,
    files: &dyn SourceFiles,
) -> Templates {
    if let Some(d) = &dir {
        if !files.is_dir(d) {
            let span = raw.templates.as_ref().map_or(Span::default(), |t| t.span);
            sink.error(
                span,
                Problem::Io {
                    path: d.display().to_string(),
                    reason: Phrase::new("io-no-template-folder"),
                },
            );
        }
    }
    Templates::new(dir.map(|d| crate::source::normalize(&d)), files)
}

fn clauses(raw: &raw::RoutineFile) -> Vec<Clause> {
    raw.clauses
        .0
        .iter()
        .map(|(id, text)| Clause {
            id: id.value.clone(),
            text: text.value.clone(),
        })
        .collect()
}

fn step_spans(raw: &raw::RoutineFile) -> BTreeMap<String, Span> {
    raw.steps
        .0
        .iter()
        .map(|(id, _)| (id.value.clone(), id.span))
        .collect()
}
