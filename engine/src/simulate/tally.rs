//! Counters chunks of cases add to; merging adds them (in any order: only
//! sums, and lead times that are sorted before use).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::keys::Keys;

/// What happened to the cases of one stage.
#[derive(Debug, Clone, Default)]
pub(crate) struct StageTally {
    pub(crate) started: u64,
    pub(crate) outcomes: BTreeMap<String, u64>,
    pub(crate) open: u64,
    pub(crate) failed: u64,
    /// Lead times of finished cases, in minutes.
    pub(crate) lead_minutes: Vec<u32>,
}

/// All counters.
#[derive(Debug, Clone)]
pub(crate) struct Tally {
    pub(crate) week0: NaiveDate,
    pub(crate) weeks: usize,
    pub(crate) stages: Vec<StageTally>,
    /// Lifecycles whose last case ended, with their lead times in minutes.
    pub(crate) lifecycles_done: u64,
    pub(crate) lifecycle_minutes: Vec<u32>,
    /// Why cases stopped with an error, with how many.
    pub(crate) errors: BTreeMap<(usize, String), u64>,
    /// [role][week] tasks opened.
    pub(crate) opened: Vec<Vec<u32>>,
    /// [role][week] change of tasks open at week's end.
    pub(crate) open_change: Vec<Vec<i64>>,
    /// [recipient][week] messages.
    pub(crate) messages: Vec<Vec<u32>>,
    /// [deadline][week] firings.
    pub(crate) fired: Vec<Vec<u32>>,
    /// [deadline] cases in which it fired.
    pub(crate) fired_cases: Vec<u64>,
}

fn grid<T: Clone + Default>(rows: usize, weeks: usize) -> Vec<Vec<T>> {
    vec![vec![T::default(); weeks]; rows]
}

fn add<T: Copy + std::ops::AddAssign>(into: &mut [Vec<T>], from: &[Vec<T>]) {
    for (a, b) in into.iter_mut().zip(from) {
        for (x, y) in a.iter_mut().zip(b) {
            *x += *y;
        }
    }
}

impl Tally {
    pub(crate) fn new(keys: &Keys, week0: NaiveDate, weeks: usize) -> Tally {
        Tally {
            week0,
            weeks,
            stages: vec![StageTally::default(); keys.stages.len()],
            lifecycles_done: 0,
            lifecycle_minutes: Vec::new(),
            errors: BTreeMap::new(),
            opened: grid(keys.roles.len(), weeks),
            open_change: grid(keys.roles.len(), weeks),
            messages: grid(keys.recipients.len(), weeks),
            fired: grid(keys.deadlines.len(), weeks),
            fired_cases: vec![0; keys.deadlines.len()],
        }
    }

    /// The week a moment falls in (`None`: before the first or after the last).
    pub(crate) fn week(&self, at: NaiveDateTime) -> Option<usize> {
        // Day numbers: what `at.date() - week0` counts, without a `TimeDelta`.
        let days = i64::from(at.date().num_days_from_ce() - self.week0.num_days_from_ce());
        let week = usize::try_from(days.div_euclid(7)).ok()?;
        (week < self.weeks).then_some(week)
    }

    pub(crate) fn task_opened(&mut self, role: usize, at: NaiveDateTime) {
        if let Some(w) = self.week(at) {
            self.opened[role][w] += 1;
            self.open_change[role][w] += 1;
        }
    }

    pub(crate) fn task_closed(&mut self, role: usize, opened: NaiveDateTime, at: NaiveDateTime) {
        if let (Some(_), Some(w)) = (self.week(opened), self.week(at)) {
            self.open_change[role][w] -= 1;
        }
    }

    pub(crate) fn message(&mut self, recipient: usize, at: NaiveDateTime) {
        if let Some(w) = self.week(at) {
            self.messages[recipient][w] += 1;
        }
    }

    pub(crate) fn fired(&mut self, deadline: usize, at: NaiveDateTime, first_in_case: bool) {
        if let Some(w) = self.week(at) {
            self.fired[deadline][w] += 1;
        }
        if first_in_case {
            self.fired_cases[deadline] += 1;
        }
    }

    /// Adds another chunk's counts to these.
    pub(crate) fn merge(&mut self, other: Tally) {
        for (a, b) in self.stages.iter_mut().zip(other.stages) {
            a.started += b.started;
            a.open += b.open;
            a.failed += b.failed;
            for (o, n) in b.outcomes {
                *a.outcomes.entry(o).or_default() += n;
            }
            a.lead_minutes.extend(b.lead_minutes);
        }
        self.lifecycles_done += other.lifecycles_done;
        self.lifecycle_minutes.extend(other.lifecycle_minutes);
        for (k, n) in other.errors {
            *self.errors.entry(k).or_default() += n;
        }
        add(&mut self.opened, &other.opened);
        add(&mut self.open_change, &other.open_change);
        add(&mut self.messages, &other.messages);
        add(&mut self.fired, &other.fired);
        for (a, b) in self.fired_cases.iter_mut().zip(other.fired_cases) {
            *a += b;
        }
    }
}
