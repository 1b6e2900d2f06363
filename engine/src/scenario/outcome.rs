//! What running a scenario gave, as data: the case, the schedules' reports
//! and every expectation that did not hold. The CLI words them.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use super::format::ExpectTask;
use super::problem::Problem;
use crate::run::{Case, CaseFailure, Message, RunError};

/// The result of [`run`](super::run).
#[derive(Debug)]
pub struct Outcome {
    /// The case as it ended up (absent when it could not start).
    pub case: Option<Case>,
    /// Everything that did not hold, in order; empty when the scenario passed.
    pub failures: Vec<Failure>,
    /// Reports sent by the schedules the scenario ran.
    pub reports: Vec<Report>,
}

/// A schedule's report and when the schedule ran.
pub type Report = (NaiveDateTime, Message);

/// One thing that did not hold.
#[derive(Debug)]
pub enum Failure {
    /// The scenario names what its routine lacks, or a bad date (it did not run).
    Invalid(Problem),
    /// The case could not start.
    CouldNotStart {
        /// The refusal.
        error: RunError,
        /// The role the refusal is worded for (the viewer).
        role: Option<String>,
    },
    /// An action did not go as the scenario says.
    Action {
        /// The action, from 1.
        number: usize,
        /// The action in words ([`Action::describe`](super::Action::describe)).
        action: String,
        /// What went wrong.
        failed: ActionFailed,
    },
    /// An expectation written on an action did not hold right after it.
    After {
        /// The action, from 1.
        number: usize,
        /// The action in words.
        action: String,
        /// What did not hold.
        unmet: Unmet,
    },
    /// An expectation at the end did not hold.
    Unmet(Unmet),
    /// A deadline or wait the case journaled as failed.
    Journaled(CaseFailure),
}

/// How an action went wrong.
#[derive(Debug)]
pub enum ActionFailed {
    /// It should have been refused with `expected` and was not.
    Succeeded {
        /// The expected code.
        expected: String,
    },
    /// It was refused with another error.
    OtherError {
        /// The expected code.
        expected: String,
        /// The refusal.
        error: RunError,
        /// The role the refusal is worded for (the viewer, or the acting role).
        role: Option<String>,
    },
    /// It was refused, and no refusal was expected (the scenario stops here).
    Refused {
        /// The refusal.
        error: RunError,
        /// The role the refusal is worded for.
        role: Option<String>,
    },
    /// The action itself is wrong (the scenario stops here).
    Script(ScriptError),
}

/// An action the scenario cannot carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptError {
    /// More than one of `complete`, `deliver`, `wait`, `until`, `schedule`.
    TwoVerbs,
    /// `complete` without `role`.
    NoRole,
    /// A time that does not parse.
    BadTime(String),
    /// A duration that does not parse (the calendar's words).
    BadDuration(String),
    /// A wait that ends past the calendar.
    PastCalendar(String),
}

/// An expectation that did not hold: what was expected against what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet {
    /// Another outcome (`None`: still running).
    Outcome {
        /// Expected.
        expected: String,
        /// Actual (`running` when not ended).
        actual: String,
    },
    /// A step was not reached.
    NotReached {
        /// The step.
        step: String,
        /// The steps that were.
        reached: Vec<String>,
    },
    /// A step was reached that should not have been.
    Reached {
        /// The step.
        step: String,
    },
    /// Other tasks are open.
    OpenTasks {
        /// Expected.
        expected: Vec<ExpectTask>,
        /// Open (step or deadline, role).
        actual: Vec<(String, String)>,
    },
    /// A deadline did not fire.
    NotFired {
        /// The deadline.
        deadline: String,
        /// Those that fired.
        fired: Vec<String>,
    },
    /// A deadline fired that should not have.
    Fired {
        /// The deadline.
        deadline: String,
    },
    /// A message was sent that should not have been.
    MessageSent {
        /// Its template.
        template: String,
    },
    /// No message used the template.
    NoMessage {
        /// The template.
        template: String,
        /// The templates of the messages sent.
        sent: Vec<String>,
    },
    /// Not as many matching messages as expected.
    MessageCount {
        /// The template.
        template: String,
        /// Expected.
        expected: usize,
        /// Matching.
        matching: usize,
        /// The first way a message did not match.
        first: Option<Mismatch>,
    },
    /// Messages of the template were sent, none matching.
    MessageMismatch {
        /// The template.
        template: String,
        /// Each way a message did not match.
        problems: Vec<Mismatch>,
    },
}

/// One way a sent message differs from the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// Other recipients (`to`) or copies (`cc`).
    Recipients {
        /// `to` or `cc`.
        label: &'static str,
        /// Expected ids.
        expected: BTreeSet<String>,
        /// Actual ids.
        actual: BTreeSet<String>,
    },
    /// Another sender (`None`: nobody).
    From {
        /// Expected.
        expected: String,
        /// Actual.
        actual: Option<String>,
    },
    /// The text lacks a wanted piece.
    Lacks {
        /// The piece.
        wanted: String,
        /// The text (subject and body).
        text: String,
    },
    /// The text has an unwanted piece.
    Has {
        /// The piece.
        unwanted: String,
    },
}

impl Outcome {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}
