//! Checking a generated 50-step routine with its templates (issue 12's
//! target: under 1 ms). The routine is built in memory
//! (`common/check50.rs`): 40 task steps, 10 message steps with a template each.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "common/check50.rs"]
mod check50;

fn bench(c: &mut Criterion) {
    let files = check50::files();
    let path = Path::new(check50::PATH);
    let checked = rutin::check_routine_with(path, &files);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| rutin::diagnostic::render(d, false))
        .collect();
    assert!(checked.routine.is_some(), "{}", errors.join("\n"));
    let steps = checked.routine.as_ref().map_or(0, |r| r.steps.len());
    println!("generated routine: {steps} steps, 10 templates");
    c.bench_function("check_routine (generated, 50 steps, 10 templates)", |b| {
        b.iter(|| rutin::check_routine_with(path, &files))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
