//! Firing due deadlines with many open cases: the cost must be linear in
//! the number of cases. Every case of the shipped installation routine waits
//! for a corrected order, with its reminders and an escalation task; cases
//! start a minute apart, so their due times interleave. Time moves through a
//! priority queue of due times (a `BinaryHeap` of each case's
//! [`Case::next_due`]): each firing pops the earliest case, advances it to
//! that time and puts it back with its next due time; no firing looks at any
//! other case. The throughput is per case, so a flat figure across sizes is
//! a linear cost.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hint::black_box;

use chrono::{Duration, NaiveDateTime};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rutin::model::Routine;
use rutin::run::Case;

#[allow(dead_code)]
mod common;
use common::{routine, t0, waiting};

/// `n` cases waiting for a corrected order, started a minute apart.
fn waiting_cases(r: &Routine, n: usize) -> Vec<Case> {
    (0..n)
        .map(|i| waiting(r, &format!("case-{i}"), t0() + Duration::minutes(i as i64)))
        .collect()
}

/// Fires everything due up to `horizon`, in time order; returns the firings.
fn fire_until(r: &Routine, cases: &mut [Case], horizon: NaiveDateTime) -> usize {
    let mut due: BinaryHeap<Reverse<(NaiveDateTime, usize)>> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.next_due().map(|t| Reverse((t, i))))
        .collect();
    let mut firings = 0;
    while let Some(Reverse((at, i))) = due.pop() {
        if at > horizon {
            break;
        }
        let case = &mut cases[i];
        if let Err(e) = case.advance(r, at) {
            panic!("{e}");
        }
        firings += 1;
        if let Some(next) = case.next_due().filter(|next| *next > at) {
            due.push(Reverse((next, i)));
        }
    }
    firings
}

fn bench(c: &mut Criterion) {
    let r = routine();
    let horizon = t0() + Duration::weeks(8);
    let mut group = c.benchmark_group("fire due deadlines for 8 weeks");
    group.sample_size(10);
    for n in [100, 1_000, 10_000] {
        let cases = waiting_cases(&r, n);
        let firings = fire_until(&r, &mut cases.clone(), horizon);
        println!("{n} cases: {firings} firings in 8 weeks");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("{n} open cases"), |b| {
            b.iter_batched(
                || cases.clone(),
                |mut cases| black_box(fire_until(&r, &mut cases, horizon)),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
