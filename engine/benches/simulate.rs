//! Bulk simulation throughput: cases per second of the shipped kommun_000
//! lifecycle (installation, extension, termination) and of kommun_003's
//! not-executed routine, through `rutin::simulate` on all threads.
//!
//! `cargo bench --bench simulate` (add `-- --quick` for a short run).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rutin::simulate::{check_profile, simulate, Options, Profile};

fn profile(path: &str) -> Profile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    check_profile(&path)
        .profile
        .unwrap_or_else(|| panic!("{} does not check", path.display()))
}

fn bench(c: &mut Criterion) {
    const CASES: u64 = 2_000;
    let mut group = c.benchmark_group("simulate");
    group.sample_size(10);
    group.throughput(Throughput::Elements(CASES));
    for (name, path) in [
        (
            "kommun_000_lifecycle",
            "workflows/kommun_000/lifecycle.profile.yml",
        ),
        (
            "kommun_003_not_executed",
            "workflows/kommun_003/not_executed.profile.yml",
        ),
    ] {
        let p = profile(path);
        // A horizon far enough for every stage of every lifecycle to run.
        let options = Options {
            cases: CASES,
            seed: 1,
            horizon: chrono::NaiveDate::from_ymd_opt(2030, 1, 1),
        };
        group.bench_function(name, |b| b.iter(|| simulate(&p, &options, &|_| {})));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
