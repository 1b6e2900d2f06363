//! Field rules at run time: every way a value enters a case (start data, a
//! task's values, an event's values, a `set:`) is checked against them; a
//! refusal names the field, the rule and the value (the value only for a
//! role that may see the field) and leaves the case unchanged.

use serde_json::json;

use super::assign::routine;
use super::fixture::{refused, t};
use super::ok;
use crate::model::{Pattern, Routine};
use crate::run::{Case, RunError};

const YAML: &str = r#"
routine: {id: rules, version: 1, title: Regler}
roles:
  intake: {name: Mottagningen}
  other: {name: Andra}
fields:
  postcode: {type: text, required: true, pattern: "[0-9]{3} ?[0-9]{2}"}
  household: {type: integer, min: 1, max: 12}
  wanted_from: {type: date, min: 2026-01-01, max: 2030-12-31}
  motivation: {type: text, min_length: 3, max_length: 10}
  reviews: {type: integer, max: 1}
  secret: {type: text, visible_to: [intake], pattern: "K-[0-9]+"}
events:
  changed:
    title: Ändrad
    optional: [motivation]
    goto: register
start: register
steps:
  register:
    kind: task
    title: Registrera
    role: intake
    optional: [household, wanted_from, motivation, secret]
    set: {reviews: "(reviews or 0) + 1"}
    next: check
  check:
    kind: task
    title: Kontrollera
    role: other
    next: done
  done: {kind: end, title: Klart, outcome: done}
"#;

fn start(r: &Routine) -> Case {
    ok(Case::start(
        r,
        "c",
        json!({"postcode": "131 52"}),
        t(2026, 3, 2, 8),
    ))
    .0
}

fn broken(e: RunError) -> (String, String, String, String) {
    match e {
        RunError::RuleBroken { field, broken, got } => (field, broken.rule, broken.expected, got),
        other => panic!("expected a broken rule, got: {other}"),
    }
}

#[test]
fn start_data_that_breaks_a_pattern_starts_no_case() {
    let r = routine(YAML);
    let e = Case::start(&r, "c", json!({"postcode": "1315"}), t(2026, 3, 2, 8))
        .err()
        .unwrap_or_else(|| panic!("a postcode of four digits was accepted"));
    assert_eq!(e.code(), "rule_broken");
    assert_eq!(
        e.to_string(),
        "`postcode` must be text matching `[0-9]{3} ?[0-9]{2}` as a whole \
         (its rule `pattern: [0-9]{3} ?[0-9]{2}`), got \"1315\""
    );
}

#[test]
fn the_pattern_must_match_the_whole_value() {
    let p = Pattern::new("[0-9]{5}").unwrap_or_else(|e| panic!("{e}"));
    assert!(p.matches("13152"));
    assert!(!p.matches("131520"));
    assert!(!p.matches("x13152"));
    assert!(Pattern::new("a|b").is_ok_and(|p| !p.matches("ab") && p.matches("b")));
}

#[test]
fn task_values_outside_bounds_are_refused_and_change_nothing() {
    let r = routine(YAML);
    let mut case = start(&r);
    for (values, rule) in [
        (json!({"household": 0}), "min: 1"),
        (json!({"household": 13}), "max: 12"),
        (json!({"wanted_from": "2025-12-31"}), "min: 2026-01-01"),
        (json!({"wanted_from": "2031-01-01"}), "max: 2030-12-31"),
        (json!({"motivation": "ab"}), "min_length: 3"),
        (json!({"motivation": "elva tecken"}), "max_length: 10"),
    ] {
        let given = values.clone();
        let e = refused(&mut case, &values.to_string(), |c| {
            c.complete_task(&r, "register", "Bo", "intake", given, t(2026, 3, 3, 9))
        });
        let (_, got_rule, _, got) = broken(e);
        assert_eq!(got_rule, rule);
        let written = values
            .as_object()
            .and_then(|m| m.values().next())
            .map(ToString::to_string);
        assert_eq!(Some(got), written);
    }
}

#[test]
fn bounds_include_their_ends_and_lengths_count_characters() {
    let r = routine(YAML);
    let mut case = start(&r);
    let values = json!({
        "household": 12,
        "wanted_from": "2026-01-01",
        "motivation": "åäöåäöåäöå",
    });
    ok(case.complete_task(&r, "register", "Bo", "intake", values, t(2026, 3, 3, 9)));
    assert_eq!(case.fields().get("household"), Some(&json!(12)));
}

#[test]
fn event_values_are_checked_against_the_rules() {
    let r = routine(YAML);
    let mut case = start(&r);
    let e = refused(&mut case, "a one-letter motivation", |c| {
        c.deliver(&r, "changed", json!({"motivation": "x"}), t(2026, 3, 3, 9))
    });
    assert_eq!(broken(e).1, "min_length: 3");
    ok(case.deliver(
        &r,
        "changed",
        json!({"motivation": "xyz"}),
        t(2026, 3, 3, 9),
    ));
}

#[test]
fn a_set_that_breaks_a_rule_refuses_the_command() {
    let r = routine(YAML);
    let mut case = start(&r);
    ok(case.complete_task(&r, "register", "Bo", "intake", json!({}), t(2026, 3, 3, 9)));
    assert_eq!(case.fields().get("reviews"), Some(&json!(1)));
    ok(case.deliver(&r, "changed", json!({}), t(2026, 3, 4, 9)));
    let e = refused(&mut case, "a second review past `max: 1`", |c| {
        c.complete_task(&r, "register", "Bo", "intake", json!({}), t(2026, 3, 5, 9))
    });
    let (field, rule, expected, got) = broken(e);
    assert_eq!((field.as_str(), rule.as_str()), ("reviews", "max: 1"));
    assert_eq!((expected.as_str(), got.as_str()), ("at most 1", "2"));
}

#[test]
fn a_hidden_value_is_not_quoted_to_a_role_that_may_not_see_it() {
    let r = routine(YAML);
    let mut case = start(&r);
    let e = case
        .complete_task(
            &r,
            "register",
            "Bo",
            "intake",
            json!({"secret": "hemligt-123"}),
            t(2026, 3, 3, 9),
        )
        .err()
        .unwrap_or_else(|| panic!("a secret breaking its pattern was accepted"));
    assert!(e.message_for(&r, "intake").contains("hemligt-123"));
    let other = e.message_for(&r, "other");
    assert!(!other.contains("hemligt-123"), "{other}");
    assert!(other.contains("`secret`") && other.contains("pattern: K-[0-9]+"));
}
