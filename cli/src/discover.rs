//! Finding routine files: a path is a routine file, or a folder searched
//! recursively for `*.yaml`/`*.yml`. Files named `organisation.yaml` are
//! organisation files, checked through the routines that use them; files
//! named `*.profile.yaml` are simulation profiles.

use std::path::{Path, PathBuf};

use crate::output::io_text;

/// Whether a file is an organisation file rather than a routine.
pub(crate) fn is_organisation_file(path: &Path) -> bool {
    path.file_stem().is_some_and(|s| s == "organisation")
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

fn is_template(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "j2")
}

/// The files to check: routines, and templates to check on their own.
#[derive(Debug, Default)]
pub(crate) struct Files {
    pub(crate) routines: Vec<PathBuf>,
    pub(crate) templates: Vec<PathBuf>,
    /// Simulation profiles (`*.profile.yaml`).
    pub(crate) profiles: Vec<PathBuf>,
}

/// Routine and template files under the given paths, sorted; an error names
/// a path that does not exist.
pub(crate) fn files(paths: &[PathBuf]) -> Result<Files, String> {
    let mut out = Files::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out).map_err(|e| io_text("out-cannot-read", path, &e))?;
        } else if path.is_file() && rutin::simulate::is_profile_file(path) {
            out.profiles.push(path.clone());
        } else if path.is_file() && is_template(path) {
            out.templates.push(path.clone());
        } else if path.is_file() {
            out.routines.push(path.clone());
        } else {
            return Err(io_text("out-does-not-exist", path, &""));
        }
    }
    for list in [&mut out.routines, &mut out.templates, &mut out.profiles] {
        list.sort();
        list.dedup();
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Files) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_yaml(&path) && rutin::simulate::is_profile_file(&path) {
            out.profiles.push(path);
        } else if is_yaml(&path) && !is_organisation_file(&path) {
            out.routines.push(path);
        } else if is_template(&path) {
            out.templates.push(path);
        }
    }
    Ok(())
}
