//! Every refusal leaves the case exactly as it was.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::model::{Recipient, RecipientTarget, Route, StepKind};
use crate::run::{RenderError, TaskId};

/// Runs a command that must be refused; checks the case did not change.
fn refused(
    case: &mut Case,
    command: impl FnOnce(&mut Case) -> Result<Effects, RunError>,
) -> RunError {
    let before = case.clone();
    let before_json = snapshot(case);
    let result = command(case);
    let Err(error) = result else {
        panic!("the command was accepted");
    };
    assert_eq!(
        snapshot(case),
        before_json,
        "refused command changed the case: {error}"
    );
    assert_eq!(*case, before);
    error
}

#[test]
fn task_errors() {
    let (r, mut case, _) = started();
    let at = t(2026, 1, 15, 9);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "receive_order",
            "Bo",
            "assessor",
            json!({"order_ok": true}),
            at,
        )
    });
    assert!(
        matches!(e, RunError::WrongRole { ref expected, ref got, .. } if expected == "alarm_team" && got == "assessor"),
        "{e}"
    );
    let e = refused(&mut case, |c| {
        c.complete_task(&r, "install", "Bo", "alarm_team", json!({}), at)
    });
    assert_eq!(e, RunError::StepNotActive("install".into()));
    let e = refused(&mut case, |c| {
        c.complete_task(&r, "no_such_step", "Bo", "alarm_team", json!({}), at)
    });
    assert!(
        matches!(&e, RunError::UnknownStep { step, .. } if step == "no_such_step"),
        "{e:?}"
    );
    let e = refused(&mut case, |c| {
        c.complete_task(&r, "receive_ordr", "Bo", "alarm_team", json!({}), at)
    });
    assert_eq!(
        e.to_string(),
        "there is no step `receive_ordr` in the routine; did you mean `receive_order`?"
    );
    let e = refused(&mut case, |c| {
        c.complete_task(&r, TaskId(99), "Bo", "alarm_team", json!({}), at)
    });
    assert_eq!(e, RunError::NoSuchTask(TaskId(99)));
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "receive_order",
            "Bo",
            "alarm_team",
            json!({"note": "x"}),
            at,
        )
    });
    assert!(
        matches!(e, RunError::MissingField { ref field, .. } if field == "order_ok"),
        "{e}"
    );
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "receive_order",
            "Bo",
            "alarm_team",
            json!({"order_ok": "ja"}),
            at,
        )
    });
    assert!(
        matches!(e, RunError::WrongType { ref field, .. } if field == "order_ok"),
        "{e}"
    );
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "receive_order",
            "Bo",
            "alarm_team",
            json!({"order_ok": true, "colour": "red"}),
            at,
        )
    });
    assert_eq!(
        e,
        RunError::UnknownField {
            field: "colour".into(),
            suggestion: None,
        }
    );
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "receive_order",
            "Bo",
            "alarm_team",
            json!({"order_ok": true, "installed": true}),
            at,
        )
    });
    assert!(
        matches!(e, RunError::FieldNotAccepted { ref field, .. } if field == "installed"),
        "{e}"
    );
    let e = refused(&mut case, |c| {
        c.complete_task(&r, "receive_order", "Bo", "alarm_team", json!([true]), at)
    });
    assert!(matches!(e, RunError::ValuesNotAMap { .. }), "{e}");
}

#[test]
fn type_errors() {
    let (r, mut case, _) = started();
    complete(
        &r,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": true}),
        t(2026, 1, 15, 9),
    );
    let at = t(2026, 1, 15, 10);
    for bad in [
        json!({"keys_needed": true, "install_date": "2026-02-30"}),
        json!({"keys_needed": true, "install_date": "2026-2-3"}),
        json!({"keys_needed": true, "install_date": 20260203}),
        json!({"keys_needed": 1, "install_date": "2026-02-03"}),
        json!({"keys_needed": true, "install_date": "2026-02-03", "keys": "huvudnyckel"}),
        json!({"keys_needed": true, "install_date": "2026-02-03", "keys": ["a", 2]}),
        json!({"keys_needed": true, "install_date": "2026-02-03", "key_number": null}),
    ] {
        let e = refused(&mut case, |c| {
            c.complete_task(&r, "call_client", "Bo", "alarm_team", bad.clone(), at)
        });
        assert!(matches!(e, RunError::WrongType { .. }), "{bad}: {e}");
    }
}

