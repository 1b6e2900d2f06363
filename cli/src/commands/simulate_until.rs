//! `rutin simulate --until DATE`: the limit read from its text, the
//! timeline split into the rounds of a repeating routine, and where the
//! case stands when the virtual clock stops (open tasks, armed deadlines,
//! what would happen next).

use std::fmt::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rutin::model::{Routine, StepKind};
use rutin::run::{Case, JournalEntry};
use rutin::simulate::{rounds, Next};

use crate::output::text;
use crate::timeline;

/// The step `--round` names, which must be one of the routine's.
pub(crate) fn round_step<'a>(
    routine: &Routine,
    step: Option<&'a str>,
) -> Result<Option<&'a str>, String> {
    match step {
        Some(id) if routine.step(id).is_none() => {
            let known: Vec<&str> = routine.steps.iter().map(|s| s.id.as_str()).collect();
            let steps = known.join(", ");
            Err(text(
                "until-not-a-step",
                &[("step", id.into()), ("steps", steps.into())],
            ))
        }
        _ => Ok(step),
    }
}

/// The time `--until` names: a date means the end of that day, a time that
/// minute. It may not lie before the case's `start`.
pub(crate) fn parse(given: &str, start: NaiveDateTime) -> Result<NaiveDateTime, String> {
    let until = match NaiveDate::parse_from_str(given.trim(), "%Y-%m-%d") {
        Ok(day) => day.and_hms_opt(23, 59, 59).unwrap_or_default(),
        Err(_) => crate::input::parse_time(given)?,
    };
    if until < start {
        return Err(text(
            "until-before-start",
            &[
                ("until", minute(until).into()),
                ("start", minute(start).into()),
            ],
        ));
    }
    Ok(until)
}

fn minute(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn step_title(routine: &Routine, step: &str) -> String {
    routine
        .step(step)
        .map_or_else(|| step.to_owned(), |s| format!("{} ({step})", s.title))
}

/// The timeline, headed by round when the case went round its routine
/// again (the rounds counted on the whole journal, `shown` being what the
/// reader may see of it).
pub(crate) fn timeline(
    routine: &Routine,
    case: &Case,
    head: Option<&str>,
    shown: &[JournalEntry],
) -> String {
    let all = rounds(routine, case.journal(), head);
    if all.len() < 2 {
        return timeline::render(routine, shown);
    }
    let mut out = String::new();
    for (i, round) in all.iter().enumerate() {
        let end = all.get(i + 1).map_or(u64::MAX, |r| r.seq);
        let part: Vec<JournalEntry> = shown
            .iter()
            .filter(|e| e.seq >= round.seq && e.seq < end)
            .cloned()
            .collect();
        let how = if round.number == 1 { "first" } else { "again" };
        let heading = [
            ("number", round.number.to_string().into()),
            ("at", minute(round.at).into()),
            ("how", how.into()),
            ("step", step_title(routine, &round.step).into()),
        ];
        let _ = writeln!(out, "{}", text("until-round", &heading));
        out.push_str(&timeline::render(routine, &part));
    }
    out
}

/// Where the case stands when the clock stopped at `until`, `next` being
/// what would happen then; open tasks of `role` only when given.
pub(crate) fn stand(
    routine: &Routine,
    case: &Case,
    (role, head): (Option<&str>, Option<&str>),
    until: NaiveDateTime,
    next: &Next,
) -> String {
    let mut out = String::new();
    let round = rounds(routine, case.journal(), head).len();
    let stopped = [
        ("until", minute(until).into()),
        ("round", round.to_string().into()),
    ];
    let _ = writeln!(out, "{}", text("until-stopped", &stopped));
    let steps: Vec<String> = case
        .active_steps()
        .iter()
        .map(|s| step_title(routine, s))
        .collect();
    let at = text("until-at", &[("steps", steps.join(", ").into())]);
    let _ = writeln!(out, "  {at}");
    for task in case.open_tasks() {
        if role.is_none_or(|r| r == task.role) {
            let open = [
                ("task", task.id.0.to_string().into()),
                ("title", (&task.title).into()),
                ("role", (&task.role).into()),
                ("opened", minute(task.opened).into()),
            ];
            let _ = writeln!(out, "  {}", text("until-open-task", &open));
        }
    }
    for d in case.pending_deadlines() {
        let of = d.step.as_deref().map_or_else(
            || text("until-deadline-of-case", &[]),
            |s| text("until-deadline-of-step", &[("step", s.into())]),
        );
        let armed = [
            ("deadline", (&d.deadline).into()),
            ("of", of.into()),
            ("due", minute(d.due).into()),
        ];
        let _ = writeln!(out, "  {}", text("until-deadline", &armed));
    }
    let next = next_text(routine, case, next);
    let _ = writeln!(out, "  {}", text("until-next", &[("next", next.into())]));
    out
}

fn next_text(routine: &Routine, case: &Case, next: &Next) -> String {
    match next {
        Next::Deliver {
            event, step, at, ..
        } => text(
            "until-next-event",
            &[
                ("event", event.into()),
                ("step", step_title(routine, step).into()),
                ("at", minute(*at).into()),
            ],
        ),
        Next::Complete { task, at, .. } => {
            let title = case
                .open_tasks()
                .into_iter()
                .find(|t| t.id == *task)
                .map_or_else(String::new, |t| {
                    text("until-next-task-title", &[("title", (&t.title).into())])
                });
            let done = [
                ("task", task.0.to_string().into()),
                ("title", title.into()),
                ("at", minute(*at).into()),
            ];
            text("until-next-task", &done)
        }
        Next::Advance { to } => {
            let wakes: Vec<String> = case
                .pending_deadlines()
                .into_iter()
                .filter(|d| d.due == *to)
                .map(|d| text("until-next-deadline", &[("deadline", (&d.deadline).into())]))
                .collect();
            let waits: Vec<String> = case
                .active_steps()
                .into_iter()
                .filter(|s| {
                    routine
                        .step(s)
                        .is_some_and(|s| matches!(s.kind, StepKind::Wait { .. }))
                })
                .map(|s| step_title(routine, s))
                .collect();
            let at = ("at", minute(*to).into());
            if !wakes.is_empty() {
                let deadlines = ("deadlines", wakes.join(", ").into());
                text("until-next-falls-due", &[deadlines, at])
            } else if !waits.is_empty() {
                let steps = ("steps", waits.join(", ").into());
                text("until-next-wait-ends", &[steps, at])
            } else {
                text("until-next-clock", &[at])
            }
        }
    }
}
