//! Which fields are surely set where a message is sent: a must-set data
//! flow over the step graph (`flow/solve.rs`). A field is set at a step
//! when every way there sets it (required at the start, recorded as
//! required by a task or event passed through, or given a value by a
//! `set:` on the way whose expression surely gives one, `flow/sure.rs`).
//! A join goes on when every branch of one pass through its parallel step
//! has arrived, so it has what any of them set; arrivals from other ways
//! in count only with what they had themselves (`flow/joins.rs`). A
//! template may then read a field unguarded only when it is set at every
//! place the template is sent from.

mod joins;
mod solve;
mod sure;

use crate::diagnostic::Phrase;
use std::collections::{BTreeMap, BTreeSet};

use super::super::resolved::Resolved;
use crate::model::{Assignment, Expr, MessageSpec, StepKind};
use solve::Flow;
use sure::touched;

type Fields = BTreeSet<String>;

/// For each template sent by a step or a deadline: the fields that may be
/// unset at some place it is sent from.
pub(super) fn unset_by_template(resolved: &Resolved) -> BTreeMap<String, Fields> {
    let mut out: BTreeMap<String, Fields> = BTreeMap::new();
    for (_, message, unset) in unset_by_message(resolved) {
        out.entry(message.template.clone())
            .or_default()
            .extend(unset);
    }
    out
}

/// Every message a step or a deadline sends, with where it is sent from
/// (in words) and the fields that may be unset when it goes.
fn unset_by_message(resolved: &Resolved) -> Vec<(Phrase, &MessageSpec, Fields)> {
    let flow = Flow::new(resolved);
    let entry = flow.entries();
    let unset = |set: &Fields| -> Fields { flow.all.difference(set).cloned().collect() };
    let mut out = Vec::new();
    for step in &resolved.steps {
        let at = entry
            .get(&step.id)
            .cloned()
            .unwrap_or_else(|| flow.all.clone());
        if let StepKind::Message(m) = &step.kind {
            out.push((Phrase::named("in-message-step", &step.id), m, unset(&at)));
        }
        for d in &step.deadlines {
            if let Some(m) = &d.message {
                let place = step_deadline(&d.id, &step.id);
                out.push((place, m, unset(&flow.apply(&at, &d.set))));
            }
        }
    }
    for d in &resolved.deadlines {
        if let Some(m) = &d.message {
            let place = Phrase::named("in-case-deadline", &d.id);
            out.push((place, m, unset(&flow.apply(&flow.base, &d.set))));
        }
    }
    out
}

/// "the deadline `d` of the step `s`", as the resolver words it.
fn step_deadline(deadline: &str, step: &str) -> Phrase {
    Phrase::named("in-deadline-of", deadline).with("place", Phrase::named("in-step", step))
}

/// Each `set:` value the routine writes, in the order they are resolved, with where it is and the fields
/// that may be unset when it runs (earlier values of the same `set:` count
/// as set once they surely give one).
pub(super) fn unset_by_assignment(resolved: &Resolved) -> Vec<(Phrase, &Assignment, Fields)> {
    let flow = Flow::new(resolved);
    let entry = flow.entries();
    let mut sets: Vec<(Phrase, Fields, &[Assignment])> = Vec::new();
    let mut note = |place: Phrase, before: &Fields, set| sets.push((place, before.clone(), set));
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        let recorded = flow.recorded(step, at);
        note(Phrase::named("in-step", &step.id), &recorded, &step.set);
        let after = flow.apply(&recorded, &step.set);
        for r in &step.routes {
            let place = Phrase::within("in-route-of", &Phrase::named("in-step", &step.id));
            note(place, &after, &r.set);
        }
        for d in &step.deadlines {
            note(step_deadline(&d.id, &step.id), at, &d.set);
        }
    }
    for d in &resolved.deadlines {
        let place = Phrase::named("in-deadline-of", &d.id).with("place", Phrase::new("in-case"));
        note(place, &flow.base, &d.set);
    }
    for e in &resolved.events {
        let mut got = flow.base.clone();
        got.extend(e.collects.iter().cloned());
        note(Phrase::named("in-case-event", &e.id), &got, &e.set);
    }
    let mut out = Vec::new();
    for (place, before, set) in sets {
        for (i, a) in set.iter().enumerate() {
            let at = flow.apply(&before, &set[..i]);
            out.push((
                place.clone(),
                a,
                flow.all.difference(&at).cloned().collect(),
            ));
        }
    }
    out
}

