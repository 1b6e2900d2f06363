//! The rounds of a case that goes round its routine again (an annual check
//! that loops back to a wait for next year). Each time the case enters the
//! loop's head again a new round begins. The head is the step the caller
//! names, or else the step nearest the start, counted in steps of the
//! routine's graph, among those the case entered more than once (so a retry
//! that comes back to the same step as the yearly loop counts as a round
//! too; name the yearly wait to count years only).

use std::collections::{BTreeMap, VecDeque};

use chrono::NaiveDateTime;

use crate::model::{Routine, StepKind};
use crate::run::{JournalEntry, Record};

/// One round of a repeating case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// 1, 2, 3, …
    pub number: u32,
    /// Where the round begins: the start of the case, then the loop's head.
    pub step: String,
    /// When it begins.
    pub at: NaiveDateTime,
    /// The journal entry it begins with (its `seq`).
    pub seq: u64,
}

/// The rounds of the case whose journal is `journal`: one round when the
/// case never came back to its loop's head (`head`, or the step found as
/// the module says), else one from the start and one more for each time it
/// entered the head again.
pub fn rounds(routine: &Routine, journal: &[JournalEntry], head: Option<&str>) -> Vec<Round> {
    let Some(first) = journal.first() else {
        return Vec::new();
    };
    let entered: Vec<(&JournalEntry, &str)> = journal
        .iter()
        .filter_map(|e| match &e.record {
            Record::StepEntered { step, .. } => Some((e, step.as_str())),
            _ => None,
        })
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, step) in &entered {
        *counts.entry(step).or_default() += 1;
    }
    let distance = distances(routine);
    let found = entered
        .iter()
        .enumerate()
        .filter(|(_, (_, step))| counts.get(step).is_some_and(|n| *n > 1))
        .min_by_key(|(order, (_, step))| {
            (distance.get(*step).copied().unwrap_or(usize::MAX), *order)
        })
        .map(|(_, (_, step))| *step);
    let head = head.or(found);
    let mut rounds = vec![Round {
        number: 1,
        step: routine.start.clone(),
        at: first.at,
        seq: first.seq,
    }];
    let Some(head) = head else {
        return rounds;
    };
    let again = entered.iter().filter(|(_, step)| *step == head).skip(1);
    for (number, (entry, _)) in (2..).zip(again) {
        rounds.push(Round {
            number,
            step: head.to_string(),
            at: entry.at,
            seq: entry.seq,
        });
    }
    rounds
}

/// Each step's distance from the start in the routine's graph (routes,
/// branches, deadline `goto`s).
fn distances(routine: &Routine) -> BTreeMap<&str, usize> {
    let mut distance = BTreeMap::from([(routine.start.as_str(), 0)]);
    let mut queue = VecDeque::from([routine.start.as_str()]);
    while let Some(id) = queue.pop_front() {
        let Some(step) = routine.step(id) else {
            continue;
        };
        let here = distance.get(id).copied().unwrap_or(0);
        let branches = match &step.kind {
            StepKind::Parallel { branches, .. } => branches.as_slice(),
            _ => &[],
        };
        let targets = step
            .routes
            .iter()
            .map(|r| r.to.as_str())
            .chain(branches.iter().map(String::as_str))
            .chain(step.deadlines.iter().filter_map(|d| d.goto.as_deref()));
        for to in targets {
            if !distance.contains_key(to) {
                distance.insert(to, here + 1);
                queue.push_back(to);
            }
        }
    }
    distance
}
