//! The journal: the append-only list of everything that happened to a case.
//!
//! The journal is the case. Its state (where the tokens stand, which tasks
//! are open, which deadlines are armed, the field values) is a fold over the
//! entries (see `state.rs`), so a stored journal can always be replayed to
//! the same state, and it doubles as the audit trail: who did what, when,
//! with which values, and every message text exactly as sent. Entries hold
//! only ordered maps and ids handed out by counters, so the same commands
//! give the same journal byte for byte.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use super::values::Values;
pub use crate::model::Name;

/// The identifier of a case, chosen by the caller (the engine makes no ids up).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub String);

impl From<&str> for CaseId {
    fn from(id: &str) -> Self {
        CaseId(id.to_string())
    }
}

impl From<String> for CaseId {
    fn from(id: String) -> Self {
        CaseId(id)
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The number of a task within its case (1, 2, 3, … in opening order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TaskId(pub u32);

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A token: one thread of control. A case has one, or one per branch
/// while a parallel step runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TokenId(pub u32);

/// The number of one arming of a deadline within its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArmedId(pub u32);

/// Who caused a journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actor {
    /// The engine: starting the case, automatic steps, consequences of a command.
    System,
    /// Time: a deadline expired or a waited-for date came.
    Clock,
    /// A person completing a task.
    Person {
        /// The person's name as the caller gave it.
        name: Name,
        /// The role they acted in.
        role: Name,
    },
    /// Something delivered from outside.
    External {
        /// The event's name.
        event: Name,
    },
}

/// One entry of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Position in the journal, from 1.
    pub seq: u64,
    /// When it happened (a deadline fires at its due time).
    #[serde(serialize_with = "super::json_time::datetime")]
    pub at: NaiveDateTime,
    /// Who caused it.
    pub actor: Actor,
    /// What happened.
    #[serde(flatten)]
    pub record: Record,
}

/// What happened, in one journal entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    /// The case started with these values.
    CaseStarted {
        /// The case.
        case: CaseId,
        /// The routine's id.
        routine: String,
        /// The routine's version.
        version: String,
        /// The initial field values.
        data: Values,
    },
    /// A token entered a step.
    StepEntered {
        /// The token.
        token: TokenId,
        /// The step.
        step: Name,
    },
    /// A token at a wait step waits until this date (00:00).
    WaitStarted {
        /// The token.
        token: TokenId,
        /// The wait step.
        step: Name,
        /// The date it waits for.
        until: NaiveDate,
    },
    /// A parallel step split; its join expects this many arrivals.
    BranchesStarted {
        /// The parallel step.
        parallel: Name,
        /// Its join step.
        join: Name,
        /// How many branches must arrive.
        branches: u32,
    },
    /// A token reached a join. When `arrived == expected` the token goes
    /// on from the join; before that it ends there.
    JoinArrived {
        /// The token.
        token: TokenId,
        /// The join step.
        join: Name,
        /// Arrivals so far, this one included.
        arrived: u32,
        /// Arrivals needed.
        expected: u32,
    },
    /// The joins' counts were dropped, those still waiting and those done (a
    /// case deadline moved the whole case).
    JoinsReset,
    /// A token ended: split into branches, reached a dead end, or was cancelled.
    TokenEnded {
        /// The token.
        token: TokenId,
        /// The step it was at.
        step: Name,
    },
    /// A task was opened.
    TaskOpened(Task),
    /// A task was completed with these values.
    TaskCompleted {
        /// The task.
        task: TaskId,
        /// Its step.
        step: Option<Name>,
        /// The values recorded.
        values: Values,
    },
    /// A task was withdrawn because its step (or the case) ended.
    TaskWithdrawn {
        /// The task.
        task: TaskId,
        /// Its step.
        step: Option<Name>,
    },
    /// An awaited event arrived with these values.
    EventReceived {
        /// The token waiting for it.
        token: TokenId,
        /// The event step.
        step: Name,
        /// The event's name.
        event: Name,
        /// The values it carried.
        values: Values,
    },
    /// A deadline was armed.
    DeadlineArmed(ArmedDeadline),
    /// A deadline could not be armed: the date it counts from is not set.
    DeadlineNotArmed {
        /// The deadline's id.
        deadline: Name,
        /// Its step (`None`: a case deadline).
        step: Option<Name>,
        /// The date field that was not set.
        field: Name,
    },
    /// A deadline expired and acted.
    DeadlineFired {
        /// Which arming.
        armed: ArmedId,
        /// The deadline's id.
        deadline: Name,
        /// Its step (`None`: a case deadline).
        step: Option<Name>,
    },
    /// A deadline expired but what it had to do failed (a recipient's
    /// `group_of` gave no group, a template could not be rendered, no route
    /// applied after its `goto`, …). Nothing it would have done happened; the
    /// failure is recorded here instead, so that the case never stays stuck
    /// on a deadline every later command would trip over again. It counts as
    /// an expiry: the arming is used up and the next repeat, if any, is armed.
    DeadlineFailed {
        /// Which arming.
        armed: ArmedId,
        /// The deadline's id.
        deadline: Name,
        /// Its step (`None`: a case deadline).
        step: Option<Name>,
        /// Why it failed, as the refusal of a command would have said.
        error: String,
    },
    /// A deadline fired but its message could not be sent (a template
    /// that failed, a `group_of` that gave no group, …). Only the message
    /// is lost: the deadline's task is opened and its `goto` taken all the
    /// same, so a failed reminder never takes the escalation with it.
    DeadlineMessageFailed {
        /// Which arming.
        armed: ArmedId,
        /// The deadline's id.
        deadline: Name,
        /// Its step (`None`: a case deadline).
        step: Option<Name>,
        /// The message's template.
        template: Name,
        /// Why it failed, as the refusal of a command would have said.
        error: String,
    },
    /// A wait step's date came but the token could not go on (no route
    /// applied, a condition failed, …). The token stays at the wait step and
    /// waits no longer; the failure is recorded so the case is not stuck.
    WaitFailed {
        /// The token.
        token: TokenId,
        /// The wait step.
        step: Name,
        /// Why it could not go on.
        error: String,
    },
    /// A deadline expired but its `when` condition did not hold.
    DeadlineSkipped {
        /// Which arming.
        armed: ArmedId,
        /// The deadline's id.
        deadline: Name,
        /// Its step (`None`: a case deadline).
        step: Option<Name>,
    },
    /// A deadline was cancelled before it expired (its step or the case ended).
    DeadlineCancelled {
        /// Which arming.
        armed: ArmedId,
        /// The deadline's id.
        deadline: Name,
        /// Its step (`None`: a case deadline).
        step: Option<Name>,
    },
    /// A message was sent. Boxed: the largest record by far, it would
    /// otherwise make every entry as large as itself.
    MessageSent(Box<Message>),
    /// The case ended.
    CaseEnded {
        /// The end step reached.
        step: Name,
        /// Its outcome.
        outcome: Name,
    },
    /// A case-wide event arrived with these values; it interrupts the case
    /// wherever it stands (the entries after it stop the tokens, withdraw
    /// the tasks and move or end the case).
    CaseEventReceived {
        /// The event's name.
        event: Name,
        /// The values it carried.
        values: Values,
    },
    /// A case-wide event ended the case.
    CaseEndedByEvent {
        /// The event's name.
        event: Name,
        /// The outcome it ends with.
        outcome: Name,
    },
    /// The case moved to another version of its routine (a migration);
    /// entries after this one follow that version.
    RoutineChanged {
        /// The version it ran on until now.
        from_version: String,
        /// The version it runs on from now on.
        version: String,
    },
    /// The routine set fields itself (`set:` on a step, a route or a
    /// deadline). A `null` value clears its field.
    FieldsSet {
        /// The step whose `set:` (or whose route's or deadline's) it was.
        step: Option<Name>,
        /// The deadline whose `set:` it was.
        deadline: Option<Name>,
        /// The values set.
        values: Values,
    },
}

