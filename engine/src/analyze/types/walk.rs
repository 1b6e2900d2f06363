//! Walking one expression's syntax tree (minijinja's parser) for values of
//! the wrong type: what [`crate::expr`]'s functions and filters would refuse
//! every time they run.

use std::collections::BTreeSet;

use minijinja::machinery::ast::{BinOpKind, CompareOpKind, Expr};

use super::infer::{const_text, infer, needs, positional, Need};
pub(super) use crate::analyze::trees::children;
use crate::diagnostic::{suggest, Phrase, Problem, RefKind};
use crate::expr::parse_date;
use crate::model::{Field, FieldType};

/// What the checks know of the routine.
#[derive(Clone)]
pub(super) struct Facts<'a> {
    pub(super) fields: &'a [Field],
    pub(super) roles: Vec<&'a str>,
    pub(super) groups: Vec<&'a str>,
    /// Fields that may be unset when a message is sent: not required at
    /// the start and set by nothing, or (for one template) not surely set
    /// at some place it is sent from (`flow.rs`).
    pub(super) maybe_unset: BTreeSet<&'a str>,
    /// For each field, the fields every place that sets it sets too
    /// (shared: the facts are copied for every template and value).
    pub(super) together: std::rc::Rc<super::flow::Together<'a>>,
}

/// A problem and the byte range of the text it is about.
pub(super) struct Found {
    pub(super) problem: Problem,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// A call or filter being checked, for its messages.
#[derive(Clone, Copy)]
struct Place<'a> {
    name: &'a str,
    filter: bool,
    /// Its source text.
    text: &'a str,
    /// It in words (`` `date_add` in `date_add(x, '1 day')` ``).
    place: &'a Phrase,
}

/// One walk over an expression or a template.
pub(super) struct Walk<'f, 's> {
    pub(super) facts: &'f Facts<'f>,
    /// The text the syntax tree's spans point into.
    pub(super) source: &'s str,
    /// In a template (its name): fields that may be unset are checked too.
    pub(super) template: Option<&'s str>,
    /// Fields a surrounding `if` (or `and`/`or`) has tested.
    pub(super) guarded: Vec<String>,
    pub(super) found: Vec<Found>,
}

