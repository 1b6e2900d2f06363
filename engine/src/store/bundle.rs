//! Routine bundles: a routine version as the texts it was checked from.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::StoreError;
use crate::files::{DiskFiles, MemoryFiles, Recording};
use crate::Checked;

/// The content hash of a [`RoutineBundle`]: lowercase hex SHA-256.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BundleHash(pub String);

impl fmt::Display for BundleHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A routine version as stored: the routine file's path and every file the
/// check read (the routine, its organisation file, the templates it sends)
/// plus the folders it looked at. Compiling it gives the same routine
/// whatever happened to the files on disk since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineBundle {
    /// The routine file (as named when the bundle was made).
    pub routine: PathBuf,
    /// The texts.
    pub files: MemoryFiles,
}

/// The stored form: sorted maps, so equal bundles serialize to equal bytes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    routine: String,
    files: BTreeMap<String, String>,
    dirs: BTreeSet<String>,
}

impl RoutineBundle {
    /// Checks the routine at `path` on disk and keeps every text it read.
    pub fn from_disk(path: &Path) -> (Checked, RoutineBundle) {
        let recording = Recording::new(DiskFiles);
        let checked = crate::check_routine_with(path, &recording);
        let bundle = RoutineBundle {
            routine: path.to_path_buf(),
            files: recording.into_files(),
        };
        (checked, bundle)
    }

    /// Checks the routine from the stored texts alone.
    pub fn compile(&self) -> Checked {
        crate::check_routine_with(&self.routine, &self.files)
    }

    /// The bundle as stored (JSON with sorted keys).
    pub fn to_json(&self) -> String {
        let text = |p: &Path| p.to_string_lossy().into_owned();
        let stored = Stored {
            routine: text(&self.routine),
            files: self
                .files
                .files()
                .iter()
                .map(|(p, t)| (text(p), t.clone()))
                .collect(),
            dirs: self.files.dirs().iter().map(|p| text(p)).collect(),
        };
        // Strings and maps of strings always serialize.
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Reads the stored form back.
    pub fn from_json(json: &str) -> Result<RoutineBundle, serde_json::Error> {
        let stored: Stored = serde_json::from_str(json)?;
        let mut files = MemoryFiles::new();
        for (path, text) in stored.files {
            files.insert(path, text);
        }
        for dir in stored.dirs {
            files.insert_dir(dir);
        }
        Ok(RoutineBundle {
            routine: PathBuf::from(stored.routine),
            files,
        })
    }

    /// Reads a bundle as a store keeps it, and checks that its content still
    /// has the hash it is stored under: a bundle that cannot be read or whose
    /// content changed is reported as damaged.
    pub(crate) fn from_stored(hash: &BundleHash, json: &str) -> Result<RoutineBundle, StoreError> {
        let place = || format!("the stored routine version {hash}");
        let bundle = RoutineBundle::from_json(json).map_err(|e| StoreError::Damaged {
            place: place(),
            reason: format!("it cannot be read: {e}"),
        })?;
        if bundle.hash() != *hash {
            return Err(StoreError::Damaged {
                place: place(),
                reason: "its content does not match its hash".into(),
            });
        }
        Ok(bundle)
    }

    /// The content hash of the stored form.
    pub fn hash(&self) -> BundleHash {
        BundleHash(sha256_hex(self.to_json().as_bytes()))
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    // The digest's own hex form writes the 64 digits at once (a `format!`
    // per byte was a third of verifying a stored journal's hash chain).
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hex text stored hashes are compared with: 64 lowercase digits.
    #[test]
    fn sha256_hex_is_the_digest_in_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sha256_hex(b"").len(), 64);
    }

    /// Every shipped routine compiles from its bundle alone to the same
    /// routine it compiles to from disk, and its bundle round-trips.
    #[test]
    fn shipped_routines_compile_from_their_bundles() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows");
        let mut checked_any = false;
        for municipality in std::fs::read_dir(&root).unwrap().flatten() {
            for file in std::fs::read_dir(municipality.path()).unwrap().flatten() {
                let path = file.path();
                let is_routine = path.extension().is_some_and(|e| e == "yaml")
                    && path.file_name().is_some_and(|n| n != "organisation.yaml");
                if !is_routine {
                    continue;
                }
                let (from_disk, bundle) = RoutineBundle::from_disk(&path);
                let Some(routine) = from_disk.routine else {
                    continue;
                };
                let back = RoutineBundle::from_json(&bundle.to_json()).unwrap();
                assert_eq!(back, bundle);
                assert_eq!(back.hash(), bundle.hash());
                let compiled = back.compile();
                assert_eq!(
                    compiled.routine.as_ref(),
                    Some(&routine),
                    "{}",
                    path.display()
                );
                checked_any = true;
            }
        }
        assert!(checked_any);
    }
}
