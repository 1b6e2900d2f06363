//! `rutin test` and `simulate --scenario --as ROLE` word what they print for
//! the role acting or viewing: a refusal quotes no value of a field the
//! role may not see, and a schedule's report is shown only to a role that
//! receives it.

mod support;

use std::path::Path;

use support::{root, rutin};

fn run(args: &[&str]) -> (i32, String) {
    let mut cmd = rutin();
    let output = cmd.args(args).output().expect("rutin runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), text)
}

/// Writes a scenario on fixture `fixture` into `dir`, returning its path.
fn scenario(dir: &Path, fixture: &str, body: &str) -> String {
    let routine = root().join(format!("cli/tests/fixtures/{fixture}/routine.yaml"));
    let text = format!(
        "scenario: Läcka\nroutine: {}\nstart: 2026-03-02 08:00\n{body}",
        routine.display()
    );
    let path = dir.join("leak.yaml");
    std::fs::write(&path, text).expect("the scenario is written");
    path.display().to_string()
}

/// The night coordinator delivers a key number of the wrong type: the
/// refusal would quote it.
const WRONG_KEY: &str = "data: {client_name: Anna, key_number: N-1042}
actions:
  - complete: plan
    role: coordinator_night
  - complete: fetch_key
    role: alarm_team
  - deliver: key_delivered
    role: coordinator_night
    values: {key_number: 98765}
";

#[test]
fn a_refusal_in_a_scenario_quotes_no_value_the_acting_role_may_not_see() {
    let dir = tempfile::tempdir().unwrap();
    let path = scenario(dir.path(), "leaks", WRONG_KEY);
    let (code, out) = run(&["test", &path]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("wrong_type"), "{out}");
    assert!(!out.contains("98765"), "{out}");
    let (code, night) = run(&["simulate", "--scenario", &path, "--as", "coordinator_night"]);
    assert!(night.contains("wrong_type"), "{code}: {night}");
    assert!(!night.contains("98765"), "{night}");
    let (_, team) = run(&["simulate", "--scenario", &path, "--as", "alarm_team"]);
    assert!(team.contains("98765"), "{team}");
}

#[test]
fn a_scenarios_report_and_failures_are_shown_as_the_role_may_see_them() {
    let dir = tempfile::tempdir().unwrap();
    let body = "data: {client_name: Anna, key_number: HEMLIG-7731, key_code: hemlig_kod}
actions:
  - schedule: names
  - wait: 2 days
";
    let path = scenario(dir.path(), "report_roles", body);
    let (_, night) = run(&["simulate", "--scenario", &path, "--as", "coordinator_night"]);
    assert!(night.contains("sort_key"), "{night}");
    assert!(!night.contains("HEMLIG-7731"), "{night}");
    assert!(!night.contains("hemlig_kod"), "{night}");
    let (_, assessor) = run(&["simulate", "--scenario", &path, "--as", "assessor"]);
    assert!(assessor.contains("HEMLIG-7731"), "{assessor}");
}
