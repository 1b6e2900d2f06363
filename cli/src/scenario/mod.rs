//! Scenarios: scripted cases with expectations (docs/SCENARIOS.md), used by
//! `rutin test` and `rutin simulate --scenario`.

pub(crate) mod model;
pub(crate) mod run;

/// The runtime error's stable code (`wrong_role`), as scenario files name expected errors.
pub(crate) fn error_code(error: &rutin::run::RunError) -> String {
    error.code().to_owned()
}
