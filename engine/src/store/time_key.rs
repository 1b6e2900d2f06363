//! Times as both stores keep them: text that sorts as time does.
//!
//! Why: the due index, leases, schedule slots and the outbox are compared
//! and ordered in SQL (`next_due <= now ORDER BY next_due`), byte by byte
//! (SQLite's BINARY, PostgreSQL's "C" collation). Plain ISO text only sorts
//! as time for years 0000 to 9999: chrono writes year 10000 as `+10000`,
//! which sorts before `2026`, so a case due in year 10000 looked due for
//! ever.
//!
//! How: years 0000 to 9999 are written as before,
//! `YYYY-MM-DDTHH:MM:SS[.f]` (readable, and what schema version 1 holds).
//! A later year is written `~` (after every digit), then how many digits it
//! has, then the digits: `~510000-01-08T00:00:00`. A year before 0 is
//! written `!` (before every digit), then 999999 plus the year in six
//! digits: year -1 is `!999998-...`. chrono's years fit in six digits, so
//! every key sorts as its time does, whatever the year. The fraction is
//! chrono's `%.f` (left-aligned), which sorts as its value.

use chrono::{Datelike, NaiveDateTime};

use crate::store::StoreError;

/// The part of a key after the year.
const REST: &str = "-%m-%dT%H:%M:%S%.f";

/// The format of schema version 1 (years outside 0000-9999 signed).
const OLD: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// Marks a year after 9999.
const LATE: char = '~';

/// Marks a year before 0.
const EARLY: char = '!';

/// Offset of a year before 0 (chrono's years are above -999999).
const EARLY_BASE: i64 = 999_999;

/// Every stored time column, as (table, column).
pub(crate) const TIME_COLUMNS: &[(&str, &str)] = &[
    ("cases", "next_due"),
    ("cases", "lease_until"),
    ("schedules", "next_due"),
    ("schedule_runs", "due"),
    ("outbox", "created"),
    ("outbox", "next_attempt"),
    ("outbox", "sent_at"),
];

/// A time as stored.
pub(crate) fn ts(at: NaiveDateTime) -> String {
    let year = at.year();
    let rest = at.format(REST);
    match year {
        0..=9999 => format!("{year:04}{rest}"),
        10000.. => {
            let digits = year.to_string();
            format!("{LATE}{}{digits}{rest}", digits.len())
        }
        _ => format!("{EARLY}{:06}{rest}", EARLY_BASE + i64::from(year)),
    }
}

/// A stored time read back; `place` names it in a damage report.
pub(crate) fn parse_ts(text: &str, place: &str) -> Result<NaiveDateTime, StoreError> {
    read(text).ok_or_else(|| StoreError::Damaged {
        place: place.to_owned(),
        reason: format!("the time `{text}` cannot be read"),
    })
}

/// An optional stored time read back.
pub(crate) fn parse_opt_ts(
    text: Option<String>,
    place: &str,
) -> Result<Option<NaiveDateTime>, StoreError> {
    text.map(|t| parse_ts(&t, place)).transpose()
}

/// The key of schema version 1's `text` in this format, when it differs
/// (a year outside 0000-9999); `None` for a key that needs no rewrite or
/// cannot be read (it is then reported where it is read).
pub(crate) fn rewritten(text: &str) -> Option<String> {
    if !text.starts_with(['+', '-']) {
        return None;
    }
    let at = NaiveDateTime::parse_from_str(text, OLD).ok()?;
    Some(ts(at)).filter(|new| new != text)
}

fn read(text: &str) -> Option<NaiveDateTime> {
    let (year, rest) = if let Some(late) = text.strip_prefix(LATE) {
        let width = usize::from(late.as_bytes().first()?.checked_sub(b'0')?);
        let digits = late.get(1..1 + width)?;
        (digits.parse::<i64>().ok()?, late.get(1 + width..)?)
    } else if let Some(early) = text.strip_prefix(EARLY) {
        let digits = early.get(..6)?;
        (digits.parse::<i64>().ok()? - EARLY_BASE, early.get(6..)?)
    } else {
        let digits = text.get(..4)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        (digits.parse::<i64>().ok()?, text.get(4..)?)
    };
    let at = NaiveDateTime::parse_from_str(&format!("2000{rest}"), OLD).ok()?;
    at.with_year(i32::try_from(year).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn time(year: i32, nanos: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(year, 2, 28)
            .and_then(|d| d.and_hms_nano_opt(23, 59, 59, nanos))
            .expect("a valid time")
    }

    #[test]
    fn ordinary_years_keep_the_readable_format() {
        assert_eq!(ts(time(2026, 0)), "2026-02-28T23:59:59");
        assert_eq!(ts(time(1, 500_000_000)), "0001-02-28T23:59:59.500");
    }

    #[test]
    fn years_past_9999_and_before_0_sort_in_time_order() {
        let times = [
            NaiveDateTime::MIN,
            time(-1, 0),
            time(0, 0),
            time(2026, 0),
            time(9999, 0),
            time(10000, 0),
            time(99999, 0),
            time(100_000, 0),
            NaiveDateTime::MAX,
        ];
        let keys: Vec<String> = times.iter().map(|t| ts(*t)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        for (t, k) in times.iter().zip(&keys) {
            assert_eq!(parse_ts(k, "test").ok(), Some(*t), "{k}");
        }
    }

    #[test]
    fn old_keys_outside_0000_to_9999_are_rewritten_and_others_kept() {
        assert_eq!(
            rewritten("+10000-01-08T00:00:00").as_deref(),
            Some("~510000-01-08T00:00:00")
        );
        assert_eq!(
            rewritten("-0001-02-28T23:59:59").as_deref(),
            Some("!999998-02-28T23:59:59")
        );
        assert_eq!(rewritten("2026-12-01T09:00:00"), None);
        assert_eq!(rewritten("+garbage"), None);
    }

    #[test]
    fn unreadable_keys_are_damage_worded_in_both_languages() {
        for bad in ["", "~", "~9", "!12", "20x6-01-01T00:00:00", "~5100000101"] {
            assert!(parse_ts(bad, "test").is_err(), "{bad}");
        }
        let Err(error) = parse_ts("~9", "case `K-1`") else {
            panic!("`~9` is no time");
        };
        let sv = error.message_in(crate::i18n::Lang::Sv);
        assert!(sv.contains("tiden `~9` går inte att läsa"), "{sv}");
    }

    fn any_time() -> impl Strategy<Value = NaiveDateTime> {
        let (min, max) = (
            NaiveDateTime::MIN.and_utc().timestamp(),
            NaiveDateTime::MAX.and_utc().timestamp(),
        );
        (min..=max, 0u32..1_000_000_000).prop_map(|(s, n)| {
            chrono::DateTime::from_timestamp(s, n)
                .map(|d| d.naive_utc())
                .unwrap_or_default()
        })
    }

    proptest! {
        #[test]
        fn keys_sort_as_times_and_read_back(a in any_time(), b in any_time()) {
            prop_assert_eq!(ts(a).cmp(&ts(b)), a.cmp(&b));
            prop_assert_eq!(parse_ts(&ts(a), "test").ok(), Some(a));
        }
    }
}
