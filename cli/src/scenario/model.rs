//! The scenario file format (docs/SCENARIOS.md).

use std::collections::BTreeMap;

use serde::Deserialize;

/// A scripted case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Scenario {
    /// Its name.
    pub(crate) scenario: String,
    /// The file it was read from (not a key of the file).
    #[serde(skip)]
    pub(crate) file: std::path::PathBuf,
    /// The file's text, to find the line of a key (not a key of the file).
    #[serde(skip)]
    pub(crate) text: String,
    /// The routine file, relative to the scenario file.
    pub(crate) routine: String,
    /// When the case starts.
    pub(crate) start: String,
    /// Case id.
    pub(crate) case: Option<String>,
    /// Fill missing fields with their examples.
    #[serde(default)]
    pub(crate) examples: bool,
    /// Initial data.
    #[serde(default)]
    pub(crate) data: BTreeMap<String, serde_json::Value>,
    /// Actions in order.
    #[serde(default)]
    pub(crate) actions: Vec<Action>,
    /// Final expectations.
    #[serde(default)]
    pub(crate) expect: Expect,
}

/// One action.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct Action {
    /// Move the clock here first.
    pub(crate) at: Option<String>,
    /// Complete the open task of this step.
    pub(crate) complete: Option<String>,
    /// Deliver this event.
    pub(crate) deliver: Option<String>,
    /// Let this duration pass.
    pub(crate) wait: Option<String>,
    /// Let time pass until this date.
    pub(crate) until: Option<String>,
    /// Run this cross-case schedule over the case (at the action's time).
    pub(crate) schedule: Option<String>,
    /// The role acting.
    pub(crate) role: Option<String>,
    /// The actor's name.
    pub(crate) by: Option<String>,
    /// Values given.
    #[serde(default)]
    pub(crate) values: BTreeMap<String, serde_json::Value>,
    /// The action must fail with this error code.
    pub(crate) error: Option<String>,
    /// Checked right after the action.
    pub(crate) expect: Option<Expect>,
}

/// What must be true.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct Expect {
    pub(crate) outcome: Option<String>,
    #[serde(default)]
    pub(crate) reached: Vec<String>,
    #[serde(default)]
    pub(crate) not_reached: Vec<String>,
    pub(crate) open_tasks: Option<Vec<ExpectTask>>,
    #[serde(default)]
    pub(crate) deadlines_fired: Vec<String>,
    #[serde(default)]
    pub(crate) deadlines_not_fired: Vec<String>,
    #[serde(default)]
    pub(crate) messages: Vec<ExpectMessage>,
    #[serde(default)]
    pub(crate) no_messages: Vec<String>,
}

/// An open task.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExpectTask {
    pub(crate) step: String,
    pub(crate) role: Option<String>,
}

/// A sent message.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExpectMessage {
    pub(crate) template: String,
    pub(crate) to: Option<Vec<String>>,
    pub(crate) cc: Option<Vec<String>>,
    /// The sender's id (`from:` of the message).
    pub(crate) from: Option<String>,
    #[serde(default)]
    pub(crate) contains: Vec<String>,
    #[serde(default)]
    pub(crate) not_contains: Vec<String>,
    pub(crate) count: Option<usize>,
}

/// Reads a scenario file; the error is a located, readable message
/// (`file:line:col: message`, with "did you mean" for a misspelt key).
pub(crate) fn parse(path: &std::path::Path, text: &str) -> Result<Scenario, String> {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    let mut scenario: Scenario =
        serde_saphyr::from_str_with_options(text, options).map_err(|e| {
            let loc = e
                .location()
                .map(|l| format!(":{}:{}", l.line(), l.column()))
                .unwrap_or_default();
            format!("{}{loc}: {}", path.display(), clean_error(&e.to_string()))
        })?;
    scenario.file = path.to_path_buf();
    scenario.text = text.to_owned();
    Ok(scenario)
}

/// serde-saphyr's message without its own location (we show it once, in
/// front), and with a suggestion for an unknown key.
fn clean_error(message: &str) -> String {
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
    let mut out = line.to_owned();
    if let Some(rest) = line.strip_prefix("unknown field `") {
        if let Some((key, rest)) = rest.split_once('`') {
            let known: Vec<&str> = rest
                .trim_start_matches(',')
                .trim()
                .trim_start_matches("expected one of")
                .trim_start_matches("expected")
                .split([',', ' '])
                .map(|k| k.trim_matches('`'))
                .filter(|k| !k.is_empty() && *k != "or")
                .collect();
            if let Some(s) = super::suggest(key, known.iter().copied()) {
                out.push_str(&format!("; did you mean `{s}`?"));
            }
        }
    }
    out
}

/// The line and column (1-based) of the `n`-th (from 0) line whose text,
/// trimmed of `- ` and spaces, starts with `key:`, if there is one.
pub(crate) fn find_key(text: &str, key: &str, n: usize) -> Option<(usize, usize)> {
    let prefix = format!("{key}:");
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let body = l.trim_start_matches([' ', '-']);
            body.starts_with(&prefix)
                .then(|| (i + 1, l.len() - body.len() + 1))
        })
        .nth(n)
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` (or with `T`).
pub(crate) fn parse_time(text: &str) -> Result<chrono::NaiveDateTime, String> {
    let t = text.trim();
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(t, format) {
            return Ok(dt);
        }
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .ok_or_else(|| crate::output::text("input-not-a-time", &[("text", text.into())]))
}
