//! `groups:` on an enumeration field: the group each value stands for,
//! where the values are not group ids themselves. Every value must be
//! listed, every group must exist, and a value means one group wherever it
//! is written (in every field's map, and as a group id).

use std::collections::BTreeMap;

use crate::analyze::scope::Scope;
use crate::diagnostic::{suggest, Phrase, Problem, RefKind, Sink};
use crate::load::raw;
use crate::load::raw::Sp;
use crate::model::FieldType;

/// The map of the field `id` of type `ty` (empty when it has none).
pub(super) fn group_map(
    scope: &Scope,
    sink: &mut Sink,
    id: &Sp<String>,
    ty: &FieldType,
    f: &raw::Field,
) -> BTreeMap<String, String> {
    let Some(entries) = &f.groups else {
        return BTreeMap::new();
    };
    let FieldType::Enum { values } = ty else {
        let span = entries.first().map_or(id.span, |(v, _)| v.span);
        sink.error(
            span,
            Problem::BadGroupMap {
                message: Phrase::named("groups-not-enum", &id.value).with("type", ty.phrase()),
                fix: Phrase::named("groups-not-enum-fix", &id.value),
            },
        );
        return BTreeMap::new();
    };
    let mut out = BTreeMap::new();
    for (value, group) in entries {
        if let Some(problem) = entry_problem(scope, &id.value, values, &value.value, &group.value) {
            let span = if matches!(problem, Problem::UnknownReference { .. }) {
                group.span
            } else {
                value.span
            };
            sink.error(span, problem);
            continue;
        }
        out.insert(value.value.clone(), group.value.clone());
    }
    for value in values.iter().filter(|v| !out.contains_key(*v)) {
        let listed = entries.iter().any(|(v, _)| &v.value == value);
        if !listed {
            let span = entries.first().map_or(id.span, |(v, _)| v.span);
            sink.error(span, unmapped(scope, &id.value, value));
        }
    }
    out
}

/// A value of `field` the map leaves out.
fn unmapped(scope: &Scope, field: &str, value: &str) -> Problem {
    Problem::ValueWithoutGroup {
        field: field.to_owned(),
        value: value.to_owned(),
        used: Phrase::named("used-groups-of", field),
        groups: scope.groups.keys().cloned().collect(),
    }
}

/// What is wrong with `value: group` in the map of `field`, if anything.
fn entry_problem(
    scope: &Scope,
    field: &str,
    values: &[String],
    value: &str,
    group: &str,
) -> Option<Problem> {
    if !values.iter().any(|v| v == value) {
        return Some(Problem::BadGroupMap {
            message: Phrase::named("groups-not-a-value", field)
                .with("value", value)
                .with("values", quoted(values)),
            fix: match suggest(value, values.iter().map(String::as_str)) {
                Some(s) => Phrase::named("groups-not-a-value-like", field)
                    .with("value", value)
                    .with("suggestion", s),
                None => Phrase::named("groups-not-a-value-fix", field).with("value", value),
            },
        });
    }
    if !scope.groups.contains_key(group) {
        return Some(Problem::UnknownReference {
            kind: RefKind::Group,
            suggestion: suggest(group, scope.groups.keys().map(String::as_str)),
            name: group.to_owned(),
        });
    }
    if scope.groups.contains_key(value) && value != group {
        return Some(Problem::BadGroupMap {
            message: Phrase::named("groups-value-is-group", field)
                .with("value", value)
                .with("group", group),
            fix: Phrase::new("groups-value-is-group-fix").with("value", value),
        });
    }
    let other = scope
        .fields
        .iter()
        .find_map(|f| Some((&f.id, f.groups.get(value)?)))
        .filter(|(_, g)| g.as_str() != group);
    other.map(|(f, g)| Problem::BadGroupMap {
        message: Phrase::named("groups-disagree", field)
            .with("value", value)
            .with("group", group)
            .with("other", f)
            .with("other_group", g),
        fix: Phrase::new("groups-disagree-fix"),
    })
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
