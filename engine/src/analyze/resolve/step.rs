//! Steps: kinds, the keys each kind takes, routes.

use super::deadline::deadlines;
use super::message::{message, Sender};
use super::text;
use super::Scope;
use crate::diagnostic::{suggest, Diagnostic, Problem, Sink};
use crate::load::{self, raw, raw::Sp};
use crate::model::{Expr, Route, Step, StepKind};
use crate::source::Span;

const STEP_KINDS: &[&str] = &[
    "task", "decision", "message", "event", "wait", "parallel", "join", "end",
];

/// Which keys belong to which step kinds (besides the common ones).
fn allowed_for(key: &str) -> &'static [&'static str] {
    match key {
        "role" | "documents" => &["task"],
        "collects" | "optional" => &["task", "event"],
        "event" | "from" => &["event"],
        "until" => &["wait"],
        "template" | "subject" | "to" | "cc" => &["message"],
        "branches" | "join" => &["parallel"],
        "outcome" => &["end"],
        "next" => &["task", "message", "event", "wait", "join", "decision"],
        "routes" => &["task", "message", "event", "wait", "decision"],
        "deadlines" => &["task", "event", "wait"],
        _ => &[],
    }
}

fn present_keys(s: &raw::Step) -> Vec<(&'static str, Span)> {
    let mut keys = Vec::new();
    let mut add = |key: &'static str, span: Option<Span>| {
        if let Some(span) = span {
            keys.push((key, span));
        }
    };
    let first = |v: &Option<Vec<Sp<String>>>| {
        v.as_ref()
            .map(|v| v.first().map_or(Span::default(), |s| s.span))
    };
    add("role", s.role.as_ref().map(|v| v.span));
    add("documents", first(&s.documents));
    add("collects", first(&s.collects));
    add("optional", first(&s.optional));
    add("event", s.event.as_ref().map(|v| v.span));
    add("from", s.from.as_ref().map(|v| v.span));
    add("until", s.until.as_ref().map(|v| v.span));
    add("template", s.template.as_ref().map(|v| v.span));
    add("subject", s.subject.as_ref().map(|v| v.span));
    add(
        "to",
        s.to.as_ref()
            .map(|v| v.first().map_or(Span::default(), |r| r.span)),
    );
    add(
        "cc",
        s.cc.as_ref()
            .map(|v| v.first().map_or(Span::default(), |r| r.span)),
    );
    add("branches", first(&s.branches));
    add("join", s.join.as_ref().map(|v| v.span));
    add("outcome", s.outcome.as_ref().map(|v| v.span));
    add("next", s.next.as_ref().map(|v| v.span));
    add(
        "routes",
        s.routes.as_ref().map(|r| {
            r.first()
                .and_then(|r| r.to.as_ref().or(r.otherwise.as_ref()).map(|t| t.span))
                .unwrap_or_default()
        }),
    );
    add(
        "deadlines",
        s.deadlines
            .as_ref()
            .map(|d| d.first().map_or(Span::default(), |d| d.span)),
    );
    keys
}

pub(super) fn required<'a, T>(
    sink: &mut Sink,
    value: &'a Option<T>,
    key: &str,
    step: &Sp<String>,
    kind: &str,
    at: Span,
) -> Option<&'a T> {
    if value.is_none() {
        sink.error(
            at,
            Problem::MissingKey {
                key: key.into(),
                context: format!("the {kind} step `{}`", step.value),
            },
        );
    }
    value.as_ref()
}

