//! Why a runner command did not happen.

use crate::diagnostic::Diagnostic;
use crate::i18n::{text, Lang};
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
    /// The error in `lang` (in English, the same as its `Display`).
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            RunnerError::Store(error) => error.message_in(lang),
            RunnerError::Run { case, error } => text(
                lang,
                "runner-run",
                &[
                    ("case", case.0.as_str().into()),
                    ("error", error.message_in(lang).into()),
                ],
            ),
            RunnerError::Schedule { schedule, error } => text(
                lang,
                "runner-schedule",
                &[
                    ("schedule", schedule.into()),
                    ("error", error.message_in(lang).into()),
                ],
            ),
            RunnerError::Routine {
                routine,
                bundle,
                diagnostics,
            } => text(
                lang,
                "runner-routine",
                &[
                    ("routine", routine.into()),
                    ("bundle", bundle.to_string().into()),
                    ("count", diagnostics.len().to_string().into()),
                ],
            ),
        }
    }

    /// The engine's refusal for `case`.
    pub(crate) fn run(case: &CaseId, error: RunError) -> Self {
        RunnerError::Run {
            case: case.clone(),
            error: Box::new(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_english_the_text_is_the_display() {
        let refused = RunError::NoRoute {
            step: "decide".into(),
        };
        let errors = [
            RunnerError::run(&CaseId::from("K-1"), refused.clone()),
            RunnerError::Schedule {
                schedule: "monthly".into(),
                error: Box::new(refused),
            },
            RunnerError::Store(StoreError::NotFound {
                what: "case `K-9`".into(),
            }),
        ];
        for error in errors {
            assert_eq!(error.message_in(Lang::En), error.to_string());
            assert_ne!(error.message_in(Lang::Sv), error.to_string());
        }
        let missing = RunnerError::Store(StoreError::NotFound {
            what: "case `K-9`".into(),
        });
        assert_eq!(
            missing.message_in(Lang::Sv),
            "ärende `K-9` finns inte i databasen"
        );
    }
}
