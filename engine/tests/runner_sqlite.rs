//! The runner over the SQLite store: shipped routines run for real, across
//! separate runners and store handles as separate processes would.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rutin::model::{Field, FieldType, Routine, StepKind};
use rutin::run::{Case, CaseId, Record, TaskRef};
use rutin::runner::{Runner, RunnerError};
use rutin::store::sqlite::{SqliteOptions, SqliteStore};
use rutin::store::{CaseStore, OutboxSource, RoutineBundle, StoreError};
use serde_json::{json, Map, Value};

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

/// A copy of the fixture routine `everything` and of the shipped routines
/// and templates, free to be edited, and a database next to them.
struct Install {
    dir: tempfile::TempDir,
}

impl Install {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(
            &root.join("tests/fixtures/valid/everything"),
            &dir.path().join("everything"),
        );
        copy_dir(&root.join("../workflows"), &dir.path().join("workflows"));
        copy_dir(&root.join("../templates"), &dir.path().join("templates"));
        Install { dir }
    }
    fn everything(&self) -> PathBuf {
        self.dir.path().join("everything/routine.yaml")
    }
    fn bundle(&self, path: &Path) -> RoutineBundle {
        let (checked, bundle) = RoutineBundle::from_disk(path);
        assert!(!checked.has_errors(), "{} must check clean", path.display());
        bundle
    }
    fn shipped(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for dir in std::fs::read_dir(self.dir.path().join("workflows"))
            .unwrap()
            .flatten()
        {
            for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "yaml")
                    && path.file_name().is_some_and(|n| n != "organisation.yaml")
                {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("rutin.db")
    }
    fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.db(), &SqliteOptions::default()).unwrap()
    }
}

/// The fixture case's start data.
fn data() -> Value {
    json!({"decision_date": "2026-01-31", "area": "area_a"})
}

/// Starts the fixture case `id` on 2 February and finds its order wrong.
fn order_wrong(runner: &mut Runner, store: &mut SqliteStore, bundle: &RoutineBundle, id: &CaseId) {
    runner.start(store, bundle, id, data(), t(2, 2, 8)).unwrap();
    runner
        .complete_task(
            store,
            id,
            TaskRef::from("receive"),
            "Lisa",
            "alarm_team",
            json!({"order_ok": false}),
            t(2, 2, 9),
        )
        .unwrap();
}

/// The same in memory.
fn order_wrong_in_memory(routine: &Routine, id: &CaseId) -> Case {
    let (mut case, _) = Case::start(routine, id.clone(), data(), t(2, 2, 8)).unwrap();
    case.complete_task(
        routine,
        "receive",
        "Lisa",
        "alarm_team",
        json!({"order_ok": false}),
        t(2, 2, 9),
    )
    .unwrap();
    case
}

fn example(field: &Field) -> Value {
    field.example.clone().unwrap_or_else(|| match &field.ty {
        FieldType::Integer => json!(1),
        FieldType::Boolean => json!(true),
        FieldType::Date => json!("2026-06-01"),
        FieldType::Period => json!({"from": "2026-01-01", "to": "2026-12-31"}),
        FieldType::Enum { values } => values.first().map_or(Value::Null, |v| json!(v)),
        FieldType::Personnummer => json!("19121212-1212"),
        FieldType::List { .. } => json!([]),
        FieldType::Text => json!("text"),
    })
}

fn examples<'a>(routine: &Routine, ids: impl IntoIterator<Item = &'a String>) -> Value {
    let map: Map<String, Value> = ids
        .into_iter()
        .filter_map(|id| routine.field(id).map(|f| (id.clone(), example(f))))
        .collect();
    Value::Object(map)
}

/// The next thing to do to a case with example values: complete its first
/// open task of a step, deliver the event it waits for, or let time pass.
enum Next {
    Complete(TaskRef, String, Value),
    Deliver(String, Value),
    Wait,
}

fn next(routine: &Routine, case: &Case) -> Next {
    if let Some(task) = case.open_tasks().into_iter().find(|t| t.deadline.is_none()) {
        if let Some(StepKind::Task { collects, .. }) = task
            .step
            .as_deref()
            .and_then(|s| routine.step(s))
            .map(|s| &s.kind)
        {
            return Next::Complete(
                TaskRef::Id(task.id),
                task.role.to_string(),
                examples(routine, collects),
            );
        }
    }
    for step in case.active_steps() {
        if let Some(StepKind::Event {
            event, collects, ..
        }) = routine.step(step).map(|s| &s.kind)
        {
            return Next::Deliver(event.clone(), examples(routine, collects));
        }
    }
    Next::Wait
}

