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
    // The other cases still work, and the list names the damaged one (exit 2).
    let (code, out, err) = run(store, &["case", "list"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("good") && out.contains("DAMAGED"), "{out}");
    assert!(err.contains("case file(s) are damaged: bad"), "{err}");
    let (code, out, err) = run(store, &["case", "tasks"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        out.contains("good") && err.contains("case bad cannot be read"),
        "{out}{err}"
    );
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

/// Runs `rutin` in another folder than the workspace root.
fn run_in(cwd: &Path, store: &Path, args: &[&str]) -> (i32, String, String) {
    let output = rutin(store)
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("rutin runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
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
fn a_case_works_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    start(&store, "F-1");
    let text = std::fs::read_to_string(store.join("cases/F-1.json")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let routine = PathBuf::from(file["routine"].as_str().unwrap());
    assert!(routine.is_absolute(), "{text}");
    assert!(routine.ends_with(ROUTINE), "{}", routine.display());
    let elsewhere = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(elsewhere.path(), &store, &["case", "show", "F-1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("case F-1: Every construct once"), "{out}");
    let (code, _, err) = run_in(
        elsewhere.path(),
        &store,
        &[
            "case",
            "complete",
            "F-1",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: true",
            "--at",
            "2026-02-02 09:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // A file written before kept the path as given: it is still read from the
    // folder the case started in, and elsewhere the missing file is named.
    let old = text.replace(&routine.display().to_string(), ROUTINE);
    std::fs::write(
        store.join("cases/OLD.json"),
        old.replace("\"F-1\"", "\"OLD\""),
    )
    .unwrap();
    let (code, _, err) = run(&store, &["case", "show", "OLD"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run_in(elsewhere.path(), &store, &["case", "show", "OLD"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "the routine file {ROUTINE} (the case runs on it) does not exist"
        )),
        "{err}"
    );
    assert!(!err.contains("has errors"), "{err}");
}

#[test]
fn a_case_on_an_older_version_can_be_shown_but_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let routine = routine_copy(&dir.path().join("routine"));
    let routine_arg = routine.display().to_string();
    let (code, _, err) = run(
        &store,
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
    let text = std::fs::read_to_string(&routine).unwrap();
    std::fs::write(&routine, text.replace("version: 1", "version: 2")).unwrap();
    let file = store.join("cases/V-1.json");
    let before = std::fs::read(&file).unwrap();
    let warning = "this case runs version 1 of routine `everything`; the file now has version 2";
    let (code, out, err) = run(&store, &["case", "show", "V-1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(warning), "{out}");
    assert!(
        out.contains("▶ Ta emot beställningen (receive) [task]"),
        "{out}"
    );
    let (code, out, err) = run(&store, &["case", "show", "V-1", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(warning), "{err}");
    assert!(out.trim_start().starts_with('['), "{out}");
    for args in [
        vec![
            "case",
            "complete",
            "V-1",
            "receive",
            "--as",
            "alarm_team",
            "--values",
            "order_ok: true",
        ],
        vec!["case", "advance", "V-1", "--to", "2026-06-01"],
    ] {
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(warning), "{err}");
        assert!(
            err.contains("finish running cases on the old version: keep a copy of the old routine file and point the case at it, or start a new case"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the case"
        );
    }
}

/// Starts a case, completes its first task, and returns its file's text.
fn started_and_received(store: &Path, id: &str) -> String {
    start(store, id);
    let (code, _, err) = run(
        store,
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
    std::fs::read_to_string(store.join(format!("cases/{id}.json"))).expect("the case is stored")
}

/// The 1-based number of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    1 + text
        .lines()
        .position(|l| l.contains(needle))
        .expect("the text has the line")
}

#[test]
fn a_case_file_that_contradicts_its_routine_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let text = started_and_received(store, "T");
    // Each damage: the edited text, and the line it must be reported at.
    let wrong_type = text.replace("\"order_ok\": true", "\"order_ok\": \"x\"");
    let wrong_id = text.replacen("\"case\": \"T\"", "\"case\": \"Q\"", 1);
    let no_step = text.replacen("\"step\": \"install\"", "\"step\": \"instal\"", 1);
    let out_of_sequence = text.replacen("\"seq\": 5,", "\"seq\": 7,", 1);
    let cases = [
        (
            wrong_type.clone(),
            line_of(&wrong_type, "\"order_ok\": \"x\""),
            "`order_ok`: expected boolean",
        ),
        (
            wrong_id.clone(),
            line_of(&wrong_id, "\"case\": \"Q\""),
            "the case id `Q` is not the file's name (`T`)",
        ),
        (
            no_step.clone(),
            line_of(&no_step, "\"instal\""),
            "there is no step `instal` in the routine",
        ),
        (
            out_of_sequence.clone(),
            line_of(&out_of_sequence, "\"seq\": 7,"),
            "expected sequence number 5",
        ),
    ];
    let file = store.join("cases/T.json");
    for (damaged, line, message) in cases {
        std::fs::write(&file, &damaged).unwrap();
        for args in [
            vec!["case", "show", "T"],
            vec![
                "case",
                "complete",
                "T",
                "install",
                "--as",
                "alarm_team",
                "--values",
                "{key_number: K-9, keys_needed: 2, installed: true}",
            ],
            vec!["case", "advance", "T", "--to", "2026-06-01"],
        ] {
            let (code, _, err) = run(store, &args);
            let expected_code = if args[1] == "advance" { 1 } else { 2 };
            assert_eq!(code, expected_code, "{args:?}: {err}");
            assert!(
                err.contains(&format!("T.json:{line}:"))
                    && err.contains("the case file is damaged"),
                "{args:?}: expected line {line}: {err}"
            );
            assert!(err.contains(message), "{err}");
            assert_eq!(
                std::fs::read_to_string(&file).unwrap(),
                damaged,
                "{args:?} wrote to a damaged file"
            );
        }
        let (code, out, _) = run(store, &["case", "list"]);
        assert_eq!(code, 2);
        assert!(out.contains("DAMAGED"), "{out}");
    }
}

#[test]
fn unknown_roles_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "U-1");
    let (code, _, err) = run(store, &["case", "show", "U-1", "--as", "nobody"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`nobody` is not a role of this routine; roles: alarm_team, assessor"),
        "{err}"
    );
    let (code, _, err) = run(store, &["case", "tasks", "--as", "nobody"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`nobody` is not a role of any routine of the stored cases; roles:"),
        "{err}"
    );
    let (code, out, _) = run(store, &["case", "tasks", "--as", "alarm_team"]);
    assert_eq!(code, 0);
    assert!(out.contains("1 open task(s)"), "{out}");
}

#[test]
fn list_advance_start_and_report_say_what_they_did() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    started_and_received(store, "L-1");
    let (code, out, _) = run(store, &["case", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("L-1                  open "), "{out}");
    // Advancing a named case to before its latest entry does nothing, and says so.
    let (code, out, err) = run(store, &["case", "advance", "L-1", "--to", "2026-02-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("case L-1: nothing to do, its latest entry is at 2026-02-03 08:00"),
        "{out}"
    );
    // A refused start has no case to leave unchanged.
    let (code, _, err) = run(
        store,
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
    assert!(!err.contains("the case is unchanged"), "{err}");
    assert!(!store.join("cases/L-2.json").exists());
    let (code, _, err) = run(store, &["case", "report", ROUTINE, "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no schedule `nope`"), "{err}");
    assert!(!err.contains("the case is unchanged"), "{err}");
}

#[test]
fn a_report_first_brings_the_cases_up_to_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "P-1");
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
    // The case deadline one month after the decision fired on the way, and was saved.
    let fired = out.find("deadline `not_installed` expired").expect(&out);
    let selected = out.find("1 case(s) selected: P-1").expect(&out);
    assert!(out.starts_with("case P-1:") && fired < selected, "{out}");
    let (_, shown, _) = run(store, &["case", "show", "P-1"]);
    assert!(
        shown.contains("deadline `not_installed` expired"),
        "{shown}"
    );
    // It is already there: nothing more is due at the report's time.
    let (code, out, err) = run(
        store,
        &["case", "advance", "P-1", "--to", "2026-05-01 08:00"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("case P-1: nothing was due up to 2026-05-01 08:00"),
        "{out}"
    );
}

#[test]
fn the_help_example_starts_a_case_on_the_installation_routine() {
    let output = rutin(Path::new("unused"))
        .args(["case", "--help"])
        .output()
        .unwrap();
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
        dir.path(),
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
fn a_mistyped_role_is_a_usage_error_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    start(store, "C-9");
    let before = std::fs::read(store.join("cases/C-9.json")).unwrap();
    let (code, _, err) = run(
        store,
        &[
            "case",
            "complete",
            "C-9",
            "receive",
            "--as",
            "alarm_tem",
            "--values",
            "order_ok: true",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `alarm_team`?"), "{err}");
    assert_eq!(std::fs::read(store.join("cases/C-9.json")).unwrap(), before);
}
