//! A checked simulation profile: how often cases arrive, how long tasks and
//! events take, which way cases go, and which routine follows which.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::distribution::{Delay, TimeUnit};
use crate::model::Routine;

/// A simulation profile, checked against its routines (see docs/SIMULATION.md).
#[derive(Debug, Clone)]
pub struct Profile {
    pub(crate) path: PathBuf,
    pub(crate) title: String,
    pub(crate) start: NaiveDate,
    /// New cases per working day.
    pub(crate) per_working_day: f64,
    pub(crate) stages: Vec<Stage>,
}

impl Profile {
    /// The profile's file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Its title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The day the first case may arrive.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// New cases per working day.
    pub fn per_working_day(&self) -> f64 {
        self.per_working_day
    }

    /// Replaces the profile's arrival rate with `per_week` cases a week
    /// (what if twice as many orders came); a rate of 0 or less is ignored.
    pub fn set_per_week(&mut self, per_week: f64) {
        if per_week > 0.0 && per_week.is_finite() {
            self.per_working_day = per_week / 5.0;
        }
    }

    /// The routine files of the lifecycle, in order.
    pub fn routine_paths(&self) -> impl Iterator<Item = &std::path::Path> {
        self.stages.iter().map(|s| s.routine_path.as_path())
    }

    /// The routines of the lifecycle, in order (one for a single routine).
    pub fn routines(&self) -> impl Iterator<Item = &Routine> {
        self.stages.iter().map(|s| s.routine.as_ref())
    }
}

/// One routine of the lifecycle with how its cases behave.
#[derive(Debug, Clone)]
pub(crate) struct Stage {
    pub(crate) routine: Arc<Routine>,
    /// The routine's file.
    pub(crate) routine_path: PathBuf,
    /// How long after the previous case ended this one starts (`None`: the first).
    pub(crate) after: Option<Delay>,
    /// The previous case's outcomes that lead here (empty: any).
    pub(crate) outcomes: Vec<String>,
    /// Start values given by the profile.
    pub(crate) data: Vec<(String, DataValue)>,
    /// How long a task takes, for any task without its own.
    pub(crate) default_duration: Delay,
    /// By role id.
    pub(crate) role_durations: BTreeMap<String, Delay>,
    /// By task step id.
    pub(crate) step_durations: BTreeMap<String, Delay>,
    /// By event name.
    pub(crate) events: BTreeMap<String, EventTiming>,
    /// By task or event step id: the routes it takes, with probabilities.
    pub(crate) branches: BTreeMap<String, Vec<Branch>>,
    /// By field id: the values it takes, with probabilities.
    pub(crate) values: BTreeMap<String, Choice>,
    /// By field, in the routine's order: whether some step or deadline
    /// records it (else every case starts with a value for it).
    pub(crate) recorded: Vec<bool>,
}

/// When an event arrives: an awaited one after its step starts, a case-wide
/// one after the case starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EventTiming {
    pub(crate) delay: Delay,
    /// The probability that it never comes.
    pub(crate) never: f64,
}

/// One route of a step with its probability and the values that take it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Branch {
    pub(crate) to: String,
    pub(crate) probability: f64,
    /// Values of the fields the step records that make this route the one taken.
    pub(crate) values: BTreeMap<String, serde_json::Value>,
}

/// Values with their probabilities.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    pub(crate) values: Vec<serde_json::Value>,
    pub(crate) weights: Vec<f64>,
}

/// A start value the profile gives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DataValue {
    /// This value.
    Literal(serde_json::Value),
    /// A date this long after the case starts.
    DateAfter(crate::calendar::Duration),
    /// A period from one offset to another after the case starts.
    PeriodAfter {
        from: crate::calendar::Duration,
        to: crate::calendar::Duration,
    },
}

/// The unit amounts are counted in when a profile gives none: working days
/// when the routine counts any deadline in working days, otherwise days.
pub(crate) fn default_unit(routine: &Routine) -> TimeUnit {
    let deadlines = routine
        .steps
        .iter()
        .flat_map(|s| s.deadlines.iter())
        .chain(routine.deadlines.iter());
    let working = deadlines
        .flat_map(|d| std::iter::once(d.after).chain(d.repeat.as_ref().map(|r| r.every)))
        .any(|d| d.unit == crate::calendar::Unit::WorkingDays);
    if working {
        TimeUnit::WorkingDays
    } else {
        TimeUnit::Days
    }
}
