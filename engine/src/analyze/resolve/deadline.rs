//! Deadlines: durations, start points, repeats, escalations, gotos.

use std::collections::BTreeMap;

use super::message::message;
use super::values::{duration, no_repeats, text};
use crate::analyze::scope::Scope;
use crate::analyze::sender::Sender;
use crate::diagnostic::{Diagnostic, Phrase, Problem, RefKind, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{Deadline, DeadlineStart, EscalationTask, FieldType, MessageSpec, Repeat};
use crate::source::Span;

/// The deadlines of `owner` (a step, or "the case"); `sender` is who sends their messages.
pub(super) fn deadlines(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    raw: &[raw::Deadline],
    owner: &Phrase,
    sender: Sender,
) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    for d in raw {
        let Some(id) = &d.id else { continue };
        // A repeated id is reported, and the rest of the deadline still checked.
        let first = first_use(sink, &mut seen, id);
        let cx = Ctx {
            id,
            d,
            sender,
            context: Phrase::named("in-deadline-of", &id.value).with("place", owner),
        };
        if let (Some(deadline), true) = (deadline(scope, sink, extra, &cx), first) {
            out.push(deadline);
        }
    }
    out
}

/// What one deadline is resolved with.
struct Ctx<'a> {
    id: &'a Sp<String>,
    d: &'a raw::Deadline,
    sender: Sender,
    /// "the deadline `x` of the step `y`"
    context: Phrase,
}

/// Reports a deadline id used before in the same list; true when it is new.
fn first_use(sink: &mut Sink, seen: &mut BTreeMap<String, Span>, id: &Sp<String>) -> bool {
    let Some(first) = seen.get(&id.value) else {
        seen.insert(id.value.clone(), id.span);
        return true;
    };
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
    false
}

/// Turns "absent" into `Some(None)`, "present and resolved" into `Some(Some(x))`,
/// and "present with an error" into `None`.
fn optional<T>(part: Option<Option<T>>) -> Option<Option<T>> {
    part.map_or(Some(None), |p| p.map(Some))
}

fn deadline(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    cx: &Ctx<'_>,
) -> Option<Deadline> {
    let (id, d) = (cx.id, cx.d);
    let after = d.after.as_ref().and_then(|a| duration(sink, a));
    let from = start(scope, sink, cx);
    let when = d.when.as_ref().map(|w| scope.expr(sink, w));
    let repeat = d.repeat.as_ref().map(|r| repeat(sink, r));
    let message = deadline_message(scope, sink, extra, cx);
    let task = d.task.as_ref().map(|t| task(scope, sink, cx, t));
    let goto = d.goto.as_ref().map(|g| scope.step(sink, g));
    if let (Sender::StepDeadline, Some(t), Some(_)) = (cx.sender, &d.task, &d.goto) {
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
    let set = super::assign::assignments(scope, sink, &d.set, &cx.context);
    let title = super::values::condition_title(sink, &d.title, &d.when, &cx.context);
    let local_choice = super::values::words(sink, &d.local_choice, "local_choice", &cx.context);
    let at = d.at.as_ref().map(|a| super::values::time_of_day(sink, a));
    Some(Deadline {
        id: id.value.clone(),
        after: after?,
        from: from?,
        when: optional(when)?,
        title,
        repeat: optional(repeat)?,
        message: optional(message)?,
        task: optional(task)?,
        goto: optional(goto)?,
        source,
        set,
        local_choice,
        at: optional(at)?,
    })
}

fn deadline_message(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    cx: &Ctx<'_>,
) -> Option<Option<MessageSpec>> {
    let m = cx.d.message.as_ref()?;
    Some(message(scope, sink, extra, m, &cx.context, cx.sender))
}

/// `from:`: the step's start, or a date field.
fn start(scope: &mut Scope, sink: &mut Sink, cx: &Ctx<'_>) -> Option<DeadlineStart> {
    let Some(f) = &cx.d.from else {
        return Some(DeadlineStart::StepStart);
    };
    let field = scope.field(sink, f)?;
    if scope.field_type(&field) != Some(&FieldType::Date) {
        sink.error(
            f.span,
            Problem::WrongType {
                key: Phrase::quoted("from"),
                expected: Phrase::new("expect-date-field"),
                found: Phrase::named("in-field", field),
            },
        );
        return None;
    }
    let required = scope.fields.iter().any(|x| x.id == field && x.required);
    if cx.sender == Sender::CaseDeadline && !required {
        sink.warning(
            f.span,
            Problem::MayNotArm {
                deadline: cx.id.value.clone(),
                field: field.clone(),
            },
        );
    }
    Some(DeadlineStart::Field(field))
}

fn repeat(sink: &mut Sink, r: &raw::Repeat) -> Option<Repeat> {
    let every = r.every.as_ref().and_then(|e| duration(sink, e));
    if let (Some(e), Some(text)) = (&every, &r.every) {
        if e.amount == 0 {
            sink.error(
                text.span,
                Problem::BadDuration {
                    message: Phrase::new("repeat-every-zero").with("every", &text.value),
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
                    key: Phrase::quoted("times"),
                    expected: Phrase::new("expect-count"),
                    found: Phrase::plain(t.value.to_string()),
                },
            );
            None
        }
    });
    every.map(|every| Repeat { every, times })
}

fn task(
    scope: &mut Scope,
    sink: &mut Sink,
    cx: &Ctx<'_>,
    t: &raw::EscalationTask,
) -> Option<EscalationTask> {
    no_repeats(sink, &t.collects);
    let role = t.role.as_ref().and_then(|r| scope.role(sink, r))?;
    scope.collector_sees(
        sink,
        &Phrase::within("in-task-of", &cx.context),
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
}
