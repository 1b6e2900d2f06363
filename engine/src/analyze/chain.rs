//! Chains of automatic steps longer than the runtime runs at one moment.
//!
//! The runtime counts every step a token enters without time passing and
//! refuses the command past [`MAX_STEPS_PER_INSTANT`] ("the routine loops
//! without waiting"). A chain is counted the same way: from where a token
//! starts moving (the start step, the step after a task, event or wait, a
//! deadline's `goto`) every step entered counts once, a parallel step's
//! branches add up (each branch also enters the join), and the steps after a
//! join count once. Where the longest such chain exceeds the limit, every
//! case would be refused there: a check error.

use std::collections::BTreeMap;

use super::resolved::Resolved;
use crate::diagnostic::{Problem, Sink};
use crate::model::{Step, StepKind};
use crate::run::MAX_STEPS_PER_INSTANT;

/// Reports every place a token starts moving from whose chain is too long.
pub(super) fn check(resolved: &Resolved, sink: &mut Sink) {
    if !resolved.all_steps {
        return;
    }
    let mut counter = Counter {
        steps: resolved.steps.iter().map(|s| (s.id.as_str(), s)).collect(),
        memo: BTreeMap::new(),
        visiting: Vec::new(),
    };
    for entry in entries(resolved) {
        let length = counter.cost(entry, None);
        if length > u64::from(MAX_STEPS_PER_INSTANT) {
            let span = resolved.step_spans.get(entry).copied().unwrap_or_default();
            sink.error(
                span,
                Problem::ChainTooLong {
                    step: entry.to_string(),
                    length,
                    limit: MAX_STEPS_PER_INSTANT,
                },
            );
        }
    }
}

/// Where tokens start moving: the start, after parking steps, deadline `goto`s.
fn entries(resolved: &Resolved) -> Vec<&str> {
    let mut out: Vec<&str> = resolved.start.iter().map(String::as_str).collect();
    for step in &resolved.steps {
        if matches!(
            step.kind,
            StepKind::Task { .. } | StepKind::Event { .. } | StepKind::Wait { .. }
        ) {
            out.extend(step.routes.iter().map(|r| r.to.as_str()));
        }
        out.extend(step.deadlines.iter().filter_map(|d| d.goto.as_deref()));
    }
    out.extend(resolved.deadlines.iter().filter_map(|d| d.goto.as_deref()));
    out.sort_unstable();
    out.dedup();
    out
}

struct Counter<'r> {
    steps: BTreeMap<&'r str, &'r Step>,
    memo: BTreeMap<(&'r str, Option<&'r str>), u64>,
    visiting: Vec<&'r str>,
}

impl<'r> Counter<'r> {
    /// Steps entered from entering `id` until every token parks; a join
    /// equal to `stop` is entered but not gone on from.
    fn cost(&mut self, id: &'r str, stop: Option<&'r str>) -> u64 {
        if let Some(c) = self.memo.get(&(id, stop)) {
            return *c;
        }
        // A loop of automatic steps is the graph pass's error.
        let Some(step) = self.steps.get(id).copied() else {
            return 1;
        };
        if stop == Some(id) || self.visiting.contains(&id) {
            return 1;
        }
        self.visiting.push(id);
        let c = self.after_entering(step, stop).saturating_add(1);
        self.visiting.pop();
        self.memo.insert((id, stop), c);
        c
    }

    fn after_entering(&mut self, step: &'r Step, stop: Option<&'r str>) -> u64 {
        match &step.kind {
            StepKind::Task { .. }
            | StepKind::Event { .. }
            | StepKind::Wait { .. }
            | StepKind::End { .. } => 0,
            StepKind::Parallel { branches, join } if !branches.is_empty() => {
                let split: u64 = branches
                    .iter()
                    .map(|b| self.cost(b, Some(join)))
                    .fold(0, u64::saturating_add);
                let after = match self.steps.get(join.as_str()).copied() {
                    Some(j) => self.routes(j, stop),
                    None => 0,
                };
                split.saturating_add(after)
            }
            StepKind::Parallel { join, .. } => self.cost(join, stop),
            StepKind::Decision | StepKind::Message(_) | StepKind::Join => self.routes(step, stop),
        }
    }

    /// The longest way on through the step's routes.
    fn routes(&mut self, step: &'r Step, stop: Option<&'r str>) -> u64 {
        step.routes
            .iter()
            .map(|r| self.cost(&r.to, stop))
            .max()
            .unwrap_or(0)
    }
}