/// Every shipped routine that checks runs a case through the store with
/// example values, each command by a new runner on a new handle as
/// separate CLI calls would: after every command the stored case is the
/// case the same commands give in memory, and its messages are in the outbox.
#[test]
fn shipped_routines_run_through_the_store_like_in_memory() {
    let install = Install::new();
    let mut ran = 0;
    for path in install.shipped() {
        let (checked, bundle) = RoutineBundle::from_disk(&path);
        let Some(routine) = checked.routine else {
            continue;
        };
        let id = CaseId(format!("case-{ran}"));
        let required = routine.fields.iter().filter(|f| f.required).map(|f| &f.id);
        let data = examples(&routine, required);
        let mut now = t(6, 1, 8);
        let done = Runner::new()
            .start(&mut install.store(), &bundle, &id, data.clone(), now)
            .unwrap();
        let (mut memory, _) = Case::start(&routine, id.clone(), data, now).unwrap();
        assert_eq!(done.case, memory);
        for _ in 0..200 {
            if memory.is_ended() {
                break;
            }
            now += chrono::Duration::hours(20);
            let mut runner = Runner::new();
            let mut store = install.store();
            let stored = match next(&routine, &memory) {
                Next::Complete(task, role, values) => {
                    memory
                        .complete_task(&routine, task.clone(), "Test", &role, values.clone(), now)
                        .unwrap();
                    runner.complete_task(&mut store, &id, task, "Test", &role, values, now)
                }
                Next::Deliver(event, values) => {
                    memory
                        .deliver(&routine, &event, values.clone(), now)
                        .unwrap();
                    runner.deliver(&mut store, &id, &event, values, now)
                }
                Next::Wait => {
                    memory.advance(&routine, now).unwrap();
                    runner.advance(&mut store, &id, now)
                }
            };
            assert_eq!(stored.unwrap().case, memory, "{}", path.display());
        }
        let mut store = install.store();
        let (stored, loaded) = Runner::new().load(&mut store, &id).unwrap();
        assert_eq!(loaded.case, memory);
        assert_eq!(stored.journal, memory.journal());
        assert_eq!(stored.index.open, !memory.is_ended());
        let sent = memory
            .journal()
            .iter()
            .filter(|e| matches!(e.record, Record::MessageSent(_)))
            .count();
        let queued = store
            .outbox(None)
            .unwrap()
            .into_iter()
            .filter(|i| matches!(&i.source, OutboxSource::Case { case, .. } if *case == id))
            .count();
        assert_eq!(queued, sent, "{}", path.display());
        ran += 1;
    }
    assert!(ran >= 3, "only {ran} shipped routines ran");
}

/// Editing (even breaking) the routine file and deleting its templates does
/// not stop a case that started on it: it runs on the version it was pinned to.
#[test]
fn a_pinned_case_survives_editing_its_routine_file() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let routine = bundle.compile().routine.unwrap();
    let id = CaseId::from("K-1");
    let mut store = install.store();
    Runner::new()
        .start(&mut store, &bundle, &id, data(), t(2, 2, 8))
        .unwrap();
    std::fs::write(install.everything(), "routine: [this is not a routine").unwrap();
    std::fs::remove_dir_all(install.dir.path().join("everything/templates")).unwrap();
    let (checked, _) = RoutineBundle::from_disk(&install.everything());
    assert!(checked.has_errors());
    let mut runner = Runner::new();
    let mut now = t(2, 2, 9);
    let mut case = runner.load(&mut store, &id).unwrap().1.case;
    for _ in 0..50 {
        if case.is_ended() {
            break;
        }
        now += chrono::Duration::hours(20);
        case = match next(&routine, &case) {
            Next::Complete(task, role, values) => {
                runner.complete_task(&mut store, &id, task, "Lisa", &role, values, now)
            }
            Next::Deliver(event, values) => runner.deliver(&mut store, &id, &event, values, now),
            Next::Wait => runner.advance(&mut store, &id, now),
        }
        .unwrap()
        .case;
    }
    assert_eq!(case.outcome(), Some("executed"));
}

