//! Which fields are surely set where a message is sent: a must-set data
//! flow over the step graph. A field is set at a step when every way there
//! sets it (required at the start, recorded as required by a task or event
//! passed through, or given a value by a `set:` on the way); a join is
//! reached when all its branches have arrived, so it has what any of them
//! set. A template may then read a field unguarded only when it is set at
//! every place the template is sent from.

use std::collections::{BTreeMap, BTreeSet};

use super::super::resolved::Resolved;
use crate::model::{Assignment, Deadline, MessageSpec, Step, StepKind};

type Fields = BTreeSet<String>;

/// For each template sent by a step or a deadline: the fields that may be
/// unset at some place it is sent from.
pub(super) fn unset_by_template(resolved: &Resolved) -> BTreeMap<String, Fields> {
    let all: Fields = resolved.scope.fields.iter().map(|f| f.id.clone()).collect();
    let required: Fields = resolved
        .scope
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.id.clone())
        .collect();
    let entry = entries(resolved, &required, &all);
    let mut out: BTreeMap<String, Fields> = BTreeMap::new();
    let mut note = |message: &MessageSpec, set: &Fields| {
        let unset = all.difference(set).cloned();
        out.entry(message.template.clone())
            .or_default()
            .extend(unset);
    };
    for step in &resolved.steps {
        let at = entry.get(&step.id).cloned().unwrap_or_else(|| all.clone());
        if let StepKind::Message(m) = &step.kind {
            note(m, &at);
        }
        for d in &step.deadlines {
            if let Some(m) = &d.message {
                note(m, &apply(&at, &d.set));
            }
        }
    }
    let case_start = apply(&required, &[]);
    for d in &resolved.deadlines {
        if let Some(m) = &d.message {
            note(m, &apply(&case_start, &d.set));
        }
    }
    out
}

/// The fields `set` leaves set after `before`: those it gives a value are
/// set, those it clears (`none`) are not.
fn apply(before: &Fields, set: &[Assignment]) -> Fields {
    let mut out = before.clone();
    for a in set {
        let text = a.value.source().trim();
        if text.is_empty() || text == "none" {
            out.remove(&a.field);
        } else {
            out.insert(a.field.clone());
        }
    }
    out
}

/// The fields a step surely has set when it is done (before its routes).
fn done(step: &Step, at: &Fields) -> Fields {
    let mut out = at.clone();
    if let StepKind::Task { collects, .. } | StepKind::Event { collects, .. } = &step.kind {
        out.extend(collects.iter().cloned());
    }
    apply(&out, &step.set)
}

/// Where a step goes, with the fields set on the way there.
fn edges(step: &Step, at: &Fields) -> Vec<(String, Fields)> {
    let after = done(step, at);
    let mut out: Vec<(String, Fields)> = step
        .routes
        .iter()
        .map(|r| (r.to.clone(), apply(&after, &r.set)))
        .collect();
    if let StepKind::Parallel { branches, .. } = &step.kind {
        out.extend(branches.iter().map(|b| (b.clone(), after.clone())));
    }
    out.extend(gotos(&step.deadlines, at));
    out
}

fn gotos(deadlines: &[Deadline], at: &Fields) -> Vec<(String, Fields)> {
    deadlines
        .iter()
        .filter_map(|d| Some((d.goto.clone()?, apply(at, &d.set))))
        .collect()
}

