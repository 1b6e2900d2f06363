//! Scenarios: scripted cases with expectations (docs/SCENARIOS.md), the files
//! `rutin test` runs.
//!
//! They live in the library so that an embedder, the language server and the
//! CLI read, check and run them the same way: [`load`] reads a file into a
//! [`Scenario`] (problems as located data, never a panic), [`validate`]
//! checks every id, date and duration it names against its routine, and
//! [`run`] drives the case on the virtual clock and returns an [`Outcome`]
//! with every expectation that did not hold as data. Nothing here prints;
//! the CLI words the outcome.
//!
//! ```
//! let path = std::path::Path::new("s.yaml");
//! let problem = rutin::scenario::parse(path, "scenario: S\nstart: 2026-01-31\n").unwrap_err();
//! assert_eq!(
//!     problem.message_in(rutin::i18n::Lang::En),
//!     "s.yaml:2:1: missing field `routine`"
//! );
//! ```

mod data;
mod expect;
mod format;
mod load;
mod locate;
mod outcome;
mod problem;
mod routine;
mod run;
mod time;
mod validate;

#[cfg(test)]
mod tests;

pub use data::{example_data, initial_data};
pub use expect::check;
pub use format::{Action, Expect, ExpectMessage, ExpectTask, Scenario};
pub use load::{load, parse};
pub use outcome::{ActionFailed, Failure, Mismatch, Outcome, Report, ScriptError, Unmet};
pub use problem::{Place, Problem, ProblemKind, ValueKind, Wanted};
pub use routine::{load_routine, routine_path, RoutineError};
pub use run::run;
pub use time::parse_time;
pub use validate::validate;

/// Every code [`RunError::code`](crate::run::RunError::code) gives: what
/// `error:` in a scenario may name. A unit test keeps the list complete.
pub const ERROR_CODES: &[&str] = &[
    "wrong_routine",
    "case_ended",
    "time_went_backwards",
    "unknown_step",
    "step_not_active",
    "no_such_task",
    "wrong_role",
    "values_not_a_map",
    "missing_field",
    "unknown_field",
    "field_not_accepted",
    "wrong_type",
    "not_in_enum",
    "rule_broken",
    "bad_personnummer",
    "unknown_event",
    "event_not_awaited",
    "no_route",
    "cycle_limit",
    "join_busy",
    "join_overrun",
    "timer_limit",
    "expr",
    "render",
    "unknown_group",
    "person_unset",
    "date_out_of_range",
    "unknown_schedule",
    "journal",
    "internal",
];
