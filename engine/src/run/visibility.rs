//! What a role may see of a case.
//!
//! Fields may be `visible_to` some roles only (the key number of a client's
//! door). A view of a case for a role leaves such fields out everywhere they
//! could appear: the current values, the values recorded in the journal
//! (start data, task values, event values), messages whose text read a
//! field the role may not see, and dates computed from such a field — a
//! wait step's `until` that reads one (its `wait_started` entry is left
//! out) and a deadline counted `from:` one (its `deadline_armed` entries,
//! repeats included, are left out; when it fires, is skipped or cancelled
//! stays visible). The explanation of a deadline or wait that failed
//! (`deadline_failed`, `wait_failed`) can quote any value, so a role that
//! may not see every field gets [`WITHHELD`] in its place. Everything else
//! in the journal (who did what and when) stays visible: it is the audit
//! trail, and the time of an entry is when it happened.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::failure::{failures_in, CaseFailure};
use super::journal::{ArmedDeadline, CaseId, JournalEntry, Record, Task, Values};
use super::state::Status;
use super::values::Fields;
use crate::model::{DeadlineStart, Expr, Routine, StepKind};

/// What a view shows instead of an explanation the role may not read.
pub const WITHHELD: &str = "[withheld: the explanation may show fields this role may not see]";

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
    pub fields: Fields,
    /// The steps where tokens stand now.
    pub active_steps: Vec<String>,
    /// All open tasks (a task's existence is not secret, its values are).
    pub open_tasks: Vec<Task>,
    /// The journal without what the role may not see.
    pub journal: Vec<JournalEntry>,
    /// Deadlines and waits that failed, as the role may read them.
    #[serde(default)]
    pub failures: Vec<CaseFailure>,
}

impl Case {
    /// The case as `role` may see it. An unknown role sees public fields only.
    pub fn view_for(&self, routine: &Routine, role: &str) -> CaseView {
        let journal: Vec<JournalEntry> = self
            .journal()
            .iter()
            .filter_map(|e| entry_for(routine, role, e))
            .collect();
        CaseView {
            id: self.id().clone(),
            routine: self.routine_id().to_string(),
            version: self.routine_version().to_string(),
            role: role.to_string(),
            status: self.status().clone(),
            started: self.started(),
            fields: self.fields().filtered(|k| may_see(routine, Some(role), k)),
            active_steps: self
                .active_steps()
                .into_iter()
                .map(str::to_string)
                .collect(),
            open_tasks: self.open_tasks().into_iter().cloned().collect(),
            failures: failures_in(&journal),
            journal,
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

/// The routine's fields an expression reads. `None` when it does not
/// compile (the analyzer makes sure it does): it may then read anything.
pub(crate) fn fields_read<'r>(routine: &'r Routine, expr: &Expr) -> Option<Vec<&'r str>> {
    crate::expr::routine_compiled(routine)
        .with_expr(expr.source(), |c| {
            routine
                .fields
                .iter()
                .filter(|f| c.reads.contains(&f.id))
                .map(|f| f.id.as_str())
                .collect()
        })
        .ok()
}

/// Whether `role` may see everything a wait step's `until` reads.
fn sees_until(routine: &Routine, role: &str, step: &str) -> bool {
    match routine.step(step).map(|s| &s.kind) {
        Some(StepKind::Wait { until }) => fields_read(routine, until)
            .is_some_and(|fields| fields.iter().all(|f| may_see(routine, Some(role), f))),
        _ => false,
    }
}

/// Whether `role` may see what an armed deadline's due time is counted from.
fn sees_due(routine: &Routine, role: &str, armed: &ArmedDeadline) -> bool {
    let list = match &armed.step {
        Some(step) => routine.step(step).map(|s| &s.deadlines),
        None => Some(&routine.deadlines),
    };
    let from = list
        .and_then(|l| l.iter().find(|d| d.id == armed.deadline))
        .map(|d| &d.from);
    match from {
        Some(DeadlineStart::StepStart) => true,
        Some(DeadlineStart::Field(field)) => may_see(routine, Some(role), field),
        None => false,
    }
}

/// A journal entry as `role` may see it; `None` when it may not see it at all.
pub(crate) fn entry_for(
    routine: &Routine,
    role: &str,
    entry: &JournalEntry,
) -> Option<JournalEntry> {
    let mut entry = entry.clone();
    match &mut entry.record {
        Record::CaseStarted { data: values, .. }
        | Record::TaskCompleted { values, .. }
        | Record::EventReceived { values, .. }
        | Record::FieldsSet { values, .. } => *values = filter(routine, role, values),
        Record::MessageSent(message)
            if !message
                .fields_used
                .iter()
                .all(|f| may_see(routine, Some(role), f)) =>
        {
            return None;
        }
        Record::WaitStarted { step, .. } if !sees_until(routine, role, step) => return None,
        Record::DeadlineArmed(armed) if !sees_due(routine, role, armed) => return None,
        Record::DeadlineFailed { error, .. }
        | Record::DeadlineMessageFailed { error, .. }
        | Record::WaitFailed { error, .. }
            if !routine
                .fields
                .iter()
                .all(|f| may_see(routine, Some(role), &f.id)) =>
        {
            *error = WITHHELD.to_string();
        }
        _ => {}
    }
    Some(entry)
}
