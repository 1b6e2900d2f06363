//! The happy path and the loops of the fixture routine.

use serde_json::json;

use super::fixture::t;
use super::*;
use crate::run::{Record, Status, TaskRef};

#[test]
fn start_opens_the_first_task_and_arms_case_deadlines() {
    let (_, case, effects) = started();
    let opened: Vec<_> = effects.tasks_opened().collect();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].step.as_deref(), Some("receive_order"));
    assert_eq!(opened[0].role, "alarm_team");
    let armed: Vec<_> = effects
        .deadlines_armed()
        .map(|d| (d.deadline.as_str(), d.due))
        .collect();
    assert_eq!(
        armed,
        vec![
            ("not_executed", t(2026, 4, 15, 0)),
            ("expire", t(2027, 1, 15, 0))
        ]
    );
    assert_eq!(case.active_steps(), vec!["receive_order"]);
    assert_eq!(case.status(), &Status::Open);
    assert_eq!(case.open_tasks_for("alarm_team").len(), 1);
    assert!(case.open_tasks_for("assessor").is_empty());
    assert_eq!(case.next_due(), Some(t(2026, 4, 15, 0)));
}

#[test]
fn the_whole_way_to_executed() {
    let (routine, mut case) = at_install();
    let fx = complete(
        &routine,
        &mut case,
        "install",
        "alarm_team",
        json!({"installed": true}),
        t(2026, 2, 2, 14),
    );
    // key_info fired on the way (keys were needed), then the message went
    // out, then the parallel step opened one task per branch.
    let templates: Vec<_> = fx.messages().map(|m| m.template.as_str()).collect();
    assert_eq!(templates, vec!["key_info", "installed"]);
    let opened: Vec<_> = fx
        .tasks_opened()
        .map(|t| t.step.clone().unwrap_or_default())
        .collect();
    assert_eq!(opened, vec!["register_day", "register_night"]);
    let mut steps = case.active_steps();
    steps.sort_unstable();
    assert_eq!(steps, vec!["register_day", "register_night"]);

    // The join waits for both branches.
    let fx = complete(
        &routine,
        &mut case,
        "register_night",
        "coordinator_night",
        json!(null),
        t(2026, 2, 3, 22),
    );
    assert!(fx.entries.iter().any(|e| matches!(
        &e.record,
        Record::JoinArrived {
            arrived: 1,
            expected: 2,
            ..
        }
    )));
    assert_eq!(case.active_steps(), vec!["register_day"]);
    let fx = complete(
        &routine,
        &mut case,
        "register_day",
        "coordinator_day",
        json!(null),
        t(2026, 2, 4, 9),
    );
    let entered: Vec<_> = fx.steps_entered().collect();
    assert_eq!(entered, vec!["both_registered", "wait_followup"]);
    assert_eq!(case.next_due(), Some(t(2026, 3, 2, 0)));

    // The wait step goes on when its date comes.
    let fx = ok(case.advance(&routine, t(2026, 3, 1, 23)));
    assert!(fx.is_empty());
    let fx = ok(case.advance(&routine, t(2026, 3, 2, 7)));
    assert_eq!(fx.tasks_opened().count(), 1);
    assert_eq!(case.active_steps(), vec!["followup"]);

    let fx = complete(
        &routine,
        &mut case,
        "followup",
        "alarm_team",
        json!({"visits": 2}),
        t(2026, 3, 3, 10),
    );
    assert_eq!(fx.outcome(), Some("executed"));
    assert_eq!(case.outcome(), Some("executed"));
    let cancelled: Vec<_> = fx.deadlines_cancelled().map(|d| d.deadline).collect();
    assert_eq!(cancelled, vec!["not_executed", "expire"]);
    assert!(case.open_tasks().is_empty());
    assert!(case.pending_deadlines().is_empty());
    assert!(case.active_steps().is_empty());
    assert_eq!(case.fields().get("visits"), Some(&json!(2)));
}

