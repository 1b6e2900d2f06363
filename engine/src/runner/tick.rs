//! One tick: everything due by `now`, in time order.
//!
//! Schedule runs and case deadlines interleave by time: before a schedule
//! runs for its due time, every case is advanced to that time (so the
//! report sees the cases as they were then), and after the last schedule
//! the cases are advanced to `now`. After downtime a tick catches up: every
//! missed schedule run is made, once each (the store records each run), and
//! each case fires its deadlines in order. Due cases come from the store's
//! due index, so a tick costs in proportion to what is due.
//!
//! A tick always ends, whatever the store hands out: a case is advanced at
//! most once per target time, a case or slot due after that time is left
//! alone, and a caller's stop question is asked before each case and each
//! schedule run ([`Runner::tick_until`]).

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDateTime};

use super::{never, Runner, RunnerError};
use crate::run::{run_schedule, Case, CaseId, Effects};
use crate::store::{
    CaseFilter, CaseStore, NewOutboxItem, OutboxId, OutboxSource, ScheduleRunCommit, ScheduleSlot,
    StoreError,
};

/// How many due cases are claimed at a time.
const BATCH: usize = 100;

/// How long a claimed case is held for this runner (real time after `now`).
const LEASE_MINUTES: i64 = 5;

/// What a tick did.
#[derive(Debug, Default)]
pub struct TickSummary {
    /// Cases that moved, with the entries appended (deadlines fired,
    /// messages sent: the messages are in the outbox).
    pub advanced: Vec<(CaseId, Effects)>,
    /// Schedule runs made.
    pub schedules: Vec<ScheduleRan>,
    /// What could not be done, and why; the rest went on.
    pub failures: Vec<TickFailure>,
    /// Whether the tick was asked to stop before it was done (what it
    /// committed stays; the next tick does the rest).
    pub stopped: bool,
}

/// One schedule run made by a tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRan {
    /// The schedule's slot as it was due.
    pub slot: ScheduleSlot,
    /// The cases the report lists.
    pub selected: Vec<CaseId>,
    /// Whether a report went to the outbox (no case selected: none).
    pub reported: bool,
}

/// Something a tick could not do.
#[derive(Debug)]
pub struct TickFailure {
    /// What: "case `K-1`", "schedule `monthly` of installation version 3".
    pub what: String,
    /// Why.
    pub error: RunnerError,
}

impl Runner {
    /// Fires every deadline due by `now` and runs every schedule due by
    /// `now`, in time order. A case or schedule that fails is reported in
    /// the summary and left for the next tick; the rest goes on. Only a
    /// store that cannot be used at all stops the tick.
    pub fn tick(
        &mut self,
        store: &mut dyn CaseStore,
        now: NaiveDateTime,
    ) -> Result<TickSummary, StoreError> {
        self.tick_until(store, now, &|| false)
    }

    /// [`Runner::tick`], asking `stop` before each case and each schedule
    /// run: once it says yes the tick ends there, with what it committed
    /// kept and [`TickSummary::stopped`] set (a `run` loop told to stop).
    pub fn tick_until(
        &mut self,
        store: &mut dyn CaseStore,
        now: NaiveDateTime,
        stop: &dyn Fn() -> bool,
    ) -> Result<TickSummary, StoreError> {
        let mut summary = TickSummary::default();
        let lease = now + Duration::minutes(LEASE_MINUTES);
        // Slots run in this tick, and schedules that failed (not tried
        // again until the next tick).
        let mut ran = BTreeSet::new();
        let mut failed = BTreeSet::new();
        loop {
            let due = store.due_schedules(now)?;
            let Some(slot) = due.into_iter().find(|s| {
                s.next_due <= now
                    && !failed.contains(&key(s))
                    && !ran.contains(&(key(s), s.next_due))
            }) else {
                break;
            };
            if !self.advance_due(store, slot.next_due, lease, stop, &mut summary)? || stop() {
                summary.stopped = true;
                return Ok(summary);
            }
            ran.insert((key(&slot), slot.next_due));
            if let Err(error) = self.run_slot(store, &slot, &mut summary) {
                if let RunnerError::Store(e) = &error {
                    fatal(e)?;
                }
                failed.insert(key(&slot));
                summary.failures.push(TickFailure {
                    what: slot_name(&slot),
                    error,
                });
            }
        }
        summary.stopped = !self.advance_due(store, now, lease, stop, &mut summary)?;
        Ok(summary)
    }