/// Several threads complete the same task of the same case at once, each
/// with its own runner and handle: exactly one is journaled, the others are
/// refused (a conflict, or the task is no longer open) and change nothing.
#[test]
fn racing_completions_journal_exactly_one() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let mut store = install.store();
    for round in 0..20 {
        let id = CaseId(format!("K-{round}"));
        Runner::new()
            .start(&mut store, &bundle, &id, data(), t(2, 2, 8))
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
                                TaskRef::from("receive"),
                                &format!("P{i}"),
                                "alarm_team",
                                json!({"order_ok": true}),
                                t(2, 2, 9),
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
            .filter(|e| matches!(&e.record, Record::TaskCompleted { step: Some(s), .. } if s == "receive"))
            .count();
        assert_eq!(completions, 1);
    }
}

/// A case waiting for a correction: its reminders fire by tick, once each,
/// however often ticks run and however late; the stored journal is the one
/// the same times give in memory.
#[test]
fn ticks_fire_each_deadline_once() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let routine = bundle.compile().routine.unwrap();
    let mut store = install.store();
    let mut runner = Runner::new();
    let id = CaseId::from("K-1");
    order_wrong(&mut runner, &mut store, &bundle, &id);
    let first_due = store.load(&id).unwrap().index.next_due.unwrap();
    // The message to the assessor waits in the outbox: that is the earliest work.
    assert_eq!(
        rutin::runner::next_wakeup(&mut store).unwrap(),
        Some(t(2, 2, 9))
    );
    let early = runner
        .tick(&mut store, first_due - chrono::Duration::seconds(1))
        .unwrap();
    assert!(early.advanced.is_empty());
    let mut memory = order_wrong_in_memory(&routine, &id);
    for at in [
        t(2, 10, 0),
        t(2, 10, 0),
        t(2, 20, 0),
        t(3, 31, 0),
        t(3, 31, 0),
    ] {
        let before = memory.journal().len();
        memory.advance(&routine, at).unwrap();
        let summary = Runner::new().tick(&mut install.store(), at).unwrap();
        assert!(summary.failures.is_empty(), "{:?}", summary.failures);
        let moved = memory.journal().len() > before;
        assert_eq!(summary.advanced.len(), usize::from(moved), "tick at {at}");
        assert_eq!(store.load(&id).unwrap().journal, memory.journal());
    }
    let sent = memory
        .journal()
        .iter()
        .filter(|e| matches!(e.record, Record::MessageSent(_)))
        .count();
    assert!(
        sent >= 3,
        "the fixture's reminders and deadline messages were sent"
    );
    assert_eq!(store.outbox(None).unwrap().len(), sent);
}

/// A monthly schedule after three months of downtime: one tick makes the
/// three missed runs, once each, in order; later ticks make none again.
#[test]
fn schedules_catch_up_once_after_downtime() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let mut store = install.store();
    let mut runner = Runner::new();
    for n in 0..3 {
        order_wrong(&mut runner, &mut store, &bundle, &CaseId(format!("A-{n}")));
    }
    let later = t(5, 2, 9);
    let summary = runner.tick(&mut store, later).unwrap();
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    let dues: Vec<NaiveDateTime> = summary.schedules.iter().map(|s| s.slot.next_due).collect();
    assert_eq!(dues, vec![t(3, 2, 8), t(4, 2, 8), t(5, 2, 8)]);
    let again = Runner::new().tick(&mut install.store(), later).unwrap();
    assert!(again.schedules.is_empty());
    let reported = summary.schedules.iter().filter(|s| s.reported).count();
    let reports = store
        .outbox(None)
        .unwrap()
        .into_iter()
        .filter(|i| matches!(i.source, OutboxSource::Schedule { .. }))
        .count();
    assert_eq!(reports, reported);
    assert_eq!(store.due_schedules(later).unwrap().len(), 0);
    assert_eq!(store.due_schedules(t(6, 2, 8)).unwrap().len(), 1);
}

