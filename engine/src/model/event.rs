use serde::Serialize;

use super::Assignment;

/// An event that may come whatever step the case stands at (the decision is
/// withdrawn, the client moves): it interrupts the case from wherever it is.
/// Every token stops (its step's deadlines cancelled), every open task is
/// withdrawn, and the case goes to a step or ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseEvent {
    /// The event's name, given when it is delivered.
    pub id: String,
    /// Short title shown to people.
    pub title: String,
    /// Who is expected to send it (informational, and for the visibility of what it records).
    pub from: Option<String>,
    /// Fields the event carries, required.
    pub collects: Vec<String>,
    /// Fields the event may carry.
    pub optional: Vec<String>,
    /// Fields set when it arrives, after its values are recorded.
    pub set: Vec<Assignment>,
    /// What the case does then.
    pub then: Interrupt,
    /// Clause ids of the source document this event encodes.
    pub source: Vec<String>,
}

/// Where a [`CaseEvent`] takes the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Interrupt {
    /// The case goes on at this step (case deadlines stay armed).
    Goto(String),
    /// The case ends with this outcome (every deadline cancelled).
    End(String),
}