#[test]
fn start_errors() {
    let r = fixture::routine();
    let at = t(2026, 1, 15, 8);
    let e = Case::start(&r, "c", json!({"area_group": "saltis"}), at).err();
    assert!(
        matches!(e, Some(RunError::MissingField { ref field, .. }) if field == "decision_date"),
        "{e:?}"
    );
    let e = Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-01-15", "area_group": "intake"}),
        at,
    )
    .err();
    assert_eq!(
        e,
        Some(RunError::NotInEnum {
            field: "area_group".into(),
            value: "intake".into(),
            allowed: strings(&["saltis", "boo"]),
        })
    );
    let e = Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-01-15", "area_group": "boo", "decision_period": {"from": "2026-12-31", "to": "2026-01-01"}}),
        at,
    )
    .err();
    assert!(matches!(e, Some(RunError::WrongType { .. })), "{e:?}");
    let e = Case::start(&r, "c", json!("text"), at).err();
    assert!(matches!(e, Some(RunError::ValuesNotAMap { .. })), "{e:?}");
}

#[test]
fn event_errors() {
    let (r, mut case, _) = started();
    let at = t(2026, 1, 15, 9);
    let e = refused(&mut case, |c| {
        c.deliver(&r, "order_corrected", json!({"order_ok": true}), at)
    });
    assert_eq!(e, RunError::EventNotAwaited("order_corrected".into()));
    let e = refused(&mut case, |c| c.deliver(&r, "phone_call", json!({}), at));
    assert!(
        matches!(&e, RunError::UnknownEvent { event, .. } if event == "phone_call"),
        "{e:?}"
    );
    complete(
        &r,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false}),
        at,
    );
    let e = refused(&mut case, |c| {
        c.deliver(&r, "order_corrected", json!({}), at)
    });
    assert!(matches!(e, RunError::MissingField { .. }), "{e}");
    let e = refused(&mut case, |c| {
        c.deliver(
            &r,
            "order_corrected",
            json!({"order_ok": true, "note": "x"}),
            at,
        )
    });
    assert!(matches!(e, RunError::FieldNotAccepted { .. }), "{e}");
}

#[test]
fn clock_and_lifecycle_errors() {
    let (r, mut case, _) = started();
    let e = refused(&mut case, |c| c.advance(&r, t(2026, 1, 15, 7)));
    assert!(matches!(e, RunError::TimeWentBackwards { .. }), "{e}");
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "receive_order",
            "Bo",
            "alarm_team",
            json!({"order_ok": true}),
            t(2026, 1, 1, 0),
        )
    });
    assert!(matches!(e, RunError::TimeWentBackwards { .. }), "{e}");
    // A deadline fired at 2026-04-15: going back before it is refused.
    ok(case.advance(&r, t(2026, 4, 20, 0)));
    let e = refused(&mut case, |c| c.advance(&r, t(2026, 4, 14, 0)));
    assert!(matches!(e, RunError::TimeWentBackwards { .. }), "{e}");

    let mut other = r.clone();
    other.meta.version = "2026-01-01".into();
    let e = refused(&mut case, |c| c.advance(&other, t(2026, 5, 1, 0)));
    assert!(matches!(e, RunError::WrongRoutine { .. }), "{e}");

    ok(case.advance(&r, t(2027, 2, 1, 0)));
    assert_eq!(case.outcome(), Some("cancelled"));
    let e = refused(&mut case, |c| c.advance(&r, t(2027, 3, 1, 0)));
    assert_eq!(
        e,
        RunError::CaseEnded {
            outcome: "cancelled".into()
        }
    );
    let e = refused(&mut case, |c| {
        c.deliver(&r, "order_corrected", json!({}), t(2027, 3, 1, 0))
    });
    assert!(matches!(e, RunError::CaseEnded { .. }));
}

#[test]
fn a_deadline_that_moves_the_task_away_refuses_a_late_completion() {
    let (r, mut case, _) = started();
    complete(
        &r,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false}),
        t(2026, 1, 15, 9),
    );
    // give_up fired (6 weeks) before this delivery: the case is cancelled by then.
    let e = refused(&mut case, |c| {
        c.deliver(
            &r,
            "order_corrected",
            json!({"order_ok": true}),
            t(2026, 3, 1, 0),
        )
    });
    assert_eq!(
        e,
        RunError::CaseEnded {
            outcome: "cancelled".into()
        }
    );
}

