//! Case-wide events (the decision is withdrawn, the client moves or dies):
//! who sends them, what they record and set, and what becomes of the case,
//! whatever step it stands at. An event that ends the case appears nowhere
//! else in the book, so each has an entry of its own.

use super::build::Ctx;
use super::doc::EventEntry;
use super::text;
use crate::model::{CaseEvent, Interrupt};

pub(crate) fn events(cx: &Ctx<'_>) -> Vec<EventEntry> {
    cx.routine.events.iter().map(|e| event(cx, e)).collect()
}

fn event(cx: &Ctx<'_>, e: &CaseEvent) -> EventEntry {
    let labels = |fields: &[String]| fields.iter().map(|f| cx.label(f)).collect();
    let then = match &e.then {
        Interrupt::Goto(step) => {
            let title = cx.routine.step(step).map_or(step.as_str(), |s| &s.title);
            text::event_goes_on(cx.order.step(step), title)
        }
        Interrupt::End(outcome) => text::event_ends(outcome),
    };
    EventEntry {
        title: e.title.clone(),
        from: e.from.as_ref().map(|r| cx.role_name(r)),
        records: labels(&e.collects),
        may_record: labels(&e.optional),
        sets: super::steps::sets(cx, &e.set),
        then,
        source: e.source.clone(),
    }
}
