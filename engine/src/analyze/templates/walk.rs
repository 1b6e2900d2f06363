//! The walk over a template's syntax tree (minijinja's own parser, through
//! its `unstable_machinery` feature): every way of reading a variable is a
//! node here, whatever the text looks like (`{%-` tags, slices, subscripts,
//! the `attr` filter, `set`, `with`, macros, loops).

use std::collections::{BTreeMap, BTreeSet};

use minijinja::machinery::ast::{self, Expr, Stmt};
use minijinja::machinery::Span as TreeSpan;

mod expr;

use super::reads::{Finding, Kind, Reads};
use crate::calendar::Duration;
use crate::expr::TEMPLATE_GLOBALS;
use crate::source::Span;

/// What the routine declares (the language's own names are in
/// [`super::builtins`]).
pub(crate) struct Known<'a> {
    /// The routine's fields.
    pub(crate) fields: &'a [String],
}

/// Filters that return an element of a list.
const ELEMENT_FILTERS: &[&str] = &["first", "last", "random"];
/// Filters that return a list of the same elements.
const LIST_FILTERS: &[&str] = &[
    "sort",
    "reverse",
    "list",
    "selectattr",
    "rejectattr",
    "unique",
];
/// Filters that return a number or a text.
const SCALAR_FILTERS: &[&str] = &["length", "count", "sum", "join", "string", "tojson"];
/// Jinja's tests, for suggestions when one is misspelled.
pub(crate) const TESTS: &[&str] = &[
    "defined",
    "undefined",
    "none",
    "true",
    "false",
    "boolean",
    "number",
    "integer",
    "float",
    "string",
    "sequence",
    "iterable",
    "mapping",
    "odd",
    "even",
    "divisibleby",
    "startingwith",
    "endingwith",
    "in",
    "lower",
    "upper",
    "sameas",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
];

/// Filters whose first argument names an attribute of each element.
const ATTRIBUTE_FILTERS: &[&str] = &["attr", "map", "selectattr", "rejectattr", "groupby"];

/// Walks a template's text.
#[cfg(test)]
pub(crate) fn template(
    text: &str,
    name: &str,
    known: &Known<'_>,
) -> Result<Reads, minijinja::Error> {
    let tree = minijinja::machinery::parse(text, name, Default::default())?;
    Ok(template_tree(&tree, text, known))
}

/// Walks a template's syntax tree (of `text`).
pub(crate) fn template_tree(tree: &Stmt<'_>, text: &str, known: &Known<'_>) -> Reads {
    // Twice: a namespace given case data late in a loop is read from earlier
    // in the text on the next round; the first walk finds such namespaces.
    let mut first = Walker::new(text, known, BTreeSet::new());
    first.stmt(tree);
    let mut walker = Walker::new(text, known, first.holders);
    walker.stmt(tree);
    walker.reads.finish()
}

/// Walks an expression's text (a condition, `group_of`...).
#[cfg(test)]
pub(crate) fn expression(text: &str, known: &Known<'_>) -> Result<Reads, minijinja::Error> {
    let tree = minijinja::machinery::parse_expr(text)?;
    Ok(expression_tree(&tree, text, known))
}

/// Walks an expression's syntax tree (of `text`).
pub(crate) fn expression_tree(tree: &Expr<'_>, text: &str, known: &Known<'_>) -> Reads {
    let mut walker = Walker::new(text, known, BTreeSet::new());
    walker.expr(tree);
    walker.reads.finish()
}

fn span(s: TreeSpan) -> Span {
    let start = s.start_offset as usize;
    Span::new(start, (s.end_offset as usize).saturating_sub(start))
}