/// Every variable `e` reads.
pub(super) fn reads(e: &Expr<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        if let Expr::Var(v) = e {
            out.push(v.id.to_string());
        }
        stack.extend(children(e));
    }
    out
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=` (a single comparison parses as a `BinOp`).
pub(super) fn is_comparison(op: BinOpKind) -> bool {
    matches!(
        op,
        BinOpKind::Eq
            | BinOpKind::Ne
            | BinOpKind::Lt
            | BinOpKind::Lte
            | BinOpKind::Gt
            | BinOpKind::Gte
    )
}

/// The arithmetic operators (they fail on `none`), as written.
fn arithmetic(op: BinOpKind) -> Option<&'static str> {
    Some(match op {
        BinOpKind::Add => "+",
        BinOpKind::Sub => "-",
        BinOpKind::Mul => "*",
        BinOpKind::Div => "/",
        BinOpKind::FloorDiv => "//",
        BinOpKind::Rem => "%",
        BinOpKind::Pow => "**",
        _ => return None,
    })
}

fn ordinal(i: usize) -> &'static str {
    ["ordinal-first", "ordinal-second", "ordinal-third"]
        .get(i)
        .copied()
        .unwrap_or("ordinal-next")
}

impl Walk<'_, '_> {
    /// The source text of a node.
    fn text(&self, e: &Expr<'_>) -> String {
        self.text_from(e, e)
    }

    /// The source text from the start of `first` to the end of `node` (a
    /// filter's node starts at its name, after the value it filters).
    fn text_from(&self, first: &Expr<'_>, node: &Expr<'_>) -> String {
        let start = first.span().start_offset.min(node.span().start_offset) as usize;
        let end = node.span().end_offset as usize;
        self.source
            .get(start..end)
            .unwrap_or(self.source)
            .to_string()
    }

    fn report(&mut self, at: &Expr<'_>, problem: Problem) {
        let span = at.span();
        self.found.push(Found {
            problem,
            start: span.start_offset as usize,
            end: span.end_offset as usize,
        });
    }

    /// Runs `f` with the variables `test` reads counted as tested.
    pub(super) fn guarded_by(&mut self, test: &Expr<'_>, f: impl FnOnce(&mut Self)) {
        let before = self.guarded.len();
        self.guarded.extend(reads(test));
        f(self);
        self.guarded.truncate(before);
    }

    /// Checks `e` and everything in it.
    pub(super) fn expr(&mut self, e: &Expr<'_>) {
        match e {
            Expr::BinOp(b) if matches!(b.op, BinOpKind::ScAnd | BinOpKind::ScOr) => {
                self.expr(&b.left);
                self.guarded_by(&b.left, |w| w.expr(&b.right));
                return;
            }
            Expr::IfExpr(i) => {
                self.expr(&i.test_expr);
                self.guarded_by(&i.test_expr, |w| {
                    w.expr(&i.true_expr);
                    if let Some(f) = &i.false_expr {
                        w.expr(f);
                    }
                });
                return;
            }
            Expr::Call(c) => {
                if let Expr::Var(f) = &c.expr {
                    self.call(f.id, false, e, &positional(&c.args));
                }
            }
            Expr::Filter(f) => {
                if let Some(arg) = &f.expr {
                    let mut args = vec![arg];
                    args.extend(positional(&f.args));
                    self.call(f.name, true, e, &args);
                }
            }
            Expr::BinOp(b) if arithmetic(b.op).is_some() => {
                let to = Phrase::quoted(arithmetic(b.op).unwrap_or_default());
                self.unset_operand(&to, &b.left);
                self.unset_operand(&to, &b.right);
            }
            Expr::BinOp(b) if is_comparison(b.op) => {
                self.date_literal(e, &b.left, &b.right);
                self.date_literal(e, &b.right, &b.left);
            }
            Expr::Compare(c) => {
                let operands: Vec<&Expr<'_>> = std::iter::once(&c.expr)
                    .chain(c.ops.iter().map(|o| &o.expr))
                    .collect();
                for (i, op) in c.ops.iter().enumerate() {
                    let ordered = !matches!(op.op, CompareOpKind::In | CompareOpKind::NotIn);
                    if let (true, Some(l), Some(r)) =
                        (ordered, operands.get(i), operands.get(i + 1))
                    {
                        self.date_literal(e, l, r);
                        self.date_literal(e, r, l);
                    }
                }
            }
            _ => {}
        }
        for child in children(e) {
            self.expr(child);
        }
    }

    /// A date compared with a text that is not a date: compared as text.
    fn date_literal(&mut self, node: &Expr<'_>, date: &Expr<'_>, other: &Expr<'_>) {
        let is_date = const_text(date).is_none()
            && infer(date, self.facts.fields).is_some_and(|k| k.ty == super::infer::Ty::Date);
        if let (true, Some(text)) = (is_date, const_text(other)) {
            if parse_date(text).is_none() {
                let problem = Problem::BadDateLiteral {
                    literal: format!("'{text}'"),
                    expr: self.text(node),
                    why: Phrase::new("date-literal-compared-as-text"),
                };
                self.report(other, problem);
            }
        }
    }

    /// A call of `name` (a filter when `filter`) with its positional arguments.
    fn call(&mut self, name: &str, filter: bool, node: &Expr<'_>, args: &[&Expr<'_>]) {
        let text = match args.first() {
            Some(first) if filter => self.text_from(first, node),
            _ => self.text(node),
        };
        let place = Phrase::named(
            if filter {
                "place-filter-in"
            } else {
                "place-function-in"
            },
            name,
        )
        .with("expr", &text);
        let needs = needs(name);
        for (i, (need, arg)) in needs.iter().zip(args).enumerate() {
            let expected = if needs.len() > 1 {
                Phrase::new("need-as-argument")
                    .with("need", need.words())
                    .with("ordinal", Phrase::new(ordinal(i)))
            } else {
                need.words()
            };
            let at = Place {
                name,
                filter,
                text: &text,
                place: &place,
            };
            self.argument(&at, &expected, *need, arg);
        }
        if matches!(name, "role_name" | "group_name") && !filter {
            if let Some(arg) = args.first() {
                self.name_lookup(name, &place, arg);
            }
        }
    }

    fn argument(&mut self, at: &Place<'_>, expected: &Phrase, need: Need, arg: &Expr<'_>) {
        let Place {
            name,
            filter,
            text: node_text,
            place,
        } = *at;
        if let (Need::Date, Some(text)) = (need, const_text(arg)) {
            if parse_date(text).is_none() {
                let problem = Problem::BadDateLiteral {
                    literal: format!("'{text}'"),
                    expr: node_text.to_string(),
                    why: Phrase::named("date-literal-fails", name),
                };
                self.report(arg, problem);
            }
            return;
        }
        if let Some(k) = infer(arg, self.facts.fields).filter(|k| !need.fits(k.ty)) {
            let problem = Problem::WrongArgumentType {
                place: place.clone(),
                expected: expected.clone(),
                got: k.words,
            };
            self.report(arg, problem);
            return;
        }
        if need != Need::Duration {
            self.unset_argument(name, filter, arg);
        }
    }

    /// In a template: a field that may be unset, passed where `none` fails.
    fn unset_argument(&mut self, name: &str, filter: bool, arg: &Expr<'_>) {
        let to = if filter {
            Phrase::named("the-filter", name)
        } else {
            Phrase::quoted(name)
        };
        self.unset_operand(&to, arg);
    }

    /// In a template: a field that may be unset, given to `to` (a function,
    /// a filter, an arithmetic operator), which fails on `none`.
    fn unset_operand(&mut self, to: &Phrase, arg: &Expr<'_>) {
        let Some(template) = self.template else {
            return;
        };
        let field = match arg {
            Expr::Var(v) => v.id,
            Expr::GetAttr(a) => match &a.expr {
                Expr::Var(v) => v.id,
                _ => return,
            },
            _ => return,
        };
        let shown_set = |g: &String| g == field || self.facts.together.shows(g, field);
        if self.facts.maybe_unset.contains(field) && !self.guarded.iter().any(shown_set) {
            let problem = Problem::UnguardedOptional {
                template: template.to_string(),
                field: field.to_string(),
                to: to.clone(),
            };
            self.report(arg, problem);
        }
    }

    /// `role_name`/`group_name`: the id must be one of the routine's.
    fn name_lookup(&mut self, function: &str, place: &Phrase, arg: &Expr<'_>) {
        let (kind, ids) = if function == "role_name" {
            (RefKind::Role, &self.facts.roles)
        } else {
            (RefKind::Group, &self.facts.groups)
        };
        // A value mapped to a group by its field's `groups:` names that group.
        let is_id = |id: &str| {
            ids.contains(&id)
                || (kind == RefKind::Group
                    && self.facts.fields.iter().any(|f| f.groups.contains_key(id)))
        };
        if let Some(id) = const_text(arg) {
            if !is_id(id) {
                let problem = Problem::UnknownReference {
                    kind,
                    name: id.to_string(),
                    suggestion: suggest(id, ids.iter().copied()),
                };
                self.report(arg, problem);
            }
            return;
        }
        let Expr::Var(v) = arg else { return };
        let Some(field) = self.facts.fields.iter().find(|f| f.id == v.id) else {
            return;
        };
        let problem = match &field.ty {
            FieldType::Text => return,
            FieldType::Enum { values } => {
                let missing: Vec<String> = values
                    .iter()
                    .filter(|v| !is_id(v.as_str()))
                    .cloned()
                    .collect();
                match (missing.first(), kind) {
                    (None, _) => return,
                    (Some(value), RefKind::Group) => Problem::ValueWithoutGroup {
                        field: field.id.clone(),
                        value: value.clone(),
                        used: Phrase::quoted(format!("{function}({})", field.id)),
                        groups: ids.iter().map(|g| (*g).to_owned()).collect(),
                    },
                    _ => Problem::NotIds {
                        function: function.to_string(),
                        field: field.id.clone(),
                        kind: kind.to_string(),
                        values: missing,
                    },
                }
            }
            _ => Problem::WrongArgumentType {
                place: place.clone(),
                expected: Phrase::new("need-id").with("kind", kind.key()),
                got: super::infer::field_kind(field).words,
            },
        };
        self.report(arg, problem);
    }
}
