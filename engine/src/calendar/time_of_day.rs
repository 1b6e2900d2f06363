//! A time of day on a deadline (`at: "08:00"`) and the due moment it gives.
//!
//! A deadline's duration counts whole days (or weeks, months, years,
//! working days) and lands on a due day; `at` says when on that day it
//! falls. Without `at` the deadline keeps the time of day it counts from
//! (00:00 for a date field, the moment the step started otherwise).

use chrono::{NaiveDateTime, NaiveTime};

use super::duration::{Duration, Unit};

/// Why a text is not a time of day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeOfDayError {
    /// Not hours and minutes with a colon (`8`, `0800`, `08.00`, `kl 8`).
    #[error("`{text}` is not hours and minutes with a colon")]
    NotHoursAndMinutes {
        /// The text as written, trimmed.
        text: String,
    },
    /// An hour above 23 (`25:00`, `24:00`).
    #[error("`{text}` has no such hour; the hour is 00 to 23")]
    NoSuchHour {
        /// The text as written, trimmed.
        text: String,
    },
    /// Minutes above 59 (`08:60`).
    #[error("`{text}` has no such minute; the minutes are 00 to 59")]
    NoSuchMinute {
        /// The text as written, trimmed.
        text: String,
    },
}

impl TimeOfDayError {
    /// Why not, as a phrase of `engine/i18n/*/details.ftl` (the English
    /// words are the `Display` text).
    pub fn phrase(&self) -> crate::diagnostic::Phrase {
        use crate::diagnostic::Phrase;
        let (id, text) = match self {
            TimeOfDayError::NotHoursAndMinutes { text } => ("time-not-hours-minutes", text),
            TimeOfDayError::NoSuchHour { text } => ("time-no-such-hour", text),
            TimeOfDayError::NoSuchMinute { text } => ("time-no-such-minute", text),
        };
        Phrase::new(id).with("text", text)
    }
}

/// Reads a time of day on the 24-hour clock: `08:00`, `8:00`, `16:30`.
///
/// The hour has one or two digits (0–23), the minutes exactly two (00–59).
///
/// ```
/// use rutin::calendar::parse_time_of_day;
///
/// assert_eq!(parse_time_of_day("08:00").map(|t| t.to_string()), Ok("08:00:00".into()));
/// assert!(parse_time_of_day("25:00").is_err());
/// ```
pub fn parse_time_of_day(text: &str) -> Result<NaiveTime, TimeOfDayError> {
    let text = text.trim();
    let shape = || TimeOfDayError::NotHoursAndMinutes { text: text.into() };
    let (hours, minutes) = text.split_once(':').ok_or_else(shape)?;
    let digits = |s: &str, lengths: &[usize]| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hours, &[1, 2]) || !digits(minutes, &[2]) {
        return Err(shape());
    }
    let hour: u32 = hours.parse().map_err(|_| shape())?;
    let minute: u32 = minutes.parse().map_err(|_| shape())?;
    if hour > 23 {
        return Err(TimeOfDayError::NoSuchHour { text: text.into() });
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
        .ok_or_else(|| TimeOfDayError::NoSuchMinute { text: text.into() })
}

/// When a deadline counted from `from` falls due: `after` later, at the
/// time of day `at` when one is given.
///
/// With `at`, the due day is the day `after` lands on and the deadline
/// falls at `at` on that day, earlier or later than the time of day of
/// `from` (a step started Monday 14:30 with `1 day` at 08:00 is due Tuesday
/// 08:00). It never falls before `from`: when that moment has passed already
/// (only a zero duration counted from a step's start gets there), it falls
/// at `at` on the next day, or the next working day when `after` counts
/// working days. `None` when out of range.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime};
/// use rutin::calendar::{due_at, Duration};
///
/// let started = NaiveDate::from_ymd_opt(2026, 3, 2).and_then(|d| d.and_hms_opt(14, 30, 0)).unwrap();
/// let eight = NaiveTime::from_hms_opt(8, 0, 0);
/// let due = due_at(started, &"1 day".parse::<Duration>().unwrap(), eight).unwrap();
/// assert_eq!(due.to_string(), "2026-03-03 08:00:00");
/// ```
pub fn due_at(
    from: NaiveDateTime,
    after: &Duration,
    at: Option<NaiveTime>,
) -> Option<NaiveDateTime> {
    let plain = after.after_datetime(from)?;
    let Some(at) = at else {
        return Some(plain);
    };
    on_due_day(from, plain, after.unit, at)
}

