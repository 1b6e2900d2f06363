//! Real processes racing on one SQLite file: two `rutin case complete` on
//! the same task, and two on the two branches of a parallel step. Whatever
//! the interleaving: no update is lost, no case is damaged, every exit 0 is
//! a journaled completion, and a loser exits 1 saying why (a conflict, or
//! the task was done meanwhile) with nothing written.

mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};

use support::rutin_process;

const ROUTINE: &str = "engine/tests/fixtures/valid/shapes/routine.yaml";
const RACES: usize = 200;

fn rutin(db: &Path, args: &[&str]) -> Command {
    let mut cmd = rutin_process();
    cmd.env_remove("RUTIN_DATABASE_URL")
        .arg("case")
        .args(args)
        .arg("--db")
        .arg(db);
    cmd
}

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    support::parts(rutin(db, args).output().expect("rutin runs"))
}

fn spawn(db: &Path, args: &[&str]) -> Child {
    rutin(db, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rutin starts")
}

fn finish(child: Child) -> (i32, String) {
    let output = child.wait_with_output().expect("rutin ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn start(db: &Path, id: &str) {
    let (code, out, err) = run(
        db,
        &[
            "start",
            ROUTINE,
            "--id",
            id,
            "--data",
            "{area: norr, at_night: false}",
            "--at",
            "2026-02-02 08:00",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
}

fn complete(step: &'static str) -> impl Fn(&str) -> Vec<String> {
    move |id| {
        [
            "complete",
            id,
            step,
            "--as",
            "team",
            "--at",
            "2026-02-02 09:00",
        ]
        .map(String::from)
        .to_vec()
    }
}

/// The steps whose tasks the case's journal records as completed.
fn completed_steps(db: &Path, id: &str) -> Vec<String> {
    let (code, out, err) = run(db, &["show", id, "--format", "json"]);
    assert_eq!(code, 0, "case {id} cannot be read: {err}");
    let journal: serde_json::Value = serde_json::from_str(&out).expect("a JSON journal");
    journal
        .as_array()
        .expect("a list of entries")
        .iter()
        .filter(|e| e["type"] == "task_completed")
        .filter_map(|e| e["step"].as_str().map(String::from))
        .collect()
}

#[derive(Debug, Default)]
struct Tally {
    both_won: usize,
    conflicts: usize,
    done_meanwhile: usize,
}

/// Runs `RACES` races of two commands on fresh cases, checks each, and
/// returns how the races went.
fn race(
    name: &str,
    first: &dyn Fn(&str) -> Vec<String>,
    second: &dyn Fn(&str) -> Vec<String>,
) -> Tally {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("rutin.db");
    let mut tally = Tally::default();
    for i in 0..RACES {
        let id = format!("{name}-{i}");
        start(&db, &id);
        let (a, b) = (first(&id), second(&id));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let (pa, pb) = (spawn(&db, &a), spawn(&db, &b));
        let results = [finish(pa), finish(pb)];
        let winners: Vec<&str> = results
            .iter()
            .zip([a[2], b[2]])
            .filter(|((code, _), _)| *code == 0)
            .map(|(_, step)| step)
            .collect();
        for (code, err) in &results {
            match code {
                0 => {}
                1 if err.contains("someone else changed case") => tally.conflicts += 1,
                1 if err.contains("has no open task") => tally.done_meanwhile += 1,
                _ => panic!("race {id}: unexpected exit {code}: {err}"),
            }
            if *code == 1 {
                assert!(
                    err.contains("nothing was saved") || err.contains("unchanged"),
                    "{err}"
                );
            }
        }
        let mut journaled = completed_steps(&db, &id);
        let mut won: Vec<String> = winners.iter().map(|s| s.to_string()).collect();
        journaled.sort();
        won.sort();
        assert_eq!(
            journaled, won,
            "race {id}: every exit 0, and only those, is journaled"
        );
        if winners.len() == 2 {
            tally.both_won += 1;
        }
    }
    let (code, out, err) = run(&db, &["verify"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(&format!("{RACES} case(s)")), "{out}");
    tally
}

#[test]
fn two_processes_complete_the_same_task() {
    let tally = race("same", &complete("t1"), &complete("t1"));
    eprintln!("same task: {tally:?}");
    assert_eq!(tally.both_won, 0, "one completion of a task, never two");
    assert_eq!(tally.conflicts + tally.done_meanwhile, RACES);
}

#[test]
fn two_processes_complete_two_parallel_branches() {
    let tally = race("branches", &complete("t1"), &complete("t0"));
    eprintln!("parallel branches: {tally:?}");
    assert_eq!(tally.done_meanwhile, 0, "the branches' tasks are both open");
    assert_eq!(tally.both_won + tally.conflicts, RACES);
}
