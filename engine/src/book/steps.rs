//! The procedure (numbered steps, phase by phase) and the deadlines.

use super::build::{Ctx, MessageKey};
use super::doc::{text as line, DeadlineEntry, Inline, Phase, StepEntry, Way};
use super::text;
use crate::model::{Assignment, Deadline, DeadlineStart, Step, StepKind};

pub(crate) fn phases(cx: &Ctx<'_>) -> Vec<Phase> {
    cx.order
        .phases
        .iter()
        .map(|p| Phase {
            title: p.title.clone(),
            note: p
                .join
                .as_ref()
                .map(|j| text::parallel_note(cx.order.step(j))),
            steps: p
                .steps
                .iter()
                .filter_map(|id| cx.routine.step(id))
                .map(|s| step(cx, s))
                .collect(),
        })
        .collect()
}

pub(crate) fn labels(cx: &Ctx<'_>, fields: &[String]) -> Vec<String> {
    fields.iter().map(|f| cx.label(f)).collect()
}

pub(crate) fn sets(cx: &Ctx<'_>, set: &[Assignment]) -> Vec<String> {
    set.iter()
        .map(|a| format!("{} = {}", cx.label(&a.field), a.value.source()))
        .collect()
}

fn step(cx: &Ctx<'_>, s: &Step) -> StepEntry {
    let number = cx.order.step(&s.id);
    let mut e = StepEntry {
        number,
        title: s.title.clone(),
        instructions: s.instructions.clone(),
        source: s.source.clone(),
        ..StepEntry::default()
    };
    kind(cx, s, &mut e);
    push_list(&mut e.lists, text::l(text::SETS), sets(cx, &s.set));
    let deadlines: Vec<String> = (0..s.deadlines.len())
        .map(|i| text::deadline_ref(cx.order.deadline(Some(&s.id), i)))
        .collect();
    if !deadlines.is_empty() {
        e.lists.push((text::l(text::DEADLINES), deadlines));
    }
    ways(cx, s, &mut e);
    e
}

fn kind(cx: &Ctx<'_>, s: &Step, e: &mut StepEntry) {
    let sentence = |who: Option<&str>| line(text::kind_sentence(s.kind.name(), who));
    match &s.kind {
        StepKind::Task {
            role,
            collects,
            optional,
            documents,
        } => {
            e.responsible = Some(cx.role_name(role));
            push_list(&mut e.lists, text::l(text::RECORDS), labels(cx, collects));
            push_list(
                &mut e.lists,
                text::l(text::MAY_RECORD),
                labels(cx, optional),
            );
            push_list(&mut e.lists, text::l(text::DOCUMENTS), documents.clone());
        }
        StepKind::Event {
            from,
            collects,
            optional,
            ..
        } => {
            let who = from.as_ref().map(|f| cx.role_name(f));
            e.lines.push(sentence(who.as_deref()));
            push_list(&mut e.lists, text::l(text::RECORDS), labels(cx, collects));
            push_list(
                &mut e.lists,
                text::l(text::MAY_RECORD),
                labels(cx, optional),
            );
        }
        StepKind::Wait { until } => {
            let source = until.source().trim();
            let what = if cx.routine.field(source).is_some() {
                line(text::wait_until(&cx.placeholder(source)))
            } else {
                vec![
                    Inline::Text(text::wait_until("").trim_end_matches('.').to_owned()),
                    Inline::Code(source.to_owned()),
                ]
            };
            e.lines.push(what);
        }
        StepKind::Message(m) => {
            let n = cx.message_number(&MessageKey::Step(s.id.clone()));
            e.lines.push(line(cx.sends(n, m)));
        }
        StepKind::End { outcome } => {
            e.lines.push(sentence(None));
            e.lines.push(line(text::outcome(outcome)));
        }
        StepKind::Decision | StepKind::Parallel { .. } | StepKind::Join => {
            e.lines.push(sentence(None));
        }
    }
}

/// Adds a labelled list to `lists`, unless it has no items.
pub(crate) fn push_list(lists: &mut Vec<(String, Vec<String>)>, label: String, items: Vec<String>) {
    if !items.is_empty() {
        lists.push((label, items));
    }
}

fn ways(cx: &Ctx<'_>, s: &Step, e: &mut StepEntry) {
    let target = |to: &str| {
        let title = cx.routine.step(to).map_or(to, |s| s.title.as_str());
        text::go_to(cx.order.step(to), title)
    };
    if let [only] = s.routes.as_slice() {
        if only.when.is_none() && only.set.is_empty() {
            let n = cx.order.step(&only.to);
            if n != e.number + 1 {
                let title = cx.routine.step(&only.to).map_or("", |s| s.title.as_str());
                e.next = Some(text::next(n, title));
            }
            return;
        }
    }
    for r in &s.routes {
        let condition = cx
            .condition(&r.title, &r.when)
            .or_else(|| Some(line(text::l(text::OTHERWISE))));
        let mut to = target(&r.to);
        if !r.set.is_empty() {
            to = format!(
                "{to} ({} {})",
                text::l(text::SETS).to_lowercase(),
                sets(cx, &r.set).join(", ")
            );
        }
        e.ways.push(Way { condition, to });
    }
}

pub(crate) fn deadlines(cx: &Ctx<'_>) -> Vec<DeadlineEntry> {
    cx.order
        .deadlines
        .iter()
        .enumerate()
        .filter_map(|(i, (step, index))| {
            let d = match step {
                Some(s) => cx.routine.step(s)?.deadlines.get(*index)?,
                None => cx.routine.deadlines.get(*index)?,
            };
            Some(deadline(cx, i + 1, step.as_deref(), d))
        })
        .collect()
}

fn deadline(cx: &Ctx<'_>, number: usize, step: Option<&str>, d: &Deadline) -> DeadlineEntry {
    let from = match &d.from {
        DeadlineStart::Field(f) => Some(cx.label(f)),
        DeadlineStart::StepStart => None,
    };
    let repeat = d.repeat.as_ref().map(|r| (&r.every, r.times));
    let start = text::DeadlineStartWords {
        from: from.as_deref(),
        case: step.is_none(),
        at: d.at,
    };
    let when = text::deadline_when(&d.after, &start, repeat);
    let mut actions = Vec::new();
    if !d.set.is_empty() {
        actions.push(text::deadline_sets(&sets(cx, &d.set).join(", ")));
    }
    if let Some(m) = &d.message {
        let n = cx.message_number(&MessageKey::Deadline(number));
        actions.push(cx.sends(n, m));
    }
    if let Some(t) = &d.task {
        actions.push(text::opens_task(&cx.role_name(&t.role), &t.title));
        if let Some(i) = &t.instructions {
            actions.push(super::doc::paragraphs(i).join(" "));
        }
    }
    if let Some(to) = &d.goto {
        let title = cx.routine.step(to).map_or("", |s| s.title.as_str());
        actions.push(text::moves_to(cx.order.step(to), title));
    }
    DeadlineEntry {
        number,
        on: step.map_or_else(|| text::l(text::WHOLE_CASE), |s| cx.step_place(s)),
        when,
        condition: cx.condition(&d.title, &d.when),
        actions,
        source: d.source.clone(),
    }
}
