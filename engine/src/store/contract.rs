//! The contract every [`CaseStore`] must keep, as a test suite any backend
//! runs against itself.
//!
//! A backend's test file implements [`StoreFactory`] (how to make a fresh,
//! empty store and a second handle on the same store, as a second process
//! would open it) and calls [`crate::store_contract_tests!`], which makes
//! one `#[test]` per rule:
//!
//! ```ignore
//! struct Sqlite(tempfile::TempDir, u32);
//! impl rutin::store::contract::StoreFactory for Sqlite { ... }
//! rutin::store_contract_tests!(Sqlite::new());
//! ```
//!
//! The cases are real: they run on the fixture routine `everything`
//! (compiled from texts held in memory), so the journals are what the
//! engine writes.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use super::{
    BundleHash, CaseCommit, CaseFilter, CaseIndex, CaseStore, Delivery, NewOutboxItem, OutboxId,
    OutboxSource, OutboxStatus, RoutineBundle, ScheduleRunCommit, ScheduleSlot, StoreError,
};
use crate::files::MemoryFiles;
use crate::model::Routine;
use crate::run::{Case, CaseId, Message};

/// Makes stores for the contract suite.
pub trait StoreFactory {
    /// The store type.
    type Store: CaseStore;
    /// A new, empty store.
    fn fresh(&mut self) -> Self::Store;
    /// Another handle on the same store as `store`, as another process
    /// would open it.
    fn another(&mut self, store: &Self::Store) -> Self::Store;
}

/// Makes one `#[test]` per contract rule for a factory expression.
#[macro_export]
macro_rules! store_contract_tests {
    ($factory:expr) => {
        $crate::store_contract_tests!(@each $factory;
            create_load_and_list, create_twice_is_refused, append_continues_the_journal,
            same_expected_seq_one_wins, bad_numbering_is_refused, unknown_bundle_is_refused,
            bundles_are_content_addressed, due_index_claims_only_what_is_due,
            schedule_run_is_recorded_once, outbox_is_written_with_the_commit,
            outbox_delivery_lifecycle, next_wakeup_is_the_earliest,
            due_times_past_year_9999_sort_as_time, a_tick_leaves_a_case_due_past_year_9999);
    };
    (@each $factory:expr; $($name:ident),*) => {
        $(
            #[test]
            fn $name() {
                let mut factory = $factory;
                $crate::store::contract::$name(&mut factory);
            }
        )*
    };
}

const ROUTINE: &str = include_str!("../../tests/fixtures/valid/everything/routine.yaml");
const ORGANISATION: &str = include_str!("../../tests/fixtures/valid/everything/organisation.yaml");
const TEMPLATES: [(&str, &str); 5] = [
    (
        "installed",
        include_str!("../../tests/fixtures/valid/everything/templates/installed.j2"),
    ),
    (
        "not_installed",
        include_str!("../../tests/fixtures/valid/everything/templates/not_installed.j2"),
    ),
    (
        "nudge",
        include_str!("../../tests/fixtures/valid/everything/templates/nudge.j2"),
    ),
    (
        "order_wrong",
        include_str!("../../tests/fixtures/valid/everything/templates/order_wrong.j2"),
    ),
    (
        "report",
        include_str!("../../tests/fixtures/valid/everything/templates/report.j2"),
    ),
];

/// The fixture routine `everything` as a bundle held in memory.
pub fn fixture_bundle() -> RoutineBundle {
    let mut files = MemoryFiles::new();
    files.insert("everything/routine.yaml", ROUTINE);
    files.insert("everything/organisation.yaml", ORGANISATION);
    for (name, text) in TEMPLATES {
        files.insert(format!("everything/templates/{name}.j2"), text);
    }
    RoutineBundle {
        routine: "everything/routine.yaml".into(),
        files,
    }
}

/// The fixture routine, compiled.
pub fn fixture_routine() -> Routine {
    match fixture_bundle().compile().routine {
        Some(routine) => routine,
        None => panic!("the fixture routine `everything` must check clean"),
    }
}

/// A time in February 2026.
pub fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 2, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .unwrap_or_default()
}

fn ok<T>(result: Result<T, StoreError>, doing: &str) -> T {
    match result {
        Ok(v) => v,
        Err(e) => panic!("{doing}: {e}"),
    }
}