/// A routine with a decision that has no default.
fn decision_routine(routes: Vec<Route>) -> Routine {
    bare(
        "work",
        vec![
            task("work", "alarm_team", &[], &["visits"], next("decide")),
            step("decide", StepKind::Decision, routes),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    )
}

fn start_bare(r: &Routine) -> Case {
    ok(Case::start(
        r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ))
    .0
}

#[test]
fn no_route_is_refused() {
    let r = decision_routine(vec![Route {
        set: Vec::new(),
        when: Some(expr("visits > 3")),
        to: "done".into(),
        local_choice: None,
        title: None,
    }]);
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!({"visits": 1}),
            t(2026, 3, 3, 8),
        )
    });
    assert_eq!(
        e,
        RunError::NoRoute {
            step: "decide".into()
        }
    );
    ok(case.complete_task(
        &r,
        "work",
        "Bo",
        "alarm_team",
        json!({"visits": 5}),
        t(2026, 3, 3, 8),
    ));
    assert_eq!(case.outcome(), Some("done"));
}

#[test]
fn a_failing_condition_is_refused() {
    let r = decision_routine(vec![Route {
        set: Vec::new(),
        when: Some(expr(
            "visits > 3 and periods_gap(decision_period, decision_period)",
        )),
        to: "done".into(),
        local_choice: None,
        title: None,
    }]);
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!({"visits": 5}),
            t(2026, 3, 3, 8),
        )
    });
    assert!(matches!(e, RunError::Expr { .. }), "{e}");
}

#[test]
fn a_loop_of_automatic_steps_is_stopped() {
    let r = decision_routine(vec![Route {
        set: Vec::new(),
        when: None,
        to: "decide".into(),
        local_choice: None,
        title: None,
    }]);
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!(null),
            t(2026, 3, 3, 8),
        )
    });
    assert!(matches!(e, RunError::CycleLimit { .. }), "{e}");
}

#[test]
fn a_template_reading_a_hidden_field_is_refused() {
    let r = message_routine(
        "Nyckel {{ key_number }}",
        None,
        vec![role("alarm_team"), role("assessor")],
    );
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!({"key_number": "K-1"}),
            t(2026, 3, 3, 8),
        )
    });
    assert_eq!(
        e,
        RunError::Render(RenderError::HiddenField {
            template: "t".into(),
            field: "key_number".into(),
            recipient: "assessor".into(),
        })
    );
    // A group without `sees_as` may not see it either.
    let r = message_routine("Nyckel {{ key_number }}", None, vec![group("saltis")]);
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!({"key_number": "K-1"}),
            t(2026, 3, 3, 8),
        )
    });
    assert!(
        matches!(e, RunError::Render(RenderError::HiddenField { .. })),
        "{e}"
    );
    // A group that sees as alarm_team may.
    let r = message_routine("Nyckel {{ key_number }}", None, vec![group("boo")]);
    let mut case = start_bare(&r);
    let fx = ok(case.complete_task(
        &r,
        "work",
        "Bo",
        "alarm_team",
        json!({"key_number": "K-1"}),
        t(2026, 3, 3, 8),
    ));
    assert_eq!(
        fx.messages().next().map(|m| m.body.as_str()),
        Some("Nyckel K-1")
    );
}

#[test]
fn strict_rendering_refuses_undefined_values() {
    for template in [
        "Hej {{ nobody }}",
        "{{ case.nothing }}",
        "{{ deadline.id }}",
        "{{ install_date | date }}",
        "{% for k in missing %}{% endfor %}",
        "{{ group_name('nope') }}",
    ] {
        let r = message_routine(template, None, vec![role("alarm_team")]);
        let mut case = start_bare(&r);
        let e = refused(&mut case, |c| {
            c.complete_task(
                &r,
                "work",
                "Bo",
                "alarm_team",
                json!(null),
                t(2026, 3, 3, 8),
            )
        });
        assert!(
            matches!(e, RunError::Render(RenderError::Failed { .. })),
            "{template}: {e}"
        );
    }
    let mut r = message_routine("ok", None, vec![role("alarm_team")]);
    r.templates.clear();
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!(null),
            t(2026, 3, 3, 8),
        )
    });
    assert_eq!(
        e,
        RunError::Render(RenderError::MissingTemplate("t".into()))
    );
}

