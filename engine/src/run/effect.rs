//! What a command did.
//!
//! A command's effects are exactly the journal entries it appended; the
//! accessors here pick out what a caller usually acts on (messages to send,
//! tasks to show or hide). Keeping the entries themselves as the single
//! source means effects and journal cannot disagree.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::failure::{failures_in, CaseFailure};
use super::journal::{ArmedDeadline, JournalEntry, Message, Record, Task, TaskId};

/// The effects of one command: the journal entries it appended.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Effects {
    /// The entries, in order.
    pub entries: Vec<JournalEntry>,
}

/// A deadline that fired, was skipped or was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineEvent<'a> {
    /// When.
    pub at: NaiveDateTime,
    /// The deadline's id.
    pub deadline: &'a str,
    /// Its step (`None`: a case deadline).
    pub step: Option<&'a str>,
}

/// A deadline that fell due but could not be carried out
/// ([`Record::DeadlineFailed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineFailure<'a> {
    /// When.
    pub at: NaiveDateTime,
    /// The deadline's id.
    pub deadline: &'a str,
    /// Its step (`None`: a case deadline).
    pub step: Option<&'a str>,
    /// Why it failed.
    pub error: &'a str,
}

/// A wait whose date came but whose token could not go on
/// ([`Record::WaitFailed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitFailure<'a> {
    /// When.
    pub at: NaiveDateTime,
    /// The wait step.
    pub step: &'a str,
    /// Why it failed.
    pub error: &'a str,
}

impl Effects {
    /// Whether the command changed nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn records(&self) -> impl Iterator<Item = (&JournalEntry, &Record)> {
        self.entries.iter().map(|e| (e, &e.record))
    }

    /// Messages sent, with their rendered text and resolved recipients.
    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.records().filter_map(|(_, r)| match r {
            Record::MessageSent(m) => Some(&**m),
            _ => None,
        })
    }

    /// Tasks opened.
    pub fn tasks_opened(&self) -> impl Iterator<Item = &Task> {
        self.records().filter_map(|(_, r)| match r {
            Record::TaskOpened(t) => Some(t),
            _ => None,
        })
    }

    /// Tasks closed: completed or withdrawn.
    pub fn tasks_closed(&self) -> impl Iterator<Item = TaskId> + '_ {
        self.records().filter_map(|(_, r)| match r {
            Record::TaskCompleted { task, .. } | Record::TaskWithdrawn { task, .. } => Some(*task),
            _ => None,
        })
    }

    /// Steps entered, in order.
    pub fn steps_entered(&self) -> impl Iterator<Item = &str> {
        self.records().filter_map(|(_, r)| match r {
            Record::StepEntered { step, .. } => Some(step.as_str()),
            _ => None,
        })
    }

    /// Deadlines armed (including repeats).
    pub fn deadlines_armed(&self) -> impl Iterator<Item = &ArmedDeadline> {
        self.records().filter_map(|(_, r)| match r {
            Record::DeadlineArmed(d) => Some(d),
            _ => None,
        })
    }

    fn deadline_events(
        &self,
        pick: fn(&Record) -> bool,
    ) -> impl Iterator<Item = DeadlineEvent<'_>> {
        self.records()
            .filter(move |(_, r)| pick(r))
            .filter_map(|(e, r)| match r {
                Record::DeadlineFired { deadline, step, .. }
                | Record::DeadlineSkipped { deadline, step, .. }
                | Record::DeadlineCancelled { deadline, step, .. } => Some(DeadlineEvent {
                    at: e.at,
                    deadline,
                    step: step.as_deref(),
                }),
                _ => None,
            })
    }

    /// Deadlines that expired and acted, in time order.
    pub fn deadlines_fired(&self) -> impl Iterator<Item = DeadlineEvent<'_>> {
        self.deadline_events(|r| matches!(r, Record::DeadlineFired { .. }))
    }

    /// Deadlines that expired but could not be carried out, in time order.
    pub fn deadlines_failed(&self) -> impl Iterator<Item = DeadlineFailure<'_>> {
        self.records().filter_map(|(e, r)| match r {
            Record::DeadlineFailed {
                deadline,
                step,
                error,
                ..
            } => Some(DeadlineFailure {
                at: e.at,
                deadline,
                step: step.as_deref(),
                error,
            }),
            _ => None,
        })
    }

    /// Waits whose date came but whose token could not go on.
    pub fn waits_failed(&self) -> impl Iterator<Item = WaitFailure<'_>> {
        self.records().filter_map(|(e, r)| match r {
            Record::WaitFailed { step, error, .. } => Some(WaitFailure {
                at: e.at,
                step,
                error,
            }),
            _ => None,
        })
    }

    /// Deadlines and waits that could not be carried out, whole or in part
    /// (see [`CaseFailure`]).
    pub fn failures(&self) -> Vec<CaseFailure> {
        failures_in(&self.entries)
    }

    /// Deadlines that expired while their condition did not hold.
    pub fn deadlines_skipped(&self) -> impl Iterator<Item = DeadlineEvent<'_>> {
        self.deadline_events(|r| matches!(r, Record::DeadlineSkipped { .. }))
    }

    /// Deadlines cancelled because their step or the case ended.
    pub fn deadlines_cancelled(&self) -> impl Iterator<Item = DeadlineEvent<'_>> {
        self.deadline_events(|r| matches!(r, Record::DeadlineCancelled { .. }))
    }

    /// The outcome, if the case ended.
    pub fn outcome(&self) -> Option<&str> {
        self.records().find_map(|(_, r)| match r {
            Record::CaseEnded { outcome, .. } | Record::CaseEndedByEvent { outcome, .. } => {
                Some(outcome.as_str())
            }
            _ => None,
        })
    }
}
