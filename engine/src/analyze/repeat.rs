//! Deadlines that repeat with no end.
//!
//! A `repeat` without `times` fires, arms its next repeat and sends its
//! message (or opens its task) for as long as its step or the case stays
//! open: a daily reminder on a case left open for 50 years wrote a 31 MB
//! journal. That is allowed but should be meant: a warning says how fast
//! the journal grows.

use crate::calendar::{Duration, Unit};
use crate::diagnostic::{Problem, Sink};
use crate::load::raw::{Deadline, RoutineFile};

/// Warns about every repeat without `times`.
pub(super) fn check(raw: &RoutineFile, sink: &mut Sink) {
    let step_deadlines = raw
        .steps
        .0
        .iter()
        .flat_map(|(_, s)| s.deadlines.iter().flatten());
    for deadline in raw.deadlines.iter().chain(step_deadlines) {
        forever(deadline, sink);
    }
}

fn forever(deadline: &Deadline, sink: &mut Sink) {
    let Some(repeat) = &deadline.repeat else {
        return;
    };
    let (Some(every), None) = (&repeat.every, &repeat.times) else {
        return;
    };
    let Ok(duration) = Duration::parse(&every.value) else {
        return;
    };
    let Some(days) = days(&duration).filter(|d| *d > 0.0) else {
        // `every: 0 days` does not repeat (the runtime stops it).
        return;
    };
    // Each repeat: fired, armed again, plus its message and its task.
    let entries = 2 + u32::from(deadline.message.is_some()) + u32::from(deadline.task.is_some());
    let per_year = (f64::from(entries) * 365.0 / days).round() as u64;
    sink.warning(
        every.span,
        Problem::RepeatForever {
            deadline: deadline
                .id
                .as_ref()
                .map_or_else(String::new, |i| i.value.clone()),
            every: every.value.clone(),
            entries,
            per_year,
        },
    );
}

/// A duration's length in calendar days, about.
fn days(duration: &Duration) -> Option<f64> {
    let per_unit = match duration.unit {
        Unit::Days => 1.0,
        Unit::Weeks => 7.0,
        Unit::Months => 365.0 / 12.0,
        Unit::Years => 365.0,
        // About 250 working days in a Swedish year.
        Unit::WorkingDays => 365.0 / 250.0,
    };
    Some(f64::from(duration.amount) * per_unit)
}
