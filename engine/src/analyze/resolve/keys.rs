//! Which keys each kind of step takes.

use crate::diagnostic::{suggest, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::source::Span;

const STEP_KINDS: &[&str] = &[
    "task", "decision", "message", "event", "wait", "parallel", "join", "end",
];

/// Which keys belong to which step kinds (besides the common ones).
fn allowed_for(key: &str) -> &'static [&'static str] {
    match key {
        "role" | "documents" => &["task"],
        "collects" | "optional" => &["task", "event"],
        "event" => &["event"],
        "from" => &["event", "message"],
        "until" => &["wait"],
        "template" | "subject" | "to" | "cc" => &["message"],
        "branches" | "join" => &["parallel"],
        "outcome" => &["end"],
        "next" => &["task", "message", "event", "wait", "join", "decision"],
        "routes" => &["task", "message", "event", "wait", "decision"],
        "deadlines" => &["task", "event", "wait"],
        "set" => &[
            "task", "decision", "message", "event", "wait", "join", "end",
        ],
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
        "set",
        s.set
            .as_ref()
            .map(|a| a.0.first().map_or(Span::default(), |(id, _)| id.span)),
    );
    add(
        "deadlines",
        s.deadlines
            .as_ref()
            .map(|d| d.first().map_or(Span::default(), |d| d.span)),
    );
    keys
}

/// Whether `kind` is a step kind; reported at `at` when it is not.
pub(super) fn known_kind(sink: &mut Sink, kind: &Sp<String>) -> bool {
    let k = kind.value.as_str();
    if STEP_KINDS.contains(&k) {
        return true;
    }
    sink.error(
        kind.span,
        Problem::BadValue {
            value: k.to_owned(),
            what: "step kind".into(),
            allowed: STEP_KINDS.iter().map(|s| (*s).to_owned()).collect(),
            suggestion: suggest(k, STEP_KINDS.iter().copied()),
        },
    );
    false
}

/// Reports every key of the step `id` that its kind `k` does not take.
pub(super) fn check(sink: &mut Sink, id: &Sp<String>, s: &raw::Step, k: &str) {
    for (key, span) in present_keys(s) {
        let allowed = allowed_for(key);
        if allowed.contains(&k) {
            continue;
        }
        let article = if k.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        sink.error(
            span,
            Problem::BadStep {
                message: format!(
                    "the step `{}` is {article} {k} step; `{key}` does not belong to it",
                    id.value
                ),
                fix: format!(
                    "`{key}` belongs to {} steps; remove it or change `kind`",
                    allowed.join(" and ")
                ),
            },
        );
    }
}
