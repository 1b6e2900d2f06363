//! The real `rutin` binary: each command on shipped routines and fixtures,
//! each exit code, a routine with errors, a failing scenario.

mod support;

use std::path::{Path, PathBuf};

use support::{root, rutin, rutin_process};

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
    // The README's first command: no --start, so the case starts on the
    // example decision date and the example dates make sense.
    let output = rutin()
        .args(["simulate", "workflows/kommun_000/installation.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("outcome: executed"), "{text}");
    assert!(
        text.contains("2026-06-19 08:00  ● case SIM-1 started"),
        "{text}"
    );
    insta::assert_snapshot!("simulate_installation", text);
}

#[test]
fn simulate_starts_on_the_decision_date_by_default() {
    let output = rutin()
        .args(["simulate", "workflows/kommun_003/not_executed.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("2026-05-04 08:00  ● case SIM-1 started"),
        "{text}"
    );
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
    // The shipped routines keep the key register out of the case (A6), so
    // the fixture with a field only the alarm team may see shows the rule.
    let full = rutin()
        .args([
            "simulate",
            "engine/tests/fixtures/valid/everything/routine.yaml",
            "--start",
            "2026-01-31",
        ])
        .output()
        .unwrap();
    let coordinator = rutin()
        .args([
            "simulate",
            "engine/tests/fixtures/valid/everything/routine.yaml",
            "--start",
            "2026-01-31",
            "--as",
            "coordinator",
        ])
        .output()
        .unwrap();
    assert_eq!(
        coordinator.status.code(),
        Some(0),
        "{}",
        stderr(&coordinator)
    );
    assert!(stdout(&full).contains("key_number"));
    assert!(
        !stdout(&coordinator).contains("key_number"),
        "{}",
        stdout(&coordinator)
    );
    assert!(!stdout(&coordinator).contains("K-17"));
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

const EVERYTHING: &str = "engine/tests/fixtures/valid/everything/routine.yaml";

/// Writes a scenario file on the fixture routine (by its absolute path) into `dir`.
fn scenario_file(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    let routine = root().join(EVERYTHING);
    let text = body.replace("ROUTINE", &routine.display().to_string());
    std::fs::write(&path, text).expect("the scenario is written");
    path
}

#[test]
fn test_checks_every_id_a_scenario_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = scenario_file(
        dir.path(),
        "ids.yaml",
        "scenario: Ids\nroutine: ROUTINE\nstart: 2026-01-31\n\
         data: {decision_date: 2026-01-31, area: area_a}\n\
         actions:\n  - complete: receive\n    role: alarm_team\n    error: wrong_rol\n\
         expect:\n  not_reached: [cancelld]\n  deadlines_not_fired: [not_instaled]\n  \
         no_messages: [instaled]\n  open_tasks: [{step: recieve, role: alarm_tem}]\n",
    );
    let output = rutin().arg("test").arg(&file).output().unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    for expected in [
        "FAIL  Ids (",
        "action 1: error: `wrong_rol` is not an error code (see docs/SCENARIOS.md); did you mean `wrong_role`?",
        "expect.not_reached: `cancelld` is not a step of the routine; did you mean `cancelled`?",
        "expect.deadlines_not_fired: `not_instaled` is not a deadline of the routine; did you mean `not_installed`?",
        "expect.no_messages: `instaled` is not a template the routine uses; did you mean `installed`?",
        "expect.open_tasks: `recieve` is not a step or a deadline of the routine; did you mean `receive`?",
        "expect.open_tasks (role): `alarm_tem` is not a role of the routine; did you mean `alarm_team`?",
        "0 passed, 1 failed",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

#[test]
fn a_scenario_that_cannot_be_read_fails_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let typo = scenario_file(
        dir.path(),
        "typo.yaml",
        "scenario: Typo\nroutine: ROUTINE\nstart: 2026-01-31\nactions:\n  - untill: 2026-02-01\n",
    );
    let missing = scenario_file(
        dir.path(),
        "missing.yaml",
        "scenario: Missing routine\nroutine: no_such_routine.yaml\nstart: 2026-01-31\n",
    );
    let good = root().join("cli/tests/fixtures/scenarios/passing.yaml");
    for (file, expected) in [
        (
            &typo,
            "typo.yaml:5:5: unknown field `untill`, expected one of",
        ),
        (&missing, "no_such_routine.yaml does not exist"),
    ] {
        let output = rutin().arg("test").arg(file).arg(&good).output().unwrap();
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(text.contains(expected), "{expected}\n{text}");
        assert!(text.contains("1 passed, 1 failed"), "{text}");
        assert!(
            !text.contains("error: line"),
            "location shown twice:\n{text}"
        );
    }
    let output = rutin().arg("test").arg(&typo).output().unwrap();
    let text = stdout(&output);
    // No name: the file once.
    assert!(
        text.starts_with(&format!("FAIL  {}\n", typo.display())),
        "{text}"
    );
    assert!(text.contains("; did you mean `until`?"), "{text}");
}

#[test]
fn a_bad_start_date_names_the_scenario_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = scenario_file(
        dir.path(),
        "dates.yaml",
        "scenario: Dates\nroutine: ROUTINE\nstart: 2026-13-01\n\
         actions:\n  - at: 2026-02-30\n    complete: receive\n    role: alarm_team\n",
    );
    let output = rutin().arg("test").arg(&file).output().unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "{}:3:1: start: `2026-13-01` is not a date",
            file.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}:5:5: action 1: at: `2026-02-30` is not a date",
            file.display()
        )),
        "{text}"
    );
}

