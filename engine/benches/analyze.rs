//! How long it takes to load and check a routine: the cost a process owner
//! pays on every `rutin check`, and a developer on every load.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

fn analyze(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let installation = root.join("workflows/kommun_000/installation.yaml");
    let not_executed = root.join("workflows/kommun_003/not_executed.yaml");
    let invalid = root.join("engine/tests/fixtures/invalid/err_references.yaml");
    let mut group = c.benchmark_group("check_routine");
    group.bench_function("installation (valid)", |b| {
        b.iter(|| rutin::check_routine(&installation))
    });
    group.bench_function("not_executed (valid)", |b| {
        b.iter(|| rutin::check_routine(&not_executed))
    });
    group.bench_function("err_references (invalid)", |b| {
        b.iter(|| rutin::check_routine(&invalid))
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