/// A started case, its bundle stored, and the commit that creates it.
pub fn started(store: &mut dyn CaseStore, id: &str, day: u32) -> (Routine, Case, CaseCommit) {
    let routine = fixture_routine();
    let hash = ok(store.put_bundle(&fixture_bundle()), "storing the bundle");
    let data = json!({"decision_date": "2026-01-31", "area": "area_a"});
    let (case, effects) = match Case::start(&routine, id, data, at(day, 8)) {
        Ok(v) => v,
        Err(e) => panic!("starting the fixture case: {e}"),
    };
    let commit = commit_for(&case, hash, 0, effects.entries);
    (routine, case, commit)
}

/// The commit of `entries` (just appended to `case`).
pub fn commit_for(
    case: &Case,
    bundle: BundleHash,
    expected_seq: u64,
    entries: Vec<crate::run::JournalEntry>,
) -> CaseCommit {
    CaseCommit {
        case: case.id().clone(),
        expected_seq,
        outbox: NewOutboxItem::from_entries(case.id(), &entries),
        entries,
        index: CaseIndex {
            routine: case.routine_id().to_owned(),
            version: case.routine_version().to_owned(),
            bundle,
            open: !case.is_ended(),
            next_due: case.next_due(),
        },
    }
}

/// The fixture case's first task completed as "order wrong": a message to the assessor.
pub fn order_wrong(routine: &Routine, case: &mut Case, day: u32) -> Vec<crate::run::JournalEntry> {
    match case.complete_task(
        routine,
        "receive",
        "Lisa",
        "alarm_team",
        json!({"order_ok": false}),
        at(day, 9),
    ) {
        Ok(effects) => effects.entries,
        Err(e) => panic!("completing `receive`: {e}"),
    }
}

/// Creates a case and reads it back as it was written; lists filter.
pub fn create_load_and_list<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (_, case, commit) = started(&mut store, "K-1", 2);
    ok(store.commit(&commit), "creating K-1");
    let loaded = ok(store.load(&CaseId::from("K-1")), "loading K-1");
    assert_eq!(loaded.journal, case.journal());
    assert_eq!(loaded.index, commit.index);
    assert_eq!(loaded.last_seq(), case.journal().len() as u64);
    let all = ok(store.cases(&CaseFilter::default()), "listing");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].last_seq, loaded.last_seq());
    let other = CaseFilter {
        routine: Some("another".into()),
        ..CaseFilter::default()
    };
    assert!(ok(store.cases(&other), "listing another routine").is_empty());
    assert!(matches!(
        store.load(&CaseId::from("K-2")),
        Err(StoreError::NotFound { .. })
    ));
}

/// A second case with the same id is refused and changes nothing.
pub fn create_twice_is_refused<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (_, case, commit) = started(&mut store, "K-1", 2);
    ok(store.commit(&commit), "creating K-1");
    let (_, _, again) = started(&mut store, "K-1", 3);
    assert!(matches!(
        store.commit(&again),
        Err(StoreError::Exists { .. })
    ));
    let loaded = ok(store.load(&CaseId::from("K-1")), "loading K-1");
    assert_eq!(loaded.journal, case.journal());
}

/// A command's entries are appended after the ones read.
pub fn append_continues_the_journal<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (routine, mut case, commit) = started(&mut store, "K-1", 2);
    ok(store.commit(&commit), "creating K-1");
    let read = case.journal().len() as u64;
    let entries = order_wrong(&routine, &mut case, 2);
    let next = commit_for(&case, commit.index.bundle.clone(), read, entries);
    ok(store.commit(&next), "completing receive");
    let loaded = ok(store.load(&CaseId::from("K-1")), "loading K-1");
    assert_eq!(loaded.journal, case.journal());
    assert_eq!(loaded.index.next_due, case.next_due());
    let replayed = Case::replay(&routine, &loaded.journal);
    assert_eq!(replayed.ok().as_ref(), Some(&case));
}

