//! Due work in SQLite: the due index, schedule slots and runs, the outbox.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, TransactionBehavior};

use super::{int, parse_opt_ts, parse_ts, ts, SqliteStore};
use crate::run::{CaseId, Message};
use crate::store::{
    BundleHash, Delivery, NewOutboxItem, OutboxId, OutboxItem, OutboxSource, OutboxStatus,
    ScheduleRunCommit, ScheduleSlot, StoreError,
};

impl SqliteStore {
    pub(super) fn claim_due_impl(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<(CaseId, NaiveDateTime)>, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| super::map_err(&path, e))?;
        let err = |e| super::map_err(&path, e);
        let mut due = Vec::new();
        {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT id, next_due FROM cases
                     WHERE open = 1 AND next_due IS NOT NULL AND next_due <= ?1
                       AND (lease_until IS NULL OR lease_until <= ?1)
                     ORDER BY next_due, id LIMIT ?2",
                )
                .map_err(err)?;
            let rows = stmt
                .query_map(params![ts(now), int(limit as u64)], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(err)?;
            for row in rows {
                let (id, at) = row.map_err(err)?;
                let at = parse_ts(&at, &format!("case `{id}`"))?;
                due.push((CaseId(id), at));
            }
            let mut lease = tx
                .prepare_cached("UPDATE cases SET lease_until = ?1 WHERE id = ?2")
                .map_err(err)?;
            for (id, _) in &due {
                lease.execute(params![ts(lease_until), id.0]).map_err(err)?;
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(due)
    }

    pub(super) fn register_schedules_impl(
        &mut self,
        slots: &[ScheduleSlot],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| super::map_err(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO schedules (routine, version, schedule, bundle, next_due)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (routine, version, schedule) DO NOTHING",
                )
                .map_err(err)?;
            for s in slots {
                insert
                    .execute(params![
                        s.routine,
                        s.version,
                        s.schedule,
                        s.bundle.0,
                        ts(s.next_due)
                    ])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(|e| self.err(e))
    }

    pub(super) fn due_schedules_impl(
        &mut self,
        now: NaiveDateTime,
    ) -> Result<Vec<ScheduleSlot>, StoreError> {
        let path = self.path.clone();
        let err = |e| super::map_err(&path, e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT routine, version, schedule, bundle, next_due FROM schedules
                 WHERE next_due <= ?1 ORDER BY next_due, routine, version, schedule",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([ts(now)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (routine, version, schedule, bundle, next_due) = row.map_err(err)?;
            let place = format!("schedule `{schedule}` of {routine} version {version}");
            out.push(ScheduleSlot {
                next_due: parse_ts(&next_due, &place)?,
                routine,
                version,
                schedule,
                bundle: BundleHash(bundle),
            });
        }
        Ok(out)
    }

    pub(super) fn commit_schedule_run_impl(
        &mut self,
        run: &ScheduleRunCommit,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| super::map_err(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let s = &run.slot;
        let selected: Vec<&str> = run.selected.iter().map(|c| c.0.as_str()).collect();
        let inserted = tx
            .execute(
                "INSERT INTO schedule_runs (routine, version, schedule, due, selected)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                params![
                    s.routine,
                    s.version,
                    s.schedule,
                    ts(s.next_due),
                    serde_json::to_string(&selected).unwrap_or_default()
                ],
            )
            .map_err(err)?;
        let moved = tx
            .execute(
                "UPDATE schedules SET next_due = ?1
                 WHERE routine = ?2 AND version = ?3 AND schedule = ?4 AND next_due = ?5",
                params![
                    ts(run.next_due),
                    s.routine,
                    s.version,
                    s.schedule,
                    ts(s.next_due)
                ],
            )
            .map_err(err)?;
        if inserted == 0 || moved == 0 {
            return Err(StoreError::Exists {
                what: format!(
                    "a run of schedule `{}` of {} version {} for {}",
                    s.schedule,
                    s.routine,
                    s.version,
                    ts(s.next_due)
                ),
            });
        }
        insert_outbox(&tx, &run.outbox).map_err(err)?;
        tx.commit().map_err(|e| self.err(e))
    }

    pub(super) fn claim_outbox_impl(
        &mut self,
        now: NaiveDateTime,
        limit: usize,
        lease_until: NaiveDateTime,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| super::map_err(&path, e))?;
        let items = select_outbox(
            &tx,
            &path,
            "WHERE status = 'pending' AND next_attempt <= ?1 ORDER BY next_attempt, id LIMIT ?2",
            params![ts(now), int(limit as u64)],
        )?;
        {
            let mut lease = tx
                .prepare_cached("UPDATE outbox SET next_attempt = ?1 WHERE id = ?2")
                .map_err(|e| super::map_err(&path, e))?;
            for item in &items {
                lease
                    .execute(params![ts(lease_until), item.id.0])
                    .map_err(|e| super::map_err(&path, e))?;
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(items
            .into_iter()
            .map(|mut i| {
                i.next_attempt = Some(lease_until);
                i
            })
            .collect())
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
        let changed = self
            .conn
            .execute(
                "UPDATE outbox SET status = ?1, next_attempt = ?2, last_error = coalesce(?3, last_error),
                   sent_at = ?4, attempts = attempts + 1
                 WHERE id = ?5 AND status = 'pending'",
                params![status.as_str(), next, error, sent, id.0],
            )
            .map_err(|e| self.err(e))?;
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
        let path = self.path.clone();
        select_outbox(
            &self.conn,
            &path,
            "WHERE (?1 IS NULL OR status = ?1) ORDER BY created, id",
            params![status.map(OutboxStatus::as_str)],
        )
    }

    pub(super) fn next_wakeup_impl(&mut self) -> Result<Option<NaiveDateTime>, StoreError> {
        let path = self.path.clone();
        let queries = [
            "SELECT min(next_due) FROM cases WHERE open = 1 AND next_due IS NOT NULL AND lease_until IS NULL",
            "SELECT min(lease_until) FROM cases WHERE lease_until IS NOT NULL AND open = 1",
            "SELECT min(next_due) FROM schedules",
            "SELECT min(next_attempt) FROM outbox WHERE status = 'pending'",
        ];
        let mut earliest = None;
        for sql in queries {
            let found: Option<String> = self
                .conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(|e| super::map_err(&path, e))?;
            if let Some(at) = parse_opt_ts(found, &format!("the database {path}"))? {
                earliest = Some(earliest.map_or(at, |e: NaiveDateTime| e.min(at)));
            }
        }
        Ok(earliest)
    }
}

/// Inserts new outbox items (pending, due when created).
pub(super) fn insert_outbox(conn: &Connection, items: &[NewOutboxItem]) -> rusqlite::Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO outbox (id, source, created, message, status, attempts, next_attempt)
         VALUES (?1, ?2, ?3, ?4, 'pending', 0, ?3)",
    )?;
    for item in items {
        insert.execute(params![
            item.id.0,
            serde_json::to_string(&item.source).unwrap_or_default(),
            ts(item.created),
            serde_json::to_string(&item.message).unwrap_or_default()
        ])?;
    }
    Ok(())
}

fn select_outbox(
    conn: &Connection,
    path: &str,
    tail: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<OutboxItem>, StoreError> {
    let err = |e| super::map_err(path, e);
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT id, source, created, message, status, attempts, next_attempt, last_error, sent_at
             FROM outbox {tail}"
        ))
        .map_err(err)?;
    let rows = stmt
        .query_map(params, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })
        .map_err(err)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, source, created, message, status, attempts, next, last_error, sent) =
            row.map_err(err)?;
        let place = format!("outbox message `{id}`");
        let damaged = |reason: String| StoreError::Damaged {
            place: place.clone(),
            reason,
        };
        let source: OutboxSource = serde_json::from_str(&source)
            .map_err(|e| damaged(format!("its source cannot be read: {e}")))?;
        let message: Message = serde_json::from_str(&message)
            .map_err(|e| damaged(format!("its message cannot be read: {e}")))?;
        let status = OutboxStatus::parse(&status)
            .ok_or_else(|| damaged(format!("its status `{status}` is unknown")))?;
        out.push(OutboxItem {
            created: parse_ts(&created, &place)?,
            next_attempt: parse_opt_ts(next, &place)?,
            sent_at: parse_opt_ts(sent, &place)?,
            id: OutboxId(id),
            source,
            message,
            status,
            attempts: u32::try_from(attempts).unwrap_or(0),
            last_error,
        });
    }
    Ok(out)
}
