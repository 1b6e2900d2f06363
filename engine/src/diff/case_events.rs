//! Case-wide events compared (the decision is withdrawn, the client
//! dies): who sends them, what they record and where they take the case,
//! by their name.

use super::compare::{by_id, optional, recorded, step_name, Named};
use super::{Area, Change};
use crate::draw::picture::role_name;
use crate::i18n::{text, Lang};
use crate::model::{CaseEvent, Interrupt, Routine};

/// Where the event takes the case, in words.
fn then(routine: &Routine, e: &CaseEvent, lang: Lang) -> String {
    match &e.then {
        Interrupt::Goto(step) => text(
            lang,
            "diff-value-route",
            &[("step", step_name(routine, step).into())],
        ),
        Interrupt::End(outcome) => {
            text(lang, "diff-value-case-ends", &[("outcome", outcome.into())])
        }
    }
}

/// An event in words, aspect by aspect.
fn aspects(routine: &Routine, e: &CaseEvent, lang: Lang) -> [(&'static str, String); 4] {
    let from = e.from.as_deref().map(|r| role_name(routine, r));
    [
        ("title", e.title.clone()),
        ("sent by", optional(from.as_deref())),
        ("records", recorded(&e.collects, &e.optional, lang)),
        ("then", then(routine, e, lang)),
    ]
}

impl Named for CaseEvent {
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.title
    }
}

pub(super) fn case_events(old: &Routine, new: &Routine, lang: Lang, out: &mut Vec<Change>) {
    by_id(
        Area::CaseEvent,
        ((old, &old.events), (new, &new.events)),
        |r, e| then(r, e, lang),
        |r, e| aspects(r, e, lang),
        out,
    );
}