struct Walker<'a> {
    text: &'a str,
    known: &'a Known<'a>,
    /// Local variables by scope, innermost last, with what they may hold.
    scopes: Vec<BTreeMap<String, Kind>>,
    /// Names of namespaces that were given case data (`{% set ns.x = c %}`).
    holders: BTreeSet<String>,
    reads: Reads,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str, known: &'a Known<'a>, holders: BTreeSet<String>) -> Self {
        Walker {
            text,
            known,
            scopes: vec![BTreeMap::new()],
            holders,
            reads: Reads::default(),
        }
    }

    fn scoped(&mut self, f: impl FnOnce(&mut Self)) {
        self.scopes.push(BTreeMap::new());
        f(self);
        self.scopes.pop();
    }

    fn define(&mut self, name: &str, kind: Kind) {
        if let Some(scope) = self.scopes.last_mut() {
            let kind = scope.get(name).map_or(kind, |k| k.join(kind));
            scope.insert(name.to_owned(), kind);
        }
    }

    fn local(&self, name: &str) -> Option<Kind> {
        let found = self
            .scopes
            .iter()
            .rev()
            .find_map(|s| s.get(name).copied())?;
        Some(if self.holders.contains(name) {
            found.join(Kind::Unknown)
        } else {
            found
        })
    }

    fn stmts(&mut self, stmts: &[Stmt<'_>]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, stmt: &Stmt<'_>) {
        match stmt {
            Stmt::Template(t) => self.stmts(&t.children),
            Stmt::EmitExpr(e) => {
                self.expr(&e.expr);
            }
            Stmt::EmitRaw(_) => {}
            Stmt::ForLoop(f) => self.for_loop(f),
            Stmt::IfCond(c) => {
                self.condition(&c.expr);
                self.stmts(&c.true_body);
                self.stmts(&c.false_body);
            }
            Stmt::WithBlock(w) => self.scoped(|me| {
                for (target, value) in &w.assignments {
                    let kind = me.expr(value);
                    me.bind(target, kind);
                }
                me.stmts(&w.body);
            }),
            Stmt::Set(s) => {
                let kind = self.expr(&s.expr);
                self.bind(&s.target, kind);
            }
            Stmt::SetBlock(s) => {
                self.scoped(|me| me.stmts(&s.body));
                if let Some(f) = &s.filter {
                    self.expr(f);
                }
                self.bind(&s.target, Kind::Other);
            }
            Stmt::AutoEscape(a) => {
                self.expr(&a.enabled);
                self.stmts(&a.body);
            }
            Stmt::FilterBlock(f) => {
                self.expr(&f.filter);
                self.stmts(&f.body);
            }
            Stmt::Block(b) => self.stmts(&b.body),
            Stmt::Import(i) => {
                self.include(&i.expr, stmt_span(stmt));
                self.bind(&i.name, Kind::Other);
            }
            Stmt::FromImport(i) => {
                self.include(&i.expr, stmt_span(stmt));
                for (name, alias) in &i.names {
                    self.bind(alias.as_ref().unwrap_or(name), Kind::Other);
                }
            }
            Stmt::Extends(e) => self.include(&e.name, stmt_span(stmt)),
            Stmt::Include(i) => self.include(&i.name, stmt_span(stmt)),
            Stmt::Macro(m) => {
                self.define(m.name, Kind::Other);
                self.macro_body(m);
            }
            Stmt::CallBlock(c) => {
                self.call(&c.call);
                self.macro_body(&c.macro_decl);
            }
            Stmt::Do(d) => {
                self.call(&d.call);
            }
        }
    }

    fn for_loop(&mut self, f: &ast::ForLoop<'_>) {
        let iter = self.expr(&f.iter);
        self.scoped(|me| {
            let element = match iter {
                Kind::Cases => Kind::Case,
                Kind::Case | Kind::Other => Kind::Other,
                Kind::Unknown => Kind::Unknown,
            };
            me.bind(&f.target, element);
            // `loop.previtem` and `loop.nextitem` are elements too.
            let loop_kind = if iter.holds_case_data() {
                Kind::Unknown
            } else {
                Kind::Other
            };
            me.define("loop", loop_kind);
            if let Some(filter) = &f.filter_expr {
                me.condition(filter);
            }
            me.stmts(&f.body);
        });
        self.stmts(&f.else_body);
    }

    fn macro_body(&mut self, m: &ast::Macro<'_>) {
        for default in &m.defaults {
            self.expr(default);
        }
        self.scoped(|me| {
            // What a macro is called with is not known where it is written.
            for arg in &m.args {
                me.bind(arg, Kind::Unknown);
            }
            for name in ["varargs", "kwargs", "caller"] {
                me.define(name, Kind::Unknown);
            }
            me.stmts(&m.body);
        });
    }

    /// Binds an assignment target (`x`, `a, b`, `ns.attr`) to what it gets.
    fn bind(&mut self, target: &Expr<'_>, kind: Kind) {
        match target {
            Expr::Var(v) => self.define(v.id, kind),
            Expr::Tuple(t) => t.items.iter().for_each(|i| self.bind(i, kind)),
            Expr::List(l) => l.items.iter().for_each(|i| self.bind(i, kind)),
            Expr::GetAttr(a) => {
                // `{% set ns.attr = value %}`: the namespace now holds it.
                self.expr(&a.expr);
                if let (Expr::Var(ns), true) = (&a.expr, kind.holds_case_data()) {
                    self.holders.insert(ns.id.to_owned());
                }
            }
            other => {
                self.expr(other);
            }
        }
    }

    /// `include`, `import`, `from` and `extends`: a message is one file.
    fn include(&mut self, name: &Expr<'_>, at: Span) {
        self.expr(name);
        let at = tag_span(self.text, at);
        let finding = match name.as_const() {
            Some(v) if v.as_str().is_some() => Finding::Include { span: at },
            _ => Finding::DynamicInclude {
                expr: self.source(name.span()),
                span: at,
            },
        };
        self.reads.findings.push(finding);
    }

    /// A condition: a global tested on its own there is guarded.
    fn condition(&mut self, e: &Expr<'_>) {
        self.mark_tested(e);
        self.expr(e);
    }

    fn mark_tested(&mut self, e: &Expr<'_>) {
        match e {
            Expr::Var(v) if self.local(v.id).is_none() && TEMPLATE_GLOBALS.contains(&v.id) => {
                self.reads
                    .globals
                    .entry(v.id.to_owned())
                    .or_default()
                    .tested = true;
            }
            Expr::UnaryOp(u) => self.mark_tested(&u.expr),
            Expr::BinOp(b) => {
                self.mark_tested(&b.left);
                self.mark_tested(&b.right);
            }
            Expr::Test(t) => self.mark_tested(&t.expr),
            Expr::Compare(c) => self.mark_tested(&c.expr),
            _ => {}
        }
    }

    fn source(&self, s: TreeSpan) -> String {
        let s = span(s);
        self.text
            .get(s.offset..s.offset + s.len)
            .unwrap_or_default()
            .to_owned()
    }
}

fn stmt_span(stmt: &Stmt<'_>) -> Span {
    match stmt {
        Stmt::Import(s) => span(s.span()),
        Stmt::FromImport(s) => span(s.span()),
        Stmt::Extends(s) => span(s.span()),
        Stmt::Include(s) => span(s.span()),
        _ => Span::default(),
    }
}

/// The inside of the `{% %}` tag around `at`.
fn tag_span(text: &str, at: Span) -> Span {
    let start = text
        .get(..at.offset)
        .and_then(|t| t.rfind("{%"))
        .map_or(at.offset, |i| i + 2);
    let end = text
        .get(at.offset..)
        .and_then(|t| t.find("%}"))
        .map_or(at.offset + at.len, |i| at.offset + i);
    Span::new(start, end.saturating_sub(start))
}

#[cfg(test)]
mod tests;
