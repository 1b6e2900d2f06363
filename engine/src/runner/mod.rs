//! The runner: engine commands as store transactions, and the work that
//! happens by itself (deadlines, schedules).
//!
//! Why: [`crate::run`] is deterministic and knows nothing of storage;
//! [`crate::store`] keeps journals and knows nothing of routines. The runner
//! joins them the one safe way: load the case, rebuild it on the routine
//! version it is pinned to, run one engine command, commit the new entries
//! with the sequence number that was read. If another process committed
//! meanwhile the store refuses ([`crate::store::StoreError::Conflict`]) and
//! nothing changes; the caller may load again and retry.
//!
//! How:
//! - a case runs on the routine compiled from its stored
//!   [`RoutineBundle`](crate::store::RoutineBundle), never from `workflows/`
//!   on disk; compiled routines are cached by bundle hash;
//! - a loaded journal is replayed and checked against its routine
//!   ([`crate::store::check`]); one that does not fit is reported as
//!   damaged and never written to;
//! - [`Runner::tick`] fires what is due by `now`, in time order, and runs
//!   the schedules whose `every:` came round ([`tick`]);
//! - [`Runner::plan_migration`] and [`Runner::migrate`] move running cases
//!   to a new routine version ([`migrate`]);
//! - [`import`] brings in the JSON case files of the old `.rutin/` folder.
//!
//! Time is always passed in (`now`); nothing here reads the clock.

mod commands;
mod error;
pub mod import;
pub mod migrate;
pub mod tick;

pub use error::RunnerError;
pub use import::{import_folder, ImportReport};
pub use migrate::{MigrationPlan, MigrationReport};
pub use tick::{ScheduleRan, TickFailure, TickSummary};

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDateTime;

use crate::model::Routine;
use crate::run::{Case, CaseId, Effects, JournalEntry};
use crate::store::{
    check, BundleHash, CaseCommit, CaseIndex, CaseStore, NewOutboxItem, RoutineBundle,
    ScheduleSlot, StoreError, StoredCase,
};

/// Runs engine commands over a [`CaseStore`], caching compiled routines.
#[derive(Debug, Default)]
pub struct Runner {
    routines: BTreeMap<BundleHash, Arc<Routine>>,
}

/// A case as loaded: rebuilt on its pinned routine, with what the store keeps.
#[derive(Debug, Clone)]
pub struct LoadedCase {
    /// The rebuilt case.
    pub case: Case,
    /// The routine it runs on.
    pub routine: Arc<Routine>,
    /// The bundle the routine was compiled from.
    pub bundle: BundleHash,
}

/// A committed command: the case after it and what it did.
#[derive(Debug, Clone)]
pub struct Committed {
    /// The case after the command.
    pub case: Case,
    /// The entries the command appended (its messages are in the outbox).
    pub effects: Effects,
}

impl Runner {
    /// A runner with nothing cached.
    pub fn new() -> Self {
        Runner::default()
    }

    /// The routine compiled from the bundle stored under `hash` (cached).
    pub fn routine(
        &mut self,
        store: &mut dyn CaseStore,
        hash: &BundleHash,
    ) -> Result<Arc<Routine>, RunnerError> {
        if let Some(r) = self.routines.get(hash) {
            return Ok(r.clone());
        }
        let bundle = store.bundle(hash)?;
        let routine = compile(&bundle, hash)?;
        self.routines.insert(hash.clone(), routine.clone());
        Ok(routine)
    }

