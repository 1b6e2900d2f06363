//! The functions and filters routines use: date arithmetic on `YYYY-MM-DD`
//! texts, periods, Swedish working days, display names and Swedish dates.
//!
//! Every function checks its arguments and answers a bad one with a
//! minijinja error that names the function and what it expected.

use chrono::{Datelike, NaiveDate};
use minijinja::{Environment, Error, ErrorKind, Value};

use super::{Names, MAX_RANGE};
use crate::calendar::{holidays, Duration};

/// Swedish month names, January first.
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// Reads a date written exactly as `YYYY-MM-DD` (four-digit year).
///
/// ```
/// use rutin::expr::parse_date;
/// assert!(parse_date("2026-06-19").is_some());
/// assert!(parse_date("2026-6-19").is_none());
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    // The shape is fixed, so the digits are read in place: what chrono's
    // `%Y-%m-%d` gives for this shape, without reading the format each time
    // (dates are read for every value checked and every deadline armed).
    let number = |from: usize, to: usize| {
        bytes[from..to]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let year = i32::try_from(number(0, 4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7), number(8, 10))
}

/// Writes a date as `YYYY-MM-DD`; `None` for years outside 0–9999, which
/// that form cannot hold.
pub fn format_date(date: NaiveDate) -> Option<String> {
    // Chrono's `%Y-%m-%d` for these years, written digit by digit instead of
    // reading the format for every date (`today` of every expression).
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let (month, day) = (date.month(), date.day());
    let digits = [
        year / 1000,
        year / 100 % 10,
        year / 10 % 10,
        year % 10,
        month / 10,
        month % 10,
        day / 10,
        day % 10,
    ];
    let mut text = String::with_capacity(10);
    for (i, d) in digits.into_iter().enumerate() {
        if i == 4 || i == 6 {
            text.push('-');
        }
        text.push(char::from_digit(d, 10)?);
    }
    Some(text)
}

/// A date in Swedish long form: `19 juni 2026`.
pub fn swedish_date(date: NaiveDate) -> String {
    let month = usize::try_from(date.month0())
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("?");
    format!("{} {} {}", date.day(), month, date.year())
}

/// A period in Swedish long form: `1 januari 2026 – 31 december 2026`.
pub fn swedish_period(from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", swedish_date(from), swedish_date(to))
}

fn bad(function: &str, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidOperation, format!("{function}: {detail}"))
}

fn date_arg(function: &str, value: &Value) -> Result<NaiveDate, Error> {
    value.as_str().and_then(parse_date).ok_or_else(|| {
        bad(
            function,
            format!("expected a date (YYYY-MM-DD), got {}", describe(value)),
        )
    })
}

fn period_arg(function: &str, value: &Value) -> Result<(NaiveDate, NaiveDate), Error> {
    let part = |key: &str| {
        value
            .get_item(&Value::from(key))
            .ok()
            .and_then(|v| v.as_str().and_then(parse_date))
    };
    match (value.kind(), part("from"), part("to")) {
        (minijinja::value::ValueKind::Map, Some(from), Some(to)) => Ok((from, to)),
        _ => Err(bad(
            function,
            format!(
                "expected a period {{from: YYYY-MM-DD, to: YYYY-MM-DD}}, got {}",
                describe(value)
            ),
        )),
    }
}

fn duration_arg(function: &str, value: &Value) -> Result<Duration, Error> {
    let text = value.as_str().ok_or_else(|| {
        bad(
            function,
            format!(
                "expected a duration such as '1 month', got {}",
                describe(value)
            ),
        )
    })?;
    Duration::parse(text).map_err(|e| bad(function, e))
}

fn date_value(function: &str, date: Option<NaiveDate>) -> Result<Value, Error> {
    date.and_then(format_date)
        .map(Value::from)
        .ok_or_else(|| bad(function, "the resulting date is out of range"))
}

/// A short description of a value for error messages.
pub(crate) fn describe(value: &Value) -> String {
    if value.is_undefined() {
        return "an undefined value".into();
    }
    if value.is_none() {
        return "none (the field is not set)".into();
    }
    let text = value.to_string();
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{} `{short}…`", value.kind())
    } else {
        format!("{} `{short}`", value.kind())
    }
}

fn date_add(date: Value, duration: Value) -> Result<Value, Error> {
    let d = date_arg("date_add", &date)?;
    let by = duration_arg("date_add", &duration)?;
    date_value("date_add", by.after(d))
}

