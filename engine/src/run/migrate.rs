//! Moving a running case to another version of its routine.
//!
//! A case is pinned to the routine version it started on. When the
//! municipality changes the routine, a running case can move to the new
//! version only if everything it stands on is still there and still means
//! the same: the steps its tokens stand at (of the same kind), its open
//! tasks (same step, same role), its armed deadlines, its values (the field
//! exists and the value is valid), and no field the new version requires is
//! missing. [`Case::migration_blockers`] lists what stands in the way, in
//! plain words; [`Case::change_routine`] journals the move
//! ([`Record::RoutineChanged`]) when nothing does. Entries written before
//! the move keep the old version's names; only entries after it follow the
//! new version.

use chrono::NaiveDateTime;

use super::case::Case;
use super::effect::Effects;
use super::journal::{Actor, JournalEntry, Record};
use crate::model::{check_value, Routine};

/// Why a case cannot move to another routine version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("case `{case}` cannot move to version {version}: {}", reasons.join("; "))]
pub struct MigrationRefused {
    /// The case.
    pub case: String,
    /// The version it would move to.
    pub version: String,
    /// Everything that stands in the way.
    pub reasons: Vec<String>,
}

impl Case {
    /// What keeps this case, running on `from`, from moving to `to`
    /// (empty: it can move).
    pub fn migration_blockers(&self, from: &Routine, to: &Routine) -> Vec<String> {
        let mut reasons = Vec::new();
        if to.meta.id != self.state.routine {
            reasons.push(format!(
                "it runs routine `{}`, not `{}`",
                self.state.routine, to.meta.id
            ));
            return reasons;
        }
        if self.is_ended() {
            reasons.push("it has ended".into());
        }
        self.step_blockers(from, to, &mut reasons);
        self.task_blockers(to, &mut reasons);
        self.deadline_blockers(to, &mut reasons);
        self.field_blockers(to, &mut reasons);
        reasons
    }

    fn step_blockers(&self, from: &Routine, to: &Routine, reasons: &mut Vec<String>) {
        for token in self.state.tokens.values() {
            let id = &token.step;
            match to.step(id) {
                None => reasons.push(format!("its current step `{id}` is gone")),
                Some(new) => {
                    let old = from.step(id).map(|s| s.kind.name());
                    if let Some(old) = old.filter(|k| *k != new.kind.name()) {
                        reasons.push(format!(
                            "its current step `{id}` is now a {} step, not a {old} step",
                            new.kind.name()
                        ));
                    }
                }
            }
        }
    }

    fn task_blockers(&self, to: &Routine, reasons: &mut Vec<String>) {
        for task in self.state.tasks.values() {
            let Some(step_id) = &task.step else { continue };
            if let Some(deadline) = &task.deadline {
                let known = to
                    .step(step_id)
                    .is_some_and(|s| s.deadlines.iter().any(|d| &d.id == deadline))
                    || (to.step(step_id).is_none()
                        && to.deadlines.iter().any(|d| &d.id == deadline));
                if !known {
                    reasons.push(format!(
                        "its open task {} comes from deadline `{deadline}`, which is gone",
                        task.id
                    ));
                }
                continue;
            }
            match to.step(step_id).map(|s| &s.kind) {
                Some(crate::model::StepKind::Task { role, .. }) if *role == task.role => {}
                Some(crate::model::StepKind::Task { role, .. }) => reasons.push(format!(
                    "its open task {} at step `{step_id}` is for role `{}`, the new version gives the step to `{role}`",
                    task.id, task.role
                )),
                _ => reasons.push(format!(
                    "its open task {} is at step `{step_id}`, which is gone or no longer a task",
                    task.id
                )),
            }
        }
    }

    fn deadline_blockers(&self, to: &Routine, reasons: &mut Vec<String>) {
        for armed in self.state.deadlines.values() {
            let list = match &armed.step {
                Some(s) => to.step(s).map(|s| &s.deadlines),
                None => Some(&to.deadlines),
            };
            if !list.is_some_and(|l| l.iter().any(|d| d.id == armed.deadline)) {
                reasons.push(format!("its armed deadline `{}` is gone", armed.deadline));
            }
        }
    }

    fn field_blockers(&self, to: &Routine, reasons: &mut Vec<String>) {
        for (id, value) in self.state.fields.iter() {
            match to.field(id) {
                None => reasons.push(format!("its field `{id}` is gone")),
                Some(f) => {
                    if let Err(e) = check_value(&f.ty, value) {
                        reasons.push(format!("its value of `{id}` is no longer valid: {e}"));
                    } else if let Err(broken) = f.rules.check(value) {
                        reasons.push(format!(
                            "its value of `{id}` breaks the new version's rule `{}`",
                            broken.rule
                        ));
                    }
                }
            }
        }
        for field in to.fields.iter().filter(|f| f.required) {
            if !self.state.fields.contains_key(&field.id) {
                reasons.push(format!(
                    "the new version requires field `{}`, which the case has no value for",
                    field.id
                ));
            }
        }
    }

    /// Moves the case from `from` (the version it runs on) to `to` at `at`, journaled; refused (the case
    /// unchanged) when anything stands in the way or `at` lies before the
    /// case's latest entry.
    pub fn change_routine(
        &mut self,
        from: &Routine,
        to: &Routine,
        at: NaiveDateTime,
    ) -> Result<Effects, MigrationRefused> {
        let mut reasons = self.migration_blockers(from, to);
        if at < self.state.latest {
            reasons.push(format!(
                "{at} lies before the case's latest entry ({})",
                self.state.latest
            ));
        }
        let refuse = |reasons| MigrationRefused {
            case: self.state.id.0.clone(),
            version: to.meta.version.clone(),
            reasons,
        };
        if !reasons.is_empty() {
            return Err(refuse(reasons));
        }
        let seq = self.journal.len() as u64 + 1;
        let entry = JournalEntry {
            seq,
            at,
            actor: Actor::System,
            record: Record::RoutineChanged {
                from_version: self.state.version.clone(),
                version: to.meta.version.clone(),
            },
        };
        let mut state = self.state.clone();
        state
            .apply(&entry, seq)
            .map_err(|e| refuse(vec![e.to_string()]))?;
        self.state = state;
        self.journal.push(entry.clone());
        Ok(Effects {
            entries: vec![entry],
        })
    }
}
