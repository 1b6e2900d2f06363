//! The runner over the SQLite store: shipped routines run for real, across
//! separate runners and store handles as separate processes would.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rutin::run::{Case, CaseId, Record, TaskRef};
use rutin::runner::{Runner, RunnerError};
use rutin::store::sqlite::{SqliteOptions, SqliteStore};
use rutin::store::{CaseStore, OutboxStatus, RoutineBundle, StoreError};
use serde_json::{json, Value};

fn t(m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of kommun_000's routines and templates, free to be edited.
struct Install {
    dir: tempfile::TempDir,
}

impl Install {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        copy_dir(
            &root.join("workflows/kommun_000"),
            &dir.path().join("workflows/kommun_000"),
        );
        copy_dir(
            &root.join("templates/kommun_000"),
            &dir.path().join("templates/kommun_000"),
        );
        Install { dir }
    }
    fn routine(&self, name: &str) -> PathBuf {
        self.dir
            .path()
            .join(format!("workflows/kommun_000/{name}.yaml"))
    }
    fn bundle(&self, name: &str) -> RoutineBundle {
        let (checked, bundle) = RoutineBundle::from_disk(&self.routine(name));
        assert!(!checked.has_errors(), "{name} must check clean");
        bundle
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("rutin.db")
    }
    fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.db(), &SqliteOptions::default()).unwrap()
    }
}

fn installation_data() -> Value {
    json!({
        "decision_date": "2026-06-19",
        "client_name": "Anna Andersson",
        "client_address": "Storgatan 1, 147 30 Tumba",
        "home_care_group_name": "Hemtjänstgrupp Norra",
    })
}

/// The accepted installation, as `installation_happy.yaml` runs it.
fn installation_steps() -> Vec<(&'static str, &'static str, Value, NaiveDateTime)> {
    vec![
        (
            "check_order",
            "alarm_team",
            json!({"order_ok": true}),
            t(6, 22, 9),
        ),
        (
            "call_client",
            "alarm_team",
            json!({"client_accepts": true}),
            t(6, 22, 10),
        ),
        (
            "agree_installation",
            "alarm_team",
            json!({"keys_needed": 2, "planned_install_date": "2026-06-25", "planned_install_time": "10:00"}),
            t(6, 22, 11),
        ),
        (
            "install_alarm",
            "alarm_team",
            json!({"install_date": "2026-06-25", "lock_mount_date": "2026-06-25", "keys_signed_out": 2}),
            t(6, 25, 10),
        ),
        (
            "sign_agreement",
            "alarm_team",
            json!({"agreement_signed": true}),
            t(6, 25, 11),
        ),
        (
            "register_keys",
            "alarm_team",
            json!({"key_number": "N-7731", "phoniro_client_number": "904417"}),
            t(6, 25, 12),
        ),
        (
            "transfer_order",
            "alarm_team",
            json!({"performer_changed_date": "2026-06-25"}),
            t(6, 25, 13),
        ),
        (
            "execute_night",
            "coordinator_night",
            json!({"night_execution_from": "2026-06-25"}),
            t(6, 25, 14),
        ),
        (
            "execute_day",
            "coordinator_day",
            json!({"day_execution_from": "2026-06-25"}),
            t(6, 26, 9),
        ),
    ]
}

/// Each command by a new runner on a new handle, as separate CLI calls
/// would: the stored case ends where the same commands take it in memory.
#[test]
fn an_installation_runs_through_the_store_like_in_memory() {
    let install = Install::new();
    let bundle = install.bundle("installation");
    let id = CaseId::from("K-1");
    let start = t(6, 22, 8);
    Runner::new()
        .start(
            &mut install.store(),
            &bundle,
            &id,
            installation_data(),
            start,
        )
        .unwrap();
    let routine = bundle.compile().routine.unwrap();
    let (mut memory, _) = Case::start(&routine, id.clone(), installation_data(), start).unwrap();
    for (step, role, values, at) in installation_steps() {
        let done = Runner::new()
            .complete_task(
                &mut install.store(),
                &id,
                TaskRef::from(step),
                "Lisa",
                role,
                values.clone(),
                at,
            )
            .unwrap();
        memory
            .complete_task(&routine, step, "Lisa", role, values, at)
            .unwrap();
        assert_eq!(done.case, memory);
    }
    let mut store = install.store();
    let (stored, loaded) = Runner::new().load(&mut store, &id).unwrap();
    assert_eq!(loaded.case.outcome(), Some("executed"));
    assert_eq!(stored.journal, memory.journal());
    assert!(!stored.index.open);
    let outbox = store.outbox(Some(OutboxStatus::Pending)).unwrap();
    let sent = memory
        .journal()
        .iter()
        .filter(|e| matches!(e.record, Record::MessageSent(_)))
        .count();
    assert_eq!(outbox.len(), sent);
    assert!(outbox.iter().any(|i| i.message.template == "installed"));
}

