//! Memory per open case, counted by a global allocator (issue 12's target:
//! at most 2 KiB per open case plus its data). Not a criterion bench: it
//! starts many cases of the shipped installation routine, holds them, and
//! prints the heap bytes they keep, per case, at three points of the happy
//! path. Run it with `cargo bench -p rutin --bench memory`.
//!
//! "Held" is what the allocator was asked for and not given back while the
//! cases were built (allocated − freed; a `realloc` counts its growth once),
//! the `Case` values themselves included; malloc's own bookkeeping per block
//! comes on top, so the blocks still held are printed too.
//!
//! "Its data" is the case's current field values counted once, as the
//! length of each value's compact JSON text (`"2026-06-25"` is 12 bytes,
//! `true` 4, `2` 1), the field ids left out: they are the routine's names,
//! held once for all its cases. It is measured on the JSON rather than on
//! the heap so that it does not depend on how the engine holds the values,
//! and it counts each value once although the journal also records where
//! it came from (that record is the engine's overhead, not data). The
//! target reads off the last column: held − data ≤ 2,048 bytes.

use std::alloc::System;

use chrono::Duration;
use rutin::model::Routine;
use rutin::run::Case;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[allow(dead_code)]
mod common;
use common::{routine, start, steps, t0};

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

/// Heap bytes and blocks still held per case after building `CASES`
/// cases and keeping them.
fn held_per_case(r: &Routine, tasks: usize) -> (usize, usize) {
    let region = Region::new(GLOBAL);
    let cases: Vec<Case> = (0..CASES).map(|_| case_after(r, tasks)).collect();
    let change = region.change();
    drop(cases);
    let bytes = change
        .bytes_allocated
        .saturating_sub(change.bytes_deallocated);
    let blocks = change.allocations.saturating_sub(change.deallocations);
    (bytes / CASES, blocks / CASES)
}

/// The case's data: each current field value's compact JSON, counted once.
fn data_bytes(case: &Case) -> usize {
    case.fields()
        .iter()
        .map(|(_, v)| serde_json::to_string(v).map_or(0, |s| s.len()))
        .sum()
}

fn main() {
    let r = routine();
    println!("memory per case, installation routine, {CASES} cases held in memory");
    println!(
        "(bytes per case; the Case value itself is {} of them; data: the field values' JSON)",
        std::mem::size_of::<Case>()
    );
    println!(
        "{:<34} {:>7} {:>6} {:>13} {:>7} {:>8} {:>12}",
        "", "held", "data", "held - data", "blocks", "entries", "journal JSON"
    );
    for (label, tasks) in [
        ("just started (check_order open)", 0),
        ("open, 4 of 9 tasks done", 4),
        ("finished, 9 tasks", 9),
    ] {
        let (bytes, blocks) = held_per_case(&r, tasks);
        let case = case_after(&r, tasks);
        let data = data_bytes(&case);
        let json = serde_json::to_string(&case).map_or(0, |s| s.len());
        let entries = case.journal().len();
        let rest = bytes.saturating_sub(data);
        println!("{label:<34} {bytes:>7} {data:>6} {rest:>13} {blocks:>7} {entries:>8} {json:>12}");
    }
}