#[test]
fn scenario_examples_fill_only_fields_nothing_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = scenario_file(
        dir.path(),
        "examples.yaml",
        "scenario: Examples\nroutine: ROUTINE\nstart: 2026-01-31\nexamples: true\n\
         data: {area: area_b}\n",
    );
    let output = rutin()
        .args(["simulate", "--format", "json", "--scenario"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let journal: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let data = journal[0]["data"].as_object().unwrap();
    let keys: Vec<&str> = data.keys().map(String::as_str).collect();
    // decision_date is required, reason is recorded by nothing; area is the scenario's.
    assert_eq!(keys, ["area", "decision_date", "reason"], "{data:?}");
    assert_eq!(data["area"], "area_b");
}

#[test]
fn simulate_takes_the_routine_from_the_scenario() {
    let scenario = "cli/tests/fixtures/scenarios/passing.yaml";
    let output = rutin()
        .args(["simulate", "--scenario", scenario])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("outcome: executed"));
    // The same file by another path is fine; another file is a usage error.
    let output = rutin()
        .args([
            "simulate",
            "engine/tests/fixtures/valid/../valid/everything/routine.yaml",
            "--scenario",
            scenario,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--scenario",
            scenario,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("(its `routine:`), not on workflows/kommun_000/installation.yaml"),
        "{}",
        stderr(&output)
    );
    let output = rutin().args(["simulate"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--max-actions",
            "0",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn simulate_interactive_asks_again_and_stops_when_input_ends() {
    // Days: not a number, too many, then 2. The value `maybe` is refused:
    // the task is asked again at the same time, without asking the days.
    let answers = "abc\n400\n2\nmaybe\nfalse\n";
    let output = rutin()
        .args([
            "simulate",
            EVERYTHING,
            "--start",
            "2026-01-31",
            "--interactive",
        ])
        .write_stdin(answers)
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(
        text.contains("`abc` is not a whole number of days from 0 to 365; try again"),
        "{text}"
    );
    assert!(
        text.contains("`400` is not a whole number of days"),
        "{text}"
    );
    assert!(
        text.contains("refused: `order_ok` must be boolean"),
        "{text}"
    );
    assert!(text.contains("(again, done 2026-02-02 08:00)"), "{text}");
    assert_eq!(text.matches("Days until it is done").count(), 4, "{text}");
    assert!(
        text.contains("2026-02-02 08:00  ☑ task 1 done by Larmgruppen\n"),
        "{text}"
    );
    assert!(
        stderr(&output).contains("input ended before the case finished"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_timeline_names_roles_once_and_joins_once() {
    let output = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--start",
            "2026-06-01",
        ])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(!text.contains("Larmgruppen (Larmgruppen)"), "{text}");
    assert!(text.contains("☑ task 1 done by Larmgruppen\n"), "{text}");
    assert_eq!(
        text.matches("▶ Verkställt dag och natt (executed) [join]")
            .count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("⇶ 2 of 2 branches have reached Verkställt dag och natt (executed)"),
        "{text}"
    );
}

#[test]
fn a_reader_that_goes_away_is_no_error() {
    use std::process::Stdio;
    let mut child = rutin_process()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--start",
            "2026-06-01",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rutin starts");
    // Close our end before rutin writes (as `rutin ... | true` does): its
    // output meets a closed pipe.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("rutin ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn simulate_start_and_scenario_do_not_mix() {
    let output = rutin()
        .args([
            "simulate",
            "--scenario",
            "tests/scenarios/kommun_000/installation_happy.yaml",
            "--start",
            "2026-01-01",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_wrong_recipient_list_is_shown_expected_against_actual() {
    let dir = tempfile::tempdir().unwrap();
    let passing =
        std::fs::read_to_string(root().join("cli/tests/fixtures/scenarios/passing.yaml")).unwrap();
    let routine = root().join("engine/tests/fixtures/valid/everything/routine.yaml");
    let scenario = passing
        .replace("      cc: [assessor]", "      cc: [alarm_team]")
        .replace(
            "routine: ../../../../engine/tests/fixtures/valid/everything/routine.yaml",
            &format!("routine: {}", routine.display()),
        );
    let file = dir.path().join("wrong_cc.yaml");
    std::fs::write(&file, scenario).unwrap();
    let output = rutin().arg("test").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("cc: expected alarm_team, got assessor"),
        "{}",
        stdout(&output)
    );
}
