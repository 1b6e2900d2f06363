//! Bundles, cases and their journals in SQLite.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::{int, parse_opt_ts, ts, SqliteStore};
use crate::run::CaseId;
use crate::store::{
    chain, BundleHash, CaseCommit, CaseFilter, CaseIndex, CaseSummary, RoutineBundle, StoreError,
    StoredCase,
};

/// A case's row in `cases`.
struct CaseRow {
    index: CaseIndex,
    last_seq: u64,
    last_hash: String,
}

impl SqliteStore {
    pub(super) fn put_bundle_impl(
        &mut self,
        bundle: &RoutineBundle,
    ) -> Result<BundleHash, StoreError> {
        let hash = bundle.hash();
        self.conn
            .execute(
                "INSERT INTO bundles (hash, content) VALUES (?1, ?2) ON CONFLICT (hash) DO NOTHING",
                params![hash.0, bundle.to_json()],
            )
            .map_err(|e| self.err(e))?;
        Ok(hash)
    }

    pub(super) fn bundle_impl(&mut self, hash: &BundleHash) -> Result<RoutineBundle, StoreError> {
        let content: Option<String> = self
            .conn
            .query_row(
                "SELECT content FROM bundles WHERE hash = ?1",
                [&hash.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let content = content.ok_or_else(|| StoreError::NotFound {
            what: format!("routine version {hash}"),
        })?;
        RoutineBundle::from_stored(hash, &content)
    }

    pub(super) fn load_impl(&mut self, id: &CaseId) -> Result<StoredCase, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| super::map_err(&path, e))?;
        let row = case_row(&tx, id).map_err(|e| super::map_err(&path, e))?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: format!("case `{id}`"),
        })??;
        let mut stmt = tx
            .prepare_cached("SELECT seq, entry, hash FROM journal WHERE case_id = ?1 ORDER BY seq")
            .map_err(|e| super::map_err(&path, e))?;
        let rows = stmt
            .query_map([&id.0], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| super::map_err(&path, e))?;
        let mut journal = Vec::new();
        let mut previous = chain::start(id);
        for row in rows {
            let (seq, json, hash) = row.map_err(|e| super::map_err(&path, e))?;
            let expected = journal.len() as u64 + 1;
            let place = format!("case `{id}`, journal entry {expected}");
            if u64::try_from(seq).ok() != Some(expected) {
                return Err(StoreError::Damaged {
                    place,
                    reason: format!("it is missing (the next stored entry is {seq})"),
                });
            }
            let entry = chain::verify(&previous, expected, &json, &hash)
                .map_err(|reason| StoreError::Damaged { place, reason })?;
            journal.push(entry);
            previous = hash;
        }
        let damaged = |reason: String| StoreError::Damaged {
            place: format!("case `{id}`"),
            reason,
        };
        if journal.len() as u64 != row.last_seq {
            return Err(damaged(format!(
                "its index says it has {} journal entries, but {} are stored",
                row.last_seq,
                journal.len()
            )));
        }
        if previous != row.last_hash {
            return Err(damaged(
                "its index does not match the last journal entry's hash".into(),
            ));
        }
        Ok(StoredCase {
            id: id.clone(),
            index: row.index,
            journal,
        })
    }

    pub(super) fn cases_impl(
        &mut self,
        filter: &CaseFilter,
    ) -> Result<Vec<CaseSummary>, StoreError> {
        let path = self.path.clone();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, routine, version, bundle, open, next_due, last_seq FROM cases
                 WHERE (?1 IS NULL OR routine = ?1) AND (?2 IS NULL OR version = ?2)
                   AND (?3 = 0 OR open = 1)
                 ORDER BY id",
            )
            .map_err(|e| super::map_err(&path, e))?;
        let rows = stmt
            .query_map(
                params![filter.routine, filter.version, filter.open_only],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, bool>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                },
            )
            .map_err(|e| super::map_err(&path, e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, routine, version, bundle, open, next_due, last_seq) =
                row.map_err(|e| super::map_err(&path, e))?;
            let place = format!("case `{id}`");
            out.push(CaseSummary {
                index: CaseIndex {
                    routine,
                    version,
                    bundle: BundleHash(bundle),
                    open,
                    next_due: parse_opt_ts(next_due, &place)?,
                },
                id: CaseId(id),
                last_seq: u64::try_from(last_seq).unwrap_or(0),
            });
        }
        Ok(out)
    }

    pub(super) fn commit_impl(&mut self, commit: &CaseCommit) -> Result<(), StoreError> {
        self.commit_all(std::slice::from_ref(commit))
    }

    /// Commits several cases' changes in one transaction, all or nothing
    /// (an import, a bulk load); each is checked as [`CaseStore::commit`]
    /// checks one.
    ///
    /// [`CaseStore::commit`]: crate::store::CaseStore::commit
    pub fn commit_all(&mut self, commits: &[CaseCommit]) -> Result<(), StoreError> {
        for commit in commits {
            check_numbering(commit)?;
        }
        let path = self.path.clone();
        let busy = self.busy_ms;
        let err = |e| match super::map_err(&path, e) {
            StoreError::Busy { path, .. } => StoreError::Busy {
                path,
                waited_ms: busy,
            },
            other => other,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        for commit in commits {
            commit_in(&tx, commit, &err)?;
        }
        tx.commit().map_err(err)
    }
}

