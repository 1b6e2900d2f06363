//! What an open case holds, for a heap profiler: builds `N` installation
//! cases (first argument, default 1,000), each after the start and the
//! first `K` tasks of the happy path (second argument, default 0), and
//! keeps them all until the end, so that valgrind's dhat shows at its peak
//! (`t-gmax`) which allocation sites the held cases' bytes come from:
//! `valgrind --tool=dhat target/release/examples/profile_memory 1000 4`.

use std::hint::black_box;

use chrono::Duration;

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let n = args.next().flatten().unwrap_or(1_000);
    let k = args.next().flatten().unwrap_or(0);
    let r = common::routine();
    let cases: Vec<_> = (0..n)
        .map(|_| {
            let mut case = common::start(&r);
            for (i, (step, role, values)) in common::steps().into_iter().take(k).enumerate() {
                let at = common::t0() + Duration::hours(i as i64 + 1);
                if let Err(e) = case.complete_task(&r, step, "Anna", role, values, at) {
                    panic!("{step}: {e}");
                }
            }
            case
        })
        .collect();
    black_box(&cases);
}
