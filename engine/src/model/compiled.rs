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

/// The environment, the expressions compiled in it, and the names each
/// template text reads.
pub(crate) struct Compiled {
    cell: ExprCell,
    template_reads: RwLock<HashMap<String, Arc<BTreeSet<String>>>>,
    names: Names,
}

impl Compiled {
    /// Starts with no expression compiled yet.
    pub(crate) fn with_env(env: Environment<'static>, names: Names) -> Compiled {
        Compiled {
            cell: ExprCell::new(env, |_| RwLock::default()),
            template_reads: RwLock::default(),
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

    /// The names the template text `source` reads, found by `find` the
    /// first time (an error is not kept: it is found again).
    pub(crate) fn template_reads<E>(
        &self,
        source: &str,
        find: impl FnOnce() -> Result<BTreeSet<String>, E>,
    ) -> Result<Arc<BTreeSet<String>>, E> {
        let known = self
            .template_reads
            .read()
            .ok()
            .and_then(|m| m.get(source).cloned());
        if let Some(reads) = known {
            return Ok(reads);
        }
        let reads = Arc::new(find()?);
        if let Ok(mut m) = self.template_reads.write() {
            m.insert(source.to_string(), Arc::clone(&reads));
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