/// One case's commit inside an open write transaction.
fn commit_in(
    tx: &rusqlite::Connection,
    commit: &CaseCommit,
    err: &dyn Fn(rusqlite::Error) -> StoreError,
) -> Result<(), StoreError> {
    let id = &commit.case;
    let previous = match (case_row(tx, id).map_err(err)?, commit.expected_seq) {
        (None, 0) => chain::start(id),
        (None, _) => {
            return Err(StoreError::NotFound {
                what: format!("case `{id}`"),
            })
        }
        (Some(_), 0) => {
            return Err(StoreError::Exists {
                what: format!("a case `{id}`"),
            })
        }
        (Some(row), expected) => {
            let row = row?;
            if row.last_seq != expected {
                return Err(StoreError::Conflict {
                    case: id.clone(),
                    expected_seq: expected,
                    found_seq: row.last_seq,
                });
            }
            row.last_hash
        }
    };
    let bundle_known: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM bundles WHERE hash = ?1",
            [&commit.index.bundle.0],
            |r| r.get(0),
        )
        .optional()
        .map_err(err)?;
    if bundle_known.is_none() {
        return Err(StoreError::BadCommit {
            case: id.clone(),
            reason: format!(
                "its routine version {} is not stored (store it first)",
                commit.index.bundle
            ),
        });
    }
    let mut last_hash = previous.clone();
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO journal (case_id, seq, entry, hash) VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(err)?;
        for (entry, (json, hash)) in commit
            .entries
            .iter()
            .zip(chain::extend(&previous, &commit.entries))
        {
            insert
                .execute(params![id.0, int(entry.seq), json, hash])
                .map_err(err)?;
            last_hash = hash;
        }
    }
    let last_seq = commit.expected_seq + commit.entries.len() as u64;
    let index = &commit.index;
    tx.execute(
        "INSERT INTO cases (id, routine, version, bundle, open, next_due, lease_until, last_seq, last_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET routine = excluded.routine, version = excluded.version,
           bundle = excluded.bundle, open = excluded.open, next_due = excluded.next_due,
           lease_until = NULL, last_seq = excluded.last_seq, last_hash = excluded.last_hash",
        params![
            id.0,
            index.routine,
            index.version,
            index.bundle.0,
            index.open,
            index.next_due.map(ts),
            int(last_seq),
            last_hash
        ],
    )
    .map_err(err)?;
    super::work::insert_outbox(tx, &commit.outbox).map_err(err)?;
    Ok(())
}

/// Refuses entries that do not continue the journal at `expected_seq + 1`.
fn check_numbering(commit: &CaseCommit) -> Result<(), StoreError> {
    if commit.expected_seq == 0 && commit.entries.is_empty() {
        return Err(StoreError::BadCommit {
            case: commit.case.clone(),
            reason: "a new case needs its first journal entry".into(),
        });
    }
    for (entry, seq) in commit.entries.iter().zip(commit.expected_seq + 1..) {
        if entry.seq != seq {
            return Err(StoreError::BadCommit {
                case: commit.case.clone(),
                reason: format!("entry {} was given where entry {seq} comes next", entry.seq),
            });
        }
    }
    Ok(())
}

/// The case's row, if any; a row that does not read is reported as damaged.
fn case_row(
    conn: &rusqlite::Connection,
    id: &CaseId,
) -> rusqlite::Result<Option<Result<CaseRow, StoreError>>> {
    conn.query_row(
        "SELECT routine, version, bundle, open, next_due, last_seq, last_hash FROM cases WHERE id = ?1",
        [&id.0],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, String>(6)?,
            ))
        },
    )
    .optional()
    .map(|row| {
        row.map(|(routine, version, bundle, open, next_due, last_seq, last_hash)| {
            let place = format!("case `{id}`");
            Ok(CaseRow {
                index: CaseIndex {
                    routine,
                    version,
                    bundle: BundleHash(bundle),
                    open,
                    next_due: parse_opt_ts(next_due, &place)?,
                },
                last_seq: u64::try_from(last_seq).map_err(|_| StoreError::Damaged {
                    place,
                    reason: format!("its last entry number {last_seq} is negative"),
                })?,
                last_hash,
            })
        })
    })
}
