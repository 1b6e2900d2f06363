//! Schedules over many cases.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::run::{run_schedule, CaseId};

fn case_with(routine: &Routine, id: &str, decision: &str) -> Case {
    ok(Case::start(
        routine,
        id,
        json!({"decision_date": decision, "area_group": "saltis"}),
        t(2026, 1, 15, 8),
    ))
    .0
}

#[test]
fn the_monthly_report_lists_decisions_not_carried_out() {
    let routine = fixture::routine();
    let old = case_with(&routine, "old", "2025-12-01");
    let recent = case_with(&routine, "recent", "2026-01-10");
    let mut installed = case_with(&routine, "installed", "2025-11-01");
    through_call(
        &routine,
        &mut installed,
        json!({"keys_needed": false, "install_date": "2026-02-01"}),
        t(2026, 1, 15, 10),
    );
    complete(
        &routine,
        &mut installed,
        "install",
        "alarm_team",
        json!({"installed": true}),
        t(2026, 2, 1, 10),
    );
    let mut other_routine = routine.clone();
    other_routine.meta.id = "removal".into();
    let foreign = case_with(&other_routine, "foreign", "2025-01-01");

    let before = (old.clone(), recent.clone());
    let run = ok(run_schedule(
        &routine,
        "monthly_not_executed",
        &[&old, &recent, &installed, &foreign],
        t(2026, 3, 5, 6),
    ));
    assert_eq!(run.selected, vec![CaseId::from("old")]);
    let m = run.message.unwrap_or_else(|| panic!("no report"));
    assert_eq!(m.body, "old: 1 december 2025\n");
    assert_eq!(m.to[0].name, "Larmhandläggare");
    assert_eq!(run.next_run, Some(t(2026, 4, 5, 6)));
    assert_eq!((old, recent), before, "a schedule changes no case");

    let run = ok(run_schedule(
        &routine,
        "monthly_not_executed",
        &[&installed],
        t(2026, 3, 5, 6),
    ));
    assert!(run.selected.is_empty());
    assert!(run.message.is_none());

    assert_eq!(
        run_schedule(&routine, "weekly", &[], t(2026, 3, 5, 6)).err(),
        Some(RunError::UnknownSchedule("weekly".into()))
    );
}

#[test]
fn a_report_cannot_show_hidden_fields() {
    let mut routine = fixture::routine();
    routine.templates.insert(
        "report".into(),
        fixture::template(
            "report",
            "{% for c in cases %}{{ c.key_number }}{% endfor %}",
        )
        .1,
    );
    let case = ok(Case::start(
        &routine,
        "c",
        json!({"decision_date": "2025-10-01", "area_group": "saltis", "key_number": "K-9"}),
        t(2026, 1, 15, 8),
    ))
    .0;
    let e = run_schedule(&routine, "monthly_not_executed", &[&case], t(2026, 3, 5, 6)).err();
    assert!(matches!(e, Some(RunError::Render(_))), "{e:?}");
}

#[test]
fn cases_of_another_version_are_passed_over_and_named() {
    let routine = fixture::routine();
    let mut older = routine.clone();
    older.meta.version = "2021-01-28".into();
    // The older version lacks `installed`: this version's `select` could
    // not judge its cases.
    older.fields.retain(|f| f.id != "installed");
    let old = case_with(&older, "old-version", "2025-10-01");
    let current = case_with(&routine, "current", "2025-10-01");
    let run = ok(run_schedule(
        &routine,
        "monthly_not_executed",
        &[&old, &current],
        t(2026, 3, 5, 6),
    ));
    assert_eq!(run.selected, vec![CaseId::from("current")]);
    assert_eq!(run.other_versions, vec![CaseId::from("old-version")]);
    let m = run.message.unwrap_or_else(|| panic!("no report"));
    assert_eq!(m.body, "current: 1 oktober 2025\n");
}

#[test]
fn a_case_whose_select_fails_refuses_the_report_and_is_named() {
    let mut routine = fixture::routine();
    routine.schedules[0].select = expr("date_add(install_date, '1 month') <= today");
    let a = case_with(&routine, "a", "2025-10-01");
    let mut b = case_with(&routine, "b", "2025-10-01");
    complete(
        &routine,
        &mut b,
        "receive_order",
        "alarm_team",
        json!({"order_ok": true}),
        t(2026, 1, 15, 9),
    );
    complete(
        &routine,
        &mut b,
        "call_client",
        "alarm_team",
        json!({"keys_needed": false, "install_date": "2026-02-01"}),
        t(2026, 1, 15, 10),
    );
    // `b` has an install date, `a` not: `date_add` fails on none.
    let e = run_schedule(
        &routine,
        "monthly_not_executed",
        &[&b, &a],
        t(2026, 3, 5, 6),
    )
    .err();
    assert!(
        matches!(&e, Some(RunError::Expr { place, .. }) if place.ends_with("for case a")),
        "{e:?}"
    );
}
