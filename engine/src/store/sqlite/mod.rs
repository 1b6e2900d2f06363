//! The embedded store: one SQLite file (rusqlite, SQLite compiled in).
//!
//! The file is opened in WAL mode, so readers never wait for the writer and
//! a crash leaves the last committed state. Every write is one
//! `BEGIN IMMEDIATE` transaction: it takes the write lock before reading
//! what it checks (the case's last sequence number), so two processes can
//! never both pass the check; a process that finds the lock taken waits up
//! to the busy timeout and then gives [`StoreError::Busy`].
//!
//! Before anything is written, the file is identified: a file that is not
//! SQLite, an SQLite database of another program (its `application_id`), a
//! Rutin database of a newer schema, are refused and left as they are. A
//! new file (or an empty SQLite database) is set up; an older schema is
//! migrated in one transaction. Tables: `meta`, `bundles`, `cases` (the
//! index: routine, bundle, open, next due, lease, last seq and hash),
//! `journal` (one row per entry, keyed by case and seq, with its chained
//! hash), `schedules`, `schedule_runs`, `outbox`. Times are stored as text
//! `YYYY-MM-DDTHH:MM:SS[.f]`, which sorts in time order.

mod cases;
mod schema;
mod work;

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::StoreError;
use schema::Found;

/// How durably a commit is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Synchronous {
    /// Every commit is on disk before it is acknowledged (the default).
    #[default]
    Full,
    /// A power cut may lose the last commits, never damage the file; a
    /// process crash loses nothing. Faster.
    Normal,
}

/// How to open an SQLite store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteOptions {
    /// Durability of commits.
    pub synchronous: Synchronous,
    /// How long to wait for another process's write lock.
    pub busy_timeout: Duration,
    /// Open without writing anything (commands give [`StoreError::Unwritable`]).
    pub read_only: bool,
    /// The largest the file may grow, in pages (for quotas and tests of a
    /// full disk); `None`: no limit of our own.
    pub max_page_count: Option<u32>,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        SqliteOptions {
            synchronous: Synchronous::Full,
            busy_timeout: Duration::from_secs(5),
            read_only: false,
            max_page_count: None,
        }
    }
}

/// A case store in one SQLite file. One handle per thread or process; any
/// number of handles may use the same file at once.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: String,
    busy_ms: u64,
}

impl SqliteStore {
    /// Opens the store at `path`, creating it when there is no file.
    pub fn open(path: &Path, options: &SqliteOptions) -> Result<SqliteStore, StoreError> {
        schema::check_header(path)?;
        let shown = path.display().to_string();
        let flags = if options.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        };
        let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| map_err(&shown, e))?;
        conn.busy_timeout(options.busy_timeout)
            .map_err(|e| map_err(&shown, e))?;
        let mut store = SqliteStore {
            conn,
            path: shown,
            busy_ms: u64::try_from(options.busy_timeout.as_millis()).unwrap_or(u64::MAX),
        };
        let found = schema::identify(&store.conn, &store.path)?;
        let version = match found {
            Found::Empty => 0,
            Found::Rutin(v) => v,
        };
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: store.path.clone(),
                found: version,
                supported: schema::SCHEMA_VERSION,
            });
        }
        if !options.read_only {
            store.configure(options)?;
            if version < schema::SCHEMA_VERSION {
                store.migrate()?;
            }
        } else if version < schema::SCHEMA_VERSION {
            return Err(StoreError::Unwritable {
                path: store.path.clone(),
                reason: "it was opened read-only and must first be set up or migrated".into(),
            });
        }
        Ok(store)
    }

    /// Opens (or creates) the store at `path` with the default options.
    pub fn open_default(path: &Path) -> Result<SqliteStore, StoreError> {
        SqliteStore::open(path, &SqliteOptions::default())
    }

    /// The file, as shown in messages.
    pub fn path(&self) -> &str {
        &self.path
    }

    fn configure(&mut self, options: &SqliteOptions) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| map_err(&path, e);
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Backend {
                message: format!("{path}: SQLite would not use WAL mode (it uses `{mode}`)"),
            });
        }
        let sync = match options.synchronous {
            Synchronous::Full => "FULL",
            Synchronous::Normal => "NORMAL",
        };
        self.conn
            .pragma_update(None, "synchronous", sync)
            .map_err(err)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        if let Some(pages) = options.max_page_count {
            let _: i64 = self
                .conn
                .pragma_update_and_check(None, "max_page_count", pages, |r| r.get(0))
                .map_err(err)?;
        }
        Ok(())
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        match map_err(&self.path, e) {
            StoreError::Busy { path, .. } => StoreError::Busy {
                path,
                waited_ms: self.busy_ms,
            },
            other => other,
        }
    }
}

