//! Which keys each kind of step takes.

use crate::diagnostic::{suggest, Phrase, PhraseValue, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::source::Span;

/// The step kinds, as `kind:` takes them. The JSON Schema's enumeration of
/// `kind` is this list (`crate::schema`).
pub(crate) const STEP_KINDS: &[&str] = &[
    "task", "decision", "message", "event", "wait", "parallel", "join", "end",
];

/// The step keys that only some kinds take, with those kinds. Every other
/// step key (`kind`, `title`, `instructions`, `source`) belongs to every kind.
/// The analyzer checks steps against this table and the JSON Schema's
/// per-kind step schemas are derived from it (`crate::schema`).
pub(crate) const KIND_KEYS: &[(&str, &[&str])] = &[
    ("role", &["task"]),
    ("documents", &["task"]),
    ("collects", &["task", "event"]),
    ("optional", &["task", "event"]),
    ("event", &["event"]),
    ("from", &["event", "message"]),
    ("until", &["wait"]),
    ("template", &["message"]),
    ("subject", &["message"]),
    ("to", &["message"]),
    ("cc", &["message"]),
    ("branches", &["parallel"]),
    ("join", &["parallel"]),
    ("outcome", &["end"]),
    (
        "next",
        &["task", "message", "event", "wait", "join", "decision"],
    ),
    ("routes", &["task", "message", "event", "wait", "decision"]),
    ("deadlines", &["task", "event", "wait"]),
    (
        "set",
        &[
            "task", "decision", "message", "event", "wait", "join", "end",
        ],
    ),
];

/// The kinds that take the step key `key`; `None` when every kind takes it.
pub(crate) fn kinds_taking(key: &str) -> Option<&'static [&'static str]> {
    KIND_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, kinds)| *kinds)
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
            what: Phrase::new("what-step-kind"),
            allowed: STEP_KINDS.iter().map(|s| (*s).to_owned()).collect(),
            suggestion: suggest(k, STEP_KINDS.iter().copied()),
        },
    );
    false
}

/// Reports every key of the step `id` that its kind `k` does not take.
pub(super) fn check(sink: &mut Sink, id: &Sp<String>, s: &raw::Step, k: &str) {
    for (key, span) in present_keys(s) {
        let Some(allowed) = kinds_taking(key) else {
            continue;
        };
        if allowed.contains(&k) {
            continue;
        }
        sink.error(
            span,
            Problem::BadStep {
                message: Phrase::named("key-not-of-kind", &id.value)
                    .with("kind", k)
                    .with("key", key),
                fix: Phrase::new("key-not-of-kind-fix").with("key", key).with(
                    "kinds",
                    PhraseValue::And(allowed.iter().map(|k| (*k).to_owned()).collect()),
                ),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_check_looks_at_is_in_the_table() {
        let text = || Some(Sp::new(String::new(), Span::default()));
        let step = raw::Step {
            role: text(),
            documents: Some(Vec::new()),
            collects: Some(Vec::new()),
            optional: Some(Vec::new()),
            event: text(),
            from: text(),
            until: text(),
            template: text(),
            subject: text(),
            to: Some(Vec::new()),
            cc: Some(Vec::new()),
            branches: Some(Vec::new()),
            join: text(),
            outcome: text(),
            next: text(),
            routes: Some(Vec::new()),
            deadlines: Some(Vec::new()),
            set: Some(raw::IdMap::default()),
            ..raw::Step::default()
        };
        let mut present: Vec<&str> = present_keys(&step).into_iter().map(|(k, _)| k).collect();
        let mut table: Vec<&str> = KIND_KEYS.iter().map(|(k, _)| *k).collect();
        present.sort_unstable();
        table.sort_unstable();
        assert_eq!(present, table);
        for (key, kinds) in KIND_KEYS {
            assert!(
                kinds.iter().all(|k| STEP_KINDS.contains(k)),
                "{key}: {kinds:?}"
            );
        }
    }
}
