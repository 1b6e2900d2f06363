//! A stage's `data:` (start values) and the check that a case starts with them.

use chrono::NaiveDate;

use crate::calendar::Duration;
use crate::diagnostic::{Phrase, Problem, RefKind, Sink};
use crate::load::fields::to_json;
use crate::load::node::{Node, Value};
use crate::model::{check_value, FieldType, Routine};
use crate::simulate::profile::{DataValue, Stage};

/// The start values a stage gives, by field id.
pub(super) fn data(
    sink: &mut Sink,
    node: Option<&Node>,
    routine: &Routine,
) -> Vec<(String, DataValue)> {
    let known: Vec<&str> = routine.fields.iter().map(|f| f.id.as_str()).collect();
    let mut out = Vec::new();
    for (id, value) in super::stage::entries(sink, node, "data") {
        if !super::stage::known_id(sink, &id, RefKind::Field, &known) {
            continue;
        }
        let Some(field) = routine.field(&id.value) else {
            continue;
        };
        if let Some(v) = data_value(sink, &id.value, &field.ty, value) {
            out.push((id.value, v));
        }
    }
    out
}

fn offset(node: &Node) -> Option<Duration> {
    node.as_str().and_then(|t| Duration::parse(t).ok())
}

/// `{after: 20 days}` for a date, `{from: 0 days, to: 12 months}` for a
/// period (counted from the case's start), or a value of the field's type.
fn data_value(sink: &mut Sink, id: &str, ty: &FieldType, node: &Node) -> Option<DataValue> {
    if let Value::Map(entries) = &node.value {
        let get = |k: &str| {
            entries
                .iter()
                .find(|(key, _)| key.as_str() == Some(k))
                .map(|e| &e.1)
        };
        match (ty, get("after"), get("from"), get("to")) {
            (FieldType::Date, Some(after), None, None) if entries.len() == 1 => {
                return match offset(after) {
                    Some(d) => Some(DataValue::DateAfter(d)),
                    None => {
                        bad_offset(sink, after);
                        None
                    }
                };
            }
            (FieldType::Period, None, Some(from), Some(to)) if entries.len() == 2 => {
                if let (Some(from), Some(to)) = (offset(from), offset(to)) {
                    return Some(DataValue::PeriodAfter { from, to });
                }
            }
            _ => {}
        }
    }
    let value = to_json(node);
    if let Err(reason) = check_value(ty, &value) {
        sink.error(
            node.span,
            Problem::BadProfile {
                message: Phrase::untranslated(format!("the start value of `{id}` does not fit its type ({}): {reason}", ty.describe())),
                fix: Phrase::untranslated("give a value of the field's type; a date may be `{after: 20 working days}` (from the case's start), a period `{from: 0 days, to: 12 months}`"),
            },
        );
        return None;
    }
    Some(DataValue::Literal(value))
}

fn bad_offset(sink: &mut Sink, node: &Node) {
    let text = node.as_str().unwrap_or_default().to_owned();
    sink.error(
        node.span,
        Problem::BadDuration {
            message: Phrase::untranslated(format!(
                "`{text}` is not a duration after the case's start"
            )),
        },
    );
}

/// A day the check starts a trial case on (any working day would do).
const TRIAL_DAY: (i32, u32, u32) = (2026, 1, 12);

/// Starts a trial case with the stage's start values, so that what the
/// check passes starts: a refusal is reported at the stage.
pub(super) fn check_start(sink: &mut Sink, node: &Node, stage: &Stage) {
    let Some(day) = NaiveDate::from_ymd_opt(TRIAL_DAY.0, TRIAL_DAY.1, TRIAL_DAY.2) else {
        return;
    };
    let mut rng = crate::simulate::run::case_rng(0, 0);
    let data = crate::simulate::values::start_data(stage, day, None, &mut rng);
    let at = day.and_hms_opt(8, 0, 0).unwrap_or_default();
    if let Err(e) = crate::run::Case::start(&stage.routine, "CHECK", data, at) {
        sink.error(
            node.span,
            Problem::BadProfile {
                message: Phrase::untranslated(format!(
                    "a case of `{}` would not start with this stage's values: {e}",
                    stage.routine.meta.id
                )),
                fix: Phrase::untranslated("give the start values it needs under `data:`"),
            },
        );
    }
}
