//! Case fields: types, enumeration values, visibility, examples.

use std::collections::BTreeSet;

use super::values::text;
use crate::analyze::scope::Scope;
use crate::diagnostic::{suggest, Phrase, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{Field, FieldType, Visibility};
use crate::source::Span;

const FIELD_TYPES: &[&str] = &[
    "text",
    "integer",
    "boolean",
    "date",
    "period",
    "enum",
    "list",
    "personnummer",
];

fn simple_type(sink: &mut Sink, ty: &Sp<String>) -> Option<FieldType> {
    Some(match ty.value.as_str() {
        "text" => FieldType::Text,
        "integer" => FieldType::Integer,
        "boolean" => FieldType::Boolean,
        "date" => FieldType::Date,
        "period" => FieldType::Period,
        "personnummer" => FieldType::Personnummer,
        _ => {
            sink.error(
                ty.span,
                Problem::BadValue {
                    value: ty.value.clone(),
                    what: Phrase::new("what-field-type"),
                    allowed: FIELD_TYPES.iter().map(|s| (*s).to_owned()).collect(),
                    suggestion: suggest(&ty.value, FIELD_TYPES.iter().copied()),
                },
            );
            return None;
        }
    })
}

/// Declares the routine's fields (their ids first, so that they may name each other).
pub(super) fn fields(scope: &mut Scope, sink: &mut Sink, raw: &raw::RoutineFile) {
    scope.field_ids = raw
        .fields
        .0
        .iter()
        .map(|(id, _)| id.value.clone())
        .collect();
    for (id, f) in &raw.fields.0 {
        if let Some(field) = field(scope, sink, id, f) {
            scope.field_spans.insert(id.value.clone(), id.span);
            scope.fields.push(field);
        }
    }
}

fn field(scope: &mut Scope, sink: &mut Sink, id: &Sp<String>, f: &raw::Field) -> Option<Field> {
    let ty_text = f.ty.as_ref()?;
    let ty = match ty_text.value.as_str() {
        "enum" => enum_type(sink, id, ty_text, f)?,
        "list" => list_type(sink, id, ty_text, f)?,
        _ => simple_type(sink, ty_text)?,
    };
    misplaced_keys(sink, id, ty_text, f);
    let visibility = match &f.visible_to {
        // Sensitive by default: seen by the roles named, no others.
        None if ty == FieldType::Personnummer => Visibility::Roles(BTreeSet::new()),
        None => Visibility::Everyone,
        Some(roles) => {
            Visibility::Roles(roles.iter().filter_map(|r| scope.role(sink, r)).collect())
        }
    };
    let rules = super::rules::rules(sink, &id.value, &ty, f);
    let example = f.example.as_ref().map(|e| e.value.0.clone());
    if let (Some(e), Some(ex)) = (&f.example, &example) {
        match crate::model::value_fault(&ty, ex) {
            Err(reason) => sink.error(
                e.span,
                Problem::BadExample {
                    field: id.value.clone(),
                    expected: ty.phrase(),
                    reason,
                },
            ),
            Ok(()) => super::rules::example(sink, &id.value, &rules, e),
        }
    }
    let place = Phrase::named("in-field", &id.value);
    let local_choice = super::values::words(sink, &f.local_choice, "local_choice", &place);
    let name = super::values::words(sink, &f.name, "name", &place);
    let groups = super::group_map::group_map(scope, sink, id, &ty, f);
    Some(Field {
        id: id.value.clone(),
        name,
        ty,
        required: f.required.as_ref().is_some_and(|r| r.value),
        description: text(&f.description),
        example,
        visibility,
        rules,
        local_choice,
        groups,
    })
}

fn enum_type(
    sink: &mut Sink,
    id: &Sp<String>,
    ty: &Sp<String>,
    f: &raw::Field,
) -> Option<FieldType> {
    let values = f.values.clone().unwrap_or_default();
    if values.is_empty() {
        sink.error(
            ty.span,
            Problem::MissingKey {
                key: "values".into(),
                context: Phrase::named("in-enum-field", &id.value),
            },
        );
        return None;
    }
    let mut seen = BTreeSet::new();
    for v in &values {
        if !seen.insert(v.value.clone()) {
            sink.error(
                v.span,
                Problem::DuplicateKey {
                    key: v.value.clone(),
                },
            );
        }
    }
    Some(FieldType::Enum {
        values: values.into_iter().map(|v| v.value).collect(),
    })
}

fn list_type(
    sink: &mut Sink,
    id: &Sp<String>,
    ty: &Sp<String>,
    f: &raw::Field,
) -> Option<FieldType> {
    let Some(items) = &f.items else {
        sink.error(
            ty.span,
            Problem::MissingKey {
                key: "items".into(),
                context: Phrase::named("in-list-field", &id.value),
            },
        );
        return None;
    };
    Some(FieldType::List {
        items: Box::new(simple_type(sink, items)?),
    })
}

/// `values` on a field that is no enumeration, `items` on one that is no list.
fn misplaced_keys(sink: &mut Sink, id: &Sp<String>, ty: &Sp<String>, f: &raw::Field) {
    let bad = |sink: &mut Sink, span: Span, key: &str, kind: &str| {
        sink.error(
            span,
            Problem::BadStep {
                message: Phrase::new("key-not-of-type")
                    .with("key", key)
                    .with("kind", kind),
                fix: Phrase::named("key-not-of-type-fix", &id.value)
                    .with("key", key)
                    .with("kind", kind),
            },
        );
    };
    if let (Some(v), false) = (f.values.as_ref(), ty.value == "enum") {
        let span = v.first().map_or(ty.span, |s| s.span);
        bad(sink, span, "values", "enum");
    }
    if let (Some(i), false) = (f.items.as_ref(), ty.value == "list") {
        bad(sink, i.span, "items", "list");
    }
}
