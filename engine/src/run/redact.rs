//! What a role may read of a command's effects and of a refusal.
//!
//! A person acting in a role sees what a command did as that role's view
//! ([`Effects::view_for`]): the messages addressed or copied to the role (or
//! to a group that sees as it), the tasks opened for it, and the rest of the
//! journal entries as [`Case::view_for`](super::Case::view_for) shows them
//! (values the role may not see left out, dates counted from them left
//! out, failure explanations withheld). A refusal that would quote a value
//! read from a field the role may not see says what failed without the
//! value ([`RunError::message_for`]).

use super::effect::Effects;
use super::error::{RenderError, RunError};
use super::journal::{JournalEntry, Message, Record};
use super::visibility::{entry_for, fields_read, may_see};
use crate::expr::ExprError;
use crate::model::{Expr, Routine};

/// What a refusal says instead of a value the role may not see.
const HIDDEN_VALUE: &str = "[a value this role may not see]";

impl Effects {
    /// The effects as `role` may see them: messages addressed or copied to
    /// it (a role recipient, or a group that sees as it), tasks opened for
    /// it, and every other entry as the role's case view shows it.
    pub fn view_for(&self, routine: &Routine, role: &str) -> Effects {
        Effects {
            entries: self
                .entries
                .iter()
                .filter(|e| concerns(e, role))
                .filter_map(|e| entry_for(routine, role, e))
                .collect(),
        }
    }
}

/// Whether a message or a task is for `role` (every other entry is).
fn concerns(entry: &JournalEntry, role: &str) -> bool {
    match &entry.record {
        Record::MessageSent(message) => addressed_to(message, role),
        Record::TaskOpened(task) => task.role == role,
        _ => true,
    }
}

/// Whether `role` receives the message, directly or through a group.
pub(crate) fn addressed_to(message: &Message, role: &str) -> bool {
    message
        .recipients()
        .any(|a| a.sees_as.as_deref() == Some(role))
}

impl RunError {
    /// The refusal as `role` may read it: like its `Display`, but a value
    /// read from a field the role may not see is not quoted.
    pub fn message_for(&self, routine: &Routine, role: &str) -> String {
        let sees = |field: &str| may_see(routine, Some(role), field);
        let sees_expr = |expr: &str| {
            fields_read(routine, &Expr(expr.to_string()))
                .is_some_and(|fields| fields.iter().all(|f| sees(f)))
        };
        match self {
            RunError::WrongType {
                field, expected, ..
            } if !sees(field) => format!("`{field}` must be {expected}, got {HIDDEN_VALUE}"),
            RunError::RuleBroken { field, broken, .. } if !sees(field) => format!(
                "`{field}` must be {} (its rule `{}`), got {HIDDEN_VALUE}",
                broken.expected, broken.rule
            ),
            RunError::BadPersonnummer { field, reason, .. } if !sees(field) => {
                format!("`{field}` must be a personnummer: {reason}; got {HIDDEN_VALUE}")
            }
            RunError::NotInEnum { field, allowed, .. } if !sees(field) => format!(
                "{HIDDEN_VALUE} is not a value of `{field}`; use one of: {}",
                allowed.join(", ")
            ),
            RunError::Expr { place, error } if !sees_expr(expr_source(error)) => {
                format!("{place}: `{}` failed on {HIDDEN_VALUE}", expr_source(error))
            }
            RunError::UnknownGroup { expr, .. } if !sees_expr(expr) => format!(
                "`group_of: {expr}` gave {HIDDEN_VALUE}, which is not a group of the routine"
            ),
            RunError::Render(RenderError::Failed { template, .. })
                if !routine.fields.iter().all(|f| sees(&f.id)) =>
            {
                format!("template `{template}` failed on {HIDDEN_VALUE}")
            }
            other => other.to_string(),
        }
    }
}

/// The text of the expression an error is about.
fn expr_source(error: &ExprError) -> &str {
    match error {
        ExprError::Eval { expr, .. }
        | ExprError::Undefined { expr }
        | ExprError::NotADate { expr, .. }
        | ExprError::NotText { expr, .. } => expr,
    }
}
