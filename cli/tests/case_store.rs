//! `rutin case` on a real database file: a case's life, refusals that leave
//! the stored case as it was, a damaged journal, routines pinned to the
//! version a case started on, and databases that cannot be used.

mod support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use support::{root, rutin};

const ROUTINE: &str = "engine/tests/fixtures/valid/everything/routine.yaml";

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    support::outcome(&mut rutin_args(db, args))
}

/// `rutin ARGS --db DB` (the flag after the subcommand, where clap takes it).
fn rutin_args(db: &Path, args: &[&str]) -> Command {
    let mut cmd = rutin();
    cmd.env_remove("RUTIN_DATABASE_URL")
        .args(args)
        .arg("--db")
        .arg(db);
    cmd
}

fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("rutin.db")
}

fn start(db: &Path, id: &str) {
    let (code, out, err) = run(
        db,
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

/// The stored journal of a case, as `show --format json` prints it.
fn journal(db: &Path, id: &str) -> String {
    let (code, out, err) = run(db, &["case", "show", id, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    out
}

fn receive(db: &Path, id: &str) {
    let (code, _, err) = run(
        db,
        &[
            "case",
            "complete",
            id,
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: true",
            "--at",
            "2026-02-03 08:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_case_lives_through_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "C-1");
    let (code, out, _) = run(
        &db,
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
    let (code, out, _) = run(&db, &["case", "tasks", "--as", "alarm_team"]);
    assert_eq!(code, 0);
    assert!(out.contains("C-1") && out.contains("install"), "{out}");
    // A month after the decision the case deadline reminds the area group.
    let (code, out, _) = run(&db, &["case", "advance", "--to", "2026-03-01"]);
    assert_eq!(code, 0);
    assert!(out.contains("✉ message `not_installed`"), "{out}");
    assert!(out.contains("Områdesgrupp B"), "{out}");
    let (code, out, _) = run(
        &db,
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
            &db,
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
    let (code, out, _) = run(&db, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("ended") && out.contains("executed"), "{out}");
    // The key number is in the database, but not in the night patrol's view.
    let (_, full, _) = run(&db, &["case", "show", "C-1"]);
    assert!(full.contains("K-9"));
    let (code, night, _) = run(&db, &["case", "show", "C-1", "--as", "night_patrol"]);
    assert_eq!(code, 0);
    assert!(!night.contains("K-9"), "{night}");
    let (code, history, _) = run(&db, &["case", "history", "C-1", "--as", "night_patrol"]);
    assert_eq!(code, 0);
    assert!(!history.contains("K-9"), "{history}");
    let (code, out, err) = run(&db, &["case", "verify"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 case(s): every journal is intact"), "{out}");
}

#[test]
fn a_refused_command_leaves_the_stored_case_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "C-2");
    let before = journal(&db, "C-2");
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
        let (code, _, err) = run(&db, &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("the case is unchanged"), "{err}");
        assert_eq!(journal(&db, "C-2"), before, "{args:?} changed the case");
    }
    let (code, _, err) = run(
        &db,
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
    assert_eq!(journal(&db, "C-2"), before);
    let (code, _, err) = run(&db, &["case", "show", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no case `nope`"), "{err}");
    let (code, _, err) = run(&db, &["case", "start", ROUTINE, "--id", "../etc/passwd"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be a case id"), "{err}");
}

#[test]
fn a_damaged_journal_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "good");
    start(&db, "bad");
    let edit = "UPDATE journal SET entry = replace(entry, 'area_b', 'area_a') \
                WHERE case_id = 'bad' AND seq = 1";
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        assert_eq!(conn.execute(edit, []).unwrap(), 1);
    }
    let read_entry = || -> String {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row(
            "SELECT entry FROM journal WHERE case_id = 'bad' AND seq = 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let damaged = read_entry();
    let (code, _, err) = run(
        &db,
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
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(read_entry(), damaged, "the damaged journal was touched");
    // The other cases still work, and the list names the damaged one (exit 2).
    let (code, out, err) = run(&db, &["case", "list"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("good") && out.contains("DAMAGED"), "{out}");
    assert!(err.contains("case(s) cannot be read: bad"), "{err}");
    let (code, out, err) = run(&db, &["case", "tasks"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        out.contains("good") && err.contains("case bad cannot be read"),
        "{out}{err}"
    );
    let (code, _, err) = run(&db, &["case", "advance", "--to", "2026-03-01"]);
    assert_eq!(code, 1, "the damaged case is reported");
    assert!(err.contains("case bad:"), "{err}");
    let (code, out, _) = run(&db, &["case", "verify"]);
    assert_eq!(code, 1, "{out}");
    let (_, out, _) = run(&db, &["case", "show", "good"]);
    assert!(out.contains("deadline `not_installed` expired"), "{out}");
}

#[test]
fn a_report_runs_over_the_stored_cases() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "R-1");
    start(&db, "R-2");
    receive(&db, "R-2");
    let (code, out, err) = run(
        &db,
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

/// A copy of the fixture routine (with its organisation and templates) that a test may edit.
fn routine_copy(dir: &Path) -> PathBuf {
    let from = root().join("engine/tests/fixtures/valid/everything");
    std::fs::create_dir_all(dir.join("templates")).expect("test setup");
    for file in ["routine.yaml", "organisation.yaml"] {
        std::fs::copy(from.join(file), dir.join(file)).expect("test setup");
    }
    for entry in std::fs::read_dir(from.join("templates")).expect("test setup") {
        let path = entry.expect("test setup").path();
        std::fs::copy(
            &path,
            dir.join("templates")
                .join(path.file_name().expect("test setup")),
        )
        .expect("test setup");
    }
    dir.join("routine.yaml")
}

#[test]
fn a_running_case_keeps_its_routine_version_whatever_happens_to_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let routine = routine_copy(&dir.path().join("routine"));
    let routine_arg = routine.display().to_string();
    let (code, _, err) = run(
        &db,
        &[
            "case",
            "start",
            &routine_arg,
            "--id",
            "V-1",
            "--data",
            "{decision_date: 2026-01-31, area: area_b}",
            "--at",
            "2026-02-02 08:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The routine moves on to version 2, then its folder goes away altogether.
    let text = std::fs::read_to_string(&routine).unwrap();
    std::fs::write(&routine, text.replace("version: 1", "version: 2")).unwrap();
    let (code, out, err) = run(
        &db,
        &[
            "case",
            "start",
            &routine_arg,
            "--id",
            "V-2",
            "--data",
            "{decision_date: 2026-01-31, area: area_b}",
            "--at",
            "2026-02-02 08:00",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    std::fs::remove_dir_all(dir.path().join("routine")).unwrap();
    receive(&db, "V-1");
    let (code, out, err) = run(&db, &["case", "advance", "--to", "2026-03-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("case V-1:") && out.contains("case V-2:"),
        "{out}"
    );
    let (code, out, _) = run(&db, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("(everything 1)") && out.contains("(everything 2)"),
        "{out}"
    );
    // From any folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let output = rutin_args(&db, &["case", "show", "V-1"])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        shown.contains("case V-1: Every construct once (routine everything version 1)"),
        "{shown}"
    );
}

#[test]
fn unknown_roles_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "U-1");
    let (code, _, err) = run(&db, &["case", "show", "U-1", "--as", "nobody"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`nobody` is not a role of this routine; roles: alarm_team, assessor"),
        "{err}"
    );
    let (code, _, err) = run(&db, &["case", "tasks", "--as", "nobody"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`nobody` is not a role of any routine of the stored cases; roles:"),
        "{err}"
    );
    let (code, out, _) = run(&db, &["case", "tasks", "--as", "alarm_team"]);
    assert_eq!(code, 0);
    assert!(out.contains("1 open task(s)"), "{out}");
    let before = journal(&db, "U-1");
    let (code, _, err) = run(
        &db,
        &[
            "case",
            "complete",
            "U-1",
            "receive",
            "--as",
            "alarm_tem",
            "--values",
            "order_ok: true",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `alarm_team`?"), "{err}");
    assert_eq!(journal(&db, "U-1"), before);
}

#[test]
fn list_advance_start_and_report_say_what_they_did() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "L-1");
    receive(&db, "L-1");
    let (code, out, _) = run(&db, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("L-1                  open "), "{out}");
    let (code, out, err) = run(&db, &["case", "advance", "L-1", "--to", "2026-02-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("case L-1: nothing to do, its latest entry is at 2026-02-03 08:00"),
        "{out}"
    );
    let (code, _, err) = run(
        &db,
        &[
            "case",
            "start",
            ROUTINE,
            "--id",
            "L-2",
            "--data",
            "{area: area_b}",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("refused (missing_field)"), "{err}");
    assert!(err.contains("no case was started"), "{err}");
    let (_, _, err) = run(&db, &["case", "show", "L-2"]);
    assert!(err.contains("there is no case `L-2`"), "{err}");
    let (code, _, err) = run(&db, &["case", "report", ROUTINE, "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no schedule `nope`"), "{err}");
}

#[test]
fn a_report_first_brings_the_cases_up_to_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    start(&db, "P-1");
    let (code, out, err) = run(
        &db,
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
    let fired = out.find("deadline `not_installed` expired").expect(&out);
    let selected = out.find("1 case(s) selected: P-1").expect(&out);
    assert!(out.starts_with("case P-1:") && fired < selected, "{out}");
    let (code, out, err) = run(&db, &["case", "advance", "P-1", "--to", "2026-05-01 08:00"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("case P-1: nothing was due up to 2026-05-01 08:00"),
        "{out}"
    );
}

#[test]
fn the_help_example_starts_a_case_on_the_installation_routine() {
    let output = rutin().args(["case", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout).into_owned();
    let example = &help[help.find("rutin case start").expect(&help)..];
    let routine = example
        .split_whitespace()
        .nth(3)
        .expect("a routine file")
        .to_owned();
    let data_start = example.find("--data '").expect(example) + "--data '".len();
    let data = &example[data_start..data_start + example[data_start..].find('\'').unwrap()];
    assert_eq!(routine, "workflows/kommun_000/installation.yaml");
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        &db_in(&dir),
        &[
            "case",
            "start",
            &routine,
            "--id",
            "K-2026-017",
            "--data",
            data,
        ],
    );
    assert_eq!(code, 0, "{data}: {err}");
    assert!(out.contains("● case K-2026-017 started"), "{out}");
}

#[test]
fn a_file_that_is_not_a_rutin_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "inköpslista: mjölk, bröd\n").unwrap();
    let (code, _, err) = run(&notes, &["case", "list"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not a Rutin database"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "inköpslista: mjölk, bröd\n"
    );
}

#[test]
fn an_unreachable_postgres_server_is_named_plainly() {
    let mut cmd = rutin();
    let dir = tempfile::tempdir().unwrap();
    let output = cmd
        .current_dir(dir.path())
        .env(
            "RUTIN_DATABASE_URL",
            "postgres://rutin:hemligt@127.0.0.1:1/rutin",
        )
        .args(["case", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("127.0.0.1"), "{err}");
    assert!(!err.contains("hemligt"), "{err}");
    assert!(!dir.path().join("rutin.db").exists());
}

#[test]
fn without_db_the_file_is_rutin_db_here() {
    let dir = tempfile::tempdir().unwrap();
    let output = rutin()
        .current_dir(dir.path())
        .env_remove("RUTIN_DATABASE_URL")
        .args(["case", "list"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("0 case(s)"));
    assert!(dir.path().join("rutin.db").is_file());
}
