//! What a case costs: time per command and bytes per case.
//!
//! Runs the installation routine of `workflows/kommun_000` (the real YAML)
//! through its happy path. Prints the journal size of a finished case, which
//! is what a store keeps per case.

use std::hint::black_box;
use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion};
use rutin::model::Routine;
use rutin::run::Case;
use serde_json::{json, Value};

fn routine() -> Routine {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    match rutin::check_routine(&path).routine {
        Some(r) => r,
        None => panic!("installation.yaml has errors"),
    }
}

fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 6, 22)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default()
}

fn data() -> Value {
    json!({"decision_date": "2026-06-19", "client_name": "Anna Andersson",
           "client_address": "Storgatan 1, 147 30 Tumba", "home_care_group": "norra"})
}

fn start(r: &Routine) -> Case {
    match Case::start(r, "case-1", data(), t0()) {
        Ok((case, _)) => case,
        Err(e) => panic!("{e}"),
    }
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
        ("register_keys", "alarm_team", json!({})),
        (
            "transfer_order",
            "alarm_team",
            json!({"performer_changed_date": "2026-06-25"}),
        ),
        ("execute_night", "coordinator_night", json!({})),
        ("execute_day", "coordinator_day", json!({})),
    ]
}

fn run_all(r: &Routine) -> Case {
    let mut case = start(r);
    for (i, (step, role, values)) in steps().into_iter().enumerate() {
        let at = t0() + Duration::hours(i as i64 + 1);
        if let Err(e) = case.complete_task(r, step, "Anna", role, values, at) {
            panic!("{step}: {e}");
        }
    }
    case
}

fn bench(c: &mut Criterion) {
    let r = routine();
    let finished = run_all(&r);
    let bytes = serde_json::to_string(&finished)
        .map(|s| s.len())
        .unwrap_or(0);
    println!(
        "bytes per case (installation, happy path, journal JSON): {bytes} bytes in {} entries",
        finished.journal().len()
    );
    // A case waiting for a correction, with reminders over a month.
    let mut waiting = start(&r);
    let wrong = json!({"order_ok": false, "order_error": "Larmklocka saknas"});
    if let Err(e) = waiting.complete_task(
        &r,
        "check_order",
        "Lisa",
        "alarm_team",
        wrong,
        t0() + Duration::hours(1),
    ) {
        panic!("{e}");
    }

    c.bench_function("start", |b| b.iter(|| black_box(start(&r))));
    let first = start(&r);
    c.bench_function("complete_task (check_order)", |b| {
        b.iter_batched(
            || first.clone(),
            |mut case| {
                let values = json!({"order_ok": true});
                black_box(case.complete_task(
                    &r,
                    "check_order",
                    "Anna",
                    "alarm_team",
                    values,
                    t0() + Duration::hours(1),
                ))
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("advance 8 weeks (reminders, escalation task)", |b| {
        b.iter_batched(
            || waiting.clone(),
            |mut case| black_box(case.advance(&r, t0() + Duration::weeks(8))),
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("advance with nothing due", |b| {
        b.iter_batched(
            || first.clone(),
            |mut case| black_box(case.advance(&r, t0() + Duration::hours(2))),
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("whole case (start + 9 tasks)", |b| {
        b.iter(|| black_box(run_all(&r)))
    });
    c.bench_function("replay finished case", |b| {
        b.iter(|| black_box(Case::replay(&r, finished.journal())))
    });
    c.bench_function("view_for assessor", |b| {
        b.iter(|| black_box(finished.view_for(&r, "assessor")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
