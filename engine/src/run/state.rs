//! The state of a case as a fold over its journal.
//!
//! [`State::apply`] is the only code that changes a case's state, and it
//! reads nothing but the journal entry: live commands append an entry and
//! apply it, replay applies the stored entries one by one. That is what makes
//! "replaying the journal gives the same state" true by construction rather
//! than by testing alone.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::error::RunError;
use super::id_map::IdMap;
use super::journal::{ArmedDeadline, CaseId, JournalEntry, Name, Record, Task, TokenId};
use super::values::Fields;

/// Whether a case runs or has ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// The case runs.
    Open,
    /// The case reached an end step.
    Ended {
        /// The end step's outcome.
        outcome: Name,
        /// When.
        at: NaiveDateTime,
    },
}

/// Where one token stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Token {
    pub(crate) step: Name,
    /// When it entered the step.
    pub(crate) since: NaiveDateTime,
    /// The sequence number of the entry that put it there (orders tokens
    /// that entered at the same time).
    pub(crate) entered: u64,
    /// For a wait step: when it may go on.
    pub(crate) wake: Option<NaiveDateTime>,
}

/// The folded state of a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct State {
    pub(crate) id: CaseId,
    pub(crate) routine: String,
    pub(crate) version: String,
    pub(crate) started: NaiveDateTime,
    /// The time of the latest entry.
    pub(crate) latest: NaiveDateTime,
    /// The current values, each shared with the entry that set it.
    pub(crate) fields: Fields,
    pub(crate) tokens: IdMap<TokenId, Token>,
    pub(crate) tasks: IdMap<u32, Task>,
    pub(crate) deadlines: IdMap<u32, ArmedDeadline>,
    /// For each join a parallel step split towards: (arrivals so far,
    /// arrivals needed). It waits while `arrived < needed`; once every
    /// branch has arrived the entry stays, so that a stray later arrival is
    /// recognised (and refused) instead of running the steps after the join
    /// a second time. Splitting again towards the join starts a new count.
    pub(crate) joins: BTreeMap<Name, (u32, u32)>,
    /// Steps reached so far, each once, in the order first reached.
    pub(crate) reached: Vec<Name>,
    pub(crate) status: Status,
    pub(crate) next_token: u32,
    pub(crate) next_task: u32,
    pub(crate) next_armed: u32,
}

fn inconsistent(entry: &JournalEntry, message: impl Into<String>) -> RunError {
    RunError::Journal {
        seq: entry.seq,
        message: message.into(),
    }
}

impl State {
    /// The state after the first entry, which must start the case.
    pub(crate) fn begin(entry: &JournalEntry) -> Result<State, RunError> {
        let Record::CaseStarted {
            case,
            routine,
            version,
            data,
        } = &entry.record
        else {
            return Err(inconsistent(
                entry,
                "a journal must begin with case_started",
            ));
        };
        if entry.seq != 1 {
            return Err(inconsistent(
                entry,
                "the first entry must have sequence number 1",
            ));
        }
        Ok(State {
            id: case.clone(),
            routine: routine.clone(),
            version: version.clone(),
            started: entry.at,
            latest: entry.at,
            fields: Fields::from(data),
            tokens: IdMap::default(),
            tasks: IdMap::default(),
            deadlines: IdMap::default(),
            joins: BTreeMap::new(),
            reached: Vec::new(),
            status: Status::Open,
            next_token: 0,
            next_task: 1,
            next_armed: 1,
        })
    }

    /// The state a journal folds to.
    pub(crate) fn fold(journal: &[JournalEntry]) -> Result<State, RunError> {
        let Some(first) = journal.first() else {
            return Err(RunError::Journal {
                seq: 0,
                message: "the journal is empty".into(),
            });
        };
        let mut state = State::begin(first)?;
        for (entry, seq) in journal.iter().skip(1).zip(2u64..) {
            state.apply(entry, seq)?;
        }
        Ok(state)
    }

