//! The routine after name resolution: the model's parts and the [`Scope`]
//! the passes read. It becomes a [`Routine`] when every part resolved.

use std::collections::BTreeMap;

use super::scope::Scope;
use crate::model::{self, Clause, Deadline, Routine, Schedule, Step};
use crate::source::Span;

/// Every part of the routine that resolved, and what it declares and uses.
pub(super) struct Resolved {
    pub(super) scope: Scope,
    pub(super) meta: Option<model::Meta>,
    pub(super) clauses: Vec<Clause>,
    pub(super) start: Option<String>,
    pub(super) steps: Vec<Step>,
    /// Whether every step of the file resolved into `steps`.
    pub(super) all_steps: bool,
    /// Where each step's id is written.
    pub(super) step_spans: BTreeMap<String, Span>,
    pub(super) deadlines: Vec<Deadline>,
    pub(super) schedules: Vec<Schedule>,
    pub(super) events: Vec<model::CaseEvent>,
}

impl Resolved {
    /// The routine, when its head, start and every step resolved.
    pub(super) fn into_routine(self) -> Option<Routine> {
        let (Some(meta), Some(start), true) = (self.meta, self.start, self.all_steps) else {
            return None;
        };
        Some(Routine {
            meta,
            clauses: self.clauses,
            roles: self.scope.roles,
            groups: self.scope.groups,
            fields: self.scope.fields,
            start,
            steps: self.steps,
            deadlines: self.deadlines,
            schedules: self.schedules,
            templates: self.scope.used_templates,
            events: self.events,
            env: Default::default(),
        })
    }
}
