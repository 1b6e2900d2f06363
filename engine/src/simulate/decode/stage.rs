//! One stage of a profile: a routine with how its cases behave.

use std::collections::BTreeMap;
use std::path::Path;

use super::delay::{delay, delay_fields, probability};
use crate::diagnostic::{suggest, Phrase, Problem, RefKind, Sink};
use crate::load::fields::{fields, string, strings, Fields};
use crate::load::node::{Node, Value};
use crate::model::{Routine, StepKind};
use crate::simulate::distribution::{Delay, Shape, TimeUnit};
use crate::simulate::profile::{default_unit, EventTiming, Stage};

/// A stage, or `None` when its routine cannot be used (then the rest of it cannot be judged).
pub(super) fn stage(
    sink: &mut Sink,
    node: &Node,
    dir: &Path,
    index: usize,
    previous: Option<&Routine>,
) -> Option<Stage> {
    let context = Phrase::new("in-stage").with("number", index + 1);
    let mut m = fields(sink, "a stage", node, context.clone())?;
    let Some(routine_node) = m.get("routine") else {
        super::missing(sink, &m, "routine");
        return None;
    };
    let (routine, routine_path) = super::routine(sink, routine_node, dir)?;
    let unit = default_unit(&routine);
    let after = m.get("after");
    let after = match (after, previous) {
        (Some(n), Some(_)) => delay(sink, "after", n, TimeUnit::Days),
        (Some(n), None) => {
            sink.error(
                n.span,
                Problem::BadProfile {
                    message: Phrase::new("profile-first-stage-after"),
                    fix: Phrase::new("profile-first-stage-after-fix"),
                },
            );
            None
        }
        (None, Some(_)) => Some(Delay {
            shape: Shape::Fixed(0.0),
            unit: TimeUnit::Days,
        }),
        (None, None) => None,
    };
    let outcomes = outcomes(sink, &mut m, previous);
    let data = super::data::data(sink, m.get("data"), &routine);
    let (default_duration, role_durations, step_durations) =
        durations(sink, m.get("durations"), &routine, unit);
    let events = events(sink, m.get("events"), &routine, unit);
    let values = super::branches::values(sink, m.get("values"), &routine);
    let branches = super::branches::branches(sink, m.get("branches"), &routine, &values);
    m.finish(sink);
    let recorded = crate::simulate::values::recorded_by_steps(&routine);
    let stage = Stage {
        recorded,
        routine,
        routine_path,
        after,
        outcomes,
        data,
        default_duration,
        role_durations,
        step_durations,
        events,
        branches,
        values,
    };
    super::data::check_start(sink, node, &stage);
    Some(stage)
}

