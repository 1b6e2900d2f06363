//! A routine compiled for running: its minijinja environment (functions,
//! message templates) and its expressions, each compiled once, on first
//! use, together with the variables it reads.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, RwLock};

use minijinja::{Environment, Expression};

use super::name::Names;

/// An expression compiled in a routine's environment.
pub(crate) struct CompiledExpr<'env> {
    /// The compiled expression.
    pub(crate) expr: Expression<'env, 'static>,
    /// The top-level names it reads (fields, `today`, `case`, functions),
    /// sorted: its context needs only these.
    pub(crate) reads: Vec<String>,
}

/// Compiled expressions by their source text.
type Exprs<'env> = RwLock<HashMap<String, Arc<CompiledExpr<'env>>>>;

self_cell::self_cell!(
    /// The environment and the expressions compiled in it.
    struct ExprCell {
        owner: Environment<'static>,
        #[not_covariant]
        dependent: Exprs,
    }
);

/// What a message (its template and subject) reads, found once.
#[derive(Debug, Default)]
pub(crate) struct MessageReads {
    /// The top-level names its body and subject read (fields and globals).
    pub(crate) names: BTreeSet<String>,
    /// The routine's fields among them, in routine order.
    pub(crate) fields: Vec<String>,
}

/// What each message reads, by template name, then by subject.
type MessageReadsMap = HashMap<String, Vec<(Option<String>, Arc<MessageReads>)>>;

/// The environment, the expressions compiled in it, and what each message
/// reads.
pub(crate) struct Compiled {
    cell: ExprCell,
    message_reads: RwLock<MessageReadsMap>,
    names: Names,
}

impl Compiled {
    /// Starts with no expression compiled yet.
    pub(crate) fn with_env(env: Environment<'static>, names: Names) -> Compiled {
        Compiled {
            cell: ExprCell::new(env, |_| RwLock::default()),
            message_reads: RwLock::default(),
            names,
        }
    }

    /// The routine's names, shared by the journals of its cases.
    pub(crate) fn names(&self) -> &Names {
        &self.names
    }

    /// The environment.
    pub(crate) fn env(&self) -> &Environment<'static> {
        self.cell.borrow_owner()
    }

    /// What the message of `template` with `subject` reads, found by `find`
    /// the first time (an error is not kept: it is found again). Looked up
    /// by the template's name, not its text, so no text is hashed per message.
    pub(crate) fn message_reads<E>(
        &self,
        template: &str,
        subject: Option<&str>,
        find: impl FnOnce() -> Result<MessageReads, E>,
    ) -> Result<Arc<MessageReads>, E> {
        let known = self.message_reads.read().ok().and_then(|m| {
            m.get(template)?
                .iter()
                .find(|(s, _)| s.as_deref() == subject)
                .map(|(_, reads)| Arc::clone(reads))
        });
        if let Some(reads) = known {
            return Ok(reads);
        }
        let reads = Arc::new(find()?);
        if let Ok(mut m) = self.message_reads.write() {
            m.entry(template.to_string())
                .or_default()
                .push((subject.map(str::to_string), Arc::clone(&reads)));
        }
        Ok(reads)
    }

    /// Runs `f` on the expression `source`, compiled the first time it is
    /// asked for. An expression that does not compile is not kept: its
    /// error is given every time.
    pub(crate) fn with_expr<R>(
        &self,
        source: &str,
        f: impl FnOnce(&CompiledExpr<'_>) -> R,
    ) -> Result<R, minijinja::Error> {
        self.cell.with_dependent(|env, exprs| {
            let known = exprs.read().ok().and_then(|m| m.get(source).cloned());
            let compiled = match known {
                Some(compiled) => compiled,
                None => {
                    let expr = env.compile_expression_owned(source.to_string())?;
                    let mut reads: Vec<String> =
                        expr.undeclared_variables(false).into_iter().collect();
                    reads.sort();
                    let compiled = Arc::new(CompiledExpr { expr, reads });
                    if let Ok(mut m) = exprs.write() {
                        m.insert(source.to_string(), Arc::clone(&compiled));
                    }
                    compiled
                }
            };
            Ok(f(&compiled))
        })
    }
}
