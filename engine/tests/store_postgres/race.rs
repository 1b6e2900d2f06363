//! Real concurrency on one server: connections of their own, in threads,
//! committing to the same case at the same moment.

use std::sync::Barrier;

use chrono::NaiveDateTime;
use rutin::model::Routine;
use rutin::run::{Case, JournalEntry};
use rutin::store::contract::{at, fixture_bundle, fixture_routine};
use rutin::store::{
    BundleHash, CaseCommit, CaseIndex, CaseStore, NewOutboxItem, PostgresStore, StoreError,
};
use serde_json::json;

use crate::db::TestSchema;

/// The commit of `entries`, just appended to `case`, after `expected_seq`.
pub fn commit_for(
    case: &Case,
    bundle: &BundleHash,
    expected_seq: u64,
    entries: Vec<JournalEntry>,
) -> CaseCommit {
    CaseCommit {
        case: case.id().clone(),
        expected_seq,
        outbox: NewOutboxItem::from_entries(case.id(), &entries),
        entries,
        index: CaseIndex {
            routine: case.routine_id().to_owned(),
            version: case.routine_version().to_owned(),
            bundle: bundle.clone(),
            open: !case.is_ended(),
            next_due: case.next_due(),
        },
    }
}

/// Starts the fixture case `id` at `when` on the stored `bundle` and stores it.
pub fn start(
    store: &mut PostgresStore,
    routine: &Routine,
    bundle: &BundleHash,
    id: &str,
    when: NaiveDateTime,
) {
    let data = json!({"decision_date": "2026-01-31", "area": "area_a"});
    let (case, effects) = Case::start(routine, id, data, when).expect("start the case");
    store
        .commit(&commit_for(&case, bundle, 0, effects.entries))
        .expect("create the case");
}

/// Stores the fixture routine's bundle.
pub fn put_fixture(store: &mut PostgresStore) -> BundleHash {
    store
        .put_bundle(&fixture_bundle())
        .expect("store the bundle")
}

/// Loads case `id` and completes its first task with `order_ok`, committing.
fn complete_first_task(
    store: &mut PostgresStore,
    routine: &Routine,
    id: &str,
    order_ok: bool,
    barrier: &Barrier,
) -> Result<u64, StoreError> {
    let stored = store.load(&id.into()).expect("load");
    let mut case = Case::replay(routine, &stored.journal).expect("replay");
    let entries = case
        .complete_task(
            routine,
            "receive",
            "Lisa",
            "alarm_team",
            json!({"order_ok": order_ok}),
            at(2, 9),
        )
        .expect("complete")
        .entries;
    let commit = commit_for(&case, &stored.index.bundle, stored.last_seq(), entries);
    barrier.wait();
    store
        .commit(&commit)
        .map(|()| commit.expected_seq + commit.entries.len() as u64)
}

#[test]
fn two_connections_completing_the_same_task_exactly_one_wins() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    let mut stores = [0, 1].map(|_| PostgresStore::connect(&schema.url()).expect("connect"));
    let routine = fixture_routine();
    let bundle = put_fixture(&mut stores[0]);
    let rounds = 100;
    for round in 0..rounds {
        let id = format!("K-{round}");
        start(&mut stores[0], &routine, &bundle, &id, at(2, 8));
        let barrier = Barrier::new(2);
        let [first, second] = &mut stores;
        let (a, b) = std::thread::scope(|scope| {
            let a = scope.spawn(|| complete_first_task(first, &routine, &id, true, &barrier));
            let b = scope.spawn(|| complete_first_task(second, &routine, &id, false, &barrier));
            (a.join().expect("no panic"), b.join().expect("no panic"))
        });
        let (winner, loser, order_ok) = match (a, b) {
            (Ok(seq), Err(e)) => (seq, e, true),
            (Err(e), Ok(seq)) => (seq, e, false),
            other => panic!("round {round}: exactly one must win, got {other:?}"),
        };
        assert!(
            matches!(loser, StoreError::Conflict { .. }),
            "round {round}: {loser}"
        );
        let stored = stores[0]
            .load(&id.as_str().into())
            .expect("load after the race");
        assert_eq!(stored.last_seq(), winner, "round {round}");
        let case = Case::replay(&routine, &stored.journal).expect("the stored journal replays");
        assert_eq!(
            case.fields().get("order_ok"),
            Some(&json!(order_ok)),
            "round {round}: the winner's values are stored"
        );
    }
}
