//! Finding routine files: a path is a routine file, or a folder searched
//! recursively for `*.yaml`/`*.yml`. Files named `organisation.yaml` are
//! organisation files, checked through the routines that use them.

use std::path::{Path, PathBuf};

/// Whether a file is an organisation file rather than a routine.
pub(crate) fn is_organisation_file(path: &Path) -> bool {
    path.file_stem().is_some_and(|s| s == "organisation")
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// Routine files under the given paths, sorted; an error names a path that does not exist.
pub(crate) fn routine_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            return Err(format!("{} does not exist", path.display()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_yaml(&path) && !is_organisation_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}