#[test]
fn group_of_must_give_a_group() {
    let to = vec![Recipient {
        target: RecipientTarget::GroupOf {
            expr: expr("note"),
            candidates: Vec::new(),
        },
        when: None,
        title: None,
    }];
    let r = message_routine("Hej", None, to);
    let mut case = start_bare(&r);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!({"note": "sickla"}),
            t(2026, 3, 3, 8),
        )
    });
    assert_eq!(
        e,
        RunError::UnknownGroup {
            expr: "note".into(),
            value: "sickla".into()
        }
    );
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "work",
            "Bo",
            "alarm_team",
            json!(null),
            t(2026, 3, 3, 8),
        )
    });
    assert!(matches!(e, RunError::Expr { .. }), "{e}");
}

#[test]
fn a_deadline_beyond_year_9999_is_armed_and_replays() {
    let mut d = deadline("far", "1 month");
    d.from = crate::model::DeadlineStart::Field("install_date".into());
    d.message = Some(message("reminder", vec![role("alarm_team")]));
    let mut wait = task("wait", "alarm_team", &[], &[], next("done"));
    wait.deadlines = vec![d];
    let r = bare(
        "work",
        vec![
            task("work", "alarm_team", &["install_date"], &[], next("wait")),
            wait,
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let mut case = start_bare(&r);
    ok(case.complete_task(
        &r,
        "work",
        "Bo",
        "alarm_team",
        json!({"install_date": "9999-12-15"}),
        t(2026, 3, 3, 8),
    ));
    let due = case.pending_deadlines()[0].due;
    assert_eq!(due.date().to_string(), "+10000-01-15");
    let json = serde_json::to_string(&case).unwrap_or_default();
    let back: Case = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, case);
}

#[test]
fn errors_read_well() {
    let e = RunError::NotInEnum {
        field: "area_group".into(),
        value: "intake".into(),
        allowed: strings(&["saltis", "boo"]),
    };
    assert_eq!(
        e.to_string(),
        "`intake` is not a value of `area_group`; use one of: saltis, boo"
    );
    let e = RunError::MissingField {
        field: "order_ok".into(),
        by: "task #1 (receive_order)".into(),
    };
    assert_eq!(e.to_string(), "task #1 (receive_order) requires `order_ok`");
}

fn end(id: &str) -> crate::model::Step {
    step(
        id,
        StepKind::End {
            outcome: "done".into(),
        },
        Vec::new(),
    )
}

fn parallel(id: &str, branches: &[&str], join: &str) -> crate::model::Step {
    step(
        id,
        StepKind::Parallel {
            branches: strings(branches),
            join: join.into(),
        },
        Vec::new(),
    )
}

/// The tasks open now, by step.
fn open_steps(case: &Case) -> Vec<String> {
    let mut steps: Vec<_> = case
        .open_tasks()
        .iter()
        .filter_map(|t| t.step.as_deref().map(str::to_string))
        .collect();
    steps.sort();
    steps
}

#[test]
fn re_entering_a_parallel_step_whose_join_waits_is_refused() {
    // `b` loops back into the parallel step before the join (ev/loop_join.yaml).
    let mut r = bare(
        "p",
        vec![
            parallel("p", &["a", "b"], "j"),
            task("a", "alarm_team", &[], &[], next("j")),
            task("b", "assessor", &["order_ok"], &[], next("db")),
            step(
                "db",
                StepKind::Decision,
                vec![
                    Route {
                        set: Vec::new(),
                        when: Some(expr("order_ok")),
                        to: "p".into(),
                        local_choice: None,
                        title: None,
                    },
                    Route {
                        set: Vec::new(),
                        when: None,
                        to: "j".into(),
                        local_choice: None,
                        title: None,
                    },
                ],
            ),
            step("j", StepKind::Join, next("n")),
            task("n", "coordinator_night", &[], &[], next("done")),
            end("done"),
        ],
    );
    r.fields.iter_mut().for_each(|f| f.required = false);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)));
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "b",
            "Eva",
            "assessor",
            json!({"order_ok": true}),
            t(2026, 1, 5, 9),
        )
    });
    assert_eq!(
        e,
        RunError::JoinBusy {
            parallel: "p".into(),
            join: "j".into(),
            waiting: 2,
            expected: 2,
        }
    );
    assert_eq!(e.code(), "join_busy");
    // Going on without the loop joins once.
    for (step, role, values) in [
        ("b", "assessor", json!({"order_ok": false})),
        ("a", "alarm_team", json!(null)),
    ] {
        ok(case.complete_task(&r, step, "Eva", role, values, t(2026, 1, 6, 8)));
    }
    assert_eq!(open_steps(&case), vec!["n"]);
}