/// Two handles commit on the same read: exactly one wins, the other gets a
/// conflict naming the case, and the journal is the winner's.
pub fn same_expected_seq_one_wins<F: StoreFactory>(f: &mut F) {
    let mut first = f.fresh();
    let mut second = f.another(&first);
    let (routine, case, commit) = started(&mut first, "K-1", 2);
    ok(first.commit(&commit), "creating K-1");
    let read = case.journal().len() as u64;
    let mut a = case.clone();
    let mut b = case;
    let entries_a = order_wrong(&routine, &mut a, 2);
    let entries_b = order_wrong(&routine, &mut b, 3);
    let bundle = commit.index.bundle;
    ok(
        first.commit(&commit_for(&a, bundle.clone(), read, entries_a)),
        "the first completion",
    );
    match second.commit(&commit_for(&b, bundle, read, entries_b)) {
        Err(StoreError::Conflict {
            case,
            expected_seq,
            found_seq,
        }) => {
            assert_eq!(case, CaseId::from("K-1"));
            assert_eq!(expected_seq, read);
            assert_eq!(found_seq, a.journal().len() as u64);
        }
        other => panic!("the second completion must conflict, got {other:?}"),
    }
    let loaded = ok(second.load(&CaseId::from("K-1")), "loading K-1");
    assert_eq!(loaded.journal, a.journal());
    let outbox = ok(second.outbox(None), "reading the outbox");
    assert_eq!(
        outbox.len(),
        1,
        "only the winner's message is in the outbox"
    );
}

/// Entries that do not continue the journal are refused.
pub fn bad_numbering_is_refused<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (routine, mut case, commit) = started(&mut store, "K-1", 2);
    ok(store.commit(&commit), "creating K-1");
    let read = case.journal().len() as u64;
    let entries = order_wrong(&routine, &mut case, 2);
    let skipped = commit_for(&case, commit.index.bundle.clone(), read + 1, entries);
    assert!(store.commit(&skipped).is_err());
    let mut empty_new = commit.clone();
    empty_new.case = CaseId::from("K-2");
    empty_new.entries.clear();
    assert!(matches!(
        store.commit(&empty_new),
        Err(StoreError::BadCommit { .. })
    ));
    assert_eq!(
        ok(store.load(&CaseId::from("K-1")), "loading").last_seq(),
        read
    );
}

/// A case must name a stored routine version.
pub fn unknown_bundle_is_refused<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (_, _, mut commit) = started(&mut store, "K-1", 2);
    commit.index.bundle = BundleHash("0".repeat(64));
    assert!(matches!(
        store.commit(&commit),
        Err(StoreError::BadCommit { .. })
    ));
    assert!(ok(store.cases(&CaseFilter::default()), "listing").is_empty());
}

/// A bundle is stored once under its hash and compiles to the same routine.
pub fn bundles_are_content_addressed<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let bundle = fixture_bundle();
    let hash = ok(store.put_bundle(&bundle), "storing");
    assert_eq!(ok(store.put_bundle(&bundle), "storing again"), hash);
    assert_eq!(hash, bundle.hash());
    let back = ok(store.bundle(&hash), "reading back");
    assert_eq!(back, bundle);
    assert_eq!(back.compile().routine, Some(fixture_routine()));
    let mut changed = bundle;
    changed
        .files
        .insert("everything/templates/nudge.j2", "Påminnelse");
    assert_ne!(changed.hash(), hash);
    assert!(matches!(
        store.bundle(&BundleHash("f".repeat(64))),
        Err(StoreError::NotFound { .. })
    ));
}

