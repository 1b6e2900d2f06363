//! A process killed with SIGKILL in the middle of thousands of commands,
//! many times over, on one SQLite file: every command it acknowledged is
//! in the store (checked after every kill), every case replays to its
//! stored state (`rutin case verify`, every fifth kill and after the last),
//! and nothing half-written is left in the folder.

mod support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use support::rutin_process;

const ROUTINE: &str = "engine/tests/fixtures/valid/shapes/routine.yaml";
const KILLS: u64 = 20;

fn rutin(db: &Path, args: &[&str]) -> Command {
    let mut cmd = rutin_process();
    cmd.env_remove("RUTIN_DATABASE_URL")
        .arg("case")
        .args(args)
        .arg("--db")
        .arg(db);
    cmd
}

/// Runs a bulk process and kills it after `after` acknowledged commands;
/// returns every command it acknowledged (`start ID` / `complete ID t1`).
fn killed_after(db: &Path, prefix: &str, after: usize) -> Vec<String> {
    let mut child = rutin(
        db,
        &[
            "bulk",
            ROUTINE,
            "--prefix",
            prefix,
            "--count",
            "100000",
            "--as",
            "team",
            "--step",
            "t1",
            "--data",
            "{area: norr, at_night: false}",
            "--at",
            "2026-02-02 08:00",
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .expect("rutin starts");
    let stdout = child.stdout.take().expect("a pipe");
    let mut lines = BufReader::new(stdout).lines();
    let mut acked = Vec::new();
    for line in lines.by_ref() {
        let line = line.expect("output");
        acked.push(line);
        if acked.len() == after {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("the process ends");
    assert!(!status.success(), "the bulk run was killed, not finished");
    // Lines written before the kill are acknowledged too.
    acked.extend(lines.map_while(Result::ok));
    acked
}

/// Open tasks per case, from `case list --format json`.
fn open_tasks(db: &Path) -> BTreeMap<String, u64> {
    let output = rutin(db, &["list", "--format", "json"])
        .output()
        .expect("list runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            assert!(r.get("error").is_none(), "a damaged case: {r}");
            (
                r["id"].as_str().unwrap_or_default().to_string(),
                r["open_tasks"].as_u64().unwrap_or(99),
            )
        })
        .collect()
}

#[test]
fn killed_processes_lose_no_acknowledged_command() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("rutin.db");
    let mut seed: u64 = 0x5eed;
    let mut acknowledged = 0;
    for round in 0..KILLS {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let after = 20 + usize::try_from((seed >> 33) % 180).unwrap_or(0);
        let acked = killed_after(&db, &format!("R{round}"), after);
        assert!(acked.len() >= after, "{acked:?}");
        acknowledged += acked.len();
        let tasks = open_tasks(&db);
        for line in &acked {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["started", id] => {
                    assert!(tasks.contains_key(*id), "{id} acknowledged, not stored")
                }
                ["completed", id, "t1"] => {
                    assert_eq!(
                        tasks.get(*id),
                        Some(&1),
                        "{id}'s completion acknowledged, not stored"
                    )
                }
                _ => panic!("unexpected output {line:?}"),
            }
        }
        if round % 5 != 4 {
            continue;
        }
        let verify = rutin(&db, &["verify"]).output().expect("verify runs");
        assert!(
            verify.status.success(),
            "after kill {round}: {}{}",
            String::from_utf8_lossy(&verify.stdout),
            String::from_utf8_lossy(&verify.stderr)
        );
    }
    eprintln!("{KILLS} kills, {acknowledged} acknowledged commands, all stored");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !["rutin.db", "rutin.db-wal", "rutin.db-shm"].contains(&n.as_str()))
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");
}
