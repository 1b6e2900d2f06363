//! Reading a scenario file into a [`Scenario`]: the loader routines use for
//! the text (size, UTF-8, YAML syntax, budgets), serde for the form, and
//! serde's complaints turned into located problems.

use std::path::Path;
use std::sync::Arc;

use super::format::Scenario;
use super::locate::Located;
use super::problem::{Problem, ProblemKind, ValueKind};
use crate::diagnostic::{suggest, Diagnostic, Sink};
use crate::files::DiskFiles;
use crate::source::SourceFile;

/// Reads and parses the scenario file at `path`.
#[allow(clippy::result_large_err)] // Reading fails rarely; one problem is cheap to move.
pub fn load(path: &Path) -> Result<Scenario, Problem> {
    let source = crate::load::read_source(&DiskFiles, path).map_err(|d| file_problem(path, d))?;
    from_source(path, source)
}

/// Parses a scenario from its text; `path` is where it was read from (for
/// `routine:` and for messages).
#[allow(clippy::result_large_err)] // Reading fails rarely; one problem is cheap to move.
pub fn parse(path: &Path, text: &str) -> Result<Scenario, Problem> {
    from_source(path, Arc::new(SourceFile::new(path, text)))
}

#[allow(clippy::result_large_err)] // As above.
fn from_source(path: &Path, source: Arc<SourceFile>) -> Result<Scenario, Problem> {
    let bytes = source.text().len() as u64;
    if bytes > crate::load::MAX_FILE_BYTES {
        let (file, limit) = (path.to_path_buf(), crate::load::MAX_FILE_BYTES);
        let problem = crate::diagnostic::Problem::TooLarge { bytes, limit };
        let kind = ProblemKind::File { problem };
        return Err(Problem {
            file,
            at: None,
            kind,
        });
    }
    let mut sink = Sink::new(source.clone());
    let tree = crate::load::parse_yaml(&mut sink);
    let Some(tree) = tree else {
        let first = sink.diagnostics.into_iter().next();
        return Err(first.map_or_else(
            || decode_problem(path, None, "the file is not YAML"),
            |d| file_problem(path, d),
        ));
    };
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.with_snippet = false;
    let mut scenario: Scenario = serde_saphyr::from_str_with_options(source.text(), options)
        .map_err(|e| {
            let at = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize));
            decode_problem(path, at, &e.to_string())
        })?;
    scenario.file = path.to_path_buf();
    scenario.located = Some(Located { source, tree });
    Ok(scenario)
}

fn file_problem(path: &Path, d: Diagnostic) -> Problem {
    Problem {
        file: path.to_path_buf(),
        at: d.location.as_ref().map(|l| l.line_col()),
        kind: ProblemKind::File { problem: d.problem },
    }
}

fn decode_problem(path: &Path, at: Option<(usize, usize)>, message: &str) -> Problem {
    Problem {
        file: path.to_path_buf(),
        at,
        kind: classify(&first_line(message)),
    }
}

/// serde's first line without the location (shown once, in front).
fn first_line(message: &str) -> String {
    let mut line = message.lines().next().unwrap_or(message).trim();
    line = line.strip_prefix("error: ").unwrap_or(line);
    // "line 17 column 5: …"
    if let Some(rest) = line.strip_prefix("line ") {
        if let Some((place, after)) = rest.split_once(": ") {
            if place
                .split(' ')
                .all(|w| w == "column" || w.chars().all(|c| c.is_ascii_digit()))
            {
                line = after;
            }
        }
    }
    // "… at line 17 column 5"
    if let Some(i) = line.rfind(" at line ") {
        line = &line[..i];
    }
    line.to_owned()
}

/// serde's standard complaints as data; anything else in the parser's words.
fn classify(line: &str) -> ProblemKind {
    let quoted = |rest: &str| {
        rest.split_once('`')
            .map(|(k, r)| (k.to_owned(), r.to_owned()))
    };
    if let Some((key, rest)) = line.strip_prefix("unknown field `").and_then(quoted) {
        let known: Vec<String> = rest
            .trim_start_matches(',')
            .trim()
            .trim_start_matches("expected one of")
            .trim_start_matches("expected")
            .split([',', ' '])
            .map(|k| k.trim_matches('`'))
            .filter(|k| !k.is_empty() && *k != "or")
            .filter(|k| *k != "there" && *k != "are" && *k != "no" && *k != "fields")
            .map(str::to_owned)
            .collect();
        let suggestion = suggest(&key, known.iter().map(String::as_str));
        return ProblemKind::UnknownKey {
            key,
            known,
            suggestion,
        };
    }
    if let Some((key, _)) = line.strip_prefix("missing field `").and_then(quoted) {
        return ProblemKind::MissingKey { key };
    }
    if let Some((key, _)) = line.strip_prefix("duplicate field `").and_then(quoted) {
        return ProblemKind::DuplicateKey { key };
    }
    if let Some((key, _)) = line
        .strip_prefix("duplicate mapping key: ")
        .and_then(|r| r.split_once(", "))
    {
        let key = key.to_owned();
        return ProblemKind::DuplicateKey { key };
    }
    if let Some((found, expected)) = line
        .strip_prefix("invalid type: ")
        .and_then(|r| r.rsplit_once(", expected "))
    {
        return ProblemKind::WrongType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        };
    }
    match not_a(line) {
        Some(wanted) => ProblemKind::NotA { wanted },
        None => ProblemKind::Decode {
            message: line.to_owned(),
        },
    }
}

/// serde-saphyr's own words for a value of the wrong kind.
fn not_a(line: &str) -> Option<ValueKind> {
    const WORDS: &[(&str, ValueKind)] = &[
        ("expected sequence start", ValueKind::List),
        ("expected mapping start", ValueKind::Mapping),
        ("invalid boolean", ValueKind::Bool),
        ("invalid u", ValueKind::WholeNumber),
        ("invalid i", ValueKind::WholeNumber),
        ("expected string", ValueKind::Text),
        ("expected a scalar", ValueKind::Text),
        ("expected scalar", ValueKind::Text),
    ];
    WORDS
        .iter()
        .find(|(words, _)| line.starts_with(words))
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_complaints_become_data() {
        assert_eq!(
            classify("missing field `start`"),
            ProblemKind::MissingKey {
                key: "start".into()
            }
        );
        let ProblemKind::UnknownKey {
            known, suggestion, ..
        } = classify("unknown field `untill`, expected one of `at`, `until` or `wait`")
        else {
            panic!("not an unknown key")
        };
        assert_eq!(known, ["at", "until", "wait"]);
        assert_eq!(suggestion.as_deref(), Some("until"));
        assert_eq!(
            classify("invalid type: integer `5`, expected a string"),
            ProblemKind::WrongType {
                found: "integer `5`".into(),
                expected: "a string".into()
            }
        );
    }
}
