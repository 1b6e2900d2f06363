//! Bundles, cases and their journals in PostgreSQL.

use postgres::{IsolationLevel, Row};

use super::error::map;
use super::time::{count, int, parse_opt_ts, ts};
use super::PostgresStore;
use crate::run::CaseId;
use crate::store::{
    chain, BundleHash, CaseCommit, CaseFilter, CaseIndex, CaseSummary, RoutineBundle, StoreError,
    StoredCase,
};

const PUT_BUNDLE: &str =
    "INSERT INTO bundles (hash, content) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING";
const BUNDLE: &str = "SELECT content FROM bundles WHERE hash = $1";
const CASE: &str = "SELECT id, routine, version, bundle, open, next_due, last_seq, last_hash \
                    FROM cases WHERE id = $1";
const JOURNAL: &str = "SELECT seq, entry, hash FROM journal WHERE case_id = $1 ORDER BY seq";
const CASES: &str = "SELECT id, routine, version, bundle, open, next_due, last_seq, last_hash \
                     FROM cases WHERE ($1::text IS NULL OR routine = $1) \
                     AND ($2::text IS NULL OR version = $2) AND (NOT $3 OR open) ORDER BY id";
const LOCK_CASE: &str = "SELECT last_seq, last_hash FROM cases WHERE id = $1 FOR UPDATE";
const NEW_CASE: &str = "INSERT INTO cases \
     (id, routine, version, bundle, open, next_due, lease_until, last_seq, last_hash) \
     VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8) ON CONFLICT (id) DO NOTHING";
const UPDATE_CASE: &str = "UPDATE cases SET routine = $2, version = $3, bundle = $4, open = $5, \
     next_due = $6, lease_until = NULL, last_seq = $7, last_hash = $8 WHERE id = $1";
const APPEND: &str = "INSERT INTO journal (case_id, seq, entry, hash) \
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[])";

/// A case's row in `cases`.
struct CaseRow {
    summary: CaseSummary,
    last_hash: String,
}

impl PostgresStore {
    pub(super) fn put_bundle_impl(
        &mut self,
        bundle: &RoutineBundle,
    ) -> Result<BundleHash, StoreError> {
        let hash = bundle.hash();
        let statement = self.prepare(PUT_BUNDLE)?;
        self.client
            .execute(&statement, &[&hash.0, &bundle.to_json()])
            .map_err(|e| map(&self.target, e))?;
        Ok(hash)
    }

    pub(super) fn bundle_impl(&mut self, hash: &BundleHash) -> Result<RoutineBundle, StoreError> {
        let statement = self.prepare(BUNDLE)?;
        let row = self
            .client
            .query_opt(&statement, &[&hash.0])
            .map_err(|e| map(&self.target, e))?;
        let content: String = row
            .ok_or_else(|| StoreError::NotFound {
                what: format!("routine version {hash}"),
            })?
            .get(0);
        RoutineBundle::from_stored(hash, &content)
    }

    /// Reads the case row and the journal in one snapshot (REPEATABLE READ),
    /// so a commit landing in between cannot make them disagree.
    pub(super) fn load_impl(&mut self, id: &CaseId) -> Result<StoredCase, StoreError> {
        let case = self.prepare(CASE)?;
        let journal = self.prepare(JOURNAL)?;
        let err = |e| map(&self.target, e);
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(err)?;
        let row = tx.query_opt(&case, &[&id.0]).map_err(err)?;
        let row = row.ok_or_else(|| StoreError::NotFound {
            what: format!("case `{id}`"),
        })?;
        let entries = tx.query(&journal, &[&id.0]).map_err(err)?;
        tx.commit().map_err(err)?;
        let row = case_row(&row)?;
        let journal = verify_journal(id, &entries, &row)?;
        Ok(StoredCase {
            id: id.clone(),
            index: row.summary.index,
            journal,
        })
    }

    pub(super) fn cases_impl(
        &mut self,
        filter: &CaseFilter,
    ) -> Result<Vec<CaseSummary>, StoreError> {
        let statement = self.prepare(CASES)?;
        let rows = self
            .client
            .query(
                &statement,
                &[&filter.routine, &filter.version, &filter.open_only],
            )
            .map_err(|e| map(&self.target, e))?;
        rows.iter()
            .map(|row| case_row(row).map(|row| row.summary))
            .collect()
    }

