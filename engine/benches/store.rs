//! The store and runner: commands per second on SQLite (`synchronous`
//! FULL and NORMAL), each a whole installation case through the runner,
//! and the cost of one tick over 100,000 open cases of which 100 are due.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rutin::model::{FieldType, Routine, StepKind};
use rutin::run::{Case, CaseId, TaskRef};
use rutin::runner::{case_commit, Runner};
use rutin::store::sqlite::{SqliteOptions, SqliteStore, Synchronous};
use rutin::store::{CaseStore, RoutineBundle};
use serde_json::{json, Map, Value};

#[allow(dead_code)]
mod common;

fn at(m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .unwrap()
}

fn example_values<'a>(routine: &Routine, ids: impl IntoIterator<Item = &'a String>) -> Value {
    let map: Map<String, Value> = ids
        .into_iter()
        .filter_map(|id| routine.field(id).map(|f| (id.clone(), f)))
        .map(|(id, f)| {
            let v = f.example.clone().unwrap_or_else(|| match &f.ty {
                FieldType::Integer => json!(1),
                FieldType::Boolean => json!(true),
                FieldType::Date => json!("2026-06-01"),
                FieldType::Enum { values } => json!(values.first()),
                _ => json!("text"),
            });
            (id, v)
        })
        .collect();
    Value::Object(map)
}

/// One installation case from start to its end through the runner, each
/// command its own transaction; returns how many commands it took.
fn installation_case(
    runner: &mut Runner,
    store: &mut SqliteStore,
    bundle: &RoutineBundle,
    routine: &Routine,
    id: &CaseId,
) -> u64 {
    let required = routine.fields.iter().filter(|f| f.required).map(|f| &f.id);
    let mut now = at(6, 1, 8, 0);
    let mut case = runner
        .start(store, bundle, id, example_values(routine, required), now)
        .unwrap()
        .case;
    let mut commands = 1;
    while !case.is_ended() && commands < 100 {
        now += chrono::Duration::hours(20);
        let task = case
            .open_tasks()
            .into_iter()
            .find(|t| t.deadline.is_none())
            .cloned();
        case = match task {
            Some(task) => {
                let collects = match task.step.as_deref().and_then(|s| routine.step(s)) {
                    Some(step) => match &step.kind {
                        StepKind::Task { collects, .. } => collects.clone(),
                        _ => Vec::new(),
                    },
                    None => Vec::new(),
                };
                let values = example_values(routine, &collects);
                runner.complete_task(
                    store,
                    id,
                    TaskRef::Id(task.id),
                    "Bench",
                    &task.role,
                    values,
                    now,
                )
            }
            None => runner.advance(store, id, now),
        }
        .unwrap()
        .case;
        commands += 1;
    }
    commands
}

fn commands(c: &mut Criterion) {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    let (checked, bundle) = RoutineBundle::from_disk(&root);
    let routine = checked.routine.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("sqlite_commands");
    group.sample_size(10);
    for (name, sync) in [("full", Synchronous::Full), ("normal", Synchronous::Normal)] {
        let path = dir.path().join(format!("{name}.db"));
        let options = SqliteOptions {
            synchronous: sync,
            ..SqliteOptions::default()
        };
        let mut store = SqliteStore::open(&path, &options).unwrap();
        let mut runner = Runner::new();
        let per_case = installation_case(
            &mut runner,
            &mut store,
            &bundle,
            &routine,
            &CaseId::from("warm"),
        );
        group.throughput(Throughput::Elements(per_case));
        let mut n = 0u64;
        group.bench_function(format!("installation_case_{name}"), |b| {
            b.iter(|| {
                n += 1;
                installation_case(
                    &mut runner,
                    &mut store,
                    &bundle,
                    &routine,
                    &CaseId(format!("c-{name}-{n}")),
                )
            })
        });
    }
    group.finish();
}

