//! `rutin case` on a real store folder: a case's life, refusals that leave
//! the stored case byte for byte as it was, and a damaged file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const ROUTINE: &str = "engine/tests/fixtures/valid/everything/routine.yaml";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rutin(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rutin").expect("the rutin binary is built for tests");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env("RUTIN_STORE", store);
    cmd
}

fn run(store: &Path, args: &[&str]) -> (i32, String, String) {
    let output = rutin(store).args(args).output().expect("rutin runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn start(store: &Path, id: &str) {
    let (code, out, err) = run(
        store,
        &[
            "case",
            "start",
            ROUTINE,
            "--id",
            id,
            "--data",
            "{decision_date: 2026-01-31, area: area_b}",
            "--at",
            "2026-02-02 08:00",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_case_lives_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "C-1");
    let (code, out, _) = run(
        store,
        &[
            "case",
            "complete",
            "C-1",
            "receive",
            "--as",
            "alarm_team",
            "--by",
            "Lisa",
            "--values",
            "order_ok: true",
            "--at",
            "2026-02-02 09:00",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("task 1 done by Lisa"), "{out}");
    let (code, out, _) = run(store, &["case", "tasks", "--as", "alarm_team"]);
    assert_eq!(code, 0);
    assert!(out.contains("C-1") && out.contains("install"), "{out}");
    // A month after the decision the case deadline reminds the area group.
    let (code, out, _) = run(store, &["case", "advance", "--to", "2026-03-01"]);
    assert_eq!(code, 0);
    assert!(out.contains("✉ message `not_installed`"), "{out}");
    assert!(out.contains("Områdesgrupp B"), "{out}");
    let (code, out, _) = run(
        store,
        &[
            "case",
            "complete",
            "C-1",
            "install",
            "--as",
            "alarm_team",
            "--values",
            "{key_number: K-9, keys_needed: 2, installed: true}",
            "--at",
            "2026-03-02 10:00",
        ],
    );
    assert_eq!(code, 0, "{out}");
    for task in ["day", "night"] {
        let (code, _, err) = run(
            store,
            &[
                "case",
                "complete",
                "C-1",
                task,
                "--as",
                "coordinator",
                "--at",
                "2026-03-04 10:00",
            ],
        );
        assert_eq!(code, 0, "{err}");
    }
    let (code, out, _) = run(store, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("ended") && out.contains("executed"), "{out}");
    // The key number is in the store, but not in the night patrol's view.
    let (_, full, _) = run(store, &["case", "show", "C-1"]);
    assert!(full.contains("K-9"));
    let (code, night, _) = run(store, &["case", "show", "C-1", "--as", "night_patrol"]);
    assert_eq!(code, 0);
    assert!(!night.contains("K-9"), "{night}");
}

#[test]
fn a_refused_command_leaves_the_stored_case_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "C-2");
    let file = store.join("cases/C-2.json");
    let before = std::fs::read(&file).unwrap();
    for args in [
        vec![
            "case",
            "complete",
            "C-2",
            "receive",
            "--as",
            "night_patrol",
            "--values",
            "order_ok: true",
        ],
        vec![
            "case",
            "complete",
            "C-2",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: maybe",
        ],
        vec![
            "case",
            "complete",
            "C-2",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "{}",
        ],
        vec![
            "case",
            "deliver",
            "C-2",
            "corrected",
            "--values",
            "order_ok: true",
        ],
        vec![
            "case",
            "complete",
            "C-2",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: true",
            "--at",
            "2020-01-01",
        ],
    ] {
        let (code, _, err) = run(store, &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("the case is unchanged"), "{err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the case"
        );
    }
    let (code, _, err) = run(
        store,
        &[
            "case",
            "start",
            ROUTINE,
            "--id",
            "C-2",
            "--data",
            "{decision_date: 2026-01-31, area: area_b}",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("exists already"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let (code, _, err) = run(store, &["case", "show", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no case `nope`"), "{err}");
    let (code, _, err) = run(store, &["case", "show", "../etc/passwd"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot be a case id"), "{err}");
}

#[test]
fn a_damaged_case_file_is_reported_with_its_place_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "good");
    start(store, "bad");
    let bad = store.join("cases/bad.json");
    let mut text = std::fs::read_to_string(&bad).unwrap();
    text.truncate(text.len() / 2);
    std::fs::write(&bad, &text).unwrap();
    let (code, _, err) = run(
        store,
        &[
            "case",
            "complete",
            "bad",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: true",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.json:") && err.contains("the case file is damaged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        text,
        "the damaged file was touched"
    );
    // The other cases still work, and the list names the damaged one.
    let (code, out, _) = run(store, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("good") && out.contains("DAMAGED"), "{out}");
    let (code, _, err) = run(store, &["case", "advance", "--to", "2026-03-01"]);
    assert_eq!(code, 1, "the damaged case is reported");
    assert!(err.contains("case bad:"), "{err}");
    let (_, out, _) = run(store, &["case", "show", "good"]);
    assert!(out.contains("deadline `not_installed` expired"), "{out}");
}

#[test]
fn a_report_runs_over_the_stored_cases() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "R-1");
    start(store, "R-2");
    let (code, _, err) = run(
        store,
        &[
            "case",
            "complete",
            "R-2",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: true",
            "--at",
            "2026-02-03 09:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(
        store,
        &[
            "case",
            "report",
            ROUTINE,
            "monthly",
            "--at",
            "2026-05-01 08:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 case(s) selected: R-1, R-2"), "{out}");
    assert!(out.contains("- R-1: beslut 31 januari 2026"), "{out}");
}
