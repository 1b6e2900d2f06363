//! `from:` senders and person recipients, on the `valid/senders` fixture.

use serde_json::json;

use super::fixture::{message, step, t};
use super::*;
use crate::model::{MessageFrom, PersonTarget, Recipient, RecipientTarget, StepKind};
use crate::run::{AddresseeKind, Message, Record};

fn senders() -> Routine {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid/senders/routine.yaml");
    let checked = crate::check_routine(&path);
    checked
        .routine
        .unwrap_or_else(|| panic!("the fixture checks: {:?}", checked.diagnostics))
}

fn start(routine: &Routine, data: serde_json::Value) -> (Case, Effects) {
    ok(Case::start(routine, "c-1", data, t(2026, 3, 2, 8)))
}

fn base() -> serde_json::Value {
    json!({
        "client_name": "Anna Andersson",
        "regular_assessor_name": "Eva Ek",
        "regular_assessor_email": "eva.ek@kommun.se",
    })
}

fn first(fx: &Effects) -> Message {
    fx.messages()
        .next()
        .cloned()
        .unwrap_or_else(|| panic!("no message"))
}

#[test]
fn a_person_gets_the_message_as_their_role_under_their_own_name_and_address() {
    let routine = senders();
    let (_, fx) = start(&routine, base());
    let m = first(&fx);
    let to: Vec<_> =
        m.to.iter()
            .map(|a| {
                (
                    a.kind,
                    a.id.as_str(),
                    a.name.as_str(),
                    a.address.as_deref(),
                    a.sees_as.as_deref(),
                )
            })
            .collect();
    assert_eq!(
        to,
        vec![(
            AddresseeKind::Person,
            "regular_assessor_email",
            "Eva Ek",
            Some("eva.ek@kommun.se"),
            Some("assessor")
        )]
    );
    assert!(m.cc.is_empty(), "the deputy is not set, so not copied");
    assert!(m.body.starts_with("Hej Eva Ek!"), "{}", m.body);
    assert!(
        m.fields_used
            .contains(&"regular_assessor_email".to_string())
            && m.fields_used.contains(&"regular_assessor_name".to_string()),
        "the fields the person is read from are shown by the message: {:?}",
        m.fields_used
    );
}

#[test]
fn a_guarded_person_is_copied_only_when_their_fields_are_set() {
    let routine = senders();
    let mut data = base();
    data["deputy_name"] = json!("Per Holm");
    data["deputy_email"] = json!("per.holm@kommun.se");
    let (_, fx) = start(&routine, data);
    let m = first(&fx);
    let cc: Vec<_> =
        m.cc.iter()
            .map(|a| (a.name.as_str(), a.address.as_deref()))
            .collect();
    assert_eq!(cc, vec![("Per Holm", Some("per.holm@kommun.se"))]);
    assert!(m.body.starts_with("Hej Eva Ek, Per Holm!"), "{}", m.body);
}

#[test]
fn the_sender_is_journaled_and_shown_to_the_template() {
    let routine = senders();
    let (_, fx) = start(&routine, base());
    let m = first(&fx);
    let from = m.from.clone().unwrap_or_else(|| panic!("no sender"));
    assert_eq!(
        (from.kind, from.id.as_str(), from.name.as_str()),
        (AddresseeKind::Role, "alarm_team", "Larmgruppen")
    );
    assert!(m.body.contains("Hälsningar Larmgruppen"), "{}", m.body);
    let entry = fx
        .entries
        .iter()
        .find(|e| matches!(e.record, Record::MessageSent(_)))
        .unwrap_or_else(|| panic!("no entry"));
    let text = serde_json::to_string(entry).unwrap_or_default();
    assert!(
        text.contains(r#""from":{"kind":"role","id":"alarm_team""#),
        "{text}"
    );
}

#[test]
fn a_deadline_message_sent_by_a_group_carries_its_address() {
    let routine = senders();
    let (mut case, _) = start(&routine, base());
    let fx = ok(case.advance(&routine, t(2026, 3, 10, 8)));
    let m = first(&fx);
    assert_eq!(m.template, "reminder");
    let from = m.from.unwrap_or_else(|| panic!("no sender"));
    assert_eq!(
        (from.kind, from.name.as_str(), from.address.as_deref()),
        (
            AddresseeKind::Group,
            "Larmgruppens brevlåda",
            Some("larm@kommun.se")
        )
    );
    assert!(
        m.body.contains("Hälsningar Larmgruppens brevlåda"),
        "{}",
        m.body
    );
}

#[test]
fn a_message_without_a_sender_journals_no_from_key() {
    let (routine, mut case) = super::at_install();
    let fx = super::complete(
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
        .cloned()
        .unwrap_or_else(|| panic!("no message"));
    assert!(m.from.is_none());
    let text = serde_json::to_string(&m).unwrap_or_default();
    assert!(!text.contains("\"from\""), "{text}");
    assert!(m.body.contains("installerat"));
}

#[test]
fn a_role_that_may_not_see_the_persons_fields_never_sees_the_person() {
    let routine = senders();
    let (case, fx) = start(&routine, base());
    let shown =
        |role: &str| serde_json::to_string(&case.view_for(&routine, role)).unwrap_or_default();
    assert!(shown("assessor").contains("eva.ek@kommun.se"));
    // The address field is the assessor's only: the message that shows it
    // in its recipients is not in the alarm team's view at all.
    let other = shown("alarm_team");
    assert!(!other.contains("eva.ek@kommun.se"), "{other}");
    assert!(!other.contains("message_sent"), "{other}");
    let effects = serde_json::to_string(&fx.view_for(&routine, "alarm_team")).unwrap_or_default();
    assert!(!effects.contains("eva.ek@kommun.se") && !effects.contains("message_sent"));
    let effects = serde_json::to_string(&fx.view_for(&routine, "assessor")).unwrap_or_default();
    assert!(
        effects.contains("eva.ek@kommun.se"),
        "the person sees it as the assessor"
    );
}

#[test]
fn a_person_whose_field_is_unset_refuses_the_command_and_changes_nothing() {
    // Only a routine built past the analyzer can get here: `check` refuses it.
    let mut routine = super::fixture::routine();
    let mut spec = message("installed", Vec::new());
    spec.to = vec![Recipient {
        target: RecipientTarget::Person(PersonTarget {
            name: "area_group".into(),
            address: "install_date".into(),
            sees_as: "assessor".into(),
        }),
        when: None,
        title: None,
    }];
    spec.from = Some(MessageFrom::Role("alarm_team".into()));
    routine.start = "tell".into();
    routine.steps.insert(
        0,
        step(
            "tell",
            StepKind::Message(spec),
            super::fixture::next("receive_order"),
        ),
    );
    let err = Case::start(
        &routine,
        "c-2",
        json!({"decision_date": "2026-01-15", "area_group": "saltis"}),
        t(2026, 1, 15, 8),
    )
    .map(|_| ())
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "message `installed` goes to a person whose `install_date` is not set"
    );
}
