//! Rutin: executable care routines.
//!
//! A routine (YAML) is loaded and analyzed into a validated [`model::Routine`];
//! only that validated form reaches the runtime, which runs cases through it on
//! a clock that the caller passes in.
#![deny(missing_docs)]

mod analyze;
pub mod calendar;
pub mod diagnostic;
mod load;
pub mod model;
pub mod source;

pub use analyze::{check_routine, check_template_file, check_text, Checked};
pub mod expr;
pub mod run;
pub mod schema;
