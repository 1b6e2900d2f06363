//! One whole installation case for a profiler: start, the nine tasks of the
//! happy path, the message rendered, the journal serialized once, repeated
//! `N` times (first argument, default 1) after one warm-up case that builds
//! the routine's caches. Used for the instruction counts in
//! `docs/PERFORMANCE.md`:
//! `valgrind --tool=callgrind target/release/examples/profile_case 10`.

use std::hint::black_box;

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let r = common::routine();
    let warm = common::run_all(&r);
    black_box(serde_json::to_string(&warm).map(|s| s.len()).unwrap_or(0));
    for _ in 0..n {
        let case = common::run_all(&r);
        black_box(serde_json::to_string(&case).map(|s| s.len()).unwrap_or(0));
    }
}
