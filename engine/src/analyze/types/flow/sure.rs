//! Whether a `set:` surely gives its field a value. An expression that may
//! give `none` (a field that may be unset, `x if c` without `else`, a
//! `default` without `true`...) clears the field when it does, so the field
//! counts as set after the assignment only when the expression surely gives
//! a value, or fails (a failed assignment stops the command: nothing after
//! it runs).

use std::collections::BTreeMap;

use minijinja::machinery::ast::{BinOpKind, CallArg, Expr, UnaryOpKind};

use super::bits::{Fields, Names};
use crate::model::Assignment;

/// When an expression surely gives a value: a condition on which fields
/// are set.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cond {
    Always,
    Never,
    /// The field numbered so is set (`None`: a name the flow never sets).
    Set(Option<usize>),
    All(Vec<Cond>),
}

impl Cond {
    fn holds(&self, set: &Fields) -> bool {
        match self {
            Cond::Always => true,
            Cond::Never => false,
            Cond::Set(f) => f.is_some_and(|f| set.contains(f)),
            Cond::All(all) => all.iter().all(|c| c.holds(set)),
        }
    }
}

/// Functions of [`crate::expr`] that give a value or fail.
const FUNCTIONS: &[&str] = &[
    "date_add",
    "date_sub",
    "days_between",
    "months_between",
    "periods_gap",
    "periods_overlap",
    "is_working_day",
    "range",
    "role_name",
    "group_name",
];

/// Filters that give a value or fail, whatever they are given.
const FILTERS: &[&str] = &[
    "date",
    "period",
    "upper",
    "lower",
    "title",
    "capitalize",
    "trim",
    "string",
    "int",
    "float",
    "length",
    "count",
    "join",
    "list",
    "sort",
    "unique",
    "reverse",
    "abs",
    "round",
    "replace",
    "format",
    "safe",
    "escape",
    "e",
    "tojson",
    "items",
    "dictsort",
    "bool",
];

/// The condition of every assignment's expression, parsed once.
pub(super) struct Sure {
    conds: BTreeMap<String, Cond>,
    /// Each assignment's field, numbered.
    fields: BTreeMap<String, Option<usize>>,
    /// The set of no field.
    empty: Fields,
}

impl Sure {
    /// Parses the expressions of `sets`.
    pub(super) fn new<'a>(names: &Names<'_>, sets: impl Iterator<Item = &'a Assignment>) -> Sure {
        let mut conds = BTreeMap::new();
        let mut fields = BTreeMap::new();
        for a in sets {
            let text = a.value.source();
            if !conds.contains_key(text) {
                conds.insert(text.to_owned(), parse(text, names));
            }
            if !fields.contains_key(&a.field) {
                fields.insert(a.field.clone(), names.index(&a.field));
            }
        }
        let empty = names.empty();
        Sure {
            conds,
            fields,
            empty,
        }
    }

    /// The number of `a`'s field.
    fn field(&self, a: &Assignment) -> Option<usize> {
        self.fields.get(&a.field).copied().flatten()
    }

    /// Whether `a` surely gives its field a value when `set` are set.
    pub(super) fn gives(&self, a: &Assignment, set: &Fields) -> bool {
        self.conds
            .get(a.value.source())
            .is_some_and(|c| c.holds(set))
    }

    /// The fields set after `set` runs on `before`: every expression is
    /// evaluated on the case as it was before.
    pub(super) fn apply(&self, before: &Fields, set: &[Assignment]) -> Fields {
        let mut out = before.clone();
        for a in set {
            let Some(field) = self.field(a) else { continue };
            if self.gives(a, before) {
                out.insert(field);
            } else {
                out.remove(field);
            }
        }
        out
    }

    /// The fields `set` may clear when `before` are set.
    pub(super) fn may_clear(&self, before: &Fields, set: &[Assignment]) -> Fields {
        let mut out = self.empty.clone();
        for a in set.iter().filter(|a| !self.gives(a, before)) {
            if let Some(field) = self.field(a) {
                out.insert(field);
            }
        }
        out
    }

    /// The fields a `set:` may give a value: all but those set to `none`.
    pub(super) fn touched(&self, set: &[Assignment]) -> Fields {
        let mut out = self.empty.clone();
        for a in set {
            if let (false, Some(field)) = (
                matches!(a.value.source().trim(), "" | "none" | "None"),
                self.field(a),
            ) {
                out.insert(field);
            }
        }
        out
    }
}

