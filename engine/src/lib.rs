//! Rutin: executable care routines.
//!
//! A municipality writes a routine (who receives an order, who phones the
//! client, who must be told, which deadline applies) as a YAML file of roles,
//! steps and deadlines, with message texts as Jinja templates. This crate
//! checks such files and runs cases through them.
//!
//! The flow:
//!
//! 1. [`check_routine`] reads, parses and analyzes a routine file. It returns
//!    every problem at once as [`diagnostic::Diagnostic`]s (render them with
//!    [`diagnostic::render`]), and the validated [`model::Routine`] only when
//!    there is no error. Only that validated form reaches the runtime.
//! 2. [`run::Case`] runs one client's case on a routine. Time is always passed
//!    in; the engine never reads the clock. Every command either applies fully
//!    and returns its [`run::Effects`], or returns a [`run::RunError`] and
//!    leaves the case as it was. The case's journal is its audit trail, and
//!    replaying it gives the same state.
//! 3. [`run::run_schedule`] runs cross-case reports over the cases you hold.
//!
//! ```
//! use chrono::NaiveDate;
//! use rutin::run::Case;
//! use serde_json::json;
//!
//! let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
//!     .join("tests/fixtures/valid/everything/routine.yaml");
//! let checked = rutin::check_routine(&path);
//! let routine = checked.routine.expect("the fixture is valid");
//!
//! let at = |day, hour| NaiveDate::from_ymd_opt(2026, 2, day).and_then(|d| d.and_hms_opt(hour, 0, 0)).unwrap();
//! let data = json!({"decision_date": "2026-01-31", "area": "area_a"});
//! let (mut case, _) = Case::start(&routine, "case-1", data, at(2, 8)).unwrap();
//!
//! // The alarm team finds the order wrong: the assessor is told at once.
//! let effects = case
//!     .complete_task(&routine, "receive", "Lisa", "alarm_team", json!({"order_ok": false}), at(2, 9))
//!     .unwrap();
//! let message = effects.messages().next().unwrap();
//! assert_eq!(message.to[0].name, "Biståndshandläggare");
//!
//! // An event nobody waits for is refused, and the case is unchanged.
//! let before = case.clone();
//! assert!(case.deliver(&routine, "no_such_event", json!({}), at(3, 9)).is_err());
//! assert_eq!(case, before);
//! ```
#![deny(missing_docs)]

mod analyze;
pub mod book;
pub mod calendar;
pub mod deliver;
pub mod diagnostic;
pub mod diff;
pub mod draw;
pub mod expr;
pub mod files;
pub mod i18n;
pub mod ide;
mod load;
pub mod model;
pub mod run;
pub mod runner;
pub mod scenario;
pub mod schema;
pub mod simulate;
pub mod source;
pub mod store;

pub use analyze::{check_routine, check_routine_with, check_template_file, check_text, Checked};
