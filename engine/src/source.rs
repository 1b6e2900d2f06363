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
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
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

/// A path with `.` and `name/..` removed, without touching the file system
/// (`workflows/kommun_000/../../templates/x.j2` → `templates/x.j2`), so the
/// same file is always shown, and compared, by the same name.
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(part),
            },
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_removes_dots_lexically() {
        let n = |p: &str| normalize(Path::new(p)).display().to_string();
        assert_eq!(
            n("workflows/kommun_000/../../templates/x.j2"),
            "templates/x.j2"
        );
        assert_eq!(n("./a/./b"), "a/b");
        assert_eq!(n("../a/../../b"), "../../b");
        assert_eq!(n("/a/../../b"), "/b");
        assert_eq!(n("a/.."), ".");
    }

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile::new("x", "åäö: 1\nb: 2\n");
        assert_eq!(file.line_col(6), (1, 4));
        // An offset inside a character counts as that character.
        assert_eq!(file.line_col(5), (1, 3));
        assert_eq!(file.line_col(10), (2, 1));
    }
}
