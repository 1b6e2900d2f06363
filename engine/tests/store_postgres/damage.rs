//! What the server lets through but the store must not: edited journal
//! rows, a row another process keeps locked, a connection that may not write.

use rutin::run::CaseId;
use rutin::store::contract::{at, fixture_routine};
use rutin::store::{CaseStore, PostgresStore, StoreError};

use crate::db::TestSchema;
use crate::race::{put_fixture, start};

/// A store in a fresh schema holding the started fixture case `K-1`.
fn one_case() -> Option<(TestSchema, PostgresStore)> {
    let schema = TestSchema::new()?;
    let mut store = PostgresStore::connect(&schema.url()).expect("connect");
    let bundle = put_fixture(&mut store);
    start(&mut store, &fixture_routine(), &bundle, "K-1", at(2, 8));
    Some((schema, store))
}

fn damaged(store: &mut PostgresStore) -> String {
    match store.load(&CaseId::from("K-1")) {
        Err(error @ StoreError::Damaged { .. }) => error.to_string(),
        other => panic!("the edited case must be reported damaged, got {other:?}"),
    }
}

#[test]
fn an_edited_journal_entry_is_reported_damaged() {
    let Some((schema, mut store)) = one_case() else {
        return;
    };
    schema
        .admin()
        .execute(
            "UPDATE journal SET entry = replace(entry, '2026-02-02T08:00:00', '2026-02-02T08:00:01') \
             WHERE case_id = 'K-1' AND seq = 1",
            &[],
        )
        .expect("edit the first entry's time");
    let text = damaged(&mut store);
    assert!(text.contains("journal entry 1"), "{text}");
}

#[test]
fn a_removed_journal_entry_is_reported_damaged() {
    let Some((schema, mut store)) = one_case() else {
        return;
    };
    schema
        .admin()
        .execute("DELETE FROM journal WHERE case_id = 'K-1' AND seq = 2", &[])
        .expect("remove an entry");
    let text = damaged(&mut store);
    assert!(
        text.contains("journal entry 2") && text.contains("missing"),
        "{text}"
    );
}

#[test]
fn a_row_held_by_another_process_makes_a_command_busy_not_stuck() {
    let Some((schema, mut store)) = one_case() else {
        return;
    };
    let stored = store.load(&CaseId::from("K-1")).expect("load");
    let mut holder = schema.admin();
    let mut held = holder.transaction().expect("begin");
    held.execute("SELECT 1 FROM cases WHERE id = 'K-1' FOR UPDATE", &[])
        .expect("hold the case's row");
    let commit = rutin::store::CaseCommit {
        case: stored.id.clone(),
        expected_seq: stored.last_seq(),
        entries: Vec::new(),
        index: stored.index.clone(),
        outbox: Vec::new(),
    };
    let error = store.commit(&commit).expect_err("the row is held");
    assert!(matches!(error, StoreError::Busy { .. }), "{error:?}");
    assert!(error.to_string().contains("try again"), "{error}");
    held.rollback().expect("let go");
    store
        .commit(&commit)
        .expect("once let go, the commit goes through");
}

#[test]
fn a_connection_that_may_not_write_is_refused_and_nothing_changes() {
    let Some((schema, mut store)) = one_case() else {
        return;
    };
    let before = store.load(&CaseId::from("K-1")).expect("load");
    let read_only = schema.url().replace(
        "synchronous_commit=off",
        "synchronous_commit=off -c default_transaction_read_only=on",
    );
    let mut reader = PostgresStore::connect(&read_only).expect("a read-only connection opens");
    let commit = rutin::store::CaseCommit {
        case: before.id.clone(),
        expected_seq: before.last_seq(),
        entries: Vec::new(),
        index: rutin::store::CaseIndex {
            open: false,
            ..before.index.clone()
        },
        outbox: Vec::new(),
    };
    let error = reader.commit(&commit).expect_err("it may not write");
    assert!(matches!(error, StoreError::Unwritable { .. }), "{error:?}");
    let after = store.load(&CaseId::from("K-1")).expect("load");
    assert_eq!(after.index, before.index);
    assert_eq!(after.journal, before.journal);
}