fn parse(text: &str, names: &Names<'_>) -> Cond {
    match minijinja::machinery::parse_expr(text) {
        Ok(tree) => cond(&tree, names),
        Err(_) => Cond::Never,
    }
}

fn all(conds: Vec<Cond>) -> Cond {
    if conds.contains(&Cond::Never) {
        return Cond::Never;
    }
    let mut rest: Vec<Cond> = conds.into_iter().filter(|c| *c != Cond::Always).collect();
    match rest.len() {
        0 => Cond::Always,
        1 => rest.remove(0),
        _ => Cond::All(rest),
    }
}

fn cond(expr: &Expr<'_>, names: &Names<'_>) -> Cond {
    match expr {
        Expr::Const(c) if c.value.is_none() || c.value.is_undefined() => Cond::Never,
        Expr::Const(_) | Expr::List(_) | Expr::Map(_) | Expr::Tuple(_) => Cond::Always,
        Expr::Var(v) if matches!(v.id, "today" | "case") => Cond::Always,
        Expr::Var(v) => Cond::Set(names.index(v.id)),
        Expr::GetAttr(a) if matches!(&a.expr, Expr::Var(v) if v.id == "case") => Cond::Always,
        Expr::UnaryOp(u) => match u.op {
            UnaryOpKind::Not | UnaryOpKind::Neg => Cond::Always,
        },
        Expr::Compare(_) | Expr::Test(_) => Cond::Always,
        Expr::BinOp(b) => match b.op {
            // `a or b` gives `a` when it is true (never `none`), else `b`.
            BinOpKind::ScOr => cond(&b.right, names),
            // `a and b` gives `a` when it is false (perhaps `none`), else `b`.
            BinOpKind::ScAnd => all(vec![cond(&b.left, names), cond(&b.right, names)]),
            _ => Cond::Always,
        },
        Expr::IfExpr(i) => match &i.false_expr {
            Some(otherwise) => all(vec![cond(&i.true_expr, names), cond(otherwise, names)]),
            None => Cond::Never,
        },
        Expr::Call(c) => match &c.expr {
            Expr::Var(f) if FUNCTIONS.contains(&f.id) => Cond::Always,
            _ => Cond::Never,
        },
        Expr::Filter(f) => filter(f.name, f.expr.as_ref(), &f.args, names),
        _ => Cond::Never,
    }
}

fn filter(name: &str, of: Option<&Expr<'_>>, args: &[CallArg<'_>], names: &Names<'_>) -> Cond {
    if FILTERS.contains(&name) {
        return Cond::Always;
    }
    if !matches!(name, "default" | "d") {
        return Cond::Never;
    }
    let positional: Vec<&Expr<'_>> = args
        .iter()
        .filter_map(|a| match a {
            CallArg::Pos(e) => Some(e),
            _ => None,
        })
        .collect();
    let falsy_too = matches!(positional.get(1), Some(Expr::Const(c)) if c.value.is_true());
    match (positional.first(), falsy_too) {
        // `x | default(y, true)`: `x` when it is true, else `y`.
        (Some(fallback), true) => cond(fallback, names),
        // An unset field is `none`, which `default` without `true` keeps.
        _ => of.map_or(Cond::Never, |of| cond(of, names)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Expr as ModelExpr;

    fn gives(text: &str, set: &[&str]) -> bool {
        let a = Assignment {
            field: "x".into(),
            value: ModelExpr(text.into()),
        };
        let names = Names::new(set.iter().copied().chain(["x"]));
        let sure = Sure::new(&names, std::iter::once(&a));
        sure.gives(&a, &names.set_of(set.iter().copied()))
    }

    #[test]
    fn an_expression_that_may_give_none_does_not_set_its_field() {
        assert!(gives("(count or 0) + 1", &[]));
        assert!(gives("date_add(day, '2 days')", &[]));
        assert!(gives("today", &[]));
        assert!(gives("name ~ ' ringd'", &[]));
        assert!(gives("note | default('ingen', true)", &[]));
        assert!(gives("plan if ok else day", &["plan", "day"]));
        assert!(gives("note", &["note"]));
        assert!(!gives("note", &[]));
        assert!(!gives("none", &["note"]));
        assert!(!gives("plan if ok", &["plan"]));
        assert!(!gives("plan if ok else day", &["day"]));
        assert!(!gives("note | default('x')", &[]));
        assert!(!gives("note and 'x'", &[]));
        assert!(!gives("tags[0]", &["tags"]));
    }
}