/// Two runners tick the same database at once over many due cases: every
/// case moves once and every deadline fires exactly once.
#[test]
fn two_runners_fire_each_deadline_once() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let routine = bundle.compile().routine.unwrap();
    let mut store = install.store();
    let mut runner = Runner::new();
    let cases = 60;
    for n in 0..cases {
        order_wrong(&mut runner, &mut store, &bundle, &CaseId(format!("K-{n}")));
    }
    let at = t(2, 20, 0);
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
    let mut memory = order_wrong_in_memory(&routine, &CaseId::from("K-0"));
    let before = memory.journal().len();
    memory.advance(&routine, at).unwrap();
    for n in 0..cases {
        let stored = store.load(&CaseId(format!("K-{n}"))).unwrap();
        assert_eq!(stored.journal.len(), memory.journal().len());
    }
    let fired_each = memory.journal()[before..]
        .iter()
        .filter(|e| matches!(e.record, Record::MessageSent(_)))
        .count();
    assert!(fired_each > 0);
    assert_eq!(store.outbox(None).unwrap().len(), cases * (fired_each + 1));
}

/// A stored journal that names a step its routine lacks (with the hash
/// chain recomputed, as a careful hand edit would) is damaged: loading says
/// so, a tick reports it and leaves it as it is.
#[test]
fn a_journal_that_contradicts_its_routine_is_damaged_and_left_alone() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let mut store = install.store();
    let id = CaseId::from("K-1");
    order_wrong(&mut Runner::new(), &mut store, &bundle, &id);
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
        let entry = entry.replace("\"wait_fix\"", "\"no_such_step\"");
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
    let summary = Runner::new().tick(&mut store, t(3, 31, 0)).unwrap();
    // The case itself, and the monthly report that cannot judge it.
    assert_eq!(summary.failures.len(), 2, "{:?}", summary.failures);
    assert_eq!(summary.failures[0].what, "case `K-1`");
    assert!(summary.failures[1].what.starts_with("schedule `monthly`"));
    assert!(summary
        .failures
        .iter()
        .all(|f| matches!(f.error, RunnerError::Store(StoreError::Damaged { .. }))));
    assert!(summary.schedules.is_empty());
    assert_eq!(store.load(&id).unwrap(), before);
}

/// Writes a changed copy of the fixture routine and returns its bundle.
fn variant(install: &Install, name: &str, edit: impl Fn(String) -> String) -> RoutineBundle {
    let text = std::fs::read_to_string(install.everything()).unwrap();
    let path = install.dir.path().join(format!("everything/{name}.yaml"));
    std::fs::write(&path, edit(text)).unwrap();
    install.bundle(&path)
}

/// A dry run lists who could move and why the others cannot, changing
/// nothing; the migration moves them, journaled, and they run on.
#[test]
fn migration_lists_reasons_and_moves_what_can_move() {
    let install = Install::new();
    let bundle = install.bundle(&install.everything());
    let mut store = install.store();
    let mut runner = Runner::new();
    let at_receive = CaseId::from("A");
    let waiting = CaseId::from("B");
    runner
        .start(&mut store, &bundle, &at_receive, data(), t(2, 2, 8))
        .unwrap();
    order_wrong(&mut runner, &mut store, &bundle, &waiting);
    let before: Vec<_> = [&at_receive, &waiting]
        .iter()
        .map(|id| store.load(id).unwrap())
        .collect();

    // `receive` renamed: the case standing there cannot move, the other can.
    let renamed = variant(&install, "renamed", |t| {
        t.replace("version: 1", "version: 2")
            .replace("start: receive", "start: take_order")
            .replace("  receive:", "  take_order:")
    });
    let plan = runner.plan_migration(&mut store, &renamed).unwrap();
    assert_eq!(plan.movable, vec![waiting.clone()]);
    assert_eq!(plan.blocked.len(), 1);
    let (blocked, reasons) = &plan.blocked[0];
    assert_eq!(blocked, &at_receive);
    assert!(
        reasons.contains(&"its current step `receive` is gone".to_string()),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("open task #1 is at step `receive`")),
        "{reasons:?}"
    );

    // A new required field: nobody can move, each says why.
    let required = variant(&install, "required", |t| {
        t.replace("version: 1", "version: 3").replacen(
            "fields:\n",
            "fields:\n  case_worker: {type: text, required: true, example: Eva}\n",
            1,
        )
    });
    let plan = runner.plan_migration(&mut store, &required).unwrap();
    assert!(plan.movable.is_empty());
    assert_eq!(plan.blocked.len(), 2);
    for (_, reasons) in &plan.blocked {
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("requires field `case_worker`")),
            "{reasons:?}"
        );
    }
    let after: Vec<_> = [&at_receive, &waiting]
        .iter()
        .map(|id| store.load(id).unwrap())
        .collect();
    assert_eq!(before, after, "a dry run changes nothing");

    // Moving for real: journaled, re-pinned, and the case runs on.
    let report = runner.migrate(&mut store, &renamed, t(2, 3, 8)).unwrap();
    assert_eq!(report.moved, vec![waiting.clone()]);
    let moved = store.load(&waiting).unwrap();
    assert_eq!(moved.index.version, "2");
    assert_eq!(moved.index.bundle, renamed.hash());
    assert!(matches!(
        &moved.journal.last().unwrap().record,
        Record::RoutineChanged { from_version, version } if from_version == "1" && version == "2"
    ));
    let done = Runner::new()
        .deliver(
            &mut install.store(),
            &waiting,
            "corrected",
            json!({"order_ok": true}),
            t(2, 4, 8),
        )
        .unwrap();
    assert_eq!(done.case.routine_version(), "2");
    assert_eq!(store.load(&at_receive).unwrap(), before[0]);
    // Running it again moves nothing twice.
    let again = runner.migrate(&mut store, &renamed, t(2, 5, 8)).unwrap();
    assert!(again.moved.is_empty());
    assert_eq!(again.plan.already, vec![waiting]);
}