/// The fields surely set when each step is entered, to a fixed point.
fn entries(resolved: &Resolved, required: &Fields, all: &Fields) -> BTreeMap<String, Fields> {
    let joins: BTreeSet<&str> = resolved
        .steps
        .iter()
        .filter(|s| matches!(s.kind, StepKind::Join))
        .map(|s| s.id.as_str())
        .collect();
    // A case-wide event or a case deadline may take the case to a step from
    // anywhere: only what is set from the start and on the way is sure.
    let mut seeds: Vec<(String, Fields)> = resolved
        .start
        .iter()
        .map(|s| (s.clone(), required.clone()))
        .collect();
    for e in &resolved.events {
        if let crate::model::Interrupt::Goto(to) = &e.then {
            let mut set = required.clone();
            set.extend(e.collects.iter().cloned());
            seeds.push((to.clone(), apply(&set, &e.set)));
        }
    }
    seeds.extend(gotos(&resolved.deadlines, required));
    let mut entry: BTreeMap<String, Fields> = BTreeMap::new();
    let mut work = seeds;
    let mut rounds = 0usize;
    let limit = (resolved.steps.len() + 1) * (all.len() + 2) * 8;
    while let Some((to, set)) = work.pop() {
        rounds += 1;
        if rounds > limit {
            break;
        }
        let join = joins.contains(to.as_str());
        let changed = match entry.get_mut(&to) {
            None => {
                entry.insert(to.clone(), set);
                true
            }
            Some(old) => {
                let new: Fields = if join {
                    old.union(&set).cloned().collect()
                } else {
                    old.intersection(&set).cloned().collect()
                };
                let changed = new != *old;
                *old = new;
                changed
            }
        };
        if !changed {
            continue;
        }
        let (Some(step), Some(at)) = (resolved.steps.iter().find(|s| s.id == to), entry.get(&to))
        else {
            continue;
        };
        work.extend(edges(step, at));
    }
    entry
}

/// For each field, the fields surely set wherever it is set (by the case
/// start, a task or event recording it, a `set:`): testing the field in an
/// `{% if %}` shows that those are set as well.
pub(super) fn set_together(resolved: &Resolved) -> BTreeMap<String, Fields> {
    let all: Fields = resolved.scope.fields.iter().map(|f| f.id.clone()).collect();
    let required: Fields = resolved
        .scope
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.id.clone())
        .collect();
    let entry = entries(resolved, &required, &all);
    // Each place that sets fields: (the fields it sets, what is set after it).
    let mut places: Vec<(Fields, Fields)> = vec![(required.clone(), required.clone())];
    let with_each = |at: &Fields, fields: &[String]| -> Vec<(Fields, Fields)> {
        fields
            .iter()
            .map(|f| {
                let mut after = at.clone();
                after.insert(f.clone());
                (Fields::from([f.clone()]), after)
            })
            .collect()
    };
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        let after = done(step, at);
        if let StepKind::Task { optional, .. } | StepKind::Event { optional, .. } = &step.kind {
            places.extend(with_each(&after, optional));
        }
        places.push((after.difference(at).cloned().collect(), after.clone()));
        for r in &step.routes {
            places.push((assigned(&r.set), apply(&after, &r.set)));
        }
        for d in &step.deadlines {
            let fired = apply(at, &d.set);
            places.push((assigned(&d.set), fired.clone()));
            if let Some(t) = &d.task {
                places.extend(with_each(&fired, &t.collects));
            }
        }
    }
    for d in &resolved.deadlines {
        let fired = apply(&required, &d.set);
        places.push((assigned(&d.set), fired.clone()));
        if let Some(t) = &d.task {
            places.extend(with_each(&fired, &t.collects));
        }
    }
    for e in &resolved.events {
        let mut got = required.clone();
        got.extend(e.collects.iter().cloned());
        places.push((e.collects.iter().cloned().collect(), got.clone()));
        places.extend(with_each(&got, &e.optional));
        places.push((assigned(&e.set), apply(&got, &e.set)));
    }
    let mut out: BTreeMap<String, Fields> = BTreeMap::new();
    for (sets, after) in &places {
        for field in sets {
            match out.get_mut(field) {
                None => {
                    out.insert(field.clone(), after.clone());
                }
                Some(with) => with.retain(|f| after.contains(f)),
            }
        }
    }
    out
}

/// The fields a `set:` gives a value.
fn assigned(set: &[Assignment]) -> Fields {
    apply(&Fields::new(), set)
}
