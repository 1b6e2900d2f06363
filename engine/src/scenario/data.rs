//! A scenario's initial data: its `data:`, plus (with `examples: true`) the
//! examples of the fields nothing records, as `rutin simulate` starts a case.

use super::format::Scenario;
use crate::model::{Routine, StepKind};

/// The example values of the fields no task or event records: what the case
/// knows when it starts (the rest is recorded along the way). Required
/// fields take their example even when a task records them too.
pub fn example_data(routine: &Routine) -> serde_json::Value {
    let mut recorded: Vec<&str> = Vec::new();
    for step in &routine.steps {
        if let StepKind::Task {
            collects, optional, ..
        }
        | StepKind::Event {
            collects, optional, ..
        } = &step.kind
        {
            recorded.extend(collects.iter().chain(optional).map(String::as_str));
        }
        let escalations = step.deadlines.iter().flat_map(|d| d.task.iter());
        recorded.extend(escalations.flat_map(|t| t.collects.iter().map(String::as_str)));
    }
    let escalations = routine.deadlines.iter().flat_map(|d| d.task.iter());
    recorded.extend(escalations.flat_map(|t| t.collects.iter().map(String::as_str)));
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
