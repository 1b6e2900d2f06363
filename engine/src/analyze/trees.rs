//! The syntax trees of a routine's expressions and templates, each parsed
//! once by minijinja's own parser (`unstable_machinery`) and kept beside its
//! text (the trees borrow it: `self_cell`). Name resolution reads them for
//! syntax errors and what they read, the type checks and the must-set flow
//! walk them again; none of them parses a text twice. A text that does not
//! parse keeps its error.
//!
//! Parsing is what compiling adds code generation to, and code generation
//! cannot fail: a text parses exactly when minijinja would compile it, with
//! the same error.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use minijinja::machinery::ast::{CallArg, Expr, Stmt};

type ParsedExpr<'a> = Result<Expr<'a>, minijinja::Error>;
type ParsedTemplate<'a> = Result<Stmt<'a>, minijinja::Error>;

self_cell::self_cell!(
    /// An expression's text and its tree, or why it does not parse.
    pub(crate) struct ExprTree {
        owner: String,
        #[covariant]
        dependent: ParsedExpr,
    }
);

/// A template's text and the name it was first parsed under (errors name it).
struct TemplateText {
    text: String,
    name: String,
}

self_cell::self_cell!(
    /// A template's text and its tree, or why it does not parse.
    pub(crate) struct TemplateTree {
        owner: TemplateText,
        #[covariant]
        dependent: ParsedTemplate,
    }
);

impl ExprTree {
    /// The tree, or why the text does not parse.
    pub(crate) fn tree(&self) -> &Result<Expr<'_>, minijinja::Error> {
        self.borrow_dependent()
    }
}

impl TemplateTree {
    /// The tree (a `Stmt::Template`), or why the text does not parse.
    pub(crate) fn tree(&self) -> &Result<Stmt<'_>, minijinja::Error> {
        self.borrow_dependent()
    }
}

impl std::fmt::Debug for ExprTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ExprTree")
            .field(self.borrow_owner())
            .finish()
    }
}

impl std::fmt::Debug for TemplateTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TemplateTree")
            .field(&self.borrow_owner().text)
            .finish()
    }
}

/// The trees parsed so far, by text.
#[derive(Debug, Default)]
pub(crate) struct Trees {
    exprs: RefCell<HashMap<String, Rc<ExprTree>>>,
    templates: RefCell<HashMap<String, Rc<TemplateTree>>>,
}

impl Trees {
    /// The tree of the expression `text`, parsed the first time.
    pub(crate) fn expr(&self, text: &str) -> Rc<ExprTree> {
        if let Some(tree) = self.exprs.borrow().get(text) {
            return Rc::clone(tree);
        }
        let tree = Rc::new(ExprTree::new(text.to_owned(), |text| {
            minijinja::machinery::parse_expr(text)
        }));
        self.exprs
            .borrow_mut()
            .insert(text.to_owned(), Rc::clone(&tree));
        tree
    }

    /// The tree of the template `text`, parsed the first time (under
    /// `name`, which only an error shows).
    pub(crate) fn template(&self, text: &str, name: &str) -> Rc<TemplateTree> {
        if let Some(tree) = self.templates.borrow().get(text) {
            return Rc::clone(tree);
        }
        let owner = TemplateText {
            text: text.to_owned(),
            name: name.to_owned(),
        };
        let tree = Rc::new(TemplateTree::new(owner, |t| {
            minijinja::machinery::parse(&t.text, &t.name, Default::default())
        }));
        self.templates
            .borrow_mut()
            .insert(text.to_owned(), Rc::clone(&tree));
        tree
    }

    /// The fields of `fields` the expression `text` reads, sorted (none
    /// when it does not parse).
    pub(crate) fn fields_read(&self, text: &str, fields: &[String]) -> Vec<String> {
        let tree = self.expr(text);
        let Ok(ast) = tree.tree() else {
            return Vec::new();
        };
        undeclared(ast)
            .into_iter()
            .filter(|n| fields.iter().any(|f| f == n))
            .map(str::to_owned)
            .collect()
    }
}

/// The expressions directly inside `e`.
pub(crate) fn children<'a, 'b>(e: &'a Expr<'b>) -> Vec<&'a Expr<'b>> {
    let mut out = Vec::new();
    match e {
        Expr::Var(_) | Expr::Const(_) => {}
        Expr::Slice(s) => {
            out.push(&s.expr);
            out.extend([&s.start, &s.stop, &s.step].into_iter().flatten());
        }
        Expr::UnaryOp(u) => out.push(&u.expr),
        Expr::BinOp(b) => out.extend([&b.left, &b.right]),
        Expr::Compare(c) => {
            out.push(&c.expr);
            out.extend(c.ops.iter().map(|o| &o.expr));
        }
        Expr::IfExpr(i) => {
            out.extend([&i.test_expr, &i.true_expr]);
            out.extend(&i.false_expr);
        }
        Expr::Filter(f) => {
            out.extend(&f.expr);
            out.extend(f.args.iter().map(arg));
        }
        Expr::Test(t) => {
            out.push(&t.expr);
            out.extend(t.args.iter().map(arg));
        }
        Expr::GetAttr(a) => out.push(&a.expr),
        Expr::GetItem(g) => out.extend([&g.expr, &g.subscript_expr]),
        Expr::Call(c) => {
            out.push(&c.expr);
            out.extend(c.args.iter().map(arg));
        }
        Expr::List(l) => out.extend(&l.items),
        Expr::Tuple(t) => out.extend(&t.items),
        Expr::Map(m) => out.extend(m.keys.iter().chain(&m.values)),
    }
    out
}

fn arg<'a, 'b>(a: &'a CallArg<'b>) -> &'a Expr<'b> {
    match a {
        CallArg::Pos(e) | CallArg::Kwarg(_, e) | CallArg::PosSplat(e) | CallArg::KwargSplat(e) => e,
    }
}

/// The variables an expression reads, as minijinja's
/// `Expression::undeclared_variables(false)` finds them: every variable,
/// except in what a slice is taken of (`x` in `x[1:]`), which minijinja's
/// walk does not visit.
pub(crate) fn undeclared<'a>(e: &Expr<'a>) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match e {
            Expr::Var(v) => {
                out.insert(v.id);
            }
            Expr::Slice(s) => stack.extend([&s.start, &s.stop, &s.step].into_iter().flatten()),
            _ => stack.extend(children(e)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
