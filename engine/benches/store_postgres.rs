//! Commands per second on PostgreSQL: the installation routine of
//! `workflows/kommun_000` through its happy path (start + 9 tasks), each
//! command one store transaction (load, replay, run, commit), as the
//! runner does it. Durable commits (`synchronous_commit = on`, the server's
//! default) and `synchronous_commit = off` (a server crash may lose the
//! last commits, never damage them).
//!
//! Needs `RUTIN_TEST_DATABASE_URL` (see `.ci/postgres.sh`); without it the
//! bench prints a notice and measures nothing. Each run works in a schema
//! of its own, dropped at the end.

use std::hint::black_box;
use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use postgres::{Config, NoTls};
use rutin::model::Routine;
use rutin::run::{Case, CaseId, JournalEntry};
use rutin::store::{
    BundleHash, CaseCommit, CaseIndex, CaseStore, NewOutboxItem, PostgresStore, RoutineBundle,
};
use serde_json::{json, Value};

/// Commands in one whole case: the start and nine tasks.
const COMMANDS_PER_CASE: u64 = 10;

fn routine_bundle() -> (Routine, RoutineBundle) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    let (checked, bundle) = RoutineBundle::from_disk(&path);
    match checked.routine {
        Some(routine) => (routine, bundle),
        None => panic!("installation.yaml has errors"),
    }
}

fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 6, 22)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default()
}

/// The happy path after the start: (step, role, values).
fn steps() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("check_order", "alarm_team", json!({"order_ok": true})),
        ("call_client", "alarm_team", json!({"client_accepts": true})),
        (
            "agree_installation",
            "alarm_team",
            json!({"keys_needed": 2, "planned_install_date": "2026-06-25"}),
        ),
        (
            "install_alarm",
            "alarm_team",
            json!({"install_date": "2026-06-25", "lock_mount_date": "2026-06-25", "keys_signed_out": 2}),
        ),
        (
            "sign_agreement",
            "alarm_team",
            json!({"agreement_signed": true}),
        ),
        (
            "register_keys",
            "alarm_team",
            json!({"key_number": "N-1042", "phoniro_client_number": "558812"}),
        ),
        (
            "transfer_order",
            "alarm_team",
            json!({"performer_changed_date": "2026-06-25"}),
        ),
        (
            "execute_night",
            "coordinator_night",
            json!({"night_execution_from": "2026-06-25"}),
        ),
        (
            "execute_day",
            "coordinator_day",
            json!({"day_execution_from": "2026-06-25"}),
        ),
    ]
}

fn commit_for(
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

/// One whole case, every command its own transaction.
fn whole_case(store: &mut PostgresStore, routine: &Routine, bundle: &BundleHash, id: &str) {
    let data = json!({"decision_date": "2026-06-19", "client_name": "Anna Andersson",
        "client_address": "Storgatan 1, 147 30 Tumba", "home_care_group_name": "Hemtjänstgrupp Norra"});
    let (case, effects) = Case::start(routine, id, data, t0()).unwrap_or_else(|e| panic!("{e}"));
    store
        .commit(&commit_for(&case, bundle, 0, effects.entries))
        .unwrap_or_else(|e| panic!("{e}"));
    let id = CaseId::from(id);
    for (i, (step, role, values)) in steps().into_iter().enumerate() {
        let stored = store.load(&id).unwrap_or_else(|e| panic!("{e}"));
        let mut case = Case::replay(routine, &stored.journal).unwrap_or_else(|e| panic!("{e}"));
        let at = t0() + Duration::hours(i as i64 + 1);
        let effects = case
            .complete_task(routine, step, "Anna", role, values, at)
            .unwrap_or_else(|e| panic!("{step}: {e}"));
        let commit = commit_for(&case, bundle, stored.last_seq(), effects.entries);
        store
            .commit(&commit)
            .unwrap_or_else(|e| panic!("{step}: {e}"));
    }
}

/// A schema of its own on the bench server, dropped at the end.
struct BenchSchema {
    config: Config,
    name: String,
}

impl BenchSchema {
    fn new(url: &str) -> BenchSchema {
        let config: Config = url.parse().unwrap_or_else(|e| panic!("the URL: {e}"));
        let name = format!("rutin_bench_{}", std::process::id());
        let mut client = config
            .connect(NoTls)
            .unwrap_or_else(|e| panic!("connecting: {e}"));
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap_or_else(|e| panic!("creating the schema: {e}"));
        BenchSchema { config, name }
    }

    /// A store in this schema with `synchronous_commit` set as given.
    fn store(&self, synchronous_commit: &str) -> PostgresStore {
        let mut config = self.config.clone();
        config.options(&format!(
            "-c search_path={} -c synchronous_commit={synchronous_commit}",
            self.name
        ));
        let url = key_value(&config);
        PostgresStore::connect(&url).unwrap_or_else(|e| panic!("opening the store: {e}"))
    }
}

impl Drop for BenchSchema {
    fn drop(&mut self) {
        if let Ok(mut client) = self.config.connect(NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// A key-value connection string for `config` (TCP hosts only).
fn key_value(config: &Config) -> String {
    let quote = |v: &str| format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut parts = Vec::new();
    for host in config.get_hosts() {
        if let postgres::config::Host::Tcp(name) = host {
            parts.push(format!("host={}", quote(name)));
        }
    }
    if let Some(port) = config.get_ports().first() {
        parts.push(format!("port={port}"));
    }
    if let Some(user) = config.get_user() {
        parts.push(format!("user={}", quote(user)));
    }
    if let Some(password) = config.get_password() {
        parts.push(format!(
            "password={}",
            quote(&String::from_utf8_lossy(password))
        ));
    }
    if let Some(db) = config.get_dbname() {
        parts.push(format!("dbname={}", quote(db)));
    }
    if let Some(options) = config.get_options() {
        parts.push(format!("options={}", quote(options)));
    }
    parts.join(" ")
}

fn bench(c: &mut Criterion) {
    let Ok(url) = std::env::var("RUTIN_TEST_DATABASE_URL") else {
        eprintln!("note: RUTIN_TEST_DATABASE_URL is not set; the PostgreSQL bench measures nothing (see .ci/postgres.sh)");
        return;
    };
    let schema = BenchSchema::new(&url);
    let (routine, bundle) = routine_bundle();
    let mut group = c.benchmark_group("postgres installation case (start + 9 tasks)");
    group.throughput(Throughput::Elements(COMMANDS_PER_CASE));
    for synchronous_commit in ["on", "off"] {
        let mut store = schema.store(synchronous_commit);
        let hash = store.put_bundle(&bundle).unwrap_or_else(|e| panic!("{e}"));
        let mut n = 0u64;
        group.bench_function(format!("synchronous_commit={synchronous_commit}"), |b| {
            b.iter(|| {
                n += 1;
                let id = format!("B-{synchronous_commit}-{n}");
                whole_case(&mut store, &routine, &hash, &id);
                black_box(id)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
