//! Assignments (`set:`) at run time: counting, clearing, journaling, and
//! refusing a value its field cannot hold.

use std::path::Path;

use serde_json::json;

use super::fixture::t;
use super::{ok, snapshot};
use crate::model::Routine;
use crate::run::{Case, Record, RunError};

/// A routine from YAML text (no templates).
pub(crate) fn routine(yaml: &str) -> Routine {
    let checked = crate::check_text(Path::new("assign.yaml"), yaml);
    let problems: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.problem.to_string())
        .collect();
    checked
        .routine
        .unwrap_or_else(|| panic!("the routine does not check: {problems:?}"))
}

/// The fixture that counts visits (`engine/tests/fixtures/valid/counting`).
fn counting() -> Routine {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/counting/routine.yaml");
    crate::check_routine(&path)
        .routine
        .unwrap_or_else(|| panic!("the counting fixture does not check"))
}

fn visit(routine: &Routine, case: &mut Case, ok_: bool, day: u32) {
    ok(case.complete_task(
        routine,
        "visit",
        "Bo",
        "visitor",
        json!({ "visit_ok": ok_ }),
        t(2026, 3, day, 9),
    ));
}

#[test]
fn each_visit_counts_once_without_copied_steps() {
    let r = counting();
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"client_name": "Anna"}),
        t(2026, 3, 2, 8),
    ));
    visit(&r, &mut case, false, 3);
    assert_eq!(case.fields().get("attempts"), Some(&json!(1)));
    assert_eq!(case.fields().get("last_visit"), Some(&json!("2026-03-03")));
    visit(&r, &mut case, false, 10);
    visit(&r, &mut case, false, 17);
    assert_eq!(case.fields().get("attempts"), Some(&json!(3)));
    // The route to the assessor set its own field.
    assert_eq!(case.fields().get("assessor_told"), Some(&json!(true)));
    visit(&r, &mut case, true, 24);
    assert_eq!(case.fields().get("attempts"), Some(&json!(4)));
    assert_eq!(case.outcome(), Some("visited"));
    let told = case
        .journal()
        .iter()
        .filter(|e| matches!(&e.record, Record::MessageSent(m) if m.template == "attempts_failed"))
        .count();
    assert_eq!(told, 1, "the assessor is told once");
    let replayed = ok(Case::replay(&r, case.journal()));
    assert_eq!(replayed, case);
}

#[test]
fn a_deadline_counts_its_own_firings() {
    let r = counting();
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"client_name": "Anna"}),
        t(2026, 3, 2, 8),
    ));
    ok(case.advance(&r, t(2026, 3, 9, 8)));
    // 2 days, then every 2 days, twice: three reminders.
    assert_eq!(case.fields().get("reminders"), Some(&json!(3)));
    let sets: Vec<_> = case
        .journal()
        .iter()
        .filter_map(|e| match &e.record {
            Record::FieldsSet {
                deadline, values, ..
            } => Some((deadline.clone(), values.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(sets.len(), 3);
    assert!(sets.iter().all(|(d, _)| d.as_deref() == Some("remind")));
}

const CLEARING: &str = r#"
routine: {id: clearing, version: 1, title: T}
roles: {team: {name: Team}}
fields:
  note: {type: text, example: "2026-01-01"}
  due: {type: date}
start: record
steps:
  record:
    kind: task
    title: Anteckna
    role: team
    optional: [note]
    set: {due: note}
    next: clear
  clear:
    kind: task
    title: Rensa
    role: team
    set: {due: none}
    next: done
  done: {kind: end, title: Klar, outcome: done}
"#;

#[test]
fn none_clears_a_field() {
    let r = routine(CLEARING);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)));
    ok(case.complete_task(
        &r,
        "record",
        "Bo",
        "team",
        json!({"note": "2026-02-01"}),
        t(2026, 1, 5, 9),
    ));
    assert_eq!(case.fields().get("due"), Some(&json!("2026-02-01")));
    ok(case.complete_task(&r, "clear", "Bo", "team", json!(null), t(2026, 1, 5, 10)));
    assert_eq!(case.fields().get("due"), None);
    assert_eq!(ok(Case::replay(&r, case.journal())), case);
}

#[test]
fn a_value_its_field_cannot_hold_refuses_the_command_and_changes_nothing() {
    let r = routine(CLEARING);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)));
    let before = snapshot(&case);
    let refused = case.complete_task(
        &r,
        "record",
        "Bo",
        "team",
        json!({"note": "hej"}),
        t(2026, 1, 5, 9),
    );
    let Err(RunError::Expr { place, error }) = refused else {
        panic!("expected a refusal, got {refused:?}");
    };
    assert_eq!(place, "`set: due` of step `record`");
    assert!(error.to_string().contains("`due` cannot hold"), "{error}");
    assert_eq!(snapshot(&case), before);
}

#[test]
fn a_routine_without_set_journals_no_assignment() {
    let (_, case, _) = super::started();
    assert!(!case
        .journal()
        .iter()
        .any(|e| matches!(e.record, Record::FieldsSet { .. })));
}
