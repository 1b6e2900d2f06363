//! Personnummer fields at run time: stored in their normal form with the
//! century counted from the command's day, refused with a plain reason,
//! and hidden from every role unless `visible_to` names it.

use serde_json::json;

use super::assign::routine;
use super::fixture::{refused, t};
use super::ok;
use crate::model::Routine;
use crate::run::{Case, RunError};

const YAML: &str = r#"
routine: {id: pnr, version: 1, title: Personnummer}
roles:
  intake: {name: Mottagningen}
  driver: {name: Förare}
fields:
  client_id: {type: personnummer, required: true, visible_to: [intake]}
  protected_id: {type: personnummer}
  contact_id: {type: personnummer, visible_to: [intake]}
  typed: {type: text, visible_to: [intake]}
start: register
steps:
  register:
    kind: task
    title: Registrera
    role: intake
    optional: [contact_id, typed]
    set: {contact_id: "contact_id or typed"}
    next: drive
  drive:
    kind: task
    title: Kör
    role: driver
    next: done
  done: {kind: end, title: Klart, outcome: done}
"#;

fn start(r: &Routine, data: serde_json::Value) -> Result<Case, RunError> {
    Case::start(r, "c", data, t(2026, 3, 2, 8)).map(|(case, _)| case)
}

#[test]
fn a_ten_digit_number_is_stored_with_its_century_from_the_day_given() {
    let r = routine(YAML);
    let case = ok(start(
        &r,
        json!({"client_id": "121212-1212", "protected_id": "811218+9876"}),
    ));
    assert_eq!(
        case.fields().get("client_id"),
        Some(&json!("20121212-1212"))
    );
    assert_eq!(
        case.fields().get("protected_id"),
        Some(&json!("18811218-9876"))
    );
}

#[test]
fn task_and_set_values_are_normalized_too() {
    let r = routine(YAML);
    let mut case = ok(start(&r, json!({"client_id": "19121212-1212"})));
    ok(case.complete_task(
        &r,
        "register",
        "Bo",
        "intake",
        json!({"typed": "8112189876"}),
        t(2026, 3, 3, 9),
    ));
    assert_eq!(
        case.fields().get("contact_id"),
        Some(&json!("19811218-9876"))
    );
}

#[test]
fn a_wrong_check_digit_is_refused_and_changes_nothing() {
    let r = routine(YAML);
    let e = start(&r, json!({"client_id": "19121212-1213"}))
        .err()
        .unwrap_or_else(|| panic!("a wrong check digit was accepted"));
    assert_eq!(e.code(), "bad_personnummer");
    assert!(e.to_string().contains("check digit"), "{e}");
    let mut case = ok(start(&r, json!({"client_id": "19121212-1212"})));
    let values = json!({"contact_id": "811318-9875"});
    let e = refused(&mut case, "month 13", |c| {
        c.complete_task(&r, "register", "Bo", "intake", values, t(2026, 3, 3, 9))
    });
    assert!(matches!(e, RunError::BadPersonnummer { .. }), "{e}");
    assert!(e.message_for(&r, "intake").contains("811318-9875"));
    let driver = e.message_for(&r, "driver");
    assert!(!driver.contains("811318"), "{driver}");
    assert!(driver.contains("its month does not exist"), "{driver}");
}

#[test]
fn a_set_that_gives_no_personnummer_refuses_the_command() {
    let r = routine(YAML);
    let mut case = ok(start(&r, json!({"client_id": "19121212-1212"})));
    let values = json!({"typed": "okänd"});
    let e = refused(&mut case, "`okänd` as a personnummer", |c| {
        c.complete_task(&r, "register", "Bo", "intake", values, t(2026, 3, 3, 9))
    });
    assert_eq!(e.code(), "bad_personnummer");
}

#[test]
fn without_visible_to_no_role_sees_the_number() {
    let r = routine(YAML);
    let case = ok(start(
        &r,
        json!({"client_id": "19121212-1212", "protected_id": "19811218-9876"}),
    ));
    let intake = serde_json::to_string(&case.view_for(&r, "intake")).unwrap_or_default();
    assert!(intake.contains("19121212-1212"));
    assert!(!intake.contains("19811218-9876"), "{intake}");
    let driver = serde_json::to_string(&case.view_for(&r, "driver")).unwrap_or_default();
    assert!(!driver.contains("19121212-1212") && !driver.contains("19811218-9876"));
}
