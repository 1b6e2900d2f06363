//! The SQLite store: the shared contract suite, then what only a file can
//! show (foreign and damaged files, tampering, a full disk, racing threads).

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use rutin::store::contract::StoreFactory;
use rutin::store::sqlite::{SqliteOptions, SqliteStore};

/// Fresh stores in files of one temporary folder.
struct Files {
    dir: tempfile::TempDir,
    made: u32,
}

impl Files {
    fn new() -> Self {
        Files {
            dir: tempfile::tempdir().expect("a temporary folder"),
            made: 0,
        }
    }
}

fn open(path: &Path) -> SqliteStore {
    SqliteStore::open(path, &SqliteOptions::default())
        .unwrap_or_else(|e| panic!("opening {}: {e}", path.display()))
}

impl StoreFactory for Files {
    type Store = SqliteStore;
    fn fresh(&mut self) -> SqliteStore {
        self.made += 1;
        let path: PathBuf = self.dir.path().join(format!("store-{}.db", self.made));
        open(&path)
    }
    fn another(&mut self, store: &SqliteStore) -> SqliteStore {
        open(Path::new(store.path()))
    }
}

rutin::store_contract_tests!(Files::new());

use rutin::run::CaseId;
use rutin::store::contract::{commit_for, order_wrong, started};
use rutin::store::{CaseFilter, CaseStore, StoreError};
use std::time::Duration;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Opening `path` is refused as not a Rutin database and leaves its bytes as they were.
fn refused_untouched(path: &Path) -> StoreError {
    let before = std::fs::read(path).expect("the file");
    let e = SqliteStore::open(path, &SqliteOptions::default()).expect_err("must be refused");
    assert_eq!(std::fs::read(path).expect("the file"), before, "{e}");
    e
}

#[test]
fn files_that_are_not_rutin_databases_are_refused_and_untouched() {
    let dir = temp();
    let json = dir.path().join("cases.json");
    std::fs::write(&json, br#"{"format": 1, "journal": []}"#).unwrap();
    let e = refused_untouched(&json);
    assert!(matches!(e, StoreError::NotARutinDatabase { .. }), "{e}");
    assert!(e.to_string().contains("it starts with `{\"format`"), "{e}");

    let random = dir.path().join("random.db");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&random, &bytes).unwrap();
    assert!(matches!(
        refused_untouched(&random),
        StoreError::NotARutinDatabase { .. }
    ));

    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hej');")
            .unwrap();
    }
    let e = refused_untouched(&other);
    assert!(e.to_string().contains("another program"), "{e}");
}

#[test]
fn a_newer_schema_is_refused_and_untouched() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    drop(open(&path));
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'", [])
            .unwrap();
    }
    let e = refused_untouched(&path);
    match &e {
        StoreError::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, 2);
        }
        other => panic!("expected a newer-schema refusal, got {other}"),
    }
    assert!(e.to_string().contains("Use a newer Rutin"), "{e}");
}

#[test]
fn a_store_opens_again_with_its_cases() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    let mut store = open(&path);
    let (_, case, commit) = started(&mut store, "K-1", 2);
    store.commit(&commit).unwrap();
    drop(store);
    let mut again = open(&path);
    assert_eq!(
        again.load(&CaseId::from("K-1")).unwrap().journal,
        case.journal()
    );
}

