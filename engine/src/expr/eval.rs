//! Evaluating a routine's expressions to the type the caller needs, with
//! errors that say which expression failed and why.

use chrono::NaiveDate;
use minijinja::{Environment, Value};

use super::functions::{describe, parse_date};
use crate::model::{Expr, Routine};

/// Why an expression could not give the value needed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExprError {
    /// The expression did not compile or failed while evaluating
    /// (an unknown variable, a function given a wrong argument).
    #[error("`{expr}` could not be evaluated: {message}")]
    Eval {
        /// The expression's text.
        expr: String,
        /// minijinja's explanation.
        message: String,
    },
    /// The expression gave an undefined value (a missing attribute).
    #[error("`{expr}` is undefined (an unknown variable or attribute)")]
    Undefined {
        /// The expression's text.
        expr: String,
    },
    /// A date was needed.
    #[error("`{expr}` gave {got}, not a date (YYYY-MM-DD)")]
    NotADate {
        /// The expression's text.
        expr: String,
        /// What it gave.
        got: String,
    },
    /// A text was needed (a group id).
    #[error("`{expr}` gave {got}, not a text")]
    NotText {
        /// The expression's text.
        expr: String,
        /// What it gave.
        got: String,
    },
}

/// Evaluates an expression against a context (a map of variables).
pub fn eval(env: &Environment<'_>, expr: &Expr, ctx: &Value) -> Result<Value, ExprError> {
    let source = expr.source();
    let compiled = env
        .compile_expression(source)
        .map_err(|e| failed(source, &e))?;
    let value = compiled.eval(ctx.clone()).map_err(|e| failed(source, &e))?;
    defined(source, value)
}

/// Evaluates an expression compiled once in the routine's environment
/// ([`super::routine_compiled`]) against the context `ctx` builds from the
/// names the expression reads. The same value and errors as [`eval`] with a
/// context holding at least those names.
pub(crate) fn eval_compiled(
    routine: &Routine,
    expr: &Expr,
    ctx: impl FnOnce(&[String]) -> Value,
) -> Result<Value, ExprError> {
    let source = expr.source();
    let value = super::routine_compiled(routine)
        .with_expr(source, |c| c.expr.eval(ctx(&c.reads)))
        .and_then(|result| result)
        .map_err(|e| failed(source, &e))?;
    defined(source, value)
}

fn failed(source: &str, e: &minijinja::Error) -> ExprError {
    ExprError::Eval {
        expr: source.to_string(),
        message: error_text(e),
    }
}

fn defined(source: &str, value: Value) -> Result<Value, ExprError> {
    if value.is_undefined() {
        return Err(ExprError::Undefined {
            expr: source.to_string(),
        });
    }
    Ok(value)
}

/// Evaluates a condition. Jinja truthiness applies (`none`, `false`, `0`,
/// empty text and lists are false); an undefined result is an error.
pub fn eval_bool(env: &Environment<'_>, expr: &Expr, ctx: &Value) -> Result<bool, ExprError> {
    eval(env, expr, ctx).map(|v| v.is_true())
}

/// Evaluates an expression that must give a date (`YYYY-MM-DD`).
pub fn eval_date(env: &Environment<'_>, expr: &Expr, ctx: &Value) -> Result<NaiveDate, ExprError> {
    to_date(expr, eval(env, expr, ctx)?)
}

/// Evaluates an expression that must give a text (a group id).
pub fn eval_text(env: &Environment<'_>, expr: &Expr, ctx: &Value) -> Result<String, ExprError> {
    to_text(expr, eval(env, expr, ctx)?)
}

/// The date `expr` gave, or why `value` is none.
pub(crate) fn to_date(expr: &Expr, value: Value) -> Result<NaiveDate, ExprError> {
    value
        .as_str()
        .and_then(parse_date)
        .ok_or_else(|| ExprError::NotADate {
            expr: expr.source().to_string(),
            got: describe(&value),
        })
}

/// The text `expr` gave, or why `value` is none.
pub(crate) fn to_text(expr: &Expr, value: Value) -> Result<String, ExprError> {
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| ExprError::NotText {
            expr: expr.source().to_string(),
            got: describe(&value),
        })
}

/// minijinja's error with its detail, on one line.
pub(crate) fn error_text(e: &minijinja::Error) -> String {
    match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    }
}