    /// Advances every claimable case due by `to` up to `to`, each at most
    /// once (a case the store hands out again, or due after `to`, is left
    /// alone). Returns `false` when `stop` said to stop.
    fn advance_due(
        &mut self,
        store: &mut dyn CaseStore,
        to: NaiveDateTime,
        lease: NaiveDateTime,
        stop: &dyn Fn() -> bool,
        summary: &mut TickSummary,
    ) -> Result<bool, StoreError> {
        let mut seen = BTreeSet::new();
        loop {
            let claimed = store.claim_due(to, BATCH, lease.max(to))?;
            let fresh: Vec<CaseId> = claimed
                .into_iter()
                .filter(|(id, due)| *due <= to && seen.insert(id.clone()))
                .map(|(id, _)| id)
                .collect();
            if fresh.is_empty() {
                return Ok(true);
            }
            for id in fresh {
                if stop() {
                    return Ok(false);
                }
                self.advance_one(store, id, to, summary)?;
            }
        }
    }

    /// Advances one claimed case to `to`; a failure is noted in the summary.
    fn advance_one(
        &mut self,
        store: &mut dyn CaseStore,
        id: CaseId,
        to: NaiveDateTime,
        summary: &mut TickSummary,
    ) -> Result<(), StoreError> {
        match self.advance(store, &id, to) {
            Ok(done) if !done.effects.entries.is_empty() => {
                summary.advanced.push((id, done.effects));
            }
            Ok(_) | Err(RunnerError::Store(StoreError::Conflict { .. })) => {}
            Err(error) => {
                if let RunnerError::Store(e) = &error {
                    fatal(e)?;
                }
                summary.failures.push(TickFailure {
                    what: format!("case `{id}`"),
                    error,
                });
            }
        }
        Ok(())
    }

    /// Runs one schedule for its due time over the open cases of its
    /// routine version, and records the run with its report.
    fn run_slot(
        &mut self,
        store: &mut dyn CaseStore,
        slot: &ScheduleSlot,
        summary: &mut TickSummary,
    ) -> Result<(), RunnerError> {
        let routine = self.routine(store, &slot.bundle)?;
        let filter = CaseFilter {
            routine: Some(slot.routine.clone()),
            version: Some(slot.version.clone()),
            open_only: true,
        };
        let mut cases: Vec<Case> = Vec::new();
        for listed in store.cases(&filter)? {
            cases.push(self.load(store, &listed.id)?.1.case);
        }
        let refs: Vec<&Case> = cases.iter().collect();
        let at = slot.next_due;
        let run = run_schedule(&routine, &slot.schedule, &refs, at).map_err(|error| {
            RunnerError::Schedule {
                schedule: slot.schedule.clone(),
                error: Box::new(error),
            }
        })?;
        let outbox = run
            .message
            .iter()
            .map(|message| NewOutboxItem {
                id: OutboxId::for_schedule(slot, at),
                source: OutboxSource::Schedule {
                    routine: slot.routine.clone(),
                    version: slot.version.clone(),
                    schedule: slot.schedule.clone(),
                    due: at,
                },
                created: at,
                message: message.clone(),
            })
            .collect::<Vec<_>>();
        let commit = ScheduleRunCommit {
            slot: slot.clone(),
            next_due: run.next_run.filter(|n| *n > at).unwrap_or_else(never),
            selected: run.selected.clone(),
            outbox,
        };
        match store.commit_schedule_run(&commit) {
            // Another runner made this run first.
            Err(StoreError::Exists { .. }) => Ok(()),
            Err(e) => Err(e.into()),
            Ok(()) => {
                summary.schedules.push(ScheduleRan {
                    slot: slot.clone(),
                    selected: run.selected,
                    reported: !commit.outbox.is_empty(),
                });
                Ok(())
            }
        }
    }
}

/// Store errors that stop the whole tick (the database cannot be used);
/// the others concern one case or one schedule.
fn fatal(e: &StoreError) -> Result<(), StoreError> {
    match e {
        StoreError::Busy { .. }
        | StoreError::Unwritable { .. }
        | StoreError::Io { .. }
        | StoreError::Backend { .. }
        | StoreError::NotARutinDatabase { .. }
        | StoreError::NewerSchema { .. } => Err(e.clone()),
        _ => Ok(()),
    }
}

fn key(slot: &ScheduleSlot) -> (String, String, String) {
    (
        slot.routine.clone(),
        slot.version.clone(),
        slot.schedule.clone(),
    )
}

fn slot_name(slot: &ScheduleSlot) -> String {
    format!(
        "schedule `{}` of {} version {} due {}",
        slot.schedule, slot.routine, slot.version, slot.next_due
    )
}
