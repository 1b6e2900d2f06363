//! Durations drawn at random: a shape (fixed, uniform, triangular,
//! log-normal) in a unit of time, applied to a moment.

use chrono::{NaiveDateTime, TimeDelta};
use rand_chacha::rand_core::RngCore;

use crate::calendar::{Duration, Unit};

/// The unit a drawn amount is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    /// Swedish working days; a fraction is that share of an 8-hour working day.
    WorkingDays,
    /// Calendar days.
    Days,
    /// Weeks of seven days.
    Weeks,
    /// Hours.
    Hours,
}

impl TimeUnit {
    /// The unit named in a profile (`working days`, `days`, `weeks`, `hours`).
    pub(crate) fn parse(text: &str) -> Option<TimeUnit> {
        match text.trim() {
            "working days" | "working day" | "arbetsdagar" | "arbetsdag" => {
                Some(TimeUnit::WorkingDays)
            }
            "days" | "day" | "dagar" | "dag" => Some(TimeUnit::Days),
            "weeks" | "week" | "veckor" | "vecka" => Some(TimeUnit::Weeks),
            "hours" | "hour" | "timmar" | "timme" => Some(TimeUnit::Hours),
            _ => None,
        }
    }

    /// The names a profile may write, for messages.
    pub(crate) const NAMES: [&'static str; 4] = ["working days", "days", "weeks", "hours"];

    pub(crate) fn from_calendar(unit: Unit) -> Option<TimeUnit> {
        match unit {
            Unit::WorkingDays => Some(TimeUnit::WorkingDays),
            Unit::Days => Some(TimeUnit::Days),
            Unit::Weeks => Some(TimeUnit::Weeks),
            Unit::Months | Unit::Years => None,
        }
    }
}

/// The shape of a distribution of amounts (all amounts are at least 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shape {
    /// Always the same amount.
    Fixed(f64),
    /// Evenly between two amounts.
    Uniform(f64, f64),
    /// Between a least and a greatest amount, most often the mode.
    Triangular { min: f64, mode: f64, max: f64 },
    /// Log-normal: half of the amounts lie below the median; `sigma` is the
    /// spread of the amount's logarithm.
    LogNormal { median: f64, sigma: f64 },
}

/// The longest amount a draw gives (a log-normal tail is cut here): ten years in days.
const MAX_AMOUNT: f64 = 3650.0;

/// A random delay: a shape in a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Delay {
    pub(crate) shape: Shape,
    pub(crate) unit: TimeUnit,
}

/// A uniform number in [0, 1).
pub(crate) fn unit_interval(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A standard normal number (Box–Muller).
fn standard_normal(rng: &mut impl RngCore) -> f64 {
    let u1 = 1.0 - unit_interval(rng);
    let u2 = unit_interval(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

impl Shape {
    /// One amount drawn from the shape.
    pub(crate) fn sample(&self, rng: &mut impl RngCore) -> f64 {
        let x = match *self {
            Shape::Fixed(x) => x,
            Shape::Uniform(a, b) => a + (b - a) * unit_interval(rng),
            Shape::Triangular { min, mode, max } => {
                let u = unit_interval(rng);
                let width = max - min;
                if width <= 0.0 {
                    min
                } else if u < (mode - min) / width {
                    min + (u * width * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * width * (max - mode)).sqrt()
                }
            }
            Shape::LogNormal { median, sigma } => median * (sigma * standard_normal(rng)).exp(),
        };
        x.clamp(0.0, MAX_AMOUNT)
    }

    /// The mean amount (for documentation and tests).
    #[cfg(test)]
    pub(crate) fn mean(&self) -> f64 {
        match *self {
            Shape::Fixed(x) => x,
            Shape::Uniform(a, b) => (a + b) / 2.0,
            Shape::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Shape::LogNormal { median, sigma } => median * (sigma * sigma / 2.0).exp(),
        }
    }
}

/// `amount` of `unit` after `at`.
pub(crate) fn after(at: NaiveDateTime, amount: f64, unit: TimeUnit) -> NaiveDateTime {
    let minutes = |m: f64| TimeDelta::try_minutes(m.round() as i64).unwrap_or_default();
    match unit {
        TimeUnit::Hours => at + minutes(amount * 60.0),
        TimeUnit::Days => at + minutes(amount * 24.0 * 60.0),
        TimeUnit::Weeks => at + minutes(amount * 7.0 * 24.0 * 60.0),
        TimeUnit::WorkingDays => {
            let whole = amount.floor();
            let moved = Duration {
                amount: whole as u32,
                unit: Unit::WorkingDays,
            }
            .after_datetime(at)
            .unwrap_or(at);
            moved + minutes((amount - whole) * 8.0 * 60.0)
        }
    }
}

impl Delay {
    /// A moment drawn after `at`.
    pub(crate) fn after(&self, at: NaiveDateTime, rng: &mut impl RngCore) -> NaiveDateTime {
        after(at, self.shape.sample(rng), self.unit)
    }
}

/// Picks an index by weights that sum to 1 (the last one takes any rounding rest).
pub(crate) fn pick(weights: &[f64], rng: &mut impl RngCore) -> usize {
    let mut u = unit_interval(rng);
    for (i, w) in weights.iter().enumerate() {
        if u < *w {
            return i;
        }
        u -= w;
    }
    weights.len().saturating_sub(1)
}
