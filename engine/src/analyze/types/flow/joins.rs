//! Which arrivals at a join belong to one pass through its parallel step.
//!
//! A pass starts one token per branch; the join goes on when all have
//! arrived, so after it the case has what any branch set on the way. Any
//! other arrival (a way into the join from outside the branches, a token
//! started by a case event or a case deadline, a token of a nested split
//! that skips its own join) goes on alone, with only what it had itself.

use std::collections::{BTreeMap, BTreeSet};

use super::bits::Fields;
use crate::model::{Step, StepKind};

/// Where a value arriving at a step comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    /// The case start, a case event or a case deadline.
    Seed(String),
    /// A step's route, branch or deadline.
    Step(String),
}

/// A join and the ways into it.
pub(super) struct Join {
    /// For each branch of its parallel step: the steps its token may arrive from.
    branches: Vec<BTreeSet<String>>,
    /// Steps a token of no pass may arrive from.
    alone: BTreeSet<String>,
}

/// The steps a step may lead to: routes, branches (its join when it has
/// none) and deadlines' `goto`.
pub(super) fn targets(step: &Step) -> Vec<&str> {
    let mut out: Vec<&str> = step.routes.iter().map(|r| r.to.as_str()).collect();
    if let StepKind::Parallel { branches, join } = &step.kind {
        if branches.is_empty() {
            out.push(join);
        }
        out.extend(branches.iter().map(String::as_str));
    }
    out.extend(step.deadlines.iter().filter_map(|d| d.goto.as_deref()));
    out
}

/// The steps reached from `from`, never entering `avoid`, nor leaving `stop`.
fn reach<'a>(
    steps: &BTreeMap<&'a str, &'a Step>,
    from: &[&'a str],
    avoid: &str,
    stop: &str,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = from.iter().copied().filter(|s| *s != avoid).collect();
    while let Some(at) = stack.pop() {
        if !seen.insert(at) || at == stop {
            continue;
        }
        if let Some(step) = steps.get(at) {
            stack.extend(targets(step).into_iter().filter(|t| *t != avoid));
        }
    }
    seen
}

/// The parallel steps with their branches and joins.
fn parallels(steps: &[Step]) -> Vec<(&str, &[String], &str)> {
    steps
        .iter()
        .filter_map(|s| match &s.kind {
            StepKind::Parallel { branches, join } => Some((s.id.as_str(), &branches[..], &**join)),
            _ => None,
        })
        .collect()
}

/// Each join with its ways in; `births` are the steps tokens start at
/// besides branches (the start, case events' and case deadlines' targets).
pub(super) fn joins(steps: &[Step], births: &[&str]) -> BTreeMap<String, Join> {
    let by_id: BTreeMap<&str, &Step> = steps.iter().map(|s| (s.id.as_str(), s)).collect();
    let parallels = parallels(steps);
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, join) in &parallels {
        *named.entry(join).or_default() += 1;
    }
    let into = |from: &BTreeSet<&str>, join: &str| -> BTreeSet<String> {
        from.iter()
            .filter(|s| by_id.get(*s).is_some_and(|s| targets(s).contains(&join)))
            .map(|s| s.to_string())
            .collect()
    };
    let mut out = BTreeMap::new();
    for (parallel, branches, join) in &parallels {
        if named.get(join) != Some(&1) {
            continue; // refused by the graph check; every arrival goes on alone
        }
        let branches = branches
            .iter()
            .map(|b| {
                let mut from = into(&reach(&by_id, &[b], parallel, join), join);
                if b == join {
                    from.insert(parallel.to_string());
                }
                from
            })
            .collect();
        let mut alone = reach(&by_id, births, parallel, "");
        if let Some(j) = by_id.get(join) {
            alone.extend(reach(&by_id, &targets(j), parallel, ""));
        }
        for (other, heads, other_join) in &parallels {
            if other != parallel {
                let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
                alone.extend(reach(&by_id, &heads, parallel, other_join));
            }
        }
        let alone = into(&alone, join);
        out.insert(join.to_string(), Join { branches, alone });
    }
    out
}

/// The steps inside each parallel step's branches, its join not counted.
pub(super) fn regions(steps: &[Step]) -> Vec<(String, BTreeSet<String>)> {
    let by_id: BTreeMap<&str, &Step> = steps.iter().map(|s| (s.id.as_str(), s)).collect();
    parallels(steps)
        .into_iter()
        .map(|(parallel, branches, join)| {
            let heads: Vec<&str> = branches.iter().map(String::as_str).collect();
            let mut region = reach(&by_id, &heads, parallel, join);
            region.remove(join);
            let region = region.into_iter().map(str::to_owned).collect();
            (join.to_owned(), region)
        })
        .collect()
}

/// Intersects `b` into `a` (`None`: nothing arrived yet, every field).
fn meet(a: &mut Option<Fields>, b: &Fields) {
    match a {
        None => *a = Some(b.clone()),
        Some(a) => a.meet(b),
    }
}

impl Join {
    /// The fields surely set when the join goes on (`None`: every field,
    /// as no arrival has been seen): the union over one pass's branches,
    /// intersected with every arrival that goes on alone.
    pub(super) fn combine(&self, inbox: &BTreeMap<Source, Fields>) -> Option<Fields> {
        let mut alone: Option<Fields> = None;
        let mut by_branch: Vec<Option<Fields>> = vec![None; self.branches.len()];
        for (source, set) in inbox {
            let from = match source {
                Source::Step(s) => Some(s),
                Source::Seed(_) => None,
            };
            let mut in_a_branch = false;
            for (i, steps) in self.branches.iter().enumerate() {
                if from.is_some_and(|s| steps.contains(s)) {
                    meet(&mut by_branch[i], set);
                    in_a_branch = true;
                }
            }
            if !in_a_branch || from.is_none_or(|s| self.alone.contains(s)) {
                meet(&mut alone, set);
            }
        }
        // A pass goes on only when every branch has arrived.
        let pass: Option<Fields> = if by_branch.is_empty() || by_branch.iter().any(Option::is_none)
        {
            None
        } else {
            let mut sets = by_branch.into_iter().flatten();
            sets.next().map(|first| {
                sets.fold(first, |mut all, set| {
                    all.join(&set);
                    all
                })
            })
        };
        match (pass, alone) {
            (None, alone) => alone,
            (Some(pass), None) => Some(pass),
            (Some(mut pass), Some(alone)) => {
                pass.meet(&alone);
                Some(pass)
            }
        }
    }
}
