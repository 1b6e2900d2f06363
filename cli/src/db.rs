//! The database the case commands, `tick`, `run` and `outbox` work on: an
//! SQLite file (`--db FILE`, default `rutin.db` in the current folder) or,
//! with `RUTIN_DATABASE_URL=postgres://...`, a PostgreSQL server (several
//! `rutin run` processes may share one).

use std::path::PathBuf;

use rutin::run::RunError;
use rutin::runner::RunnerError;
use rutin::store::sqlite::SqliteStore;
use rutin::store::{CaseStore, StoreError};

use crate::{PROBLEMS, USAGE};

/// The file used when neither `--db` nor `RUTIN_DATABASE_URL` is given.
pub(crate) const DEFAULT_FILE: &str = "rutin.db";

/// Where the database is.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DbArgs {
    /// The database file (SQLite, created when missing; default `rutin.db` here).
    /// RUTIN_DATABASE_URL=postgres://... names a PostgreSQL database instead.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) db: Option<PathBuf>,
}

/// An open store.
pub(crate) type Db = Box<dyn CaseStore>;

impl DbArgs {
    /// Opens the database: `--db` first, then `RUTIN_DATABASE_URL`, then `rutin.db`.
    pub(crate) fn open(&self) -> Result<Db, Failure> {
        if let Some(path) = &self.db {
            return open_file(path.clone());
        }
        match std::env::var("RUTIN_DATABASE_URL") {
            Ok(url) if !url.trim().is_empty() => open_url(url.trim()),
            _ => open_file(PathBuf::from(DEFAULT_FILE)),
        }
    }
}

fn open_file(path: PathBuf) -> Result<Db, Failure> {
    let store = SqliteStore::open_default(&path)?;
    Ok(Box::new(store))
}

fn open_url(url: &str) -> Result<Db, Failure> {
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        return open_file(PathBuf::from(path));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let store = rutin::store::PostgresStore::connect(url)?;
        return Ok(Box::new(store));
    }
    let shown = url.split('@').next_back().unwrap_or(url);
    Err(Failure::usage(crate::output::text(
        "input-bad-database-url",
        &[("url", shown.into())],
    )))
}

/// A failed command: what to print, and the exit code.
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    pub(crate) code: u8,
    pub(crate) message: String,
}

impl Failure {
    /// A usage or I/O error (exit 2).
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: USAGE,
            message: message.into(),
        }
    }

    /// A refusal or a problem found (exit 1).
    pub(crate) fn problem(message: impl Into<String>) -> Self {
        Failure {
            code: PROBLEMS,
            message: message.into(),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        let code = match e {
            StoreError::NotFound { .. }
            | StoreError::Exists { .. }
            | StoreError::Conflict { .. } => PROBLEMS,
            _ => USAGE,
        };
        Failure {
            code,
            message: e.message_in(crate::output::lang()),
        }
    }
}

impl From<RunnerError> for Failure {
    fn from(e: RunnerError) -> Self {
        match e {
            RunnerError::Store(e) => e.into(),
            RunnerError::Run { error, .. } => Failure::problem(refusal_text(&error, None)),
            other => Failure::problem(other.message_in(crate::output::lang())),
        }
    }
}

/// `refused (code): why` and that nothing changed; `text` is the refusal as
/// the reader may see it (see `timeline::refusal`).
pub(crate) fn refusal_text(error: &RunError, text: Option<String>) -> String {
    let why = text.unwrap_or_else(|| error.message_in(crate::output::lang()));
    crate::output::text(
        "run-refused-unchanged",
        &[("code", error.code().into()), ("why", why.into())],
    )
}
