//! `rutin diff` as the real binary: text and JSON, and with `--db` the
//! running cases it concerns (SQLite).

mod support;

const OLD: &str = "workflows/kommun_000/extension.yaml";
const NEW: &str = "engine/tests/fixtures/diff/extension_v2/extension.yaml";

fn rutin(args: &[&str]) -> (i32, String, String) {
    support::outcome(support::rutin().env_remove("RUTIN_DATABASE_URL").args(args))
}

#[test]
fn text_and_json_name_the_same_changes() {
    let (code, text, err) = rutin(&["diff", OLD, NEW]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.starts_with("routine extension: version 2025-03-28 → 2026-01-15\n"),
        "{text}"
    );
    assert!(
        text.contains("passes now after 5 arbetsdagar (was after 3 arbetsdagar)"),
        "{text}"
    );
    let (code, json, err) = rutin(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let changes = value["changes"].as_array().map_or(0, Vec::len);
    assert!(
        text.contains(&format!("\n{changes} change(s)\n")),
        "{changes}: {text}"
    );
    assert!(value.get("cases").is_none(), "no cases without --db");
}

#[test]
fn with_a_database_the_running_cases_are_listed_with_whether_they_can_move() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("rutin.db");
    let db = db.to_str().expect("UTF-8 path");
    let data = "{decision_date: 2026-06-10, client_name: Anna Andersson, client_address: Storgatan 1, \
                old_period: {from: 2025-07-01, to: 2026-06-30}, new_period: {from: 2026-07-01, to: 2027-06-30}}";
    let (code, out, err) = rutin(&[
        "case",
        "start",
        OLD,
        "--id",
        "F-1",
        "--data",
        data,
        "--at",
        "2026-06-11 08:00",
        "--db",
        db,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, text, err) = rutin(&["diff", OLD, NEW, "--db", db]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("\nrunning cases:\n  can move  F-1\n"),
        "{text}"
    );
    assert!(
        text.ends_with("1 could move, 0 cannot, 0 already on it\n"),
        "{text}"
    );
    let (code, json, err) = rutin(&["diff", OLD, NEW, "--db", db, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        value["cases"]["movable"],
        serde_json::json!(["F-1"]),
        "{json}"
    );
    // Nothing was moved: the case still runs on the old version.
    let (_, shown, _) = rutin(&["case", "show", "F-1", "--db", db]);
    assert!(shown.contains("2025-03-28"), "{shown}");
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let (code, _, err) = rutin(&["diff", OLD, "no/such.yaml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no/such.yaml does not exist"), "{err}");
}
