//! `rutin simulate --until DATE`: the limit read from its text, the
//! timeline split into the rounds of a repeating routine, and where the
//! case stands when the virtual clock stops (open tasks, armed deadlines,
//! what would happen next).

use std::fmt::Write;

use chrono::{NaiveDate, NaiveDateTime};
use rutin::model::{Routine, StepKind};
use rutin::run::{Case, JournalEntry};
use rutin::simulate::{rounds, Next};

use crate::timeline;

/// The step `--round` names, which must be one of the routine's.
pub(crate) fn round_step<'a>(
    routine: &Routine,
    step: Option<&'a str>,
) -> Result<Option<&'a str>, String> {
    match step {
        Some(id) if routine.step(id).is_none() => {
            let known: Vec<&str> = routine.steps.iter().map(|s| s.id.as_str()).collect();
            Err(format!(
                "`{id}` is not a step of this routine; steps: {}",
                known.join(", ")
            ))
        }
        _ => Ok(step),
    }
}

/// The time `--until` names: a date means the end of that day, a time that
/// minute. It may not lie before the case's `start`.
pub(crate) fn parse(text: &str, start: NaiveDateTime) -> Result<NaiveDateTime, String> {
    let until = match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(day) => day.and_hms_opt(23, 59, 59).unwrap_or_default(),
        Err(_) => crate::input::parse_time(text)?,
    };
    if until < start {
        return Err(format!(
            "{} lies before the case starts ({}); give a later date, or an earlier --start",
            minute(until),
            minute(start)
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
        let how = if round.number == 1 {
            "starts at"
        } else {
            "back at"
        };
        let _ = writeln!(
            out,
            "── round {} from {}: {how} {}",
            round.number,
            minute(round.at),
            step_title(routine, &round.step)
        );
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
    let _ = writeln!(
        out,
        "the virtual clock stopped at {} (--until), in round {round}",
        minute(until)
    );
    let steps: Vec<String> = case
        .active_steps()
        .iter()
        .map(|s| step_title(routine, s))
        .collect();
    let _ = writeln!(out, "  at: {}", steps.join(", "));
    for task in case.open_tasks() {
        if role.is_none_or(|r| r == task.role) {
            let _ = writeln!(
                out,
                "  open task {}: {} [{}], open since {}",
                task.id.0,
                task.title,
                task.role,
                minute(task.opened)
            );
        }
    }
    for d in case.pending_deadlines() {
        let of = d
            .step
            .as_deref()
            .map_or_else(|| "the case".to_owned(), |s| format!("step {s}"));
        let _ = writeln!(
            out,
            "  deadline {} ({of}) armed, due {}",
            d.deadline,
            minute(d.due)
        );
    }
    let _ = writeln!(out, "  next: {}", next_text(routine, case, next));
    out
}

fn next_text(routine: &Routine, case: &Case, next: &Next) -> String {
    match next {
        Next::Deliver {
            event, step, at, ..
        } => format!(
            "the event `{event}` awaited at {} arrives {}",
            step_title(routine, step),
            minute(*at)
        ),
        Next::Complete { task, at, .. } => {
            let title = case
                .open_tasks()
                .into_iter()
                .find(|t| t.id == *task)
                .map_or_else(String::new, |t| format!(": {}", t.title));
            format!("task {}{title} is done {}", task.0, minute(*at))
        }
        Next::Advance { to } => {
            let wakes: Vec<String> = case
                .pending_deadlines()
                .into_iter()
                .filter(|d| d.due == *to)
                .map(|d| format!("deadline {}", d.deadline))
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
            let what = if !wakes.is_empty() {
                format!("{} falls due", wakes.join(", "))
            } else if !waits.is_empty() {
                format!("the wait at {} ends", waits.join(", "))
            } else {
                "the clock moves on".to_owned()
            };
            format!("{what} {}", minute(*to))
        }
    }
}
