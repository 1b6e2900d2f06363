//! Case-wide events (the decision is withdrawn, the client moves or dies):
//! who sends them, what they record and set, and what becomes of the case,
//! whatever step it stands at. An event that ends the case appears nowhere
//! else in the book, so each has an entry of its own.

use super::build::Ctx;
use super::doc::EventEntry;
use super::steps::{labels, push_list, sets};
use super::text;
use crate::model::{CaseEvent, Interrupt};

pub(crate) fn events(cx: &Ctx<'_>) -> Vec<EventEntry> {
    cx.routine.events.iter().map(|e| event(cx, e)).collect()
}

fn event(cx: &Ctx<'_>, e: &CaseEvent) -> EventEntry {
    let then = match &e.then {
        Interrupt::Goto(step) => {
            let title = cx.routine.step(step).map_or(step.as_str(), |s| &s.title);
            text::event_goes_on(cx.order.step(step), title)
        }
        Interrupt::End(outcome) => text::event_ends(outcome),
    };
    let mut lists = Vec::new();
    let from = e.from.iter().map(|r| cx.role_name(r)).collect();
    push_list(&mut lists, text::l(text::EVENT_FROM), from);
    push_list(&mut lists, text::l(text::RECORDS), labels(cx, &e.collects));
    push_list(
        &mut lists,
        text::l(text::MAY_RECORD),
        labels(cx, &e.optional),
    );
    push_list(&mut lists, text::l(text::SETS), sets(cx, &e.set));
    push_list(&mut lists, text::l(text::EVENT_THEN), vec![then]);
    EventEntry {
        title: e.title.clone(),
        lists,
        source: e.source.clone(),
    }
}
