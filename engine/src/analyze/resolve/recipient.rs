//! Recipients of a message: a role, a group, or `group_of` an expression.

use crate::analyze::scope::Scope;
use crate::diagnostic::{suggest, Problem, RefKind, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{FieldType, Recipient, RecipientTarget};
use crate::source::Span;

pub(super) fn recipients(
    scope: &mut Scope,
    sink: &mut Sink,
    raw: &Option<Vec<raw::Recipient>>,
    spans: &mut Vec<Span>,
) -> Option<Vec<Recipient>> {
    let mut out = Vec::new();
    let mut ok = true;
    for r in raw.iter().flatten() {
        let count = [r.role.is_some(), r.group.is_some(), r.group_of.is_some()]
            .iter()
            .filter(|x| **x)
            .count();
        if count != 1 {
            sink.error(
                r.span,
                Problem::BadStep {
                    message: "a recipient must name exactly one of `role`, `group`, `group_of`"
                        .into(),
                    fix: "write `- role: <role>`, `- group: <group>` or `- group_of: <expression>`"
                        .into(),
                },
            );
            ok = false;
            continue;
        }
        let when = match &r.when {
            Some(w) => match scope.expr(sink, w) {
                Some(e) => Some(e),
                None => {
                    ok = false;
                    continue;
                }
            },
            None => None,
        };
        let target = if let Some(role) = &r.role {
            scope.role(sink, role).map(RecipientTarget::Role)
        } else if let Some(group) = &r.group {
            scope.group(sink, group).map(RecipientTarget::Group)
        } else if let Some(expr) = &r.group_of {
            group_of(scope, sink, expr, r.when.is_some())
        } else {
            None
        };
        match target {
            Some(target) => {
                spans.push(r.span);
                out.push(Recipient { target, when });
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// `group_of`: when the expression is a plain enumeration field, each of its
/// values must be a group id; those are the groups it may yield.
/// `group_of`: when the expression is a plain enumeration field, its values
/// that are group ids are the groups it may yield. A value that is no group
/// is an error, unless the recipient has a `when:` (which may exclude it; if
/// not, sending fails at run time and is journaled). Otherwise the groups
/// named as texts in the expression (`'night_team' if night else 'day_team'`)
/// are the candidates, or, when it names none, every group.
fn group_of(
    scope: &mut Scope,
    sink: &mut Sink,
    expr: &Sp<String>,
    guarded: bool,
) -> Option<RecipientTarget> {
    let compiled = scope.expr(sink, expr)?;
    let name = expr.value.trim();
    let mut candidates = Vec::new();
    if let Some(FieldType::Enum { values }) = scope.field_type(name).cloned() {
        for v in values {
            if scope.groups.contains_key(&v) {
                scope.used_groups.insert(v.clone());
                candidates.push(v);
            } else if !guarded {
                let known: Vec<&str> = scope.groups.keys().map(String::as_str).collect();
                sink.error(
                    expr.span,
                    Problem::UnknownReference {
                        kind: RefKind::Group,
                        suggestion: suggest(&v, known.iter().copied()),
                        name: v,
                    },
                );
                return None;
            }
        }
    } else {
        candidates = quoted_texts(&expr.value)
            .into_iter()
            .filter(|t| scope.groups.contains_key(t))
            .collect();
        candidates.sort();
        candidates.dedup();
        scope.used_groups.extend(candidates.iter().cloned());
        if candidates.is_empty() {
            // Any group may come out: check visibility against all of them.
            candidates = scope.groups.keys().cloned().collect();
        }
    }
    Some(RecipientTarget::GroupOf {
        expr: compiled,
        candidates,
    })
}

/// The texts written in quotes in an expression.
fn quoted_texts(expr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<(char, String)> = None;
    for c in expr.chars() {
        match &mut current {
            Some((q, text)) if c == *q => {
                out.push(std::mem::take(text));
                current = None;
            }
            Some((_, text)) => text.push(c),
            None if c == '\'' || c == '"' => current = Some((c, String::new())),
            None => {}
        }
    }
    out
}
