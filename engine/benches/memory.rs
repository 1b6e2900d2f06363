//! Memory per open case, counted by a global allocator (issue 12's target:
//! at most 2 KiB per open case plus its data). Not a criterion bench: it
//! starts many cases of the shipped installation routine, holds them, and
//! prints the heap bytes they keep, per case, at three points of the happy
//! path. Run it with `cargo bench -p rutin --bench memory`.

use std::alloc::System;

use chrono::Duration;
use rutin::model::Routine;
use rutin::run::Case;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[allow(dead_code)]
mod common;
use common::{data, routine, start, steps, t0};

const CASES: usize = 10_000;

/// A case after the start and the first `tasks` tasks of the happy path.
fn case_after(r: &Routine, tasks: usize) -> Case {
    let mut case = start(r);
    for (i, (step, role, values)) in steps().into_iter().take(tasks).enumerate() {
        let at = t0() + Duration::hours(i as i64 + 1);
        if let Err(e) = case.complete_task(r, step, "Anna", role, values, at) {
            panic!("{step}: {e}");
        }
    }
    case
}

/// Heap bytes still held after building `CASES` cases and keeping them.
fn held_per_case(r: &Routine, tasks: usize) -> (i64, usize) {
    let region = Region::new(GLOBAL);
    let cases: Vec<Case> = (0..CASES).map(|_| case_after(r, tasks)).collect();
    let change = region.change();
    let held = change.bytes_allocated as i64 - change.bytes_deallocated as i64
        + change.bytes_reallocated as i64;
    let entries = cases.first().map_or(0, |c| c.journal().len());
    drop(cases);
    (held / CASES as i64, entries)
}

fn main() {
    let r = routine();
    let data_bytes = serde_json::to_string(&data()).map_or(0, |s| s.len());
    println!("memory per case, installation routine, {CASES} cases held in memory");
    println!(
        "(start data: {data_bytes} bytes as JSON; the Case value itself: {} bytes)",
        std::mem::size_of::<Case>()
    );
    for (label, tasks) in [
        ("just started (check_order open)", 0),
        ("open, 4 of 9 tasks done", 4),
        ("finished, 9 tasks", 9),
    ] {
        let (bytes, entries) = held_per_case(&r, tasks);
        let json = serde_json::to_string(&case_after(&r, tasks)).map_or(0, |s| s.len());
        println!("{label:<34} {bytes:>7} bytes per case in memory ({entries} journal entries, {json} bytes of journal JSON)");
    }
}
