//! Durations such as "3 months" or "10 arbetsdagar" and their date arithmetic.
//!
//! Routine authors write deadlines in plain words, in English or Swedish. A
//! [`Duration`] is parsed from such text and can be added to or subtracted
//! from a date. Months are calendar months (clamped to the end of a shorter
//! month) and working days skip weekends and Swedish holidays, because that is
//! how deadlines in care routines and statutes are counted.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};

use super::holidays::{is_working_day, working_days_between};

/// The largest amount [`Duration::parse`] accepts, for every unit.
const MAX_AMOUNT: u64 = 1000;

/// The units a routine author may use, listed in error messages.
const UNIT_LIST: &str = "days, weeks, months, years, working days";

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Calendar days, including weekends and holidays.
    Days,
    /// Weeks of seven calendar days.
    Weeks,
    /// Calendar months; a day that does not exist in the target month is
    /// clamped to that month's last day (31 January + 1 month = 28/29 February).
    Months,
    /// Swedish working days: Monday to Friday, excluding public holidays and
    /// midsommarafton, julafton and nyårsafton.
    WorkingDays,
    /// Calendar years: twelve calendar months, so 29 February + 1 year = 28
    /// February (clamped like months).
    Years,
}

impl Unit {
    /// English name used by `Display`, singular or plural.
    fn name(self, amount: u32) -> &'static str {
        let one = amount == 1;
        match (self, one) {
            (Unit::Days, true) => "day",
            (Unit::Days, false) => "days",
            (Unit::Weeks, true) => "week",
            (Unit::Weeks, false) => "weeks",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
            (Unit::WorkingDays, true) => "working day",
            (Unit::WorkingDays, false) => "working days",
            (Unit::Years, true) => "year",
            (Unit::Years, false) => "years",
        }
    }
}

/// Words accepted as units (lowercase, single spaces), with whether they are plural.
const VOCABULARY: &[(&str, Unit, bool)] = &[
    ("day", Unit::Days, false),
    ("days", Unit::Days, true),
    ("dag", Unit::Days, false),
    ("dagar", Unit::Days, true),
    ("week", Unit::Weeks, false),
    ("weeks", Unit::Weeks, true),
    ("vecka", Unit::Weeks, false),
    ("veckor", Unit::Weeks, true),
    ("month", Unit::Months, false),
    ("months", Unit::Months, true),
    ("månad", Unit::Months, false),
    ("månader", Unit::Months, true),
    ("working day", Unit::WorkingDays, false),
    ("working days", Unit::WorkingDays, true),
    ("arbetsdag", Unit::WorkingDays, false),
    ("arbetsdagar", Unit::WorkingDays, true),
    ("year", Unit::Years, false),
    ("years", Unit::Years, true),
    ("år", Unit::Years, true),
];

/// A length of time such as "3 days", "2 weeks", "1 month" or "10 working days".
///
/// Parse one from routine text with [`Duration::parse`] (or `str::parse`), and
/// apply it with [`Duration::after`] and [`Duration::before`].
///
/// ```
/// use chrono::NaiveDate;
/// use rutin::calendar::Duration;
///
/// let d: Duration = "1 working day".parse().unwrap();
/// // Thursday before Easter 2026 + 1 working day = Tuesday after Easter.
/// let thursday = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
/// assert_eq!(d.after(thursday), NaiveDate::from_ymd_opt(2026, 4, 7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Duration {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: Unit,
}

/// Why a text could not be read as a [`Duration`].
///
/// The messages are written for routine authors, not programmers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// The text was empty or only whitespace.
    #[error(
        "the duration is empty; write a number and one of: {UNIT_LIST} (for example `3 days`)"
    )]
    Empty,
    /// A number without a unit, such as `3`.
    #[error(
        "`{amount}` has no unit; write a number and one of: {UNIT_LIST} (for example `{amount} days`)"
    )]
    MissingUnit {
        /// The number that was given (saturated at `u64::MAX` if even larger).
        amount: u64,
    },
    /// The text does not start with a whole number, e.g. `three days`, `-1 day` or `2.5 weeks`.
    #[error(
        "`{text}` is not a whole number; a duration starts with a whole number such as 3, followed by one of: {UNIT_LIST}"
    )]
    BadAmount {
        /// The part of the text that should have been a number.
        text: String,
    },
    /// The unit is not one of the known words.
    #[error(
        "`{input}` has an unknown unit `{unit}`; write a number and one of: {UNIT_LIST}{}",
        did_you_mean(*.suggestion)
    )]
    UnknownUnit {
        /// The whole text, trimmed.
        input: String,
        /// The unit as written.
        unit: String,
        /// A known unit word that is spelled similarly, if any.
        suggestion: Option<&'static str>,
    },
    /// The amount is larger than 1000.
    #[error(
        "`{amount}` is too large; a duration can be at most {MAX_AMOUNT} days, weeks, months, years or working days"
    )]
    TooLarge {
        /// The number that was given (saturated at `u64::MAX` if even larger).
        amount: u64,
    },
}