/// An open (or just opened) task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Its number.
    pub id: TaskId,
    /// The step it belongs to (for an escalation task: the deadline's step;
    /// `None` for a case deadline's task).
    pub step: Option<Name>,
    /// The token it belongs to; `None` for tasks of case deadlines, which
    /// stay open until completed or until the case ends.
    pub token: Option<TokenId>,
    /// The role that must complete it.
    pub role: Name,
    /// Its title.
    pub title: Name,
    /// For an escalation task: the deadline that opened it.
    pub deadline: Option<Name>,
    /// When it was opened.
    #[serde(serialize_with = "super::json_time::datetime")]
    pub opened: NaiveDateTime,
}

/// One arming of a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArmedDeadline {
    /// Which arming.
    pub armed: ArmedId,
    /// The deadline's id.
    pub deadline: Name,
    /// Its step (`None`: a case deadline).
    pub step: Option<Name>,
    /// The token on that step (`None` for a case deadline).
    pub token: Option<TokenId>,
    /// When it expires.
    #[serde(serialize_with = "super::json_time::datetime")]
    pub due: NaiveDateTime,
    /// 0 for the first expiry, 1 for the first repeat, …
    pub occurrence: u32,
    /// What the deadline counts from: when its step (or the case) started,
    /// or the date field's date at 00:00. Every repeat is counted from it
    /// (the n-th repeat is `after` plus n × `every` from here), so monthly
    /// repeats keep their day of the month. `None` in journals written
    /// before it was recorded; their repeats count from the previous due time.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::json_time::opt_datetime"
    )]
    pub counted_from: Option<NaiveDateTime>,
}

/// A rendered message, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The step that sent it (`None`: a case deadline or a schedule).
    pub step: Option<String>,
    /// The deadline that sent it, if any.
    pub deadline: Option<String>,
    /// The template's name.
    pub template: String,
    /// The rendered subject.
    pub subject: Option<String>,
    /// The rendered text.
    pub body: String,
    /// Main recipients.
    pub to: Vec<Addressee>,
    /// Copies.
    pub cc: Vec<Addressee>,
    /// The case fields the subject and body read, and those a person
    /// recipient's name and address come from.
    pub fields_used: Vec<String>,
    /// Who it is sent on behalf of (`from:`); absent when the routine names no one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Addressee>,
}

impl Message {
    /// All recipients, main ones first.
    pub fn recipients(&self) -> impl Iterator<Item = &Addressee> {
        self.to.iter().chain(self.cc.iter())
    }
}

/// A resolved recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    /// A role, a group or a person.
    pub kind: AddresseeKind,
    /// Its id (a person: the field their address comes from).
    pub id: String,
    /// Its display name (a person: the value of their name field).
    pub name: String,
    /// A group's address, if it has one (a person: the value of their address field).
    pub address: Option<String>,
    /// The role whose visibility applies (a role itself, a group's
    /// `sees_as`; `None`: only public fields).
    pub sees_as: Option<String>,
}

/// Whether an [`Addressee`] is a role, a group or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddresseeKind {
    /// Everyone holding a role.
    Role,
    /// A recipient group.
    Group,
    /// One person named and addressed by case fields.
    Person,
}
