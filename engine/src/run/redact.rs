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
use crate::i18n::{text, Lang};
use crate::model::{Expr, Routine};

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
        self.message_for_in(routine, role, Lang::En)
    }

    /// [`RunError::message_for`] in `lang`.
    pub fn message_for_in(&self, routine: &Routine, role: &str, lang: Lang) -> String {
        let sees = |field: &str| may_see(routine, Some(role), field);
        let sees_expr = |expr: &str| {
            fields_read(routine, &Expr(expr.to_string()))
                .is_some_and(|fields| fields.iter().all(|f| sees(f)))
        };
        let hidden = text(lang, "run-hidden-value", &[]);
        let redacted = match self {
            RunError::WrongType {
                field, expected, ..
            } if !sees(field) => RunError::WrongType {
                field: field.clone(),
                expected: expected.clone(),
                got: hidden,
            },
            RunError::RuleBroken { field, broken, .. } if !sees(field) => RunError::RuleBroken {
                field: field.clone(),
                broken: broken.clone(),
                got: hidden,
            },
            RunError::BadPersonnummer { field, reason, .. } if !sees(field) => {
                RunError::BadPersonnummer {
                    field: field.clone(),
                    reason: reason.clone(),
                    got: hidden,
                }
            }
            RunError::NotInEnum { field, allowed, .. } if !sees(field) => {
                return text(
                    lang,
                    "run-not-in-enum-hidden",
                    &[
                        ("hidden", hidden.into()),
                        ("field", field.into()),
                        ("allowed", allowed.join(", ").into()),
                    ],
                )
            }
            RunError::Expr { place, error } if !sees_expr(expr_source(error)) => {
                let failed = text(
                    lang,
                    "run-expr-hidden",
                    &[
                        ("expr", expr_source(error).into()),
                        ("hidden", hidden.into()),
                    ],
                );
                return format!("{place}: {failed}");
            }
            RunError::UnknownGroup { expr, .. } if !sees_expr(expr) => {
                return text(
                    lang,
                    "run-unknown-group-hidden",
                    &[("expr", expr.into()), ("hidden", hidden.into())],
                )
            }
            RunError::Render(RenderError::Failed { template, .. })
                if !routine.fields.iter().all(|f| sees(&f.id)) =>
            {
                return text(
                    lang,
                    "run-render-failed-hidden",
                    &[("template", template.into()), ("hidden", hidden.into())],
                )
            }
            other => return other.message_in(lang),
        };
        redacted.message_in(lang)
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
