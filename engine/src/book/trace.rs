//! The local choices, and the clause trace: each clause of the source
//! document and where the routine does it.

use super::build::{Ctx, MessageKey};
use super::doc::{ClauseEntry, LocalChoice};
use super::text;

fn choice(out: &mut Vec<LocalChoice>, place: String, text: &Option<String>) {
    if let Some(t) = text {
        out.push(LocalChoice {
            place,
            text: t.clone(),
        });
    }
}

pub(crate) fn local_choices(cx: &Ctx<'_>) -> Vec<LocalChoice> {
    let mut out = Vec::new();
    let r = cx.routine;
    for role in r.roles.values() {
        choice(&mut out, role.name.clone(), &role.local_choice);
    }
    for f in &r.fields {
        choice(&mut out, cx.label(&f.id), &f.local_choice);
    }
    let mut steps: Vec<_> = r.steps.iter().collect();
    steps.sort_by_key(|s| cx.order.step(&s.id));
    for s in steps {
        let place = capitalised(&cx.step_place(&s.id));
        choice(&mut out, place.clone(), &s.local_choice);
        for route in &s.routes {
            let way = route
                .title
                .clone()
                .unwrap_or_else(|| text::l(text::OTHERWISE));
            choice(
                &mut out,
                text::route_place(&place, &way),
                &route.local_choice,
            );
        }
    }
    for (n, (step, index)) in cx.order.deadlines.iter().enumerate() {
        let d = match step {
            Some(s) => r.step(s).and_then(|s| s.deadlines.get(*index)),
            None => r.deadlines.get(*index),
        };
        if let Some(d) = d {
            choice(
                &mut out,
                capitalised(&text::deadline_ref(n + 1)),
                &d.local_choice,
            );
        }
    }
    for (i, (_, m, _)) in cx.messages.iter().enumerate() {
        choice(
            &mut out,
            capitalised(&text::message_ref(i + 1)),
            &m.local_choice,
        );
    }
    for (i, s) in r.schedules.iter().enumerate() {
        let n = cx.message_number(&MessageKey::Schedule(i));
        let place = format!(
            "{} ({})",
            capitalised(&text::schedule_ref(&s.title)),
            text::message_ref(n)
        );
        choice(&mut out, place, &s.local_choice);
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub(crate) fn clauses(cx: &Ctx<'_>) -> Vec<ClauseEntry> {
    let r = cx.routine;
    r.clauses
        .iter()
        .map(|c| {
            let cites = |source: &[String]| source.contains(&c.id);
            let mut places = Vec::new();
            let mut steps: Vec<_> = r.steps.iter().collect();
            steps.sort_by_key(|s| cx.order.step(&s.id));
            for s in steps.iter().filter(|s| cites(&s.source)) {
                places.push(cx.step_place(&s.id));
            }
            for (n, (step, index)) in cx.order.deadlines.iter().enumerate() {
                let d = match step {
                    Some(s) => r.step(s).and_then(|s| s.deadlines.get(*index)),
                    None => r.deadlines.get(*index),
                };
                if d.is_some_and(|d| cites(&d.source)) {
                    places.push(text::deadline_ref(n + 1));
                }
            }
            for s in r.schedules.iter().filter(|s| cites(&s.source)) {
                places.push(text::schedule_ref(&s.title));
            }
            for e in r.events.iter().filter(|e| cites(&e.source)) {
                places.push(text::event_way(&e.title));
            }
            ClauseEntry {
                id: c.id.clone(),
                text: c.text.clone(),
                places,
            }
        })
        .collect()
}
