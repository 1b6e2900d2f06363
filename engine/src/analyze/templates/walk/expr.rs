//! Expressions of the walk: what each one reads and what its value may hold.

use minijinja::machinery::ast::{self, CallArg, Expr};

use super::{span, Kind, Walker, ATTRIBUTE_FILTERS, ELEMENT_FILTERS, LIST_FILTERS, SCALAR_FILTERS};
use super::{Duration, Finding, TEMPLATE_GLOBALS};
use crate::analyze::templates::builtins::builtins;
use crate::source::Span;

/// How a member of a value is named.
enum Key<'k> {
    /// A name known where it is written (`c.field`, `c['field']`, `c|attr('field')`).
    Name(&'k str, Span),
    /// A number (`cases[0]`).
    Index,
    /// A key computed when the message is sent (`c[name]`).
    Computed(Span),
}

impl Walker<'_> {
    pub(super) fn expr(&mut self, e: &Expr<'_>) -> Kind {
        match e {
            Expr::Var(v) => self.var(v.id, span(v.span())),
            Expr::Const(_) => Kind::Other,
            Expr::Slice(s) => {
                let kind = self.expr(&s.expr);
                for part in [&s.start, &s.stop, &s.step].into_iter().flatten() {
                    self.expr(part);
                }
                kind
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.expr);
                Kind::Other
            }
            Expr::BinOp(b) => {
                let (l, r) = (self.expr(&b.left), self.expr(&b.right));
                match b.op {
                    ast::BinOpKind::ScAnd | ast::BinOpKind::ScOr => l.join(r),
                    _ => Kind::Other,
                }
            }
            Expr::Compare(c) => {
                self.expr(&c.expr);
                for op in &c.ops {
                    self.expr(&op.expr);
                }
                Kind::Other
            }
            Expr::IfExpr(i) => {
                self.condition(&i.test_expr);
                let t = self.expr(&i.true_expr);
                let f = i.false_expr.as_ref().map_or(Kind::Other, |f| self.expr(f));
                t.join(f)
            }
            Expr::Filter(f) => self.filter(f, span(e.span())),
            Expr::Test(t) => {
                self.known_test(t.name, span(t.expr.span()).end(), span(e.span()));
                self.expr(&t.expr);
                self.args(&t.args);
                Kind::Other
            }
            Expr::GetAttr(a) => self.get_attr(a, span(e.span())),
            Expr::GetItem(g) => self.get_item(g, span(e.span())),
            Expr::Call(c) => self.call(c),
            Expr::List(l) => self.items(&l.items),
            Expr::Tuple(t) => self.items(&t.items),
            Expr::Map(m) => {
                let k = self.items(&m.keys);
                k.join(self.items(&m.values))
            }
        }
    }

    /// `x.name`
    fn get_attr(&mut self, a: &ast::GetAttr<'_>, whole: Span) -> Kind {
        let of = self.expr(&a.expr);
        self.mark_member(&a.expr, whole);
        let name_at = Span::new(whole.end().saturating_sub(a.name.len()), a.name.len());
        self.member(of, Key::Name(a.name, name_at), whole, true)
    }

    /// `x[key]`, with a constant key or a computed one.
    fn get_item(&mut self, g: &ast::GetItem<'_>, whole: Span) -> Kind {
        let of = self.expr(&g.expr);
        self.mark_member(&g.expr, whole);
        self.expr(&g.subscript_expr);
        match g.subscript_expr.as_const() {
            Some(v) => match v.as_str() {
                Some(name) => {
                    let at = span(g.subscript_expr.span());
                    self.member(of, Key::Name(name, at), whole, false)
                }
                None => self.member(of, Key::Index, whole, false),
            },
            None => self.member(of, Key::Computed(whole), whole, false),
        }
    }

    fn items(&mut self, items: &[Expr<'_>]) -> Kind {
        let kinds: Vec<Kind> = items.iter().map(|i| self.expr(i)).collect();
        if kinds.iter().any(|k| k.holds_case_data()) {
            Kind::Unknown
        } else {
            Kind::Other
        }
    }

    fn args(&mut self, args: &[CallArg<'_>]) -> Kind {
        let mut kind = Kind::Other;
        for a in args {
            let k = match a {
                CallArg::Pos(e)
                | CallArg::Kwarg(_, e)
                | CallArg::PosSplat(e)
                | CallArg::KwargSplat(e) => self.expr(e),
            };
            if k.holds_case_data() {
                kind = Kind::Unknown;
            }
        }
        kind
    }

    fn var(&mut self, name: &str, at: Span) -> Kind {
        let is_field = self.known.fields.iter().any(|f| f == name);
        // A field shadowed by a local may still be read where the local is
        // not set: count it as read (the safe side for visibility).
        if is_field {
            self.reads.fields.entry(name.to_owned()).or_insert(at);
        }
        if let Some(kind) = self.local(name) {
            return kind;
        }
        if is_field {
            return Kind::Other;
        }
        if TEMPLATE_GLOBALS.contains(&name) {
            self.reads.globals.entry(name.to_owned()).or_default();
            return if name == "cases" {
                Kind::Cases
            } else {
                Kind::Other
            };
        }
        if !builtins().is_global(name) {
            self.reads.unknown.entry(name.to_owned()).or_insert(at);
        }
        Kind::Other
    }

    /// Notes that a member of a template global is read (`deadline.id`).
    pub(super) fn mark_member(&mut self, of: &Expr<'_>, whole: Span) {
        if let Expr::Var(v) = of {
            if self.local(v.id).is_none() && TEMPLATE_GLOBALS.contains(&v.id) {
                let used = self.reads.globals.entry(v.id.to_owned()).or_default();
                used.member_read = true;
                used.member_at.get_or_insert(whole);
            }
        }
    }

    /// Reads a member of a value that may hold `of`.
    fn member(&mut self, of: Kind, key: Key<'_>, whole: Span, attribute: bool) -> Kind {
        let is_field = |name: &str| self.known.fields.iter().any(|f| f == name);
        match (of, key) {
            (Kind::Other, _) => Kind::Other,
            (Kind::Cases, Key::Name(..)) if attribute => Kind::Unknown,
            (Kind::Cases, _) => Kind::Case,
            (Kind::Case, Key::Name(name, at)) => {
                if is_field(name) {
                    self.reads.case_fields.entry(name.to_owned()).or_insert(at);
                } else if name != "case" {
                    self.reads.findings.push(Finding::UnknownCaseField {
                        name: name.to_owned(),
                        span: at,
                    });
                }
                Kind::Other
            }
            (Kind::Case, Key::Index) => Kind::Other,
            (Kind::Case, Key::Computed(at)) => {
                let expr = self.text_of(whole);
                self.reads
                    .findings
                    .push(Finding::DynamicRead { expr, span: at });
                Kind::Other
            }
            (Kind::Unknown, Key::Name(name, at)) => {
                if is_field(name) {
                    self.reads
                        .maybe_case_fields
                        .entry(name.to_owned())
                        .or_insert(at);
                }
                Kind::Unknown
            }
            (Kind::Unknown, Key::Index) => Kind::Unknown,
            (Kind::Unknown, Key::Computed(at)) => {
                let expr = self.text_of(whole);
                self.reads
                    .maybe_dynamic
                    .push(Finding::DynamicRead { expr, span: at });
                Kind::Unknown
            }
        }
    }

    fn text_of(&self, s: Span) -> String {
        self.text
            .get(s.offset..s.offset + s.len)
            .unwrap_or_default()
            .to_owned()
    }

    fn filter(&mut self, f: &ast::Filter<'_>, whole: Span) -> Kind {
        let of = f.expr.as_ref().map_or(Kind::Other, |e| self.expr(e));
        let from = f
            .expr
            .as_ref()
            .map_or(whole.offset, |e| span(e.span()).end());
        // The filter's own span starts at its name; a read is shown with its value.
        let start = f
            .expr
            .as_ref()
            .map_or(whole.offset, |e| span(e.span()).offset.min(whole.offset));
        let whole = Span::new(start, whole.end().saturating_sub(start));
        self.known_filter(f.name, from, whole);
        self.args(&f.args);
        if of == Kind::Other {
            return Kind::Other;
        }
        self.attribute_args(f, of, whole);
        if f.name == "attr" {
            return match f.args.first() {
                Some(CallArg::Pos(e)) => match e
                    .as_const()
                    .and_then(|v| v.as_str().map(str::to_owned))
                {
                    Some(name) => self.member(of, Key::Name(&name, span(e.span())), whole, false),
                    None => self.member(of, Key::Computed(whole), whole, false),
                },
                _ => Kind::Unknown,
            };
        }
        match of {
            Kind::Cases if ELEMENT_FILTERS.contains(&f.name) => Kind::Case,
            Kind::Cases if LIST_FILTERS.contains(&f.name) => Kind::Cases,
            _ if SCALAR_FILTERS.contains(&f.name) => Kind::Other,
            _ => Kind::Unknown,
        }
    }

    /// Names of attributes given to a filter over case data
    /// (`cases|map(attribute='field')`, `selectattr('field')`) are reads.
    fn attribute_args(&mut self, f: &ast::Filter<'_>, of: Kind, whole: Span) {
        let element = if of == Kind::Cases { Kind::Case } else { of };
        for (i, a) in f.args.iter().enumerate() {
            let (e, names_attribute) = match a {
                CallArg::Kwarg(k, e) => (e, *k == "attribute"),
                CallArg::Pos(e) => (
                    e,
                    i == 0 && ATTRIBUTE_FILTERS.contains(&f.name) && f.name != "attr",
                ),
                _ => continue,
            };
            match e.as_const().and_then(|v| v.as_str().map(str::to_owned)) {
                Some(name) if self.known.fields.contains(&name) => {
                    self.member(element, Key::Name(&name, span(e.span())), whole, false);
                }
                Some(_) => {}
                None if names_attribute => {
                    self.member(element, Key::Computed(span(e.span())), whole, false);
                }
                None => {}
            }
        }
    }

    fn known_filter(&mut self, name: &str, from: usize, whole: Span) {
        if !builtins().has_filter(name) {
            let at = self
                .text
                .get(from..whole.end())
                .and_then(|t| t.find(name))
                .map_or(whole, |i| Span::new(from + i, name.len()));
            self.reads.findings.push(Finding::UnknownFilter {
                name: name.to_owned(),
                span: at,
            });
        }
    }

    fn known_test(&mut self, name: &str, from: usize, whole: Span) {
        if !builtins().has_test(name) {
            let at = self
                .text
                .get(from..whole.end())
                .and_then(|t| t.rfind(name))
                .map_or(whole, |i| Span::new(from + i, name.len()));
            self.reads.findings.push(Finding::UnknownTest {
                name: name.to_owned(),
                span: at,
            });
        }
    }

    pub(super) fn call(&mut self, c: &ast::Call<'_>) -> Kind {
        if let Expr::Var(v) = &c.expr {
            if matches!(v.id, "date_add" | "date_sub") && self.local(v.id).is_none() {
                self.duration_arg(&c.args);
            }
        }
        self.expr(&c.expr);
        self.args(&c.args)
    }

    /// `date_add(x, '1 mnoth')`: a duration written as text must parse.
    fn duration_arg(&mut self, args: &[CallArg<'_>]) {
        let Some(CallArg::Pos(e)) = args.get(1) else {
            return;
        };
        let Some(text) = e.as_const().and_then(|v| v.as_str().map(str::to_owned)) else {
            return;
        };
        if let Err(err) = Duration::parse(&text) {
            self.reads.findings.push(Finding::BadDuration {
                message: err.phrase(),
                span: span(e.span()),
            });
        }
    }
}
