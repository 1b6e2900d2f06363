//! Checking values given to a command against the routine's field types.
//!
//! Everything that enters a case (start data, task values, event values) is
//! checked here before anything is recorded, so the journal only ever holds
//! values of the declared types: dates as `YYYY-MM-DD`, periods as
//! `{from, to}` with `from <= to`, enumeration values from the list, and
//! every value within its field's rules.

use serde_json::Value as Json;

use super::error::RunError;
use super::journal::Values;
use crate::expr::parse_date;
use chrono::NaiveDate;

use crate::model::{personnummer, Field, FieldType, Routine};

/// Values as a command was given them, by field id, before [`check`].
pub(crate) type Given = Vec<(String, Json)>;

/// Turns the JSON given to a command into its values (`null`: none), in
/// id order.
pub(crate) fn to_values(json: Json) -> Result<Given, RunError> {
    match json {
        Json::Null => Ok(Given::new()),
        Json::Object(map) => {
            let mut given: Given = map.into_iter().collect();
            given.sort_by(|a, b| a.0.cmp(&b.0));
            Ok(given)
        }
        other => Err(RunError::ValuesNotAMap { got: short(&other) }),
    }
}

/// Which fields a command accepts and which it requires.
pub(crate) struct Accepts<'a> {
    /// Fields that must be given.
    pub(crate) required: Vec<&'a str>,
    /// Fields that may be given; `None`: every declared field.
    pub(crate) optional: Option<Vec<&'a str>>,
    /// What is being given the values, for messages.
    pub(crate) by: String,
}

/// Checks values: every field declared and accepted, every required one
/// given, every value of its field's type. The values it gives are keyed
/// by the routine's shared field names.
pub(crate) fn check(
    routine: &Routine,
    given: Given,
    accepts: &Accepts<'_>,
    on: NaiveDate,
) -> Result<Values, RunError> {
    let names = crate::expr::routine_compiled(routine).names();
    let mut checked = Vec::with_capacity(given.len());
    for (id, value) in given {
        let field = routine.field(&id).ok_or_else(|| RunError::UnknownField {
            field: id.clone(),
            suggestion: crate::diagnostic::suggest(
                &id,
                routine.fields.iter().map(|f| f.id.as_str()),
            ),
        })?;
        let accepted = accepts.required.contains(&id.as_str())
            || accepts
                .optional
                .as_ref()
                .is_none_or(|optional| optional.contains(&id.as_str()));
        if !accepted {
            return Err(RunError::FieldNotAccepted {
                field: id,
                by: accepts.by.clone(),
            });
        }
        let value = check_type(&id, &field.ty, &value, on)?;
        check_rules(field, &value)?;
        checked.push((names.get(&id), value));
    }
    let values: Values = checked.into_iter().collect();
    for id in &accepts.required {
        if !values.contains_key(id) {
            return Err(RunError::MissingField {
                field: (*id).to_string(),
                by: accepts.by.clone(),
            });
        }
    }
    Ok(values)
}

/// Checks one value against a type and gives it in its stored form (a
/// personnummer in its normal form, counted from the day `on`).
pub(crate) fn check_type(
    field: &str,
    ty: &FieldType,
    value: &Json,
    on: NaiveDate,
) -> Result<Json, RunError> {
    let wrong = || RunError::WrongType {
        field: field.to_string(),
        expected: ty.describe(),
        got: short(value),
    };
    let same = || Ok(value.clone());
    match ty {
        FieldType::Text if value.is_string() => same(),
        FieldType::Integer if value.is_i64() || value.is_u64() => same(),
        FieldType::Boolean if value.is_boolean() => same(),
        FieldType::Date if value.as_str().and_then(parse_date).is_some() => same(),
        FieldType::Personnummer => {
            let text = value.as_str().ok_or_else(wrong)?;
            personnummer::normalize(text, Some(on))
                .map(Json::String)
                .map_err(|reason| RunError::BadPersonnummer {
                    field: field.to_string(),
                    reason,
                    got: short(value),
                })
        }
        FieldType::Period => {
            let map = value.as_object().ok_or_else(wrong)?;
            let date = |k: &str| map.get(k).and_then(Json::as_str).and_then(parse_date);
            match (date("from"), date("to")) {
                (Some(from), Some(to)) if from <= to && map.len() == 2 => same(),
                _ => Err(wrong()),
            }
        }
        FieldType::Enum { values } => {
            let text = value.as_str().ok_or_else(wrong)?;
            if values.iter().any(|v| v == text) {
                same()
            } else {
                Err(RunError::NotInEnum {
                    field: field.to_string(),
                    value: text.to_string(),
                    allowed: values.clone(),
                })
            }
        }
        FieldType::List { items } => {
            let list = value.as_array().ok_or_else(wrong)?;
            list.iter()
                .map(|item| check_type(field, items, item, on))
                .collect::<Result<Vec<_>, _>>()
                .map(Json::Array)
        }
        _ => Err(wrong()),
    }
}

/// Checks a value of the right type against its field's rules.
pub(crate) fn check_rules(field: &Field, value: &Json) -> Result<(), RunError> {
    field
        .rules
        .check(value)
        .map_err(|broken| RunError::RuleBroken {
            field: field.id.clone(),
            broken: Box::new(broken),
            got: short(value),
        })
}

/// A value shortened for an error message.
pub(crate) fn short(value: &Json) -> String {
    let text = value.to_string();
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
