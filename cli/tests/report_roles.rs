//! `case report --as ROLE` and `case show --as ROLE` show a role its own
//! view: a value in a field the role may not see is in no row, no JSON and
//! no failure summary, and a report reading such a field is refused by the
//! field's name.

mod support;

use std::path::Path;

use support::run_in_store as run;

const ROUTINE: &str = "cli/tests/fixtures/report_roles/routine.yaml";
const KEY: &str = "HEMLIG-7731";
const CODE: &str = "hemlig_kod";

/// Starts case `R-1` with a secret key number and key code.
fn start(store: &Path) {
    let data = format!("{{client_name: Anna, key_number: {KEY}, key_code: {CODE}}}");
    let (code, out, err) = run(
        store,
        &[
            "case",
            "start",
            ROUTINE,
            "--id",
            "R-1",
            "--data",
            &data,
            "--at",
            "2026-03-02 08:00",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
}

fn report(store: &Path, schedule: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "case",
        "report",
        ROUTINE,
        schedule,
        "--at",
        "2026-03-02 09:00",
    ];
    args.extend_from_slice(extra);
    run(store, &args)
}

#[test]
fn report_rows_hold_only_the_fields_the_role_may_see() {
    let dir = tempfile::tempdir().unwrap();
    start(dir.path());
    for format in ["text", "json"] {
        let (code, night, err) = report(
            dir.path(),
            "names",
            &["--as", "coordinator_night", "--format", format],
        );
        assert_eq!(code, 0, "{night}{err}");
        assert!(night.contains("Anna"), "{night}");
        assert!(!night.contains(KEY), "{format}: {night}");
        assert!(!night.contains(CODE), "{format}: {night}{err}");
        let (code, team, err) = report(
            dir.path(),
            "names",
            &["--as", "alarm_team", "--format", format],
        );
        assert_eq!(code, 0, "{team}{err}");
        assert!(team.contains(KEY), "{format}: {team}");
    }
}

#[test]
fn a_report_reading_a_hidden_field_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    start(dir.path());
    let (code, out, err) = report(dir.path(), "keys", &["--as", "coordinator_night"]);
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("key_number"), "{err}");
    assert!(!out.contains(KEY) && !err.contains(KEY), "{out}{err}");
    let (code, team, err) = report(dir.path(), "keys", &["--as", "alarm_team"]);
    assert_eq!(code, 0, "{team}{err}");
    assert!(team.contains(&format!("Anna: {KEY}")), "{team}");
}

#[test]
fn the_failure_summary_of_case_show_is_the_roles_view() {
    let dir = tempfile::tempdir().unwrap();
    start(dir.path());
    // The deadline's `set: {key_area: key_code}` fails: the code is no key area.
    let (code, out, err) = run(
        dir.path(),
        &["case", "advance", "R-1", "--to", "2026-03-04 08:00"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, team, err) = run(dir.path(), &["case", "show", "R-1", "--as", "alarm_team"]);
    assert_eq!(code, 0, "{team}{err}");
    assert!(team.contains("FAILED deadline `sort_key`"), "{team}");
    assert!(team.contains(CODE), "{team}");
    let (code, night, err) = run(
        dir.path(),
        &["case", "show", "R-1", "--as", "coordinator_night"],
    );
    assert_eq!(code, 0, "{night}{err}");
    assert!(night.contains("FAILED deadline `sort_key`"), "{night}");
    assert!(!night.contains(CODE), "{night}");
}