impl DurationError {
    /// Why not, as a phrase of `engine/i18n/*/details.ftl` (the English
    /// words are the `Display` text).
    pub fn phrase(&self) -> crate::diagnostic::Phrase {
        use crate::diagnostic::Phrase;
        match self {
            DurationError::Empty => Phrase::new("duration-empty"),
            DurationError::MissingUnit { amount } => {
                Phrase::new("duration-no-unit").with("amount", amount.to_string())
            }
            DurationError::BadAmount { text } => {
                Phrase::new("duration-bad-amount").with("text", text)
            }
            DurationError::UnknownUnit {
                input,
                unit,
                suggestion,
            } => Phrase::new(match suggestion {
                Some(_) => "duration-unknown-unit-like",
                None => "duration-unknown-unit",
            })
            .with("input", input)
            .with("unit", unit)
            .with("suggestion", suggestion.unwrap_or_default()),
            DurationError::TooLarge { amount } => Phrase::new("duration-too-large")
                .with("amount", amount.to_string())
                .with("max", MAX_AMOUNT.to_string()),
        }
    }
}

/// The "did you mean" tail of an unknown-unit message.
fn did_you_mean(suggestion: Option<&'static str>) -> String {
    match suggestion {
        Some(word) => format!("; did you mean `{word}`?"),
        None => String::new(),
    }
}

/// Levenshtein distance between two strings, counted in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current.clear();
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(usize::MAX);
            let delete = previous.get(j + 1).copied().unwrap_or(usize::MAX);
            let insert = current.get(j).copied().unwrap_or(usize::MAX);
            let cost = if ca == *cb {
                substitute
            } else {
                substitute.min(delete).min(insert).saturating_add(1)
            };
            current.push(cost);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// The known unit word closest to `unit` (already lowercased), if it is close enough
/// to be a plausible typo. Prefers the plural form unless `amount` is 1.
fn suggest(unit: &str, amount: u64) -> Option<&'static str> {
    let length = unit.chars().count();
    if length > 40 {
        return None;
    }
    let want_plural = amount != 1;
    VOCABULARY
        .iter()
        .map(|&(word, _, plural)| {
            let distance = edit_distance(unit, word);
            let score = distance * 2 + usize::from(plural != want_plural);
            (score, distance, word)
        })
        .filter(|&(_, distance, _)| distance <= 2 && distance * 2 <= length)
        .min_by_key(|&(score, _, _)| score)
        .map(|(_, _, word)| word)
}

