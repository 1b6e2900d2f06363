//! What a role may see of a case.
//!
//! Fields may be `visible_to` some roles only (the key number of a client's
//! door). A view of a case for a role leaves such fields out everywhere they
//! could appear: the current values, the values recorded in the journal
//! (start data, task values, event values), and messages whose text read a
//! field the role may not see. Everything else in the journal (who did what
//! and when) stays visible: it is the audit trail.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::journal::{CaseId, JournalEntry, Record, Task, Values};
use super::state::Status;
use crate::model::Routine;

/// Whether a reader who sees as `sees_as` may see `field` (an undeclared
/// field is seen by no one).
pub(crate) fn may_see(routine: &Routine, sees_as: Option<&str>, field: &str) -> bool {
    routine
        .field(field)
        .is_some_and(|f| f.visibility.allows(sees_as))
}

/// A case as one role may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    /// The case.
    pub id: CaseId,
    /// The routine's id.
    pub routine: String,
    /// The routine's version.
    pub version: String,
    /// The role this view is for.
    pub role: String,
    /// Open or ended.
    pub status: Status,
    /// When the case started.
    pub started: NaiveDateTime,
    /// Field values the role may see.
    pub fields: Values,
    /// The steps where tokens stand now.
    pub active_steps: Vec<String>,
    /// All open tasks (a task's existence is not secret, its values are).
    pub open_tasks: Vec<Task>,
    /// The journal without what the role may not see.
    pub journal: Vec<JournalEntry>,
}

impl Case {
    /// The case as `role` may see it. An unknown role sees public fields only.
    pub fn view_for(&self, routine: &Routine, role: &str) -> CaseView {
        CaseView {
            id: self.id().clone(),
            routine: self.routine_id().to_string(),
            version: self.routine_version().to_string(),
            role: role.to_string(),
            status: self.status().clone(),
            started: self.started(),
            fields: filter(routine, role, self.fields()),
            active_steps: self
                .active_steps()
                .into_iter()
                .map(str::to_string)
                .collect(),
            open_tasks: self.open_tasks().into_iter().cloned().collect(),
            journal: self
                .journal()
                .iter()
                .filter_map(|e| entry_for(routine, role, e))
                .collect(),
        }
    }
}

fn filter(routine: &Routine, role: &str, values: &Values) -> Values {
    values
        .iter()
        .filter(|(k, _)| may_see(routine, Some(role), k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A journal entry as `role` may see it; `None` when it may not see it at all.
fn entry_for(routine: &Routine, role: &str, entry: &JournalEntry) -> Option<JournalEntry> {
    let mut entry = entry.clone();
    match &mut entry.record {
        Record::CaseStarted { data: values, .. }
        | Record::TaskCompleted { values, .. }
        | Record::EventReceived { values, .. } => *values = filter(routine, role, values),
        Record::MessageSent(message)
            if !message
                .fields_used
                .iter()
                .all(|f| may_see(routine, Some(role), f)) =>
        {
            return None;
        }
        _ => {}
    }
    Some(entry)
}
