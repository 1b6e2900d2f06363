//! What went wrong in a case without refusing a command: a deadline that
//! could not be carried out, a deadline message that could not be sent, a
//! wait that could not go on. The clock cannot be refused, so these are
//! journaled instead; [`failures_in`] lists them so that no caller (a case
//! view, a list of cases, a scenario run) can overlook one.
//!
//! The journal keeps what failed as data (the deadline, step or template)
//! and why as the English text it had when it was journaled; a failure is
//! worded in a language when it is shown ([`CaseFailure::what_in`],
//! [`CaseFailure::lost_in`], [`CaseFailure::error_in`]).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::journal::{JournalEntry, Record};
use crate::i18n::{text, Lang};

/// What failed: the kind of failure and what it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FailureKind {
    /// A deadline fired but could not be carried out: nothing it had to do was done.
    Deadline {
        /// The deadline's id.
        deadline: String,
        /// Its step (`None`: a case deadline).
        step: Option<String>,
    },
    /// A deadline fired but its message could not be sent (the rest was carried out).
    DeadlineMessage {
        /// The deadline's id.
        deadline: String,
        /// Its step (`None`: a case deadline).
        step: Option<String>,
        /// The message's template.
        template: String,
    },
    /// A wait step's date came but the case could not go on from it.
    Wait {
        /// The wait step.
        step: String,
    },
}

/// One journaled failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFailure {
    /// When it happened.
    pub at: NaiveDateTime,
    /// What failed, in English (`deadline `reminder` of step `call``); see [`CaseFailure::what_in`].
    pub what: String,
    /// What was lost, in English (`nothing it had to do was done`, …); see [`CaseFailure::lost_in`].
    pub lost: String,
    /// Why, as journaled (withheld in a role's view when it may quote hidden
    /// values); see [`CaseFailure::error_in`].
    pub error: String,
    /// What failed, as data.
    #[serde(flatten)]
    pub kind: FailureKind,
}

impl FailureKind {
    /// What failed, in `lang`.
    pub fn what_in(&self, lang: Lang) -> String {
        match self {
            FailureKind::Deadline { deadline, step }
            | FailureKind::DeadlineMessage { deadline, step, .. } => match step {
                Some(step) => text(
                    lang,
                    "failure-deadline-of-step",
                    &[("deadline", deadline.into()), ("step", step.into())],
                ),
                None => text(
                    lang,
                    "failure-case-deadline",
                    &[("deadline", deadline.into())],
                ),
            },
            FailureKind::Wait { step } => text(lang, "failure-wait-step", &[("step", step.into())]),
        }
    }

    /// What was lost, in `lang`.
    pub fn lost_in(&self, lang: Lang) -> String {
        match self {
            FailureKind::Deadline { .. } => text(lang, "failure-lost-everything", &[]),
            FailureKind::DeadlineMessage { template, .. } => text(
                lang,
                "failure-lost-message",
                &[("template", template.into())],
            ),
            FailureKind::Wait { .. } => text(lang, "failure-lost-wait", &[]),
        }
    }
}

impl CaseFailure {
    /// What failed, in `lang` (in English, [`CaseFailure::what`]).
    pub fn what_in(&self, lang: Lang) -> String {
        self.kind.what_in(lang)
    }

    /// What was lost, in `lang` (in English, [`CaseFailure::lost`]).
    pub fn lost_in(&self, lang: Lang) -> String {
        self.kind.lost_in(lang)
    }

    /// Why, in `lang` (see [`super::journaled_error_in`]).
    pub fn error_in(&self, lang: Lang) -> String {
        super::journaled_error_in(&self.error, lang)
    }
}

/// What an entry records as failed, if it records a failure, with its error.
fn kind_of(record: &Record) -> Option<(FailureKind, &String)> {
    match record {
        Record::DeadlineFailed {
            deadline,
            step,
            error,
            ..
        } => Some((
            FailureKind::Deadline {
                deadline: deadline.clone(),
                step: step.clone(),
            },
            error,
        )),
        Record::DeadlineMessageFailed {
            deadline,
            step,
            template,
            error,
            ..
        } => Some((
            FailureKind::DeadlineMessage {
                deadline: deadline.clone(),
                step: step.clone(),
                template: template.clone(),
            },
            error,
        )),
        Record::WaitFailed { step, error, .. } => {
            Some((FailureKind::Wait { step: step.clone() }, error))
        }
        _ => None,
    }
}

/// The failure an entry records, if it records one.
pub fn failure_of(entry: &JournalEntry) -> Option<CaseFailure> {
    let (kind, error) = kind_of(&entry.record)?;
    Some(CaseFailure {
        at: entry.at,
        what: kind.what_in(Lang::En),
        lost: kind.lost_in(Lang::En),
        error: error.clone(),
        kind,
    })
}

/// Every failure the entries record, in journal order.
pub fn failures_in(entries: &[JournalEntry]) -> Vec<CaseFailure> {
    entries.iter().filter_map(failure_of).collect()
}
