//! Roles and responsibilities, in words, from the steps, deadlines and
//! messages that name each role; and the recipient groups.

use super::build::Ctx;
use super::doc::{GroupEntry, RoleEntry};
use super::text;
use crate::model::{MessageFrom, RecipientTarget, StepKind};

/// Every role the routine names, in the order of its first duty.
pub(crate) fn roles(cx: &Ctx<'_>) -> Vec<RoleEntry> {
    let mut entries: Vec<(usize, RoleEntry)> = cx
        .routine
        .roles
        .values()
        .filter_map(|role| {
            let (first, duties) = duties(cx, &role.id);
            let groups: Vec<String> = cx
                .routine
                .groups
                .values()
                .filter(|g| g.sees_as.as_deref() == Some(role.id.as_str()))
                .map(|g| g.name.clone())
                .collect();
            (!duties.is_empty()).then(|| {
                let entry = RoleEntry {
                    name: role.name.clone(),
                    description: role.description.clone(),
                    duties,
                    groups,
                };
                (first, entry)
            })
        })
        .collect();
    entries.sort_by_key(|(first, _)| *first);
    entries.into_iter().map(|(_, e)| e).collect()
}

/// What the role `id` does, and the number of the first step naming it.
fn duties(cx: &Ctx<'_>, id: &str) -> (usize, Vec<String>) {
    let mut steps: Vec<_> = cx.routine.steps.iter().collect();
    steps.sort_by_key(|s| cx.order.step(&s.id));
    let mut first = usize::MAX;
    let mut out = Vec::new();
    for s in steps {
        let n = cx.order.step(&s.id);
        match &s.kind {
            StepKind::Task { role, .. } if role == id => {
                out.push(text::duty_task(n, &s.title));
                first = first.min(n);
            }
            StepKind::Event { from: Some(f), .. } if f == id => {
                out.push(text::duty_event(n, &s.title));
                first = first.min(n);
            }
            _ => {}
        }
        for (i, d) in s.deadlines.iter().enumerate() {
            if let Some(t) = d.task.as_ref().filter(|t| t.role == id) {
                let number = cx.order.deadline(Some(&s.id), i);
                out.push(text::duty_escalation(number, &t.title));
                first = first.min(n);
            }
        }
    }
    let received: Vec<String> = cx
        .messages
        .iter()
        .enumerate()
        .filter(|(_, (_, m, _))| {
            m.recipients()
                .any(|r| matches!(&r.target, RecipientTarget::Role(r) if r == id))
        })
        .map(|(i, _)| format!("M{}", i + 1))
        .collect();
    if !received.is_empty() {
        out.push(text::duty_receives(&text::and_list(&received)));
        first = first.min(usize::MAX - 1);
    }
    for (person, list) in persons(cx, id) {
        out.push(text::duty_receives_as(&person, &text::and_list(&list)));
        first = first.min(usize::MAX - 1);
    }
    let sent: Vec<String> = cx
        .messages
        .iter()
        .enumerate()
        .filter(|(_, (_, m, _))| matches!(&m.from, Some(MessageFrom::Role(r)) if r == id))
        .map(|(i, _)| format!("M{}", i + 1))
        .collect();
    if !sent.is_empty() {
        out.push(text::duty_sends(&text::and_list(&sent)));
        first = first.min(usize::MAX - 1);
    }
    (first, out)
}

/// The persons who see as role `id` («Ordinarie biståndshandläggare»), each
/// with the messages they get.
fn persons(cx: &Ctx<'_>, id: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (i, (_, m, _)) in cx.messages.iter().enumerate() {
        for r in m.recipients() {
            let RecipientTarget::Person(p) = &r.target else {
                continue;
            };
            if p.sees_as != id {
                continue;
            }
            let who = cx.placeholder(&p.name);
            let number = format!("M{}", i + 1);
            match out.iter_mut().find(|(w, _)| *w == who) {
                Some((_, list)) if !list.contains(&number) => list.push(number),
                Some(_) => {}
                None => out.push((who, vec![number])),
            }
        }
    }
    out
}

/// The groups messages go to, with their addresses.
pub(crate) fn groups(cx: &Ctx<'_>) -> Vec<GroupEntry> {
    let mut used: Vec<&str> = Vec::new();
    for (_, m, _) in &cx.messages {
        for r in m.recipients() {
            match &r.target {
                RecipientTarget::Group(g) => used.push(g),
                RecipientTarget::GroupOf { candidates, .. } => {
                    used.extend(candidates.iter().map(String::as_str));
                }
                RecipientTarget::Role(_) | RecipientTarget::Person(_) => {}
            }
        }
    }
    cx.routine
        .groups
        .values()
        .filter(|g| used.contains(&g.id.as_str()))
        .map(|g| {
            let mut details = Vec::new();
            if let Some(d) = &g.description {
                details.push(d.clone());
            }
            if let Some(a) = &g.address {
                details.push(format!("{}: {a}.", text::ADDRESS));
            }
            if let Some(r) = &g.sees_as {
                details.push(text::sees_as(&cx.role_name(r)));
            }
            GroupEntry {
                name: g.name.clone(),
                details,
            }
        })
        .collect()
}