pub(super) fn step(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    id: &Sp<String>,
    s: &raw::Step,
) -> Option<Step> {
    let kind_text = s.kind.as_ref()?;
    let k = kind_text.value.as_str();
    if !STEP_KINDS.contains(&k) {
        sink.error(
            kind_text.span,
            Problem::BadValue {
                value: k.to_owned(),
                what: "step kind".into(),
                allowed: STEP_KINDS.iter().map(|s| (*s).to_owned()).collect(),
                suggestion: suggest(k, STEP_KINDS.iter().copied()),
            },
        );
        return None;
    }
    for (key, span) in present_keys(s) {
        let allowed = allowed_for(key);
        if !allowed.contains(&k) {
            sink.error(
                span,
                Problem::BadStep {
                    message: format!(
                        "the step `{}` is {} {k} step; `{key}` does not belong to it",
                        id.value,
                        if k.starts_with(['a', 'e', 'i', 'o', 'u']) {
                            "an"
                        } else {
                            "a"
                        }
                    ),
                    fix: format!(
                        "`{key}` belongs to {} steps; remove it or change `kind`",
                        allowed.join(" and ")
                    ),
                },
            );
        }
    }
    let at = kind_text.span;
    let fields_of =
        |scope: &mut Scope, sink: &mut Sink, list: &Option<Vec<Sp<String>>>| -> Vec<String> {
            list.iter()
                .flatten()
                .filter_map(|f| scope.field(sink, f))
                .collect()
        };
    // The role that records a step's fields must be allowed to see them.
    let collector_sees = |scope: &Scope, sink: &mut Sink, role: &str| {
        let given = s
            .collects
            .iter()
            .flatten()
            .chain(s.optional.iter().flatten());
        scope.collector_sees(sink, &format!("the step `{}`", id.value), role, given);
    };
    let kind = match k {
        "task" => {
            let role = required(sink, &s.role, "role", id, k, at).and_then(|r| scope.role(sink, r));
            let collects = fields_of(scope, sink, &s.collects);
            let optional = fields_of(scope, sink, &s.optional);
            if let Some(role) = &role {
                collector_sees(scope, sink, role);
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
        "decision" => StepKind::Decision,
        "message" => {
            let raw_message = raw::Message {
                template: s.template.clone(),
                subject: s.subject.clone(),
                to: s.to.clone(),
                cc: s.cc.clone(),
                span: at,
            };
            let context = format!("the message step `{}`", id.value);
            match message(scope, sink, extra, &raw_message, &context, Sender::Step) {
                Some(m) => StepKind::Message(m),
                // A message step that failed to resolve stays in the graph as
                // an automatic step; an error was reported, so no routine is built.
                None => StepKind::Decision,
            }
        }
        "event" => {
            let event = required(sink, &s.event, "event", id, k, at);
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
                collector_sees(scope, sink, role);
            }
            StepKind::Event {
                event: event.map(|e| e.value.clone()).unwrap_or_default(),
                from,
                collects: fields_of(scope, sink, &s.collects),
                optional: fields_of(scope, sink, &s.optional),
            }
        }
        "wait" => {
            match required(sink, &s.until, "until", id, k, at).and_then(|u| scope.expr(sink, u)) {
                Some(until) => StepKind::Wait { until },
                // Keep a waiting step in the graph so that the graph checks
                // stay true; an error was reported, so no routine is built.
                None => StepKind::Wait {
                    until: Expr(String::new()),
                },
            }
        }
        "parallel" => {
            let branches: Vec<String> = required(sink, &s.branches, "branches", id, k, at)
                .into_iter()
                .flatten()
                .filter_map(|b| scope.step(sink, b))
                .collect();
            if s.branches.as_ref().is_some_and(|b| b.len() < 2) {
                sink.error(
                    at,
                    Problem::BadStep {
                        message: format!(
                            "the parallel step `{}` has fewer than two branches",
                            id.value
                        ),
                        fix: "list at least two steps under `branches`, or use `next`".into(),
                    },
                );
            }
            let join = required(sink, &s.join, "join", id, k, at).and_then(|j| scope.step(sink, j));
            StepKind::Parallel {
                branches,
                join: join.unwrap_or_default(),
            }
        }
        "join" => StepKind::Join,
        _ => StepKind::End {
            outcome: required(sink, &s.outcome, "outcome", id, k, at)
                .map(|o| o.value.clone())
                .unwrap_or_default(),
        },
    };

    let routes = routes(scope, sink, id, s, k, at);
    let deadlines = match &s.deadlines {
        Some(d) => deadlines(
            scope,
            sink,
            extra,
            d,
            &format!("the step `{}`", id.value),
            Sender::StepDeadline,
        ),
        None => Vec::new(),
    };
    Some(Step {
        id: id.value.clone(),
        title: text(&s.title).unwrap_or_default(),
        instructions: text(&s.instructions),
        source: scope.clauses(sink, &s.source),
        kind,
        routes,
        deadlines,
    })
}

pub(super) fn routes(
    scope: &mut Scope,
    sink: &mut Sink,
    id: &Sp<String>,
    s: &raw::Step,
    kind: &str,
    at: Span,
) -> Vec<Route> {
    let mut routes = Vec::new();
    if let (Some(_), Some(r)) = (&s.next, &s.routes) {
        let span = r
            .first()
            .and_then(|r| r.to.as_ref().map(|t| t.span))
            .unwrap_or(at);
        sink.error(
            span,
            Problem::BadStep {
                message: format!("the step `{}` has both `next` and `routes`", id.value),
                fix: "keep one: `next` for a single way on, `routes` for conditions".into(),
            },
        );
    }
    if let Some(next) = &s.next {
        if let Some(to) = scope.step(sink, next) {
            routes.push(Route { when: None, to });
        }
    }
    let raw_routes = s.routes.as_deref().unwrap_or_default();
    let last = raw_routes.len().saturating_sub(1);
    for (i, r) in raw_routes.iter().enumerate() {
        match (&r.when, &r.to, &r.otherwise) {
            (Some(when), Some(to), None) => {
                // A condition with an error keeps its edge, so that the graph
                // checks do not report the steps behind it as unreachable
                // (the error is reported; no routine is built).
                let condition = scope
                    .expr(sink, when)
                    .unwrap_or_else(|| Expr(when.value.clone()));
                if let Some(to) = scope.step(sink, to) {
                    routes.push(Route {
                        when: Some(condition),
                        to,
                    });
                }
            }
            (None, None, Some(otherwise)) => {
                if i != last {
                    sink.error(
                        otherwise.span,
                        Problem::BadStep {
                            message: "an `otherwise` route must be the last route".into(),
                            fix: "move it to the end; the routes after it could never be taken"
                                .into(),
                        },
                    );
                }
                if let Some(to) = scope.step(sink, otherwise) {
                    routes.push(Route { when: None, to });
                }
            }
            _ => {
                let span = r
                    .when
                    .as_ref()
                    .or(r.to.as_ref())
                    .or(r.otherwise.as_ref())
                    .map_or(at, |x| x.span);
                sink.error(
                    span,
                    Problem::BadStep {
                        message: format!("a route of the step `{}` is incomplete", id.value),
                        fix: "write a route as `- when: <condition>` with `to: <step>`, or as `- otherwise: <step>`".into(),
                    },
                );
            }
        }
    }
    let needs_way_on = matches!(
        kind,
        "task" | "message" | "event" | "wait" | "join" | "decision"
    );
    if needs_way_on && s.next.is_none() && raw_routes.is_empty() {
        sink.error(
            at,
            Problem::MissingKey {
                key: if kind == "decision" { "routes" } else { "next" }.into(),
                context: format!("the {kind} step `{}`", id.value),
            },
        );
    }
    if kind == "decision" && s.next.is_some() {
        let span = s.next.as_ref().map_or(at, |n| n.span);
        sink.error(
            span,
            Problem::BadStep {
                message: format!(
                    "the decision step `{}` has `next` instead of `routes`",
                    id.value
                ),
                fix: "use `routes:` with conditions, or make it another kind of step".into(),
            },
        );
    }
    if !raw_routes.is_empty() && !raw_routes.iter().any(|r| r.otherwise.is_some()) {
        sink.warning(
            at,
            Problem::NoDefaultRoute {
                step: id.value.clone(),
            },
        );
    }
    routes
}

/// Reports an entry listed twice in one list.
pub(super) fn no_repeats(sink: &mut Sink, list: &Option<Vec<Sp<String>>>) {
    let mut seen: Vec<&str> = Vec::new();
    for item in list.iter().flatten() {
        if seen.contains(&item.value.as_str()) {
            sink.error(
                item.span,
                Problem::DuplicateKey {
                    key: item.value.clone(),
                },
            );
        }
        seen.push(&item.value);
    }
}
