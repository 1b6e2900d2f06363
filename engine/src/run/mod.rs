//! The runtime: cases on a journal, deadlines on a clock, messages from
//! templates.
//!
//! A [`Case`] is one client's run through one version of a
//! [`Routine`](crate::model::Routine). It is deterministic: time is always passed in
//! (the engine never reads the wall clock), ids are given by the caller or
//! counted, and all output uses ordered maps, so the same commands give the
//! same journal byte for byte.
//!
//! ```text
//! Case::start(&routine, "case-1", data, t0)      -> (Case, Effects)
//! case.complete_task(&routine, "call_client", "Anna", "alarm_team", values, t1)
//! case.deliver(&routine, "order_corrected", values, t2)
//! case.advance(&routine, t3)                      // fires due deadlines in time order
//! case.open_tasks_for("alarm_team"); case.view_for(&routine, "assessor")
//! run_schedule(&routine, "monthly_not_executed", &[&case], t4)
//! ```
//!
//! Each command applies fully and returns its [`Effects`] (the journal
//! entries it appended), or returns a [`RunError`] and leaves the case as it
//! was. The pieces:
//!
//! - [`journal`]: the entries (the audit trail) and the ids;
//! - `state`: the fold from entries to state, the only code that changes it;
//! - `exec`: the interpreter moving tokens through steps;
//! - `deadline`: arming and firing deadlines, the clock;
//! - `render` / `context`: recipients, template contexts, rendering;
//! - `value`: checking values against field types;
//! - [`visibility`]: what a role may see; `redact`: a role's view of effects and refusals;
//! - `command`: the public commands as transactions;
//! - [`schedule`]: reports over many cases.

mod assign;
mod case;
mod command;
mod context;
mod deadline;
mod effect;
mod error;
mod error_text;
mod exec;
mod failure;
mod failure_text;
mod id_map;
mod interrupt;
pub mod journal;
mod json_time;
mod migrate;
mod redact;
mod render;
pub mod schedule;
mod state;
mod value;
mod values;
pub mod visibility;

pub use case::Case;
pub use command::TaskRef;
pub use effect::{DeadlineEvent, DeadlineFailure, Effects, WaitFailure};
pub use error::{RenderError, RunError};
pub use exec::MAX_STEPS_PER_INSTANT;
pub use failure::{failure_of, failures_in, CaseFailure, FailureKind};
pub use failure_text::journaled_error_in;
pub use journal::{
    Actor, Addressee, AddresseeKind, ArmedDeadline, ArmedId, CaseId, JournalEntry, Message, Record,
    Task, TaskId, TokenId, Values,
};
pub use migrate::MigrationRefused;
pub use render::MessageTexts;
pub use schedule::{run_schedule, run_schedule_for, ScheduleRun};
pub use state::Status;
pub use values::Fields;
pub use visibility::CaseView;

#[cfg(test)]
pub(crate) mod tests;
