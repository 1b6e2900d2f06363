//! What an editor needs besides diagnostics: an [`Index`] of every id of a
//! routine (definition, references, hover details, durations), what id a
//! cursor expects ([`complete`]), and hover texts ([`hover`]). Nothing here
//! knows the Language Server Protocol; the `rutin-lsp` crate turns it into
//! LSP messages.
//!
//! ```
//! use rutin::ide::{self, SymbolKind};
//!
//! let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
//!     .join("tests/fixtures/valid/everything/routine.yaml");
//! let analysis = ide::analyze(&path, &rutin::files::DiskFiles);
//! assert!(!analysis.checked.has_errors());
//! let steps: Vec<&str> = analysis.index.declared(SymbolKind::Step).map(|s| s.id.as_str()).collect();
//! assert!(steps.contains(&"receive"));
//! ```

mod build;
pub mod complete;
mod hover;
mod index;
mod scan;

pub use hover::{describe, hover};
pub use index::{DurationUse, Hit, Index, Place, Symbol, SymbolKind};

/// Whether `id` can be used as an id (a letter, then letters, digits and
/// `_`), for renaming.
pub fn is_valid_id(id: &str) -> bool {
    crate::load::is_valid_id(id)
}

use std::io;
use std::path::{Path, PathBuf};

use crate::files::{MemoryFiles, Recording, SourceFiles};
use crate::Checked;

/// A routine checked and indexed from one consistent set of texts.
#[derive(Debug)]
pub struct Analysis {
    /// What `rutin check` says about it.
    pub checked: Checked,
    /// Its ids.
    pub index: Index,
    /// Every file and folder it was read from: a change to one of them
    /// changes the analysis.
    pub depends_on: Vec<PathBuf>,
}

/// Checks and indexes the routine at `path`, reading every file through `files`.
pub fn analyze(path: &Path, files: &dyn SourceFiles) -> Analysis {
    let recording = Recording::new(Borrowed(files));
    let checked = crate::check_routine_with(path, &recording);
    let seen: MemoryFiles = recording.into_files();
    let index = build::index(path, &Fallback(&seen, files));
    let mut depends_on: Vec<PathBuf> = seen.files().keys().chain(seen.dirs()).cloned().collect();
    depends_on.push(crate::source::normalize(path));
    depends_on.sort();
    depends_on.dedup();
    Analysis {
        checked,
        index,
        depends_on,
    }
}

/// A borrowed provider as an owned one (for [`Recording`]).
struct Borrowed<'a>(&'a dyn SourceFiles);

impl SourceFiles for Borrowed<'_> {
    fn size(&self, path: &Path) -> io::Result<u64> {
        self.0.size(path)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.0.read(path)
    }
    fn is_dir(&self, path: &Path) -> bool {
        self.0.is_dir(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        self.0.list(dir)
    }
}

/// The texts the check read, then (for what it did not read, such as an
/// organisation file it could not find) the provider itself: the index
/// sees exactly what the check saw.
struct Fallback<'a>(&'a MemoryFiles, &'a dyn SourceFiles);

impl SourceFiles for Fallback<'_> {
    fn size(&self, path: &Path) -> io::Result<u64> {
        self.0.size(path).or_else(|_| self.1.size(path))
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.0.read(path).or_else(|_| self.1.read(path))
    }
    fn is_dir(&self, path: &Path) -> bool {
        self.0.is_dir(path) || self.1.is_dir(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        self.1.list(dir)
    }
}

#[cfg(test)]
mod tests;
