//! The engine's commands, each one store transaction.

use chrono::NaiveDateTime;

use super::{Committed, Runner, RunnerError};
use crate::run::{Case, CaseId, Effects, RunError, TaskRef};
use crate::store::{CaseStore, RoutineBundle};

impl Runner {
    /// Starts case `id` on the routine version `bundle` (stored, with its
    /// schedules, if it is new): the case is pinned to it for good.
    pub fn start(
        &mut self,
        store: &mut dyn CaseStore,
        bundle: &RoutineBundle,
        id: &CaseId,
        data: serde_json::Value,
        now: NaiveDateTime,
    ) -> Result<Committed, RunnerError> {
        let (hash, routine) = self.install(store, bundle, now)?;
        let (case, effects) =
            Case::start(&routine, id.clone(), data, now).map_err(|e| RunnerError::run(id, e))?;
        let loaded = super::LoadedCase {
            case,
            routine,
            bundle: hash,
        };
        self.commit(store, 0, loaded, effects)
    }

    /// Completes a task of case `id` as `actor` in `role`.
    #[allow(clippy::too_many_arguments)] // The engine command's own arguments, plus store and case.
    pub fn complete_task(
        &mut self,
        store: &mut dyn CaseStore,
        id: &CaseId,
        task: TaskRef,
        actor: &str,
        role: &str,
        values: serde_json::Value,
        now: NaiveDateTime,
    ) -> Result<Committed, RunnerError> {
        self.command(store, id, |case, routine| {
            case.complete_task(routine, task, actor, role, values, now)
        })
    }

    /// Delivers an outside event to case `id`.
    pub fn deliver(
        &mut self,
        store: &mut dyn CaseStore,
        id: &CaseId,
        event: &str,
        values: serde_json::Value,
        now: NaiveDateTime,
    ) -> Result<Committed, RunnerError> {
        self.command(store, id, |case, routine| {
            case.deliver(routine, event, values, now)
        })
    }

    /// Lets time pass for case `id` up to `now`: fires what is due.
    pub fn advance(
        &mut self,
        store: &mut dyn CaseStore,
        id: &CaseId,
        now: NaiveDateTime,
    ) -> Result<Committed, RunnerError> {
        self.command(store, id, |case, routine| case.advance(routine, now))
    }

    /// Loads, runs one engine command, commits on the sequence read.
    fn command(
        &mut self,
        store: &mut dyn CaseStore,
        id: &CaseId,
        run: impl FnOnce(&mut Case, &crate::model::Routine) -> Result<Effects, RunError>,
    ) -> Result<Committed, RunnerError> {
        let (stored, mut loaded) = self.load(store, id)?;
        let routine = loaded.routine.clone();
        let effects = run(&mut loaded.case, &routine).map_err(|e| RunnerError::run(id, e))?;
        self.commit(store, stored.last_seq(), loaded, effects)
    }
}
