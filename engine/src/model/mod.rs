//! The validated routine: what the analyzer produces and the runtime consumes.
//!
//! Every reference in here has been checked: a step's `next` names a step that
//! exists, a recipient role is declared, an expression compiles and only uses
//! declared fields, a template exists and parses. The runtime may therefore
//! look things up without handling "not found" as a user error (it still never
//! panics: a missing item is reported as an internal error).

mod assign;
pub(crate) mod compiled;
mod event;
mod field;
mod message;
pub mod personnummer;
mod routine;
mod rule;
mod step;

pub use assign::Assignment;
pub use event::{CaseEvent, Interrupt};
pub(crate) use field::group_for;
pub use field::{check_value, value_fault, Field, FieldType, Visibility};
pub use message::{MessageFrom, MessageSpec, PersonTarget, Recipient, RecipientTarget, Template};
pub use routine::{Clause, Group, Meta, Role, Routine, Schedule};
pub use rule::{Bound, Broken, Pattern, Rules};
pub use step::{Deadline, DeadlineStart, EscalationTask, Expr, Repeat, Route, Step, StepKind};
