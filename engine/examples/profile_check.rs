//! Checking the generated 50-step routine of the `check50` bench for a
//! profiler: one warm-up check, then `N` checks (first argument, default 1).
//! Used for the instruction counts per check in `docs/PERFORMANCE.md`:
//! `valgrind --tool=callgrind target/release/examples/profile_check 10`.

use std::hint::black_box;
use std::path::Path;

#[path = "../benches/common/check50.rs"]
mod check50;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let files = check50::files();
    let path = Path::new(check50::PATH);
    let warm = rutin::check_routine_with(path, &files);
    if warm.has_errors() {
        let errors: Vec<String> = warm
            .diagnostics
            .iter()
            .map(|d| rutin::diagnostic::render(d, false))
            .collect();
        eprintln!("{}", errors.join("\n"));
        std::process::exit(1);
    }
    for _ in 0..n {
        black_box(rutin::check_routine_with(path, &files).diagnostics.len());
    }
}
