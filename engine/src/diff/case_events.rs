//! Case-wide events compared (the decision is withdrawn, the client
//! dies): who sends them, what they record and where they take the case,
//! by their name.

use super::compare::{change, compare, optional, recorded, step_name};
use super::{Area, Change, ChangeKind};
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

pub(super) fn case_events(old: &Routine, new: &Routine, lang: Lang, out: &mut Vec<Change>) {
    for e in old
        .events
        .iter()
        .filter(|e| new.case_event(&e.id).is_none())
    {
        let mut c = change(Area::CaseEvent, &e.id, Some(&e.title), ChangeKind::Removed);
        c.old = Some(then(old, e, lang));
        out.push(c);
    }
    for e in &new.events {
        let Some(was) = old.case_event(&e.id) else {
            let mut c = change(Area::CaseEvent, &e.id, Some(&e.title), ChangeKind::Added);
            c.new = Some(then(new, e, lang));
            out.push(c);
            continue;
        };
        let at = (Area::CaseEvent, e.id.as_str(), Some(e.title.as_str()));
        let pairs = aspects(old, was, lang)
            .into_iter()
            .zip(aspects(new, e, lang));
        for ((aspect, a), (_, b)) in pairs {
            compare(out, at, aspect, a, b);
        }
    }
}
