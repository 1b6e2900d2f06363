//! Assignments: fields the routine sets itself (`set:` on a step, a route
//! or a deadline). Every expression of one `set:` is evaluated on the case
//! as it was before any of them; the values are checked against their
//! fields' types like every value a person gives, and recorded in one
//! [`Record::FieldsSet`] entry (`null` clears a field).

use super::error::RunError;
use super::exec::Exec;
use super::journal::Record;
use super::value::{check_rules, check_type};
use crate::expr::ExprError;
use crate::model::{check_value, Assignment, FieldType};

/// Where a `set:` is written, for the journal and for errors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SetPlace<'a> {
    /// The step it belongs to (or whose route or deadline it is).
    pub(crate) step: Option<&'a str>,
    /// The deadline it belongs to.
    pub(crate) deadline: Option<&'a str>,
}

impl SetPlace<'_> {
    fn describe(&self) -> String {
        match (self.step, self.deadline) {
            (Some(s), Some(d)) => format!("deadline `{d}` of step `{s}`"),
            (None, Some(d)) => format!("case deadline `{d}`"),
            (Some(s), None) => format!("step `{s}`"),
            (None, None) => "the case".into(),
        }
    }
}

impl Exec<'_> {
    /// Evaluates and records a `set:`; nothing is recorded when it is empty.
    pub(crate) fn assign(&mut self, set: &[Assignment], at: SetPlace<'_>) -> Result<(), RunError> {
        if set.is_empty() {
            return Ok(());
        }
        let mut values = Vec::with_capacity(set.len());
        for a in set {
            let place = || format!("`set: {}` of {}", a.field, at.describe());
            let value = self
                .eval(&a.value)
                .map_err(|e| RunError::expr(place(), e))?;
            let json = if value.is_none() {
                serde_json::Value::Null
            } else {
                serde_json::to_value(&value)
                    .map_err(|e| RunError::expr(place(), failed(&a.value.0, e.to_string())))?
            };
            let field = self
                .routine
                .field(&a.field)
                .ok_or_else(|| RunError::Internal(format!("there is no field `{}`", a.field)))?;
            let json = match (&field.ty, &json) {
                (FieldType::Personnummer, serde_json::Value::String(_)) => {
                    check_type(&a.field, &field.ty, &json, self.now.date())?
                }
                _ => json,
            };
            if !json.is_null() {
                check_value(&field.ty, &json).map_err(|reason| {
                    let message = format!("gave a value `{}` cannot hold: {reason}", a.field);
                    RunError::expr(place(), failed(&a.value.0, message))
                })?;
                check_rules(field, &json)?;
            }
            values.push((self.name(&a.field), json));
        }
        self.emit(Record::FieldsSet {
            step: at.step.map(|s| self.name(s)),
            deadline: at.deadline.map(|d| self.name(d)),
            values: values.into_iter().collect(),
        })
    }
}

fn failed(expr: &str, message: String) -> ExprError {
    ExprError::Eval {
        expr: expr.to_string(),
        message,
    }
}
