//! Firing what is due, the way a runner does it: claim due cases, and for
//! each one load, advance and commit in its own transaction.

use chrono::NaiveDateTime;
use rutin::model::Routine;
use rutin::run::Case;
use rutin::store::{CaseStore, PostgresStore, StoreError};

use crate::race::commit_for;

/// What one tick did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ticked {
    /// Cases advanced and committed.
    pub committed: usize,
    /// Commits refused because another runner had changed the case.
    pub conflicts: usize,
}

/// Fires everything due by `now`, claiming `batch` cases at a time with a
/// lease until `lease_until`.
pub fn tick(
    store: &mut PostgresStore,
    routine: &Routine,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    batch: usize,
) -> Ticked {
    let mut ticked = Ticked::default();
    loop {
        let claimed = store
            .claim_due(now, batch, lease_until)
            .expect("claim due cases");
        if claimed.is_empty() {
            return ticked;
        }
        for (id, _) in claimed {
            let stored = store.load(&id).expect("load a claimed case");
            let mut case = Case::replay(routine, &stored.journal).expect("replay");
            let effects = case.advance(routine, now).expect("advance");
            let commit = commit_for(
                &case,
                &stored.index.bundle,
                stored.last_seq(),
                effects.entries,
            );
            match store.commit(&commit) {
                Ok(()) => ticked.committed += 1,
                Err(StoreError::Conflict { .. }) => ticked.conflicts += 1,
                Err(e) => panic!("committing {id}: {e}"),
            }
        }
    }
}
