//! Steps: one function per kind; the keys each kind takes are in
//! [`super::keys`], routes in [`super::route`].

use super::deadline::deadlines;
use super::message::message;
use super::values::{required, text, words};
use super::{assign, keys, route};
use crate::analyze::scope::Scope;
use crate::analyze::sender::Sender;
use crate::diagnostic::{Diagnostic, Phrase, Problem, Sink};
use crate::load::{self, raw, raw::Sp};
use crate::model::{Expr, Step, StepKind};
use crate::source::Span;

/// What every kind of step is resolved with.
struct Ctx<'a> {
    id: &'a Sp<String>,
    s: &'a raw::Step,
    kind: &'a str,
    /// Where `kind` is written: problems of the step as a whole point here.
    at: Span,
}

pub(super) fn step(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    id: &Sp<String>,
    s: &raw::Step,
) -> Option<Step> {
    let kind_text = s.kind.as_ref()?;
    if !keys::known_kind(sink, kind_text) {
        return None;
    }
    let k = kind_text.value.as_str();
    keys::check(sink, id, s, k);
    let cx = Ctx {
        id,
        s,
        kind: k,
        at: kind_text.span,
    };
    let kind = match k {
        "task" => task(scope, sink, &cx),
        "decision" => StepKind::Decision,
        "message" => message_step(scope, sink, extra, &cx),
        "event" => event(scope, sink, &cx),
        "wait" => wait(scope, sink, &cx),
        "parallel" => parallel(scope, sink, &cx),
        "join" => StepKind::Join,
        _ => StepKind::End {
            outcome: required(sink, &s.outcome, "outcome", id, k, cx.at)
                .map(|o| o.value.clone())
                .unwrap_or_default(),
        },
    };
    let routes = route::routes(scope, sink, id, s, k, cx.at);
    let deadlines = match &s.deadlines {
        Some(d) => deadlines(
            scope,
            sink,
            extra,
            d,
            &Phrase::named("in-step", &id.value),
            Sender::StepDeadline,
        ),
        None => Vec::new(),
    };
    let place = Phrase::named("in-step", &id.value);
    let local_choice = words(sink, &s.local_choice, "local_choice", &place);
    Some(Step {
        id: id.value.clone(),
        title: text(&s.title).unwrap_or_default(),
        instructions: text(&s.instructions),
        source: scope.clauses(sink, &s.source),
        kind,
        routes,
        deadlines,
        set: assign::assignments(scope, sink, &s.set, &place),
        local_choice,
    })
}

fn fields_of(scope: &mut Scope, sink: &mut Sink, list: &Option<Vec<Sp<String>>>) -> Vec<String> {
    list.iter()
        .flatten()
        .filter_map(|f| scope.field(sink, f))
        .collect()
}

/// The role that records a step's fields must be allowed to see them.
fn collector_sees(scope: &Scope, sink: &mut Sink, cx: &Ctx<'_>, role: &str) {
    let given =
        cx.s.collects
            .iter()
            .flatten()
            .chain(cx.s.optional.iter().flatten());
    let place = Phrase::named("in-step", &cx.id.value);
    scope.collector_sees(sink, &place, role, given);
}

fn task(scope: &mut Scope, sink: &mut Sink, cx: &Ctx<'_>) -> StepKind {
    let s = cx.s;
    let role =
        required(sink, &s.role, "role", cx.id, cx.kind, cx.at).and_then(|r| scope.role(sink, r));
    let collects = fields_of(scope, sink, &s.collects);
    let optional = fields_of(scope, sink, &s.optional);
    if let Some(role) = &role {
        collector_sees(scope, sink, cx, role);
    }
    StepKind::Task {
        role: role.unwrap_or_default(),
        collects,
        optional,
        documents: s
            .documents
            .iter()
            .flatten()
            .map(|d| d.value.clone())
            .collect(),
    }
}

fn message_step(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    cx: &Ctx<'_>,
) -> StepKind {
    let s = cx.s;
    let raw_message = raw::Message {
        template: s.template.clone(),
        subject: s.subject.clone(),
        from: s.from.clone(),
        to: s.to.clone(),
        cc: s.cc.clone(),
        local_choice: None,
        span: cx.at,
    };
    let context = Phrase::named("in-message-step", &cx.id.value);
    match message(scope, sink, extra, &raw_message, &context, Sender::Step) {
        Some(m) => StepKind::Message(m),
        // A message step that failed to resolve stays in the graph as
        // an automatic step; an error was reported, so no routine is built.
        None => StepKind::Decision,
    }
}

fn event(scope: &mut Scope, sink: &mut Sink, cx: &Ctx<'_>) -> StepKind {
    let s = cx.s;
    let event = required(sink, &s.event, "event", cx.id, cx.kind, cx.at);
    if let Some(e) = event {
        if !load::is_valid_id(&e.value) {
            sink.error(
                e.span,
                Problem::BadId {
                    id: e.value.clone(),
                },
            );
        }
    }
    let from = s.from.as_ref().and_then(|r| scope.role(sink, r));
    if let Some(role) = &from {
        collector_sees(scope, sink, cx, role);
    }
    StepKind::Event {
        event: event.map(|e| e.value.clone()).unwrap_or_default(),
        from,
        collects: fields_of(scope, sink, &s.collects),
        optional: fields_of(scope, sink, &s.optional),
    }
}

fn wait(scope: &mut Scope, sink: &mut Sink, cx: &Ctx<'_>) -> StepKind {
    let until = required(sink, &cx.s.until, "until", cx.id, cx.kind, cx.at)
        .and_then(|u| scope.expr(sink, u));
    StepKind::Wait {
        // Keep a waiting step in the graph so that the graph checks stay
        // true; an error was reported, so no routine is built.
        until: until.unwrap_or_else(|| Expr(String::new())),
    }
}

fn parallel(scope: &mut Scope, sink: &mut Sink, cx: &Ctx<'_>) -> StepKind {
    let (s, id) = (cx.s, cx.id);
    let branches: Vec<String> = required(sink, &s.branches, "branches", id, cx.kind, cx.at)
        .into_iter()
        .flatten()
        .filter_map(|b| scope.step(sink, b))
        .collect();
    if s.branches.as_ref().is_some_and(|b| b.len() < 2) {
        sink.error(
            cx.at,
            Problem::BadStep {
                message: Phrase::named("parallel-one-branch", &id.value),
                fix: Phrase::new("parallel-one-branch-fix"),
            },
        );
    }
    let join =
        required(sink, &s.join, "join", id, cx.kind, cx.at).and_then(|j| scope.step(sink, j));
    StepKind::Parallel {
        branches,
        join: join.unwrap_or_default(),
    }
}