/// One command through the runner on a stored installation case with the
/// first 1 or 8 of its 9 tasks done: load (the journal read and its hash
/// chain checked), replay, the next task completed, commit.
fn command(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let options = SqliteOptions {
        synchronous: Synchronous::Normal,
        ..SqliteOptions::default()
    };
    let mut store = SqliteStore::open(&dir.path().join("command.db"), &options).unwrap();
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    let (_, bundle) = RoutineBundle::from_disk(&root);
    let mut runner = Runner::new();
    let (hash, routine) = runner.install(&mut store, &bundle, common::t0()).unwrap();
    let mut group = c.benchmark_group("sqlite_command");
    let mut n = 0u64;
    for done in [1, 8] {
        let entries = common::after_tasks(&routine, "probe", done).journal().len();
        let name = format!("complete_task_after_{entries}_entries");
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let id = CaseId(format!("c-{n}"));
                    let case = common::after_tasks(&routine, &id.0, done);
                    let journal = case.journal().to_vec();
                    store
                        .commit(&case_commit(&case, hash.clone(), 0, journal))
                        .unwrap();
                    let (step, role, values) = common::steps().swap_remove(done);
                    let at = common::t0() + chrono::Duration::hours(done as i64 + 1);
                    let task = TaskRef::Step(step.into());
                    let began = Instant::now();
                    let done =
                        runner.complete_task(&mut store, &id, task, "Anna", role, values, at);
                    total += began.elapsed();
                    done.unwrap();
                }
                total
            })
        });
    }
    group.finish();
}

/// Groups of 100 cases whose first reminder falls due one minute apart.
const GROUPS: u32 = 600;
const OPEN_CASES: u32 = 100_000;

/// Builds the database: the fixture case, its order found wrong (a
/// reminder armed), 100,000 times; groups of 100 started one minute apart
/// on 2 February, the rest in March (nothing due in February). One transaction.
fn build(path: &Path) -> SqliteStore {
    let options = SqliteOptions {
        synchronous: Synchronous::Normal,
        ..SqliteOptions::default()
    };
    let mut store = SqliteStore::open(path, &options).unwrap();
    let bundle = rutin::store::contract::fixture_bundle();
    let mut runner = Runner::new();
    let (hash, routine) = runner.install(&mut store, &bundle, at(2, 2, 8, 0)).unwrap();
    let mut commits = Vec::with_capacity(OPEN_CASES as usize);
    for i in 0..OPEN_CASES {
        let group = i / 100;
        let start = if group < GROUPS {
            at(2, 2, 8, 0) + chrono::Duration::minutes(i64::from(group))
        } else {
            at(3, 2, 8, 0)
        };
        let data = json!({"decision_date": "2026-01-31", "area": "area_a"});
        let (mut case, _) = Case::start(&routine, format!("K-{i}"), data, start).unwrap();
        case.complete_task(
            &routine,
            "receive",
            "Lisa",
            "alarm_team",
            json!({"order_ok": false}),
            start,
        )
        .unwrap();
        commits.push(case_commit(&case, hash.clone(), 0, case.journal().to_vec()));
    }
    store.commit_all(&commits).unwrap();
    store
}

fn tick(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = build(&dir.path().join("tick.db"));
    let mut runner = Runner::new();
    let mut next_group = 0u32;
    let mut group = c.benchmark_group("sqlite_tick");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("tick_100_due_of_100000_open", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                assert!(
                    next_group < GROUPS,
                    "the bench ran out of due groups; raise GROUPS"
                );
                // Group n's first reminder falls due 9 February 08:00 + n minutes.
                let now = at(2, 9, 8, 0) + chrono::Duration::minutes(i64::from(next_group));
                let began = Instant::now();
                let summary = runner.tick(&mut store, now).unwrap();
                total += began.elapsed();
                assert_eq!(summary.advanced.len(), 100);
                next_group += 1;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, commands, command, tick);
criterion_main!(benches);
