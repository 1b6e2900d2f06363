//! Source files and byte spans inside them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A byte range in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
}

impl Span {
    /// A span from an offset and a length.
    pub const fn new(offset: usize, len: usize) -> Self {
        Span { offset, len }
    }
    /// The byte offset just after the span.
    pub const fn end(&self) -> usize {
        self.offset + self.len
    }
}

/// A file as read from disk (or given in memory), shared by every diagnostic that points into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    path: PathBuf,
    text: Arc<str>,
}

impl SourceFile {
    /// A source file with a display path and its text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }
    /// The path the file was read from, as shown to the user.
    pub fn path(&self) -> &Path {
        &self.path
    }
    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let mut line = 1;
        let mut line_start = 0;
        for (i, b) in self.text.bytes().enumerate().take(offset) {
            if b == b'\n' {
                line += 1;
                line_start = i + 1;
            }
        }
        let col = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |s| s.chars().count())
            + 1;
        (line, col)
    }
}