/// Each route condition (`when:`), with its step, its route's number
/// (counted from one) and the fields that may be unset when it is tested,
/// after the step's own `set:`.
pub(super) fn unset_by_route(resolved: &Resolved) -> Vec<(&str, usize, &Expr, Fields)> {
    let flow = Flow::new(resolved);
    let entry = flow.entries();
    let mut out = Vec::new();
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        let unset: Fields = flow.all.difference(&flow.done(step, at)).cloned().collect();
        for (i, r) in step.routes.iter().enumerate() {
            if let Some(when) = &r.when {
                out.push((step.id.as_str(), i + 1, when, unset.clone()));
            }
        }
    }
    out
}

/// Each recipient condition (`when:` on a `to:` or `cc:` entry) of the
/// messages steps and deadlines send, with where it is and the fields that
/// may be unset when the message goes.
pub(super) fn unset_by_recipient(resolved: &Resolved) -> Vec<(Phrase, &Expr, Fields)> {
    let mut out = Vec::new();
    for (place, message, unset) in unset_by_message(resolved) {
        let conditions = message.to.iter().chain(&message.cc);
        for when in conditions.filter_map(|r| r.when.as_ref()) {
            out.push((place.clone(), when, unset.clone()));
        }
    }
    out
}

/// For each wait step, its `until` with the fields that may be unset when
/// the step is entered (when `until` is evaluated).
pub(super) fn unset_by_wait(resolved: &Resolved) -> Vec<(&str, &Expr, Fields)> {
    let flow = Flow::new(resolved);
    let entry = flow.entries();
    let mut out = Vec::new();
    for step in &resolved.steps {
        let (StepKind::Wait { until }, Some(at)) = (&step.kind, entry.get(&step.id)) else {
            continue;
        };
        let unset: Fields = flow.all.difference(at).cloned().collect();
        out.push((step.id.as_str(), until, unset));
    }
    out
}

/// For each field, the fields surely set wherever it is set (by the case
/// start, a task or event recording it, a `set:`): testing the field in an
/// `{% if %}` shows that those are set as well. A field some assignment
/// may clear is never shown set this way: it may have been cleared since.
pub(super) fn set_together(resolved: &Resolved) -> BTreeMap<String, Fields> {
    let flow = Flow::new(resolved);
    let entry = flow.entries();
    let required = &flow.required;
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
    let set_by = |at: &Fields, set: &[Assignment]| (touched(set), flow.apply(at, set));
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        let after = flow.done(step, at);
        if let StepKind::Task { optional, .. } | StepKind::Event { optional, .. } = &step.kind {
            places.extend(with_each(&after, optional));
        }
        let mut recorded: Fields = after.difference(at).cloned().collect();
        recorded.extend(touched(&step.set));
        places.push((recorded, after.clone()));
        for r in &step.routes {
            places.push(set_by(&after, &r.set));
        }
        for d in &step.deadlines {
            let fired = flow.apply(at, &d.set);
            places.push((touched(&d.set), fired.clone()));
            if let Some(t) = &d.task {
                places.extend(with_each(&fired, &t.collects));
            }
        }
    }
    for d in &resolved.deadlines {
        let fired = flow.apply(&flow.base, &d.set);
        places.push((touched(&d.set), fired.clone()));
        if let Some(t) = &d.task {
            places.extend(with_each(&fired, &t.collects));
        }
    }
    for e in &resolved.events {
        let mut got = flow.base.clone();
        got.extend(e.collects.iter().cloned());
        places.push((e.collects.iter().cloned().collect(), got.clone()));
        places.extend(with_each(&got, &e.optional));
        places.push(set_by(&got, &e.set));
    }
    let mut out: BTreeMap<String, Fields> = BTreeMap::new();
    for (sets, after) in &places {
        for field in sets {
            let after = after.difference(&flow.clearable).cloned();
            match out.get_mut(field) {
                None => {
                    out.insert(field.clone(), after.collect());
                }
                Some(with) => {
                    let after: Fields = after.collect();
                    with.retain(|f| after.contains(f));
                }
            }
        }
    }
    out
}