/// Only open cases due by `now` are claimed, earliest first; a claimed
/// case is not handed out again until its lease ends or it is committed.
pub fn due_index_claims_only_what_is_due<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let mut other = f.another(&store);
    let mut dues = Vec::new();
    for (id, day) in [("K-3", 4), ("K-1", 2), ("K-2", 3)] {
        let (_, case, mut commit) = started(&mut store, id, day);
        commit.index.next_due = Some(at(day + 10, 0));
        dues.push((case.id().clone(), at(day + 10, 0)));
        ok(store.commit(&commit), "creating");
    }
    let (_, _, mut ended) = started(&mut store, "K-0", 2);
    ended.index.open = false;
    ended.index.next_due = Some(at(1, 0));
    ok(store.commit(&ended), "creating an ended case");
    assert!(ok(store.claim_due(at(11, 23), 10, at(20, 0)), "claiming").is_empty());
    let claimed = ok(store.claim_due(at(13, 0), 10, at(13, 1)), "claiming");
    assert_eq!(
        claimed,
        vec![
            (CaseId::from("K-1"), at(12, 0)),
            (CaseId::from("K-2"), at(13, 0))
        ]
    );
    assert!(ok(other.claim_due(at(13, 0), 10, at(13, 1)), "claiming again").is_empty());
    let after_lease = ok(other.claim_due(at(13, 1), 1, at(13, 2)), "after the lease");
    assert_eq!(after_lease, vec![(CaseId::from("K-1"), at(12, 0))]);
    // A commit releases the lease and moves the due time.
    let k2 = ok(store.load(&CaseId::from("K-2")), "loading K-2");
    let release = CaseCommit {
        case: k2.id.clone(),
        expected_seq: k2.last_seq(),
        entries: Vec::new(),
        index: CaseIndex {
            next_due: Some(at(13, 0)),
            ..k2.index.clone()
        },
        outbox: Vec::new(),
    };
    ok(store.commit(&release), "releasing K-2");
    let again = ok(
        store.claim_due(at(13, 0), 10, at(13, 2)),
        "claiming K-2 again",
    );
    assert_eq!(again, vec![(CaseId::from("K-2"), at(13, 0))]);
}

fn slot(hash: &BundleHash, due: NaiveDateTime) -> ScheduleSlot {
    ScheduleSlot {
        routine: "everything".into(),
        version: "1".into(),
        schedule: "monthly".into(),
        bundle: hash.clone(),
        next_due: due,
    }
}

fn report(text: &str) -> Message {
    Message {
        step: None,
        deadline: None,
        template: "report".into(),
        subject: None,
        body: text.into(),
        to: Vec::new(),
        cc: Vec::new(),
        fields_used: Vec::new(),
        from: None,
    }
}

fn run_of(slot: &ScheduleSlot, next: NaiveDateTime) -> ScheduleRunCommit {
    ScheduleRunCommit {
        slot: slot.clone(),
        next_due: next,
        selected: vec![CaseId::from("K-1")],
        outbox: vec![NewOutboxItem {
            id: OutboxId::for_schedule(slot, slot.next_due),
            source: OutboxSource::Schedule {
                routine: slot.routine.clone(),
                version: slot.version.clone(),
                schedule: slot.schedule.clone(),
                due: slot.next_due,
            },
            created: slot.next_due,
            message: report("Lista"),
        }],
    }
}

/// A schedule's run for one due time is recorded once, by whichever handle
/// comes first; registering again keeps the slot's time.
pub fn schedule_run_is_recorded_once<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let mut other = f.another(&store);
    let hash = ok(store.put_bundle(&fixture_bundle()), "storing");
    let first = slot(&hash, at(10, 0));
    ok(
        store.register_schedules(std::slice::from_ref(&first)),
        "registering",
    );
    ok(
        store.register_schedules(&[slot(&hash, at(20, 0))]),
        "registering again",
    );
    assert!(ok(store.due_schedules(at(9, 23)), "before").is_empty());
    let due = ok(other.due_schedules(at(10, 0)), "due");
    assert_eq!(due, vec![first.clone()]);
    ok(
        store.commit_schedule_run(&run_of(&first, at(17, 0))),
        "running",
    );
    assert!(matches!(
        other.commit_schedule_run(&run_of(&first, at(17, 0))),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(ok(store.outbox(None), "outbox").len(), 1);
    let next = ok(store.due_schedules(at(17, 0)), "next");
    assert_eq!(next, vec![slot(&hash, at(17, 0))]);
}

/// A commit's messages are in the outbox exactly when the commit is: a
/// commit that fails half-way (its message's id is taken) leaves neither
/// its journal entries nor its messages.
pub fn outbox_is_written_with_the_commit<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (routine, mut case, commit) = started(&mut store, "K-1", 2);
    ok(store.commit(&commit), "creating");
    let read = case.journal().len() as u64;
    let entries = order_wrong(&routine, &mut case, 2);
    let good = commit_for(&case, commit.index.bundle.clone(), read, entries);
    assert_eq!(good.outbox.len(), 1, "the fixture sends one message");
    // Take the message's id with a schedule's report first.
    let hash = commit.index.bundle.clone();
    let taken = slot(&hash, at(1, 0));
    ok(
        store.register_schedules(std::slice::from_ref(&taken)),
        "registering",
    );
    let mut run = run_of(&taken, at(3, 0));
    run.outbox[0].id = good.outbox[0].id.clone();
    ok(store.commit_schedule_run(&run), "running");
    assert!(store.commit(&good).is_err(), "the message id is taken");
    let loaded = ok(store.load(&CaseId::from("K-1")), "loading");
    assert_eq!(loaded.last_seq(), read, "no journal entry was kept");
    assert_eq!(ok(store.outbox(None), "outbox").len(), 1);
    // With a free id it goes through, entries and message together.
    let mut fixed = good.clone();
    fixed.outbox[0].id = OutboxId("case/K-1/again".into());
    ok(store.commit(&fixed), "completing");
    let outbox = ok(store.outbox(Some(OutboxStatus::Pending)), "outbox");
    assert_eq!(outbox.len(), 2);
    let item = outbox
        .iter()
        .find(|i| i.id == fixed.outbox[0].id)
        .unwrap_or_else(|| panic!("the case's message is in the outbox"));
    assert_eq!(item.message, good.outbox[0].message);
    assert_eq!(item.attempts, 0);
    assert_eq!(item.next_attempt, Some(at(2, 9)));
    assert_eq!(
        ok(store.load(&CaseId::from("K-1")), "loading").journal,
        case.journal()
    );
}

