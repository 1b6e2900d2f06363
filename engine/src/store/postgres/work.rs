//! Due work in PostgreSQL: the due index, schedule slots and runs, the outbox.
//!
//! Claims lock the rows they hand out with `FOR UPDATE SKIP LOCKED` and set
//! a lease in the same statement: a second runner claiming at the same
//! moment skips the rows the first holds, and once the first commits, the
//! lease keeps them out of its reach until it runs out.

use chrono::NaiveDateTime;
use postgres::{Row, Statement, Transaction};

use super::error::map;
use super::time::{int, parse_opt_ts, parse_ts, ts};
use super::PostgresStore;
use crate::run::{CaseId, Message};
use crate::store::{
    BundleHash, Delivery, NewOutboxItem, OutboxId, OutboxItem, OutboxSource, OutboxStatus,
    ScheduleRunCommit, ScheduleSlot, StoreError,
};

const CLAIM_DUE: &str = "WITH due AS ( \
       SELECT id FROM cases \
       WHERE open AND next_due IS NOT NULL AND next_due <= $1 \
         AND (lease_until IS NULL OR lease_until <= $1) \
       ORDER BY next_due, id LIMIT $2 FOR UPDATE SKIP LOCKED) \
     UPDATE cases SET lease_until = $3 FROM due WHERE cases.id = due.id \
     RETURNING cases.id, cases.next_due";
const REGISTER_SCHEDULES: &str =
    "INSERT INTO schedules (routine, version, schedule, bundle, next_due) \
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) \
     ON CONFLICT (routine, version, schedule) DO NOTHING";
const DUE_SCHEDULES: &str = "SELECT routine, version, schedule, bundle, next_due FROM schedules \
     WHERE next_due <= $1 ORDER BY next_due, routine, version, schedule";
const RECORD_RUN: &str = "INSERT INTO schedule_runs (routine, version, schedule, due, selected) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
const MOVE_SCHEDULE: &str = "UPDATE schedules SET next_due = $5 \
     WHERE routine = $1 AND version = $2 AND schedule = $3 AND next_due = $4";
pub(super) const INSERT_OUTBOX: &str = "INSERT INTO outbox \
     (id, source, created, message, status, attempts, next_attempt) \
     SELECT id, source, created, message, 'pending', 0, created \
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, source, created, message)";
const CLAIM_OUTBOX: &str = "WITH due AS ( \
       SELECT id, next_attempt AS was FROM outbox WHERE status = 'pending' AND next_attempt <= $1 \
       ORDER BY next_attempt, id LIMIT $2 FOR UPDATE SKIP LOCKED) \
     UPDATE outbox SET next_attempt = $3 FROM due WHERE outbox.id = due.id \
     RETURNING outbox.id, source, created, message, status, attempts, next_attempt, last_error, \
       sent_at, due.was";
const RECORD_DELIVERY: &str = "UPDATE outbox SET status = $1, next_attempt = $2, \
     last_error = coalesce($3, last_error), sent_at = $4, attempts = attempts + 1 \
     WHERE id = $5 AND status = 'pending'";
const OUTBOX: &str = "SELECT id, source, created, message, status, attempts, next_attempt, \
     last_error, sent_at FROM outbox WHERE ($1::text IS NULL OR status = $1) ORDER BY created, id";
const NEXT_WAKEUP: &str = "SELECT least( \
     (SELECT min(next_due) FROM cases WHERE open AND next_due IS NOT NULL AND lease_until IS NULL), \
     (SELECT min(lease_until) FROM cases WHERE lease_until IS NOT NULL AND open), \
     (SELECT min(next_due) FROM schedules), \
     (SELECT min(next_attempt) FROM outbox WHERE status = 'pending'))";

