//! Case-wide events: what they record, who sends them, where they take the
//! case. Their names may not also be the name of an event step's event (a
//! delivery would not know which is meant).

use super::assign::assignments;
use super::values::text;
use crate::analyze::scope::Scope;
use crate::diagnostic::{Phrase, Problem, Sink};
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
    let place = Phrase::named("in-case-event", &id.value);
    if let Some((step, _)) = file.steps.0.iter().find(|(_, s)| {
        s.kind.as_ref().is_some_and(|k| k.value == "event")
            && s.event.as_ref().is_some_and(|n| n.value == id.value)
    }) {
        sink.error(
            id.span,
            Problem::BadCaseEvent {
                message: Phrase::within("case-event-named-as-step-event", &place)
                    .with("step", &step.value),
                fix: Phrase::new("case-event-named-as-step-event-fix"),
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
            let message = Phrase::within(
                if both.is_some() {
                    "case-event-goto-and-outcome"
                } else {
                    "case-event-no-goto-or-outcome"
                },
                &place,
            );
            sink.error(
                id.span,
                Problem::BadCaseEvent {
                    message,
                    fix: Phrase::new("case-event-then-fix"),
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
