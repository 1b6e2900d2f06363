//! Cross-case schedules: reports over many cases.
//!
//! A schedule (the monthly list of decisions not carried out after three
//! months) selects among the cases the caller hands in — the engine has no
//! store of its own, so any store can run schedules — and renders one
//! report. Running a schedule changes no case. Each listed case shows only
//! the fields every recipient of the report may see.
//!
//! Only open cases of the schedule's own routine *and version* are
//! evaluated: a case of another version may lack fields this version's
//! `select` reads, or give them another meaning, so it is passed over and
//! named in [`ScheduleRun::other_versions`] (run that version's schedule
//! for it). A case whose `select` cannot be evaluated refuses the whole run
//! with an error naming the case: a report that silently left out a case
//! it could not judge would look complete when it is not, and a municipality
//! must be able to trust that the monthly list is the whole list.

use chrono::NaiveDateTime;
use minijinja::Value;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::context::{self, date_text};
use super::error::{RenderError, RunError};
use super::journal::{Addressee, CaseId, Message};
use super::render::{address, render_text};
use super::visibility::may_see;
use crate::expr;
use crate::model::{Expr, Routine};

/// The result of running a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleRun {
    /// The schedule's id.
    pub schedule: String,
    /// When it ran.
    pub at: NaiveDateTime,
    /// The cases selected, in the order given.
    pub selected: Vec<CaseId>,
    /// Open cases of the same routine on another version, in the order
    /// given: passed over, not evaluated.
    #[serde(default)]
    pub other_versions: Vec<CaseId>,
    /// The report; `None` when no case was selected or no recipient remained.
    pub message: Option<Message>,
    /// When it should run next (`at` plus the schedule's `every`).
    pub next_run: Option<NaiveDateTime>,
}

/// Runs schedule `schedule` of `routine` at `at` over `cases`. Cases of other
/// routines and ended cases are passed over, and so are cases of another
/// version of the same routine (listed in [`ScheduleRun::other_versions`]).
/// A case whose `select` fails refuses the run with [`RunError::Expr`]
/// naming the case.
pub fn run_schedule(
    routine: &Routine,
    schedule: &str,
    cases: &[&Case],
    at: NaiveDateTime,
) -> Result<ScheduleRun, RunError> {
    run(routine, schedule, cases, at, None)
}

/// Runs a schedule as [`run_schedule`] does, for `viewer` (a role) to read:
/// the report is the one its recipients get, with every row holding only
/// the fields the viewer may see as well. A report whose template (or
/// subject) reads a field the viewer may not see is refused with
/// [`RenderError::HiddenField`] naming the field, never its values.
pub fn run_schedule_for(
    routine: &Routine,
    schedule: &str,
    cases: &[&Case],
    at: NaiveDateTime,
    viewer: &str,
) -> Result<ScheduleRun, RunError> {
    run(routine, schedule, cases, at, Some(viewer))
}

/// The first field the report's template reads that `viewer` may not see.
fn hidden_read(routine: &Routine, template: &str, viewer: &str) -> Option<RenderError> {
    let read = &routine.templates.get(template)?.fields_used;
    let field = read.iter().find(|f| !may_see(routine, Some(viewer), f))?;
    Some(RenderError::HiddenField {
        template: template.to_string(),
        field: field.clone(),
        recipient: viewer.to_string(),
    })
}

