//! Evaluating a routine's expressions to the type the caller needs, with
//! errors that say which expression failed and why.

use chrono::NaiveDate;
use minijinja::{Environment, Value};

use super::functions::{describe, parse_date};
use crate::model::Expr;

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
    let failed = |e: minijinja::Error| ExprError::Eval {
        expr: source.to_string(),
        message: error_text(&e),
    };
    let compiled = env.compile_expression(source).map_err(failed)?;
    let value = compiled.eval(ctx.clone()).map_err(failed)?;
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
    let value = eval(env, expr, ctx)?;
    value
        .as_str()
        .and_then(parse_date)
        .ok_or_else(|| ExprError::NotADate {
            expr: expr.source().to_string(),
            got: describe(&value),
        })
}

/// Evaluates an expression that must give a text (a group id).
pub fn eval_text(env: &Environment<'_>, expr: &Expr, ctx: &Value) -> Result<String, ExprError> {
    let value = eval(env, expr, ctx)?;
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
