//! The scenario file format (docs/SCENARIOS.md) as serde types.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::locate::Located;

/// A scripted case: a routine, initial data, actions at dates and what must
/// be true. Read one with [`load`](super::load) or [`parse`](super::parse).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Its name (`scenario:`).
    pub scenario: String,
    /// The routine file, relative to the scenario file.
    pub routine: String,
    /// When the case starts (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`).
    pub start: String,
    /// The case id (default: the file name).
    pub case: Option<String>,
    /// Start with the examples of the fields nothing records.
    #[serde(default)]
    pub examples: bool,
    /// Initial data.
    #[serde(default)]
    pub data: BTreeMap<String, serde_json::Value>,
    /// Actions in order.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// What must be true at the end.
    #[serde(default)]
    pub expect: Expect,
    /// The file it was read from (not a key of the file).
    #[serde(skip)]
    pub file: PathBuf,
    /// The file's text and node tree, to locate a problem (not a key of the file).
    #[serde(skip)]
    pub(crate) located: Option<Located>,
}

/// One action: at most one of `complete`, `deliver`, `wait`, `until`, `schedule`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Move the clock here first.
    pub at: Option<String>,
    /// Complete the open task of this step (or of this deadline's escalation).
    pub complete: Option<String>,
    /// Deliver this event.
    pub deliver: Option<String>,
    /// Let this duration pass.
    pub wait: Option<String>,
    /// Let time pass until this date.
    pub until: Option<String>,
    /// Run this cross-case schedule over the case (at the action's time).
    pub schedule: Option<String>,
    /// The role acting.
    pub role: Option<String>,
    /// The actor's name.
    pub by: Option<String>,
    /// Values given.
    #[serde(default)]
    pub values: BTreeMap<String, serde_json::Value>,
    /// The action must be refused with this error code.
    pub error: Option<String>,
    /// Checked right after the action.
    pub expect: Option<Expect>,
}

impl Action {
    /// The action in a few words (`complete receive`), as a failure names it;
    /// the words are the file's keys.
    pub fn describe(&self) -> String {
        let verbs = [
            ("complete", &self.complete),
            ("deliver", &self.deliver),
            ("wait", &self.wait),
            ("until", &self.until),
            ("schedule", &self.schedule),
            ("at", &self.at),
        ];
        verbs
            .iter()
            .find_map(|(verb, value)| value.as_ref().map(|v| format!("{verb} {v}")))
            .unwrap_or_else(|| "empty".into())
    }
}

/// What must be true (at the end, or right after an action).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The case's outcome (`running`: not ended).
    pub outcome: Option<String>,
    /// Steps that were reached.
    #[serde(default)]
    pub reached: Vec<String>,
    /// Steps that were not.
    #[serde(default)]
    pub not_reached: Vec<String>,
    /// Exactly these tasks are open.
    pub open_tasks: Option<Vec<ExpectTask>>,
    /// Deadlines that fired.
    #[serde(default)]
    pub deadlines_fired: Vec<String>,
    /// Deadlines that did not.
    #[serde(default)]
    pub deadlines_not_fired: Vec<String>,
    /// Each must match a sent message.
    #[serde(default)]
    pub messages: Vec<ExpectMessage>,
    /// No message used these templates.
    #[serde(default)]
    pub no_messages: Vec<String>,
}

/// An open task: its step (or the deadline of an escalation task), and its role.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct ExpectTask {
    /// The step, or the deadline that opened an escalation task.
    pub step: String,
    /// The role that must do it, when given.
    pub role: Option<String>,
}

/// A sent message.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectMessage {
    /// Its template.
    pub template: String,
    /// Exactly these recipients (role, group or person ids), when given.
    pub to: Option<Vec<String>>,
    /// Exactly these copies, when given.
    pub cc: Option<Vec<String>>,
    /// The sender's id (`from:` of the message), when given.
    pub from: Option<String>,
    /// The text (subject + body) contains each.
    #[serde(default)]
    pub contains: Vec<String>,
    /// And none of these.
    #[serde(default)]
    pub not_contains: Vec<String>,
    /// How many such messages (default: at least one).
    pub count: Option<usize>,
}