impl Duration {
    /// Parses "1 day", "3 days", "2 weeks", "1 month", "3 months", "1 year", "2 years", "10 working days", "1 working day",
    /// also Swedish: "1 dag", "3 dagar", "2 veckor", "1 vecka", "1 månad", "3 månader", "1 år", "10 arbetsdagar", "1 arbetsdag".
    /// Whitespace-tolerant, case-insensitive. Amount 0 allowed; amount > 1000 (any unit) is TooLarge.
    ///
    /// Singular and plural forms are accepted regardless of the amount ("1 days"
    /// is fine), and the space between number and unit may be left out ("3days").
    ///
    /// ```
    /// use rutin::calendar::{Duration, Unit};
    ///
    /// let d = Duration::parse("  10   Arbetsdagar ").unwrap();
    /// assert_eq!(d, Duration { amount: 10, unit: Unit::WorkingDays });
    /// ```
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(DurationError::Empty);
        }
        let digits_end = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (digits, rest) = trimmed
            .split_at_checked(digits_end)
            .unwrap_or((trimmed, ""));
        let amount_is_bad = digits.is_empty()
            || rest
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && !c.is_alphabetic());
        if amount_is_bad {
            let first_token = trimmed.split_whitespace().next().unwrap_or(trimmed);
            return Err(DurationError::BadAmount {
                text: first_token.to_string(),
            });
        }
        // Only digits remain, so parsing can fail only by overflow.
        let amount: u64 = digits.parse().unwrap_or(u64::MAX);
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.is_empty() {
            return Err(DurationError::MissingUnit { amount });
        }
        let written = words.join(" ");
        let normalized = written.to_lowercase();
        let Some(unit) = VOCABULARY
            .iter()
            .find(|(word, _, _)| *word == normalized)
            .map(|&(_, unit, _)| unit)
        else {
            return Err(DurationError::UnknownUnit {
                input: trimmed.to_string(),
                suggestion: suggest(&normalized, amount),
                unit: written,
            });
        };
        if amount > MAX_AMOUNT {
            return Err(DurationError::TooLarge { amount });
        }
        let amount = u32::try_from(amount).map_err(|_| DurationError::TooLarge { amount })?;
        Ok(Duration { amount, unit })
    }

    /// date + self. Months are calendar months clamped to the month's end (2026-01-31 + 1 month = 2026-02-28; 2024-01-31 + 1 month = 2024-02-29);
    /// a year is twelve calendar months (2024-02-29 + 1 year = 2025-02-28).
    /// WorkingDays: the n-th Swedish working day after `date` (Mon–Fri, not a public holiday); 0 working days = `date` itself. Returns None if out of range.
    ///
    /// Working days are those of [`is_working_day`],
    /// so midsommarafton, julafton and nyårsafton are skipped too.
    pub fn after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let n = self.amount;
        match self.unit {
            Unit::Days => date.checked_add_days(Days::new(u64::from(n))),
            Unit::Weeks => date.checked_add_days(Days::new(u64::from(n).checked_mul(7)?)),
            Unit::Months => date.checked_add_months(Months::new(n)),
            Unit::Years => date.checked_add_months(Months::new(n.checked_mul(12)?)),
            Unit::WorkingDays => working_days_forward(date, n),
        }
    }

    /// Same for a NaiveDateTime: the date moves, the time of day is kept.
    pub fn after_datetime(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        self.after(at.date()).map(|d| d.and_time(at.time()))
    }

    /// date - self (for "decision older than three months": subtract calendar months clamped likewise; working days count backwards).
    ///
    /// 2026-03-31 − 1 month = 2026-02-28; n working days before `date` is the
    /// n-th working day counting backwards from the day before `date`; 0 of
    /// any unit gives `date` itself. Returns None if out of range.
    pub fn before(&self, date: NaiveDate) -> Option<NaiveDate> {
        let n = self.amount;
        match self.unit {
            Unit::Days => date.checked_sub_days(Days::new(u64::from(n))),
            Unit::Weeks => date.checked_sub_days(Days::new(u64::from(n).checked_mul(7)?)),
            Unit::Months => date.checked_sub_months(Months::new(n)),
            Unit::Years => date.checked_sub_months(Months::new(n.checked_mul(12)?)),
            Unit::WorkingDays => working_days_backward(date, n),
        }
    }
}

/// At most this many working days fit in one calendar year; above it,
/// whole years are skipped at once.
const YEAR_SKIP_THRESHOLD: u64 = 366;

/// A quick lower bound on how many calendar days `n` working days span:
/// every full week holds at most five working days.
fn min_calendar_days(n: u64) -> u64 {
    (n / 5).saturating_mul(7).saturating_sub(7)
}

/// The `n`-th working day after `date`.
fn working_days_forward(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut remaining = u64::from(n);
    // Fail fast when the result cannot possibly be representable.
    date.checked_add_days(Days::new(min_calendar_days(remaining)))?;
    let mut current = date;
    // Invariant: working days in (date, current] == n - remaining.
    while remaining > 0 {
        if remaining > YEAR_SKIP_THRESHOLD {
            let year_end = NaiveDate::from_ymd_opt(current.year(), 12, 31)?;
            if current < year_end {
                let skipped = working_days_between(current.succ_opt()?, year_end);
                remaining = remaining.saturating_sub(skipped);
                current = year_end;
                continue;
            }
        }
        current = current.succ_opt()?;
        if is_working_day(current) {
            remaining = remaining.saturating_sub(1);
        }
    }
    Some(current)
}

/// The `n`-th working day before `date`.
fn working_days_backward(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut remaining = u64::from(n);
    date.checked_sub_days(Days::new(min_calendar_days(remaining)))?;
    let mut current = date;
    // Invariant: working days in [current, date) == n - remaining.
    while remaining > 0 {
        if remaining > YEAR_SKIP_THRESHOLD {
            let year_start = NaiveDate::from_ymd_opt(current.year(), 1, 1)?;
            if current > year_start {
                let skipped = working_days_between(year_start, current.pred_opt()?);
                remaining = remaining.saturating_sub(skipped);
                current = year_start;
                continue;
            }
        }
        current = current.pred_opt()?;
        if is_working_day(current) {
            remaining = remaining.saturating_sub(1);
        }
    }
    Some(current)
}

impl fmt::Display for Duration {
    /// Writes e.g. "1 day", "3 days", "2 weeks", "1 month", "10 working days";
    /// [`Duration::parse`] reads it back unchanged.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.name(self.amount))
    }
}

