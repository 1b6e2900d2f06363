//! Conditions and other expressions: compiled once here so that the runtime
//! only ever sees expressions that parse and only read declared fields.

use std::collections::BTreeSet;

use super::templates::builtins::builtins;
use super::templates::finding_problem;
use super::templates::walk::{self, Known};
use super::trees::{self, Trees};
use crate::diagnostic::{suggest, Phrase, Problem, RefKind, Sink};
use crate::expr::{FUNCTIONS, GLOBALS};
use crate::load::raw::Sp;
use crate::model::Expr;

/// Parses `text` (once: `trees`), reports syntax errors and unknown
/// variables, records the fields it reads, and returns the expression when
/// it is sound.
pub(crate) fn check(
    sink: &mut Sink,
    expr: &Sp<String>,
    fields: &[String],
    trees: &Trees,
    reads: &mut BTreeSet<String>,
) -> Option<Expr> {
    let tree = trees.expr(&expr.value);
    let ast = match tree.tree() {
        Ok(ast) => ast,
        Err(e) => {
            sink.error(
                expr.span,
                Problem::ExpressionSyntax {
                    expr: expr.value.clone(),
                    message: jinja_reason(e),
                },
            );
            return None;
        }
    };
    let mut ok = true;
    let known = Known { fields };
    for finding in walk::expression_tree(ast, &expr.value, &known).findings {
        ok = false;
        sink.error(expr.span, finding_problem(finding, "", &[]));
    }
    // Jinja's own globals the environment has (`range`, `namespace`...) and
    // the language's functions are known names.
    let builtins = builtins();
    for name in trees::undeclared(ast) {
        if fields.iter().any(|f| f == name) {
            reads.insert(name.to_owned());
        } else if !GLOBALS.contains(&name) && !builtins.is_global(name) {
            ok = false;
            let known = fields
                .iter()
                .map(String::as_str)
                .chain(GLOBALS.iter().copied())
                .chain(FUNCTIONS.iter().copied());
            sink.error(
                expr.span,
                Problem::UnknownReference {
                    kind: RefKind::Variable,
                    suggestion: suggest(name, known),
                    name: name.to_owned(),
                },
            );
        }
    }
    ok.then(|| Expr(expr.value.clone()))
}

/// Why minijinja could not read an expression or a template: its own words
/// (quoted in Swedish), framed by the kind of error.
pub(crate) fn jinja_reason(e: &minijinja::Error) -> Phrase {
    let kind = match e.kind() {
        minijinja::ErrorKind::SyntaxError => "syntax",
        minijinja::ErrorKind::UnknownFilter => "filter",
        minijinja::ErrorKind::UnknownTest => "test",
        minijinja::ErrorKind::UnknownFunction => "function",
        minijinja::ErrorKind::TooManyArguments | minijinja::ErrorKind::MissingArgument => {
            "arguments"
        }
        _ => "other",
    };
    match e.detail() {
        Some(detail) => Phrase::new("jinja-error")
            .with("kind", kind)
            .with("detail", detail),
        None => Phrase::new("jinja-syntax-error"),
    }
}