/// Claimed, failed and retried, given up or sent: each step is recorded.
pub fn outbox_delivery_lifecycle<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let mut other = f.another(&store);
    let hash = ok(store.put_bundle(&fixture_bundle()), "storing");
    let a = slot(&hash, at(10, 0));
    ok(
        store.register_schedules(std::slice::from_ref(&a)),
        "registering",
    );
    ok(store.commit_schedule_run(&run_of(&a, at(11, 0))), "run 1");
    ok(
        store.commit_schedule_run(&run_of(&slot(&hash, at(11, 0)), at(12, 0))),
        "run 2",
    );
    let claimed = ok(store.claim_outbox(at(11, 0), 10, at(11, 1)), "claiming");
    assert_eq!(claimed.len(), 2);
    assert!(ok(other.claim_outbox(at(11, 0), 10, at(11, 1)), "again").is_empty());
    let (first, second) = (&claimed[0].id, &claimed[1].id);
    let failed = Delivery::Failed {
        at: at(11, 0),
        error: "connection refused".into(),
        retry_at: Some(at(11, 5)),
    };
    ok(store.record_delivery(first, &failed), "a failure");
    ok(
        store.record_delivery(second, &Delivery::Sent { at: at(11, 0) }),
        "sent",
    );
    assert!(store
        .record_delivery(second, &Delivery::Sent { at: at(11, 0) })
        .is_err());
    let pending = ok(store.outbox(Some(OutboxStatus::Pending)), "pending");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].attempts, 1);
    assert_eq!(pending[0].last_error.as_deref(), Some("connection refused"));
    assert_eq!(pending[0].next_attempt, Some(at(11, 5)));
    let retry = ok(store.claim_outbox(at(11, 5), 10, at(11, 6)), "retrying");
    assert_eq!(retry.len(), 1);
    let give_up = Delivery::Failed {
        at: at(11, 5),
        error: "mailbox unknown".into(),
        retry_at: None,
    };
    ok(store.record_delivery(first, &give_up), "giving up");
    let failed = ok(store.outbox(Some(OutboxStatus::Failed)), "failed");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].attempts, 2);
    assert_eq!(failed[0].next_attempt, None);
    let sent = ok(store.outbox(Some(OutboxStatus::Sent)), "sent");
    assert_eq!(sent[0].sent_at, Some(at(11, 0)));
}

