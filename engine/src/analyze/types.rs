//! Types the analyzer can know: a pass over the resolved routine that finds
//! values of the wrong kind where the runtime would refuse them every time.
//!
//! - a date function or filter (`date_add`, `date_sub`, `days_between`,
//!   `is_working_day`, `| date`; `periods_*`, `| period`) given a field or
//!   literal of another type, and a wait's `until` that is not a date;
//! - a date written in a comparison or as an argument that is not `YYYY-MM-DD`;
//! - `role_name('x')`/`group_name('x')` with an id the routine lacks, and
//!   over an enumeration whose values are not all ids;
//! - in a template, a field that may be unset (not required, recorded by no
//!   task or event as required, set by no `set:`) passed to a date function or filter outside
//!   an `{% if %}` that tests it: it fails when the message is sent.
//! - in a `set:` value or a route condition, a field not surely set where it
//!   runs passed to arithmetic, a function or a filter: every case stops there.
//!
//! Expressions are parsed with minijinja's own parser, so the check sees
//! exactly what the runtime ([`crate::expr`]) evaluates.

mod flow;
mod infer;
mod template;
mod walk;

use std::collections::BTreeSet;
use std::sync::Arc;

use minijinja::machinery::{ast::Expr, ast::Stmt};

use super::resolved::Resolved;
use super::trees::Trees;
use crate::diagnostic::{Diagnostic, Location, Phrase, Problem, Sink};
use crate::load::raw::{self, RoutineFile, Sp};
use crate::model::{StepKind, Template};
use crate::source::{SourceFile, Span};
use walk::{Facts, Found, Walk};

/// Runs the type checks over every expression and template of the routine.
pub(super) fn check(resolved: &Resolved, raw: &RoutineFile, sink: &mut Sink) {
    let solved = flow::solve(resolved);
    let facts = facts(resolved, &solved);
    let trees = &resolved.scope.trees;
    for condition in &resolved.scope.conditions {
        for found in expression(trees, &facts, &condition.value) {
            sink.error(condition.span, found.problem);
        }
    }
    waits(resolved, &facts, sink);
    assignments(resolved, &solved, &facts, sink);
    let unset = flow::unset_by_template(&solved);
    let facts_for = |template: &str| Facts {
        maybe_unset: facts
            .maybe_unset
            .iter()
            .copied()
            .chain(unset.get(template).into_iter().flatten().copied())
            .collect(),
        ..facts.clone()
    };
    for template in resolved.scope.used_templates.values() {
        for d in template_problems(trees, &facts_for(&template.name), template) {
            sink.push(d);
        }
    }
    for (template, subject) in subjects(raw) {
        let facts = facts_for(&template.value);
        let name = format!("subject of {}", template.value);
        let tree = trees.template(&subject.value, &name);
        let Ok(ast) = tree.tree() else {
            continue;
        };
        let mut w = walk(&facts, &subject.value, Some(&name));
        if let Stmt::Template(t) = ast {
            w.statements(&t.children);
        }
        for found in w.found {
            sink.error(subject.span, found.problem);
        }
    }
}

/// Every message subject the routine writes, with its template's name.
fn subjects(raw: &RoutineFile) -> Vec<(&Sp<String>, &Sp<String>)> {
    fn message(m: &Option<raw::Message>) -> Option<(&Sp<String>, &Sp<String>)> {
        m.as_ref()
            .and_then(|m| m.template.as_ref().zip(m.subject.as_ref()))
    }
    let steps = raw.steps.0.iter().map(|(_, s)| s);
    let deadlines = raw
        .deadlines
        .iter()
        .chain(steps.clone().flat_map(|s| s.deadlines.iter().flatten()));
    steps
        .filter_map(|s| s.template.as_ref().zip(s.subject.as_ref()))
        .chain(deadlines.filter_map(|d| message(&d.message)))
        .chain(
            raw.schedules
                .0
                .iter()
                .filter_map(|(_, s)| message(&s.message)),
        )
        .collect()
}

fn facts<'a>(resolved: &'a Resolved, solved: &flow::Solved<'a>) -> Facts<'a> {
    let scope = &resolved.scope;
    let mut set: BTreeSet<&str> = scope
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.id.as_str())
        .collect();
    for step in &resolved.steps {
        if let StepKind::Task { collects, .. } | StepKind::Event { collects, .. } = &step.kind {
            set.extend(collects.iter().map(String::as_str));
        }
    }
    // A field some step, route or deadline sets (`set:`) is set by the routine.
    let deadlines = resolved
        .steps
        .iter()
        .flat_map(|s| &s.deadlines)
        .chain(&resolved.deadlines);
    let assignments = resolved
        .steps
        .iter()
        .flat_map(|s| s.set.iter().chain(s.routes.iter().flat_map(|r| &r.set)))
        .chain(deadlines.flat_map(|d| &d.set));
    set.extend(assignments.map(|a| a.field.as_str()));
    Facts {
        fields: &scope.fields,
        roles: scope.roles.keys().map(String::as_str).collect(),
        groups: scope.groups.keys().map(String::as_str).collect(),
        maybe_unset: scope
            .fields
            .iter()
            .map(|f| f.id.as_str())
            .filter(|f| !set.contains(f))
            .collect(),
        together: std::rc::Rc::new(flow::set_together(solved)),
    }
}

fn walk<'f, 's>(facts: &'f Facts<'f>, source: &'s str, template: Option<&'s str>) -> Walk<'f, 's> {
    Walk {
        facts,
        source,
        template,
        guarded: Vec::new(),
        found: Vec::new(),
    }
}

