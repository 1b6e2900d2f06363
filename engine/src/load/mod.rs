//! Loading: from bytes on disk to the raw form, with every structural problem
//! reported. Nothing here resolves references; that is the analyzer's job.

mod decode;
mod event;
pub(crate) mod fields;
pub(crate) mod node;
mod plain;
pub(crate) mod raw;
mod set;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Phrase, Problem, Sink};
use crate::files::SourceFiles;
use crate::source::{SourceFile, Span};
use node::Node;

pub(crate) use fields::is_valid_id;

/// The largest routine, organisation or template file we read (a routine is a
/// few hundred lines; anything near this limit is a mistake, not a routine).
pub(crate) const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Reads a file as text through `files`, refusing huge and non-UTF-8 files
/// with a diagnostic.
#[allow(clippy::result_large_err)] // Loading fails rarely; one diagnostic is cheap to move.
pub(crate) fn read_source(
    files: &dyn SourceFiles,
    path: &Path,
) -> Result<Arc<SourceFile>, Diagnostic> {
    let io = |e: std::io::Error| {
        Diagnostic::error(
            Problem::Io {
                path: path.display().to_string(),
                reason: Phrase::verbatim(e.to_string()),
            },
            None,
        )
    };
    let size = files.size(path).map_err(io)?;
    if size > MAX_FILE_BYTES {
        let file = Arc::new(SourceFile::new(path, ""));
        return Err(Diagnostic::error(
            Problem::TooLarge {
                bytes: size,
                limit: MAX_FILE_BYTES,
            },
            Some(crate::diagnostic::Location {
                file,
                span: Span::default(),
            }),
        ));
    }
    let bytes = files.read(path).map_err(io)?;
    source_from_bytes(path, bytes)
}

/// Turns bytes into a source file, or a located "not UTF-8" diagnostic.
#[allow(clippy::result_large_err)] // As above.
pub(crate) fn source_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
) -> Result<Arc<SourceFile>, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Arc::new(SourceFile::new(path, text))),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = Arc::new(SourceFile::new(path, valid));
            let span = Span::new(offset.min(file.text().len()), 1);
            Err(Diagnostic::error(
                Problem::NotUtf8 { offset },
                Some(crate::diagnostic::Location { file, span }),
            ))
        }
    }
}

fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.with_snippet = false;
    // Duplicates reach our visitor, which reports every one with both places.
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    options
}

/// Parses YAML text into a node tree; a syntax error (or a budget breach:
/// alias bomb, deep nesting) becomes one located diagnostic.
pub(crate) fn parse_yaml(sink: &mut Sink) -> Option<Node> {
    let file = Arc::clone(&sink.file);
    let text = file.text();
    if text.trim().is_empty() {
        sink.error(
            Span::default(),
            Problem::Yaml {
                message: Phrase::new("yaml-empty-file"),
            },
        );
        return None;
    }
    if let Some(node) = plain::parse(text) {
        return Some(node);
    }
    match serde_saphyr::from_str_with_options::<Node>(text, options()) {
        Ok(node) => Some(node),
        Err(e) => {
            let span = e
                .location()
                .map(|l| {
                    let (line, col) = (l.line() as usize, l.column() as usize);
                    Span::new(offset_of(text, line, col), 1)
                })
                .unwrap_or_default();
            let message = first_line(&e.to_string());
            let tab = message
                .contains("tab")
                .then(|| first_indenting_tab(text))
                .flatten();
            if let Some(at) = tab {
                sink.error(Span::new(at, 1), Problem::Tab);
                return None;
            }
            let problem = if message.contains("multiple YAML documents") {
                Problem::MultipleDocuments
            } else if message.contains("budget breached") || message.contains("recursion limit") {
                Problem::YamlLimit { message }
            } else {
                Problem::Yaml {
                    message: Phrase::verbatim(message),
                }
            };
            sink.error(span, problem);
            None
        }
    }
}

/// The byte offset of the first tab in a line's indentation.
fn first_indenting_tab(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line.get(..indent).and_then(|l| l.find('\t')) {
            return Some(offset + i);
        }
        offset += line.len();
    }
    None
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message).trim();
    // serde-saphyr appends " at line X column Y"; we show the location ourselves.
    match line.find(" at line ") {
        Some(i) => line[..i].to_owned(),
        None => line.to_owned(),
    }
}

/// Byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return (offset + within).min(text.len().saturating_sub(1));
        }
        offset += l.len();
    }
    text.len().saturating_sub(1)
}

/// Parses and decodes a routine file.
pub(crate) fn routine_file(sink: &mut Sink) -> Option<raw::RoutineFile> {
    let node = parse_yaml(sink)?;
    decode::routine_file(sink, &node)
}

/// Parses and decodes an organisation file.
pub(crate) fn organisation_file(sink: &mut Sink) -> Option<raw::OrganisationFile> {
    let node = parse_yaml(sink)?;
    Some(decode::organisation_file(sink, &node))
}
