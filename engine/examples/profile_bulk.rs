//! Bulk simulation for a profiler: `N` lifecycles (first argument, default
//! 200) of the shipped kommun_000 profile (installation, extension,
//! termination) on one thread, seed 1, horizon 2030-01-01, as the
//! `simulate` bench runs them. Instructions per lifecycle in
//! `docs/PERFORMANCE.md` are the difference of two runs divided by the
//! difference of their `N`:
//! `valgrind --tool=callgrind target/release/examples/profile_bulk 400` (and 200).
//! It prints the report as JSON.

use std::hint::black_box;
use std::path::Path;

use rutin::simulate::{check_profile, simulate, Options};

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    // One thread: the count is the same on every run (the report is anyway).
    if let Err(e) = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
    {
        eprintln!("profile_bulk: {e}");
    }
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/lifecycle.profile.yml");
    let Some(profile) = check_profile(&path).profile else {
        eprintln!("profile_bulk: {} does not check", path.display());
        std::process::exit(1);
    };
    let options = Options {
        cases: n,
        seed: 1,
        horizon: chrono::NaiveDate::from_ymd_opt(2030, 1, 1),
    };
    let report = black_box(simulate(&profile, &options, &|_| {}));
    // The report as JSON, to compare two builds' reports byte for byte.
    match serde_json::to_string(&report) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("profile_bulk: {e}"),
    }
}