fn date_sub(date: Value, duration: Value) -> Result<Value, Error> {
    let d = date_arg("date_sub", &date)?;
    let by = duration_arg("date_sub", &duration)?;
    date_value("date_sub", by.before(d))
}

fn days_between(a: Value, b: Value) -> Result<i64, Error> {
    let a = date_arg("days_between", &a)?;
    let b = date_arg("days_between", &b)?;
    Ok(b.signed_duration_since(a).num_days())
}

/// Whole calendar months from `a` to `b`: the largest `n` with
/// `a + n months <= b` (negative when `b` lies before `a`). Month ends are
/// clamped as in `date_add`: 31 January to 28 February is one month.
fn months_between(a: Value, b: Value) -> Result<i64, Error> {
    let a = date_arg("months_between", &a)?;
    let b = date_arg("months_between", &b)?;
    Ok(if b < a {
        -whole_months(b, a)
    } else {
        whole_months(a, b)
    })
}

/// Whole months from `from` to `to`, `from <= to`.
fn whole_months(from: NaiveDate, to: NaiveDate) -> i64 {
    let guess =
        i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month());
    let reaches = |n: i64| {
        u32::try_from(n)
            .ok()
            .and_then(|n| from.checked_add_months(chrono::Months::new(n)))
            .is_some_and(|d| d <= to)
    };
    if reaches(guess) {
        guess
    } else {
        guess - 1
    }
}

fn periods_gap(a: Value, b: Value) -> Result<bool, Error> {
    let (_, a_to) = period_arg("periods_gap", &a)?;
    let (b_from, _) = period_arg("periods_gap", &b)?;
    // A gap: at least one day lies after a's last day and before b's first.
    Ok(b_from.signed_duration_since(a_to).num_days() > 1)
}

fn periods_overlap(a: Value, b: Value) -> Result<bool, Error> {
    let (a_from, a_to) = period_arg("periods_overlap", &a)?;
    let (b_from, b_to) = period_arg("periods_overlap", &b)?;
    Ok(a_from <= b_to && b_from <= a_to)
}

fn is_working_day(date: Value) -> Result<bool, Error> {
    Ok(holidays::is_working_day(date_arg("is_working_day", &date)?))
}

fn date_filter(value: Value) -> Result<String, Error> {
    Ok(swedish_date(date_arg("date", &value)?))
}

fn period_filter(value: Value) -> Result<String, Error> {
    let (from, to) = period_arg("period", &value)?;
    Ok(swedish_period(from, to))
}

fn capped_range(lower: i64, upper: Option<i64>, step: Option<i64>) -> Result<Value, Error> {
    let (start, stop) = match upper {
        Some(upper) => (lower, upper),
        None => (0, lower),
    };
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(bad("range", "the step cannot be zero"));
    }
    let mut items = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if items.len() >= MAX_RANGE {
            return Err(bad(
                "range",
                format!("more than {MAX_RANGE} items are not allowed"),
            ));
        }
        items.push(Value::from(i));
        i = match i.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    Ok(Value::from(items))
}

fn lookup(
    function: &'static str,
    kind: &'static str,
    names: &std::collections::BTreeMap<String, String>,
    id: &Value,
) -> Result<String, Error> {
    let key = id.as_str().ok_or_else(|| {
        bad(
            function,
            format!("expected a {kind} id, got {}", describe(id)),
        )
    })?;
    names
        .get(key)
        .cloned()
        .ok_or_else(|| bad(function, format!("there is no {kind} `{key}`")))
}

/// Adds the functions and filters to an environment.
pub(super) fn register(env: &mut Environment<'static>, names: Names) {
    env.add_function("date_add", date_add);
    env.add_function("date_sub", date_sub);
    env.add_function("days_between", days_between);
    env.add_function("months_between", months_between);
    env.add_function("periods_gap", periods_gap);
    env.add_function("periods_overlap", periods_overlap);
    env.add_function("is_working_day", is_working_day);
    env.add_function("range", capped_range);
    let Names { roles, groups } = names;
    env.add_function("role_name", move |id: Value| {
        lookup("role_name", "role", &roles, &id)
    });
    env.add_function("group_name", move |id: Value| {
        lookup("group_name", "group", &groups, &id)
    });
    env.add_filter("date", date_filter);
    env.add_filter("period", period_filter);
}
