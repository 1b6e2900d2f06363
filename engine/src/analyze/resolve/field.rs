//! Case fields: types, enumeration values, visibility, examples.

use std::collections::BTreeSet;

use super::text;
use super::Scope;
use crate::diagnostic::{suggest, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{Field, FieldType, Visibility};
use crate::source::Span;

const FIELD_TYPES: &[&str] = &[
    "text", "integer", "boolean", "date", "period", "enum", "list",
];

pub(super) fn simple_type(sink: &mut Sink, ty: &Sp<String>) -> Option<FieldType> {
    Some(match ty.value.as_str() {
        "text" => FieldType::Text,
        "integer" => FieldType::Integer,
        "boolean" => FieldType::Boolean,
        "date" => FieldType::Date,
        "period" => FieldType::Period,
        _ => {
            sink.error(
                ty.span,
                Problem::BadValue {
                    value: ty.value.clone(),
                    what: "field type".into(),
                    allowed: FIELD_TYPES.iter().map(|s| (*s).to_owned()).collect(),
                    suggestion: suggest(&ty.value, FIELD_TYPES.iter().copied()),
                },
            );
            return None;
        }
    })
}

pub(super) fn field(
    scope: &mut Scope,
    sink: &mut Sink,
    id: &Sp<String>,
    f: &raw::Field,
) -> Option<Field> {
    let ty_text = f.ty.as_ref()?;
    let bad_step = |sink: &mut Sink, span: Span, key: &str, kind: &str| {
        sink.error(
            span,
            Problem::BadStep {
                message: format!("`{key}` only belongs to fields of type {kind}"),
                fix: format!("remove `{key}`, or make `{}` a {kind}", id.value),
            },
        );
    };
    let ty = match ty_text.value.as_str() {
        "enum" => {
            let values = f.values.clone().unwrap_or_default();
            if values.is_empty() {
                sink.error(
                    ty_text.span,
                    Problem::MissingKey {
                        key: "values".into(),
                        context: format!("the enumeration field `{}`", id.value),
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
            FieldType::Enum {
                values: values.into_iter().map(|v| v.value).collect(),
            }
        }
        "list" => {
            let Some(items) = &f.items else {
                sink.error(
                    ty_text.span,
                    Problem::MissingKey {
                        key: "items".into(),
                        context: format!("the list field `{}`", id.value),
                    },
                );
                return None;
            };
            FieldType::List {
                items: Box::new(simple_type(sink, items)?),
            }
        }
        _ => simple_type(sink, ty_text)?,
    };
    if let (Some(v), false) = (f.values.as_ref(), ty_text.value == "enum") {
        let span = v.first().map_or(ty_text.span, |s| s.span);
        bad_step(sink, span, "values", "enum");
    }
    if let (Some(i), false) = (f.items.as_ref(), ty_text.value == "list") {
        bad_step(sink, i.span, "items", "list");
    }
    let visibility = match &f.visible_to {
        None => Visibility::Everyone,
        Some(roles) => {
            Visibility::Roles(roles.iter().filter_map(|r| scope.role(sink, r)).collect())
        }
    };
    let example = f.example.as_ref().map(|e| e.value.0.clone());
    if let (Some(e), Some(ex)) = (&f.example, &example) {
        if let Err(reason) = crate::model::check_value(&ty, ex) {
            sink.error(
                e.span,
                Problem::BadExample {
                    field: id.value.clone(),
                    expected: ty.describe(),
                    reason,
                },
            );
        }
    }
    Some(Field {
        id: id.value.clone(),
        ty,
        required: f.required.as_ref().is_some_and(|r| r.value),
        description: text(&f.description),
        example,
        visibility,
    })
}
