//! `values:` (how often a field takes each value) and `branches:` (how
//! often a task or event step takes each route). A branch is carried out
//! through values: for each route the check finds values of the fields the
//! step records that make the routine take it, evaluating the routes'
//! conditions as the runtime does.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::delay::{check_sum, probability};
use super::stage::{entries, known_id};
use crate::diagnostic::{suggest, Phrase, Problem, RefKind, Sink};
use crate::load::fields::to_json;
use crate::load::node::{Node, Value};
use crate::model::{check_value, Field, FieldType, Routine, Step, StepKind};
use crate::simulate::profile::{Branch, Choice};

/// The most value combinations tried to find the values that take a route.
const MAX_COMBINATIONS: usize = 512;

/// `values:`: by field id, its values with probabilities.
pub(super) fn values(
    sink: &mut Sink,
    node: Option<&Node>,
    routine: &Routine,
) -> BTreeMap<String, Choice> {
    let known: Vec<&str> = routine.fields.iter().map(|f| f.id.as_str()).collect();
    let mut out = BTreeMap::new();
    for (id, node) in entries(sink, node, "values") {
        if !known_id(sink, &id, RefKind::Field, &known) {
            continue;
        }
        let Some(field) = routine.field(&id.value) else {
            continue;
        };
        if let Some(choice) = choice(sink, field, node) {
            out.insert(id.value, choice);
        }
    }
    out
}

fn choice(sink: &mut Sink, field: &Field, node: &Node) -> Option<Choice> {
    let Value::Map(items) = &node.value else {
        sink.error(
            node.span,
            crate::load::fields::wrong_type(
                &field.id,
                Phrase::untranslated("a mapping of `value: probability` lines"),
                node,
            ),
        );
        return None;
    };
    let mut choice = Choice {
        values: Vec::new(),
        weights: Vec::new(),
    };
    let mut ok = true;
    for (key, p) in items {
        let value = to_json(key);
        if let Err(reason) = check_value(&field.ty, &value) {
            sink.error(key.span, not_a_value(field, &value, reason));
            ok = false;
        }
        match probability(sink, "a probability", p) {
            Some(p) => choice.weights.push(p),
            None => ok = false,
        }
        choice.values.push(value);
    }
    let what = format!("the values of `{}`", field.id);
    (ok && check_sum(sink, node, &what, &choice.weights)).then_some(choice)
}

fn not_a_value(field: &Field, value: &Json, reason: String) -> Problem {
    match (&field.ty, value) {
        (FieldType::Enum { values }, Json::String(s)) => Problem::BadValue {
            value: s.clone(),
            what: Phrase::untranslated(format!("value of `{}`", field.id)),
            allowed: values.clone(),
            suggestion: suggest(s, values.iter().map(String::as_str)),
        },
        _ => Problem::BadProfile {
            message: Phrase::untranslated(format!(
                "`{value}` is not a value of `{}` ({}): {reason}",
                field.id,
                field.ty.describe()
            )),
            fix: Phrase::untranslated(
                "write values of the field's type (`true`/`false` for a yes-or-no field)",
            ),
        },
    }
}

/// `branches:`: by task or event step, its routes with probabilities and
/// the values that take each.
pub(super) fn branches(
    sink: &mut Sink,
    node: Option<&Node>,
    routine: &Routine,
    values: &BTreeMap<String, Choice>,
) -> BTreeMap<String, Vec<Branch>> {
    let steps: Vec<&str> = routine.steps.iter().map(|s| s.id.as_str()).collect();
    let mut out = BTreeMap::new();
    for (id, node) in entries(sink, node, "branches") {
        if !known_id(sink, &id, RefKind::Step, &steps) {
            continue;
        }
        let Some(step) = routine.step(&id.value) else {
            continue;
        };
        let Some(recorded) = branching(sink, step, id.span) else {
            continue;
        };
        if let Some(list) = step_branches(sink, routine, step, &recorded, values, node) {
            out.insert(id.value, list);
        }
    }
    out
}

/// The fields a step records, or a problem when its routes cannot be chosen here.
fn branching(sink: &mut Sink, step: &Step, span: crate::source::Span) -> Option<Vec<String>> {
    let recorded = match &step.kind {
        StepKind::Task {
            collects, optional, ..
        }
        | StepKind::Event {
            collects, optional, ..
        } => [collects.clone(), optional.clone()].concat(),
        other => {
            sink.error(span, Problem::BadProfile {
                message: Phrase::untranslated(format!("`{}` is a {} step; its routes follow values recorded before it", step.id, other.name())),
                fix: Phrase::untranslated("give the probabilities of the fields its conditions read under `values:`, or branch the task or event that records them"),
            });
            return None;
        }
    };
    if step.routes.len() < 2 {
        sink.error(
            span,
            Problem::BadProfile {
                message: Phrase::untranslated(format!(
                    "`{}` has one way on; there is nothing to choose",
                    step.id
                )),
                fix: Phrase::untranslated("give branches for a step with several routes"),
            },
        );
        return None;
    }
    Some(recorded)
}