impl Duration {
    /// The duration in Swedish, for message texts: "1 dag", "3 dagar",
    /// "2 veckor", "1 månad", "10 arbetsdagar". [`Duration::parse`] reads it
    /// back unchanged.
    pub fn swedish(&self) -> String {
        let one = self.amount == 1;
        let unit = match (self.unit, one) {
            (Unit::Days, true) => "dag",
            (Unit::Days, false) => "dagar",
            (Unit::Weeks, true) => "vecka",
            (Unit::Weeks, false) => "veckor",
            (Unit::Months, true) => "månad",
            (Unit::Months, false) => "månader",
            (Unit::WorkingDays, true) => "arbetsdag",
            (Unit::WorkingDays, false) => "arbetsdagar",
            (Unit::Years, _) => "år",
        };
        format!("{} {unit}", self.amount)
    }
}

impl FromStr for Duration {
    type Err = DurationError;

    /// Same as [`Duration::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Duration::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn swedish_text_reads_back() {
        for text in [
            "1 dag",
            "3 dagar",
            "1 vecka",
            "2 veckor",
            "1 månad",
            "3 månader",
            "1 arbetsdag",
            "10 arbetsdagar",
            "1 år",
            "5 år",
        ] {
            let d = Duration::parse(text).unwrap();
            assert_eq!(d.swedish(), text);
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad test date {y}-{m}-{d}"))
    }

    fn dur(amount: u32, unit: Unit) -> Duration {
        Duration { amount, unit }
    }

    fn parsed(text: &str) -> Duration {
        Duration::parse(text).unwrap_or_else(|e| panic!("`{text}` did not parse: {e}"))
    }

    const ALL_UNITS: [Unit; 5] = [
        Unit::Days,
        Unit::Weeks,
        Unit::Months,
        Unit::WorkingDays,
        Unit::Years,
    ];

    #[test]
    fn parses_english_and_swedish() {
        let table = [
            ("1 day", 1, Unit::Days),
            ("3 days", 3, Unit::Days),
            ("2 weeks", 2, Unit::Weeks),
            ("1 week", 1, Unit::Weeks),
            ("1 month", 1, Unit::Months),
            ("3 months", 3, Unit::Months),
            ("10 working days", 10, Unit::WorkingDays),
            ("1 working day", 1, Unit::WorkingDays),
            ("1 dag", 1, Unit::Days),
            ("3 dagar", 3, Unit::Days),
            ("2 veckor", 2, Unit::Weeks),
            ("1 vecka", 1, Unit::Weeks),
            ("1 månad", 1, Unit::Months),
            ("3 månader", 3, Unit::Months),
            ("10 arbetsdagar", 10, Unit::WorkingDays),
            ("1 arbetsdag", 1, Unit::WorkingDays),
            ("1 year", 1, Unit::Years),
            ("2 years", 2, Unit::Years),
            ("1 år", 1, Unit::Years),
            ("3 År", 3, Unit::Years),
            ("2år", 2, Unit::Years),
            // Tolerance.
            ("  3   DAYS  ", 3, Unit::Days),
            ("3\tWorking\n  Days", 3, Unit::WorkingDays),
            ("3 MÅNADER", 3, Unit::Months),
            ("3days", 3, Unit::Days),
            ("1 days", 1, Unit::Days),
            ("2 week", 2, Unit::Weeks),
            ("0 days", 0, Unit::Days),
            ("007 dagar", 7, Unit::Days),
            ("1000 months", 1000, Unit::Months),
            ("3\u{a0}veckor", 3, Unit::Weeks),
        ];
        for (text, amount, unit) in table {
            assert_eq!(parsed(text), dur(amount, unit), "{text:?}");
            assert_eq!(text.parse::<Duration>(), Ok(dur(amount, unit)), "{text:?}");
        }
    }

    #[test]
    fn display_is_singular_or_plural() {
        let table = [
            (dur(1, Unit::Days), "1 day"),
            (dur(3, Unit::Days), "3 days"),
            (dur(0, Unit::Days), "0 days"),
            (dur(1, Unit::Weeks), "1 week"),
            (dur(2, Unit::Weeks), "2 weeks"),
            (dur(1, Unit::Months), "1 month"),
            (dur(3, Unit::Months), "3 months"),
            (dur(1, Unit::WorkingDays), "1 working day"),
            (dur(10, Unit::WorkingDays), "10 working days"),
            (dur(1, Unit::Years), "1 year"),
            (dur(2, Unit::Years), "2 years"),
        ];
        for (d, text) in table {
            assert_eq!(d.to_string(), text);
            assert_eq!(parsed(text), d);
        }
    }

    #[test]
    fn serde_shape() {
        let d = dur(3, Unit::WorkingDays);
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(json, r#"{"amount":3,"unit":"working_days"}"#);
        let back: Result<Duration, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(d));
    }

