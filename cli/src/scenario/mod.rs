//! Scenarios: scripted cases with expectations (docs/SCENARIOS.md), used by
//! `rutin test` and `rutin simulate --scenario`.

pub(crate) mod model;
pub(crate) mod run;

/// A stable snake_case code for a runtime error (`wrong_role`), as scenario
/// files name expected errors.
pub(crate) fn error_code(error: &rutin::run::RunError) -> String {
    let debug = format!("{error:?}");
    let name: String = debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let mut code = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                code.push('_');
            }
            code.push(c.to_ascii_lowercase());
        } else {
            code.push(c);
        }
    }
    code
}
