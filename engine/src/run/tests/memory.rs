//! What an open case keeps: no room beyond what it holds, and each field
//! value once.

use super::*;

/// The journal, the steps reached and the field values have no spare room
/// once a command is done, and the values the latest task recorded are the
/// very ones the case's fields read.
fn assert_tight(case: &Case) {
    assert_eq!(case.journal.capacity(), case.journal.len());
    assert_eq!(case.state.reached.capacity(), case.state.reached.len());
    let latest = case.journal.iter().rev().find_map(|e| match &e.record {
        crate::run::Record::TaskCompleted { values, .. } if !values.is_empty() => Some(values),
        _ => None,
    });
    for (id, value) in latest.iter().flat_map(|v| v.iter()) {
        let current = case.fields().get(id);
        assert!(current.is_some_and(|c| std::ptr::eq(c, value)), "{id}");
    }
}

#[test]
fn an_open_case_keeps_no_spare_room() {
    let (routine, case, _) = started();
    assert_tight(&case);
    let (_, case) = at_install();
    assert_tight(&case);
    let json = serde_json::to_string(&case).unwrap_or_default();
    let replayed: Result<Case, _> = serde_json::from_str(&json);
    assert!(replayed
        .as_ref()
        .is_ok_and(|r| r.journal() == case.journal()));
    if let Ok(replayed) = replayed {
        assert_tight(&replayed);
    }
    assert_eq!(routine.meta.id, case.routine_id());
}
