//! What a bulk simulation found, as data (serialized for `--format json`;
//! the CLI draws the table and the chart from it).

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;

use super::keys::Keys;
use super::profile::Profile;
use super::run::Options;
use super::tally::Tally;
use crate::run::AddresseeKind;

/// The result of [`simulate`](super::simulate).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The profile's title.
    pub title: String,
    /// The seed.
    pub seed: u64,
    /// Cases that arrived.
    pub cases: u64,
    /// The day the first case could arrive.
    pub start: NaiveDate,
    /// The day the simulation stopped (00:00).
    pub horizon: NaiveDate,
    /// The Monday of each week counted.
    pub weeks: Vec<NaiveDate>,
    /// Each routine of the lifecycle.
    pub stages: Vec<StageReport>,
    /// The whole lifecycle, when the profile chains routines.
    pub lifecycle: Option<LifecycleReport>,
    /// Each deadline: how many cases breached it, and when.
    pub deadlines: Vec<DeadlineReport>,
    /// Each role's tasks per week.
    pub workload: Vec<Workload>,
    /// Messages per recipient per week.
    pub messages: Vec<Messages>,
    /// Why cases stopped with an error (none when the profile fits its routines).
    pub failures: Vec<Failure>,
}

/// Lead times in calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percentiles {
    /// Half of the cases took at most this long.
    pub p50: f64,
    /// Nine in ten.
    pub p90: f64,
    /// 99 in 100.
    pub p99: f64,
}

/// The cases of one routine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageReport {
    /// The routine's id.
    pub routine: String,
    /// Its title.
    pub title: String,
    /// Cases started before the horizon.
    pub started: u64,
    /// Cases that ended.
    pub finished: u64,
    /// Cases still open at the horizon.
    pub open: u64,
    /// Cases stopped by an error.
    pub failed: u64,
    /// Ended cases by outcome.
    pub outcomes: BTreeMap<String, u64>,
    /// From start to end, of the ended cases.
    pub lead_time_days: Option<Percentiles>,
}

/// Whole lifecycles (the first routine's start to the last case's end).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LifecycleReport {
    /// Lifecycles whose last case ended.
    pub finished: u64,
    /// Their lead times.
    pub lead_time_days: Option<Percentiles>,
}

/// One deadline's breaches (each time it expired and acted).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeadlineReport {
    /// The routine.
    pub routine: String,
    /// The step (`None`: a case deadline).
    pub step: Option<String>,
    /// The deadline's id.
    pub deadline: String,
    /// Cases in which it fired at least once.
    pub cases: u64,
    /// Times it fired.
    pub fired: u64,
    /// Times it fired, per week.
    pub per_week: Vec<u32>,
}

/// One role's tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    /// The role's id.
    pub role: String,
    /// Its name.
    pub name: String,
    /// Tasks opened per week.
    pub opened: Vec<u32>,
    /// Tasks open at the end of each week.
    pub open_at_week_end: Vec<u32>,
    /// The most tasks open at a week's end.
    pub peak_open: u32,
    /// The week of that peak (its Monday).
    pub peak_week: Option<NaiveDate>,
    /// The most tasks opened in one week.
    pub peak_opened: u32,
}

/// Messages to one recipient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Messages {
    /// `role` or `group`.
    pub kind: AddresseeKind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// All messages.
    pub total: u64,
    /// Per week.
    pub per_week: Vec<u32>,
}

/// An error that stopped cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// The routine.
    pub routine: String,
    /// The engine's refusal.
    pub message: String,
    /// How many cases.
    pub cases: u64,
}

/// Nearest-rank percentiles of minutes, in days (two decimals).
fn percentiles(mut minutes: Vec<u32>) -> Option<Percentiles> {
    if minutes.is_empty() {
        return None;
    }
    minutes.sort_unstable();
    let at = |p: f64| {
        let rank = ((p * minutes.len() as f64).ceil() as usize).clamp(1, minutes.len());
        let days = f64::from(minutes[rank - 1]) / (24.0 * 60.0);
        (days * 100.0).round() / 100.0
    };
    Some(Percentiles {
        p50: at(0.50),
        p90: at(0.90),
        p99: at(0.99),
    })
}

impl Report {
    pub(crate) fn build(
        profile: &Profile,
        options: &Options,
        horizon: NaiveDate,
        keys: &Keys,
        tally: Tally,
    ) -> Report {
        let weeks: Vec<NaiveDate> = (0..tally.weeks)
            .map(|w| tally.week0 + TimeDelta::weeks(w as i64))
            .collect();
        let stages = profile
            .stages
            .iter()
            .zip(tally.stages)
            .map(|(stage, t)| StageReport {
                routine: stage.routine.meta.id.clone(),
                title: stage.routine.meta.title.clone(),
                started: t.started,
                finished: t.outcomes.values().sum(),
                open: t.open,
                failed: t.failed,
                outcomes: t.outcomes,
                lead_time_days: percentiles(t.lead_minutes),
            })
            .collect();
        let lifecycle = (profile.stages.len() > 1).then(|| LifecycleReport {
            finished: tally.lifecycles_done,
            lead_time_days: percentiles(tally.lifecycle_minutes),
        });
        let deadlines = keys
            .deadlines
            .iter()
            .zip(tally.fired.iter().zip(&tally.fired_cases))
            .map(|(k, (per_week, cases))| DeadlineReport {
                routine: k.routine.clone(),
                step: k.step.clone(),
                deadline: k.id.clone(),
                cases: *cases,
                fired: per_week.iter().map(|n| u64::from(*n)).sum(),
                per_week: per_week.clone(),
            })
            .collect();
        let workload = keys
            .roles
            .iter()
            .zip(tally.opened.iter().zip(&tally.open_change))
            .map(|((role, name), (opened, change))| workload(role, name, opened, change, &weeks))
            .collect();
        let messages = keys
            .recipients
            .iter()
            .zip(&tally.messages)
            .map(|(k, per_week)| Messages {
                kind: k.kind,
                id: k.id.clone(),
                name: k.name.clone(),
                total: per_week.iter().map(|n| u64::from(*n)).sum(),
                per_week: per_week.clone(),
            })
            .filter(|m| m.total > 0)
            .collect();
        let failures = tally
            .errors
            .into_iter()
            .map(|((stage, message), cases)| Failure {
                routine: profile.stages[stage].routine.meta.id.clone(),
                message,
                cases,
            })
            .collect();
        Report {
            title: profile.title.clone(),
            seed: options.seed,
            cases: options.cases,
            start: profile.start,
            horizon,
            weeks,
            stages,
            lifecycle,
            deadlines,
            workload,
            messages,
            failures,
        }
    }
}

fn workload(
    role: &str,
    name: &str,
    opened: &[u32],
    change: &[i64],
    weeks: &[NaiveDate],
) -> Workload {
    let mut open = 0i64;
    let open_at_week_end: Vec<u32> = change
        .iter()
        .map(|c| {
            open += c;
            u32::try_from(open.max(0)).unwrap_or(u32::MAX)
        })
        .collect();
    let peak = open_at_week_end
        .iter()
        .enumerate()
        .max_by_key(|(w, n)| (**n, std::cmp::Reverse(*w)))
        .filter(|(_, n)| **n > 0);
    Workload {
        role: role.to_owned(),
        name: name.to_owned(),
        opened: opened.to_vec(),
        peak_open: peak.map_or(0, |(_, n)| *n),
        peak_week: peak.and_then(|(w, _)| weeks.get(w).copied()),
        peak_opened: opened.iter().copied().max().unwrap_or(0),
        open_at_week_end,
    }
}
