//! The variables expressions and templates see.
//!
//! Expressions (conditions, `until`, `group_of`) are the engine's own
//! decisions and see every field. Templates produce text that people read,
//! so their context holds only the fields every recipient may see
//! ([`super::visibility`]); anything else is undefined, and strict mode turns
//! a use of it into an error instead of a leak.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use minijinja::value::Serde;
use minijinja::Value;

use super::state::State;
use crate::expr::{format_date, TEMPLATE_GLOBALS};
use crate::model::{Deadline, Routine, Step};

/// A date as the language writes it (`YYYY-MM-DD`).
pub(crate) fn date_text(at: NaiveDateTime) -> String {
    format_date(at.date()).unwrap_or_default()
}

/// `case`: id, start date, steps reached.
pub(crate) fn case_value(state: &State) -> Value {
    Value::from_pairs([
        ("id", Value::from(state.id.0.as_str())),
        ("started", Value::from(date_text(state.started))),
        (
            "reached",
            Value::from(
                state
                    .reached
                    .iter()
                    .map(|s| Value::from(s.as_str()))
                    .collect::<Vec<_>>(),
            ),
        ),
    ])
}

/// Field values (unset: none) for the fields `include` admits.
pub(crate) fn field_pairs<'r>(
    routine: &'r Routine,
    state: &State,
    include: impl Fn(&str) -> bool,
) -> Vec<(&'r str, Value)> {
    routine
        .fields
        .iter()
        .filter(|f| include(&f.id))
        .map(|f| (f.id.as_str(), field_value(state, &f.id)))
        .collect()
}

/// A field's value (unset: none).
fn field_value(state: &State, field: &str) -> Value {
    state
        .fields
        .get(field)
        .map_or(Value::from(()), |v| Value::from(Serde(v)))
}

/// What an expression that reads `reads` sees: of every field (unset:
/// none), `today` and `case`, those it reads, each converted only then
/// (`today` and `case` go before a field of that name).
pub(crate) fn expression_reading(
    routine: &Routine,
    state: &State,
    now: NaiveDateTime,
    reads: &[String],
) -> Value {
    let pairs: Vec<(&str, Value)> = reads
        .iter()
        .filter_map(|name| {
            let value = match name.as_str() {
                "today" => Value::from(date_text(now)),
                "case" => case_value(state),
                _ => field_value(state, &routine.field(name)?.id),
            };
            Some((name.as_str(), value))
        })
        .collect();
    Value::from_pairs(pairs)
}

/// What a template sees besides the visible fields.
pub(crate) struct TemplateScope<'a> {
    pub(crate) step: Option<&'a Step>,
    pub(crate) deadline: Option<&'a Deadline>,
    pub(crate) recipients: Vec<String>,
    /// The sender's id and display name (`from:`), when the routine names one.
    pub(crate) sender: Option<(String, String)>,
}

/// `sender`: the id and name of who a message is sent on behalf of, or none.
pub(crate) fn sender_value(sender: Option<&(String, String)>) -> Value {
    sender.map_or(Value::from(()), |(id, name)| {
        Value::from_pairs([
            ("id", Value::from(id.as_str())),
            ("name", Value::from(name.as_str())),
        ])
    })
}

/// What a message template sees: the fields `fields` (the caller gives
/// only fields every recipient may see) and, of the template globals,
/// those its body and subject read (`reads`); a field named like a global
/// is shadowed by it. Nothing else is converted.
pub(crate) fn template(
    routine: &Routine,
    state: &State,
    now: NaiveDateTime,
    reads: &BTreeSet<String>,
    fields: &[&str],
    scope: &TemplateScope<'_>,
) -> Value {
    let mut pairs: Vec<(&str, Value)> =
        fields.iter().map(|f| (*f, field_value(state, f))).collect();
    for name in TEMPLATE_GLOBALS.iter().filter(|g| reads.contains(**g)) {
        if let Some(value) = global(name, routine, state, now, scope) {
            pairs.push((name, value));
        }
    }
    Value::from_pairs(pairs)
}

/// A template global by name (`cases` belongs to a schedule's report: none here).
fn global(
    name: &str,
    routine: &Routine,
    state: &State,
    now: NaiveDateTime,
    scope: &TemplateScope<'_>,
) -> Option<Value> {
    Some(match name {
        "routine" => routine_value(routine),
        "case" => case_value(state),
        "step" => scope.step.map_or(Value::from(()), |s| {
            Value::from_pairs([
                ("id", Value::from(s.id.as_str())),
                ("title", Value::from(s.title.as_str())),
            ])
        }),
        "deadline" => scope.deadline.map_or(Value::from(()), |d| {
            Value::from_pairs([
                ("id", Value::from(d.id.as_str())),
                // Message texts are Swedish: "2 arbetsdagar", not "2 working days".
                ("after", Value::from(d.after.swedish())),
            ])
        }),
        "recipients" => Value::from(scope.recipients.clone()),
        "sender" => sender_value(scope.sender.as_ref()),
        "today" => Value::from(date_text(now)),
        _ => return None,
    })
}

/// `routine`: id, version, title.
pub(crate) fn routine_value(routine: &Routine) -> Value {
    Value::from_pairs([
        ("id", Value::from(routine.meta.id.as_str())),
        ("version", Value::from(routine.meta.version.as_str())),
        ("title", Value::from(routine.meta.title.as_str())),
    ])
}
