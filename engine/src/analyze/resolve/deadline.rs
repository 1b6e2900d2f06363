//! Deadlines: durations, start points, repeats, escalations, gotos.

use std::collections::BTreeMap;

use super::message::{message, Sender};
use super::step::no_repeats;
use super::text;
use super::Scope;
use crate::calendar::Duration;
use crate::diagnostic::{Diagnostic, Problem, RefKind, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{Deadline, DeadlineStart, EscalationTask, FieldType, Repeat};
use crate::source::Span;

pub(super) fn duration(sink: &mut Sink, text: &Sp<String>) -> Option<Duration> {
    match Duration::parse(&text.value) {
        Ok(d) => Some(d),
        Err(e) => {
            sink.error(
                text.span,
                Problem::BadDuration {
                    message: e.to_string(),
                },
            );
            None
        }
    }
}

pub(super) fn deadlines(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    raw: &[raw::Deadline],
    owner: &str,
    sender: Sender,
) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    for d in raw {
        let Some(id) = &d.id else { continue };
        // A repeated id is reported, and the rest of the deadline still checked.
        let duplicate = seen.contains_key(&id.value);
        if let Some(first) = seen.get(&id.value) {
            let related = sink.at(*first);
            let location = Some(sink.at(id.span));
            sink.push(
                Diagnostic::error(
                    Problem::DuplicateId {
                        kind: RefKind::Deadline,
                        id: id.value.clone(),
                    },
                    location,
                )
                .with_related(related, "first declared here"),
            );
        } else {
            seen.insert(id.value.clone(), id.span);
        }
        let context = format!("the deadline `{}` of {owner}", id.value);
        let after = d.after.as_ref().and_then(|a| duration(sink, a));
        let from = match &d.from {
            None => Some(DeadlineStart::StepStart),
            Some(f) => scope.field(sink, f).and_then(|f| {
                if scope.field_type(&f) == Some(&FieldType::Date) {
                    let required = scope.fields.iter().any(|x| x.id == f && x.required);
                    if sender == Sender::CaseDeadline && !required {
                        sink.warning(
                            d.from.as_ref().map_or(id.span, |x| x.span),
                            Problem::MayNotArm {
                                deadline: id.value.clone(),
                                field: f.clone(),
                            },
                        );
                    }
                    Some(DeadlineStart::Field(f))
                } else {
                    sink.error(
                        d.from.as_ref().map_or(id.span, |x| x.span),
                        Problem::WrongType {
                            key: "from".into(),
                            expected: "a field of type date".into(),
                            found: format!("the field `{f}`"),
                        },
                    );
                    None
                }
            }),
        };
        let when = d.when.as_ref().map(|w| scope.expr(sink, w));
        let repeat = d.repeat.as_ref().map(|r| {
            let every = r.every.as_ref().and_then(|e| duration(sink, e));
            if let (Some(e), Some(text)) = (&every, &r.every) {
                if e.amount == 0 {
                    sink.error(
                        text.span,
                        Problem::BadDuration {
                            message: format!("`repeat: every {}` would never move on", text.value),
                        },
                    );
                }
            }
            let times = r.times.as_ref().and_then(|t| match u32::try_from(t.value) {
                Ok(v) => Some(v),
                Err(_) => {
                    sink.error(
                        t.span,
                        Problem::WrongType {
                            key: "times".into(),
                            expected: "a whole number from 0 up".into(),
                            found: t.value.to_string(),
                        },
                    );
                    None
                }
            });
            every.map(|every| Repeat { every, times })
        });
        let message = d
            .message
            .as_ref()
            .map(|m| message(scope, sink, extra, m, &context, sender));
        let task = d.task.as_ref().map(|t| {
            no_repeats(sink, &t.collects);
            let role = t.role.as_ref().and_then(|r| scope.role(sink, r))?;
            scope.collector_sees(
                sink,
                &format!("the task of {context}"),
                &role,
                t.collects.iter().flatten(),
            );
            let collects = t
                .collects
                .iter()
                .flatten()
                .filter_map(|f| scope.field(sink, f))
                .collect();
            Some(EscalationTask {
                role,
                title: text(&t.title).unwrap_or_default(),
                instructions: text(&t.instructions),
                collects,
            })
        });
        let goto = d.goto.as_ref().map(|g| scope.step(sink, g));
        if let (Sender::StepDeadline, Some(t), Some(_)) = (sender, &d.task, &d.goto) {
            sink.warning(
                t.span,
                Problem::TaskWithdrawnAtOnce {
                    deadline: id.value.clone(),
                },
            );
        }
        if d.message.is_none() && d.task.is_none() && d.goto.is_none() {
            sink.error(
                id.span,
                Problem::EmptyDeadline {
                    id: id.value.clone(),
                },
            );
        }
        let source = scope.clauses(sink, &d.source);
        let (Some(after), Some(from)) = (after, from) else {
            continue;
        };
        let (Some(when), Some(message), Some(task), Some(goto)) = (
            when.map_or(Some(None), |w| w.map(Some)),
            message.map_or(Some(None), |m| m.map(Some)),
            task.map_or(Some(None), |t| t.map(Some)),
            goto.map_or(Some(None), |g| g.map(Some)),
        ) else {
            continue;
        };
        let Some(repeat) = repeat.map_or(Some(None), |r| r.map(Some)) else {
            continue;
        };
        if duplicate {
            continue;
        }
        out.push(Deadline {
            id: id.value.clone(),
            after,
            from,
            when,
            repeat,
            message,
            task,
            goto,
            source,
        });
    }
    out
}
