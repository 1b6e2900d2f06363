//! Every message (when, to whom, subject and text with readable labels, what
//! is left out for whom) and the recurring lists.

use super::build::{Ctx, MessageKey};
use super::doc::{Inline, MessageEntry, ScheduleEntry};
use super::template;
use super::text;
use crate::model::{MessageSpec, RecipientTarget, Visibility};

pub(crate) fn messages(cx: &Ctx<'_>) -> Vec<MessageEntry> {
    cx.messages
        .iter()
        .enumerate()
        .map(|(i, (_, m, sent))| {
            let from = cx.sender(m);
            MessageEntry {
                number: i + 1,
                sent: sent.clone(),
                to: m.to.iter().map(|r| cx.recipient(r)).collect(),
                cc: m.cc.iter().map(|r| cx.recipient(r)).collect(),
                subject: m
                    .subject
                    .as_ref()
                    .map(|s| template::readable(cx, s, from.as_deref())),
                body: cx
                    .routine
                    .templates
                    .get(&m.template)
                    .map(|t| template::readable(cx, &t.source, from.as_deref()))
                    .unwrap_or_default(),
                left_out: left_out(cx, m),
                from,
            }
        })
        .collect()
}

/// The roles a recipient sees as (a group's `sees_as`; `None` in the list:
/// a group that sees only what everyone sees).
fn seers(cx: &Ctx<'_>, m: &MessageSpec) -> Vec<(String, Option<String>)> {
    let group = |id: &str| {
        let sees = cx.routine.groups.get(id).and_then(|g| g.sees_as.clone());
        (cx.group_name(id), sees)
    };
    m.recipients()
        .flat_map(|r| match &r.target {
            RecipientTarget::Role(id) => vec![(cx.role_name(id), Some(id.clone()))],
            RecipientTarget::Group(id) => vec![group(id)],
            RecipientTarget::GroupOf { candidates, .. } => {
                candidates.iter().map(|c| group(c)).collect()
            }
            RecipientTarget::Person(p) => vec![(cx.placeholder(&p.name), Some(p.sees_as.clone()))],
        })
        .collect()
}

/// Fields of the routine some recipient of `m` may not see: the message
/// never carries them.
fn left_out(cx: &Ctx<'_>, m: &MessageSpec) -> Vec<String> {
    let seers = seers(cx, m);
    cx.routine
        .fields
        .iter()
        .filter(|f| f.visibility != Visibility::Everyone)
        .filter_map(|f| {
            let blind: Vec<String> = seers
                .iter()
                .filter(|(_, role)| !f.visibility.allows(role.as_deref()))
                .map(|(name, _)| name.clone())
                .collect();
            (!blind.is_empty()).then(|| text::left_out(&cx.label(&f.id), &text::and_list(&blind)))
        })
        .collect()
}

pub(crate) fn schedules(cx: &Ctx<'_>) -> Vec<ScheduleEntry> {
    cx.routine
        .schedules
        .iter()
        .enumerate()
        .map(|(i, s)| ScheduleEntry {
            title: s.title.clone(),
            every: text::schedule_every(&s.every, s.at),
            select: vec![Inline::Code(s.select.source().to_owned())],
            message: cx.message_number(&MessageKey::Schedule(i)),
            source: s.source.clone(),
        })
        .collect()
}
