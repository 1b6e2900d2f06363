//! The JSON Schema of routine and organisation files, derived from the raw
//! types the loader reads, so editors check exactly the format Rutin reads.

/// JSON Schema (draft-07) of a routine file.
pub fn routine_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator
        .into_root_schema_for::<crate::load::raw::RoutineFile>()
        .to_value()
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
    #[test]
    fn schema_lists_step_keys() {
        let schema = super::routine_schema();
        let text = schema.to_string();
        assert!(text.contains("draft-07"), "{text}");
        assert!(text.contains("\"routes\""));
        assert!(text.contains("\"visible_to\""));
    }
}
