//! Who a message went to can show a value: a `group_of: choice` recipient
//! names the group `choice` picked, a recipient with `when:` is there only
//! when it holds. A role's view withholds the addressees chosen by fields it
//! may not see (and leaves out a message whose text names them), and the
//! check refuses a message whose recipients are chosen by a field one of its
//! recipients may not see.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use rutin::model::Routine;
use rutin::run::chosen::WITHHELD_RECIPIENTS;
use rutin::run::journal::{JournalEntry, Message, Record};
use rutin::run::{Case, Effects};

/// A routine: `record` (alarm team) collects the hidden `choice` and
/// `urgent`, then `tell` sends `template` with the given `to:` list.
fn routine_text(to: &str) -> String {
    format!(
        r#"routine: {{id: r, version: "1", title: Test}}
templates: templates
roles:
  alarm_team: {{name: Larmgruppen}}
  night: {{name: Natt}}
groups:
  a: {{name: Hemtjänst A, sees_as: alarm_team}}
  b: {{name: Hemtjänst B, sees_as: alarm_team}}
fields:
  client_name: {{type: text, required: true, example: Anna}}
  choice: {{type: enum, values: [a, b], visible_to: [alarm_team], example: a}}
  urgent: {{type: boolean, visible_to: [alarm_team], example: false}}
start: record
steps:
  record: {{kind: task, title: Registrera, role: alarm_team, collects: [choice, urgent], next: tell}}
  tell:
    kind: message
    title: Meddela
    template: tell
    to: {to}
    next: night_task
  night_task: {{kind: task, title: Natt gör, role: night, next: done}}
  done: {{kind: end, title: Klart, outcome: done}}
"#
    )
}

/// The routine checked, or the check's errors (rendered) when it is refused.
fn checked(to: &str, body: &str) -> Result<Routine, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("templates")).expect("templates dir");
    std::fs::write(dir.path().join("templates/tell.j2"), body).expect("write template");
    let path = dir.path().join("r.yaml");
    std::fs::write(&path, routine_text(to)).expect("write routine");
    let checked = rutin::check_routine(&path);
    match checked.routine {
        Some(r) if !checked.has_errors() => Ok(r),
        _ => Err(format!("{:?}", checked.diagnostics)),
    }
}

fn at(hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .expect("date")
}

/// The case after the alarm team recorded `values`, and what that did.
fn recorded(routine: &Routine, values: serde_json::Value) -> (Case, Effects) {
    let (mut case, _) =
        Case::start(routine, "C1", json!({"client_name": "Anna"}), at(8)).expect("case starts");
    let effects = case
        .complete_task(routine, "record", "Lisa", "alarm_team", values, at(9))
        .expect("task completes");
    (case, effects)
}

fn messages(entries: &[JournalEntry]) -> Vec<&Message> {
    entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::MessageSent(m) => Some(&**m),
            _ => None,
        })
        .collect()
}

fn names(m: &Message) -> Vec<&str> {
    m.recipients().map(|a| a.name.as_str()).collect()
}

#[test]
fn a_group_chosen_by_a_hidden_field_is_withheld_from_a_role_that_may_not_see_it() {
    let routine = checked("[{group_of: choice}]", "Hej {{ client_name }}\n").expect("checks");
    let (case, _) = recorded(&routine, json!({"choice": "b", "urgent": false}));
    let night = case.view_for(&routine, "night");
    let sent = messages(&night.journal);
    assert_eq!(sent.len(), 1, "the message itself stays in the view");
    assert_eq!(names(sent[0]), vec![WITHHELD_RECIPIENTS]);
    assert!(!serde_json::to_string(&night)
        .expect("json")
        .contains("Hemtjänst B"));
    // The alarm team may see `choice`: it sees the group.
    let team = case.view_for(&routine, "alarm_team");
    assert_eq!(names(messages(&team.journal)[0]), vec!["Hemtjänst B"]);
}

#[test]
fn a_recipient_with_a_hidden_condition_is_withheld_but_a_fixed_one_stays() {
    let to = "[{group: a}, {group: b, when: \"urgent\"}]";
    let routine = checked(to, "Hej {{ client_name }}\n").expect("checks");
    let (case, _) = recorded(&routine, json!({"choice": "a", "urgent": true}));
    let night = case.view_for(&routine, "night");
    let shown = names(messages(&night.journal)[0]);
    assert_eq!(shown, vec!["Hemtjänst A", WITHHELD_RECIPIENTS]);
}

#[test]
fn a_message_whose_text_names_a_withheld_recipient_is_left_out() {
    let body = "Hej {{ client_name }} till {{ recipients }}\n";
    let routine = checked("[{group_of: choice}]", body).expect("checks");
    let (case, effects) = recorded(&routine, json!({"choice": "b", "urgent": false}));
    assert!(messages(&case.view_for(&routine, "night").journal).is_empty());
    assert!(!messages(&case.view_for(&routine, "alarm_team").journal).is_empty());
    // What the command did, as the alarm team sees it, holds the message.
    assert_eq!(
        messages(&effects.view_for(&routine, "alarm_team").entries).len(),
        1
    );
    assert!(messages(&effects.view_for(&routine, "night").entries).is_empty());
}

#[test]
fn recipients_chosen_by_a_field_another_recipient_may_not_see_are_refused() {
    for to in [
        "[{role: night}, {group_of: choice}]",
        "[{role: night}, {group: a, when: \"choice == 'a'\"}]",
        "[{group_of: choice}, {role: night, when: \"urgent\"}]",
    ] {
        let refused = checked(to, "Hej\n").expect_err(to);
        assert!(refused.contains("RecipientChoiceLeak"), "{to}: {refused}");
        assert!(refused.contains("\"choice\"") || refused.contains("\"urgent\""));
    }
    // Every recipient may see what chooses them: clean.
    checked(
        "[{group_of: choice}, {role: alarm_team, when: \"urgent\"}]",
        "Hej\n",
    )
    .expect("every recipient sees the choice");
}