/// The next wakeup is the earliest of case, schedule and outbox times.
pub fn next_wakeup_is_the_earliest<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    assert_eq!(ok(store.next_wakeup(), "empty"), None);
    let (_, _, mut commit) = started(&mut store, "K-1", 2);
    commit.index.next_due = Some(at(20, 0));
    ok(store.commit(&commit), "creating");
    assert_eq!(ok(store.next_wakeup(), "a case"), Some(at(20, 0)));
    let hash = commit.index.bundle.clone();
    ok(
        store.register_schedules(&[slot(&hash, at(15, 0))]),
        "registering",
    );
    assert_eq!(ok(store.next_wakeup(), "a schedule"), Some(at(15, 0)));
    ok(
        store.commit_schedule_run(&run_of(&slot(&hash, at(15, 0)), at(25, 0))),
        "running",
    );
    assert_eq!(ok(store.next_wakeup(), "a message"), Some(at(15, 0)));
    let claimed = ok(store.claim_outbox(at(15, 0), 1, at(15, 1)), "claiming");
    ok(
        store.record_delivery(&claimed[0].id, &Delivery::Sent { at: at(15, 1) }),
        "sending",
    );
    assert_eq!(ok(store.next_wakeup(), "nothing sooner"), Some(at(20, 0)));
}

/// A time in year `year` (chrono allows far beyond 9999, and before 0).
pub fn in_year(year: i32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, 1, 8)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default()
}

/// Due times order as time whatever the year: a case due in year 10000
/// or later is not due in 2026, one due before year 0 is due first.
pub fn due_times_past_year_9999_sort_as_time<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    for (id, due) in [
        ("K-far", in_year(10000)),
        ("K-farther", in_year(200_000)),
        ("K-1", at(12, 0)),
        ("K-old", in_year(-1)),
    ] {
        let (_, _, mut commit) = started(&mut store, id, 2);
        commit.index.next_due = Some(due);
        ok(store.commit(&commit), "creating");
    }
    assert_eq!(ok(store.next_wakeup(), "the earliest"), Some(in_year(-1)));
    let claimed = ok(store.claim_due(at(13, 0), 10, at(13, 1)), "claiming");
    assert_eq!(
        claimed,
        vec![
            (CaseId::from("K-old"), in_year(-1)),
            (CaseId::from("K-1"), at(12, 0))
        ]
    );
    let far = ok(store.load(&CaseId::from("K-far")), "loading K-far");
    assert_eq!(far.index.next_due, Some(in_year(10000)));
    let later = ok(
        store.claim_due(in_year(150_000), 10, in_year(150_000)),
        "later",
    );
    let ids: Vec<&str> = later.iter().map(|(id, _)| id.0.as_str()).collect();
    assert_eq!(ids, vec!["K-old", "K-1", "K-far"]);
}

/// A tick fires the case that is due, ends by itself (it never asks to
/// be stopped more than once per case), and leaves a case due past year
/// 9999 as it was.
pub fn a_tick_leaves_a_case_due_past_year_9999<F: StoreFactory>(f: &mut F) {
    let mut store = f.fresh();
    let (_, _, near) = started(&mut store, "K-1", 2);
    ok(store.commit(&near), "creating K-1");
    let Some(now) = near.index.next_due else {
        panic!("the fixture case has a deadline");
    };
    let (_, _, mut far) = started(&mut store, "K-far", 2);
    far.index.next_due = Some(in_year(10000));
    ok(store.commit(&far), "creating K-far");
    let far_before = ok(store.load(&CaseId::from("K-far")), "loading K-far");
    let asked = std::cell::Cell::new(0);
    let stop = || {
        asked.set(asked.get() + 1);
        asked.get() > 100
    };
    let summary = match crate::runner::Runner::new().tick_until(&mut store, now, &stop) {
        Ok(summary) => summary,
        Err(e) => panic!("ticking: {e}"),
    };
    assert!(!summary.stopped, "the tick did not end by itself");
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    let moved: Vec<&CaseId> = summary.advanced.iter().map(|(id, _)| id).collect();
    assert_eq!(moved, vec![&CaseId::from("K-1")]);
    let far_after = ok(store.load(&CaseId::from("K-far")), "loading K-far");
    assert_eq!(far_after.journal.len(), far_before.journal.len());
    assert_eq!(far_after.index.next_due, Some(in_year(10000)));
    assert!(ok(store.outbox(None), "the outbox")
        .iter()
        .all(|item| !matches!(&item.source, OutboxSource::Case { case, .. } if case.0 == "K-far")));
}