    #[test]
    fn error_empty() {
        for text in ["", "   ", "\n\t"] {
            let err = Duration::parse(text);
            assert_eq!(err, Err(DurationError::Empty));
        }
        assert_eq!(
            DurationError::Empty.to_string(),
            "the duration is empty; write a number and one of: days, weeks, months, years, working days (for example `3 days`)"
        );
    }

    #[test]
    fn error_missing_unit() {
        assert_eq!(
            Duration::parse(" 3 "),
            Err(DurationError::MissingUnit { amount: 3 })
        );
        assert_eq!(
            Duration::parse("5000"),
            Err(DurationError::MissingUnit { amount: 5000 })
        );
        assert_eq!(
            DurationError::MissingUnit { amount: 3 }.to_string(),
            "`3` has no unit; write a number and one of: days, weeks, months, years, working days (for example `3 days`)"
        );
    }

    #[test]
    fn error_bad_amount() {
        let table = [
            ("three days", "three"),
            ("-1 day", "-1"),
            ("2.5 weeks", "2.5"),
            ("2,5 veckor", "2,5"),
            ("days", "days"),
            ("+3 days", "+3"),
        ];
        for (text, bad) in table {
            assert_eq!(
                Duration::parse(text),
                Err(DurationError::BadAmount {
                    text: bad.to_string()
                }),
                "{text:?}"
            );
        }
        assert_eq!(
            DurationError::BadAmount {
                text: "three".to_string()
            }
            .to_string(),
            "`three` is not a whole number; a duration starts with a whole number such as 3, followed by one of: days, weeks, months, years, working days"
        );
    }

