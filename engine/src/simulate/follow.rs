//! One case following its routine by itself on a virtual clock (what
//! `rutin simulate` does without a scenario): each awaited event arrives
//! one working day after the last thing that happened, with the example
//! values of the fields it may carry (before open tasks are done, so an
//! answer that runs beside tasks in a parallel branch comes as it would);
//! each open task is done one working day after the last thing, with the
//! example values of the fields it records; otherwise the clock moves to
//! the next deadline or date. It stops when the case ends, when nothing is
//! due, after a number of actions, or when the next action would come after
//! a time ([`Limits::until`]), leaving the case as it stands then.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};

use crate::calendar::{Duration, Unit};
use crate::model::{Bound, Field, FieldType, Routine, StepKind};
use crate::run::{Case, RunError, TaskId, TaskRef};

/// How far [`follow`] goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most actions (a guard against a loop that never waits).
    pub max_actions: u32,
    /// The virtual clock stops here: nothing after it happens.
    pub until: Option<NaiveDateTime>,
}

/// What the simulation does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// The event awaited at `step` arrives at `at` with `values`.
    Deliver {
        /// The event's name.
        event: String,
        /// The step waiting for it.
        step: String,
        /// When it arrives.
        at: NaiveDateTime,
        /// What it carries.
        values: Value,
    },
    /// The open task is done at `at` with `values`.
    Complete {
        /// The task.
        task: TaskId,
        /// Its role.
        role: String,
        /// When it is done.
        at: NaiveDateTime,
        /// What it records.
        values: Value,
    },
    /// The clock moves on to `to`, when a deadline or a waited-for date is due.
    Advance {
        /// The time.
        to: NaiveDateTime,
    },
}

impl Next {
    /// When it happens.
    pub fn at(&self) -> NaiveDateTime {
        match self {
            Next::Deliver { at, .. } | Next::Complete { at, .. } => *at,
            Next::Advance { to } => *to,
        }
    }
}

/// Why [`follow`] stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    /// The case ended.
    Ended,
    /// The case waits, but nothing is due: no open task, event or deadline.
    Idle,
    /// [`Limits::max_actions`] actions were taken.
    ActionLimit(u32),
    /// The next action would come after [`Limits::until`]: this one.
    Until(Next),
}

/// Follows the routine by itself from where `case` stands (see the module).
/// A refused command stops it with the error; the case keeps what happened
/// before.
pub fn follow(routine: &Routine, case: &mut Case, limits: Limits) -> Result<Stop, RunError> {
    for _ in 0..limits.max_actions {
        let Some(next) = next_action(routine, case) else {
            return Ok(if case.is_ended() {
                Stop::Ended
            } else {
                Stop::Idle
            });
        };
        if limits.until.is_some_and(|until| next.at() > until) {
            return Ok(Stop::Until(next));
        }
        take(routine, case, next)?;
    }
    Ok(match next_action(routine, case) {
        None if case.is_ended() => Stop::Ended,
        _ => Stop::ActionLimit(limits.max_actions),
    })
}

/// What the simulation would do next, or `None` when the case has ended or
/// nothing is due.
pub fn next_action(routine: &Routine, case: &Case) -> Option<Next> {
    if case.is_ended() {
        return None;
    }
    let now = case.latest();
    let at = one_working_day_after(now);
    let due = case.next_due().filter(|d| *d <= at);
    if let Some((event, step, fields)) = awaited_event(routine, case) {
        return Some(match due {
            Some(to) => Next::Advance { to },
            None => Next::Deliver {
                event,
                step,
                at,
                values: values_for(routine, &fields, at),
            },
        });
    }
    if let Some(task) = case.open_tasks().first() {
        let fields: Vec<String> = match task.step.as_deref().and_then(|s| routine.step(s)) {
            Some(step) if task.deadline.is_none() => match &step.kind {
                StepKind::Task { collects, .. } => collects.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        return Some(match due {
            Some(to) => Next::Advance { to },
            None => Next::Complete {
                task: task.id,
                role: task.role.to_string(),
                at,
                values: values_for(routine, &fields, at),
            },
        });
    }
    case.next_due()
        .map(|due| Next::Advance { to: due.max(now) })
}

/// Carries out `next`.
pub fn take(routine: &Routine, case: &mut Case, next: Next) -> Result<(), RunError> {
    match next {
        Next::Deliver {
            event, at, values, ..
        } => case.deliver(routine, &event, values, at),
        Next::Complete {
            task,
            role,
            at,
            values,
        } => {
            let name = routine
                .roles
                .get(&role)
                .map_or("", |r| r.name.as_str())
                .to_owned();
            case.complete_task(routine, TaskRef::Id(task), &name, &role, values, at)
        }
        Next::Advance { to } => case.advance(routine, to),
    }
    .map(|_| ())
}

/// The first event some active step waits for, with its step and the
/// fields it may carry (its optional ones too).
fn awaited_event(routine: &Routine, case: &Case) -> Option<(String, String, Vec<String>)> {
    case.active_steps()
        .iter()
        .find_map(|s| match routine.step(s).map(|step| &step.kind) {
            Some(StepKind::Event {
                event,
                collects,
                optional,
                ..
            }) => Some((
                event.clone(),
                (*s).to_string(),
                [collects.clone(), optional.clone()].concat(),
            )),
            _ => None,
        })
}

fn one_working_day_after(at: NaiveDateTime) -> NaiveDateTime {
    Duration {
        amount: 1,
        unit: Unit::WorkingDays,
    }
    .after_datetime(at)
    .unwrap_or(at)
}

fn values_for(routine: &Routine, fields: &[String], at: NaiveDateTime) -> Value {
    fields
        .iter()
        .map(|f| (f.clone(), value_for(routine, f, at)))
        .collect::<Map<_, _>>()
        .into()
}

/// A value a person records along the way: a date is the simulated day it
/// is recorded (an installation date is the day of the installation), kept
/// within the field's `min:`/`max:`; other fields take their example, or a
/// neutral value of their type.
pub fn value_for(routine: &Routine, field: &str, at: NaiveDateTime) -> Value {
    let Some(f) = routine.field(field) else {
        return Value::Null;
    };
    let today = at.date().format("%Y-%m-%d").to_string();
    if f.ty == FieldType::Date {
        return within_rules(f, at.date())
            .format("%Y-%m-%d")
            .to_string()
            .into();
    }
    if let Some(e) = &f.example {
        return e.clone();
    }
    match &f.ty {
        FieldType::Text => "(simulerat)".into(),
        FieldType::Integer => 1.into(),
        FieldType::Boolean => true.into(),
        FieldType::Date => today.into(),
        FieldType::Period => serde_json::json!({"from": today, "to": today}),
        FieldType::Enum { values } => values.first().cloned().unwrap_or_default().into(),
        FieldType::Personnummer => "19121212-1212".into(),
        FieldType::List { .. } => serde_json::json!([]),
    }
}

/// The day, moved into the field's `min:`/`max:` when it lies outside.
fn within_rules(f: &Field, day: NaiveDate) -> NaiveDate {
    match (f.rules.min, f.rules.max) {
        (Some(Bound::Date(min)), _) if day < min => min,
        (_, Some(Bound::Date(max))) if day > max => max,
        _ => day,
    }
}