/// A database of schema version 1, where a time past year 9999 was
/// written `+10000-...` (sorting before 2026), is migrated on open: its
/// keys are rewritten to sort as time, so the far case is no longer due.
#[test]
fn a_version_1_database_gets_time_keys_that_sort() {
    use rutin::store::contract::in_year;
    let dir = temp();
    let path = dir.path().join("rutin.db");
    let mut store = open(&path);
    let mut now = None;
    for id in ["K-1", "K-far"] {
        let (_, _, commit) = started(&mut store, id, 2);
        store.commit(&commit).unwrap();
        now = commit.index.next_due;
    }
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "UPDATE cases SET next_due = '+10000-01-08T00:00:00' WHERE id = 'K-far';
             UPDATE outbox SET created = '-0001-01-08T00:00:00';
             UPDATE meta SET value = '1' WHERE key = 'schema';",
        )
        .unwrap();
    }
    let mut store = open(&path);
    let now = now.expect("the fixture case has a deadline");
    let due = store.claim_due(now, 10, now).unwrap();
    assert_eq!(
        due.iter().map(|(id, _)| id.0.as_str()).collect::<Vec<_>>(),
        vec!["K-1"]
    );
    let far = store.load(&CaseId::from("K-far")).unwrap();
    assert_eq!(far.index.next_due, Some(in_year(10000)));
    assert!(store
        .outbox(None)
        .unwrap()
        .iter()
        .all(|item| item.created == in_year(-1)));
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (key, schema): (String, String) = conn
        .query_row(
            "SELECT next_due, (SELECT value FROM meta WHERE key = 'schema') FROM cases WHERE id = 'K-far'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (key.as_str(), schema.as_str()),
        ("~510000-01-08T00:00:00", "2")
    );
}

/// Every single-byte change to any stored journal entry is reported as
/// damage on load, and so are a removed entry and a changed index.
#[test]
fn every_single_byte_edit_of_a_journal_is_detected() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    let mut store = open(&path);
    let (routine, mut case, commit) = started(&mut store, "K-1", 2);
    store.commit(&commit).unwrap();
    let read = case.journal().len() as u64;
    let entries = order_wrong(&routine, &mut case, 2);
    store
        .commit(&commit_for(
            &case,
            commit.index.bundle.clone(),
            read,
            entries,
        ))
        .unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    let rows: Vec<(i64, String)> = raw
        .prepare("SELECT seq, entry FROM journal WHERE case_id = 'K-1' ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut edits = 0;
    for (seq, text) in &rows {
        for i in 0..text.len() {
            let mut bytes = text.clone().into_bytes();
            bytes[i] = if bytes[i] == b'1' { b'2' } else { b'1' };
            let Ok(edited) = String::from_utf8(bytes) else {
                continue;
            };
            raw.execute(
                "UPDATE journal SET entry = ?1 WHERE case_id = 'K-1' AND seq = ?2",
                rusqlite::params![edited, seq],
            )
            .unwrap();
            match store.load(&CaseId::from("K-1")) {
                Err(StoreError::Damaged { place, .. }) => {
                    assert_eq!(place, format!("case `K-1`, journal entry {seq}"));
                }
                other => panic!("edit at byte {i} of entry {seq} was not detected: {other:?}"),
            }
            edits += 1;
        }
        raw.execute(
            "UPDATE journal SET entry = ?1 WHERE case_id = 'K-1' AND seq = ?2",
            rusqlite::params![text, seq],
        )
        .unwrap();
    }
    assert!(edits > 1000, "only {edits} edits tried");
    assert_eq!(
        store.load(&CaseId::from("K-1")).unwrap().journal,
        case.journal()
    );

    // A removed last entry, a removed middle entry, a changed index.
    let last = rows.len() as i64;
    raw.execute_batch(&format!(
        "CREATE TABLE saved AS SELECT * FROM journal; DELETE FROM journal WHERE seq = {last};"
    ))
    .unwrap();
    assert!(matches!(
        store.load(&CaseId::from("K-1")),
        Err(StoreError::Damaged { .. })
    ));
    raw.execute_batch("DELETE FROM journal; INSERT INTO journal SELECT * FROM saved; DELETE FROM journal WHERE seq = 2;")
        .unwrap();
    assert!(matches!(
        store.load(&CaseId::from("K-1")),
        Err(StoreError::Damaged { .. })
    ));
    raw.execute_batch("DELETE FROM journal; INSERT INTO journal SELECT * FROM saved; UPDATE cases SET last_seq = last_seq - 1;")
        .unwrap();
    assert!(matches!(
        store.load(&CaseId::from("K-1")),
        Err(StoreError::Damaged { .. })
    ));
}

