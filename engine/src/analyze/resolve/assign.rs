//! `set:` on a step, a route or a deadline: the fields must be declared, the
//! expressions must compile, and what an expression gives must fit its field.
//!
//! The type of an expression is found the way the runtime would find it: it
//! is evaluated on a sample case (each field's `example`, or a value of its
//! type), and the result is checked against the field's type with the same
//! rule the runtime applies to every value it records. An expression that
//! cannot be evaluated on the sample (it divides by a sample zero, say)
//! proves nothing and is left to the runtime.

use minijinja::value::Serde;
use minijinja::Value;

use crate::analyze::scope::Scope;
use crate::diagnostic::{Phrase, Problem, Sink};
use crate::load::raw::Assignments;
use crate::model::{check_value, value_fault, Assignment, Field, FieldType, Visibility};

/// The assignments of a `set:` written in `place` ("the step `x`").
pub(super) fn assignments(
    scope: &mut Scope,
    sink: &mut Sink,
    raw: &Option<Assignments>,
    place: &Phrase,
) -> Vec<Assignment> {
    let mut out = Vec::new();
    for (id, expr) in raw.iter().flat_map(|a| &a.0) {
        let field = scope.field(sink, id);
        if expr.value.is_empty() {
            continue; // a value that is not an expression was reported
        }
        let Some(value) = scope.expr(sink, expr) else {
            continue;
        };
        let Some(field) = field.and_then(|f| scope.fields.iter().find(|x| x.id == f)) else {
            continue;
        };
        if let Some(problem) = wrong_type(&scope.fields, field, &value.0, place) {
            sink.error(expr.span, problem);
        }
        if let Some(problem) = wider(scope, field, &value.0, place) {
            sink.error(expr.span, problem);
        }
        let at = (place.clone(), field.id.clone(), expr.span);
        out.push(Assignment {
            field: field.id.clone(),
            value,
        });
        scope.assigned.push(at);
    }
    out
}

/// The problem when `expr` gives, on the sample case, a value `field` cannot hold.
fn wrong_type(fields: &[Field], field: &Field, expr: &str, place: &Phrase) -> Option<Problem> {
    let env = crate::expr::shared_environment();
    let value = env
        .compile_expression(expr)
        .ok()?
        .eval(sample(fields))
        .ok()?;
    if value.is_none() || value.is_undefined() {
        return None; // `none` clears the field
    }
    let json = serde_json::to_value(&value).ok()?;
    let reason = match (&field.ty, json.as_str()) {
        // A 10-digit number is fine at run time: its century comes from the day.
        (FieldType::Personnummer, Some(text)) => {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 15);
            crate::model::personnummer::normalize(text, today)
                .err()
                .map(|e| e.phrase())
        }
        _ => value_fault(&field.ty, &json).err(),
    }?;
    let fix = match (&field.ty, value.kind()) {
        (FieldType::Integer, minijinja::value::ValueKind::Number) => "set-wrong-type-division-fix",
        _ => "set-wrong-type-fix",
    };
    Some(Problem::BadAssignment {
        message: Phrase::named("set-wrong-type", &field.id)
            .with("place", place)
            .with("expr", expr)
            .with("reason", reason),
        fix: Phrase::named(fix, &field.id).with("type", field.ty.phrase()),
    })
}

/// The problem when `field` may be seen by someone who may not see a field
/// its expression reads: the value would show what is hidden.
fn wider(scope: &Scope, field: &Field, expr: &str, place: &Phrase) -> Option<Problem> {
    let fields = &scope.fields;
    let ids: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
    let hidden = scope
        .trees
        .fields_read(expr, &ids)
        .into_iter()
        .filter_map(|r| fields.iter().find(|f| f.id == r))
        .find(|read| !narrower(&field.visibility, &read.visibility))?;
    Some(Problem::BadAssignment {
        message: Phrase::named("set-wider", &field.id)
            .with("place", place)
            .with("hidden", &hidden.id),
        fix: Phrase::named("set-wider-fix", &field.id).with("hidden", &hidden.id),
    })
}

/// Whether everyone who may see under `target` may see under `read`.
fn narrower(target: &Visibility, read: &Visibility) -> bool {
    match (target, read) {
        (_, Visibility::Everyone) => true,
        (Visibility::Everyone, Visibility::Roles(_)) => false,
        (Visibility::Roles(t), Visibility::Roles(r)) => t.is_subset(r),
    }
}

/// A case every field of which has a value: its example, or one of its type.
pub(crate) fn sample(fields: &[Field]) -> Value {
    let mut pairs: Vec<(String, Value)> = fields
        .iter()
        .map(|f| {
            let json = f
                .example
                .clone()
                .filter(|e| check_value(&f.ty, e).is_ok())
                .unwrap_or_else(|| sample_of(&f.ty));
            (f.id.clone(), Value::from(Serde(json)))
        })
        .collect();
    pairs.push(("today".into(), Value::from("2026-01-15")));
    pairs.push((
        "case".into(),
        Value::from_pairs([
            ("id", Value::from("sample")),
            ("started", Value::from("2026-01-15")),
            ("reached", Value::from(Vec::<Value>::new())),
        ]),
    ));
    Value::from_pairs(pairs)
}

fn sample_of(ty: &FieldType) -> serde_json::Value {
    match ty {
        FieldType::Text => "text".into(),
        FieldType::Integer => 1.into(),
        FieldType::Boolean => false.into(),
        FieldType::Date => "2026-01-15".into(),
        FieldType::Period => serde_json::json!({"from": "2026-01-01", "to": "2026-12-31"}),
        FieldType::Enum { values } => values.first().cloned().unwrap_or_default().into(),
        FieldType::Personnummer => "19121212-1212".into(),
        FieldType::List { .. } => serde_json::Value::Array(Vec::new()),
    }
}
