//! Hidden values through recipients and failure explanations, with the
//! store: a group chosen by a hidden field is withheld from `case show`,
//! `case history` and `simulate` for a role that may not see the field; a
//! message whose recipients another recipient may not see the choice of is
//! refused, so no mail names them; `case list` prints no hidden value in a
//! failure's explanation, with or without `--as`.

mod support;

use std::path::Path;

use support::{run_in_store as run, rutin};

const ROUTINE: &str = "cli/tests/fixtures/chosen/routine.yaml";
const REFUSED: &str = "cli/tests/fixtures/chosen/refused.yaml";
const WITHHELD: &str = "[withheld: recipients chosen by fields this role may not see]";
const NOTE: &str = "HIV-positiv";

fn ok(store: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(store, args);
    assert_eq!(code, 0, "{args:?}\n{out}{err}");
    out
}

/// Case `C1`: the alarm team chose group `b` and wrote the note; then the
/// night's deadline fails on the note (not a duration).
fn recorded(store: &Path) {
    let data = "{client_name: Anna, d: 2026-12-01}";
    let start = ["case", "start", ROUTINE, "--id", "C1", "--data", data];
    ok(store, &[&start[..], &["--at", "2026-12-01 08:00"]].concat());
    let values = format!("{{choice: b, secret_note: {NOTE}}}");
    let complete = ["case", "complete", "C1", "record", "--as", "alarm_team"];
    let rest = [
        "--by",
        "Lisa",
        "--values",
        &values,
        "--at",
        "2026-12-01 09:00",
    ];
    ok(store, &[&complete[..], &rest].concat());
    ok(store, &["tick", "--now", "2026-12-05 08:00"]);
}

#[test]
fn a_group_chosen_by_a_hidden_field_is_withheld_from_the_night() {
    let dir = tempfile::tempdir().unwrap();
    recorded(dir.path());
    for command in ["show", "history"] {
        let night = ok(dir.path(), &["case", command, "C1", "--as", "night"]);
        assert!(night.contains(WITHHELD), "{command}: {night}");
        assert!(!night.contains("Hemtjänst B"), "{command}: {night}");
        let json = ["case", command, "C1", "--as", "night", "--format", "json"];
        assert!(!ok(dir.path(), &json).contains("Hemtjänst B"));
        let team = ok(dir.path(), &["case", command, "C1", "--as", "alarm_team"]);
        assert!(team.contains("to: Hemtjänst B"), "{command}: {team}");
    }
    let sv = ["--lang", "sv", "case", "show", "C1", "--as", "night"];
    assert!(ok(dir.path(), &sv).contains("[undanhållet: mottagare som valts av fält"));
}

#[test]
fn simulate_withholds_the_chosen_group_from_the_night() {
    let night = support::outcome(rutin().args(["simulate", ROUTINE, "--as", "night"]));
    assert_eq!(night.0, 0, "{}{}", night.1, night.2);
    assert!(night.1.contains(WITHHELD), "{}", night.1);
    assert!(!night.1.contains("Hemtjänst A"), "{}", night.1);
}

#[test]
fn recipients_one_of_them_may_not_see_the_choice_of_are_refused_and_no_mail_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["check", REFUSED]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(format!("{out}{err}").contains("rutin::recipient-choice-leak"));
    let start = [
        "case",
        "start",
        REFUSED,
        "--id",
        "C1",
        "--data",
        "{client_name: Anna}",
    ];
    let (code, _, err) = run(dir.path(), &start);
    assert_ne!(code, 0, "{err}");
    let folder = dir.path().join("ut");
    let folder_arg = folder.display().to_string();
    let tick = ["tick", "--deliver-to-folder", &folder_arg];
    ok(
        dir.path(),
        &[&tick[..], &["--address", "night=natt@kommun.se"]].concat(),
    );
    let mails = std::fs::read_dir(&folder).map_or(0, |d| d.count());
    assert_eq!(mails, 0, "no case, no mail");
}

#[test]
fn case_list_prints_no_hidden_value_in_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    recorded(dir.path());
    let anyone = ok(dir.path(), &["case", "list"]);
    assert!(anyone.contains("FAILED deadline `late`"), "{anyone}");
    assert!(!anyone.contains(NOTE), "{anyone}");
    let night = ok(dir.path(), &["case", "list", "--as", "night"]);
    assert!(night.contains("FAILED deadline `late`") && !night.contains(NOTE));
    let team = ok(dir.path(), &["case", "list", "--as", "alarm_team"]);
    assert!(team.contains(NOTE), "the alarm team may see it: {team}");
    let (code, _, err) = run(dir.path(), &["case", "list", "--as", "nobody"]);
    assert_ne!(code, 0);
    assert!(err.contains("`nobody` is not a role"), "{err}");
}
