//! What a role runs it sees as that role: a message for the alarm team with
//! the key number is not printed for the night coordinator, a refusal does
//! not quote a value the role may not see, and control characters in case
//! values are escaped on the terminal.

mod support;

use std::path::Path;

use support::run_in_store as run;

const ROUTINE: &str = "cli/tests/fixtures/leaks/routine.yaml";
const KEY: &str = "N-1042";

/// Starts case `L-1` (a client name with an ESC) as the night coordinator.
fn start(store: &Path) -> String {
    // YAML's `\e` is an ESC: the client's name would clear the screen.
    let data = format!("{{client_name: \"Anna\\e[2J\", key_number: {KEY}}}");
    let (code, out, err) = run(
        store,
        &[
            "case",
            "start",
            ROUTINE,
            "--id",
            "L-1",
            "--data",
            &data,
            "--at",
            "2026-03-02 08:00",
            "--as",
            "coordinator_night",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    out
}

fn complete(store: &Path, task: &str, role: &str, at: &str) -> String {
    let (code, out, err) = run(
        store,
        &["case", "complete", "L-1", task, "--as", role, "--at", at],
    );
    assert_eq!(code, 0, "{out}{err}");
    out
}

#[test]
fn a_message_for_the_alarm_team_is_not_printed_for_the_night_coordinator() {
    let dir = tempfile::tempdir().unwrap();
    let out = start(dir.path());
    assert!(!out.contains(KEY), "{out}");
    let night = complete(dir.path(), "plan", "coordinator_night", "2026-03-02 09:00");
    assert!(!night.contains(KEY), "{night}");
    assert!(!night.contains("key_for_team"), "{night}");
    // The alarm team's own view of the case shows the message it received.
    let (code, team, _) = run(dir.path(), &["case", "show", "L-1", "--as", "alarm_team"]);
    assert_eq!(code, 0);
    assert!(team.contains(&format!("Hämta nyckel {KEY}")), "{team}");
    let (_, json, _) = run(
        dir.path(),
        &[
            "case",
            "show",
            "L-1",
            "--as",
            "coordinator_night",
            "--format",
            "json",
        ],
    );
    assert!(!json.contains(KEY), "{json}");
}

#[test]
fn a_refusal_for_a_role_does_not_quote_a_hidden_value() {
    let dir = tempfile::tempdir().unwrap();
    start(dir.path());
    complete(dir.path(), "plan", "coordinator_night", "2026-03-02 09:00");
    complete(dir.path(), "fetch_key", "alarm_team", "2026-03-02 10:00");
    let deliver = |role: &str| {
        run(
            dir.path(),
            &[
                "case",
                "deliver",
                "L-1",
                "key_delivered",
                "--values",
                "{key_number: 1042}",
                "--as",
                role,
                "--at",
                "2026-03-02 11:00",
            ],
        )
    };
    let (code, out, err) = deliver("coordinator_night");
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("refused (wrong_type)"), "{err}");
    assert!(!err.contains("1042"), "{err}");
    let (_, _, err) = deliver("alarm_team");
    assert!(err.contains("1042"), "{err}");
}

#[test]
fn control_characters_in_values_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let out = start(dir.path());
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("Anna\\x1b[2J"), "{out}");
    let (_, shown, _) = run(dir.path(), &["case", "show", "L-1"]);
    assert!(
        !shown.contains('\u{1b}') && shown.contains("Anna\\x1b[2J"),
        "{shown:?}"
    );
    let (_, by, _) = run(
        dir.path(),
        &[
            "case",
            "complete",
            "L-1",
            "plan",
            "--as",
            "coordinator_night",
            "--by",
            "Bo\u{1b}]0;owned\u{7}",
            "--at",
            "2026-03-02 09:00",
        ],
    );
    assert!(!by.contains('\u{1b}') && !by.contains('\u{7}'), "{by:?}");
    assert!(by.contains("Bo\\x1b]0;owned\\x07"), "{by}");
}