    /// Stores a routine version (if it is not stored yet), registers its
    /// schedules (each first due one period after `now`) and returns its hash
    /// and the compiled routine. A bundle that does not check is refused
    /// with its diagnostics.
    pub fn install(
        &mut self,
        store: &mut dyn CaseStore,
        bundle: &RoutineBundle,
        now: NaiveDateTime,
    ) -> Result<(BundleHash, Arc<Routine>), RunnerError> {
        let hash = bundle.hash();
        let routine = match self.routines.get(&hash) {
            Some(r) => r.clone(),
            None => compile(bundle, &hash)?,
        };
        store.put_bundle(bundle)?;
        let slots: Vec<ScheduleSlot> = routine
            .schedules
            .iter()
            .map(|s| ScheduleSlot {
                routine: routine.meta.id.clone(),
                version: routine.meta.version.clone(),
                schedule: s.id.clone(),
                bundle: hash.clone(),
                next_due: crate::calendar::due_at(now, &s.every, s.at).unwrap_or_else(never),
            })
            .collect();
        store.register_schedules(&slots)?;
        self.routines.insert(hash.clone(), routine.clone());
        Ok((hash, routine))
    }

    /// Loads a case and rebuilds it on its pinned routine. A journal that
    /// does not replay, or names what its routine lacks, is damaged.
    pub fn load(
        &mut self,
        store: &mut dyn CaseStore,
        id: &CaseId,
    ) -> Result<(StoredCase, LoadedCase), RunnerError> {
        let stored = store.load(id)?;
        let routine = self.routine(store, &stored.index.bundle)?;
        let loaded = rebuild(&stored, routine)?;
        Ok((stored, loaded))
    }

    /// Commits what a command appended to a loaded case.
    fn commit(
        &mut self,
        store: &mut dyn CaseStore,
        read: u64,
        loaded: LoadedCase,
        effects: Effects,
    ) -> Result<Committed, RunnerError> {
        let commit = case_commit(&loaded.case, loaded.bundle, read, effects.entries.clone());
        store.commit(&commit)?;
        Ok(Committed {
            case: loaded.case,
            effects,
        })
    }
}

/// A time that never comes (for a schedule whose next run cannot be
/// counted): the last second of year 9999.
pub(crate) fn never() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_opt(23, 59, 59))
        .unwrap_or_default()
}

/// Compiles a bundle; one that does not check is refused.
fn compile(bundle: &RoutineBundle, hash: &BundleHash) -> Result<Arc<Routine>, RunnerError> {
    let checked = bundle.compile();
    match checked.routine {
        Some(r) => Ok(Arc::new(r)),
        None => Err(RunnerError::Routine {
            routine: bundle.routine.display().to_string(),
            bundle: hash.clone(),
            diagnostics: checked
                .diagnostics
                .into_iter()
                .filter(crate::diagnostic::Diagnostic::is_error)
                .collect(),
        }),
    }
}

/// Replays a stored journal on its routine and checks it fits.
fn rebuild(stored: &StoredCase, routine: Arc<Routine>) -> Result<LoadedCase, RunnerError> {
    let damaged = |reason: String| {
        RunnerError::Store(StoreError::Damaged {
            place: format!("case `{}`", stored.id),
            reason,
        })
    };
    let case = Case::replay(&routine, &stored.journal)
        .map_err(|e| damaged(format!("its journal does not replay: {e}")))?;
    if case.id() != &stored.id {
        return Err(damaged(format!(
            "its journal belongs to case `{}`",
            case.id()
        )));
    }
    check::check_journal(&routine, &stored.journal).map_err(|p| damaged(p.message))?;
    Ok(LoadedCase {
        case,
        routine,
        bundle: stored.index.bundle.clone(),
    })
}

/// The commit of `entries`, just appended to `case`, after entry `read`.
pub fn case_commit(
    case: &Case,
    bundle: BundleHash,
    read: u64,
    entries: Vec<JournalEntry>,
) -> CaseCommit {
    CaseCommit {
        case: case.id().clone(),
        expected_seq: read,
        outbox: NewOutboxItem::from_entries(case.id(), &entries),
        entries,
        index: CaseIndex::of(case, bundle),
    }
}

/// The earliest time the store has work: a case's next due time, a
/// schedule's next run, a pending message's next attempt. A `run` loop
/// sleeps until then (or until it is woken).
pub fn next_wakeup(store: &mut dyn CaseStore) -> Result<Option<NaiveDateTime>, StoreError> {
    store.next_wakeup()
}