/// The problems of one expression (it is known to compile).
fn expression(trees: &Trees, facts: &Facts<'_>, text: &str) -> Vec<Found> {
    let tree = trees.expr(text);
    let Ok(ast) = tree.tree() else {
        return Vec::new();
    };
    let mut w = walk(facts, text, None);
    w.expr(ast);
    w.found
}

/// A `set:` value may not pass a field that may be unset where it runs to
/// arithmetic, a function or a filter that fails on `none`.
fn assignments(resolved: &Resolved, solved: &flow::Solved<'_>, facts: &Facts<'_>, sink: &mut Sink) {
    let trees = &resolved.scope.trees;
    for (step, route, when, unset) in flow::unset_by_route(solved) {
        let place = Phrase::named("place-route-condition", step).with("route", route);
        let span = written(&resolved.scope.conditions, when.source());
        for problem in unguarded_value(trees, facts, when.source(), &place, &unset) {
            sink.error(span, problem);
        }
    }
    for (place, when, unset) in flow::unset_by_recipient(solved) {
        let place = Phrase::within("place-recipient-condition", &place);
        let span = written(&resolved.scope.conditions, when.source());
        for problem in unguarded_value(trees, facts, when.source(), &place, &unset) {
            sink.error(span, problem);
        }
    }
    for (step, until, unset) in flow::unset_by_wait(solved) {
        let place = Phrase::named("place-until", step);
        let span = written(&resolved.scope.conditions, until.source());
        for problem in unguarded_value(trees, facts, until.source(), &place, &unset) {
            sink.error(span, problem);
        }
    }
    // Where each value is written: the first place with its step and field not yet taken.
    let mut spans: Vec<Option<&(Phrase, String, Span)>> =
        resolved.scope.assigned.iter().map(Some).collect();
    for (place, assignment, unset) in flow::unset_by_assignment(solved) {
        let taken = spans
            .iter_mut()
            .find(|s| s.is_some_and(|(p, f, _)| *p == place && *f == assignment.field))
            .and_then(Option::take);
        let span = taken.map(|(_, _, s)| *s).unwrap_or_default();
        let place = Phrase::within("place-set", &place);
        let text = assignment.value.source();
        for problem in unguarded_value(trees, facts, text, &place, &unset) {
            sink.error(span, problem);
        }
    }
}

/// The fields that may be `unset` (besides those no way sets) which `text`
/// passes where `none` fails.
fn unguarded_value(
    trees: &Trees,
    facts: &Facts<'_>,
    text: &str,
    place: &Phrase,
    unset: &[&str],
) -> Vec<Problem> {
    let tree = trees.expr(text);
    let Ok(ast) = tree.tree() else {
        return Vec::new();
    };
    let facts = Facts {
        maybe_unset: facts
            .maybe_unset
            .iter()
            .copied()
            .chain(unset.iter().copied())
            .collect(),
        ..facts.clone()
    };
    // Named so that fields that may be unset are checked; the name is not shown.
    let mut w = walk(&facts, text, Some(""));
    w.expr(ast);
    w.found
        .into_iter()
        .filter_map(|found| match found.problem {
            Problem::UnguardedOptional { field, to, .. } => Some(Problem::UnguardedOptionalValue {
                place: place.clone(),
                field,
                to,
            }),
            _ => None,
        })
        .collect()
}

/// A wait step's `until` must give a date.
fn waits(resolved: &Resolved, facts: &Facts<'_>, sink: &mut Sink) {
    for step in &resolved.steps {
        let StepKind::Wait { until } = &step.kind else {
            continue;
        };
        let text = until.source();
        let tree = resolved.scope.trees.expr(text);
        let Ok(ast) = tree.tree() else {
            continue;
        };
        let got = match ast {
            Expr::Const(_)
                if infer::const_text(ast).is_some_and(|t| crate::expr::parse_date(t).is_some()) =>
            {
                None
            }
            _ => infer::infer(ast, facts.fields).filter(|k| k.ty != infer::Ty::Date),
        };
        if let Some(got) = got {
            let span = written(&resolved.scope.conditions, text);
            sink.error(
                span,
                Problem::WrongArgumentType {
                    place: Phrase::named("place-wait-until", &step.id),
                    expected: Phrase::new("need-date"),
                    got: got.words,
                },
            );
        }
    }
}

/// Where an expression is written (the first place with this text).
fn written(conditions: &[Sp<String>], text: &str) -> Span {
    conditions
        .iter()
        .find(|c| c.value == text)
        .map(|c| c.span)
        .unwrap_or_default()
}

/// The problems of a template, located in its file.
fn template_problems(trees: &Trees, facts: &Facts<'_>, template: &Template) -> Vec<Diagnostic> {
    let source = template.source.as_str();
    let tree = trees.template(source, &template.name);
    let Ok(ast) = tree.tree() else {
        return Vec::new();
    };
    let mut w = walk(facts, source, Some(&template.name));
    if let Stmt::Template(t) = ast {
        w.statements(&t.children);
    }
    let file = Arc::new(SourceFile::new(&template.path, source));
    w.found
        .into_iter()
        .map(|f| {
            let at = Location {
                file: file.clone(),
                span: Span::new(f.start, f.end.saturating_sub(f.start)),
            };
            Diagnostic::error(f.problem, Some(at))
        })
        .collect()
}

#[cfg(test)]
mod tests;
