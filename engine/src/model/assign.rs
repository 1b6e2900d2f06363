use serde::Serialize;

use super::Expr;

/// A field the routine sets itself (`set: {attempts: "attempts + 1"}` on a
/// step, a route or a deadline). Every assignment of one `set:` is computed
/// from the case as it was before any of them, then all are recorded at once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    /// The field set.
    pub field: String,
    /// What it is set to: an expression over the case (`none` clears the field).
    pub value: Expr,
}
