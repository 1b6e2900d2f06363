//! What went wrong in a case without refusing a command: a deadline that
//! could not be carried out, a deadline message that could not be sent, a
//! wait that could not go on. The clock cannot be refused, so these are
//! journaled instead; [`failures_in`] lists them so that no caller (a case
//! view, a list of cases, a scenario run) can overlook one.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::journal::{JournalEntry, Record};

/// One journaled failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFailure {
    /// When it happened.
    pub at: NaiveDateTime,
    /// What failed, in words (`deadline `reminder` of step `call``).
    pub what: String,
    /// What was lost (`nothing it would have done happened`, `its message`, …).
    pub lost: String,
    /// Why (withheld in a role's view when it may quote hidden values).
    pub error: String,
}

fn deadline_name(deadline: &str, step: Option<&str>) -> String {
    match step {
        Some(step) => format!("deadline `{deadline}` of step `{step}`"),
        None => format!("case deadline `{deadline}`"),
    }
}

/// The failure an entry records, if it records one.
pub fn failure_of(entry: &JournalEntry) -> Option<CaseFailure> {
    let (what, lost, error) = match &entry.record {
        Record::DeadlineFailed {
            deadline,
            step,
            error,
            ..
        } => (
            deadline_name(deadline, step.as_deref()),
            "nothing it had to do was done".to_string(),
            error,
        ),
        Record::DeadlineMessageFailed {
            deadline,
            step,
            template,
            error,
            ..
        } => (
            deadline_name(deadline, step.as_deref()),
            format!("its message `{template}` was not sent (the rest was carried out)"),
            error,
        ),
        Record::WaitFailed { step, error, .. } => (
            format!("wait step `{step}`"),
            "the case does not go on from it".to_string(),
            error,
        ),
        _ => return None,
    };
    Some(CaseFailure {
        at: entry.at,
        what,
        lost,
        error: error.clone(),
    })
}

/// Every failure the entries record, in journal order.
pub fn failures_in(entries: &[JournalEntry]) -> Vec<CaseFailure> {
    entries.iter().filter_map(failure_of).collect()
}