/// A database error in plain words.
pub(crate) fn map_err(path: &str, e: rusqlite::Error) -> StoreError {
    let path = path.to_owned();
    if let rusqlite::Error::SqliteFailure(failure, message) = &e {
        let detail = message.clone().unwrap_or_else(|| failure.to_string());
        return match failure.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                StoreError::Busy { path, waited_ms: 0 }
            }
            ErrorCode::ReadOnly => StoreError::Unwritable {
                path,
                reason: "the file, or its folder, is read-only".into(),
            },
            ErrorCode::DiskFull => StoreError::Unwritable {
                path,
                reason: "the disk is full, or the database reached its size limit".into(),
            },
            ErrorCode::NotADatabase => StoreError::NotARutinDatabase {
                path,
                reason: "SQLite cannot read it as a database".into(),
            },
            ErrorCode::DatabaseCorrupt => StoreError::Damaged {
                place: format!("the database {path}"),
                reason: detail,
            },
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::SystemIoFailure => {
                StoreError::Io {
                    path,
                    message: detail,
                }
            }
            _ => StoreError::Backend {
                message: format!("{path}: {detail}"),
            },
        };
    }
    StoreError::Backend {
        message: format!("{path}: {e}"),
    }
}

pub(crate) use crate::store::time_key::{parse_opt_ts, parse_ts, ts};

/// A count as stored (SQLite integers are signed).
pub(crate) fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl super::CaseStore for SqliteStore {
    fn put_bundle(
        &mut self,
        bundle: &super::RoutineBundle,
    ) -> Result<super::BundleHash, StoreError> {
        self.put_bundle_impl(bundle)
    }
    fn bundle(&mut self, hash: &super::BundleHash) -> Result<super::RoutineBundle, StoreError> {
        self.bundle_impl(hash)
    }
    fn load(&mut self, case: &crate::run::CaseId) -> Result<super::StoredCase, StoreError> {
        self.load_impl(case)
    }
    fn cases(&mut self, filter: &super::CaseFilter) -> Result<Vec<super::CaseSummary>, StoreError> {
        self.cases_impl(filter)
    }
    fn commit(&mut self, commit: &super::CaseCommit) -> Result<(), StoreError> {
        self.commit_impl(commit)
    }
    fn claim_due(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<(crate::run::CaseId, NaiveDateTime)>, StoreError> {
        self.claim_due_impl(now, limit, lease_until)
    }
    fn register_schedules(&mut self, slots: &[super::ScheduleSlot]) -> Result<(), StoreError> {
        self.register_schedules_impl(slots)
    }
    fn due_schedules(
        &mut self,
        now: NaiveDateTime,
    ) -> Result<Vec<super::ScheduleSlot>, StoreError> {
        self.due_schedules_impl(now)
    }
    fn commit_schedule_run(&mut self, run: &super::ScheduleRunCommit) -> Result<(), StoreError> {
        self.commit_schedule_run_impl(run)
    }
    fn claim_outbox(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<super::OutboxItem>, StoreError> {
        self.claim_outbox_impl(now, limit, lease_until)
    }
    fn record_delivery(
        &mut self,
        id: &super::OutboxId,
        delivery: &super::Delivery,
    ) -> Result<(), StoreError> {
        self.record_delivery_impl(id, delivery)
    }
    fn outbox(
        &mut self,
        status: Option<super::OutboxStatus>,
    ) -> Result<Vec<super::OutboxItem>, StoreError> {
        self.outbox_impl(status)
    }
    fn next_wakeup(&mut self) -> Result<Option<NaiveDateTime>, StoreError> {
        self.next_wakeup_impl()
    }
}
