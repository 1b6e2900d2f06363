use serde::Serialize;

use super::{Assignment, MessageSpec};
use crate::calendar::Duration;

/// A minijinja expression over case fields (`area_group == 'intake'`), kept as
/// source text; it was compiled once by the analyzer, so it is known to parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Expr(pub String);

impl Expr {
    /// The expression's source text.
    pub fn source(&self) -> &str {
        &self.0
    }
}

/// One step of a routine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Identifier, unique in the routine.
    pub id: String,
    /// Short title shown to people.
    pub title: String,
    /// What the person should do, in their words.
    pub instructions: Option<String>,
    /// Clause ids of the source document this step encodes.
    pub source: Vec<String>,
    /// What kind of step it is, with its kind-specific data.
    pub kind: StepKind,
    /// Where the case goes when the step is done (empty for `end`, `parallel`).
    pub routes: Vec<Route>,
    /// Deadlines armed when the step starts and cancelled when it ends.
    pub deadlines: Vec<Deadline>,
    /// Fields set when the step is done, before its route is chosen (an
    /// end step: before the case ends).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<Assignment>,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
}

/// Where a case goes next. Routes are tried in order; the first whose
/// condition holds wins; a route without condition is the default.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    /// The condition, or `None` for the default (`otherwise`) route.
    pub when: Option<Expr>,
    /// The step to go to.
    pub to: String,
    /// Fields set when the route is taken (after the step's own `set`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<Assignment>,
    /// The condition in words (`Beställningen är korrekt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
}

/// Kind-specific data of a [`Step`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum StepKind {
    /// A person in `role` does something and records fields.
    Task {
        /// The role that performs the task.
        role: String,
        /// Fields the task records, required when completing it.
        collects: Vec<String>,
        /// Fields the task may record but need not.
        optional: Vec<String>,
        /// Documents handed over (to the client, to a team).
        documents: Vec<String>,
    },
    /// Routes automatically by conditions.
    Decision,
    /// Sends a message, then moves on.
    Message(MessageSpec),
    /// Waits for something from outside (the assessor's correction, an answer).
    Event {
        /// The event's name, given when it is delivered.
        event: String,
        /// Who is expected to send it (informational, and for the timeline).
        from: Option<String>,
        /// Fields the event carries, required.
        collects: Vec<String>,
        /// Fields the event may carry.
        optional: Vec<String>,
    },
    /// Waits until a date computed from case data.
    Wait {
        /// Expression that yields a date (`YYYY-MM-DD`).
        until: Expr,
    },
    /// Splits into branches that run independently.
    Parallel {
        /// The first step of each branch.
        branches: Vec<String>,
        /// The join step where the branches meet.
        join: String,
    },
    /// Waits until every branch of its parallel step has arrived.
    Join,
    /// Ends the case.
    End {
        /// How the case ended (`executed`, `ended`, `cancelled`, ...).
        outcome: String,
    },
}

impl StepKind {
    /// The kind's name as written in YAML.
    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Task { .. } => "task",
            StepKind::Decision => "decision",
            StepKind::Message(_) => "message",
            StepKind::Event { .. } => "event",
            StepKind::Wait { .. } => "wait",
            StepKind::Parallel { .. } => "parallel",
            StepKind::Join => "join",
            StepKind::End { .. } => "end",
        }
    }
    /// Whether the step completes by itself, without a person, an event or time.
    pub fn is_automatic(&self) -> bool {
        matches!(
            self,
            StepKind::Decision
                | StepKind::Message(_)
                | StepKind::Parallel { .. }
                | StepKind::End { .. }
        )
    }
}

/// A deadline: after a duration from a start point, something happens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadline {
    /// Identifier, unique within its step (or among the case deadlines).
    pub id: String,
    /// How long after the start point it expires.
    pub after: Duration,
    /// What the duration is counted from.
    pub from: DeadlineStart,
    /// Only fires when this holds at expiry (E1: the alarm is still not installed).
    pub when: Option<Expr>,
    /// The condition `when` in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Repeats after the first expiry (reminders).
    pub repeat: Option<Repeat>,
    /// Message sent at each expiry.
    pub message: Option<MessageSpec>,
    /// Task opened at expiry (escalation to another role).
    pub task: Option<EscalationTask>,
    /// Interrupting: the step (or, for a case deadline, the whole case) moves here.
    pub goto: Option<String>,
    /// Clause ids this deadline encodes.
    pub source: Vec<String>,
    /// Fields set each time it fires, before its message is sent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<Assignment>,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
    /// The time of day it falls due on its due day, and every repeat too
    /// (`at: "08:00"`, see [`crate::calendar::due_at`]); `None`: the time of
    /// day it counts from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<chrono::NaiveTime>,
}

/// What a [`Deadline`]'s duration is counted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStart {
    /// When the step started (for a case deadline: when the case started).
    StepStart,
    /// A date field of the case (the decision date).
    Field(String),
}

/// How a deadline repeats after it first fires.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeat {
    /// Interval between repeats.
    pub every: Duration,
    /// How many repeats at most (`None`: until the step ends).
    pub times: Option<u32>,
}

/// A task a deadline opens for a role (escalation). Completing it records
/// its fields but does not move the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EscalationTask {
    /// The role that gets the task.
    pub role: String,
    /// Its title.
    pub title: String,
    /// What to do.
    pub instructions: Option<String>,
    /// Fields it records (optional to give).
    pub collects: Vec<String>,
}
