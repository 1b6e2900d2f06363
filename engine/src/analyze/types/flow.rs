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

mod bits;
mod joins;
mod solve;
mod sure;

use crate::diagnostic::Phrase;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::super::resolved::Resolved;
use crate::model::{Assignment, Expr, MessageSpec, StepKind};
use bits::{Fields, Names};
use solve::Flow;

/// Fields that may be unset at some place, in name order.
pub(super) type Unset<'a> = Vec<&'a str>;

/// The flow of one routine, solved once for every check below.
pub(super) struct Solved<'a> {
    flow: Flow<'a>,
    /// The fields surely set when each step is entered.
    entry: BTreeMap<String, Fields>,
}

/// Solves the must-set flow of `resolved`.
pub(super) fn solve(resolved: &Resolved) -> Solved<'_> {
    let flow = Flow::new(resolved);
    let entry = flow.entries();
    Solved { flow, entry }
}

impl<'a> Solved<'a> {
    /// The names in `set`.
    fn names(&self, set: &Fields) -> Unset<'a> {
        self.flow.names.names(set)
    }
}

/// For each template sent by a step or a deadline: the fields that may be
/// unset at some place it is sent from.
pub(super) fn unset_by_template<'a>(solved: &Solved<'a>) -> BTreeMap<String, Unset<'a>> {
    let mut out: BTreeMap<String, Fields> = BTreeMap::new();
    for (_, message, unset) in unset_by_message(solved) {
        match out.get_mut(&message.template) {
            Some(all) => all.join(&unset),
            None => {
                out.insert(message.template.clone(), unset);
            }
        }
    }
    out.into_iter()
        .map(|(template, unset)| (template, solved.names(&unset)))
        .collect()
}

/// Every message a step or a deadline sends, with where it is sent from
/// (in words) and the fields that may be unset when it goes.
fn unset_by_message<'a>(solved: &Solved<'a>) -> Vec<(Phrase, &'a MessageSpec, Fields)> {
    let (resolved, flow, entry) = (solved.flow.resolved, &solved.flow, &solved.entry);
    let unset = |set: &Fields| -> Fields { flow.all.minus(set) };
    let mut out = Vec::new();
    for step in &resolved.steps {
        let at = entry.get(&step.id).unwrap_or(&flow.all);
        if let StepKind::Message(m) = &step.kind {
            out.push((Phrase::named("in-message-step", &step.id), m, unset(at)));
        }
        for d in &step.deadlines {
            if let Some(m) = &d.message {
                let place = step_deadline(&d.id, &step.id);
                out.push((place, m, unset(&flow.apply(at, &d.set))));
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
pub(super) fn unset_by_assignment<'a>(
    solved: &Solved<'a>,
) -> Vec<(Phrase, &'a Assignment, Unset<'a>)> {
    let (resolved, flow, entry) = (solved.flow.resolved, &solved.flow, &solved.entry);
    let mut sets: Vec<(Phrase, Fields, &[Assignment])> = Vec::new();
    // Only a `set:` with values is noted: its place is worded for it.
    let mut note = |place: &dyn Fn() -> Phrase, before: &Fields, set: &'a [Assignment]| {
        if !set.is_empty() {
            sets.push((place(), before.clone(), set));
        }
    };
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        if !step.set.is_empty() || step.routes.iter().any(|r| !r.set.is_empty()) {
            let recorded = flow.recorded(step, at);
            note(&|| Phrase::named("in-step", &step.id), &recorded, &step.set);
            let after = flow.apply(&recorded, &step.set);
            let place = || Phrase::within("in-route-of", &Phrase::named("in-step", &step.id));
            for r in &step.routes {
                note(&place, &after, &r.set);
            }
        }
        for d in &step.deadlines {
            note(&|| step_deadline(&d.id, &step.id), at, &d.set);
        }
    }
    for d in &resolved.deadlines {
        let place = || Phrase::named("in-deadline-of", &d.id).with("place", Phrase::new("in-case"));
        note(&place, &flow.base, &d.set);
    }
    for e in resolved.events.iter().filter(|e| !e.set.is_empty()) {
        let mut got = flow.base.clone();
        flow.names
            .add(&mut got, e.collects.iter().map(String::as_str));
        note(&|| Phrase::named("in-case-event", &e.id), &got, &e.set);
    }
    let mut out = Vec::new();
    for (place, before, set) in sets {
        for (i, a) in set.iter().enumerate() {
            let at = flow.apply(&before, &set[..i]);
            out.push((place.clone(), a, solved.names(&flow.all.minus(&at))));
        }
    }
    out
}

/// Each route condition (`when:`), with its step, its route's number
/// (counted from one) and the fields that may be unset when it is tested,
/// after the step's own `set:`.
pub(super) fn unset_by_route<'a>(
    solved: &Solved<'a>,
) -> Vec<(&'a str, usize, &'a Expr, Unset<'a>)> {
    let (resolved, flow, entry) = (solved.flow.resolved, &solved.flow, &solved.entry);
    let mut out = Vec::new();
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        let unset = solved.names(&flow.all.minus(&flow.done(step, at)));
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
pub(super) fn unset_by_recipient<'a>(solved: &Solved<'a>) -> Vec<(Phrase, &'a Expr, Unset<'a>)> {
    let mut out = Vec::new();
    for (place, message, unset) in unset_by_message(solved) {
        let unset = solved.names(&unset);
        let conditions = message.to.iter().chain(&message.cc);
        for when in conditions.filter_map(|r| r.when.as_ref()) {
            out.push((place.clone(), when, unset.clone()));
        }
    }
    out
}

