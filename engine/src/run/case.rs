//! A case: one client's run through one version of a routine.
//!
//! A [`Case`] is its journal plus the state folded from it. It serializes as
//! the journal alone (that is all a store needs to keep) and deserializes by
//! replaying it. The commands that change a case live in
//! [`super::command`]; this file holds what can be read.

use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::RunError;
use super::failure::{failures_in, CaseFailure};
use super::journal::{ArmedDeadline, CaseId, JournalEntry, Name, Task};
use super::render::MessageTexts;
use super::state::{State, Status};
use super::values::Fields;
use crate::model::Routine;

/// One client's run through one version of a routine.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub(crate) state: State,
    pub(crate) journal: Vec<JournalEntry>,
    /// Whether messages get their texts ([`MessageTexts`]); not stored.
    pub(crate) texts: MessageTexts,
}

impl Case {
    /// Rebuilds a case from its journal, checking that it belongs to `routine`
    /// (same id and version).
    pub fn replay(routine: &Routine, journal: &[JournalEntry]) -> Result<Case, RunError> {
        let case = Case::from_journal(journal.to_vec())?;
        case.check_routine(routine)?;
        Ok(case)
    }

    /// Rebuilds a case from its journal alone.
    pub fn from_journal(journal: Vec<JournalEntry>) -> Result<Case, RunError> {
        let state = State::fold(&journal)?;
        Ok(Case {
            state,
            journal,
            texts: MessageTexts::Rendered,
        })
    }

    /// Puts the case back to its first `len` entries: the journal is cut
    /// and the state folded again from what is left. The state is a fold
    /// over the journal, so this is exactly the state it had then, and no
    /// command has to copy the state beforehand in case it is refused.
    pub(crate) fn rewind_to(&mut self, len: usize) -> Result<(), RunError> {
        self.journal.truncate(len);
        self.state = State::fold(&self.journal)?;
        Ok(())
    }

    /// Refuses a routine that is not the one the case runs on.
    pub(crate) fn check_routine(&self, routine: &Routine) -> Result<(), RunError> {
        if routine.meta.id == self.state.routine && routine.meta.version == self.state.version {
            Ok(())
        } else {
            Err(RunError::WrongRoutine {
                case_routine: self.state.routine.clone(),
                case_version: self.state.version.clone(),
                routine: routine.meta.id.clone(),
                version: routine.meta.version.clone(),
            })
        }
    }

    /// The case's id.
    pub fn id(&self) -> &CaseId {
        &self.state.id
    }

    /// The id of the routine the case runs on.
    pub fn routine_id(&self) -> &str {
        &self.state.routine
    }

    /// The version of the routine the case runs on.
    pub fn routine_version(&self) -> &str {
        &self.state.version
    }

    /// When the case started.
    pub fn started(&self) -> NaiveDateTime {
        self.state.started
    }

    /// The time of the latest journal entry; commands may not be earlier.
    pub fn latest(&self) -> NaiveDateTime {
        self.state.latest
    }

    /// Open or ended.
    pub fn status(&self) -> &Status {
        &self.state.status
    }

    /// The outcome, once the case has ended.
    pub fn outcome(&self) -> Option<&str> {
        match &self.state.status {
            Status::Ended { outcome, .. } => Some(outcome),
            Status::Open => None,
        }
    }

    /// Whether the case has ended.
    pub fn is_ended(&self) -> bool {
        self.outcome().is_some()
    }

    /// Every field value set so far, whoever may see it. Show people
    /// [`Case::view_for`] instead.
    pub fn fields(&self) -> &Fields {
        &self.state.fields
    }

    /// The steps where tokens stand now (several while branches run).
    pub fn active_steps(&self) -> Vec<&str> {
        self.state
            .tokens
            .values()
            .map(|t| t.step.as_str())
            .collect()
    }

    /// The steps reached so far, each once, in the order first reached.
    pub fn reached(&self) -> &[Name] {
        &self.state.reached
    }

    /// Open tasks, in the order they were opened.
    pub fn open_tasks(&self) -> Vec<&Task> {
        self.state.tasks.values().collect()
    }

    /// Open tasks for one role.
    pub fn open_tasks_for(&self, role: &str) -> Vec<&Task> {
        self.state
            .tasks
            .values()
            .filter(|t| t.role == role)
            .collect()
    }

    /// Armed deadlines, earliest first.
    pub fn pending_deadlines(&self) -> Vec<&ArmedDeadline> {
        let mut all: Vec<&ArmedDeadline> = self.state.deadlines.values().collect();
        all.sort_by_key(|d| (d.due, d.armed));
        all
    }

    /// The next time something is due (a deadline or a waited-for date).
    /// Every command fires what is due up to its time, so this lies after
    /// [`Case::latest`]; in a journal written by an older engine something
    /// may be overdue, and then it is due at [`Case::latest`] (a time a
    /// command may be given).
    pub fn next_due(&self) -> Option<NaiveDateTime> {
        let deadlines = self.state.deadlines.values().map(|d| d.due);
        let waits = self.state.tokens.values().filter_map(|t| t.wake);
        deadlines
            .chain(waits)
            .min()
            .map(|due| due.max(self.state.latest))
    }

    /// Deadlines and waits that failed (see [`CaseFailure`]), in journal order.
    pub fn failures(&self) -> Vec<CaseFailure> {
        failures_in(&self.journal)
    }

    /// Whether this case's messages get their texts (see [`MessageTexts`]).
    pub fn message_texts(&self) -> MessageTexts {
        self.texts
    }

    /// Sets whether the messages of the commands that follow get their
    /// texts (see [`MessageTexts`]; [`Case::start_with`] sets it from the start).
    pub fn set_message_texts(&mut self, texts: MessageTexts) {
        self.texts = texts;
    }

    /// The journal: everything that happened, in order.
    pub fn journal(&self) -> &[JournalEntry] {
        &self.journal
    }
}

impl Serialize for Case {
    /// A case serializes as its journal.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.journal.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Case {
    /// A case deserializes by replaying its journal.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let journal = Vec::<JournalEntry>::deserialize(deserializer)?;
        Case::from_journal(journal).map_err(serde::de::Error::custom)
    }
}
