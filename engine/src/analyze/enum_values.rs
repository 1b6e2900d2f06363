//! Conditions that compare an enumeration field with a value it does not
//! have (`answer == 'Ja'` where `answer` takes `ja` and `nej`): such a
//! comparison always comes out the same, so the route, recipient or
//! deadline it guards is dead or always taken, and a case that needed it
//! stops at a decision no route leaves.

use minijinja::machinery::ast::{BinOpKind, CompareOpKind, Expr};
use minijinja::value::Value;

use super::resolved::Resolved;
use super::trees::children;
use crate::diagnostic::{Problem, Sink};
use crate::model::{Field, FieldType};

pub(super) fn check(resolved: &Resolved, sink: &mut Sink) {
    let scope = &resolved.scope;
    for condition in &scope.conditions {
        let tree = scope.trees.expr(&condition.value);
        let Ok(ast) = tree.tree() else {
            continue;
        };
        let mut found = Vec::new();
        walk(ast, &scope.fields, &mut found);
        for (field, value) in found {
            sink.error(
                condition.span,
                Problem::NotAValue {
                    values: enum_values(&scope.fields, &field).join(", "),
                    field,
                    value,
                    expr: condition.value.clone(),
                },
            );
        }
    }
}

/// Every (field, value) compared in `e` where the value is not one of the
/// enumeration field's values.
fn walk(e: &Expr<'_>, fields: &[Field], found: &mut Vec<(String, String)>) {
    match e {
        Expr::BinOp(b) => {
            let kind = match b.op {
                BinOpKind::Eq | BinOpKind::Ne => Some(Kind::Equal),
                BinOpKind::In => Some(Kind::In),
                _ => None,
            };
            if let Some(kind) = kind {
                compared(&b.left, kind, &b.right, fields, found);
            }
        }
        Expr::Compare(c) => {
            let mut left = &c.expr;
            for op in &c.ops {
                let kind = match op.op {
                    CompareOpKind::Eq | CompareOpKind::Ne => Some(Kind::Equal),
                    CompareOpKind::In | CompareOpKind::NotIn => Some(Kind::In),
                    _ => None,
                };
                if let Some(kind) = kind {
                    compared(left, kind, &op.expr, fields, found);
                }
                left = &op.expr;
            }
        }
        _ => {}
    }
    for child in children(e) {
        walk(child, fields, found);
    }
}

/// Equality (`==`, `!=`: either side may be the field) or membership
/// (`in`, `not in`: the field on the left).
#[derive(Clone, Copy)]
enum Kind {
    Equal,
    In,
}

fn compared(
    left: &Expr<'_>,
    kind: Kind,
    right: &Expr<'_>,
    fields: &[Field],
    found: &mut Vec<(String, String)>,
) {
    let pairs: Vec<(&str, Vec<String>)> = match kind {
        Kind::Equal => [(left, right), (right, left)]
            .into_iter()
            .filter_map(|(var, value)| Some((variable(var)?, constants(value))))
            .collect(),
        Kind::In => variable(left).map_or_else(Vec::new, |f| vec![(f, constants(right))]),
    };
    for (field, values) in pairs {
        let declared = enum_values(fields, field);
        if declared.is_empty() {
            continue;
        }
        for value in values {
            if !declared.contains(&value) {
                found.push((field.to_owned(), value));
            }
        }
    }
}

fn variable<'a>(e: &Expr<'a>) -> Option<&'a str> {
    match e {
        Expr::Var(v) => Some(v.id),
        _ => None,
    }
}

/// The strings a constant or a list of constants holds (nothing else is
/// known before the case runs).
fn constants(e: &Expr<'_>) -> Vec<String> {
    let of = |v: &Value| -> Vec<String> {
        match v.as_str() {
            Some(s) => vec![s.to_owned()],
            None => v
                .try_iter()
                .map(|items| {
                    items
                        .filter_map(|i| i.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        }
    };
    match e {
        Expr::Const(c) => of(&c.value),
        Expr::List(l) => strings(&l.items),
        Expr::Tuple(t) => strings(&t.items),
        _ => Vec::new(),
    }
}

/// The constant strings among `items`.
fn strings(items: &[Expr<'_>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Expr::Const(c) => c.value.as_str().map(str::to_owned),
            _ => None,
        })
        .collect()
}

/// The values of `field` when it is an enumeration (none otherwise).
fn enum_values<'a>(fields: &'a [Field], field: &str) -> &'a [String] {
    match fields.iter().find(|f| f.id == field).map(|f| &f.ty) {
        Some(FieldType::Enum { values }) => values,
        _ => &[],
    }
}
