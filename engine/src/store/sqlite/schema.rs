//! The SQLite schema, its versions, and telling a Rutin database from
//! anything else before a single byte is written.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::{map_err, SqliteStore};
use crate::store::StoreError;

/// `PRAGMA application_id` of a Rutin database ("Ruti").
pub(crate) const APPLICATION_ID: i32 = 0x5275_7469;

/// The value of `meta.magic`.
const MAGIC: &str = "rutin case store";

/// Migrations in order; the schema version is how many have run.
const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

const V1: &str = "
CREATE TABLE bundles (
    hash TEXT PRIMARY KEY,
    content TEXT NOT NULL
);
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    routine TEXT NOT NULL,
    version TEXT NOT NULL,
    bundle TEXT NOT NULL REFERENCES bundles(hash),
    open INTEGER NOT NULL,
    next_due TEXT,
    lease_until TEXT,
    last_seq INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
CREATE INDEX cases_due ON cases(next_due) WHERE open = 1 AND next_due IS NOT NULL;
CREATE INDEX cases_leased ON cases(lease_until) WHERE lease_until IS NOT NULL;
CREATE INDEX cases_routine ON cases(routine, version, open);
CREATE TABLE journal (
    case_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    entry TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;
CREATE TABLE schedules (
    routine TEXT NOT NULL,
    version TEXT NOT NULL,
    schedule TEXT NOT NULL,
    bundle TEXT NOT NULL REFERENCES bundles(hash),
    next_due TEXT NOT NULL,
    PRIMARY KEY (routine, version, schedule)
);
CREATE TABLE schedule_runs (
    routine TEXT NOT NULL,
    version TEXT NOT NULL,
    schedule TEXT NOT NULL,
    due TEXT NOT NULL,
    selected TEXT NOT NULL,
    PRIMARY KEY (routine, version, schedule, due)
);
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    created TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt TEXT,
    last_error TEXT,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox(next_attempt) WHERE status = 'pending';
CREATE INDEX outbox_created ON outbox(created, id);
";

/// Version 2: times outside years 0000-9999 get keys that sort as time
/// ([`crate::store::time_key`]); the rewrite is [`rewrite_time_keys`].
const V2: &str = "SELECT 1;";

/// What a file at the store's path turned out to be.
pub(crate) enum Found {
    /// Nothing there, or an SQLite database with nothing in it: ours to set up.
    Empty,
    /// A Rutin database of this schema version.
    Rutin(u32),
}

/// Refuses a file that is not an SQLite database, reading only its first bytes.
pub(crate) fn check_header(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let io = |e: std::io::Error| StoreError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    let mut header = Vec::new();
    file.by_ref()
        .take(16)
        .read_to_end(&mut header)
        .map_err(io)?;
    if header.is_empty() || header == b"SQLite format 3\0" {
        return Ok(());
    }
    let start: String = String::from_utf8_lossy(&header)
        .chars()
        .take(8)
        .map(|c| if c.is_control() { '.' } else { c })
        .collect();
    Err(StoreError::NotARutinDatabase {
        path: path.display().to_string(),
        reason: format!("it is not an SQLite database: it starts with `{start}`"),
    })
}

/// Reads what the database is without writing to it.
pub(crate) fn identify(conn: &Connection, path: &str) -> Result<Found, StoreError> {
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| map_err(path, e))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| map_err(path, e))?;
    if app == 0 && objects == 0 {
        return Ok(Found::Empty);
    }
    if app != APPLICATION_ID {
        return Err(StoreError::NotARutinDatabase {
            path: path.to_owned(),
            reason: "it is an SQLite database of another program".into(),
        });
    }
    let meta = |key: &str| -> Result<Option<String>, StoreError> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| map_err(path, e))
    };
    let damaged = |reason: &str| StoreError::Damaged {
        place: format!("the database {path}"),
        reason: reason.to_owned(),
    };
    if meta("magic")?.as_deref() != Some(MAGIC) {
        return Err(damaged(
            "its `meta` table does not name it a Rutin case store",
        ));
    }
    let version = meta("schema")?
        .and_then(|v| v.parse::<u32>().ok())
        .ok_or_else(|| damaged("its schema version is missing or unreadable"))?;
    Ok(Found::Rutin(version))
}

impl SqliteStore {
    /// Sets up a new database, or brings an older one to this schema, in
    /// one write transaction.
    /// Another process may have done it meanwhile: what the database is,
    /// is read again inside the transaction.
    pub(crate) fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| map_err(&path, e))?;
        let from = match identify(&tx, &path)? {
            Found::Empty => 0,
            Found::Rutin(v) if v >= SCHEMA_VERSION => return Ok(()),
            Found::Rutin(v) => v,
        };
        if from == 0 {
            tx.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID};
                 CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            ))
            .map_err(|e| map_err(&path, e))?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('magic', ?1)",
                [MAGIC],
            )
            .map_err(|e| map_err(&path, e))?;
        }
        for sql in MIGRATIONS.iter().skip(from as usize) {
            tx.execute_batch(sql).map_err(|e| map_err(&path, e))?;
        }
        if from < 2 {
            rewrite_time_keys(&tx).map_err(|e| map_err(&path, e))?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [SCHEMA_VERSION.to_string()],
        )
        .map_err(|e| map_err(&path, e))?;
        tx.commit().map_err(|e| map_err(&path, e))
    }
}

/// Rewrites the times schema version 1 wrote with a signed year (before 0
/// or after 9999) as keys that sort as time.
fn rewrite_time_keys(conn: &Connection) -> rusqlite::Result<()> {
    for (table, column) in crate::store::time_key::TIME_COLUMNS {
        let old: Vec<String> = conn
            .prepare(&format!(
                "SELECT DISTINCT {column} FROM {table} WHERE {column} LIKE '+%' OR {column} LIKE '-%'"
            ))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for text in old {
            if let Some(new) = crate::store::time_key::rewritten(&text) {
                conn.execute(
                    &format!("UPDATE {table} SET {column} = ?1 WHERE {column} = ?2"),
                    [new, text],
                )?;
            }
        }
    }
    Ok(())
}
