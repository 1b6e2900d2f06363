//! Why a store could not do what was asked, in plain words.

use crate::run::CaseId;

/// A store's refusal. Whatever the kind, nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// There is no such thing in the store.
    #[error("there is no {what} in the store")]
    NotFound {
        /// What was looked for: "case `K-1`", "routine version abc…".
        what: String,
    },
    /// It is there already.
    #[error("{what} exists already in the store")]
    Exists {
        /// What: "a case `K-1`", "a run of schedule `monthly` for 2026-03-01".
        what: String,
    },
    /// Another command appended to the case after this one read it.
    #[error("{}", conflict_text(case, *expected_seq, *found_seq))]
    Conflict {
        /// The case.
        case: CaseId,
        /// The last entry the refused command had read.
        expected_seq: u64,
        /// The last entry in the store now.
        found_seq: u64,
    },
    /// The command's changes do not fit the case (a programming error in the caller).
    #[error("the change to case `{case}` was refused: {reason}; nothing was saved")]
    BadCommit {
        /// The case.
        case: CaseId,
        /// What does not fit.
        reason: String,
    },
    /// The file (or PostgreSQL schema) is not a Rutin database.
    #[error("{path} is not a Rutin database ({reason}); it was left as it is. Give another file or database, or a new (empty) one to start with")]
    NotARutinDatabase {
        /// The file.
        path: String,
        /// What was found instead.
        reason: String,
    },
    /// The database was written by a newer Rutin.
    #[error("{path} has database schema {found}, but this Rutin knows schemas up to {supported}; it was left as it is. Use a newer Rutin")]
    NewerSchema {
        /// The database.
        path: String,
        /// Its schema version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// Stored data that does not read back as it was written.
    #[error("{place} is damaged: {reason}; it was left as it is (restore it from a backup, or look at it with `rutin case history`)")]
    Damaged {
        /// Where: "case `K-1`, journal entry 12".
        place: String,
        /// What is wrong.
        reason: String,
    },
    /// Another process held the database longer than the busy timeout.
    #[error("{path} is busy: another process kept it locked for more than {waited_ms} ms; nothing was saved, try again")]
    Busy {
        /// The database.
        path: String,
        /// How long this process waited.
        waited_ms: u64,
    },
    /// The database cannot be written.
    #[error("{path} cannot be written ({reason}); nothing was saved and nothing stored was lost")]
    Unwritable {
        /// The database.
        path: String,
        /// Why: read-only, disk full...
        reason: String,
    },
    /// The file system refused.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        message: String,
    },
    /// The database refused for another reason.
    #[error("the database refused: {message}; nothing was saved")]
    Backend {
        /// What it said.
        message: String,
    },
}

fn conflict_text(case: &CaseId, expected: u64, found: u64) -> String {
    let new = if found > expected + 1 {
        format!("entries {} to {found} are new", expected + 1)
    } else {
        format!("entry {found} is new")
    };
    format!(
        "someone else changed case {case} meanwhile ({new}); nothing was saved, look at the case and try again"
    )
}

impl StoreError {
    /// A short stable name of the kind, for scripts and the CLI's exit codes.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "not_found",
            StoreError::Exists { .. } => "exists",
            StoreError::Conflict { .. } => "conflict",
            StoreError::BadCommit { .. } => "bad_commit",
            StoreError::NotARutinDatabase { .. } => "not_a_rutin_database",
            StoreError::NewerSchema { .. } => "newer_schema",
            StoreError::Damaged { .. } => "damaged",
            StoreError::Busy { .. } => "busy",
            StoreError::Unwritable { .. } => "unwritable",
            StoreError::Io { .. } => "io",
            StoreError::Backend { .. } => "backend",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_says_what_happened() {
        let e = StoreError::Conflict {
            case: CaseId::from("K-1"),
            expected_seq: 11,
            found_seq: 12,
        };
        assert_eq!(
            e.to_string(),
            "someone else changed case K-1 meanwhile (entry 12 is new); nothing was saved, look at the case and try again"
        );
        let e = StoreError::Conflict {
            case: CaseId::from("K-1"),
            expected_seq: 11,
            found_seq: 14,
        };
        assert!(e.to_string().contains("entries 12 to 14 are new"));
    }
}
