use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::compiled::Compiled;
use super::{Deadline, Expr, Field, MessageSpec, Step, Template};
use crate::calendar::Duration;

/// A validated routine, ready to run cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Routine {
    /// Identity and provenance.
    pub meta: Meta,
    /// The source document's clauses, in document order.
    pub clauses: Vec<Clause>,
    /// Roles by id (including those of the shared organisation file).
    pub roles: BTreeMap<String, Role>,
    /// Recipient groups by id.
    pub groups: BTreeMap<String, Group>,
    /// Case fields, in the order the routine declares them.
    pub fields: Vec<Field>,
    /// The first step.
    pub start: String,
    /// Steps, in the order the routine declares them.
    pub steps: Vec<Step>,
    /// Deadlines on the whole case, armed when the case starts.
    pub deadlines: Vec<Deadline>,
    /// Cross-case schedules (monthly reports).
    pub schedules: Vec<Schedule>,
    /// Message templates by name.
    pub templates: BTreeMap<String, Template>,
    /// Events that interrupt the case whatever step it stands at.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<super::CaseEvent>,
    /// The expression environment cases of this routine run with and the
    /// expressions compiled in it, built on first use
    /// (`expr::routine_environment`, `expr::routine_compiled`).
    #[serde(skip)]
    pub(crate) env: EnvCache,
}

/// A routine's minijinja environment, built on first use and then shared by
/// every command on its cases. A clone starts empty, so that a routine
/// changed after cloning (a test's variant) never runs with another's names.
#[derive(Default)]
pub(crate) struct EnvCache(OnceLock<Compiled>);

impl EnvCache {
    /// The compiled routine, built by `build` the first time.
    pub(crate) fn get_or_init(&self, build: impl FnOnce() -> Compiled) -> &Compiled {
        self.0.get_or_init(build)
    }
}

impl Clone for EnvCache {
    fn clone(&self) -> Self {
        EnvCache::default()
    }
}

impl PartialEq for EnvCache {
    /// A cache is no part of what a routine says.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for EnvCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EnvCache")
    }
}

impl Routine {
    /// The group a value given to `group_of` or `group_name` stands for: a
    /// group id is itself; an enumeration value mapped by its field's
    /// `groups:` is its group. The analyzer keeps the maps from disagreeing.
    pub fn group_for<'a>(&'a self, value: &'a str) -> &'a str {
        super::field::group_for(|g| self.groups.contains_key(g), &self.fields, value)
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
    /// The case-wide event with this name.
    pub fn case_event(&self, id: &str) -> Option<&super::CaseEvent> {
        self.events.iter().find(|e| e.id == id)
    }
    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
    /// The schedule with this id.
    pub fn schedule(&self, id: &str) -> Option<&Schedule> {
        self.schedules.iter().find(|s| s.id == id)
    }
    /// The fields something in a running case records: the required and
    /// optional fields of task and event steps and of case-wide events, and
    /// what escalation tasks collect. The rest is known when the case starts.
    pub fn recorded_fields(&self) -> std::collections::BTreeSet<&str> {
        let steps = self.steps.iter().flat_map(|s| match &s.kind {
            super::StepKind::Task {
                collects, optional, ..
            }
            | super::StepKind::Event {
                collects, optional, ..
            } => collects.iter().chain(optional),
            _ => [].iter().chain(&[]),
        });
        let deadlines = self
            .deadlines
            .iter()
            .chain(self.steps.iter().flat_map(|s| &s.deadlines));
        let escalations = deadlines.flat_map(|d| d.task.iter().flat_map(|t| &t.collects));
        let events = self
            .events
            .iter()
            .flat_map(|e| e.collects.iter().chain(&e.optional));
        steps
            .chain(escalations)
            .chain(events)
            .map(String::as_str)
            .collect()
    }
    /// Every message the routine can send: message steps, deadlines of
    /// steps and of the case, schedules' reports.
    pub fn messages(&self) -> impl Iterator<Item = &MessageSpec> {
        let steps = self.steps.iter().flat_map(|s| {
            let own = match &s.kind {
                super::StepKind::Message(m) => Some(m),
                _ => None,
            };
            own.into_iter()
                .chain(s.deadlines.iter().filter_map(|d| d.message.as_ref()))
        });
        let case = self.deadlines.iter().filter_map(|d| d.message.as_ref());
        steps
            .chain(case)
            .chain(self.schedules.iter().map(|s| &s.message))
    }
}

/// Identity and provenance of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// Stable identifier (`installation`).
    pub id: String,
    /// Version; a case runs on the version it started with.
    pub version: String,
    /// Title of the routine.
    pub title: String,
    /// Who owns the document.
    pub owner: Option<String>,
    /// Who decided it.
    pub decided_by: Option<String>,
    /// When it was decided.
    pub decided: Option<chrono::NaiveDate>,
    /// When it was last updated.
    pub updated: Option<chrono::NaiveDate>,
    /// What it replaces.
    pub replaces: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// The municipality or organisation (from the organisation file).
    pub organisation: Option<String>,
    /// The file it was loaded from.
    pub path: std::path::PathBuf,
}

/// A clause of the source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Its id (`A7`).
    pub id: String,
    /// Its text.
    pub text: String,
}

/// A role people hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// Identifier.
    pub id: String,
    /// Display name (`Larmgruppen`).
    pub name: String,
    /// What the role does.
    pub description: Option<String>,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
}

/// A recipient group: a mail group or an area group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Identifier.
    pub id: String,
    /// Display name (`Saltisgruppen`).
    pub name: String,
    /// Address (mail address or the case system's group name).
    pub address: Option<String>,
    /// What the group is.
    pub description: Option<String>,
    /// The role whose field visibility applies to the group's members;
    /// `None`: the group sees only fields visible to everyone.
    pub sees_as: Option<String>,
}

/// A cross-case schedule: now and then, select cases and send a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// How often it runs.
    pub every: Duration,
    /// Which cases to list: an expression over each case's fields, `case` and `today`.
    pub select: Expr,
    /// The report message; its template sees `cases` (the selected cases' visible fields).
    pub message: MessageSpec,
    /// Clause ids.
    pub source: Vec<String>,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
    /// The time of day each run falls at, on the day `every` lands on
    /// (`at: "08:00"`, see [`crate::calendar::due_at`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<chrono::NaiveTime>,
}