#[test]
fn an_order_sent_back_loops_until_it_is_corrected() {
    let (routine, mut case, _) = started();
    let fx = complete(
        &routine,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false, "note": "Fel adress"}),
        t(2026, 1, 15, 9),
    );
    let entered: Vec<_> = fx.steps_entered().collect();
    assert_eq!(entered, vec!["check_order", "send_back", "wait_correction"]);
    assert_eq!(fx.messages().count(), 1);
    assert!(case.open_tasks().is_empty());

    // Corrected, but still wrong: back to waiting (a second message).
    let fx = ok(case.deliver(
        &routine,
        "order_corrected",
        json!({"order_ok": false}),
        t(2026, 1, 16, 9),
    ));
    let entered: Vec<_> = fx.steps_entered().collect();
    assert_eq!(entered, vec!["check_order", "send_back", "wait_correction"]);
    // The step's deadlines were cancelled and armed again.
    assert_eq!(fx.deadlines_cancelled().count(), 2);
    assert_eq!(fx.deadlines_armed().count(), 2);

    let fx = ok(case.deliver(
        &routine,
        "order_corrected",
        json!({"order_ok": true, "comment": "Rättad"}),
        t(2026, 1, 17, 9),
    ));
    assert_eq!(
        fx.tasks_opened().next().and_then(|t| t.step.as_deref()),
        Some("call_client")
    );
    assert_eq!(case.fields().get("comment"), Some(&json!("Rättad")));
}

#[test]
fn a_failed_installation_loops_back_to_calling() {
    let (routine, mut case) = at_install();
    let fx = complete(
        &routine,
        &mut case,
        "install",
        "alarm_team",
        json!({"installed": false}),
        t(2026, 2, 2, 14),
    );
    let opened: Vec<_> = fx.tasks_opened().collect();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].step.as_deref(), Some("call_client"));
    let first_call = case.journal().iter().find_map(|e| match &e.record {
        Record::TaskOpened(t) if t.step.as_deref() == Some("call_client") => Some(t.id),
        _ => None,
    });
    assert_ne!(first_call, Some(opened[0].id), "a loop opens a new task");
    assert_eq!(
        case.reached()
            .iter()
            .filter(|s| *s == "call_client")
            .count(),
        1
    );
}

#[test]
fn a_task_can_be_completed_by_number() {
    let (routine, mut case, _) = started();
    let id = case.open_tasks()[0].id;
    ok(case.complete_task(
        &routine,
        TaskRef::Id(id),
        "Anna",
        "alarm_team",
        json!({"order_ok": true}),
        t(2026, 1, 15, 9),
    ));
    assert_eq!(case.active_steps(), vec!["call_client"]);
    let by = case
        .journal()
        .iter()
        .rev()
        .find_map(|e| match (&e.record, &e.actor) {
            (Record::TaskCompleted { .. }, actor) => Some(actor.clone()),
            _ => None,
        });
    assert_eq!(
        by,
        Some(crate::run::Actor::Person {
            name: "Anna".into(),
            role: "alarm_team".into()
        })
    );
}

#[test]
fn values_of_every_type_are_accepted() {
    let (routine, mut case, _) = started();
    through_call(
        &routine,
        &mut case,
        json!({"keys_needed": false, "install_date": "2026-02-28", "keys": ["huvudnyckel", "reserv"]}),
        t(2026, 1, 16, 9),
    );
    let routine2 = routine.clone();
    let (case2, _) = ok(Case::start(
        &routine2,
        "case-2",
        json!({
            "decision_date": "2026-01-15",
            "area_group": "boo",
            "decision_period": {"from": "2026-01-01", "to": "2026-12-31"},
            "visits": 3,
            "keys": [],
        }),
        t(2026, 1, 15, 8),
    ));
    assert_eq!(case2.fields().len(), 5);
    assert_eq!(
        case.fields().get("keys"),
        Some(&json!(["huvudnyckel", "reserv"]))
    );
}

