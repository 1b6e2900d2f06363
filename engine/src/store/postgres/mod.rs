//! The PostgreSQL case store, for a shared deployment where several engine
//! processes (runners, the CLI) serve the same cases.
//!
//! The same tables and rules as the SQLite store ([`super`] has them), with
//! what a server shared by many processes needs:
//!
//! - **A command is one transaction** at READ COMMITTED. A commit locks the
//!   case's row (`SELECT ... FOR UPDATE`), checks that its last sequence
//!   number is still the one the command read, and appends; the primary key
//!   (case, seq) guards the journal as well. Of two commands on one case the
//!   second waits for the first, then finds the number moved and gets
//!   [`StoreError::Conflict`]. A process killed in the middle leaves an
//!   open transaction that the server rolls back: nothing half done.
//! - **Due work is claimed** with `FOR UPDATE SKIP LOCKED` and a lease, so
//!   two runners never take the same case, schedule run or message at once.
//! - **Opening is safe with many runners**: the schema is created or
//!   migrated under an advisory lock, in one transaction; a schema holding
//!   other tables, or written by a newer Rutin, is refused untouched.
//!
//! Everything lives in the connection's current schema, so one database can
//! hold several stores (`?options=-csearch_path%3Dname` in the URL).

mod cases;
mod error;
mod schema;
mod statements;
mod time;
mod work;

use chrono::NaiveDateTime;
use postgres::{Client, NoTls};

use super::{
    BundleHash, CaseCommit, CaseFilter, CaseStore, CaseSummary, Delivery, OutboxId, OutboxItem,
    OutboxStatus, RoutineBundle, ScheduleRunCommit, ScheduleSlot, StoreError, StoredCase,
};
use crate::run::CaseId;
use statements::Statements;

/// How long an open transaction may sit idle before the server ends it, in
/// milliseconds (a runner that hangs does not hold its locks for ever).
const IDLE_IN_TRANSACTION_MS: u64 = 60_000;

/// A case store on a PostgreSQL database, over one connection. One store
/// per thread or process; any number may use the same database at once.
pub struct PostgresStore {
    client: Client,
    statements: Statements,
    target: String,
    schema: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("target", &self.target)
            .field("schema", &self.schema)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`, or
    /// a key-value string such as `host=... user=... dbname=...`), without
    /// TLS. Sets up the Rutin tables in an empty schema and migrates an
    /// older one; a schema holding other tables, or written by a newer
    /// Rutin, is refused and left untouched. A server that does not answer,
    /// a refused login or a missing database is a clear error.
    pub fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        let mut config = error::parse_url(url)?;
        if config.get_application_name().is_none() {
            config.application_name("rutin");
        }
        let target = error::target(&config);
        let mut client = config
            .connect(NoTls)
            .map_err(|e| error::connect_error(&config, e))?;
        client
            .batch_execute(&format!(
                "SET lock_timeout = {}; SET idle_in_transaction_session_timeout = {IDLE_IN_TRANSACTION_MS}",
                error::LOCK_TIMEOUT_MS
            ))
            .map_err(|e| error::map(&target, e))?;
        let schema = schema::prepare(&mut client, &target)?;
        Ok(PostgresStore {
            client,
            statements: Statements::default(),
            target,
            schema,
        })
    }

    /// The database, as messages name it (`postgres://user@host:port/database`, no password).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema the store's tables live in (the first existing one on the `search_path`).
    pub fn schema(&self) -> &str {
        &self.schema
    }
}

impl CaseStore for PostgresStore {
    fn put_bundle(&mut self, bundle: &RoutineBundle) -> Result<BundleHash, StoreError> {
        self.put_bundle_impl(bundle)
    }
    fn bundle(&mut self, hash: &BundleHash) -> Result<RoutineBundle, StoreError> {
        self.bundle_impl(hash)
    }
    fn load(&mut self, case: &CaseId) -> Result<StoredCase, StoreError> {
        self.load_impl(case)
    }
    fn cases(&mut self, filter: &CaseFilter) -> Result<Vec<CaseSummary>, StoreError> {
        self.cases_impl(filter)
    }
    fn commit(&mut self, commit: &CaseCommit) -> Result<(), StoreError> {
        self.commit_impl(commit)
    }
    fn claim_due(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<(CaseId, NaiveDateTime)>, StoreError> {
        self.claim_due_impl(now, limit, lease_until)
    }
    fn register_schedules(&mut self, slots: &[ScheduleSlot]) -> Result<(), StoreError> {
        self.register_schedules_impl(slots)
    }
    fn due_schedules(&mut self, now: NaiveDateTime) -> Result<Vec<ScheduleSlot>, StoreError> {
        self.due_schedules_impl(now)
    }
    fn commit_schedule_run(&mut self, run: &ScheduleRunCommit) -> Result<(), StoreError> {
        self.commit_schedule_run_impl(run)
    }
    fn claim_outbox(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        self.claim_outbox_impl(now, limit, lease_until)
    }
    fn record_delivery(&mut self, id: &OutboxId, delivery: &Delivery) -> Result<(), StoreError> {
        self.record_delivery_impl(id, delivery)
    }
    fn outbox(&mut self, status: Option<OutboxStatus>) -> Result<Vec<OutboxItem>, StoreError> {
        self.outbox_impl(status)
    }
    fn next_wakeup(&mut self) -> Result<Option<NaiveDateTime>, StoreError> {
        self.next_wakeup_impl()
    }
}

impl PostgresStore {
    /// The prepared statement for `sql` on this connection.
    fn prepare(&mut self, sql: &'static str) -> Result<postgres::Statement, StoreError> {
        self.statements
            .get(&mut self.client, sql)
            .map_err(|e| error::map(&self.target, e))
    }
}
