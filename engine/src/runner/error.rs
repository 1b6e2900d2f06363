//! Why a runner command did not happen.

use crate::diagnostic::Diagnostic;
use crate::run::{CaseId, RunError};
use crate::store::{BundleHash, StoreError};

/// A refused runner command. Whatever the kind, nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum RunnerError {
    /// The store refused (a conflict, a damaged case, a busy database...).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The engine refused the command (a wrong role, a task that is not open...).
    #[error("case `{case}`: {error}")]
    Run {
        /// The case.
        case: CaseId,
        /// The engine's refusal.
        error: Box<RunError>,
    },
    /// A schedule could not run (a case whose `select` fails...).
    #[error("schedule `{schedule}`: {error}")]
    Schedule {
        /// The schedule.
        schedule: String,
        /// The engine's refusal.
        error: Box<RunError>,
    },
    /// A routine version that does not check cannot run cases.
    #[error("the routine {routine} (version {bundle}) has errors ({} found); fix them and check it with `rutin check`", diagnostics.len())]
    Routine {
        /// The routine file, as named in the bundle.
        routine: String,
        /// The bundle.
        bundle: BundleHash,
        /// Its errors.
        diagnostics: Vec<Diagnostic>,
    },
}

impl RunnerError {
    /// The engine's refusal for `case`.
    pub(crate) fn run(case: &CaseId, error: RunError) -> Self {
        RunnerError::Run {
            case: case.clone(),
            error: Box::new(error),
        }
    }
}