/// A file that cannot grow: the commit that does not fit is refused in
/// plain words, and every commit before it is still there.
#[test]
fn a_full_disk_refuses_the_commit_and_loses_nothing() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    drop(open(&path));
    let options = SqliteOptions {
        max_page_count: Some(40),
        ..SqliteOptions::default()
    };
    let mut store = SqliteStore::open(&path, &options).unwrap();
    let mut stored = Vec::new();
    let refusal = loop {
        let id = format!("K-{}", stored.len());
        let (_, case, commit) = started(&mut store, &id, 2);
        match store.commit(&commit) {
            Ok(()) => stored.push(case),
            Err(e) => break e,
        }
        assert!(stored.len() < 10_000, "the size limit never applied");
    };
    assert!(
        matches!(refusal, StoreError::Unwritable { .. }),
        "{refusal}"
    );
    assert!(
        refusal.to_string().contains("the disk is full"),
        "{refusal}"
    );
    drop(store);
    let mut store = open(&path);
    assert_eq!(
        store.cases(&CaseFilter::default()).unwrap().len(),
        stored.len()
    );
    for case in &stored {
        assert_eq!(store.load(case.id()).unwrap().journal, case.journal());
    }
}

#[test]
fn a_read_only_store_refuses_writes_and_still_reads() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    let mut store = open(&path);
    let (_, case, commit) = started(&mut store, "K-1", 2);
    store.commit(&commit).unwrap();
    drop(store);
    let options = SqliteOptions {
        read_only: true,
        ..SqliteOptions::default()
    };
    let mut store = SqliteStore::open(&path, &options).unwrap();
    let (_, _, another) = {
        let mut scratch = open(&dir.path().join("scratch.db"));
        started(&mut scratch, "K-2", 2)
    };
    let e = store.commit(&another).expect_err("read-only");
    assert!(matches!(e, StoreError::Unwritable { .. }), "{e}");
    assert_eq!(
        store.load(&CaseId::from("K-1")).unwrap().journal,
        case.journal()
    );
}

/// A writer that holds the lock longer than the busy timeout: the other
/// gets a clear "busy" refusal, not a hang and not a half write.
#[test]
fn a_held_lock_gives_a_clear_busy_error() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    let mut store = open(&path);
    let (_, _, commit) = started(&mut store, "K-1", 2);
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let options = SqliteOptions {
        busy_timeout: Duration::from_millis(50),
        ..SqliteOptions::default()
    };
    let mut impatient = SqliteStore::open(&path, &options).unwrap();
    let e = impatient.commit(&commit).expect_err("the lock is held");
    assert!(matches!(e, StoreError::Busy { waited_ms: 50, .. }), "{e}");
    assert!(e.to_string().contains("try again"), "{e}");
    blocker.execute_batch("ROLLBACK").unwrap();
    impatient.commit(&commit).unwrap();
}

/// Threads, each with its own handle, complete the same task on the same
/// read: in every round exactly one wins and the rest are told of the conflict.
#[test]
fn racing_threads_on_one_file_lose_no_update() {
    let dir = temp();
    let path = dir.path().join("rutin.db");
    let mut store = open(&path);
    for round in 0..25 {
        let id = format!("K-{round}");
        let (routine, case, commit) = started(&mut store, &id, 2);
        store.commit(&commit).unwrap();
        let read = case.journal().len() as u64;
        let results: Vec<Result<(), StoreError>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|i| {
                    let (routine, mut case, bundle, path) =
                        (&routine, case.clone(), commit.index.bundle.clone(), &path);
                    s.spawn(move || {
                        let mut mine = open(path);
                        let entries = order_wrong(routine, &mut case, 2 + i);
                        mine.commit(&commit_for(&case, bundle, read, entries))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let wins = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(wins, 1, "round {round}: {results:?}");
        assert!(results
            .iter()
            .all(|r| matches!(r, Ok(()) | Err(StoreError::Conflict { .. }))));
        let loaded = store.load(&CaseId::from(id.as_str())).unwrap();
        assert!(loaded.last_seq() > read);
        assert_eq!(store.outbox(None).unwrap().len(), round + 1);
    }
}
