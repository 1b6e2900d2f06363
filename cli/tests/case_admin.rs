//! `rutin case import` of the old `.rutin/` folder and `rutin case migrate`
//! to a new routine version, through the real binary.

mod support;

use std::path::{Path, PathBuf};

use support::{root, rutin};

const ROUTINE: &str = "engine/tests/fixtures/valid/everything/routine.yaml";

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let output = rutin()
        .env_remove("RUTIN_DATABASE_URL")
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("rutin runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// An old store folder with one good case file (a simulated journal) and one damaged.
fn old_folder(dir: &Path) -> PathBuf {
    let output = rutin()
        .args(["simulate", ROUTINE, "--format", "json"])
        .output()
        .expect("rutin runs");
    assert!(output.status.success());
    let journal: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a journal");
    let routine = root().join(ROUTINE).canonicalize().expect("the fixture");
    let file = serde_json::json!({"format": 1, "routine": routine, "journal": journal});
    let cases = dir.join(".rutin/cases");
    std::fs::create_dir_all(&cases).expect("test setup");
    std::fs::write(cases.join("SIM-1.json"), file.to_string()).expect("test setup");
    std::fs::write(cases.join("BROKEN.json"), "{\"format\": 1, \"rout").expect("test setup");
    dir.join(".rutin")
}

#[test]
fn the_old_folder_is_imported_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rutin.db");
    let folder = old_folder(dir.path());
    let before = std::fs::read(folder.join("cases/SIM-1.json")).unwrap();
    let folder_arg = folder.display().to_string();
    let (code, out, err) = run(&db, &["case", "import", &folder_arg]);
    assert_eq!(code, 1, "one file was skipped: {out}{err}");
    assert!(out.contains("imported  SIM-1"), "{out}");
    assert!(
        out.contains("SKIPPED") && out.contains("BROKEN.json"),
        "{out}"
    );
    assert!(
        out.contains("1 imported, 0 already present, 1 skipped"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(folder.join("cases/SIM-1.json")).unwrap(),
        before
    );
    let (code, out, _) = run(&db, &["case", "verify"]);
    assert_eq!(code, 0, "{out}");
    // Again: nothing doubles.
    let (_, out, _) = run(&db, &["case", "import", &folder_arg]);
    assert!(out.contains("0 imported, 1 already present"), "{out}");
    let (code, out, _) = run(&db, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("SIM-1") && out.contains("1 case(s)"), "{out}");
}

/// A copy of the fixture routine with `edit` applied to its routine file.
fn version(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> String {
    let from = root().join("engine/tests/fixtures/valid/everything");
    let to = dir.join(name);
    std::fs::create_dir_all(to.join("templates")).expect("test setup");
    std::fs::copy(from.join("organisation.yaml"), to.join("organisation.yaml"))
        .expect("test setup");
    for entry in std::fs::read_dir(from.join("templates")).expect("test setup") {
        let path = entry.expect("test setup").path();
        std::fs::copy(
            &path,
            to.join("templates").join(path.file_name().expect("a name")),
        )
        .expect("test setup");
    }
    let text = std::fs::read_to_string(from.join("routine.yaml")).expect("the fixture");
    std::fs::write(to.join("routine.yaml"), edit(text)).expect("test setup");
    to.join("routine.yaml").display().to_string()
}

#[test]
fn migrate_lists_then_moves_running_cases() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rutin.db");
    for id in ["M-1", "M-2"] {
        let (code, _, err) = run(
            &db,
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
        assert_eq!(code, 0, "{err}");
    }
    let v2 = version(dir.path(), "v2", |t| t.replace("version: 1", "version: 2"));
    let (code, out, err) = run(&db, &["case", "migrate", "--to", &v2, "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("can move  M-1") && out.contains("can move  M-2"),
        "{out}"
    );
    assert!(
        out.contains("to routine everything version 2: 2 case(s) could move"),
        "{out}"
    );
    let (_, listed, _) = run(&db, &["case", "list"]);
    assert!(
        !listed.contains("(everything 2)"),
        "a dry run changes nothing: {listed}"
    );
    let (code, out, err) = run(
        &db,
        &["case", "migrate", "--to", &v2, "--at", "2026-02-03 08:00"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("moved     M-1") && out.contains("moved     M-2"),
        "{out}"
    );
    let (_, listed, _) = run(&db, &["case", "list"]);
    assert!(
        listed.contains("(everything 2)") && !listed.contains("(everything 1)"),
        "{listed}"
    );
    // A version without the step the cases stand at: they cannot move, and say why.
    let v3 = version(dir.path(), "v3", |t| {
        t.replace("version: 1", "version: 3")
            .replace("start: receive", "start: intake")
            .replace("  receive:", "  intake:")
    });
    let (code, out, err) = run(&db, &["case", "migrate", "--to", &v3, "--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("cannot    M-1:"), "{out}");
    let (code, out, _) = run(&db, &["case", "verify"]);
    assert_eq!(code, 0, "{out}");
}