/// `at` on the day of `plain`, or on the next (working) day when that is
/// before `from`. `unit` is the unit that led to `plain`.
pub(crate) fn on_due_day(
    from: NaiveDateTime,
    plain: NaiveDateTime,
    unit: Unit,
    at: NaiveTime,
) -> Option<NaiveDateTime> {
    let due = plain.date().and_time(at);
    if due >= from {
        return Some(due);
    }
    let step = match unit {
        Unit::WorkingDays => Unit::WorkingDays,
        _ => Unit::Days,
    };
    let next = Duration {
        amount: 1,
        unit: step,
    }
    .after(plain.date())?;
    Some(next.and_time(at))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    fn moment(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap_or(NaiveDate::MIN)
            .and_time(time(h, mi))
    }

    fn dur(text: &str) -> Duration {
        Duration::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn reads_times_of_day() {
        for (text, h, m) in [
            ("08:00", 8, 0),
            ("8:00", 8, 0),
            (" 16:30 ", 16, 30),
            ("00:00", 0, 0),
            ("23:59", 23, 59),
        ] {
            assert_eq!(parse_time_of_day(text), Ok(time(h, m)), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_time_of_day() {
        let shape = |t: &str| TimeOfDayError::NotHoursAndMinutes { text: t.into() };
        for text in [
            "8", "0800", "08.00", "kl 8", "", "08:0", "08:000", "-1:00", "+8:00",
        ] {
            assert_eq!(parse_time_of_day(text), Err(shape(text.trim())), "{text}");
        }
        assert_eq!(
            parse_time_of_day("25:00"),
            Err(TimeOfDayError::NoSuchHour {
                text: "25:00".into()
            })
        );
        assert_eq!(
            parse_time_of_day("24:00"),
            Err(TimeOfDayError::NoSuchHour {
                text: "24:00".into()
            })
        );
        assert_eq!(
            parse_time_of_day("08:60"),
            Err(TimeOfDayError::NoSuchMinute {
                text: "08:60".into()
            })
        );
        assert_eq!(
            TimeOfDayError::NoSuchMinute {
                text: "08:60".into()
            }
            .to_string(),
            "`08:60` has no such minute; the minutes are 00 to 59"
        );
    }

    #[test]
    fn without_a_time_of_day_the_start_time_is_kept() {
        let from = moment(2026, 3, 2, 14, 30);
        assert_eq!(
            due_at(from, &dur("1 day"), None),
            Some(moment(2026, 3, 3, 14, 30))
        );
    }

    /// (counted from, after, due at 08:00, why)
    type Case = (
        (i32, u32, u32, u32, u32),
        &'static str,
        (i32, u32, u32),
        &'static str,
    );

    const AT_EIGHT: [Case; 11] = [
        (
            (2026, 3, 2, 0, 0),
            "1 month",
            (2026, 4, 2),
            "a date field counts from 00:00",
        ),
        (
            (2026, 3, 2, 0, 0),
            "0 days",
            (2026, 3, 2),
            "0 days from a date: that day",
        ),
        (
            (2024, 2, 29, 0, 0),
            "1 year",
            (2025, 2, 28),
            "a leap day + 1 year",
        ),
        (
            (2026, 3, 2, 14, 30),
            "1 day",
            (2026, 3, 3),
            "after 08:00: earlier than 24 hours on",
        ),
        (
            (2026, 3, 2, 6, 15),
            "1 day",
            (2026, 3, 3),
            "before 08:00: later than 24 hours on",
        ),
        (
            (2026, 3, 6, 16, 0),
            "1 working day",
            (2026, 3, 9),
            "Friday: Monday",
        ),
        (
            (2026, 3, 2, 14, 30),
            "0 days",
            (2026, 3, 3),
            "08:00 passed: the next day",
        ),
        (
            (2026, 3, 6, 14, 30),
            "0 working days",
            (2026, 3, 9),
            "passed: the next working day",
        ),
        (
            (2026, 3, 2, 8, 0),
            "0 days",
            (2026, 3, 2),
            "exactly 08:00: that moment",
        ),
        (
            (2026, 3, 2, 7, 59),
            "0 days",
            (2026, 3, 2),
            "before 08:00: the same day",
        ),
        (
            (2026, 4, 2, 15, 0),
            "1 working day",
            (2026, 4, 7),
            "skärtorsdagen: past Easter",
        ),
    ];

    #[test]
    fn the_due_day_at_that_time_never_before_the_start() {
        for ((y, mo, d, h, mi), after, (dy, dm, dd), why) in AT_EIGHT {
            let due = due_at(moment(y, mo, d, h, mi), &dur(after), Some(time(8, 0)));
            assert_eq!(due, Some(moment(dy, dm, dd, 8, 0)), "{why}");
        }
    }

    #[test]
    fn out_of_range_is_none() {
        let end = NaiveDate::MAX.and_time(time(23, 0));
        assert_eq!(due_at(end, &dur("1 day"), Some(time(8, 0))), None);
        assert_eq!(due_at(end, &dur("0 days"), Some(time(8, 0))), None);
    }
}
