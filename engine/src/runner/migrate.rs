//! Moving running cases to a new routine version, journaled.
//!
//! [`Runner::plan_migration`] lists, for every open case of the routine
//! that runs on another version, whether it could move and, if not, why
//! (its current step is gone, a required field is new, ...; see
//! [`Case::migration_blockers`]). [`Runner::migrate`] moves those that can,
//! one transaction per case: a `routine_changed` entry and the case
//! re-pinned to the new bundle, committed on the sequence number read.

use chrono::NaiveDateTime;

use super::{case_commit, Runner, RunnerError};
use crate::run::{Case, CaseId};
use crate::store::{BundleHash, CaseFilter, CaseStore, RoutineBundle};

/// Which cases could move to a routine version, and why the others cannot.
#[derive(Debug, Default)]
pub struct MigrationPlan {
    /// The new version's bundle.
    pub to: BundleHash,
    /// The new version's label.
    pub version: String,
    /// Cases that can move.
    pub movable: Vec<CaseId>,
    /// Cases that cannot, with every reason.
    pub blocked: Vec<(CaseId, Vec<String>)>,
    /// Cases that could not be judged (damaged, their routine does not compile...).
    pub failed: Vec<(CaseId, RunnerError)>,
    /// Open cases already on this bundle.
    pub already: Vec<CaseId>,
}

/// What a migration did.
#[derive(Debug, Default)]
pub struct MigrationReport {
    /// The plan it followed (after it: what was blocked or failed).
    pub plan: MigrationPlan,
    /// Cases moved.
    pub moved: Vec<CaseId>,
}

impl Runner {
    /// Lists which open cases of `to`'s routine could move to it and why the
    /// others cannot. Changes nothing.
    pub fn plan_migration(
        &mut self,
        store: &mut dyn CaseStore,
        to: &RoutineBundle,
    ) -> Result<MigrationPlan, RunnerError> {
        let hash = to.hash();
        let new = super::compile(to, &hash)?;
        let filter = CaseFilter {
            routine: Some(new.meta.id.clone()),
            version: None,
            open_only: true,
        };
        let mut plan = MigrationPlan {
            to: hash.clone(),
            version: new.meta.version.clone(),
            ..MigrationPlan::default()
        };
        for listed in store.cases(&filter)? {
            if listed.index.bundle == hash {
                plan.already.push(listed.id);
                continue;
            }
            match self.load(store, &listed.id) {
                Err(e) => plan.failed.push((listed.id, e)),
                Ok((_, loaded)) => {
                    let reasons = loaded.case.migration_blockers(&loaded.routine, &new);
                    if reasons.is_empty() {
                        plan.movable.push(listed.id);
                    } else {
                        plan.blocked.push((listed.id, reasons));
                    }
                }
            }
        }
        Ok(plan)
    }

    /// Moves every open case of `to`'s routine that can move, at `now`:
    /// stores the new version (registering its schedules), then one
    /// journaled transaction per case. A case changed meanwhile (a
    /// conflict) or no longer movable is left where it is and reported.
    pub fn migrate(
        &mut self,
        store: &mut dyn CaseStore,
        to: &RoutineBundle,
        now: NaiveDateTime,
    ) -> Result<MigrationReport, RunnerError> {
        let mut plan = self.plan_migration(store, to)?;
        let (hash, new) = self.install(store, to, now)?;
        let mut moved = Vec::new();
        for id in std::mem::take(&mut plan.movable) {
            match self.move_case(store, &id, &new, hash.clone(), now) {
                Ok(()) => moved.push(id),
                Err(MoveError::Blocked(reasons)) => plan.blocked.push((id, reasons)),
                Err(MoveError::Failed(e)) => plan.failed.push((id, e)),
            }
        }
        Ok(MigrationReport { plan, moved })
    }

    fn move_case(
        &mut self,
        store: &mut dyn CaseStore,
        id: &CaseId,
        new: &crate::model::Routine,
        hash: BundleHash,
        now: NaiveDateTime,
    ) -> Result<(), MoveError> {
        let (stored, loaded) = self.load(store, id).map_err(MoveError::Failed)?;
        let mut case: Case = loaded.case;
        let effects = case
            .change_routine(&loaded.routine, new, now)
            .map_err(|e| MoveError::Blocked(e.reasons))?;
        let commit = case_commit(&case, hash, stored.last_seq(), effects.entries);
        store
            .commit(&commit)
            .map_err(|e| MoveError::Failed(e.into()))
    }
}

enum MoveError {
    Blocked(Vec<String>),
    Failed(RunnerError),
}
