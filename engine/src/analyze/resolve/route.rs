//! The ways on from a step: `next`, or `routes` with conditions.

use crate::analyze::scope::Scope;
use crate::diagnostic::{Phrase, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{Expr, Route};
use crate::source::Span;

/// The routes of the step `id` (of kind `kind`, written at `at`).
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
                message: Phrase::named("next-and-routes", &id.value),
                fix: Phrase::new("next-and-routes-fix"),
            },
        );
    }
    if let Some(next) = &s.next {
        if let Some(to) = scope.step(sink, next) {
            routes.push(Route {
                when: None,
                to,
                set: Vec::new(),
                title: None,
                local_choice: None,
            });
        }
    }
    let raw_routes = s.routes.as_deref().unwrap_or_default();
    let last = raw_routes.len().saturating_sub(1);
    for (i, r) in raw_routes.iter().enumerate() {
        routes.extend(route(scope, sink, id, r, i == last, at));
    }
    way_on(sink, id, s, kind, at);
    routes
}

/// One entry of `routes:`.
fn route(
    scope: &mut Scope,
    sink: &mut Sink,
    id: &Sp<String>,
    r: &raw::Route,
    last: bool,
    at: Span,
) -> Option<Route> {
    match (&r.when, &r.to, &r.otherwise) {
        (Some(when), Some(to), None) => {
            // A condition with an error keeps its edge, so that the graph
            // checks do not report the steps behind it as unreachable
            // (the error is reported; no routine is built).
            let condition = scope
                .expr(sink, when)
                .unwrap_or_else(|| Expr(when.value.clone()));
            let set = route_set(scope, sink, id, r);
            let (title, local_choice) = route_words(sink, id, r);
            let to = scope.step(sink, to)?;
            Some(Route {
                when: Some(condition),
                to,
                set,
                title,
                local_choice,
            })
        }
        (None, None, Some(otherwise)) => {
            if !last {
                sink.error(
                    otherwise.span,
                    Problem::BadStep {
                        message: Phrase::new("otherwise-not-last"),
                        fix: Phrase::new("otherwise-not-last-fix"),
                    },
                );
            }
            let set = route_set(scope, sink, id, r);
            let (title, local_choice) = route_words(sink, id, r);
            let to = scope.step(sink, otherwise)?;
            Some(Route {
                when: None,
                to,
                set,
                title,
                local_choice,
            })
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
                    message: Phrase::named("route-incomplete", &id.value),
                    fix: Phrase::new("route-incomplete-fix"),
                },
            );
            None
        }
    }
}

/// The `set:` of a route of the step `id`.
fn route_set(
    scope: &mut Scope,
    sink: &mut Sink,
    id: &Sp<String>,
    r: &raw::Route,
) -> Vec<crate::model::Assignment> {
    let place = route_of(id);
    super::assign::assignments(scope, sink, &r.set, &place)
}

/// "a route of the step `a`".
fn route_of(id: &Sp<String>) -> Phrase {
    Phrase::within("in-route-of", &Phrase::named("in-step", &id.value))
}

/// The `title` and `local_choice` of a route of the step `id`.
fn route_words(
    sink: &mut Sink,
    id: &Sp<String>,
    r: &raw::Route,
) -> (Option<String>, Option<String>) {
    let place = route_of(id);
    (
        super::values::words(sink, &r.title, "title", &place),
        super::values::words(sink, &r.local_choice, "local_choice", &place),
    )
}

/// A step that must go on has a way on; a decision has routes, with a default.
fn way_on(sink: &mut Sink, id: &Sp<String>, s: &raw::Step, kind: &str, at: Span) {
    let raw_routes = s.routes.as_deref().unwrap_or_default();
    let needs_way_on = matches!(
        kind,
        "task" | "message" | "event" | "wait" | "join" | "decision"
    );
    if needs_way_on && s.next.is_none() && raw_routes.is_empty() {
        sink.error(
            at,
            Problem::MissingKey {
                key: if kind == "decision" { "routes" } else { "next" }.into(),
                context: super::values::kind_step(kind, id),
            },
        );
    }
    if kind == "decision" && s.next.is_some() {
        let span = s.next.as_ref().map_or(at, |n| n.span);
        sink.error(
            span,
            Problem::BadStep {
                message: Phrase::named("decision-with-next", &id.value),
                fix: Phrase::new("decision-with-next-fix"),
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
}
