//! Conditions that compare a field which may be unset when they run.

use std::collections::BTreeSet;

use super::resolved::Resolved;
use crate::diagnostic::{Problem, Sink};
use crate::model::StepKind;

/// Warns about `<`, `>`, `<=`, `>=` on a field that may be unset when the
/// expression runs: an unset field is `none`, which counts as smaller than
/// any value, so `plan_date < today` would hold for a case without a date.
/// A field is taken as set when the case must start with it, or when some
/// task or event must record it, or some step's `set:` gives it a value
/// every time the step is done; an expression that mentions `none` is
/// taken to handle it.
pub(super) fn check(resolved: &Resolved, sink: &mut Sink) {
    let (scope, steps) = (&resolved.scope, &resolved.steps);
    let mut always_set: BTreeSet<&str> = scope
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.id.as_str())
        .collect();
    for step in steps {
        if let StepKind::Task { collects, .. } | StepKind::Event { collects, .. } = &step.kind {
            always_set.extend(collects.iter().map(String::as_str));
        }
        // A step's own `set:` runs every time the step is done.
        let set = step
            .set
            .iter()
            .filter(|a| a.value.source().trim() != "none");
        always_set.extend(set.map(|a| a.field.as_str()));
    }
    for condition in &scope.conditions {
        let text = &condition.value;
        let ordered = text.contains('<') || text.contains('>');
        if !ordered || text.contains("none") {
            continue;
        }
        for field in scope.trees.fields_read(text, &scope.field_ids) {
            if !always_set.contains(field.as_str()) {
                sink.warning(
                    condition.span,
                    Problem::MayBeUnset {
                        field,
                        expr: text.clone(),
                    },
                );
            }
        }
    }
}