    /// Folds one more entry (after the first) into the state.
    pub(crate) fn apply(
        &mut self,
        entry: &JournalEntry,
        expected_seq: u64,
    ) -> Result<(), RunError> {
        if entry.seq != expected_seq {
            return Err(inconsistent(
                entry,
                format!("expected sequence number {expected_seq}"),
            ));
        }
        if entry.at < self.latest {
            return Err(inconsistent(
                entry,
                "its time lies before the previous entry's",
            ));
        }
        if let Status::Ended { .. } = self.status {
            return Err(inconsistent(entry, "the case had already ended"));
        }
        self.latest = entry.at;
        match &entry.record {
            Record::CaseStarted { .. } => {
                return Err(inconsistent(entry, "the case was already started"));
            }
            Record::StepEntered { token, step } => {
                self.next_token = self.next_token.max(token.0.saturating_add(1));
                self.tokens.insert(
                    *token,
                    Token {
                        step: step.clone(),
                        since: entry.at,
                        entered: entry.seq,
                        wake: None,
                    },
                );
                if !self.reached.iter().any(|r| r == step) {
                    self.reached.push(step.clone());
                }
            }
            Record::WaitStarted { token, until, .. } => {
                let t = self
                    .tokens
                    .get_mut(token)
                    .ok_or_else(|| inconsistent(entry, "no such token"))?;
                t.wake = Some(until.and_time(chrono::NaiveTime::MIN));
            }
            Record::BranchesStarted { join, branches, .. } => {
                self.joins.insert(join.clone(), (0, *branches));
            }
            Record::JoinArrived {
                token,
                join,
                arrived,
                expected,
            } => {
                self.joins.insert(join.clone(), (*arrived, *expected));
                if arrived < expected {
                    // Only the last arrival goes on from the join.
                    self.tokens.remove(token);
                }
            }
            Record::JoinsReset => self.joins.clear(),
            Record::WaitFailed { token, .. } => {
                let t = self
                    .tokens
                    .get_mut(token)
                    .ok_or_else(|| inconsistent(entry, "no such token"))?;
                t.wake = None;
            }
            Record::TokenEnded { token, .. } => {
                self.tokens
                    .remove(token)
                    .ok_or_else(|| inconsistent(entry, "no such token"))?;
            }
            Record::TaskOpened(task) => {
                self.next_task = self.next_task.max(task.id.0.saturating_add(1));
                self.tasks.insert(task.id.0, task.clone());
            }
            Record::TaskCompleted { task, values, .. } => {
                self.tasks
                    .remove(&task.0)
                    .ok_or_else(|| inconsistent(entry, "no such open task"))?;
                self.fields.set(values, false);
            }
            Record::TaskWithdrawn { task, .. } => {
                self.tasks
                    .remove(&task.0)
                    .ok_or_else(|| inconsistent(entry, "no such open task"))?;
            }
            Record::EventReceived { values, .. } => self.fields.set(values, false),
            Record::FieldsSet { values, .. } => self.fields.set(values, true),
            Record::DeadlineArmed(armed) => {
                self.next_armed = self.next_armed.max(armed.armed.0.saturating_add(1));
                self.deadlines.insert(armed.armed.0, armed.clone());
            }
            Record::DeadlineFired { armed, .. }
            | Record::DeadlineFailed { armed, .. }
            | Record::DeadlineSkipped { armed, .. }
            | Record::DeadlineCancelled { armed, .. } => {
                self.deadlines
                    .remove(&armed.0)
                    .ok_or_else(|| inconsistent(entry, "no such armed deadline"))?;
            }
            Record::DeadlineNotArmed { .. }
            | Record::DeadlineMessageFailed { .. }
            | Record::MessageSent(_) => {}
            Record::CaseEventReceived { values, .. } => self.fields.set(values, false),
            Record::RoutineChanged {
                from_version,
                version,
            } => {
                if *from_version != self.version {
                    return Err(inconsistent(
                        entry,
                        format!(
                            "it moves the case from version {from_version}, but the case runs on version {}",
                            self.version
                        ),
                    ));
                }
                self.version = version.clone();
            }
            Record::CaseEnded { outcome, .. } | Record::CaseEndedByEvent { outcome, .. } => {
                self.tokens.clear();
                self.tasks.clear();
                self.deadlines.clear();
                self.joins.clear();
                self.status = Status::Ended {
                    outcome: outcome.clone(),
                    at: entry.at,
                };
            }
        }
        Ok(())
    }
}
