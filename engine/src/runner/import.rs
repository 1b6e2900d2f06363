//! Importing the JSON case files of the old `.rutin/` folder.
//!
//! Before the database, `rutin case` kept one JSON file per case under
//! `.rutin/cases/<id>.json`: `{"format": 1, "routine": PATH, "journal": [...]}`.
//! Those cases were not pinned to a routine version, so each is pinned on
//! import to its routine file as it is now, provided that file still has the
//! case's routine id and version and the journal fits it. Every file gets a
//! line in the [`ImportReport`]: imported, already present (the same
//! journal, perhaps moved on since), or skipped with the reason (damaged, routine changed, another
//! case of that id in the store). Messages in imported journals were shown
//! when they happened and are not queued again. Nothing is written to the
//! folder.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{case_commit, Runner, RunnerError};
use crate::run::{Case, CaseId, JournalEntry};
use crate::store::{check, CaseStore, RoutineBundle, StoreError};

/// What an import did, file by file.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Cases imported.
    pub imported: Vec<CaseId>,
    /// Cases already in the store with this journal (perhaps moved on since).
    pub present: Vec<CaseId>,
    /// Files not imported, with why.
    pub skipped: Vec<(PathBuf, String)>,
}

/// The old case file format.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    format: u32,
    routine: PathBuf,
    journal: Vec<JournalEntry>,
}

/// Imports every `*.json` case file of `folder` (a `.rutin` folder, or its
/// `cases` folder) into `store`, at `now`. Only a store that cannot be used
/// at all stops the import; every file's fate is in the report.
pub fn import_folder(
    runner: &mut Runner,
    store: &mut dyn CaseStore,
    folder: &Path,
    now: NaiveDateTime,
) -> Result<ImportReport, StoreError> {
    let cases = if folder.join("cases").is_dir() {
        folder.join("cases")
    } else {
        folder.to_path_buf()
    };
    let io = |e: std::io::Error| StoreError::Io {
        path: cases.display().to_string(),
        message: e.to_string(),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&cases)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let base = folder
        .canonicalize()
        .ok()
        .and_then(|f| f.parent().map(Path::to_path_buf));
    let mut report = ImportReport::default();
    for path in files {
        match import_file(runner, store, &path, base.as_deref(), now) {
            Ok(Imported::New(id)) => report.imported.push(id),
            Ok(Imported::Present(id)) => report.present.push(id),
            Err(Skip::Reason(reason)) => report.skipped.push((path, reason)),
            Err(Skip::Store(e)) => return Err(e),
        }
    }
    Ok(report)
}

enum Imported {
    New(CaseId),
    Present(CaseId),
}

enum Skip {
    Reason(String),
    Store(StoreError),
}

fn skip(reason: impl Into<String>) -> Skip {
    Skip::Reason(reason.into())
}

fn import_file(
    runner: &mut Runner,
    store: &mut dyn CaseStore,
    path: &Path,
    base: Option<&Path>,
    now: NaiveDateTime,
) -> Result<Imported, Skip> {
    let text =
        std::fs::read_to_string(path).map_err(|e| skip(format!("it cannot be read: {e}")))?;
    let file: CaseFile = serde_json::from_str(&text)
        .map_err(|e| skip(format!("damaged: it is not a case file ({e})")))?;
    if file.format != 1 {
        return Err(skip(format!(
            "its format {} is unknown (1 is known)",
            file.format
        )));
    }
    let case = Case::from_journal(file.journal)
        .map_err(|e| skip(format!("damaged: its journal does not replay: {e}")))?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    if stem.as_deref() != Some(case.id().0.as_str()) {
        return Err(skip(format!(
            "damaged: it holds case `{}`, not the case its name says",
            case.id()
        )));
    }
    match store.load(case.id()) {
        Ok(stored) if stored.journal.starts_with(case.journal()) => {
            return Ok(Imported::Present(case.id().clone()))
        }
        Ok(_) => {
            return Err(skip(format!(
                "a different case `{}` is already in the store",
                case.id()
            )))
        }
        Err(StoreError::NotFound { .. }) => {}
        Err(StoreError::Damaged { place, reason }) => {
            return Err(skip(format!("{place} in the store is damaged: {reason}")))
        }
        Err(e) => return Err(Skip::Store(e)),
    }
    let routine_path = locate(&file.routine, base);
    let (checked, bundle) = RoutineBundle::from_disk(&routine_path);
    let Some(routine) = checked.routine else {
        return Err(skip(format!(
            "its routine file {} is missing or has errors",
            routine_path.display()
        )));
    };
    if routine.meta.id != case.routine_id() || routine.meta.version != case.routine_version() {
        return Err(skip(format!(
            "it runs `{}` version {}, but {} is now `{}` version {}; import it with that version's file",
            case.routine_id(),
            case.routine_version(),
            routine_path.display(),
            routine.meta.id,
            routine.meta.version
        )));
    }
    check::check_journal(&routine, case.journal())
        .map_err(|p| skip(format!("damaged: {}", p.message)))?;
    let (hash, _) = runner.install(store, &bundle, now).map_err(|e| match e {
        RunnerError::Store(e) => Skip::Store(e),
        other => skip(other.to_string()),
    })?;
    let mut commit = case_commit(&case, hash, 0, case.journal().to_vec());
    commit.outbox.clear();
    store.commit(&commit).map_err(|e| match e {
        StoreError::Exists { what } => skip(format!("{what} (imported meanwhile)")),
        other => Skip::Store(other),
    })?;
    Ok(Imported::New(case.id().clone()))
}

/// The routine file a case names: as given when it exists (absolute, or
/// relative to the current folder), else relative to the folder holding
/// the `.rutin` folder.
fn locate(routine: &Path, base: Option<&Path>) -> PathBuf {
    if routine.exists() || routine.is_absolute() {
        return routine.to_path_buf();
    }
    base.map(|b| b.join(routine))
        .filter(|p| p.exists())
        .unwrap_or_else(|| routine.to_path_buf())
}