    /// Locks the case's row, checks its last sequence number, appends the
    /// entries, rewrites the index and queues the messages: one transaction.
    pub(super) fn commit_impl(&mut self, commit: &CaseCommit) -> Result<(), StoreError> {
        check_numbering(commit)?;
        let [lock, new_case, update_case, append, outbox] = [
            LOCK_CASE,
            NEW_CASE,
            UPDATE_CASE,
            APPEND,
            super::work::INSERT_OUTBOX,
        ]
        .map(|sql| self.prepare(sql));
        let (lock, new_case, update_case, append, outbox) =
            (lock?, new_case?, update_case?, append?, outbox?);
        let target = &self.target;
        let err = |e| map(target, e);
        let id = &commit.case;
        let mut tx = self.client.transaction().map_err(err)?;
        let locked = tx.query_opt(&lock, &[&id.0]).map_err(err)?;
        let previous = match (locked, commit.expected_seq) {
            (None, 0) => chain::start(id),
            (None, _) => {
                return Err(StoreError::NotFound {
                    what: format!("case `{id}`"),
                })
            }
            (Some(_), 0) => return Err(exists(id)),
            (Some(row), expected) => {
                let found = count(row.get(0), &format!("case `{id}`"))?;
                if found != expected {
                    return Err(StoreError::Conflict {
                        case: id.clone(),
                        expected_seq: expected,
                        found_seq: found,
                    });
                }
                row.get(1)
            }
        };
        let links = chain::extend(&previous, &commit.entries);
        let last_hash = links.last().map_or(previous, |(_, hash)| hash.clone());
        let last_seq = int(commit.expected_seq + commit.entries.len() as u64);
        let index = &commit.index;
        let next_due = index.next_due.map(ts);
        let params: [&(dyn postgres::types::ToSql + Sync); 8] = [
            &id.0,
            &index.routine,
            &index.version,
            &index.bundle.0,
            &index.open,
            &next_due,
            &last_seq,
            &last_hash,
        ];
        let statement = if commit.expected_seq == 0 {
            &new_case
        } else {
            &update_case
        };
        let written = tx
            .execute(statement, &params)
            .map_err(|e| bundle_missing(commit, e).unwrap_or_else(err))?;
        if written == 0 {
            return Err(exists(id));
        }
        let seqs: Vec<i64> = commit.entries.iter().map(|e| int(e.seq)).collect();
        let (jsons, hashes): (Vec<String>, Vec<String>) = links.into_iter().unzip();
        tx.execute(&append, &[&id.0, &seqs, &jsons, &hashes])
            .map_err(err)?;
        super::work::insert_outbox(&mut tx, &outbox, &commit.outbox).map_err(err)?;
        tx.commit().map_err(err)
    }
}

fn exists(id: &CaseId) -> StoreError {
    StoreError::Exists {
        what: format!("a case `{id}`"),
    }
}

/// The refusal when the case names a routine version that is not stored.
fn bundle_missing(
    commit: &CaseCommit,
    error: postgres::Error,
) -> Result<StoreError, postgres::Error> {
    if error.code() == Some(&postgres::error::SqlState::FOREIGN_KEY_VIOLATION) {
        return Ok(StoreError::BadCommit {
            case: commit.case.clone(),
            reason: format!(
                "its routine version {} is not stored (store it first)",
                commit.index.bundle
            ),
        });
    }
    Err(error)
}

/// Refuses entries that do not continue the journal at `expected_seq + 1`.
fn check_numbering(commit: &CaseCommit) -> Result<(), StoreError> {
    let bad = |reason: String| StoreError::BadCommit {
        case: commit.case.clone(),
        reason,
    };
    if commit.expected_seq == 0 && commit.entries.is_empty() {
        return Err(bad("a new case needs its first journal entry".into()));
    }
    for (entry, seq) in commit.entries.iter().zip(commit.expected_seq + 1..) {
        if entry.seq != seq {
            return Err(bad(format!(
                "entry {} was given where entry {seq} comes next",
                entry.seq
            )));
        }
    }
    Ok(())
}

/// Reads a row of `cases` (`id, routine, version, bundle, open, next_due, last_seq, last_hash`).
fn case_row(row: &Row) -> Result<CaseRow, StoreError> {
    let id: String = row.get(0);
    let place = format!("case `{id}`");
    Ok(CaseRow {
        summary: CaseSummary {
            index: CaseIndex {
                routine: row.get(1),
                version: row.get(2),
                bundle: BundleHash(row.get(3)),
                open: row.get(4),
                next_due: parse_opt_ts(row.get(5), &place)?,
            },
            last_seq: count(row.get(6), &place)?,
            id: CaseId(id),
        },
        last_hash: row.get(7),
    })
}

/// Checks the stored journal rows (`seq, entry, hash`) against the hash
/// chain and the case's row, and reads the entries.
fn verify_journal(
    id: &CaseId,
    rows: &[Row],
    case: &CaseRow,
) -> Result<Vec<crate::run::JournalEntry>, StoreError> {
    let mut journal = Vec::with_capacity(rows.len());
    let mut previous = chain::start(id);
    for row in rows {
        let (seq, json, hash): (i64, String, String) = (row.get(0), row.get(1), row.get(2));
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
    if journal.len() as u64 != case.summary.last_seq {
        return Err(damaged(format!(
            "its index says it has {} journal entries, but {} are stored",
            case.summary.last_seq,
            journal.len()
        )));
    }
    if previous != case.last_hash {
        return Err(damaged(
            "its index does not match the last journal entry's hash".into(),
        ));
    }
    Ok(journal)
}
