//! Several runners on one database over thousands of due deadlines: in
//! threads, in processes, and with one of them killed in the middle.
//!
//! The processes are this test binary run again on the ignored test
//! [`child_runner`], which ticks the store named by an environment variable.

use std::process::{Child, Command, Stdio};

use chrono::{Duration, NaiveDateTime};
use postgres::Client;
use rutin::store::contract::{at, fixture_routine};
use rutin::store::{CaseFilter, CaseStore, PostgresStore};

use crate::db::TestSchema;
use crate::race::{put_fixture, start};
use crate::tick::tick;

/// How many cases, each with a deadline due, the runners share.
const CASES: usize = 2_000;

/// The child runner's store (a connection string) and clock.
const CHILD_URL: &str = "RUTIN_TEST_CHILD_RUNNER_URL";
const CHILD_NOW: &str = "RUTIN_TEST_CHILD_RUNNER_NOW";
const CHILD_BATCH: &str = "RUTIN_TEST_CHILD_RUNNER_BATCH";

/// When the ticks run: after every case's `not_installed` deadline (one
/// month after the decision of 2026-01-31).
fn now() -> NaiveDateTime {
    at(2, 8) + Duration::days(40)
}

fn lease_until(now: NaiveDateTime) -> NaiveDateTime {
    now + Duration::minutes(10)
}

/// A store with `CASES` cases, each with its deadline due at [`now`].
fn due_store() -> Option<TestSchema> {
    let schema = TestSchema::new()?;
    let routine = fixture_routine();
    let mut store = PostgresStore::connect(&schema.url()).expect("connect");
    let bundle = put_fixture(&mut store);
    for n in 0..CASES {
        start(
            &mut store,
            &routine,
            &bundle,
            &format!("K-{n:04}"),
            at(2, 8),
        );
    }
    Some(schema)
}

/// How often each case's deadline fired, by case, from the journal itself.
fn fired_per_case(admin: &mut Client) -> Vec<(String, i64)> {
    admin
        .query(
            "SELECT c.id, count(j.seq) FROM cases c LEFT JOIN journal j ON j.case_id = c.id \
             AND j.entry::jsonb ->> 'type' = 'deadline_fired' \
             AND j.entry::jsonb ->> 'deadline' = 'not_installed' \
             GROUP BY c.id ORDER BY c.id",
            &[],
        )
        .expect("count fired deadlines")
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect()
}

/// The journal length of a freshly started case (the same for all of them).
fn started_seq(admin: &mut Client) -> i64 {
    admin
        .query_one("SELECT max(last_seq) FROM cases", &[])
        .expect("read the cases")
        .get(0)
}

/// Every case fired exactly once, and every case loads (its chain holds).
fn assert_each_fired_once(schema: &TestSchema) {
    let fired = fired_per_case(&mut schema.admin());
    assert_eq!(fired.len(), CASES);
    let wrong: Vec<_> = fired.iter().filter(|(_, n)| *n != 1).collect();
    assert!(wrong.is_empty(), "cases not fired exactly once: {wrong:?}");
    assert_loadable(schema);
}

/// Every case loads: nothing half written, the chain and the index agree.
fn assert_loadable(schema: &TestSchema) {
    let mut store = PostgresStore::connect(&schema.url()).expect("connect");
    let cases = store.cases(&CaseFilter::default()).expect("list");
    for summary in cases {
        let stored = store.load(&summary.id).expect("every case loads undamaged");
        assert_eq!(stored.last_seq(), summary.last_seq);
    }
}

#[test]
fn two_runner_threads_fire_each_deadline_exactly_once() {
    let Some(schema) = due_store() else { return };
    let routine = fixture_routine();
    let url = schema.url();
    let ticks: Vec<_> = std::thread::scope(|scope| {
        let runners: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut store = PostgresStore::connect(&url).expect("connect");
                    tick(&mut store, &routine, now(), lease_until(now()), 25)
                })
            })
            .collect();
        runners
            .into_iter()
            .map(|r| r.join().expect("no panic"))
            .collect()
    });
    let committed: usize = ticks.iter().map(|t| t.committed).sum();
    assert_eq!(committed, CASES, "{ticks:?}");
    assert!(
        ticks.iter().all(|t| t.committed > 0),
        "both runners worked: {ticks:?}"
    );
    assert_each_fired_once(&schema);
}

/// Runs this binary's [`child_runner`] on `schema`.
fn spawn_runner(schema: &TestSchema, batch: usize) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--ignored",
            "--exact",
            "runners::child_runner",
            "--nocapture",
        ])
        .env(CHILD_URL, schema.url())
        .env(CHILD_NOW, now().format("%Y-%m-%dT%H:%M:%S").to_string())
        .env(CHILD_BATCH, batch.to_string())
        .stdout(Stdio::null())
        .spawn()
        .expect("start a runner process")
}

#[test]
fn two_runner_processes_fire_each_deadline_exactly_once() {
    let Some(schema) = due_store() else { return };
    let runners = [spawn_runner(&schema, 25), spawn_runner(&schema, 25)];
    for mut runner in runners {
        let status = runner.wait().expect("wait for a runner");
        assert!(status.success(), "a runner failed: {status}");
    }
    assert_each_fired_once(&schema);
}

#[test]
fn a_runner_killed_mid_tick_leaves_nothing_half_done() {
    let Some(schema) = due_store() else { return };
    let mut admin = schema.admin();
    let mut runner = spawn_runner(&schema, 1);
    let before = started_seq(&mut admin);
    let advanced = |admin: &mut Client| -> i64 {
        admin
            .query_one("SELECT count(*) FROM cases WHERE last_seq > $1", &[&before])
            .expect("count advanced cases")
            .get(0)
    };
    while advanced(&mut admin) < 20 {
        if let Some(status) = runner.try_wait().expect("poll the runner") {
            panic!("the runner ended before it could be killed: {status}");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    runner.kill().expect("SIGKILL the runner");
    runner.wait().expect("reap the runner");
    let done = advanced(&mut admin);
    assert!(
        done < CASES as i64,
        "the runner was killed before it finished"
    );
    assert!(fired_per_case(&mut admin).iter().all(|(_, n)| *n <= 1));
    assert_loadable(&schema);
    // The killed runner's leases run out; a second tick after that does the rest, once.
    let later = lease_until(now()) + Duration::minutes(1);
    let mut store = PostgresStore::connect(&schema.url()).expect("connect");
    let second = tick(
        &mut store,
        &fixture_routine(),
        later,
        lease_until(later),
        50,
    );
    assert_eq!(second.committed as i64, CASES as i64 - done, "{second:?}");
    assert_each_fired_once(&schema);
}

/// Not a test: the body of a runner process started by the tests above.
#[test]
#[ignore = "run by the runner tests in a child process"]
fn child_runner() {
    let (Ok(url), Ok(now), Ok(batch)) = (
        std::env::var(CHILD_URL),
        std::env::var(CHILD_NOW),
        std::env::var(CHILD_BATCH),
    ) else {
        panic!("{CHILD_URL}, {CHILD_NOW} and {CHILD_BATCH} must be set");
    };
    let now = NaiveDateTime::parse_from_str(&now, "%Y-%m-%dT%H:%M:%S").expect("a time");
    let batch = batch.parse().expect("a batch size");
    let mut store = PostgresStore::connect(&url).expect("connect");
    tick(&mut store, &fixture_routine(), now, lease_until(now), batch);
}