#[test]
fn a_join_shared_by_two_parallel_steps_is_refused() {
    // ev/shared_join.yaml: the inner parallel step joins where the outer does.
    let mut r = bare(
        "p1",
        vec![
            parallel("p1", &["a", "p2"], "j"),
            parallel("p2", &["b", "c"], "j"),
            task("a", "alarm_team", &[], &[], next("j")),
            task("b", "assessor", &[], &[], next("j")),
            task("c", "coordinator_night", &[], &[], next("j")),
            step("j", StepKind::Join, next("n")),
            task("n", "coordinator_night", &[], &[], next("done")),
            end("done"),
        ],
    );
    r.fields.iter_mut().for_each(|f| f.required = false);
    let e = Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)).err();
    assert_eq!(
        e,
        Some(RunError::JoinBusy {
            parallel: "p2".into(),
            join: "j".into(),
            waiting: 2,
            expected: 2,
        })
    );
}

#[test]
fn a_token_reaching_a_join_after_all_branches_is_refused() {
    // `b` splits again, and both of its branches lead to the outer join.
    let mut r = bare(
        "p1",
        vec![
            parallel("p1", &["a", "b"], "j"),
            task("a", "alarm_team", &[], &[], next("j")),
            task("b", "assessor", &[], &[], next("p3")),
            parallel("p3", &["c", "d"], "j3"),
            task("c", "coordinator_day", &[], &[], next("j")),
            task("d", "coordinator_night", &[], &[], next("j")),
            step("j3", StepKind::Join, next("j")),
            step("j", StepKind::Join, next("n")),
            task("n", "fee_admin", &[], &[], next("done")),
            end("done"),
        ],
    );
    r.fields.iter_mut().for_each(|f| f.required = false);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)));
    for (step, role) in [
        ("a", "alarm_team"),
        ("b", "assessor"),
        ("c", "coordinator_day"),
    ] {
        ok(case.complete_task(&r, step, "Eva", role, json!(null), t(2026, 1, 6, 8)));
    }
    assert_eq!(open_steps(&case), vec!["d", "n"]);
    let e = refused(&mut case, |c| {
        c.complete_task(
            &r,
            "d",
            "Eva",
            "coordinator_night",
            json!(null),
            t(2026, 1, 7, 8),
        )
    });
    assert_eq!(
        e,
        RunError::JoinOverrun {
            join: "j".into(),
            expected: 2
        }
    );
    assert_eq!(e.code(), "join_overrun");
}

#[test]
fn looping_back_into_a_parallel_step_after_its_join_splits_again() {
    // ev/nested.yaml: nested parallel steps, and a loop after the outer join.
    let mut r = bare(
        "p1",
        vec![
            parallel("p1", &["a", "p2"], "j1"),
            parallel("p2", &["b", "c"], "j2"),
            task("a", "alarm_team", &[], &[], next("j1")),
            task("b", "assessor", &[], &[], next("j2")),
            task("c", "coordinator_night", &[], &[], next("j2")),
            step("j2", StepKind::Join, next("j1")),
            step("j1", StepKind::Join, next("d")),
            task(
                "d",
                "assessor",
                &["order_ok"],
                &[],
                vec![
                    Route {
                        set: Vec::new(),
                        when: Some(expr("order_ok")),
                        to: "p1".into(),
                        local_choice: None,
                        title: None,
                    },
                    Route {
                        set: Vec::new(),
                        when: None,
                        to: "done".into(),
                        local_choice: None,
                        title: None,
                    },
                ],
            ),
            end("done"),
        ],
    );
    r.fields.iter_mut().for_each(|f| f.required = false);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)));
    let mut hour = 8;
    for again in [true, false] {
        for (step, role) in [
            ("c", "coordinator_night"),
            ("a", "alarm_team"),
            ("b", "assessor"),
        ] {
            hour += 1;
            ok(case.complete_task(&r, step, "Eva", role, json!(null), t(2026, 1, 5, hour)));
        }
        assert_eq!(open_steps(&case), vec!["d"]);
        hour += 1;
        ok(case.complete_task(
            &r,
            "d",
            "Eva",
            "assessor",
            json!({"order_ok": again}),
            t(2026, 1, 5, hour),
        ));
    }
    assert_eq!(case.outcome(), Some("done"));
    assert_eq!(ok(Case::replay(&r, case.journal())), case);
}
