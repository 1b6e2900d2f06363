//! The folder transport: one `.eml` file per mail, named by its Message-ID.
//!
//! Each file is written under a unique temporary name in the same folder,
//! flushed to disk, then renamed into place, so a reader (or a process
//! killed in the middle) never sees half a mail. Delivering the same mail
//! again replaces the file with the same bytes.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::eml::Mail;
use super::error::{ConfigError, SendError};
use super::Transport;

/// Delivers mail as `.eml` files into a folder.
#[derive(Debug, Clone)]
pub struct FolderTransport {
    folder: PathBuf,
}

impl FolderTransport {
    /// Mail goes into `folder`, which is created if it does not exist.
    pub fn new(folder: impl Into<PathBuf>) -> Result<Self, ConfigError> {
        let folder = folder.into();
        std::fs::create_dir_all(&folder).map_err(|e| ConfigError::BadFolder {
            folder: folder.display().to_string(),
            reason: e.to_string(),
        })?;
        if !folder.is_dir() {
            return Err(ConfigError::BadFolder {
                folder: folder.display().to_string(),
                reason: "it is not a folder".to_string(),
            });
        }
        Ok(FolderTransport { folder })
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn write(&self, mail: &Mail) -> std::io::Result<()> {
        let mut file = tempfile::Builder::new()
            .prefix(".rutin-")
            .suffix(".tmp")
            .tempfile_in(&self.folder)?;
        file.write_all(mail.bytes())?;
        file.as_file().sync_all()?;
        file.persist(self.folder.join(mail.file_name()))
            .map_err(|e| e.error)?;
        Ok(())
    }
}

impl Transport for FolderTransport {
    fn send(&self, mail: &Mail) -> Result<(), SendError> {
        self.write(mail).map_err(|e| {
            SendError::transient(format!(
                "could not write {} in {}: {e}",
                mail.file_name(),
                self.folder.display()
            ))
        })
    }

    fn describe(&self) -> String {
        format!("folder {}", self.folder.display())
    }
}
