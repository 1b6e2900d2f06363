//! What a case costs: time per command and bytes per case.
//!
//! Runs the installation routine of `workflows/kommun_000` (the real YAML)
//! through its happy path. Prints the journal size of a finished case, which
//! is what a store keeps per case.

use std::hint::black_box;

use chrono::Duration;
use criterion::{criterion_group, criterion_main, Criterion};
use rutin::run::{Case, JournalEntry};
use serde_json::json;

#[allow(dead_code)]
mod common;
use common::{routine, run_all, start, t0, waiting};

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
    let waiting = waiting(&r, "case-1", t0());

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
    // Issue 12's case: start, the nine tasks, the message rendered (the
    // notify_installed step), the journal serialized once at the end.
    c.bench_function(
        "installation case (start, 9 tasks, message, journal JSON)",
        |b| {
            b.iter(|| {
                let case = run_all(&r);
                black_box(serde_json::to_string(&case).map(|s| s.len()))
            })
        },
    );
    c.bench_function("whole case (start + 9 tasks)", |b| {
        b.iter(|| black_box(run_all(&r)))
    });
    c.bench_function("replay finished case", |b| {
        b.iter(|| black_box(Case::replay(&r, finished.journal())))
    });
    let json = serde_json::to_string(finished.journal()).unwrap_or_default();
    c.bench_function("journal decode (finished case)", |b| {
        b.iter(|| black_box(serde_json::from_str::<Vec<JournalEntry>>(black_box(&json))))
    });
    c.bench_function("journal encode (finished case)", |b| {
        b.iter(|| black_box(serde_json::to_string(black_box(finished.journal()))))
    });
    c.bench_function("view_for assessor", |b| {
        b.iter(|| black_box(finished.view_for(&r, "assessor")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
