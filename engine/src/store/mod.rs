//! The durable store: cases, their journals, the routine versions they run
//! on, the index of what is due, schedule runs and the outbox.
//!
//! Why: a routine is only useful for real when nobody has to remember it.
//! Cases must survive the process, several people must be able to work on
//! the same cases at once without losing an update, deadlines must fire by
//! themselves, and every message must be sent exactly once even when the
//! process is killed in the middle. The deterministic core ([`crate::run`])
//! knows none of this: a [`Case`](crate::run::Case) is a journal and a fold
//! over it. The store keeps the journal; the runner ([`crate::runner`]) is
//! the layer that loads a case, runs one engine command and commits.
//!
//! How: [`CaseStore`] is a small interface with one implementation per
//! database (SQLite in [`sqlite`], PostgreSQL in [`PostgresStore`]). Its rules:
//!
//! - **A command is one transaction.** [`CaseStore::commit`] appends the
//!   command's journal entries, rewrites the case's [`CaseIndex`] (open or
//!   ended, next due time, pinned routine version) and inserts the
//!   command's outbox messages, all or nothing.
//! - **Optimistic concurrency.** A commit names the last sequence number it
//!   read ([`CaseCommit::expected_seq`]); if another command appended
//!   meanwhile, nothing is written and [`StoreError::Conflict`] says so.
//!   Two people completing the same task: exactly one wins.
//! - **Pinned routines.** A routine version is stored as a
//!   [`RoutineBundle`] (routine file, organisation file, templates) under
//!   its content hash; a case names the hash it runs on, so editing
//!   `workflows/` never stops a running case.
//! - **Tamper evidence.** Each journal entry is stored with a hash chained
//!   over the one before ([`chain`]); a changed byte is reported as
//!   [`StoreError::Damaged`] on load, and a damaged case is never written.
//! - **Due work is claimed.** [`CaseStore::claim_due`] and
//!   [`CaseStore::claim_outbox`] hand out due work with a lease, so two
//!   runners do not both do it (PostgreSQL: `FOR UPDATE SKIP LOCKED`;
//!   SQLite: one write transaction at a time). The lease is only an
//!   optimisation: the sequence check is what makes a deadline fire once,
//!   and a schedule run is recorded once per (routine, version, schedule,
//!   due time) by [`CaseStore::commit_schedule_run`].
//!
//! Times are passed in (`now`), never read from the clock here.

mod bundle;
pub mod chain;
pub mod check;
#[doc(hidden)]
pub mod contract;
mod error;
mod error_text;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
pub mod sqlite;
mod time_key;
mod types;

pub use bundle::{BundleHash, RoutineBundle};
pub use error::StoreError;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use types::{
    CaseCommit, CaseFilter, CaseIndex, CaseSummary, Delivery, NewOutboxItem, OutboxId, OutboxItem,
    OutboxSource, OutboxStatus, ScheduleRunCommit, ScheduleSlot, StoredCase,
};

use chrono::NaiveDateTime;

use crate::run::CaseId;

/// A durable home for cases. Every method is one transaction; a method
/// that fails has changed nothing.
///
/// Implementations must pass the contract suite in [`contract`].
pub trait CaseStore {
    /// Stores a routine bundle under its content hash (nothing happens when
    /// it is there already) and returns the hash.
    fn put_bundle(&mut self, bundle: &RoutineBundle) -> Result<BundleHash, StoreError>;

    /// The routine bundle stored under `hash`.
    fn bundle(&mut self, hash: &BundleHash) -> Result<RoutineBundle, StoreError>;

    /// Loads a case: its index and its whole journal, with the hash chain
    /// checked ([`StoreError::Damaged`] when it does not hold).
    fn load(&mut self, case: &CaseId) -> Result<StoredCase, StoreError>;

    /// The cases matching `filter`, by id.
    fn cases(&mut self, filter: &CaseFilter) -> Result<Vec<CaseSummary>, StoreError>;

    /// Appends a command's journal entries, rewrites the case's index and
    /// inserts its outbox messages, in one transaction, provided the case's
    /// last sequence number is still [`CaseCommit::expected_seq`] (0: the
    /// case must not exist yet). Otherwise [`StoreError::Conflict`] (or
    /// [`StoreError::Exists`] for a new case) and nothing is written.
    fn commit(&mut self, commit: &CaseCommit) -> Result<(), StoreError>;

    /// Claims up to `limit` open cases whose next due time is at or before
    /// `now` and that no other runner holds, earliest first, and holds them
    /// until `lease_until` (a commit to the case releases it). Returns each
    /// case with its due time.
    fn claim_due(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<(CaseId, NaiveDateTime)>, StoreError>;

    /// Records schedules of a routine version that will run from now on;
    /// slots that exist already are left as they are (their next due time
    /// is kept).
    fn register_schedules(&mut self, slots: &[ScheduleSlot]) -> Result<(), StoreError>;

    /// Schedule slots due at or before `now`, earliest first.
    fn due_schedules(&mut self, now: NaiveDateTime) -> Result<Vec<ScheduleSlot>, StoreError>;

    /// Records that a schedule ran for its due time, moves the slot to its
    /// next due time and inserts the report into the outbox, in one
    /// transaction. A run recorded before for the same (routine, version,
    /// schedule, due time) gives [`StoreError::Exists`] and writes nothing.
    fn commit_schedule_run(&mut self, run: &ScheduleRunCommit) -> Result<(), StoreError>;

    /// Claims up to `limit` pending outbox items whose next attempt is at or
    /// before `now`, oldest first, and holds them until `lease_until` (a
    /// runner killed while delivering leaves them to be tried again then).
    fn claim_outbox(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<OutboxItem>, StoreError>;

    /// Records the outcome of one delivery attempt.
    fn record_delivery(&mut self, id: &OutboxId, delivery: &Delivery) -> Result<(), StoreError>;

    /// The outbox, oldest first; only items of one status when given.
    fn outbox(&mut self, status: Option<OutboxStatus>) -> Result<Vec<OutboxItem>, StoreError>;

    /// The earliest time something will be due: a case's next due time, a
    /// schedule's next run or a pending outbox item's next attempt.
    fn next_wakeup(&mut self) -> Result<Option<NaiveDateTime>, StoreError>;
}