impl PostgresStore {
    pub(super) fn claim_due_impl(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<(CaseId, NaiveDateTime)>, StoreError> {
        let statement = self.prepare(CLAIM_DUE)?;
        let rows = self
            .client
            .query(
                &statement,
                &[&ts(now), &int(limit as u64), &ts(lease_until)],
            )
            .map_err(|e| map(&self.target, e))?;
        let mut due = rows
            .iter()
            .map(|row| {
                let id: String = row.get(0);
                let at = parse_ts(row.get(1), &format!("case `{id}`"))?;
                Ok((CaseId(id), at))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        due.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        Ok(due)
    }

    pub(super) fn register_schedules_impl(
        &mut self,
        slots: &[ScheduleSlot],
    ) -> Result<(), StoreError> {
        let statement = self.prepare(REGISTER_SCHEDULES)?;
        let column = |f: fn(&ScheduleSlot) -> String| slots.iter().map(f).collect::<Vec<_>>();
        let routines = column(|s| s.routine.clone());
        let versions = column(|s| s.version.clone());
        let schedules = column(|s| s.schedule.clone());
        let bundles = column(|s| s.bundle.0.clone());
        let dues = column(|s| ts(s.next_due));
        self.client
            .execute(
                &statement,
                &[&routines, &versions, &schedules, &bundles, &dues],
            )
            .map_err(|e| map(&self.target, e))?;
        Ok(())
    }

    pub(super) fn due_schedules_impl(
        &mut self,
        now: NaiveDateTime,
    ) -> Result<Vec<ScheduleSlot>, StoreError> {
        let statement = self.prepare(DUE_SCHEDULES)?;
        let rows = self
            .client
            .query(&statement, &[&ts(now)])
            .map_err(|e| map(&self.target, e))?;
        rows.iter()
            .map(|row| {
                let (routine, version, schedule): (String, String, String) =
                    (row.get(0), row.get(1), row.get(2));
                let place = format!("schedule `{schedule}` of {routine} version {version}");
                Ok(ScheduleSlot {
                    next_due: parse_ts(row.get(4), &place)?,
                    bundle: BundleHash(row.get(3)),
                    routine,
                    version,
                    schedule,
                })
            })
            .collect()
    }

    /// Records the run, moves the slot on and queues the report, in one
    /// transaction; a second runner's run of the same due time waits on the
    /// first's row, then finds it and writes nothing.
    pub(super) fn commit_schedule_run_impl(
        &mut self,
        run: &ScheduleRunCommit,
    ) -> Result<(), StoreError> {
        let [record, move_on, outbox] =
            [RECORD_RUN, MOVE_SCHEDULE, INSERT_OUTBOX].map(|sql| self.prepare(sql));
        let (record, move_on, outbox) = (record?, move_on?, outbox?);
        let target = &self.target;
        let err = |e| map(target, e);
        let slot = &run.slot;
        let due = ts(slot.next_due);
        let selected: Vec<&str> = run.selected.iter().map(|c| c.0.as_str()).collect();
        let selected = serde_json::to_string(&selected).unwrap_or_default();
        let mut tx = self.client.transaction().map_err(err)?;
        let key: [&(dyn postgres::types::ToSql + Sync); 4] =
            [&slot.routine, &slot.version, &slot.schedule, &due];
        let inserted = tx
            .execute(&record, &[key[0], key[1], key[2], key[3], &selected])
            .map_err(err)?;
        let moved = tx
            .execute(
                &move_on,
                &[key[0], key[1], key[2], key[3], &ts(run.next_due)],
            )
            .map_err(err)?;
        if inserted == 0 || moved == 0 {
            return Err(StoreError::Exists {
                what: format!(
                    "a run of schedule `{}` of {} version {} for {due}",
                    slot.schedule, slot.routine, slot.version
                ),
            });
        }
        insert_outbox(&mut tx, &outbox, &run.outbox).map_err(err)?;
        tx.commit().map_err(err)
    }

    pub(super) fn claim_outbox_impl(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let statement = self.prepare(CLAIM_OUTBOX)?;
        let rows = self
            .client
            .query(
                &statement,
                &[&ts(now), &int(limit as u64), &ts(lease_until)],
            )
            .map_err(|e| map(&self.target, e))?;
        let mut items = rows
            .iter()
            .map(|row| Ok((row.get::<_, String>(9), outbox_item(row)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        items.sort_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
        Ok(items.into_iter().map(|(_, item)| item).collect())
    }

    pub(super) fn record_delivery_impl(
        &mut self,
        id: &OutboxId,
        delivery: &Delivery,
    ) -> Result<(), StoreError> {
        let (status, next, error, sent) = match delivery {
            Delivery::Sent { at } => (OutboxStatus::Sent, None, None, Some(ts(*at))),
            Delivery::Failed {
                error, retry_at, ..
            } => match retry_at {
                Some(r) => (OutboxStatus::Pending, Some(ts(*r)), Some(error), None),
                None => (OutboxStatus::Failed, None, Some(error), None),
            },
        };
        let statement = self.prepare(RECORD_DELIVERY)?;
        let changed = self
            .client
            .execute(&statement, &[&status.as_str(), &next, &error, &sent, &id.0])
            .map_err(|e| map(&self.target, e))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: format!("pending outbox message `{id}`"),
            });
        }
        Ok(())
    }

    pub(super) fn outbox_impl(
        &mut self,
        status: Option<OutboxStatus>,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let statement = self.prepare(OUTBOX)?;
        let rows = self
            .client
            .query(&statement, &[&status.map(OutboxStatus::as_str)])
            .map_err(|e| map(&self.target, e))?;
        rows.iter().map(outbox_item).collect()
    }

    pub(super) fn next_wakeup_impl(&mut self) -> Result<Option<NaiveDateTime>, StoreError> {
        let statement = self.prepare(NEXT_WAKEUP)?;
        let row = self
            .client
            .query_one(&statement, &[])
            .map_err(|e| map(&self.target, e))?;
        parse_opt_ts(row.get(0), &format!("the database {}", self.target))
    }
}

/// Inserts new outbox items (pending, due when created) with `statement` ([`INSERT_OUTBOX`]).
pub(super) fn insert_outbox(
    tx: &mut Transaction<'_>,
    statement: &Statement,
    items: &[NewOutboxItem],
) -> Result<(), postgres::Error> {
    if items.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = items.iter().map(|i| i.id.0.as_str()).collect();
    let sources: Vec<String> = items
        .iter()
        .map(|i| serde_json::to_string(&i.source).unwrap_or_default())
        .collect();
    let created: Vec<String> = items.iter().map(|i| ts(i.created)).collect();
    let messages: Vec<String> = items
        .iter()
        .map(|i| serde_json::to_string(&i.message).unwrap_or_default())
        .collect();
    tx.execute(statement, &[&ids, &sources, &created, &messages])?;
    Ok(())
}

/// Reads an outbox row (`id, source, created, message, status, attempts,
/// next_attempt, last_error, sent_at`).
fn outbox_item(row: &Row) -> Result<OutboxItem, StoreError> {
    let id: String = row.get(0);
    let place = format!("outbox message `{id}`");
    let damaged = |reason: String| StoreError::Damaged {
        place: place.clone(),
        reason,
    };
    let source: OutboxSource = serde_json::from_str(row.get(1))
        .map_err(|e| damaged(format!("its source cannot be read: {e}")))?;
    let message: Message = serde_json::from_str(row.get(3))
        .map_err(|e| damaged(format!("its message cannot be read: {e}")))?;
    let status: String = row.get(4);
    let status = OutboxStatus::parse(&status)
        .ok_or_else(|| damaged(format!("its status `{status}` is unknown")))?;
    Ok(OutboxItem {
        created: parse_ts(row.get(2), &place)?,
        next_attempt: parse_opt_ts(row.get(6), &place)?,
        sent_at: parse_opt_ts(row.get(8), &place)?,
        attempts: u32::try_from(row.get::<_, i32>(5)).unwrap_or(0),
        last_error: row.get(7),
        id: OutboxId(id),
        source,
        message,
        status,
    })
}
