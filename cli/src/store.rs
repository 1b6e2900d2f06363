//! The embedded case store: one JSON file per case under a folder
//! (`.rutin/cases/<id>.json` by default), holding the routine file the case
//! runs on (its absolute path, so that the case works from any folder; files
//! written before hold the path as given, relative to where the case
//! started, and are still read) and the case's journal.
//!
//! Why files: a case is its journal (the engine rebuilds state by replaying
//! it), journals are small (a few kB), and a folder of JSON files can be read,
//! backed up and audited with ordinary tools. Every write goes to a temporary
//! file in the same folder that is flushed to disk and then renamed over the
//! old one, so a crash leaves either the old case or the new one, never half
//! of one. A file that cannot be read is reported with its path, line and
//! column, and is never overwritten. So is a file that reads but contradicts
//! its routine (a value of the wrong type, a step the routine lacks): see
//! [`Stored::check_against`].

use std::io::Write;
use std::path::{Path, PathBuf};

use rutin::model::{check_value, Routine};
use rutin::run::{Case, JournalEntry, Record, RunError, Values};
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
    /// The routine file: its absolute path (older files: as given when the case started).
    routine: PathBuf,
    /// The case's journal.
    journal: Vec<JournalEntry>,
}

/// A stored case and the routine file it runs on.
#[derive(Debug)]
pub(crate) struct Stored {
    /// The routine file (absolute when it exists).
    pub(crate) routine: PathBuf,
    pub(crate) case: Case,
    /// The file it was read from, to locate damage (`None`: a new case).
    source: Option<Source>,
}

/// A case file's text, with where each journal entry stands in it.
#[derive(Debug)]
struct Source {
    path: PathBuf,
    text: String,
    /// Byte offset of each entry's `"seq"` key, in journal order.
    entries: Vec<usize>,
}

impl Stored {
    /// A case that is not in the store yet.
    pub(crate) fn new(routine: PathBuf, case: Case) -> Self {
        Stored {
            routine,
            case,
            source: None,
        }
    }

