//! The editor's open buffers. The analyzer reads files through
//! [`Documents`], which gives an open buffer's text (saved or not) and the
//! disk for everything else, so an unsaved routine, organisation file or
//! template is checked as typed.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use lsp_types::TextDocumentContentChangeEvent;
use rutin::files::{DiskFiles, SourceFiles};

use crate::convert;

/// One open buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Doc {
    pub(crate) text: String,
    pub(crate) version: i32,
}

/// The open buffers by normalized path.
#[derive(Debug, Default)]
pub(crate) struct Documents {
    open: BTreeMap<PathBuf, Doc>,
}

impl Documents {
    pub(crate) fn open(&mut self, path: PathBuf, text: String, version: i32) {
        self.open.insert(path, Doc { text, version });
    }

    /// Applies the changes of one `didChange`, in order (a change without a
    /// range replaces the whole text).
    pub(crate) fn change(
        &mut self,
        path: &Path,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        let Some(doc) = self.open.get_mut(path) else {
            return;
        };
        for change in changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let span = convert::span(&doc.text, range);
                    doc.text
                        .replace_range(span.offset..span.end(), &change.text);
                }
            }
        }
        doc.version = version;
    }

    pub(crate) fn close(&mut self, path: &Path) {
        self.open.remove(path);
    }

    pub(crate) fn get(&self, path: &Path) -> Option<&Doc> {
        self.open.get(path)
    }

    pub(crate) fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.open.keys()
    }

    /// A file's text: the open buffer, or the file on disk.
    pub(crate) fn text(&self, path: &Path) -> Option<String> {
        match self.open.get(path) {
            Some(doc) => Some(doc.text.clone()),
            None => std::fs::read_to_string(path).ok(),
        }
    }
}

impl SourceFiles for Documents {
    fn size(&self, path: &Path) -> io::Result<u64> {
        match self.open.get(&rutin::source::normalize(path)) {
            Some(doc) => Ok(doc.text.len() as u64),
            None => DiskFiles.size(path),
        }
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.open.get(&rutin::source::normalize(path)) {
            Some(doc) => Ok(doc.text.clone().into_bytes()),
            None => DiskFiles.read(path),
        }
    }
    fn is_dir(&self, path: &Path) -> bool {
        let dir = rutin::source::normalize(path);
        DiskFiles.is_dir(path) || self.open.keys().any(|p| p.starts_with(&dir) && *p != dir)
    }
    /// The folder on disk plus open buffers not yet saved in it.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let normalized = rutin::source::normalize(dir);
        let unsaved: Vec<PathBuf> = self
            .open
            .keys()
            .filter(|p| p.parent() == Some(normalized.as_path()))
            .cloned()
            .collect();
        let mut listed = match DiskFiles.list(dir) {
            Ok(listed) => listed,
            Err(e) if unsaved.is_empty() => return Err(e),
            Err(_) => Vec::new(),
        };
        for path in unsaved {
            if !listed.iter().any(|l| rutin::source::normalize(l) == path) {
                listed.push(dir.join(path.file_name().unwrap_or_default()));
            }
        }
        Ok(listed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn changes_apply_in_order_at_utf16_positions() {
        let mut docs = Documents::default();
        let path = PathBuf::from("/x/r.yaml");
        docs.open(path.clone(), "title: Åtgärd\nnext: a\n".into(), 1);
        let at = |l, c| Position::new(l, c);
        docs.change(
            &path,
            2,
            vec![
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(at(0, 7), at(0, 13))),
                    range_length: None,
                    text: "Ändring".into(),
                },
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(at(1, 6), at(1, 7))),
                    range_length: None,
                    text: "call_client".into(),
                },
            ],
        );
        let doc = docs.get(&path).expect("open");
        assert_eq!(doc.text, "title: Ändring\nnext: call_client\n");
        assert_eq!(doc.version, 2);
    }

    #[test]
    fn unsaved_buffers_are_listed_in_their_folder() {
        let mut docs = Documents::default();
        let dir = std::env::temp_dir().join("rutin-lsp-no-such-folder");
        docs.open(dir.join("new.j2"), "Hej".into(), 1);
        assert!(docs.is_dir(&dir));
        let listed = docs.list(&dir).expect("the buffer's folder");
        assert_eq!(listed, vec![dir.join("new.j2")]);
        assert_eq!(docs.read(&dir.join("new.j2")).ok(), Some(b"Hej".to_vec()));
    }
}