/// The outcomes of `routine`'s end steps and case-wide events.
pub(super) fn outcomes_of(routine: &Routine) -> Vec<&str> {
    let ends = routine.steps.iter().filter_map(|s| match &s.kind {
        StepKind::End { outcome } => Some(outcome.as_str()),
        _ => None,
    });
    let events = routine.events.iter().filter_map(|e| match &e.then {
        crate::model::Interrupt::End(outcome) => Some(outcome.as_str()),
        crate::model::Interrupt::Goto(_) => None,
    });
    let mut all: Vec<&str> = ends.chain(events).collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn outcomes(sink: &mut Sink, m: &mut Fields<'_>, previous: Option<&Routine>) -> Vec<String> {
    let Some(node) = m.get("outcomes") else {
        return Vec::new();
    };
    let Some(previous) = previous else {
        sink.error(
            node.span,
            Problem::BadProfile {
                message: Phrase::new("profile-first-stage-outcomes"),
                fix: Phrase::new("profile-first-stage-outcomes-fix"),
            },
        );
        return Vec::new();
    };
    let known = outcomes_of(previous);
    let given = strings(sink, "outcomes", node).unwrap_or_default();
    for o in &given {
        if !known.contains(&o.value.as_str()) {
            sink.error(
                o.span,
                Problem::BadValue {
                    value: o.value.clone(),
                    what: Phrase::named("what-outcome-of", &previous.meta.id),
                    allowed: known.iter().map(|s| (*s).to_owned()).collect(),
                    suggestion: suggest(&o.value, known.iter().copied()),
                },
            );
        }
    }
    given.into_iter().map(|o| o.value).collect()
}

type Durations = (Delay, BTreeMap<String, Delay>, BTreeMap<String, Delay>);

fn durations(sink: &mut Sink, node: Option<&Node>, routine: &Routine, unit: TimeUnit) -> Durations {
    let one_day = Delay {
        shape: Shape::Fixed(1.0),
        unit: TimeUnit::WorkingDays,
    };
    let Some(node) = node else {
        return (one_day, BTreeMap::new(), BTreeMap::new());
    };
    let Some(mut m) = fields(sink, "durations", node, Phrase::quoted("durations")) else {
        return (one_day, BTreeMap::new(), BTreeMap::new());
    };
    let default = m
        .get("default")
        .and_then(|n| delay(sink, "default", n, unit))
        .unwrap_or(one_day);
    let roles: Vec<&str> = routine.roles.keys().map(String::as_str).collect();
    let by_role = keyed(sink, m.get("roles"), "roles", RefKind::Role, &roles, unit);
    let tasks: Vec<&str> = routine
        .steps
        .iter()
        .filter(|s| matches!(s.kind, StepKind::Task { .. }))
        .map(|s| s.id.as_str())
        .collect();
    let by_step = keyed(sink, m.get("steps"), "steps", RefKind::Step, &tasks, unit);
    m.finish(sink);
    (default, by_role, by_step)
}

/// A mapping from known ids to delays; an unknown id is refused with "did you mean".
fn keyed(
    sink: &mut Sink,
    node: Option<&Node>,
    key: &str,
    kind: RefKind,
    known: &[&str],
    unit: TimeUnit,
) -> BTreeMap<String, Delay> {
    let mut out = BTreeMap::new();
    for (id, value) in entries(sink, node, key) {
        if known_id(sink, &id, kind, known) {
            if let Some(d) = delay(sink, &id.value, value, unit) {
                out.insert(id.value, d);
            }
        }
    }
    out
}

/// The `key: value` entries of an optional mapping.
pub(super) fn entries<'n>(
    sink: &mut Sink,
    node: Option<&'n Node>,
    key: &str,
) -> Vec<(crate::load::raw::Sp<String>, &'n Node)> {
    let Some(node) = node else {
        return Vec::new();
    };
    match &node.value {
        Value::Map(items) => items
            .iter()
            .filter_map(|(k, v)| string(sink, "an id", k).map(|id| (id, v)))
            .collect(),
        Value::Null => Vec::new(),
        _ => {
            sink.error(
                node.span,
                crate::load::fields::wrong_type(key, Phrase::new("expect-id-mapping"), node),
            );
            Vec::new()
        }
    }
}

/// Whether `id` is among `known`; if not, an "unknown ..." problem with a suggestion.
pub(super) fn known_id(
    sink: &mut Sink,
    id: &crate::load::raw::Sp<String>,
    kind: RefKind,
    known: &[&str],
) -> bool {
    if known.contains(&id.value.as_str()) {
        return true;
    }
    sink.error(
        id.span,
        Problem::UnknownReference {
            kind,
            name: id.value.clone(),
            suggestion: suggest(&id.value, known.iter().copied()),
        },
    );
    false
}

fn events(
    sink: &mut Sink,
    node: Option<&Node>,
    routine: &Routine,
    unit: TimeUnit,
) -> BTreeMap<String, EventTiming> {
    let mut known: Vec<&str> = routine
        .steps
        .iter()
        .filter_map(|s| match &s.kind {
            StepKind::Event { event, .. } => Some(event.as_str()),
            _ => None,
        })
        .collect();
    // Case-wide events too: their delay counts from the case's start.
    known.extend(routine.events.iter().map(|e| e.id.as_str()));
    known.sort_unstable();
    known.dedup();
    let mut out = BTreeMap::new();
    for (id, value) in entries(sink, node, "events") {
        if !known_id(sink, &id, RefKind::Event, &known) {
            continue;
        }
        if let Some(timing) = event_timing(sink, &id.value, value, unit) {
            out.insert(id.value, timing);
        }
    }
    out
}

/// `2 working days`, a shape, or a shape with `never: 0.1`.
fn event_timing(sink: &mut Sink, id: &str, node: &Node, unit: TimeUnit) -> Option<EventTiming> {
    if !matches!(node.value, Value::Map(_)) {
        let delay = delay(sink, id, node, unit)?;
        return Some(EventTiming { delay, never: 0.0 });
    }
    let mut m = fields(sink, id, node, Phrase::quoted(id))?;
    let never = match m.get("never") {
        Some(n) => probability(sink, "never", n),
        None => Some(0.0),
    };
    let delay = delay_fields(sink, &mut m, unit);
    m.finish(sink);
    Some(EventTiming {
        delay: delay?,
        never: never?,
    })
}
