//! The real `rutin` binary: each command on shipped routines and fixtures,
//! each exit code, a routine with errors, a failing scenario.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rutin() -> Command {
    let mut cmd = Command::cargo_bin("rutin").expect("the rutin binary is built for tests");
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_shipped_routines_is_clean() {
    let output = rutin().args(["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(": all valid"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_reports_every_problem_with_exit_1() {
    let output = rutin()
        .args(["check", "engine/tests/fixtures/invalid/err_references.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("check_errors", stderr(&output));
}

#[test]
fn check_json_is_machine_readable() {
    let output = rutin()
        .args([
            "check",
            "--format",
            "json",
            "engine/tests/fixtures/invalid/err_unknown_keys.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["errors"], 3);
    let first = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(first["code"], "rutin::unknown-key");
    assert_eq!(first["line"], 13);
    assert_eq!(first["help"], "did you mean `start`?");
}

#[test]
fn check_missing_path_is_a_usage_error() {
    let output = rutin().args(["check", "no/such/dir"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no/such/dir does not exist"));
}

#[test]
fn bad_arguments_are_usage_errors() {
    let output = rutin().args(["check", "--frobnicate"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = rutin().args(["nonsense"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn coverage_lists_every_clause() {
    let output = rutin().args(["check", "--coverage"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    for id in ["A1", "A8", "B5", "C5", "D3", "E1", "E9"] {
        assert!(text.contains(&format!("  {id} ")), "{id} missing:\n{text}");
    }
    assert!(text.contains("0 not covered"), "{text}");
}

#[test]
fn coverage_fails_when_a_clause_is_cited_by_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let routine = "routine: {id: r, version: 1, title: R}\n\
                   clauses: {Q1: Covered., Q2: Nobody cites this.}\n\
                   roles: {team: {name: Team}}\n\
                   start: a\n\
                   steps:\n  a: {kind: task, title: A, role: team, next: b, source: [Q1]}\n  b: {kind: end, title: B, outcome: done}\n";
    std::fs::write(dir.path().join("r.yaml"), routine).unwrap();
    let output = rutin()
        .args(["check", "--coverage"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("Q2   NOT COVERED"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn simulate_shows_a_whole_routine() {
    let output = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--start",
            "2026-06-01",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("outcome: executed"), "{text}");
    insta::assert_snapshot!("simulate_installation", text);
}

#[test]
fn simulate_is_deterministic() {
    let run = || {
        rutin()
            .args([
                "simulate",
                "workflows/kommun_003/not_executed.yaml",
                "--start",
                "2026-06-01",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
    };
    let (a, b) = (run(), run());
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(a.stdout, b.stdout);
    let journal: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert!(journal.as_array().is_some_and(|j| !j.is_empty()));
}

#[test]
fn simulate_as_a_role_hides_what_it_may_not_see() {
    let full = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--start",
            "2026-06-01",
        ])
        .output()
        .unwrap();
    let night = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--start",
            "2026-06-01",
            "--as",
            "night_patrol",
        ])
        .output()
        .unwrap();
    assert_eq!(night.status.code(), Some(0), "{}", stderr(&night));
    assert!(stdout(&full).contains("key_number"));
    assert!(!stdout(&night).contains("key_number"), "{}", stdout(&night));
    assert!(!stdout(&night).contains("phoniro_client_number"));
}

#[test]
fn simulate_unknown_role_is_a_usage_error() {
    let output = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--as",
            "nobody",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`nobody` is not a role"));
}

#[test]
fn simulate_a_scenario() {
    let output = rutin()
        .args([
            "simulate",
            "engine/tests/fixtures/valid/everything/routine.yaml",
            "--scenario",
            "cli/tests/fixtures/scenarios/passing.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("✉ message `order_wrong`"), "{text}");
    assert!(text.contains("outcome: executed"), "{text}");
}

#[test]
fn simulate_interactive_reads_answers() {
    // Four tasks: receive (order_ok), install (key_number, keys_needed, installed),
    // day, night. Empty answers take the shown default.
    let answers = "1\nfalse\n1\n\n2\ntrue\n1\n1\n";
    let output = rutin()
        .args([
            "simulate",
            "engine/tests/fixtures/valid/everything/routine.yaml",
            "--start",
            "2026-01-31",
            "--interactive",
        ])
        .write_stdin(answers)
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}\n{}", stderr(&output));
    assert!(
        text.contains("Open task 1: Ta emot beställningen"),
        "{text}"
    );
    assert!(text.contains("order_ok [true]:"), "{text}");
    assert!(text.contains("✉ message `order_wrong`"), "{text}");
}

#[test]
fn test_command_runs_scenarios_with_a_closing_line() {
    let output = rutin()
        .args(["test", "cli/tests/fixtures/scenarios/passing.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("1 passed, 0 failed\n"));
}

#[test]
fn a_failing_scenario_shows_expected_against_actual() {
    let output = rutin()
        .args(["test", "cli/tests/fixtures/scenarios"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("test_failing", stdout(&output));
}

#[test]
fn shipped_scenarios_pass() {
    let output = rutin().args(["test"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains(" passed, 0 failed"));
}

#[test]
fn every_command_has_help_with_examples() {
    for command in ["check", "simulate", "test", "graph", "schema"] {
        let output = rutin().args([command, "--help"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains("Examples:"), "{command}");
    }
}
