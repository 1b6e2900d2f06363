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
