//! How long drawing a routine takes: the swimlane SVG of generated routines
//! of 1,000 and 5,000 steps (8 roles, decisions, loops back, deadlines),
//! above the default size limit, so drawn with the limit raised.

use std::fmt::Write as _;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// A routine of `n` steps: tasks for 8 roles in turn, a decision every 10
/// steps (skipping one), a route back 20 steps every 50, a deadline going 3
/// steps ahead every 13, then an end step.
fn routine_text(n: usize) -> String {
    let mut out = String::from("routine: {id: big, version: 1, title: Stor rutin}\nroles:\n");
    for r in 0..8 {
        let _ = writeln!(out, "  r{r}: {{name: Roll {r}}}");
    }
    out.push_str("fields:\n  ok: {type: boolean, example: true}\nstart: s0\nsteps:\n");
    for i in 0..n {
        let next = format!("s{}", i + 1);
        if i % 10 == 5 {
            let skip = format!("s{}", (i + 2).min(n));
            let _ = writeln!(
                out,
                "  s{i}:\n    kind: decision\n    title: Beslut {i}\n    routes:\n      - when: ok\n        to: {next}\n      - otherwise: {skip}"
            );
            continue;
        }
        let _ = writeln!(
            out,
            "  s{i}:\n    kind: task\n    title: Steg {i} i rutinen\n    role: r{}\n    collects: [ok]",
            i % 8
        );
        if i % 50 == 49 {
            let _ = writeln!(
                out,
                "    routes:\n      - when: ok\n        to: {next}\n      - otherwise: s{}",
                i - 20
            );
        } else {
            let _ = writeln!(out, "    next: {next}");
        }
        if i % 13 == 7 {
            let _ = writeln!(
                out,
                "    deadlines:\n      - id: late\n        after: 1 week\n        goto: s{}",
                (i + 3).min(n)
            );
        }
    }
    let _ = writeln!(out, "  s{n}: {{kind: end, title: Klart, outcome: done}}");
    out
}

fn draw(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_svg");
    group.sample_size(10);
    for n in [1_000, 5_000] {
        let checked = rutin::check_text(Path::new("big.yaml"), &routine_text(n));
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| rutin::diagnostic::render(d, false))
            .collect();
        let Some(routine) = checked.routine else {
            panic!("the generated routine checks: {errors:?}");
        };
        let options = rutin::draw::Options {
            max_steps: usize::MAX,
            ..rutin::draw::Options::default()
        };
        group.bench_with_input(BenchmarkId::new("steps", n), &routine, |b, routine| {
            b.iter(|| rutin::draw::svg(routine, &options))
        });
    }
    group.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
