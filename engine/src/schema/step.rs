//! The step schema discriminated by `kind` (draft-07 `if`/`then`): each kind
//! is offered and allowed only its own keys. Which kind takes which key comes
//! from the analyzer's table (`analyze::kinds_taking`), so the schema and
//! `rutin check` agree on every key.

use serde_json::{json, Map, Value};

use crate::analyze::{kinds_taking, STEP_KINDS};

/// `step` (the step schema derived from `raw::Step`, one object with every
/// key) rewritten as one closed set of keys per kind.
pub(super) fn by_kind(step: &Value) -> Value {
    let empty = Map::new();
    let keys = step
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let kind = kind_schema(keys.get("kind"));
    let mut branches: Vec<Value> = STEP_KINDS
        .iter()
        .map(|k| {
            json!({
                "if": kind_is(json!({ "const": k })),
                "then": closed(keys, &kind, |key| kinds_taking(key).is_none_or(|ks| ks.contains(k))),
            })
        })
        .collect();
    // Without a known kind, every step key is offered and any other flagged.
    branches.push(json!({
        "if": kind_is(json!({ "enum": STEP_KINDS })),
        "else": closed(keys, &kind, |_| true),
    }));
    json!({
        "description": step.get("description").cloned().unwrap_or(Value::Null),
        "type": "object",
        "required": ["kind"],
        "properties": { "kind": kind },
        "allOf": branches,
    })
}

/// `kind`: its description, and the step kinds as an enumeration.
fn kind_schema(derived: Option<&Value>) -> Value {
    let description = derived
        .and_then(|k| k.get("description"))
        .cloned()
        .unwrap_or_else(|| json!("What the step is."));
    json!({ "description": description, "enum": STEP_KINDS })
}

/// The condition "the step has `kind` and it matches `value`".
fn kind_is(value: Value) -> Value {
    json!({ "required": ["kind"], "properties": { "kind": value } })
}

/// An object schema with the keys `take` admits and no others.
fn closed(keys: &Map<String, Value>, kind: &Value, take: impl Fn(&str) -> bool) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .filter(|(key, _)| take(key))
        .map(|(key, schema)| {
            let schema = if key == "kind" { kind } else { schema };
            (key.clone(), schema.clone())
        })
        .collect();
    json!({ "properties": properties, "additionalProperties": false })
}
