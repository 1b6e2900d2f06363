//! A scenario's initial data: its `data:`, plus (with `examples: true`) the
//! examples of the fields nothing records, as `rutin simulate` starts a case.

use super::format::Scenario;
use crate::model::Routine;

/// The example values of the fields no task or event records: what the case
/// knows when it starts (the rest is recorded along the way). Required
/// fields take their example even when a task records them too.
pub fn example_data(routine: &Routine) -> serde_json::Value {
    let recorded = routine.recorded_fields();
    routine
        .fields
        .iter()
        .filter(|f| f.required || !recorded.contains(&f.id.as_str()))
        .filter_map(|f| f.example.clone().map(|e| (f.id.clone(), e)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The data the scenario's case starts with.
pub fn initial_data(routine: &Routine, scenario: &Scenario) -> serde_json::Value {
    let mut data: serde_json::Map<String, serde_json::Value> =
        scenario.data.clone().into_iter().collect();
    if scenario.examples {
        if let serde_json::Value::Object(examples) = example_data(routine) {
            for (field, example) in examples {
                data.entry(field).or_insert(example);
            }
        }
    }
    data.into()
}
