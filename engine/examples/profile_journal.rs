//! The journal's JSON and the runner's path through it, for a profiler.
//! The first argument says what to repeat `N` times (second argument,
//! default 1), after one warm-up:
//!
//! - `decode`: read a finished installation case's journal from its JSON;
//! - `encode`: write it as JSON;
//! - `replay`: fold the decoded journal into a case;
//! - `setup`: store `N` installation cases at their last task (8 of 9
//!   tasks done) in an SQLite file;
//! - `command`: the same, then complete the last task of each through the
//!   runner, each its own transaction (load, replay, command, commit).
//!
//! Used for the instruction counts in `docs/PERFORMANCE.md`:
//! `valgrind --tool=callgrind target/release/examples/profile_journal decode 10`
//! (and `0`); a command is (`command 10` − `setup 10`) / 10.

use std::hint::black_box;

use rutin::run::{Case, CaseId, JournalEntry, TaskRef};
use rutin::runner::{case_commit, Runner};
use rutin::store::sqlite::{SqliteOptions, SqliteStore, Synchronous};
use rutin::store::{CaseStore, RoutineBundle};

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    match what.as_str() {
        "decode" | "encode" | "replay" => in_memory(&what, n),
        "setup" | "command" => through_runner(what == "command", n),
        _ => eprintln!("usage: profile_journal decode|encode|replay|setup|command [N]"),
    }
}

fn in_memory(what: &str, n: usize) {
    let r = common::routine();
    let finished = common::run_all(&r);
    let json = serde_json::to_string(finished.journal()).unwrap_or_default();
    let decode = || serde_json::from_str::<Vec<JournalEntry>>(&json).unwrap_or_default();
    let journal = decode();
    for _ in 0..=n {
        match what {
            "decode" => drop(black_box(decode())),
            "encode" => drop(black_box(serde_json::to_string(&journal).map(|s| s.len()))),
            _ => drop(black_box(Case::replay(&r, &journal))),
        }
    }
}

fn through_runner(command: bool, n: usize) {
    let dir = std::env::temp_dir().join(format!("profile_journal-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let options = SqliteOptions {
        synchronous: Synchronous::Normal,
        ..SqliteOptions::default()
    };
    let path = dir.join("cases.db");
    let Ok(mut store) = SqliteStore::open(&path, &options) else {
        return eprintln!("cannot open {}", path.display());
    };
    let yaml = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../workflows/kommun_000/installation.yaml");
    let (_, bundle) = RoutineBundle::from_disk(&yaml);
    let mut runner = Runner::new();
    let Ok((hash, routine)) = runner.install(&mut store, &bundle, common::t0()) else {
        return eprintln!("the routine does not install");
    };
    for i in 0..=n {
        let id = CaseId(format!("case-{i}"));
        let case = common::after_tasks(&routine, &id.0, 8);
        let commit = case_commit(&case, hash.clone(), 0, case.journal().to_vec());
        if let Err(e) = store.commit(&commit) {
            return eprintln!("{e}");
        }
        if command {
            let (step, role, values) = common::steps().swap_remove(8);
            let at = common::t0() + chrono::Duration::hours(9);
            let done = runner.complete_task(
                &mut store,
                &id,
                TaskRef::Step(step.into()),
                "Anna",
                role,
                values,
                at,
            );
            if let Err(e) = black_box(done) {
                return eprintln!("{e}");
            }
        }
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
