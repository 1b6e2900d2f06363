//! Where the analyzer reads files from.
//!
//! A routine is a YAML file plus the organisation file it names and the
//! templates in its template folder. The analyzer reads all of them through
//! [`SourceFiles`], so the same routine can be checked from disk
//! ([`DiskFiles`], what [`crate::check_routine`] uses) or from texts held in
//! memory ([`MemoryFiles`]): a case pinned to the routine version it started
//! on is compiled from the texts stored with it, and an editor can check the
//! unsaved buffer. [`Recording`] wraps another provider and keeps every text
//! read, which is exactly the set of files a routine depends on.
//!
//! Paths are compared after [`normalize`] (no `.` or `name/..`), the same
//! way the analyzer shows them.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::source::normalize;

/// Read access to routine, organisation and template files.
pub trait SourceFiles {
    /// The size of a file in bytes (checked before reading, so that a huge
    /// file is refused without reading it).
    fn size(&self, path: &Path) -> io::Result<u64>;
    /// The bytes of a file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Whether a folder exists.
    fn is_dir(&self, path: &Path) -> bool;
    /// The files directly inside a folder (not sorted; an unreadable or
    /// missing folder gives an error).
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiskFiles;

impl SourceFiles for DiskFiles {
    fn size(&self, path: &Path) -> io::Result<u64> {
        Ok(std::fs::metadata(path)?.len())
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }
    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            out.push(entry?.path());
        }
        Ok(out)
    }
}

/// Files held in memory: texts by path, plus folders that exist even when
/// none of their files is held (a template folder no template was read from).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryFiles {
    files: BTreeMap<PathBuf, String>,
    dirs: BTreeSet<PathBuf>,
}

impl MemoryFiles {
    /// No files.
    pub fn new() -> Self {
        MemoryFiles::default()
    }

    /// Adds (or replaces) a file; its folders exist from then on.
    pub fn insert(&mut self, path: impl AsRef<Path>, text: impl Into<String>) {
        self.files.insert(normalize(path.as_ref()), text.into());
    }

    /// Declares a folder that exists.
    pub fn insert_dir(&mut self, path: impl AsRef<Path>) {
        self.dirs.insert(normalize(path.as_ref()));
    }

    /// The files held, by normalized path.
    pub fn files(&self) -> &BTreeMap<PathBuf, String> {
        &self.files
    }

    /// The folders declared with [`MemoryFiles::insert_dir`].
    pub fn dirs(&self) -> &BTreeSet<PathBuf> {
        &self.dirs
    }

    fn text(&self, path: &Path) -> io::Result<&String> {
        self.files.get(&normalize(path)).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "the file is not among the stored files",
            )
        })
    }
}

impl SourceFiles for MemoryFiles {
    fn size(&self, path: &Path) -> io::Result<u64> {
        Ok(self.text(path)?.len() as u64)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        Ok(self.text(path)?.clone().into_bytes())
    }
    fn is_dir(&self, path: &Path) -> bool {
        let dir = normalize(path);
        self.dirs.iter().any(|d| d.starts_with(&dir))
            || self.files.keys().any(|f| f.starts_with(&dir) && *f != dir)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        if !self.is_dir(dir) {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "the folder is not among the stored files",
            ));
        }
        let dir = normalize(dir);
        Ok(self
            .files
            .keys()
            .filter(|f| f.parent() == Some(dir.as_path()))
            .cloned()
            .collect())
    }
}

/// A provider that keeps a copy of every file read and every folder
/// looked at through it: after a check, [`Recording::into_files`] holds
/// everything the routine depends on, ready to be stored.
#[derive(Debug)]
pub struct Recording<F> {
    inner: F,
    seen: Mutex<MemoryFiles>,
}

impl<F: SourceFiles> Recording<F> {
    /// Records reads through `inner`.
    pub fn new(inner: F) -> Self {
        Recording {
            inner,
            seen: Mutex::new(MemoryFiles::new()),
        }
    }

    /// Everything read so far: files as text, folders looked at.
    pub fn into_files(self) -> MemoryFiles {
        self.seen.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, MemoryFiles> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<F: SourceFiles> SourceFiles for Recording<F> {
    fn size(&self, path: &Path) -> io::Result<u64> {
        self.inner.size(path)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let bytes = self.inner.read(path)?;
        // Only text is kept; a file that is not UTF-8 fails the check anyway.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            self.seen().insert(path, text);
        }
        Ok(bytes)
    }
    fn is_dir(&self, path: &Path) -> bool {
        let found = self.inner.is_dir(path);
        if found {
            self.seen().insert_dir(path);
        }
        found
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let listed = self.inner.list(dir)?;
        self.seen().insert_dir(dir);
        Ok(listed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_files_list_only_direct_children_and_know_declared_folders() {
        let mut files = MemoryFiles::new();
        files.insert("w/k/r.yaml", "x");
        files.insert("w/k/../../t/a.j2", "a");
        files.insert_dir("t2");
        let mut listed = files.list(Path::new("t")).unwrap();
        listed.sort();
        assert_eq!(listed, vec![PathBuf::from("t/a.j2")]);
        assert!(files.is_dir(Path::new("w")));
        assert!(files.is_dir(Path::new("t2")));
        assert!(!files.is_dir(Path::new("t3")));
        assert!(files.list(Path::new("t3")).is_err());
        assert_eq!(files.read(Path::new("./w/k/r.yaml")).unwrap(), b"x");
        assert!(files.read(Path::new("w/k/s.yaml")).is_err());
    }

    #[test]
    fn recording_keeps_what_was_read() {
        let mut disk = MemoryFiles::new();
        disk.insert("a/r.yaml", "r");
        disk.insert("a/unused.yaml", "u");
        disk.insert_dir("a/t");
        let rec = Recording::new(disk);
        rec.read(Path::new("a/r.yaml")).unwrap();
        assert!(rec.is_dir(Path::new("a/t")));
        let seen = rec.into_files();
        assert_eq!(seen.files().len(), 1);
        assert!(seen.dirs().contains(Path::new("a/t")));
    }
}