    /// Checks the journal against the routine it runs on (same id and
    /// version): every value has its field's type, every step, deadline,
    /// field and role it names exists. A journal the engine wrote always
    /// passes; one that was edited by hand or damaged on disk is reported
    /// as damaged, at the offending entry, and must not be written to.
    pub(crate) fn check_against(&self, routine: &Routine) -> Result<(), StoreError> {
        for (i, entry) in self.case.journal().iter().enumerate() {
            if let Err((keys, message)) = check_entry(routine, entry) {
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                return Err(self.damaged(
                    i,
                    &keys,
                    format!(
                        "journal entry {} ({}): {message}",
                        entry.seq,
                        record_type(&entry.record)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A damage report at entry `index` (at `keys` inside it, when found).
    fn damaged(&self, index: usize, keys: &[&str], message: String) -> StoreError {
        match &self.source {
            Some(source) if source.entries.len() == self.case.journal().len() => {
                source.corrupt(source.entry_place(index, keys), message)
            }
            Some(source) => source.corrupt(source.entry_place(usize::MAX, &[]), message),
            None => StoreError::Corrupt {
                path: "(new case)".into(),
                line: 1,
                column: 1,
                message,
            },
        }
    }
}

impl Source {
    fn corrupt(&self, (line, column): (usize, usize), message: String) -> StoreError {
        StoreError::Corrupt {
            path: self.path.display().to_string(),
            line,
            column,
            message,
        }
    }

    /// Line and column of entry `index`, or of the first of `keys` found in
    /// it (searched one inside the other: `["values", "order_ok"]`).
    fn entry_place(&self, index: usize, keys: &[&str]) -> (usize, usize) {
        let Some(&start) = self.entries.get(index) else {
            return key_offset(&self.text, 0, self.text.len(), "journal")
                .map_or((1, 1), |o| line_col(&self.text, o));
        };
        let end = self
            .entries
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        // The entry's `{`: the last one before its `"seq"`.
        let entry_start = self.text[..start].rfind('{').unwrap_or(start);
        let mut at = start;
        let mut from = entry_start;
        for key in keys {
            match key_offset(&self.text, from, end, key) {
                Some(o) => {
                    at = o;
                    from = o;
                }
                None => break,
            }
        }
        line_col(&self.text, at)
    }
}

/// The byte offset of `"key"` used as a key (followed by `:`) in `text[from..to]`.
fn key_offset(text: &str, from: usize, to: usize, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let slice = text.get(from..to)?;
    slice.match_indices(&quoted).find_map(|(i, _)| {
        let after = slice[i + quoted.len()..].trim_start();
        after.starts_with(':').then_some(from + i)
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The entry's `type`, as written in the file.
fn record_type(record: &Record) -> String {
    serde_json::to_value(record)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "entry".into())
}

/// What is wrong with one entry, and the keys that lead to it.
type EntryProblem = (Vec<String>, String);

fn check_entry(routine: &Routine, entry: &JournalEntry) -> Result<(), EntryProblem> {
    let at = |keys: &[&str], message: String| -> EntryProblem {
        (keys.iter().map(|k| (*k).to_owned()).collect(), message)
    };
    let step = |key: &str, id: &str| -> Result<(), EntryProblem> {
        match routine.step(id) {
            Some(_) => Ok(()),
            None => Err(at(
                &[key],
                format!("there is no step `{id}` in the routine"),
            )),
        }
    };
    let opt_step = |id: &Option<String>| -> Result<(), EntryProblem> {
        id.as_deref().map_or(Ok(()), |id| step("step", id))
    };
    let deadline = |id: &str, of: &Option<String>| -> Result<(), EntryProblem> {
        opt_step(of)?;
        let list = match of {
            Some(s) => routine.step(s).map(|s| &s.deadlines),
            None => Some(&routine.deadlines),
        };
        if list.is_some_and(|l| l.iter().any(|d| d.id == id)) {
            Ok(())
        } else {
            let whose = of.as_ref().map_or_else(
                || "among the case deadlines".to_owned(),
                |s| format!("on step `{s}`"),
            );
            Err(at(
                &["deadline"],
                format!("there is no deadline `{id}` {whose}"),
            ))
        }
    };
    let values = |key: &str, values: &Values| -> Result<(), EntryProblem> {
        for (field, value) in values {
            let Some(f) = routine.field(field) else {
                return Err(at(
                    &[key, field],
                    format!("there is no field `{field}` in the routine"),
                ));
            };
            check_value(&f.ty, value).map_err(|e| at(&[key, field], format!("`{field}`: {e}")))?;
        }
        Ok(())
    };
    match &entry.record {
        Record::CaseStarted { data, .. } => values("data", data),
        Record::StepEntered { step: s, .. }
        | Record::WaitStarted { step: s, .. }
        | Record::TokenEnded { step: s, .. }
        | Record::WaitFailed { step: s, .. }
        | Record::CaseEnded { step: s, .. } => step("step", s),
        Record::BranchesStarted { parallel, join, .. } => {
            step("parallel", parallel)?;
            step("join", join)
        }
        Record::JoinArrived { join, .. } => step("join", join),
        Record::JoinsReset | Record::RoutineChanged { .. } => Ok(()),
        Record::TaskOpened(task) => {
            opt_step(&task.step)?;
            if let Some(d) = &task.deadline {
                deadline(d, &task.step)?;
            }
            if routine.roles.contains_key(&task.role) {
                Ok(())
            } else {
                Err(at(
                    &["role"],
                    format!("there is no role `{}` in the routine", task.role),
                ))
            }
        }
        Record::TaskCompleted {
            step: s, values: v, ..
        } => {
            opt_step(s)?;
            values("values", v)
        }
        Record::TaskWithdrawn { step: s, .. } => opt_step(s),
        Record::EventReceived {
            step: s, values: v, ..
        } => {
            step("step", s)?;
            values("values", v)
        }
        Record::DeadlineArmed(d) => deadline(&d.deadline, &d.step),
        Record::DeadlineNotArmed {
            deadline: d,
            step: s,
            field,
        } => {
            deadline(d, s)?;
            match routine.field(field) {
                Some(_) => Ok(()),
                None => Err(at(
                    &["field"],
                    format!("there is no field `{field}` in the routine"),
                )),
            }
        }
        Record::DeadlineFired {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineFailed {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineMessageFailed {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineSkipped {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineCancelled {
            deadline: d,
            step: s,
            ..
        } => deadline(d, s),
        Record::MessageSent(m) => match &m.deadline {
            Some(d) => deadline(d, &m.step),
            None => opt_step(&m.step),
        },
    }
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

    /// The file of a case (whether or not it exists).
    pub(crate) fn file_of(&self, id: &str) -> PathBuf {
        self.cases_dir().join(format!("{id}.json"))
    }

    fn name(&self) -> String {
        self.root.display().to_string()
    }

    /// Reads a case: its file must be JSON of the case file format, its
    /// journal must fold into a case, and the case id must be the file's name.
    pub(crate) fn load(&self, id: &str) -> Result<Stored, StoreError> {
        let path = self.path_of(id)?;
        if !path.exists() {
            return Err(StoreError::NotFound {
                id: id.to_owned(),
                store: self.name(),
            });
        }
        let stored = read(&path)?;
        if stored.case.id().0 != id {
            let message = format!(
                "journal entry 1 (case_started): the case id `{}` is not the file's name (`{id}`)",
                stored.case.id()
            );
            return Err(stored.damaged(0, &["case"], message));
        }
        Ok(Stored {
            routine: self.resolve(&stored.routine),
            ..stored
        })
    }

    /// The routine file a case names: absolute paths as they are; a relative
    /// path (older case files) from the current folder, or else from the
    /// folder holding the store. An existing file is made absolute.
    fn resolve(&self, routine: &Path) -> PathBuf {
        let mut candidates = vec![routine.to_path_buf()];
        if routine.is_relative() {
            if let Some(parent) = self
                .root
                .canonicalize()
                .ok()
                .and_then(|r| r.parent().map(Path::to_path_buf))
            {
                candidates.push(parent.join(routine));
            }
        }
        candidates
            .iter()
            .find_map(|c| c.canonicalize().ok())
            .unwrap_or_else(|| routine.to_path_buf())
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
    let entries: Vec<usize> = {
        let mut all = Vec::new();
        let mut from = 0;
        while let Some(o) = key_offset(&text, from, text.len(), "seq") {
            all.push(o);
            from = o + 1;
        }
        all
    };
    let source = Source {
        path: path.to_path_buf(),
        text,
        entries,
    };
    if file.format != FORMAT {
        let place = key_offset(&source.text, 0, source.text.len(), "format")
            .map_or((1, 1), |o| line_col(&source.text, o));
        return Err(source.corrupt(
            place,
            format!(
                "format {} is not one this version reads ({FORMAT})",
                file.format
            ),
        ));
    }
    let seqs: Vec<u64> = file.journal.iter().map(|e| e.seq).collect();
    let case = match Case::from_journal(file.journal) {
        Ok(case) => case,
        Err(e) => {
            let index = match &e {
                RunError::Journal { seq, .. } => failing_entry(&seqs, *seq),
                _ => None,
            };
            let place = match index {
                Some(i) if source.entries.len() == seqs.len() => source.entry_place(i, &[]),
                _ => key_offset(&source.text, 0, source.text.len(), "journal")
                    .map_or((1, 1), |o| line_col(&source.text, o)),
            };
            return Err(source.corrupt(place, e.to_string()));
        }
    };
    Ok(Stored {
        routine: file.routine,
        case,
        source: Some(source),
    })
}

/// Which entry an inconsistency with sequence number `seq` is about: the
/// first out of sequence when that is the one, or else the `seq`-th.
fn failing_entry(seqs: &[u64], seq: u64) -> Option<usize> {
    let out_of_sequence = seqs
        .iter()
        .zip(1u64..)
        .position(|(s, expected)| *s != expected);
    match out_of_sequence {
        Some(i) if seqs[i] == seq => Some(i),
        _ => usize::try_from(seq)
            .ok()
            .and_then(|s| s.checked_sub(1))
            .filter(|i| *i < seqs.len()),
    }
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

    /// Every journal the engine writes passes the check: the shipped
    /// scenarios' cases, checked against their routines.
    #[test]
    fn journals_the_engine_writes_agree_with_their_routine() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios");
        let mut files = Vec::new();
        for dir in std::fs::read_dir(&root).unwrap() {
            for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
                files.push(file.unwrap().path());
            }
        }
        assert!(files.len() > 10, "{}", root.display());
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let scenario = crate::scenario::model::parse(&file, &text).unwrap();
            let Ok(routine) = crate::scenario::run::load_routine(&scenario) else {
                panic!("{}: the routine does not load", file.display());
            };
            let outcome = crate::scenario::run::run(&routine, &scenario, "S");
            let case = outcome.case.unwrap();
            let stored = Stored::new(PathBuf::from("r.yaml"), case);
            if let Err(e) = stored.check_against(&routine) {
                panic!("{}: {e}", file.display());
            }
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
