//! Messages: recipients resolved, texts rendered with Swedish dates.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::model::StepKind;
use crate::run::{Addressee, AddresseeKind};

fn names(list: &[Addressee]) -> Vec<(&str, AddresseeKind, Option<&str>)> {
    list.iter()
        .map(|a| (a.name.as_str(), a.kind, a.address.as_deref()))
        .collect()
}

#[test]
fn the_installed_message() {
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
        .cloned()
        .unwrap_or_else(|| panic!("no message"));
    assert_eq!(m.step.as_deref(), Some("notify_installed"));
    assert_eq!(
        m.subject.as_deref(),
        Some("Larm installerat 2 februari 2026")
    );
    assert_eq!(
        m.body,
        "Trygghetslarm är installerat 2 februari 2026.\nSaltisgruppen ansvarar för verkställigheten."
    );
    assert_eq!(
        names(&m.to),
        vec![
            ("Avgiftshandläggare", AddresseeKind::Role, None),
            (
                "Nattpatrull utökad",
                AddresseeKind::Group,
                Some("nattpatrull@kommun.se")
            ),
            (
                "Saltisgruppen",
                AddresseeKind::Group,
                Some("saltis@kommun.se")
            ),
            ("Biståndshandläggare", AddresseeKind::Role, None),
        ]
    );
    assert_eq!(
        names(&m.cc),
        vec![("Samordnare dag", AddresseeKind::Role, None)]
    );
    assert_eq!(m.fields_used, strings(&["area_group", "install_date"]));
}

#[test]
fn a_recipient_whose_condition_is_false_is_dropped() {
    let routine = fixture::routine();
    let (mut case, _) = ok(Case::start(
        &routine,
        "case-boo",
        json!({"decision_date": "2026-01-15", "area_group": "boo"}),
        t(2026, 1, 15, 8),
    ));
    through_call(
        &routine,
        &mut case,
        json!({"keys_needed": false, "install_date": "2026-02-02"}),
        t(2026, 1, 15, 10),
    );
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
        .next()
        .cloned()
        .unwrap_or_else(|| panic!("no message"));
    let ids: Vec<_> = m.to.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["fee_admin", "night_patrol_mail", "boo"]);
    assert!(m.body.contains("Boogruppen ansvarar"));
}

#[test]
fn the_send_back_message_names_its_recipients() {
    let (routine, mut case, _) = started();
    let fx = complete(
        &routine,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false, "note": "Fel personnummer"}),
        t(2026, 1, 15, 9),
    );
    let m = fx
        .messages()
        .next()
        .cloned()
        .unwrap_or_else(|| panic!("no message"));
    assert_eq!(m.subject.as_deref(), Some("Rätta beställning case-1"));
    assert_eq!(
        m.body,
        "Hej Biståndshandläggare, Saltisgruppen!\nBeställningen i ärende case-1 behöver rättas. \
         Beslutsdatum 15 januari 2026. Notering: Fel personnummer"
    );
}

#[test]
fn a_message_with_no_recipient_left_is_not_sent() {
    let mut to = role("assessor");
    to.when = Some(expr("false"));
    let mut r = bare(
        "tell",
        vec![
            step(
                "tell",
                StepKind::Message(message("t", vec![to])),
                next("done"),
            ),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    r.templates
        .insert("t".into(), fixture::template("t", "{{ nothing }}").1);
    let (case, fx) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    assert_eq!(fx.messages().count(), 0);
    assert_eq!(case.outcome(), Some("done"));
}

#[test]
fn templates_see_the_documented_globals() {
    let source = "{{ routine.id }}|{{ routine.title }}|{{ case.id }}|{{ case.started }}|{{ case.reached | join(',') }}|\
                  {{ step.id }}|{{ step.title }}|{{ recipients | join(',') }}|{{ today }}|{{ decision_date | date }}|\
                  {{ note is none }}|{{ role_name('assessor') }}|{{ deadline is none }}";
    let mut r = bare(
        "tell",
        vec![
            step(
                "tell",
                StepKind::Message(message("t", vec![role("assessor")])),
                next("done"),
            ),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    r.templates
        .insert("t".into(), fixture::template("t", source).1);
    let (_, fx) = ok(Case::start(
        &r,
        "c-9",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 4, 8),
    ));
    let body = fx.messages().next().map(|m| m.body.clone());
    assert_eq!(
        body.as_deref(),
        Some(
            "bare|Verkställande av larm – installation|c-9|2026-03-04|tell|tell|Steg tell|\
             Biståndshandläggare|2026-03-04|2 mars 2026|True|Biståndshandläggare|True"
        )
    );
}
