//! A role's view of a command's effects and of a refusal.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::expr::ExprError;
use crate::run::RenderError;

const SECRET: &str = "K-4711-SECRET";

#[test]
fn effects_for_a_role_hold_only_its_messages_and_tasks() {
    let (routine, mut case) = at_install();
    // key_info (only to alarm_team, with the key number) fires a week into install.
    let fx = ok(case.advance(&routine, t(2026, 1, 23, 12)));
    assert!(fx.messages().any(|m| m.template == "key_info"));

    let team = fx.view_for(&routine, "alarm_team");
    assert!(team.messages().any(|m| m.template == "key_info"));

    for role in ["coordinator_night", "assessor", "no_such_role"] {
        let view = fx.view_for(&routine, role);
        assert_eq!(view.messages().count(), 0, "{role}");
        let text = serde_json::to_string(&view).unwrap_or_default();
        assert!(!text.contains(SECRET), "{role} sees the key number");
        assert!(view.deadlines_fired().any(|d| d.deadline == "key_info"));
    }
}

#[test]
fn effects_for_a_role_keep_tasks_for_it_and_its_values_only() {
    let (routine, mut case, _) = started();
    let fx = complete(
        &routine,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": true}),
        t(2026, 1, 15, 9),
    );
    let opened = |role: &str| -> Vec<String> {
        fx.view_for(&routine, role)
            .tasks_opened()
            .map(|t| t.role.to_string())
            .collect()
    };
    let all: Vec<String> = fx.tasks_opened().map(|t| t.role.to_string()).collect();
    assert!(!all.is_empty());
    for role in &all {
        assert!(opened(role).iter().all(|r| r == role), "{role}");
        assert!(!opened(role).is_empty());
    }
    assert!(opened("fee_admin").is_empty());
}

#[test]
fn a_message_to_a_group_that_sees_as_the_role_is_in_its_view() {
    let (routine, mut case) = at_install();
    let fx = ok(case.advance(&routine, t(2026, 1, 23, 12)));
    // The night patrol mail group sees as coordinator_night.
    let night = fx.view_for(&routine, "coordinator_night");
    for m in night.messages() {
        assert!(m
            .recipients()
            .any(|a| a.sees_as.as_deref() == Some("coordinator_night")));
    }
}

#[test]
fn a_refusal_for_a_role_does_not_quote_a_hidden_value() {
    let routine = fixture::routine();
    let hidden = RunError::Expr {
        place: "route 1 of step x".into(),
        error: ExprError::NotADate {
            expr: "key_number".into(),
            got: format!("string `{SECRET}`"),
        },
    };
    let night = hidden.message_for(&routine, "coordinator_night");
    assert!(!night.contains(SECRET), "{night}");
    assert!(night.contains("route 1 of step x") && night.contains("`key_number`"));
    assert!(hidden.message_for(&routine, "alarm_team").contains(SECRET));

    let typed = RunError::WrongType {
        field: "key_number".into(),
        expected: "a text".into(),
        got: format!("`{SECRET}`"),
    };
    assert!(!typed.message_for(&routine, "assessor").contains(SECRET));
    assert!(typed.message_for(&routine, "alarm_team").contains(SECRET));

    let group = RunError::UnknownGroup {
        expr: "key_number".into(),
        value: SECRET.into(),
    };
    assert!(!group.message_for(&routine, "assessor").contains(SECRET));

    let render = RunError::Render(RenderError::Failed {
        template: "installed".into(),
        message: format!("got {SECRET}"),
    });
    assert!(!render.message_for(&routine, "assessor").contains(SECRET));
    // What reads only visible fields is quoted as it is.
    let visible = RunError::Expr {
        place: "route 1 of step x".into(),
        error: ExprError::NotADate {
            expr: "install_date".into(),
            got: "string `soon`".into(),
        },
    };
    assert_eq!(
        visible.message_for(&routine, "assessor"),
        visible.to_string()
    );
}

#[test]
fn an_escalation_task_before_its_deadline_fired_is_no_such_task() {
    let (routine, mut case, _) = started();
    let escalating = routine
        .steps
        .iter()
        .flat_map(|s| &s.deadlines)
        .chain(&routine.deadlines)
        .find(|d| d.task.is_some())
        .map(|d| (d.id.clone(), d.task.as_ref().map(|t| t.role.clone())));
    let Some((deadline, Some(role))) = escalating else {
        panic!("the fixture has no escalation task")
    };
    let before = snapshot(&case);
    let e = case
        .complete_task(
            &routine,
            deadline.as_str(),
            "Bo",
            &role,
            json!(null),
            t(2026, 1, 15, 9),
        )
        .err();
    assert_eq!(e.as_ref().map(RunError::code), Some("no_such_task"));
    let text = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(text.contains("has not fired"), "{text}");
    assert!(text.contains(&format!("`{deadline}`")), "{text}");
    assert_eq!(snapshot(&case), before);
}