/// `first` records `install_date`, then a wait until that date, then a task
/// with a deadline one week after it.
fn past_dates(first: crate::model::Step) -> Routine {
    use super::fixture::*;
    use crate::model::{DeadlineStart, StepKind};
    let mut after = task("after", "assessor", &[], &[], next("done"));
    let mut d = deadline("from_install", "1 week");
    d.from = DeadlineStart::Field("install_date".into());
    d.message = Some(message("reminder", vec![role("assessor")]));
    after.deadlines = vec![d];
    bare(
        "work",
        vec![
            first,
            step(
                "wait",
                StepKind::Wait {
                    until: expr("install_date"),
                },
                next("after"),
            ),
            after,
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

/// What a command made due in the past fired within it, at its time.
fn fired_within(case: &Case, fx: &Effects, at: chrono::NaiveDateTime) {
    assert_eq!(
        fx.steps_entered().collect::<Vec<_>>(),
        vec!["wait", "after"]
    );
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(fired, vec![("from_install", at)]);
    assert_eq!(fx.messages().count(), 1);
    assert!(fx.entries.iter().all(|e| e.at == at));
    assert_eq!(case.active_steps(), vec!["after"]);
    assert!(case.pending_deadlines().is_empty());
    assert_eq!(case.next_due(), None);
}

#[test]
fn a_completion_fires_what_it_made_due_in_the_past() {
    let r = past_dates(super::fixture::task(
        "work",
        "alarm_team",
        &["install_date"],
        &[],
        super::fixture::next("wait"),
    ));
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    let at = t(2026, 3, 20, 9);
    let fx = ok(case.complete_task(
        &r,
        "work",
        "Bo",
        "alarm_team",
        json!({"install_date": "2026-03-05"}),
        at,
    ));
    fired_within(&case, &fx, at);
    assert_eq!(ok(Case::replay(&r, case.journal())), case);
}

#[test]
fn a_delivery_fires_what_it_made_due_in_the_past() {
    use crate::model::StepKind;
    let r = past_dates(super::fixture::step(
        "work",
        StepKind::Event {
            event: "installed".into(),
            from: None,
            collects: super::fixture::strings(&["install_date"]),
            optional: Vec::new(),
        },
        super::fixture::next("wait"),
    ));
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    let at = t(2026, 3, 20, 9);
    let fx = ok(case.deliver(&r, "installed", json!({"install_date": "2026-03-05"}), at));
    fired_within(&case, &fx, at);
    assert_eq!(ok(Case::replay(&r, case.journal())), case);
}

#[test]
fn an_event_goes_to_the_step_that_has_waited_longest() {
    use super::fixture::*;
    use crate::model::StepKind;
    let event = |id: &str| {
        step(
            id,
            StepKind::Event {
                event: "ev".into(),
                from: None,
                collects: Vec::new(),
                optional: Vec::new(),
            },
            next("j"),
        )
    };
    // Branch `a` opens a task first and waits for the event after it;
    // branch `eb` waits for the event from the start. Branch `a`'s token
    // has the lower id, but `eb` has waited longer.
    let r = bare(
        "p",
        vec![
            step(
                "p",
                StepKind::Parallel {
                    branches: strings(&["a", "eb"]),
                    join: "j".into(),
                },
                Vec::new(),
            ),
            task("a", "alarm_team", &[], &[], next("ea")),
            event("ea"),
            event("eb"),
            step("j", StepKind::Join, next("done")),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-01-05", "area_group": "boo"}),
        t(2026, 1, 5, 8),
    ));
    ok(case.complete_task(&r, "a", "Bo", "alarm_team", json!(null), t(2026, 1, 6, 8)));
    let fx = ok(case.deliver(&r, "ev", json!(null), t(2026, 1, 7, 8)));
    let to: Vec<_> = fx
        .entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::EventReceived { step, .. } => Some(step.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(to, vec!["eb"]);
    assert_eq!(case.active_steps(), vec!["ea"]);
    let fx = ok(case.deliver(&r, "ev", json!(null), t(2026, 1, 8, 8)));
    assert_eq!(fx.outcome(), Some("done"));
}
