//! What an expression is known to give, from the field types, the
//! literals and the functions of [`crate::expr`]. Unknown stays unknown:
//! only what is certain leads to a diagnostic.

use minijinja::machinery::ast::{BinOpKind, CallArg, Expr, UnaryOpKind};
use minijinja::value::ValueKind;

use crate::diagnostic::Phrase;
use crate::expr::parse_date;
use crate::model::{Field, FieldType};

/// A kind of value, as far as the checks need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ty {
    Date,
    Period,
    Text,
    Number,
    Boolean,
    List,
    Nothing,
}

/// What an expression is known to give, and that in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Known {
    pub(super) ty: Ty,
    pub(super) words: Phrase,
}

fn known(ty: Ty, words: Phrase) -> Option<Known> {
    Some(Known { ty, words })
}

/// "`x` is a text" and the like: `id` of `details.ftl` with the text `what`.
fn is(id: &'static str, what: impl Into<String>) -> Phrase {
    Phrase::new(id).with("what", what.into())
}

/// The kind of a field's values, and the field in words.
pub(super) fn field_kind(field: &Field) -> Known {
    let (ty, what) = match &field.ty {
        FieldType::Text => (Ty::Text, "kind-text-field"),
        FieldType::Integer => (Ty::Number, "kind-number-field"),
        FieldType::Boolean => (Ty::Boolean, "kind-boolean-field"),
        FieldType::Date => (Ty::Date, "kind-date-field"),
        FieldType::Period => (Ty::Period, "kind-period-field"),
        FieldType::Enum { .. } => (Ty::Text, "kind-enum-field"),
        FieldType::Personnummer => (Ty::Text, "kind-personnummer-field"),
        FieldType::List { .. } => (Ty::List, "kind-list-field"),
    };
    Known {
        ty,
        words: is(what, &field.id),
    }
}

/// The string a constant node holds.
pub(super) fn const_text<'a>(expr: &'a Expr<'_>) -> Option<&'a str> {
    match expr {
        Expr::Const(c) => c.value.as_str(),
        _ => None,
    }
}

/// What `expr` gives, when that is certain.
pub(super) fn infer(expr: &Expr<'_>, fields: &[Field]) -> Option<Known> {
    match expr {
        Expr::Var(v) if v.id == "today" => known(Ty::Date, is("kind-date", "today")),
        Expr::Var(v) => fields.iter().find(|f| f.id == v.id).map(field_kind),
        Expr::Const(c) => constant(&c.value),
        Expr::GetAttr(a) => attribute(&a.expr, a.name, fields),
        Expr::Call(c) => match &c.expr {
            Expr::Var(f) => call_result(f.id),
            _ => None,
        },
        Expr::Filter(f) => match f.name {
            "date" | "period" | "upper" | "lower" | "title" | "trim" | "string" => {
                known(Ty::Text, is("kind-filter-text", f.name))
            }
            "length" | "count" | "int" => known(Ty::Number, is("kind-filter-number", f.name)),
            _ => None,
        },
        Expr::Compare(_) | Expr::Test(_) => known(Ty::Boolean, Phrase::new("kind-comparison")),
        Expr::UnaryOp(u) if matches!(u.op, UnaryOpKind::Not) => {
            known(Ty::Boolean, Phrase::new("kind-not"))
        }
        Expr::BinOp(b) if super::walk::is_comparison(b.op) => {
            known(Ty::Boolean, Phrase::new("kind-comparison"))
        }
        Expr::BinOp(b) if matches!(b.op, BinOpKind::Concat) => {
            known(Ty::Text, Phrase::new("kind-concat"))
        }
        Expr::List(_) => known(Ty::List, Phrase::new("kind-list")),
        _ => None,
    }
}

fn constant(value: &minijinja::Value) -> Option<Known> {
    match value.kind() {
        ValueKind::String => {
            let text = value.as_str().unwrap_or_default();
            if parse_date(text).is_some() {
                known(Ty::Date, is("kind-date", format!("'{text}'")))
            } else {
                known(Ty::Text, is("kind-text", format!("'{text}'")))
            }
        }
        ValueKind::Number => known(Ty::Number, is("kind-number", value.to_string())),
        ValueKind::Bool => known(Ty::Boolean, is("kind-boolean", value.to_string())),
        ValueKind::None => known(Ty::Nothing, Phrase::new("kind-none")),
        _ => None,
    }
}

fn attribute(of: &Expr<'_>, name: &str, fields: &[Field]) -> Option<Known> {
    let Expr::Var(v) = of else { return None };
    if v.id == "case" && name == "started" {
        return known(Ty::Date, is("kind-date", "case.started"));
    }
    let field = fields.iter().find(|f| f.id == v.id)?;
    match (&field.ty, name) {
        (FieldType::Period, "from" | "to") => {
            known(Ty::Date, is("kind-date", format!("{}.{name}", v.id)))
        }
        _ => None,
    }
}

fn call_result(function: &str) -> Option<Known> {
    let ty = match function {
        "date_add" | "date_sub" => Ty::Date,
        "days_between" => Ty::Number,
        "periods_gap" | "periods_overlap" | "is_working_day" => Ty::Boolean,
        "role_name" | "group_name" => Ty::Text,
        _ => return None,
    };
    let what = match ty {
        Ty::Date => "kind-call-date",
        Ty::Number => "kind-call-number",
        Ty::Boolean => "kind-call-boolean",
        _ => "kind-call-text",
    };
    known(ty, is(what, function))
}

/// What a function's or filter's arguments must be, in order.
pub(super) fn needs(function: &str) -> &'static [Need] {
    match function {
        "date_add" | "date_sub" => &[Need::Date, Need::Duration],
        "days_between" => &[Need::Date, Need::Date],
        "is_working_day" | "date" => &[Need::Date],
        "periods_gap" | "periods_overlap" => &[Need::Period, Need::Period],
        "period" => &[Need::Period],
        _ => &[],
    }
}

/// What an argument must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    Date,
    Period,
    Duration,
}

impl Need {
    /// The need in words (`a date`).
    pub(super) fn words(self) -> Phrase {
        Phrase::new(match self {
            Need::Date => "need-date",
            Need::Period => "need-period",
            Need::Duration => "need-duration",
        })
    }

    /// Whether a value of kind `ty` meets the need.
    pub(super) fn fits(self, ty: Ty) -> bool {
        match self {
            Need::Date => ty == Ty::Date,
            Need::Period => ty == Ty::Period,
            Need::Duration => ty == Ty::Text,
        }
    }
}

/// The positional arguments of a call or filter.
pub(super) fn positional<'a, 'b>(args: &'a [CallArg<'b>]) -> Vec<&'a Expr<'b>> {
    args.iter()
        .filter_map(|a| match a {
            CallArg::Pos(e) => Some(e),
            _ => None,
        })
        .collect()
}
