//! Case-wide events: what they record, who sends them, where they take the
//! case. Their names may not also be the name of an event step's event (a
//! delivery would not know which is meant).

use super::assign::assignments;
use super::values::text;
use crate::analyze::scope::Scope;
use crate::diagnostic::{Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{CaseEvent, Interrupt};

/// The routine's case-wide events.
pub(super) fn events(
    scope: &mut Scope,
    sink: &mut Sink,
    file: &raw::RoutineFile,
) -> Vec<CaseEvent> {
    file.events
        .0
        .iter()
        .filter_map(|(id, e)| event(scope, sink, file, id, e))
        .collect()
}

fn event(
    scope: &mut Scope,
    sink: &mut Sink,
    file: &raw::RoutineFile,
    id: &Sp<String>,
    e: &raw::CaseEvent,
) -> Option<CaseEvent> {
    let place = format!("the case event `{}`", id.value);
    if let Some((step, _)) = file.steps.0.iter().find(|(_, s)| {
        s.kind.as_ref().is_some_and(|k| k.value == "event")
            && s.event.as_ref().is_some_and(|n| n.value == id.value)
    }) {
        sink.error(
            id.span,
            Problem::BadCaseEvent {
                message: format!(
                    "{place} has the name of the event the step `{}` waits for",
                    step.value
                ),
                fix: "give the case event a name of its own; a delivered event must mean one thing"
                    .into(),
            },
        );
    }
    let fields =
        |scope: &mut Scope, sink: &mut Sink, list: &Option<Vec<Sp<String>>>| -> Vec<String> {
            list.iter()
                .flatten()
                .filter_map(|f| scope.field(sink, f))
                .collect()
        };
    let collects = fields(scope, sink, &e.collects);
    let optional = fields(scope, sink, &e.optional);
    let from = e.from.as_ref().and_then(|r| scope.role(sink, r));
    if let Some(role) = &from {
        let given = e
            .collects
            .iter()
            .flatten()
            .chain(e.optional.iter().flatten());
        scope.collector_sees(sink, &place, role, given);
    }
    let set = assignments(scope, sink, &e.set, &place);
    let then = match (&e.goto, &e.outcome) {
        (Some(goto), None) => Interrupt::Goto(scope.step(sink, goto)?),
        (None, Some(outcome)) => Interrupt::End(outcome.value.clone()),
        (both, _) => {
            let message = if both.is_some() {
                format!("{place} has both `goto` and `outcome`")
            } else {
                format!("{place} says neither where the case goes nor how it ends")
            };
            sink.error(
                id.span,
                Problem::BadCaseEvent {
                    message,
                    fix: "give it `goto: <step>` to go on at a step, or `outcome: <text>` to end the case"
                        .into(),
                },
            );
            return None;
        }
    };
    Some(CaseEvent {
        id: id.value.clone(),
        title: text(&e.title).unwrap_or_default(),
        from,
        collects,
        optional,
        set,
        then,
        source: scope.clauses(sink, &e.source),
    })
}
