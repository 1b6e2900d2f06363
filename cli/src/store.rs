//! The embedded case store: one JSON file per case under a folder
//! (`.rutin/cases/<id>.json` by default), holding the routine file the case
//! runs on and the case's journal.
//!
//! Why files: a case is its journal (the engine rebuilds state by replaying
//! it), journals are small (a few kB), and a folder of JSON files can be read,
//! backed up and audited with ordinary tools. Every write goes to a temporary
//! file in the same folder that is flushed to disk and then renamed over the
//! old one, so a crash leaves either the old case or the new one, never half
//! of one. A file that cannot be read is reported with its path, line and
//! column, and is never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use rutin::run::{Case, JournalEntry};
use serde::{Deserialize, Serialize};

/// The version of the case file format.
const FORMAT: u32 = 1;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StoreError {
    /// No case with this id.
    #[error("there is no case `{id}` in {store}")]
    NotFound { id: String, store: String },
    /// A case with this id exists already.
    #[error("a case `{id}` exists already in {store}; choose another id")]
    Exists { id: String, store: String },
    /// The id cannot name a file.
    #[error("`{id}` cannot be a case id: use letters, digits, `-` and `_` (at most 64)")]
    BadId { id: String },
    /// A case file that cannot be read as a case.
    #[error("{path}:{line}:{column}: the case file is damaged: {message}; it was left as it is")]
    Corrupt {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file system refused.
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

/// What a case file holds.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    format: u32,
    /// The routine file, as given when the case started.
    routine: PathBuf,
    /// The case's journal.
    journal: Vec<JournalEntry>,
}

/// A stored case and the routine file it runs on.
#[derive(Debug)]
pub(crate) struct Stored {
    pub(crate) routine: PathBuf,
    pub(crate) case: Case,
}

/// A folder of cases.
#[derive(Debug)]
pub(crate) struct Store {
    root: PathBuf,
}

fn io(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Store {
    pub(crate) fn new(root: impl Into<PathBuf>) -> Self {
        Store { root: root.into() }
    }

    fn cases_dir(&self) -> PathBuf {
        self.root.join("cases")
    }

    fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !valid_id(id) {
            return Err(StoreError::BadId { id: id.to_owned() });
        }
        Ok(self.cases_dir().join(format!("{id}.json")))
    }

    fn name(&self) -> String {
        self.root.display().to_string()
    }

    /// Reads a case.
    pub(crate) fn load(&self, id: &str) -> Result<Stored, StoreError> {
        let path = self.path_of(id)?;
        if !path.exists() {
            return Err(StoreError::NotFound {
                id: id.to_owned(),
                store: self.name(),
            });
        }
        read(&path)
    }

    /// Stores a new case; refuses to replace an existing one.
    pub(crate) fn create(&self, id: &str, stored: &Stored) -> Result<(), StoreError> {
        let path = self.path_of(id)?;
        if path.exists() {
            return Err(StoreError::Exists {
                id: id.to_owned(),
                store: self.name(),
            });
        }
        self.write(&path, stored)
    }

    /// Replaces a case with its new state.
    pub(crate) fn save(&self, id: &str, stored: &Stored) -> Result<(), StoreError> {
        let path = self.path_of(id)?;
        self.write(&path, stored)
    }

    fn write(&self, path: &Path, stored: &Stored) -> Result<(), StoreError> {
        let dir = self.cases_dir();
        std::fs::create_dir_all(&dir).map_err(|e| io(&dir, &e))?;
        let file = CaseFile {
            format: FORMAT,
            routine: stored.routine.clone(),
            journal: stored.case.journal().to_vec(),
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(|e| StoreError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        text.push('\n');
        let tmp = path.with_extension("json.tmp");
        let mut out = std::fs::File::create(&tmp).map_err(|e| io(&tmp, &e))?;
        out.write_all(text.as_bytes()).map_err(|e| io(&tmp, &e))?;
        out.sync_all().map_err(|e| io(&tmp, &e))?;
        drop(out);
        std::fs::rename(&tmp, path).map_err(|e| io(path, &e))
    }

    /// Every case id in the store, sorted.
    pub(crate) fn ids(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.cases_dir();
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut ids: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| io(&dir, &e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        ids.sort();
        Ok(ids)
    }
}

fn read(path: &Path) -> Result<Stored, StoreError> {
    let text = std::fs::read_to_string(path).map_err(|e| io(path, &e))?;
    let corrupt = |line: usize, column: usize, message: String| StoreError::Corrupt {
        path: path.display().to_string(),
        line,
        column,
        message,
    };
    let file: CaseFile =
        serde_json::from_str(&text).map_err(|e| corrupt(e.line(), e.column(), e.to_string()))?;
    if file.format != FORMAT {
        return Err(corrupt(
            1,
            1,
            format!(
                "format {} is not one this version reads ({FORMAT})",
                file.format
            ),
        ));
    }
    let case = Case::from_journal(file.journal).map_err(|e| corrupt(1, 1, e.to_string()))?;
    Ok(Stored {
        routine: file.routine,
        case,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_safe_file_names() {
        assert!(valid_id("SIM-1"));
        assert!(valid_id("case_2026_001"));
        for bad in ["", "../etc", "a/b", "a b", "ä", &"x".repeat(65)] {
            assert!(!valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_missing_case_and_a_damaged_file_are_typed_errors() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert!(matches!(store.load("x"), Err(StoreError::NotFound { .. })));
        std::fs::create_dir_all(dir.path().join("cases")).unwrap();
        std::fs::write(
            dir.path().join("cases/x.json"),
            "{\"format\": 1,\n  \"routine\": 3}",
        )
        .unwrap();
        match store.load("x") {
            Err(StoreError::Corrupt { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }
}