/// For each wait step, its `until` with the fields that may be unset when
/// the step is entered (when `until` is evaluated).
pub(super) fn unset_by_wait<'a>(solved: &Solved<'a>) -> Vec<(&'a str, &'a Expr, Unset<'a>)> {
    let (resolved, flow, entry) = (solved.flow.resolved, &solved.flow, &solved.entry);
    let mut out = Vec::new();
    for step in &resolved.steps {
        let (StepKind::Wait { until }, Some(at)) = (&step.kind, entry.get(&step.id)) else {
            continue;
        };
        out.push((step.id.as_str(), until, solved.names(&flow.all.minus(at))));
    }
    out
}

/// For each field, the fields surely set wherever it is set (by the case
/// start, a task or event recording it, a `set:`): testing the field in an
/// `{% if %}` shows that those are set as well.
#[derive(Debug, Default)]
pub(super) struct Together<'a> {
    names: Rc<Names<'a>>,
    with: BTreeMap<usize, Fields>,
}

impl Together<'_> {
    /// Whether testing `tested` shows that `field` is set.
    pub(super) fn shows(&self, tested: &str, field: &str) -> bool {
        let (Some(tested), Some(field)) = (self.names.index(tested), self.names.index(field))
        else {
            return false;
        };
        self.with
            .get(&tested)
            .is_some_and(|with| with.contains(field))
    }
}

/// For each field, the fields surely set wherever it is set (by the case
/// start, a task or event recording it, a `set:`): testing the field in an
/// `{% if %}` shows that those are set as well. A field some assignment
/// may clear is never shown set this way: it may have been cleared since.
pub(super) fn set_together<'a>(solved: &Solved<'a>) -> Together<'a> {
    let (resolved, flow, entry) = (solved.flow.resolved, &solved.flow, &solved.entry);
    let (names, sure) = (&flow.names, &flow.sure);
    let required = &flow.required;
    // Each place that sets fields: (the fields it sets, what is set after it).
    let mut places: Vec<(Fields, Fields)> = vec![(required.clone(), required.clone())];
    let with_each = |at: &Fields, fields: &[String]| -> Vec<(Fields, Fields)> {
        let each = fields.iter().filter_map(|f| names.index(f));
        each.map(|f| {
            let (mut one, mut after) = (names.empty(), at.clone());
            one.insert(f);
            after.insert(f);
            (one, after)
        })
        .collect()
    };
    let set_by = |at: &Fields, set: &[Assignment]| (sure.touched(set), flow.apply(at, set));
    for step in &resolved.steps {
        let Some(at) = entry.get(&step.id) else {
            continue;
        };
        let after = flow.done(step, at);
        if let StepKind::Task { optional, .. } | StepKind::Event { optional, .. } = &step.kind {
            places.extend(with_each(&after, optional));
        }
        let mut recorded = after.minus(at);
        recorded.join(&sure.touched(&step.set));
        places.push((recorded, after.clone()));
        for r in &step.routes {
            places.push(set_by(&after, &r.set));
        }
        for d in &step.deadlines {
            let fired = flow.apply(at, &d.set);
            places.push((sure.touched(&d.set), fired.clone()));
            if let Some(t) = &d.task {
                places.extend(with_each(&fired, &t.collects));
            }
        }
    }
    for d in &resolved.deadlines {
        let fired = flow.apply(&flow.base, &d.set);
        places.push((sure.touched(&d.set), fired.clone()));
        if let Some(t) = &d.task {
            places.extend(with_each(&fired, &t.collects));
        }
    }
    for e in &resolved.events {
        let mut got = flow.base.clone();
        names.add(&mut got, e.collects.iter().map(String::as_str));
        places.push((
            names.set_of(e.collects.iter().map(String::as_str)),
            got.clone(),
        ));
        places.extend(with_each(&got, &e.optional));
        places.push(set_by(&got, &e.set));
    }
    let mut with: BTreeMap<usize, Fields> = BTreeMap::new();
    for (sets, after) in &places {
        let after = after.minus(&flow.clearable);
        for field in sets.iter() {
            match with.get_mut(&field) {
                None => {
                    with.insert(field, after.clone());
                }
                Some(with) => with.meet(&after),
            }
        }
    }
    Together {
        names: flow.names.clone(),
        with,
    }
}
