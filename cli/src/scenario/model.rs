//! The scenario file format (docs/SCENARIOS.md).

use std::collections::BTreeMap;

use serde::Deserialize;

/// A scripted case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Scenario {
    /// Its name.
    pub(crate) scenario: String,
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
    #[serde(default)]
    pub(crate) contains: Vec<String>,
    #[serde(default)]
    pub(crate) not_contains: Vec<String>,
    pub(crate) count: Option<usize>,
}

/// Reads a scenario file; the error is a located, readable message.
pub(crate) fn parse(path: &std::path::Path, text: &str) -> Result<Scenario, String> {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let loc = e
            .location()
            .map(|l| format!(":{}:{}", l.line(), l.column()))
            .unwrap_or_default();
        let message = e.to_string();
        let first = message.lines().next().unwrap_or(&message).to_owned();
        format!("{}{loc}: {first}", path.display())
    })
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
        .ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD) or a time (YYYY-MM-DD HH:MM)"))
}
