//! The routines the server keeps analyzed: every open routine, and every
//! routine that uses an open organisation file or template (found under the
//! workspace folder), each re-analyzed when a file it was read from changes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rutin::ide::{self, Analysis, Index};

use crate::documents::Documents;

/// What an open file is, by its name and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Routine,
    Organisation,
    Template,
    /// Not Rutin's (a scenario, any other YAML): left alone.
    Other,
}

pub(crate) fn kind(path: &Path, text: &str) -> FileKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match ext {
        "j2" => FileKind::Template,
        "yaml" | "yml" if stem == "organisation" => FileKind::Organisation,
        "yaml" | "yml" if is_routine_text(text) => FileKind::Routine,
        _ => FileKind::Other,
    }
}

/// A routine file has a top-level `routine:` or `steps:` key (a half-typed
/// one still has one of them).
fn is_routine_text(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("routine:") || l.starts_with("steps:"))
}

/// The analyzed routines.
#[derive(Debug, Default)]
pub(crate) struct Project {
    /// The workspace folder, where routines using an open template are looked for.
    root: Option<PathBuf>,
    /// Folders already searched for routines.
    searched: BTreeSet<PathBuf>,
    pub(crate) analyses: BTreeMap<PathBuf, Analysis>,
    /// Each routine's last index with any symbol, for completing in a
    /// buffer that does not parse at the moment.
    last_good: BTreeMap<PathBuf, Index>,
}

impl Project {
    pub(crate) fn new(root: Option<PathBuf>) -> Self {
        Project {
            root,
            ..Project::default()
        }
    }

    /// Re-analyzes what `changed` files affect, and starts analyzing the
    /// routines that use newly opened organisation files and templates.
    pub(crate) fn refresh(&mut self, docs: &Documents, changed: &BTreeSet<PathBuf>) {
        let mut todo: BTreeSet<PathBuf> = BTreeSet::new();
        for path in docs.paths() {
            let text = docs.get(path).map(|d| d.text.as_str()).unwrap_or_default();
            match kind(path, text) {
                FileKind::Routine => {
                    if !self.analyses.contains_key(path) || changed.contains(path) {
                        todo.insert(path.clone());
                    }
                }
                FileKind::Organisation | FileKind::Template => {
                    if !self.analyses.values().any(|a| a.depends_on.contains(path)) {
                        todo.extend(self.search(path));
                    }
                }
                FileKind::Other => {}
            }
        }
        for (routine, analysis) in &self.analyses {
            if analysis.depends_on.iter().any(|d| changed.contains(d)) {
                todo.insert(routine.clone());
            }
        }
        for routine in todo {
            self.analyze(routine, docs);
        }
    }

    /// Analyzes every routine of `path`'s workspace not analyzed yet.
    pub(crate) fn search(&mut self, path: &Path) -> Vec<PathBuf> {
        let root = match &self.root {
            Some(root) if path.starts_with(root) => root.clone(),
            // Without a workspace folder: the folder above the file's folder
            // (`workflows/kommun_000/..`, `templates/kommun_000/..`).
            _ => match path.parent().and_then(Path::parent).and_then(Path::parent) {
                Some(p) => p.to_path_buf(),
                None => return Vec::new(),
            },
        };
        if !self.searched.insert(root.clone()) {
            return Vec::new();
        }
        let mut found = Vec::new();
        walk(&root, 0, &mut found);
        found.retain(|p| !self.analyses.contains_key(p));
        found
    }

    /// Analyzes each of `routines`.
    pub(crate) fn analyze_all(&mut self, routines: Vec<PathBuf>, docs: &Documents) {
        for routine in routines {
            self.analyze(routine, docs);
        }
    }

    fn analyze(&mut self, routine: PathBuf, docs: &Documents) {
        let analysis = ide::analyze(&routine, docs);
        if !analysis.index.symbols.is_empty() {
            self.last_good
                .insert(routine.clone(), analysis.index.clone());
        }
        self.analyses.insert(routine, analysis);
    }

    /// Forgets a routine that is neither open nor on disk any more.
    pub(crate) fn forget_missing(&mut self, docs: &Documents) {
        self.analyses
            .retain(|p, _| docs.get(p).is_some() || p.exists());
    }

    /// The analyses that read `path`, the routine's own first.
    pub(crate) fn reading(&self, path: &Path) -> Vec<&Analysis> {
        let mut out: Vec<&Analysis> = self.analyses.get(path).into_iter().collect();
        out.extend(
            self.analyses
                .iter()
                .filter(|(r, a)| r.as_path() != path && a.depends_on.iter().any(|d| d == path))
                .map(|(_, a)| a),
        );
        out
    }

    /// The index to complete in: the routine's (or the first routine
    /// reading the file), or its last one that had symbols.
    pub(crate) fn completion_index(&self, path: &Path) -> Option<&Index> {
        let analysis = self.reading(path).into_iter().next()?;
        if analysis.index.symbols.is_empty() {
            return self.last_good.get(&analysis.index.routine);
        }
        Some(&analysis.index)
    }

    /// The routines whose diagnostics are shown: open ones, and those that
    /// read an open file.
    pub(crate) fn shown<'a>(&'a self, docs: &'a Documents) -> impl Iterator<Item = &'a Analysis> {
        self.analyses.iter().filter_map(move |(routine, a)| {
            let open =
                docs.get(routine).is_some() || a.depends_on.iter().any(|d| docs.get(d).is_some());
            open.then_some(a)
        })
    }
}

/// Routine files under `dir` (a few levels deep, skipping build output).
fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    const SKIP: &[&str] = &["target", "node_modules", ".git", "tests"];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if depth < 4 && !SKIP.contains(&name) && !name.starts_with('.') {
                walk(&path, depth + 1, out);
            }
        } else {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if kind(&path, &text) == FileKind::Routine {
                out.push(rutin::source::normalize(&path));
            }
        }
    }
}
