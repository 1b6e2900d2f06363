//! The journal: replay, serialization, determinism.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::run::{JournalEntry, Record};

fn full_run() -> (Routine, Case) {
    let (routine, mut case, _) = started();
    complete(
        &routine,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false}),
        t(2026, 1, 15, 9),
    );
    ok(case.advance(&routine, t(2026, 2, 1, 0)));
    ok(case.deliver(
        &routine,
        "order_corrected",
        json!({"order_ok": true}),
        t(2026, 2, 2, 9),
    ));
    complete(
        &routine,
        &mut case,
        "call_client",
        "alarm_team",
        json!({"keys_needed": true, "install_date": "2026-02-10", "key_number": "K-1"}),
        t(2026, 2, 3, 9),
    );
    complete(
        &routine,
        &mut case,
        "install",
        "alarm_team",
        json!({"installed": true}),
        t(2026, 2, 10, 15),
    );
    complete(
        &routine,
        &mut case,
        "register_day",
        "coordinator_day",
        json!(null),
        t(2026, 2, 11, 9),
    );
    complete(
        &routine,
        &mut case,
        "register_night",
        "coordinator_night",
        json!(null),
        t(2026, 2, 11, 23),
    );
    ok(case.advance(&routine, t(2026, 3, 10, 12)));
    complete(
        &routine,
        &mut case,
        "followup",
        "alarm_team",
        json!({"visits": 1}),
        t(2026, 3, 11, 9),
    );
    (routine, case)
}

#[test]
fn replaying_the_journal_gives_the_same_case() {
    let (routine, case) = full_run();
    assert_eq!(case.outcome(), Some("executed"));
    let replayed = ok(Case::replay(&routine, case.journal()));
    assert_eq!(replayed, case);
    assert_eq!(snapshot(&replayed), snapshot(&case));
}

#[test]
fn a_case_serializes_as_its_journal_and_back() {
    let (_, case) = full_run();
    let text = serde_json::to_string(&case).unwrap_or_default();
    let journal: Vec<JournalEntry> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(journal, case.journal());
    let back: Case = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, case);
}

#[test]
fn the_same_commands_give_the_same_journal_byte_for_byte() {
    let a = serde_json::to_string(&full_run().1).unwrap_or_default();
    let b = serde_json::to_string(&full_run().1).unwrap_or_default();
    assert_eq!(a, b);
    assert!(a.len() > 1000);
}

#[test]
fn the_journal_is_an_audit_trail() {
    let (_, case) = full_run();
    let entries = case.journal();
    assert!(entries.iter().zip(1u64..).all(|(e, seq)| e.seq == seq));
    assert!(entries.windows(2).all(|w| w[0].at <= w[1].at));
    let first = serde_json::to_value(&entries[0]).unwrap_or_default();
    assert_eq!(first["type"], "case_started");
    assert_eq!(first["data"]["decision_date"], "2026-01-15");
    assert_eq!(first["at"], "2026-01-15T08:00:00");
    // Every message text is kept as sent.
    assert!(entries.iter().any(|e| matches!(
        &e.record,
        Record::MessageSent(m) if m.body.starts_with("Trygghetslarm är installerat 10 februari 2026")
    )));
}

#[test]
fn an_inconsistent_journal_is_refused() {
    let (routine, case) = full_run();
    let mut journal = case.journal().to_vec();
    assert!(Case::replay(&routine, &[]).is_err());
    assert!(Case::replay(&routine, &journal[1..]).is_err());
    journal.swap(3, 4);
    assert!(matches!(
        Case::replay(&routine, &journal),
        Err(RunError::Journal { .. })
    ));
    let mut journal = case.journal().to_vec();
    journal.truncate(5);
    journal.push(JournalEntry {
        seq: 6,
        at: t(2026, 1, 15, 10),
        actor: crate::run::Actor::System,
        record: Record::TaskCompleted {
            task: crate::run::TaskId(42),
            step: None,
            values: Default::default(),
        },
    });
    assert!(matches!(
        Case::replay(&routine, &journal),
        Err(RunError::Journal { seq: 6, .. })
    ));
    let mut other = routine.clone();
    other.meta.id = "other".into();
    assert!(matches!(
        Case::replay(&other, case.journal()),
        Err(RunError::WrongRoutine { .. })
    ));
    assert!(serde_json::from_str::<Case>("[]").is_err());
}
