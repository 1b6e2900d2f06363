//! Between the analyzer's byte offsets and paths and the protocol's
//! positions (lines and UTF-16 code units: `ö` is one unit, `😀` two) and
//! `file:` URIs.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Url};
use rutin::source::{normalize, Span};

/// The protocol position of byte `offset` of `text`.
pub(crate) fn position(text: &str, offset: usize) -> Position {
    let offset = floor_char(text, offset);
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count();
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position::new(to_u32(line), to_u32(character))
}

/// The byte offset of a protocol position (a position past the end of its
/// line is the line's end, one past the last line is the text's end).
pub(crate) fn offset(text: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..position.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut units = 0usize;
    for (i, c) in line.char_indices() {
        if units >= position.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_start + line.len()
}

/// The protocol range of a span of `text`.
pub(crate) fn range(text: &str, span: Span) -> Range {
    Range::new(position(text, span.offset), position(text, span.end()))
}

/// The span of a protocol range of `text`.
pub(crate) fn span(text: &str, range: Range) -> Span {
    let start = offset(text, range.start);
    let end = offset(text, range.end).max(start);
    Span::new(start, end - start)
}

/// The file a `file:` URI names, normalized as the analyzer names files.
pub(crate) fn path_of(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path().ok().map(|p| normalize(&p))
}

/// The `file:` URI of a path.
pub(crate) fn uri_of(path: &Path) -> Option<Url> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    Url::from_file_path(normalize(&absolute)).ok()
}

fn floor_char(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "a: 1\ntitle: Ring brukarens anhöriga 😀 x\n";
        let x = text.find(" x").unwrap_or_default() + 1;
        // "title: Ring brukarens anhöriga " is 31 units, the emoji 2, the space 1.
        assert_eq!(position(text, x), Position::new(1, 34));
        assert_eq!(offset(text, Position::new(1, 34)), x);
        assert_eq!(offset(text, Position::new(1, 999)), text.len() - 1);
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
        // Inside a character counts as that character's start.
        let ö = text.find('ö').unwrap_or_default();
        assert_eq!(position(text, ö + 1), position(text, ö));
    }

    #[test]
    fn crlf_line_ends_are_not_columns() {
        let text = "ab\r\ncd";
        assert_eq!(offset(text, Position::new(0, 5)), 2);
        assert_eq!(position(text, 4), Position::new(1, 0));
    }

    #[test]
    fn uris_round_trip_with_swedish_letters() {
        let path = Path::new("/tmp/kommun å/rutin ö.yaml");
        let uri = uri_of(path).expect("a file uri");
        assert!(uri.as_str().contains("%C3%A5"), "{uri}");
        assert_eq!(path_of(&uri).as_deref(), Some(path));
    }
}