/// Editing (even breaking) the routine file on disk does not stop a case
/// that started on it: it runs on the version it was pinned to.
#[test]
fn a_pinned_case_survives_editing_its_routine_file() {
    let install = Install::new();
    let bundle = install.bundle("installation");
    let id = CaseId::from("K-1");
    let mut store = install.store();
    Runner::new()
        .start(&mut store, &bundle, &id, installation_data(), t(6, 22, 8))
        .unwrap();
    std::fs::write(
        install.routine("installation"),
        "routine: [this is not a routine",
    )
    .unwrap();
    std::fs::remove_dir_all(install.dir.path().join("templates")).unwrap();
    let (checked, _) = RoutineBundle::from_disk(&install.routine("installation"));
    assert!(checked.has_errors());
    let mut runner = Runner::new();
    for (step, role, values, at) in installation_steps() {
        runner
            .complete_task(
                &mut store,
                &id,
                TaskRef::from(step),
                "Lisa",
                role,
                values,
                at,
            )
            .unwrap();
    }
    let (_, loaded) = runner.load(&mut store, &id).unwrap();
    assert_eq!(loaded.case.outcome(), Some("executed"));
}

/// Several threads complete the same task of the same case at once, each
/// with its own runner and handle: exactly one is journaled, the others are
/// refused (a conflict, or the task is no longer open) and change nothing.
#[test]
fn racing_completions_journal_exactly_one() {
    let install = Install::new();
    let bundle = install.bundle("installation");
    let mut store = install.store();
    for round in 0..20 {
        let id = CaseId(format!("K-{round}"));
        Runner::new()
            .start(&mut store, &bundle, &id, installation_data(), t(6, 22, 8))
            .unwrap();
        let results: Vec<Result<(), RunnerError>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|i| {
                    let (install, id) = (&install, &id);
                    s.spawn(move || {
                        Runner::new()
                            .complete_task(
                                &mut install.store(),
                                id,
                                TaskRef::from("check_order"),
                                &format!("P{i}"),
                                "alarm_team",
                                json!({"order_ok": true}),
                                t(6, 22, 9),
                            )
                            .map(|_| ())
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "{results:?}"
        );
        for r in &results {
            assert!(
                matches!(
                    r,
                    Ok(())
                        | Err(RunnerError::Store(StoreError::Conflict { .. }))
                        | Err(RunnerError::Run { .. })
                ),
                "{r:?}"
            );
        }
        let stored = store.load(&id).unwrap();
        let completions = stored
            .journal
            .iter()
            .filter(|e| matches!(&e.record, Record::TaskCompleted { step: Some(s), .. } if s == "check_order"))
            .count();
        assert_eq!(completions, 1);
    }
}

/// A case waiting for a correction: the reminders fire by tick, once each,
/// however often ticks run and however late.
#[test]
fn ticks_fire_each_deadline_once() {
    let install = Install::new();
    let bundle = install.bundle("installation");
    let mut store = install.store();
    let mut runner = Runner::new();
    let id = CaseId::from("K-1");
    runner
        .start(&mut store, &bundle, &id, installation_data(), t(6, 1, 8))
        .unwrap();
    runner
        .complete_task(
            &mut store,
            &id,
            TaskRef::from("check_order"),
            "Lisa",
            "alarm_team",
            json!({"order_ok": false, "order_error": "Fel adress."}),
            t(6, 1, 9),
        )
        .unwrap();
    let first_due = store.load(&id).unwrap().index.next_due.unwrap();
    // The message to the assessor waits in the outbox: that is the earliest work.
    assert_eq!(
        rutin::runner::next_wakeup(&mut store).unwrap(),
        Some(t(6, 1, 9))
    );
    assert!(first_due > t(6, 1, 9));
    let early = runner
        .tick(&mut store, first_due - chrono::Duration::seconds(1))
        .unwrap();
    assert!(early.advanced.is_empty());
    let mut total = 0;
    for at in [
        t(6, 9, 0),
        t(6, 9, 0),
        t(6, 20, 0),
        t(7, 31, 0),
        t(7, 31, 0),
    ] {
        let summary = Runner::new().tick(&mut install.store(), at).unwrap();
        assert!(summary.failures.is_empty(), "{:?}", summary.failures);
        total += summary.advanced.len();
    }
    assert_eq!(
        total, 3,
        "one tick each on 9 June, 20 June and 31 July moved the case"
    );
    // In memory, the same case advanced once to 31 July has the same journal.
    let routine = bundle.compile().routine.unwrap();
    let (mut memory, _) =
        Case::start(&routine, id.clone(), installation_data(), t(6, 1, 8)).unwrap();
    memory
        .complete_task(
            &routine,
            "check_order",
            "Lisa",
            "alarm_team",
            json!({"order_ok": false, "order_error": "Fel adress."}),
            t(6, 1, 9),
        )
        .unwrap();
    memory.advance(&routine, t(6, 9, 0)).unwrap();
    memory.advance(&routine, t(6, 20, 0)).unwrap();
    memory.advance(&routine, t(7, 31, 0)).unwrap();
    assert_eq!(store.load(&id).unwrap().journal, memory.journal());
    let reminders = store
        .outbox(None)
        .unwrap()
        .into_iter()
        .filter(|i| i.message.template == "order_correction_reminder")
        .count();
    assert_eq!(reminders, 3);
}

fn termination_data(n: usize) -> Value {
    json!({"client_name": format!("Brukare {n}"), "client_address": "Ekvägen 3, 147 35 Tumba", "end_date": "2026-08-31"})
}

/// A weekly schedule after three weeks of downtime: one tick makes the
/// three missed runs, once each, in order; later ticks make none of them again.
#[test]
fn schedules_catch_up_once_after_downtime() {
    let install = Install::new();
    let bundle = install.bundle("termination");
    let mut store = install.store();
    let mut runner = Runner::new();
    for n in 0..3 {
        runner
            .start(
                &mut store,
                &bundle,
                &CaseId(format!("A-{n}")),
                termination_data(n),
                t(8, 3, 8),
            )
            .unwrap();
    }
    let later = t(8, 24, 9);
    let summary = runner.tick(&mut store, later).unwrap();
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    let dues: Vec<NaiveDateTime> = summary.schedules.iter().map(|s| s.slot.next_due).collect();
    assert_eq!(dues, vec![t(8, 10, 8), t(8, 17, 8), t(8, 24, 8)]);
    assert!(summary
        .schedules
        .iter()
        .all(|s| s.selected.len() == 3 && s.reported));
    let again = Runner::new().tick(&mut install.store(), later).unwrap();
    assert!(again.schedules.is_empty());
    let reports = store
        .outbox(None)
        .unwrap()
        .into_iter()
        .filter(|i| i.message.template == "pickup_list")
        .count();
    assert_eq!(reports, 3);
    assert_eq!(
        rutin::runner::next_wakeup(&mut store)
            .unwrap()
            .map(|w| w <= t(8, 31, 8)),
        Some(true)
    );
}

/// Two runners tick the same database at once over many due cases: every
/// deadline fires exactly once.
#[test]
fn two_runners_fire_each_deadline_once() {
    let install = Install::new();
    let bundle = install.bundle("installation");
    let mut store = install.store();
    let mut runner = Runner::new();
    let cases = 60;
    for n in 0..cases {
        let id = CaseId(format!("K-{n}"));
        runner
            .start(&mut store, &bundle, &id, installation_data(), t(6, 1, 8))
            .unwrap();
        runner
            .complete_task(
                &mut store,
                &id,
                TaskRef::from("check_order"),
                "Lisa",
                "alarm_team",
                json!({"order_ok": false}),
                t(6, 1, 9),
            )
            .unwrap();
    }
    let at = t(6, 20, 0);
    let summaries: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let install = &install;
                s.spawn(move || Runner::new().tick(&mut install.store(), at).unwrap())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let moved: usize = summaries.iter().map(|s| s.advanced.len()).sum();
    assert_eq!(moved, cases, "each case moved by exactly one runner");
    let reminders = store
        .outbox(None)
        .unwrap()
        .into_iter()
        .filter(|i| i.message.template == "order_correction_reminder")
        .count();
    assert_eq!(reminders, 2 * cases, "two reminders each by 20 June");
}

/// A stored journal that names a step its routine lacks (with the hash
/// chain recomputed, as a careful hand edit would) is damaged: loading says
/// so, a tick reports it and leaves it as it is.
#[test]
fn a_journal_that_contradicts_its_routine_is_damaged_and_left_alone() {
    let install = Install::new();
    let bundle = install.bundle("installation");
    let mut store = install.store();
    let mut runner = Runner::new();
    let id = CaseId::from("K-1");
    runner
        .start(&mut store, &bundle, &id, installation_data(), t(6, 1, 8))
        .unwrap();
    runner
        .complete_task(
            &mut store,
            &id,
            TaskRef::from("check_order"),
            "Lisa",
            "alarm_team",
            json!({"order_ok": false}),
            t(6, 1, 9),
        )
        .unwrap();
    let raw = rusqlite::Connection::open(install.db()).unwrap();
    let rows: Vec<(i64, String)> = raw
        .prepare("SELECT seq, entry FROM journal WHERE case_id = 'K-1' ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut previous = rutin::store::chain::start(&id);
    for (seq, entry) in &rows {
        let entry = entry.replace("\"wait_order_correction\"", "\"no_such_step\"");
        let hash = rutin::store::chain::link(&previous, &entry);
        raw.execute(
            "UPDATE journal SET entry = ?1, hash = ?2 WHERE case_id = 'K-1' AND seq = ?3",
            rusqlite::params![entry, hash, seq],
        )
        .unwrap();
        previous = hash;
    }
    raw.execute("UPDATE cases SET last_hash = ?1", [&previous])
        .unwrap();
    let before = store.load(&id).unwrap();
    match Runner::new().load(&mut store, &id) {
        Err(RunnerError::Store(StoreError::Damaged { place, reason })) => {
            assert_eq!(place, "case `K-1`");
            assert!(reason.contains("no_such_step"), "{reason}");
        }
        other => panic!("expected damage, got {other:?}"),
    }
    let summary = Runner::new().tick(&mut store, t(7, 31, 0)).unwrap();
    assert_eq!(summary.failures.len(), 1);
    assert_eq!(summary.failures[0].what, "case `K-1`");
    assert_eq!(store.load(&id).unwrap(), before);
}
