//! The JSON Schema of routine and organisation files, derived from the raw
//! types the loader reads, so editors check exactly the format Rutin reads.
//! Steps are discriminated by `kind` with the analyzer's own table of which
//! kind takes which key (`step.rs`).

mod step;

/// JSON Schema (draft-07) of a routine file.
pub fn routine_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator
        .into_root_schema_for::<crate::load::raw::RoutineFile>()
        .to_value();
    if let Some(step) = schema.pointer_mut("/definitions/Step") {
        *step = step::by_kind(step);
    }
    schema
}

/// JSON Schema (draft-07) of an organisation file.
pub fn organisation_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator
        .into_root_schema_for::<crate::load::raw::OrganisationFile>()
        .to_value()
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use crate::analyze::{kinds_taking, STEP_KINDS};

    fn step() -> Value {
        super::routine_schema()["definitions"]["Step"].clone()
    }

    /// The keys the branch for `kind` allows.
    fn keys_of(kind: &str) -> Vec<String> {
        let step = step();
        let branch = step["allOf"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|b| b["if"]["properties"]["kind"]["const"] == json!(kind))
            .cloned()
            .unwrap_or_else(|| panic!("no branch for {kind}: {step}"));
        assert_eq!(branch["then"]["additionalProperties"], json!(false));
        branch["then"]["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    #[test]
    fn schema_lists_step_keys() {
        let schema = super::routine_schema();
        let text = schema.to_string();
        assert!(text.contains("draft-07"), "{text}");
        assert!(text.contains("\"routes\""));
        assert!(text.contains("\"visible_to\""));
    }

    #[test]
    fn kind_is_the_enumeration_of_step_kinds_and_required() {
        let step = step();
        assert_eq!(step["properties"]["kind"]["enum"], json!(STEP_KINDS));
        assert_eq!(step["required"], json!(["kind"]));
    }

    #[test]
    fn each_kind_takes_the_keys_the_analyzer_allows() {
        for kind in STEP_KINDS {
            let keys = keys_of(kind);
            assert!(keys.iter().any(|k| k == "kind"), "{kind}: {keys:?}");
            for key in &keys {
                let ok = kinds_taking(key).is_none_or(|ks| ks.contains(kind));
                assert!(ok, "{kind} offers {key}");
            }
        }
        let task = keys_of("task");
        for key in ["role", "collects", "next", "routes", "deadlines", "title"] {
            assert!(task.iter().any(|k| k == key), "task lacks {key}: {task:?}");
        }
        for key in ["branches", "until", "join", "template", "outcome"] {
            assert!(!task.iter().any(|k| k == key), "task offers {key}");
        }
    }

    #[test]
    fn key_descriptions_name_the_kinds_of_the_table() {
        let step = step();
        let Some(branch) = step["allOf"].as_array().and_then(|b| b.last()) else {
            panic!("no fallback branch: {step}");
        };
        let keys = branch["else"]["properties"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        assert!(keys.len() > 20, "{keys:?}");
        for (key, schema) in keys {
            let description = schema["description"].as_str().unwrap_or_default();
            let Some((prefix, _)) = description.split_once(": ") else {
                continue;
            };
            let named: Vec<&str> = prefix.split(", ").collect();
            if named.iter().all(|k| STEP_KINDS.contains(k)) {
                assert_eq!(kinds_taking(&key), Some(named.as_slice()), "{key}");
            }
        }
    }
}
