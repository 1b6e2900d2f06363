//! A role's view leaves out what it may not see.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::run::Record;

const SECRET: &str = "K-4711-SECRET";

#[test]
fn the_key_number_is_hidden_from_other_roles() {
    let (routine, mut case) = at_install();
    // key_info (only to alarm_team) fires a week into install.
    ok(case.advance(&routine, t(2026, 1, 23, 12)));
    assert_eq!(case.fields().get("key_number"), Some(&json!(SECRET)));

    let team = case.view_for(&routine, "alarm_team");
    assert_eq!(team.fields.get("key_number"), Some(&json!(SECRET)));
    let team_json = serde_json::to_string(&team).unwrap_or_default();
    assert!(team_json.contains(SECRET));
    assert!(team
        .journal
        .iter()
        .any(|e| matches!(&e.record, Record::MessageSent(m) if m.template == "key_info")));

    for role in ["assessor", "fee_admin", "coordinator_night", "no_such_role"] {
        let view = case.view_for(&routine, role);
        assert!(!view.fields.contains_key("key_number"), "{role}");
        assert_eq!(view.fields.get("install_date"), Some(&json!("2026-02-02")));
        let text = serde_json::to_string(&view).unwrap_or_default();
        assert!(!text.contains(SECRET), "{role} sees the key number");
        // The task that recorded it is still in the journal, without the value.
        assert!(view.journal.iter().any(|e| matches!(
            &e.record,
            Record::TaskCompleted { values, step, .. }
                if step.as_deref() == Some("call_client") && values.contains_key("install_date")
        )));
        assert!(!view
            .journal
            .iter()
            .any(|e| matches!(&e.record, Record::MessageSent(m) if m.template == "key_info")));
        assert_eq!(view.journal.len(), case.journal().len() - 1);
    }
}

#[test]
fn start_data_and_event_values_are_filtered_too() {
    let routine = fixture::routine();
    let (case, _) = ok(Case::start(
        &routine,
        "c",
        json!({"decision_date": "2026-01-15", "area_group": "saltis", "key_number": SECRET}),
        t(2026, 1, 15, 8),
    ));
    let view = case.view_for(&routine, "assessor");
    let text = serde_json::to_string(&view).unwrap_or_default();
    assert!(!text.contains(SECRET));
    assert!(
        serde_json::to_string(&case.view_for(&routine, "alarm_team"))
            .unwrap_or_default()
            .contains(SECRET)
    );
}

#[test]
fn messages_to_groups_only_hold_what_the_group_may_see() {
    let (routine, mut case) = at_install();
    let fx = complete(
        &routine,
        &mut case,
        "install",
        "alarm_team",
        json!({"installed": true}),
        t(2026, 2, 2, 14),
    );
    let m = fx
        .messages()
        .find(|m| m.template == "installed")
        .unwrap_or_else(|| panic!("no message"));
    assert!(!m.body.contains(SECRET));
    assert!(!m.fields_used.contains(&"key_number".to_string()));
    // The key reminder went to the alarm team only, and did hold the number.
    let k = fx
        .messages()
        .find(|m| m.template == "key_info")
        .unwrap_or_else(|| panic!("no key reminder"));
    assert!(k.body.contains(SECRET));
    assert!(k
        .recipients()
        .all(|r| r.sees_as.as_deref() == Some("alarm_team")));
}

/// `a` records `secret_date` (for the alarm team's eyes only), `w` waits
/// until it and has a deadline counted from it (ev/leak.yaml).
fn secret_date_routine() -> Routine {
    use crate::model::{DeadlineStart, EscalationTask, FieldType, Repeat, StepKind, Visibility};
    let mut secret = field("secret_date", FieldType::Date);
    secret.visibility =
        Visibility::Roles(std::collections::BTreeSet::from(["alarm_team".to_string()]));
    let mut dl = deadline("dl", "2 days");
    dl.from = DeadlineStart::Field("secret_date".into());
    dl.task = Some(EscalationTask {
        role: "assessor".into(),
        title: "X".into(),
        instructions: None,
        collects: Vec::new(),
    });
    dl.repeat = Some(Repeat {
        every: dur("1 week"),
        times: Some(1),
    });
    let mut w = step(
        "w",
        StepKind::Wait {
            until: expr("date_add(secret_date, '1 week')"),
        },
        next("b"),
    );
    w.deadlines = vec![dl];
    let mut r = bare(
        "a",
        vec![
            task("a", "alarm_team", &["secret_date"], &[], next("w")),
            w,
            task("b", "assessor", &[], &[], next("done")),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    r.fields.push(secret);
    r.fields.iter_mut().for_each(|f| f.required = false);
    r
}

#[test]
fn dates_computed_from_a_hidden_date_are_hidden_too() {
    let r = secret_date_routine();
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 5, 8)));
    ok(case.complete_task(
        &r,
        "a",
        "Anna",
        "alarm_team",
        json!({"secret_date": "2026-03-17"}),
        t(2026, 1, 6, 8),
    ));
    // The secret, the wait's date and the deadline's due time; then, once
    // the deadline has fired (when it fires is the audit trail), its repeat's.
    let check = |case: &Case, dates: &[&str]| {
        let team = serde_json::to_string(&case.view_for(&r, "alarm_team")).unwrap_or_default();
        for date in dates {
            assert!(team.contains(date), "{date}");
        }
        for role in ["assessor", "fee_admin", "no_such_role"] {
            let view = case.view_for(&r, role);
            let text = serde_json::to_string(&view).unwrap_or_default();
            for date in dates {
                assert!(!text.contains(date), "{role} sees {date}");
            }
            // That the token waits stays visible.
            assert!(view.journal.iter().any(|e| matches!(
                &e.record,
                Record::StepEntered { step, .. } if step == "w"
            )));
            assert!(!view.journal.iter().any(|e| matches!(
                &e.record,
                Record::WaitStarted { .. } | Record::DeadlineArmed(_)
            )));
        }
    };
    check(&case, &["2026-03-17", "2026-03-24", "2026-03-19"]);
    let fx = ok(case.advance(&r, t(2026, 3, 20, 8)));
    assert_eq!(fx.deadlines_fired().count(), 1);
    check(&case, &["2026-03-17", "2026-03-24", "2026-03-26"]);
    let view = case.view_for(&r, "assessor");
    assert!(view.journal.iter().any(|e| matches!(
        &e.record,
        Record::DeadlineFired { deadline, .. } if deadline == "dl"
    )));
}

#[test]
fn a_wait_on_visible_fields_stays_in_the_view() {
    let (routine, mut case) = at_install();
    for (step, role) in [
        ("install", "alarm_team"),
        ("register_day", "coordinator_day"),
        ("register_night", "coordinator_night"),
    ] {
        let values = if step == "install" {
            json!({"installed": true})
        } else {
            json!(null)
        };
        complete(&routine, &mut case, step, role, values, t(2026, 2, 3, 9));
    }
    let view = case.view_for(&routine, "assessor");
    assert!(view.journal.iter().any(|e| matches!(
        &e.record,
        Record::WaitStarted { step, .. } if step == "wait_followup"
    )));
    let armed = view
        .journal
        .iter()
        .filter(|e| matches!(&e.record, Record::DeadlineArmed(_)))
        .count();
    let all = case
        .journal()
        .iter()
        .filter(|e| matches!(&e.record, Record::DeadlineArmed(_)))
        .count();
    assert_eq!(armed, all);
}