fn step_branches(
    sink: &mut Sink,
    routine: &Routine,
    step: &Step,
    recorded: &[String],
    values: &BTreeMap<String, Choice>,
    node: &Node,
) -> Option<Vec<Branch>> {
    let targets: Vec<&str> = step.routes.iter().map(|r| r.to.as_str()).collect();
    let mut list = Vec::new();
    let mut ok = true;
    for (to, p) in entries(sink, Some(node), &step.id) {
        let probability = probability(sink, "a probability", p);
        if !known_id(sink, &to, RefKind::Step, &targets) {
            ok = false;
            continue;
        }
        let Some(found) = values_taking(routine, step, recorded, values, &to.value) else {
            sink.error(to.span, Problem::BadProfile {
                message: Phrase::untranslated(format!("no values that `{}` records take its route to `{}`", step.id, to.value)),
                fix: Phrase::untranslated("the route's condition reads fields recorded elsewhere; give their probabilities under `values:` instead"),
            });
            ok = false;
            continue;
        };
        match probability {
            Some(probability) => list.push(Branch {
                to: to.value,
                probability,
                values: found,
            }),
            None => ok = false,
        }
    }
    let weights: Vec<f64> = list.iter().map(|b| b.probability).collect();
    let what = format!("the routes of `{}`", step.id);
    (ok && check_sum(sink, node, &what, &weights)).then_some(list)
}

/// The values each recorded field may be given in the search (`None`: left out).
fn candidates(
    routine: &Routine,
    step: &Step,
    field: &str,
    values: &BTreeMap<String, Choice>,
) -> Vec<Option<Json>> {
    let Some(f) = routine.field(field) else {
        return vec![None];
    };
    let mut out: Vec<Option<Json>> = match (values.get(field), &f.ty) {
        (Some(c), _) => c.values.iter().cloned().map(Some).collect(),
        (None, FieldType::Boolean) => vec![Some(true.into()), Some(false.into())],
        (None, FieldType::Enum { values }) => {
            values.iter().map(|v| Some(v.clone().into())).collect()
        }
        (None, _) => vec![Some(crate::simulate::values::default_value(f, trial_day()))],
    };
    let optional = match &step.kind {
        StepKind::Task { optional, .. } | StepKind::Event { optional, .. } => {
            optional.iter().any(|o| o == field)
        }
        _ => false,
    };
    if optional {
        out.push(None);
    }
    out
}

fn trial_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 12).unwrap_or_default()
}

/// Values of the recorded fields under which the routine takes the route to `to`.
fn values_taking(
    routine: &Routine,
    step: &Step,
    recorded: &[String],
    values: &BTreeMap<String, Choice>,
    to: &str,
) -> Option<BTreeMap<String, Json>> {
    let options: Vec<Vec<Option<Json>>> = recorded
        .iter()
        .map(|f| candidates(routine, step, f, values))
        .collect();
    let env = crate::expr::environment_for(routine);
    let mut index = vec![0usize; options.len()];
    for _ in 0..MAX_COMBINATIONS {
        let chosen: BTreeMap<String, Json> = recorded
            .iter()
            .zip(&index)
            .zip(&options)
            .filter_map(|((f, i), o)| o.get(*i).cloned().flatten().map(|v| (f.clone(), v)))
            .collect();
        if route_taken(routine, step, &env, &chosen) == Some(to) {
            return Some(chosen);
        }
        if !next_combination(&mut index, &options) {
            return None;
        }
    }
    None
}

/// Counts through every combination of candidate indexes; false after the last.
fn next_combination(index: &mut [usize], options: &[Vec<Option<Json>>]) -> bool {
    for (i, o) in index.iter_mut().zip(options) {
        *i += 1;
        if *i < o.len() {
            return true;
        }
        *i = 0;
    }
    false
}

/// The route the routine takes with these recorded values and every other field at its example.
fn route_taken<'s>(
    routine: &Routine,
    step: &'s Step,
    env: &minijinja::Environment<'_>,
    chosen: &BTreeMap<String, Json>,
) -> Option<&'s str> {
    let mut ctx = serde_json::Map::new();
    for f in &routine.fields {
        let value = if step_records(step, &f.id) {
            chosen.get(&f.id).cloned().unwrap_or(Json::Null)
        } else {
            f.example.clone().unwrap_or(Json::Null)
        };
        ctx.insert(f.id.clone(), value);
    }
    let today = trial_day().format("%Y-%m-%d").to_string();
    ctx.insert("today".into(), today.clone().into());
    ctx.insert(
        "case".into(),
        serde_json::json!({"id": "CHECK", "started": today, "reached": []}),
    );
    let ctx = minijinja::Value::from(minijinja::value::Serde(&ctx));
    step.routes.iter().find_map(|r| match &r.when {
        None => Some(r.to.as_str()),
        Some(expr) => crate::expr::eval_bool(env, expr, &ctx)
            .ok()
            .filter(|holds| *holds)
            .map(|_| r.to.as_str()),
    })
}

fn step_records(step: &Step, field: &str) -> bool {
    match &step.kind {
        StepKind::Task {
            collects, optional, ..
        }
        | StepKind::Event {
            collects, optional, ..
        } => collects.iter().chain(optional).any(|f| f == field),
        _ => false,
    }
}