    #[test]
    fn error_unknown_unit() {
        let err = Duration::parse("3 dayz");
        assert_eq!(
            err,
            Err(DurationError::UnknownUnit {
                input: "3 dayz".to_string(),
                unit: "dayz".to_string(),
                suggestion: Some("days"),
            })
        );
        assert_eq!(
            err.err().map(|e| e.to_string()).unwrap_or_default(),
            "`3 dayz` has an unknown unit `dayz`; write a number and one of: days, weeks, months, years, working days; did you mean `days`?"
        );

        let err = Duration::parse("3 fortnights");
        assert_eq!(
            err,
            Err(DurationError::UnknownUnit {
                input: "3 fortnights".to_string(),
                unit: "fortnights".to_string(),
                suggestion: None,
            })
        );
        assert_eq!(
            err.err().map(|e| e.to_string()).unwrap_or_default(),
            "`3 fortnights` has an unknown unit `fortnights`; write a number and one of: days, weeks, months, years, working days"
        );

        let suggestions = [
            ("1 dayz", Some("day")),
            ("2 Weekz", Some("weeks")),
            ("3 manader", Some("månader")),
            ("1 manad", Some("månad")),
            ("5 workingdays", Some("working days")),
            ("5 working  dayz", Some("working days")),
            ("5 arbetsdgar", Some("arbetsdagar")),
            ("1 yaer", Some("year")),
            ("2 yeras", Some("years")),
            ("2 ar", Some("år")),
            ("2 x", None),
            ("2 days later", None),
        ];
        for (text, suggestion) in suggestions {
            match Duration::parse(text) {
                Err(DurationError::UnknownUnit { suggestion: s, .. }) => {
                    assert_eq!(s, suggestion, "{text:?}");
                }
                other => panic!("{text:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn error_too_large() {
        assert_eq!(
            Duration::parse("1001 days"),
            Err(DurationError::TooLarge { amount: 1001 })
        );
        assert_eq!(
            Duration::parse("99999999999999999999999 arbetsdagar"),
            Err(DurationError::TooLarge { amount: u64::MAX })
        );
        assert_eq!(
            DurationError::TooLarge { amount: 1001 }.to_string(),
            "`1001` is too large; a duration can be at most 1000 days, weeks, months, years or working days"
        );
    }

    #[test]
    fn days_and_weeks() {
        assert_eq!(
            dur(3, Unit::Days).after(date(2026, 2, 27)),
            Some(date(2026, 3, 2))
        );
        assert_eq!(
            dur(2, Unit::Weeks).after(date(2026, 12, 25)),
            Some(date(2027, 1, 8))
        );
        assert_eq!(
            dur(2, Unit::Weeks).before(date(2027, 1, 8)),
            Some(date(2026, 12, 25))
        );
        assert_eq!(
            dur(1, Unit::Days).before(date(2024, 3, 1)),
            Some(date(2024, 2, 29))
        );
    }

    #[test]
    fn month_clamping() {
        let m = |n| dur(n, Unit::Months);
        assert_eq!(m(1).after(date(2026, 1, 31)), Some(date(2026, 2, 28)));
        assert_eq!(m(1).after(date(2024, 1, 31)), Some(date(2024, 2, 29)));
        assert_eq!(m(1).after(date(2026, 1, 15)), Some(date(2026, 2, 15)));
        assert_eq!(m(3).after(date(2026, 11, 30)), Some(date(2027, 2, 28)));
        assert_eq!(m(13).after(date(2027, 1, 31)), Some(date(2028, 2, 29)));
        assert_eq!(m(12).after(date(2024, 2, 29)), Some(date(2025, 2, 28)));
        assert_eq!(m(48).after(date(2024, 2, 29)), Some(date(2028, 2, 29)));
        assert_eq!(m(1).before(date(2026, 3, 31)), Some(date(2026, 2, 28)));
        assert_eq!(m(1).before(date(2024, 3, 31)), Some(date(2024, 2, 29)));
        assert_eq!(m(3).before(date(2026, 5, 31)), Some(date(2026, 2, 28)));
        assert_eq!(m(1).before(date(2026, 1, 15)), Some(date(2025, 12, 15)));
        assert_eq!(m(0).after(date(2026, 1, 31)), Some(date(2026, 1, 31)));
    }

    #[test]
    fn years_are_calendar_years() {
        let y = |n| dur(n, Unit::Years);
        // A leap day clamps to 28 February, like a month does.
        assert_eq!(y(1).after(date(2024, 2, 29)), Some(date(2025, 2, 28)));
        assert_eq!(y(4).after(date(2024, 2, 29)), Some(date(2028, 2, 29)));
        assert_eq!(y(1).before(date(2024, 2, 29)), Some(date(2023, 2, 28)));
        assert_eq!(y(1).after(date(2026, 3, 15)), Some(date(2027, 3, 15)));
        assert_eq!(y(2).before(date(2026, 12, 31)), Some(date(2024, 12, 31)));
        assert_eq!(y(0).after(date(2024, 2, 29)), Some(date(2024, 2, 29)));
        // A year is exactly twelve months.
        for start in [date(2024, 2, 29), date(2026, 1, 31), date(2025, 8, 31)] {
            assert_eq!(y(3).after(start), dur(36, Unit::Months).after(start));
            assert_eq!(y(3).before(start), dur(36, Unit::Months).before(start));
        }
    }

    #[test]
    fn working_days_across_holidays() {
        let w = |n| dur(n, Unit::WorkingDays);
        // Skärtorsdagen + 1 skips långfredagen, the weekend and annandag påsk.
        assert_eq!(w(1).after(date(2026, 4, 2)), Some(date(2026, 4, 7)));
        assert_eq!(w(1).before(date(2026, 4, 7)), Some(date(2026, 4, 2)));
        // Christmas 2026: 24 (Thu) and 25 (Fri) are holidays.
        assert_eq!(w(1).after(date(2026, 12, 23)), Some(date(2026, 12, 28)));
        assert_eq!(w(1).before(date(2026, 12, 28)), Some(date(2026, 12, 23)));
        assert_eq!(w(3).after(date(2026, 12, 23)), Some(date(2026, 12, 30)));
        // Nyårsafton (Thu) and nyårsdagen (Fri).
        assert_eq!(w(1).after(date(2026, 12, 30)), Some(date(2027, 1, 4)));
        // Trettondedag jul 2027 is a Wednesday.
        assert_eq!(w(1).after(date(2027, 1, 5)), Some(date(2027, 1, 7)));
        // Midsommarafton 2026 is 19 June.
        assert_eq!(w(1).after(date(2026, 6, 18)), Some(date(2026, 6, 22)));
        // Kristi himmelsfärd 2026 is Thursday 14 May.
        assert_eq!(w(1).after(date(2026, 5, 13)), Some(date(2026, 5, 15)));
        // Plain weeks.
        assert_eq!(w(5).after(date(2026, 3, 2)), Some(date(2026, 3, 9)));
        assert_eq!(w(10).after(date(2026, 3, 2)), Some(date(2026, 3, 16)));
        // From a weekend.
        assert_eq!(w(1).after(date(2026, 3, 7)), Some(date(2026, 3, 9)));
        assert_eq!(w(1).before(date(2026, 3, 8)), Some(date(2026, 3, 6)));
        // Zero is the date itself, even on a holiday.
        assert_eq!(w(0).after(date(2026, 12, 25)), Some(date(2026, 12, 25)));
        assert_eq!(w(0).before(date(2026, 12, 25)), Some(date(2026, 12, 25)));
        // Whole years: 2026 has 251 working days (261 weekdays, 10 weekday holidays).
        assert_eq!(w(251).after(date(2025, 12, 31)), Some(date(2026, 12, 30)));
    }

    /// The rule docs/FORMAT.md states: the start day never counts; N working
    /// days after a date is the N-th working day after it, whatever the start
    /// day is (a weekend, a holiday, an eve); 0 is the date itself.
    #[test]
    fn working_day_counting_rule() {
        let table = [
            // (start, n, due, why)
            (
                (2026, 3, 2),
                1,
                (2026, 3, 3),
                "Monday: the next day, Monday not counted",
            ),
            ((2026, 3, 2), 5, (2026, 3, 9), "Monday + 5: the next Monday"),
            ((2026, 3, 2), 10, (2026, 3, 16), "Monday + 10: two weeks on"),
            ((2026, 3, 6), 1, (2026, 3, 9), "Friday: Monday"),
            (
                (2026, 3, 6),
                10,
                (2026, 3, 20),
                "Friday + 10: Friday two weeks on",
            ),
            (
                (2026, 3, 7),
                1,
                (2026, 3, 9),
                "Saturday: Monday is the first",
            ),
            (
                (2026, 3, 7),
                10,
                (2026, 3, 20),
                "Saturday + 10: as from Friday",
            ),
            ((2026, 3, 8), 1, (2026, 3, 9), "Sunday: Monday is the first"),
            (
                (2026, 3, 7),
                0,
                (2026, 3, 7),
                "0: the day itself, even a Saturday",
            ),
            (
                (2026, 5, 13),
                1,
                (2026, 5, 15),
                "day before Kristi himmelsfärd",
            ),
            ((2026, 6, 18), 1, (2026, 6, 22), "day before midsommarafton"),
            (
                (2026, 6, 19),
                1,
                (2026, 6, 22),
                "from midsommarafton itself",
            ),
            (
                (2026, 6, 5),
                1,
                (2026, 6, 8),
                "Friday before nationaldagen (a Saturday)",
            ),
            ((2026, 4, 2), 2, (2026, 4, 8), "skärtorsdagen: past Easter"),
            ((2026, 12, 23), 1, (2026, 12, 28), "day before julafton"),
            ((2026, 12, 30), 1, (2027, 1, 4), "day before nyårsafton"),
        ];
        for ((y, m, d), n, (dy, dm, dd), why) in table {
            let due = dur(n, Unit::WorkingDays).after(date(y, m, d));
            assert_eq!(due, Some(date(dy, dm, dd)), "{why}");
        }
    }

    #[test]
    fn datetime_keeps_time_of_day() {
        let at = date(2026, 4, 2)
            .and_hms_opt(14, 30, 5)
            .unwrap_or(NaiveDateTime::MIN);
        let expected = date(2026, 4, 7)
            .and_hms_opt(14, 30, 5)
            .unwrap_or(NaiveDateTime::MAX);
        assert_eq!(dur(1, Unit::WorkingDays).after_datetime(at), Some(expected));
        let expected = date(2026, 5, 2)
            .and_hms_opt(14, 30, 5)
            .unwrap_or(NaiveDateTime::MAX);
        assert_eq!(dur(1, Unit::Months).after_datetime(at), Some(expected));
        let end = NaiveDate::MAX
            .and_hms_opt(23, 59, 59)
            .unwrap_or(NaiveDateTime::MIN);
        assert_eq!(dur(1, Unit::Days).after_datetime(end), None);
    }

    #[test]
    fn out_of_range_is_none() {
        for unit in ALL_UNITS {
            assert_eq!(dur(1, unit).after(NaiveDate::MAX), None, "{unit:?}");
            assert_eq!(dur(1, unit).before(NaiveDate::MIN), None, "{unit:?}");
            assert_eq!(dur(0, unit).after(NaiveDate::MAX), Some(NaiveDate::MAX));
            assert_eq!(dur(0, unit).before(NaiveDate::MIN), Some(NaiveDate::MIN));
            for amount in [u32::MAX, u32::MAX / 2, 200_000_000] {
                let today = date(2026, 1, 1);
                assert_eq!(dur(amount, unit).after(NaiveDate::MAX), None);
                assert_eq!(dur(amount, unit).before(NaiveDate::MIN), None);
                // Must finish quickly and not panic; the value depends on the unit.
                let _ = dur(amount, unit).after(today);
                let _ = dur(amount, unit).before(today);
            }
        }
    }

    #[test]
    fn very_long_working_day_spans_finish() {
        // Close to the largest span that still fits: exercises the year-skipping path.
        let start = date(2026, 1, 2);
        let far = dur(60_000_000, Unit::WorkingDays);
        let there = far.after(start);
        assert!(there.is_some_and(is_working_day));
        assert_eq!(there.and_then(|d| far.before(d)), Some(start));
    }

    fn step_forward(date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut current = date;
        for _ in 0..n {
            current = current.succ_opt()?;
            while !is_working_day(current) {
                current = current.succ_opt()?;
            }
        }
        Some(current)
    }

    fn step_backward(date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut current = date;
        for _ in 0..n {
            current = current.pred_opt()?;
            while !is_working_day(current) {
                current = current.pred_opt()?;
            }
        }
        Some(current)
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2200, 1u32..=366).prop_map(|(y, o)| {
            NaiveDate::from_yo_opt(y, o)
                .or_else(|| NaiveDate::from_yo_opt(y, 365))
                .unwrap_or(NaiveDate::MIN)
        })
    }

    fn any_unit() -> impl Strategy<Value = Unit> {
        prop::sample::select(ALL_UNITS.to_vec())
    }

    /// Months since year 0 for a date, to compare calendar months.
    fn month_index(d: NaiveDate) -> i64 {
        i64::from(d.year()) * 12 + i64::from(d.month0())
    }

    fn last_day_of_month(d: NaiveDate) -> u32 {
        (28..=31)
            .rev()
            .find(|&day| d.with_day(day).is_some())
            .unwrap_or(28)
    }

    proptest! {
        #[test]
        fn parse_never_panics(text in ".*") {
            let _ = Duration::parse(&text);
        }

        #[test]
        fn parse_never_panics_on_near_misses(
            amount in "[0-9 .,+-]{0,25}",
            unit in "(?i)(days?|dag(ar)?|weeks?|veck(a|or)|months?|månad(er)?|working days?|arbetsdag(ar)?|years?|år|[a-zåäö ]{0,12})",
        ) {
            let text = format!("{amount}{unit}");
            if let Err(e) = Duration::parse(&text) {
                prop_assert!(!e.to_string().is_empty());
            }
        }

        #[test]
        fn display_round_trips(amount in 0u32..=1000, unit in any_unit()) {
            let d = dur(amount, unit);
            prop_assert_eq!(Duration::parse(&d.to_string()), Ok(d));
        }

        #[test]
        fn after_and_before_never_panic(date in any_date(), amount in 0u32..1000, unit in any_unit()) {
            let d = dur(amount, unit);
            let later = d.after(date);
            let earlier = d.before(date);
            prop_assert!(later.is_some_and(|l| l >= date));
            prop_assert!(earlier.is_some_and(|e| e <= date));
        }

        #[test]
        fn working_days_land_on_working_days(date in any_date(), amount in 0u32..1000) {
            let d = dur(amount, Unit::WorkingDays);
            let later = d.after(date);
            let earlier = d.before(date);
            prop_assert!(later.is_some_and(|l| l >= date));
            prop_assert!(earlier.is_some_and(|e| e <= date));
            if amount > 0 {
                prop_assert!(later.is_some_and(|l| l > date && is_working_day(l)));
                prop_assert!(earlier.is_some_and(|e| e < date && is_working_day(e)));
            } else {
                prop_assert_eq!(later, Some(date));
                prop_assert_eq!(earlier, Some(date));
            }
            prop_assert_eq!(later, step_forward(date, amount));
            prop_assert_eq!(earlier, step_backward(date, amount));
            if is_working_day(date) {
                prop_assert_eq!(later.and_then(|l| d.before(l)), Some(date));
            }
        }

        #[test]
        fn months_land_in_the_right_month(date in any_date(), amount in 0u32..1000) {
            let d = dur(amount, Unit::Months);
            let shift = i64::from(amount);
            if let Some(later) = d.after(date) {
                prop_assert_eq!(month_index(later), month_index(date) + shift);
                prop_assert_eq!(later.day(), date.day().min(last_day_of_month(later)));
            } else {
                prop_assert!(false, "months after {} failed", date);
            }
            if let Some(earlier) = d.before(date) {
                prop_assert_eq!(month_index(earlier), month_index(date) - shift);
                prop_assert_eq!(earlier.day(), date.day().min(last_day_of_month(earlier)));
            } else {
                prop_assert!(false, "months before {} failed", date);
            }
        }

        #[test]
        fn days_and_weeks_are_exact(date in any_date(), amount in 0u32..1000) {
            let days = i64::from(amount);
            let later = dur(amount, Unit::Days).after(date);
            prop_assert_eq!(later.map(|l| l.signed_duration_since(date).num_days()), Some(days));
            let later = dur(amount, Unit::Weeks).after(date);
            prop_assert_eq!(later.map(|l| l.signed_duration_since(date).num_days()), Some(days * 7));
            let earlier = dur(amount, Unit::Weeks).before(date);
            prop_assert_eq!(earlier.map(|e| date.signed_duration_since(e).num_days()), Some(days * 7));
        }
    }
}