/// The old `.rutin/cases/*.json` files: good ones are imported and pinned,
/// damaged ones skipped with the reason, and a second import finds them present.
#[test]
fn importing_the_old_case_folder_reports_each_file() {
    let install = Install::new();
    let routine = install
        .bundle(&install.everything())
        .compile()
        .routine
        .unwrap();
    let folder = install.dir.path().join(".rutin");
    let cases = folder.join("cases");
    std::fs::create_dir_all(&cases).unwrap();
    let write = |id: &str, case: &Case, routine_path: &Path| {
        let file = json!({"format": 1, "routine": routine_path, "journal": case.journal()});
        std::fs::write(
            cases.join(format!("{id}.json")),
            serde_json::to_string_pretty(&file).unwrap(),
        )
        .unwrap();
    };
    let good = order_wrong_in_memory(&routine, &CaseId::from("good"));
    write("good", &good, &install.everything());
    let renamed = order_wrong_in_memory(&routine, &CaseId::from("other"));
    write("misnamed", &renamed, &install.everything());
    let edited = order_wrong_in_memory(&routine, &CaseId::from("edited"));
    let text = serde_json::to_string(
        &json!({"format": 1, "routine": install.everything(), "journal": edited.journal()}),
    )
    .unwrap()
    .replace("\"wait_fix\"", "\"gone_step\"");
    std::fs::write(cases.join("edited.json"), text).unwrap();
    std::fs::write(
        cases.join("torn.json"),
        "{\"format\": 1, \"routine\": \"x\", \"jour",
    )
    .unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&cases)
        .unwrap()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();

    let mut store = install.store();
    let now = t(2, 3, 8);
    let report =
        rutin::runner::import_folder(&mut Runner::new(), &mut store, &folder, now).unwrap();
    assert_eq!(report.imported, vec![CaseId::from("good")]);
    assert!(report.present.is_empty());
    let reasons: Vec<(String, String)> = report
        .skipped
        .iter()
        .map(|(p, r)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                r.clone(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons[0].0 == "edited.json" && reasons[0].1.contains("no step `gone_step`"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].0 == "misnamed.json" && reasons[1].1.contains("holds case `other`"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].0 == "torn.json" && reasons[2].1.starts_with("damaged"),
        "{reasons:?}"
    );
    assert_eq!(
        store.load(&CaseId::from("good")).unwrap().journal,
        good.journal()
    );
    assert!(
        store.outbox(None).unwrap().is_empty(),
        "old messages are not sent again"
    );
    for (path, bytes) in before {
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{} was left as it was",
            path.display()
        );
    }
    // The imported case runs on, pinned, even after its routine file changes.
    std::fs::write(install.everything(), "broken: [").unwrap();
    Runner::new()
        .deliver(
            &mut store,
            &CaseId::from("good"),
            "corrected",
            json!({"order_ok": true}),
            t(2, 4, 8),
        )
        .unwrap();
    let again = rutin::runner::import_folder(&mut Runner::new(), &mut store, &folder, now).unwrap();
    assert!(again.imported.is_empty());
    assert_eq!(again.present, vec![CaseId::from("good")]);
    assert_eq!(again.skipped.len(), 3);
}
