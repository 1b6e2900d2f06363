//! Recipients of a message: a role, a group, `group_of` an expression, or a person.

use minijinja::machinery::ast::{self, CallArg, Expr};

use crate::analyze::scope::Scope;
use crate::diagnostic::{suggest, Phrase, Problem, RefKind, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{FieldType, Recipient, RecipientTarget};
use crate::source::Span;

/// Resolves a recipient list. Each recipient that resolved goes to
/// `resolved` with where it is written; the list comes back only when all did.
pub(super) fn recipients(
    scope: &mut Scope,
    sink: &mut Sink,
    raw: &Option<Vec<raw::Recipient>>,
    resolved: &mut Vec<(Recipient, Span)>,
) -> Option<Vec<Recipient>> {
    let mut out = Vec::new();
    let mut ok = true;
    for r in raw.iter().flatten() {
        match recipient(scope, sink, r) {
            Some(recipient) => {
                resolved.push((recipient.clone(), r.span));
                out.push(recipient);
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn recipient(scope: &mut Scope, sink: &mut Sink, r: &raw::Recipient) -> Option<Recipient> {
    let count = [
        r.role.is_some(),
        r.group.is_some(),
        r.group_of.is_some(),
        r.person.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if count != 1 {
        sink.error(
            r.span,
            Problem::BadStep {
                message: Phrase::new("recipient-not-one"),
                fix: Phrase::new("recipient-not-one-fix"),
            },
        );
        return None;
    }
    let when = match &r.when {
        Some(w) => Some(scope.expr(sink, w)?),
        None => None,
    };
    let target = if let Some(role) = &r.role {
        scope.role(sink, role).map(RecipientTarget::Role)
    } else if let Some(group) = &r.group {
        scope.group(sink, group).map(RecipientTarget::Group)
    } else if let Some(p) = &r.person {
        super::person::person(scope, sink, p, r.when.as_ref())
    } else {
        let expr = r.group_of.as_ref()?;
        group_of(scope, sink, expr, r.when.is_some())
    };
    let title =
        super::values::condition_title(sink, &r.title, &r.when, &Phrase::new("in-a-recipient"));
    Some(Recipient {
        target: target?,
        when,
        title,
    })
}

/// What a `group_of` expression may give, read from its syntax tree.
#[derive(Debug, Default)]
struct Yields {
    /// Group ids it may give.
    groups: Vec<String>,
    /// Texts it may give that stand for no group, with the enumeration
    /// field they are a value of (none for a constant).
    not_groups: Vec<(Option<String>, String)>,
    /// It may give a text not known here (a text field, a computed text):
    /// any group of the routine.
    any: bool,
    /// Why it can never give a group id, when that is so.
    refused: Option<Phrase>,
}

/// `group_of`: the groups the expression may give, from its syntax tree:
/// constant texts, an enumeration field's values, both sides of `if`/`else`,
/// `or` and `default`, the values of a map looked up; any group of the
/// routine where a text is computed or read from a text field. A text that
/// is no group is an error, unless the recipient has a `when:` (which may
/// exclude it; if not, sending fails at run time and is journaled). A value
/// that can never be a group id (a number, a date field) is refused.
fn group_of(
    scope: &mut Scope,
    sink: &mut Sink,
    expr: &Sp<String>,
    guarded: bool,
) -> Option<RecipientTarget> {
    let compiled = scope.expr(sink, expr)?;
    let tree = scope.trees.expr(&expr.value);
    let ast = tree.tree().as_ref().ok()?;
    let mut yields = Yields::default();
    gives(scope, ast, &mut yields);
    if let Some(reason) = yields.refused {
        sink.error(
            expr.span,
            Problem::GroupOfUnknowable {
                expr: expr.value.clone(),
                reason,
            },
        );
        return None;
    }
    if let (Some((field, v)), false) = (yields.not_groups.first(), guarded) {
        let known: Vec<&str> = scope.groups.keys().map(String::as_str).collect();
        let problem = match field {
            Some(field) => Problem::ValueWithoutGroup {
                field: field.clone(),
                value: v.clone(),
                used: Phrase::quoted(format!("group_of: {}", expr.value)),
                groups: known.iter().map(|g| (*g).to_owned()).collect(),
            },
            None => Problem::UnknownReference {
                kind: RefKind::Group,
                suggestion: suggest(v, known.iter().copied()),
                name: v.clone(),
            },
        };
        sink.error(expr.span, problem);
        return None;
    }
    scope.used_groups.extend(yields.groups.iter().cloned());
    let candidates = if yields.any {
        // Any group may come out: check visibility against all of them.
        scope.groups.keys().cloned().collect()
    } else {
        yields.groups
    };
    Some(RecipientTarget::GroupOf {
        expr: compiled,
        candidates,
    })
}

/// A text the expression may give (`field`: the enumeration it is a value of).
fn text(scope: &Scope, value: &str, field: Option<&str>, yields: &mut Yields) {
    let group = scope.group_for(value);
    if scope.groups.contains_key(group) {
        if !yields.groups.iter().any(|g| g == group) {
            yields.groups.push(group.to_owned());
        }
    } else {
        yields
            .not_groups
            .push((field.map(str::to_owned), value.to_owned()));
    }
}

fn gives(scope: &Scope, e: &Expr<'_>, yields: &mut Yields) {
    match e {
        Expr::Const(c) => match c.value.as_str() {
            Some(v) => text(scope, v, None, yields),
            None => {
                yields.refused =
                    Some(Phrase::new("group-of-gives-no-id").with("value", c.value.to_string()));
            }
        },
        Expr::Var(v) => field(scope, v.id, yields),
        Expr::IfExpr(i) => {
            gives(scope, &i.true_expr, yields);
            // Without `else` it gives nothing, which fails when sent.
            if let Some(f) = &i.false_expr {
                gives(scope, f, yields);
            }
        }
        Expr::BinOp(b) if matches!(b.op, ast::BinOpKind::ScOr | ast::BinOpKind::ScAnd) => {
            gives(scope, &b.left, yields);
            gives(scope, &b.right, yields);
        }
        Expr::Filter(f) if f.name == "default" => {
            if let Some(inner) = &f.expr {
                gives(scope, inner, yields);
            }
            if let Some(CallArg::Pos(d)) = f.args.first() {
                gives(scope, d, yields);
            }
        }
        Expr::GetItem(g) => match &g.expr {
            Expr::Map(m) => m.values.iter().for_each(|v| gives(scope, v, yields)),
            _ => yields.any = true,
        },
        Expr::BinOp(b) if !matches!(b.op, ast::BinOpKind::Concat | ast::BinOpKind::Add) => {
            yields.refused = Some(Phrase::new("group-of-no-text"));
        }
        Expr::Compare(_) | Expr::Test(_) | Expr::UnaryOp(_) | Expr::List(_) | Expr::Map(_) => {
            yields.refused = Some(Phrase::new("group-of-no-text"));
        }
        _ => yields.any = true,
    }
}

/// A field given as `group_of`: an enumeration names its values, a text
/// field any group; other types never give a group id.
fn field(scope: &Scope, name: &str, yields: &mut Yields) {
    match scope.field_type(name) {
        Some(FieldType::Enum { values }) => values
            .iter()
            .for_each(|v| text(scope, v, Some(name), yields)),
        Some(FieldType::Text) | None => yields.any = true,
        Some(other) => {
            yields.refused =
                Some(Phrase::named("group-of-field-type", name).with("type", other.phrase()));
        }
    }
}
