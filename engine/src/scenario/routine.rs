//! The routine a scenario names (`routine:`, relative to the scenario file),
//! checked as `rutin check` checks it.

use std::path::{Path, PathBuf};

use super::format::Scenario;
use super::locate::Seg;
use super::problem::{Problem, ProblemKind};
use crate::diagnostic::Diagnostic;
use crate::model::Routine;

/// Why a scenario's routine could not be loaded.
#[derive(Debug)]
pub enum RoutineError {
    /// The file does not exist (located at the scenario's `routine:`).
    Missing(Problem),
    /// It does not check clean: its error diagnostics.
    Invalid {
        /// The routine file.
        path: PathBuf,
        /// Its errors.
        errors: Vec<Diagnostic>,
        /// Whether one is an I/O error (the file cannot be read).
        unreadable: bool,
    },
}

/// The routine file a scenario names.
pub fn routine_path(scenario: &Scenario) -> PathBuf {
    let base = scenario
        .file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    base.join(&scenario.routine)
}

/// Loads and checks a scenario's routine.
#[allow(clippy::result_large_err)] // Once per scenario; cheap to move.
pub fn load_routine(scenario: &Scenario) -> Result<Routine, RoutineError> {
    let path = routine_path(scenario);
    if !path.is_file() {
        let at = scenario
            .located
            .as_ref()
            .and_then(|l| l.at(&[Seg::Key("routine")]));
        return Err(RoutineError::Missing(Problem {
            file: scenario.file.clone(),
            at,
            kind: ProblemKind::RoutineMissing { path },
        }));
    }
    let checked = crate::check_routine(&path);
    checked.routine.ok_or_else(|| {
        let errors: Vec<Diagnostic> = checked
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        let unreadable = errors
            .iter()
            .any(|d| matches!(d.problem, crate::diagnostic::Problem::Io { .. }));
        RoutineError::Invalid {
            path,
            errors,
            unreadable,
        }
    })
}
