//! The values a simulated case starts with and the values its people and
//! events record: drawn from the profile's `values:`, given by its `data:`,
//! carried from the previous case, or the field's example.

use chrono::NaiveDate;
use rand_chacha::rand_core::RngCore;
use serde_json::{json, Map, Value};

use super::distribution::pick;
use super::profile::{DataValue, Stage};
use crate::calendar::Duration;
use crate::model::{Field, FieldType, Routine, StepKind};

fn date_text(date: NaiveDate) -> Value {
    Value::String(date.format("%Y-%m-%d").to_string())
}

/// A value of the field recorded on `today`: a date is that day, a period
/// the year from it, anything else its example or a neutral value.
pub(crate) fn default_value(field: &Field, today: NaiveDate) -> Value {
    match &field.ty {
        FieldType::Date => date_text(today),
        FieldType::Period => {
            let to = Duration::parse("1 year")
                .ok()
                .and_then(|d| d.after(today))
                .or_else(|| today.checked_add_days(chrono::Days::new(364)))
                .unwrap_or(today);
            json!({"from": date_text(today), "to": date_text(to)})
        }
        _ if field.example.is_some() => field.example.clone().unwrap_or_default(),
        FieldType::Text => "(simulerat)".into(),
        FieldType::Integer => 1.into(),
        FieldType::Boolean => true.into(),
        FieldType::Enum { values } => values.first().cloned().unwrap_or_default().into(),
        FieldType::List { .. } => json!([]),
        // Skatteverket's published test number: valid, and nobody's.
        FieldType::Personnummer => "19121212-1212".into(),
    }
}

/// A value for `field` on `today`: drawn when the profile gives its values.
pub(crate) fn draw(
    stage: &Stage,
    field: &Field,
    today: NaiveDate,
    rng: &mut impl RngCore,
) -> Value {
    match stage.values.get(&field.id) {
        Some(choice) => choice
            .values
            .get(pick(&choice.weights, rng))
            .cloned()
            .unwrap_or_default(),
        None => default_value(field, today),
    }
}

fn data_value(value: &DataValue, today: NaiveDate) -> Value {
    let offset = |d: &Duration| d.after(today).unwrap_or(today);
    match value {
        DataValue::Literal(v) => v.clone(),
        DataValue::DateAfter(d) => date_text(offset(d)),
        DataValue::PeriodAfter { from, to } => {
            json!({"from": date_text(offset(from)), "to": date_text(offset(to))})
        }
    }
}

/// Whether some step, deadline or case event of the routine records the field.
fn recorded(routine: &Routine, id: &str) -> bool {
    let steps = routine.steps.iter().any(|s| {
        let own = match &s.kind {
            StepKind::Task {
                collects, optional, ..
            }
            | StepKind::Event {
                collects, optional, ..
            } => collects.iter().chain(optional).any(|f| f == id),
            _ => false,
        };
        own || s.deadlines.iter().any(|d| {
            d.task
                .as_ref()
                .is_some_and(|t| t.collects.iter().any(|f| f == id))
        })
    });
    steps
}

/// The start data of a case on `today`: the profile's `data:` first, then the
/// previous case's value of a field with the same id, then a drawn or
/// example value for every field that is required or that nothing records.
pub(crate) fn start_data(
    stage: &Stage,
    today: NaiveDate,
    previous: Option<&crate::run::Fields>,
    rng: &mut impl RngCore,
) -> Value {
    let routine = &stage.routine;
    let mut data = Map::new();
    for field in &routine.fields {
        let given = stage.data.iter().find(|(id, _)| *id == field.id);
        let value = if let Some((_, v)) = given {
            data_value(v, today)
        } else if let Some(v) = previous.and_then(|p| p.get(&field.id)) {
            v.clone()
        } else if field.required || !recorded(routine, &field.id) {
            draw(stage, field, today, rng)
        } else {
            continue;
        };
        data.insert(field.id.clone(), value);
    }
    Value::Object(data)
}