fn run(
    routine: &Routine,
    schedule: &str,
    cases: &[&Case],
    at: NaiveDateTime,
    viewer: Option<&str>,
) -> Result<ScheduleRun, RunError> {
    let spec = routine
        .schedule(schedule)
        .ok_or_else(|| RunError::UnknownSchedule(schedule.to_string()))?;
    if let Some(hidden) = viewer.and_then(|v| hidden_read(routine, &spec.message.template, v)) {
        return Err(hidden.into());
    }
    let env = expr::routine_environment(routine);
    let mut selected = Vec::new();
    let mut other_versions = Vec::new();
    for case in cases {
        if case.routine_id() != routine.meta.id || case.is_ended() {
            continue;
        }
        if case.routine_version() != routine.meta.version {
            other_versions.push(case.id().clone());
            continue;
        }
        let take = expr::eval_compiled(routine, &spec.select, |reads| {
            context::expression_reading(routine, &case.state, at, reads)
        })
        .map(|v| v.is_true())
        .map_err(|e| {
            RunError::expr(
                format!("`select` of schedule `{schedule}` for case {}", case.id()),
                e,
            )
        })?;
        if take {
            selected.push(*case);
        }
    }
    let next_run = crate::calendar::due_at(at, &spec.every, spec.at);
    let ids: Vec<CaseId> = selected.iter().map(|c| c.id().clone()).collect();
    // A run that sends nothing: no case selected, or no recipient left.
    let silent = |selected: Vec<CaseId>, other_versions: Vec<CaseId>| ScheduleRun {
        schedule: schedule.to_string(),
        at,
        selected,
        other_versions,
        message: None,
        next_run,
    };
    if selected.is_empty() {
        return Ok(silent(ids, other_versions));
    }
    let message_spec = &spec.message;
    let base = Value::from_pairs([("today", Value::from(date_text(at)))]);
    let eval = |e: &Expr| expr::eval(env, e, &base);
    let text = |field: &str| {
        let value = base.get_attr(field).ok()?;
        value.as_str().map(str::to_owned)
    };
    let to = address(
        routine,
        &eval,
        &text,
        &message_spec.to,
        &message_spec.template,
    )?;
    let cc = address(
        routine,
        &eval,
        &text,
        &message_spec.cc,
        &message_spec.template,
    )?;
    let everyone: Vec<&Addressee> = to.iter().chain(cc.iter()).collect();
    if everyone.is_empty() {
        return Ok(silent(ids, other_versions));
    }
    let visible = |field: &str| {
        everyone
            .iter()
            .all(|r| may_see(routine, r.sees_as.as_deref(), field))
            && viewer.is_none_or(|v| may_see(routine, Some(v), field))
    };
    let from = message_spec
        .from
        .as_ref()
        .map(|f| super::render::sender(routine, f))
        .transpose()?;
    let listed: Vec<Value> = selected
        .iter()
        .map(|case| {
            let mut pairs = context::field_pairs(routine, &case.state, visible);
            pairs.push(("case", context::case_value(&case.state)));
            Value::from_pairs(pairs)
        })
        .collect();
    let ctx = Value::from_pairs([
        ("cases", Value::from(listed)),
        ("routine", context::routine_value(routine)),
        ("case", Value::from(())),
        ("step", Value::from(())),
        ("deadline", Value::from(())),
        (
            "recipients",
            Value::from(everyone.iter().map(|r| r.name.clone()).collect::<Vec<_>>()),
        ),
        (
            "sender",
            context::sender_value(
                from.as_ref()
                    .map(|f| (f.id.clone(), f.name.clone()))
                    .as_ref(),
            ),
        ),
        ("today", Value::from(date_text(at))),
    ]);
    let source = &routine
        .templates
        .get(&message_spec.template)
        .ok_or_else(|| RenderError::MissingTemplate(message_spec.template.clone()))?
        .source;
    let body = render_text(env, &message_spec.template, source, &ctx)?;
    let subject = match &message_spec.subject {
        Some(s) => Some(render_text(
            env,
            &format!("subject of {}", message_spec.template),
            s,
            &ctx,
        )?),
        None => None,
    };
    Ok(ScheduleRun {
        schedule: schedule.to_string(),
        at,
        selected: ids,
        other_versions,
        message: Some(Message {
            step: None,
            deadline: None,
            template: message_spec.template.clone(),
            subject,
            body,
            to,
            cc,
            fields_used: Vec::new(),
            from,
        }),
        next_run,
    })
}
