//! A tick ends whatever the store hands out: here a store that says every
//! case and schedule is due, again and again (as the text due index did for
//! a case due past year 9999). The tick fires what is really due, once,
//! leaves the rest, and never has to be stopped.

#![allow(clippy::unwrap_used)]

use std::cell::Cell;

use chrono::NaiveDateTime;
use rutin::run::CaseId;
use rutin::runner::Runner;
use rutin::store::contract::{in_year, started};
use rutin::store::sqlite::{SqliteOptions, SqliteStore};
use rutin::store::{
    BundleHash, CaseCommit, CaseFilter, CaseStore, CaseSummary, Delivery, OutboxId, OutboxItem,
    OutboxStatus, RoutineBundle, ScheduleRunCommit, ScheduleSlot, StoreError, StoredCase,
};

/// A store whose due index ignores time and leases: every open case with a
/// due time is handed out on every claim, every schedule is "due".
struct EverythingDue(SqliteStore);

impl CaseStore for EverythingDue {
    fn put_bundle(&mut self, bundle: &RoutineBundle) -> Result<BundleHash, StoreError> {
        self.0.put_bundle(bundle)
    }
    fn bundle(&mut self, hash: &BundleHash) -> Result<RoutineBundle, StoreError> {
        self.0.bundle(hash)
    }
    fn load(&mut self, case: &CaseId) -> Result<StoredCase, StoreError> {
        self.0.load(case)
    }
    fn cases(&mut self, filter: &CaseFilter) -> Result<Vec<CaseSummary>, StoreError> {
        self.0.cases(filter)
    }
    fn commit(&mut self, commit: &CaseCommit) -> Result<(), StoreError> {
        self.0.commit(commit)
    }
    fn claim_due(
        &mut self,
        _now: NaiveDateTime,
        limit: usize,
        _lease_until: NaiveDateTime,
    ) -> Result<Vec<(CaseId, NaiveDateTime)>, StoreError> {
        self.0
            .claim_due(NaiveDateTime::MAX, limit, NaiveDateTime::MIN)
    }
    fn register_schedules(&mut self, slots: &[ScheduleSlot]) -> Result<(), StoreError> {
        self.0.register_schedules(slots)
    }
    fn due_schedules(&mut self, _now: NaiveDateTime) -> Result<Vec<ScheduleSlot>, StoreError> {
        self.0.due_schedules(NaiveDateTime::MAX)
    }
    fn commit_schedule_run(&mut self, run: &ScheduleRunCommit) -> Result<(), StoreError> {
        self.0.commit_schedule_run(run)
    }
    fn claim_outbox(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        self.0.claim_outbox(now, limit, lease_until)
    }
    fn record_delivery(&mut self, id: &OutboxId, delivery: &Delivery) -> Result<(), StoreError> {
        self.0.record_delivery(id, delivery)
    }
    fn outbox(&mut self, status: Option<OutboxStatus>) -> Result<Vec<OutboxItem>, StoreError> {
        self.0.outbox(status)
    }
    fn next_wakeup(&mut self) -> Result<Option<NaiveDateTime>, StoreError> {
        self.0.next_wakeup()
    }
}

#[test]
fn a_tick_ends_when_the_store_says_everything_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let inner = SqliteStore::open(&dir.path().join("rutin.db"), &SqliteOptions::default()).unwrap();
    let mut store = EverythingDue(inner);
    let (_, _, near) = started(&mut store, "K-1", 2);
    store.commit(&near).unwrap();
    let (_, _, mut far) = started(&mut store, "K-far", 2);
    far.index.next_due = Some(in_year(10000));
    store.commit(&far).unwrap();
    let now = near
        .index
        .next_due
        .expect("the fixture case has a deadline");
    let mut runner = Runner::new();
    runner
        .install(&mut store, &rutin::store::contract::fixture_bundle(), now)
        .unwrap();
    let asked = Cell::new(0);
    let stop = || {
        asked.set(asked.get() + 1);
        asked.get() > 100
    };
    let summary = runner.tick_until(&mut store, now, &stop).unwrap();
    assert!(!summary.stopped, "the tick had to be stopped");
    let moved: Vec<&str> = summary
        .advanced
        .iter()
        .map(|(id, _)| id.0.as_str())
        .collect();
    assert_eq!(moved, vec!["K-1"]);
    assert!(summary.schedules.is_empty(), "{:?}", summary.schedules);
    let far_after = store.load(&CaseId::from("K-far")).unwrap();
    assert_eq!(far_after.journal.len(), far.entries.len());
}
