//! The Swedish holiday calendar.
//!
//! Covers the public holidays of *lag (1989:253) om allmänna helgdagar* plus the
//! three eves that are non-working days in practice: midsommarafton, julafton
//! and nyårsafton. Ordinary Sundays, which the law also counts as public
//! holidays, are not named here; [`is_working_day`] excludes them anyway
//! because it excludes all weekends.

use chrono::{Datelike, NaiveDate, Weekday};

/// Returns the Swedish name of the holiday on `date`, or `None` for an ordinary day.
///
/// Recognised days are the Swedish public holidays (allmänna helgdagar, lag
/// 1989:253) plus the de-facto non-working eves midsommarafton, julafton and
/// nyårsafton:
///
/// | Name | Date |
/// |---|---|
/// | Nyårsdagen | 1 January |
/// | Trettondedag jul | 6 January |
/// | Långfredagen | Friday before Easter Sunday |
/// | Påskdagen | Easter Sunday |
/// | Annandag påsk | Monday after Easter Sunday |
/// | Första maj | 1 May |
/// | Kristi himmelsfärdsdag | Easter Sunday + 39 days |
/// | Pingstdagen | Easter Sunday + 49 days |
/// | Sveriges nationaldag | 6 June |
/// | Midsommarafton | Friday 19–25 June |
/// | Midsommardagen | Saturday 20–26 June |
/// | Alla helgons dag | Saturday 31 October – 6 November |
/// | Julafton | 24 December |
/// | Juldagen | 25 December |
/// | Annandag jul | 26 December |
/// | Nyårsafton | 31 December |
///
/// When two holidays fall on the same date (Kristi himmelsfärdsdag fell on
/// 1 May in 2008) the fixed-date holiday's name is returned.
///
/// ```
/// use chrono::NaiveDate;
/// use rutin::calendar::holidays::holiday_name;
///
/// let good_friday = NaiveDate::from_ymd_opt(2026, 4, 3).unwrap();
/// assert_eq!(holiday_name(good_friday), Some("Långfredagen"));
/// ```
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    let (month, day) = (date.month(), date.day());
    let fixed = match (month, day) {
        (1, 1) => Some("Nyårsdagen"),
        (1, 6) => Some("Trettondedag jul"),
        (5, 1) => Some("Första maj"),
        (6, 6) => Some("Sveriges nationaldag"),
        (12, 24) => Some("Julafton"),
        (12, 25) => Some("Juldagen"),
        (12, 26) => Some("Annandag jul"),
        (12, 31) => Some("Nyårsafton"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // Easter-based holidays fall between 20 March (Good Friday) and 13 June (Whit Sunday).
    if (3..=6).contains(&month) {
        if let Some(easter) = easter_sunday(date.year()) {
            let named = match date.signed_duration_since(easter).num_days() {
                -2 => Some("Långfredagen"),
                0 => Some("Påskdagen"),
                1 => Some("Annandag påsk"),
                39 => Some("Kristi himmelsfärdsdag"),
                49 => Some("Pingstdagen"),
                _ => None,
            };
            if named.is_some() {
                return named;
            }
        }
    }
    let weekday = date.weekday();
    match (month, day, weekday) {
        (6, 19..=25, Weekday::Fri) => Some("Midsommarafton"),
        (6, 20..=26, Weekday::Sat) => Some("Midsommardagen"),
        (10, 31, Weekday::Sat) | (11, 1..=6, Weekday::Sat) => Some("Alla helgons dag"),
        _ => None,
    }
}

/// Returns `true` if `date` is a Swedish public holiday or one of the
/// non-working eves (midsommarafton, julafton, nyårsafton); see [`holiday_name`].
///
/// Ordinary Sundays return `false` here even though the law counts them as
/// holidays; use [`is_working_day`] to ask whether staff work on a date.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

/// Returns `true` if `date` is a Swedish working day: Monday to Friday and
/// not a holiday according to [`holiday_name`].
pub fn is_working_day(date: NaiveDate) -> bool {
    is_weekday(date) && !is_public_holiday(date)
}

/// Returns Easter Sunday of `year` in the Gregorian calendar, computed with the
/// anonymous Gregorian algorithm (Meeus/Jones/Butcher).
///
/// Returns `None` only if the date lies outside the range `chrono` can represent.
///
/// ```
/// use chrono::NaiveDate;
/// use rutin::calendar::holidays::easter_sunday;
///
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // All intermediate values stay far from i64's limits for any i32 year.
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Monday to Friday.
fn is_weekday(date: NaiveDate) -> bool {
    date.weekday().num_days_from_monday() < 5
}

/// All holiday dates of `year` (as recognised by [`holiday_name`]), sorted and
/// without duplicates. Dates outside chrono's range are left out.
fn holidays_in_year(year: i32) -> Vec<NaiveDate> {
    let mut candidates: Vec<NaiveDate> = Vec::with_capacity(32);
    let fixed = [
        (1, 1),
        (1, 6),
        (5, 1),
        (6, 6),
        (12, 24),
        (12, 25),
        (12, 26),
        (12, 31),
    ];
    candidates.extend(
        fixed
            .iter()
            .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d)),
    );
    if let Some(easter) = easter_sunday(year) {
        for offset in [-2_i64, 0, 1, 39, 49] {
            let moved = if offset < 0 {
                easter.checked_sub_days(chrono::Days::new(offset.unsigned_abs()))
            } else {
                easter.checked_add_days(chrono::Days::new(offset.unsigned_abs()))
            };
            candidates.extend(moved);
        }
    }
    candidates.extend((19..=26).filter_map(|d| NaiveDate::from_ymd_opt(year, 6, d)));
    candidates.extend(NaiveDate::from_ymd_opt(year, 10, 31));
    candidates.extend((1..=6).filter_map(|d| NaiveDate::from_ymd_opt(year, 11, d)));
    // Only keep candidates that really are holidays (midsommar and alla helgons
    // dag depend on the weekday).
    candidates.retain(|&d| is_public_holiday(d));
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Number of working days in the inclusive range `first..=last` (0 if `last < first`).
///
/// Runs in time proportional to the number of years spanned, not the number of
/// days, so that very long working-day durations stay fast.
pub(crate) fn working_days_between(first: NaiveDate, last: NaiveDate) -> u64 {
    if last < first {
        return 0;
    }
    let span = last.signed_duration_since(first).num_days();
    let Some(days) = u64::try_from(span).ok().and_then(|s| s.checked_add(1)) else {
        return 0;
    };
    let start = u64::from(first.weekday().num_days_from_monday());
    let mut weekdays = days / 7 * 5;
    for i in 0..days % 7 {
        if (start + i) % 7 < 5 {
            weekdays += 1;
        }
    }
    let mut holidays_on_weekdays: u64 = 0;
    for year in first.year()..=last.year() {
        holidays_on_weekdays += holidays_in_year(year)
            .into_iter()
            .filter(|&h| h >= first && h <= last && is_weekday(h))
            .count() as u64;
    }
    weekdays.saturating_sub(holidays_on_weekdays)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad test date {y}-{m}-{d}"))
    }

    /// Every holiday of 2024–2027, checked against published Swedish calendars.
    const KNOWN: &[(i32, u32, u32, &str)] = &[
        // 2024
        (2024, 1, 1, "Nyårsdagen"),
        (2024, 1, 6, "Trettondedag jul"),
        (2024, 3, 29, "Långfredagen"),
        (2024, 3, 31, "Påskdagen"),
        (2024, 4, 1, "Annandag påsk"),
        (2024, 5, 1, "Första maj"),
        (2024, 5, 9, "Kristi himmelsfärdsdag"),
        (2024, 5, 19, "Pingstdagen"),
        (2024, 6, 6, "Sveriges nationaldag"),
        (2024, 6, 21, "Midsommarafton"),
        (2024, 6, 22, "Midsommardagen"),
        (2024, 11, 2, "Alla helgons dag"),
        (2024, 12, 24, "Julafton"),
        (2024, 12, 25, "Juldagen"),
        (2024, 12, 26, "Annandag jul"),
        (2024, 12, 31, "Nyårsafton"),
        // 2025
        (2025, 1, 1, "Nyårsdagen"),
        (2025, 1, 6, "Trettondedag jul"),
        (2025, 4, 18, "Långfredagen"),
        (2025, 4, 20, "Påskdagen"),
        (2025, 4, 21, "Annandag påsk"),
        (2025, 5, 1, "Första maj"),
        (2025, 5, 29, "Kristi himmelsfärdsdag"),
        (2025, 6, 8, "Pingstdagen"),
        (2025, 6, 6, "Sveriges nationaldag"),
        (2025, 6, 20, "Midsommarafton"),
        (2025, 6, 21, "Midsommardagen"),
        (2025, 11, 1, "Alla helgons dag"),
        (2025, 12, 24, "Julafton"),
        (2025, 12, 25, "Juldagen"),
        (2025, 12, 26, "Annandag jul"),
        (2025, 12, 31, "Nyårsafton"),
        // 2026
        (2026, 1, 1, "Nyårsdagen"),
        (2026, 1, 6, "Trettondedag jul"),
        (2026, 4, 3, "Långfredagen"),
        (2026, 4, 5, "Påskdagen"),
        (2026, 4, 6, "Annandag påsk"),
        (2026, 5, 1, "Första maj"),
        (2026, 5, 14, "Kristi himmelsfärdsdag"),
        (2026, 5, 24, "Pingstdagen"),
        (2026, 6, 6, "Sveriges nationaldag"),
        (2026, 6, 19, "Midsommarafton"),
        (2026, 6, 20, "Midsommardagen"),
        (2026, 10, 31, "Alla helgons dag"),
        (2026, 12, 24, "Julafton"),
        (2026, 12, 25, "Juldagen"),
        (2026, 12, 26, "Annandag jul"),
        (2026, 12, 31, "Nyårsafton"),
        // 2027
        (2027, 1, 1, "Nyårsdagen"),
        (2027, 1, 6, "Trettondedag jul"),
        (2027, 3, 26, "Långfredagen"),
        (2027, 3, 28, "Påskdagen"),
        (2027, 3, 29, "Annandag påsk"),
        (2027, 5, 1, "Första maj"),
        (2027, 5, 6, "Kristi himmelsfärdsdag"),
        (2027, 5, 16, "Pingstdagen"),
        (2027, 6, 6, "Sveriges nationaldag"),
        (2027, 6, 25, "Midsommarafton"),
        (2027, 6, 26, "Midsommardagen"),
        (2027, 11, 6, "Alla helgons dag"),
        (2027, 12, 24, "Julafton"),
        (2027, 12, 25, "Juldagen"),
        (2027, 12, 26, "Annandag jul"),
        (2027, 12, 31, "Nyårsafton"),
    ];

    #[test]
    fn known_holidays_2024_to_2027() {
        for &(y, m, d, name) in KNOWN {
            let day = date(y, m, d);
            assert_eq!(holiday_name(day), Some(name), "{day}");
            assert!(is_public_holiday(day), "{day}");
            assert!(!is_working_day(day), "{day}");
        }
    }

    #[test]
    fn no_other_holidays_2024_to_2027() {
        for year in 2024..=2027 {
            let listed: Vec<NaiveDate> = KNOWN
                .iter()
                .filter(|k| k.0 == year)
                .map(|&(y, m, d, _)| date(y, m, d))
                .collect();
            assert_eq!(listed.len(), 16);
            let mut day = date(year, 1, 1);
            while day.year() == year {
                assert_eq!(is_public_holiday(day), listed.contains(&day), "{day}");
                day = day.succ_opt().unwrap_or(NaiveDate::MAX);
            }
            let mut sorted = listed.clone();
            sorted.sort_unstable();
            assert_eq!(holidays_in_year(year), sorted);
        }
    }

    #[test]
    fn easter_sundays() {
        let known = [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            // Extremes and other checks.
            (1818, 3, 22),
            (1943, 4, 25),
            (2000, 4, 23),
            (2008, 3, 23),
            (2019, 4, 21),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), Some(date(y, m, d)), "{y}");
        }
        assert_eq!(easter_sunday(i32::MAX), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert!(easter_sunday(NaiveDate::MAX.year()).is_some());
        assert!(easter_sunday(NaiveDate::MIN.year()).is_some());
    }

    #[test]
    fn ascension_on_first_of_may_2008() {
        let may_day = date(2008, 5, 1);
        assert_eq!(holiday_name(may_day), Some("Första maj"));
        assert_eq!(holidays_in_year(2008).len(), 15);
    }

    #[test]
    fn weekends_and_ordinary_days() {
        // Ordinary Sunday: not a named holiday, but not a working day either.
        let sunday = date(2026, 3, 1);
        assert!(!is_public_holiday(sunday));
        assert!(!is_working_day(sunday));
        assert!(!is_working_day(date(2026, 2, 28))); // Saturday
        assert!(is_working_day(date(2026, 4, 2))); // Skärtorsdagen is a working day
        assert!(is_working_day(date(2026, 4, 7)));
        assert!(is_working_day(date(2026, 12, 23)));
        assert!(!is_working_day(date(2026, 12, 24)));
        // Trettondedag jul on a Wednesday.
        assert!(!is_working_day(date(2027, 1, 6)));
        // Midsommar-adjacent days that are not holidays.
        assert_eq!(holiday_name(date(2026, 6, 18)), None);
        assert_eq!(holiday_name(date(2026, 6, 26)), None); // a Friday, outside 19–25
        assert_eq!(holiday_name(date(2026, 11, 7)), None); // a Saturday, outside 31/10–6/11
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = holiday_name(d);
            let _ = is_working_day(d);
            let _ = holidays_in_year(d.year());
        }
        assert!(working_days_between(NaiveDate::MIN, NaiveDate::MAX) > 0);
        assert_eq!(working_days_between(NaiveDate::MAX, NaiveDate::MIN), 0);
    }

    fn brute_force_working_days(first: NaiveDate, last: NaiveDate) -> u64 {
        let mut count = 0;
        let mut day = first;
        while day <= last {
            if is_working_day(day) {
                count += 1;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        count
    }

    proptest! {
        #[test]
        fn working_days_between_matches_brute_force(
            year in 1900i32..2200,
            ordinal in 1u32..=365,
            len in 0u64..800,
        ) {
            let first = NaiveDate::from_yo_opt(year, ordinal).unwrap_or(NaiveDate::MIN);
            let last = first.checked_add_days(chrono::Days::new(len)).unwrap_or(NaiveDate::MAX);
            prop_assert_eq!(working_days_between(first, last), brute_force_working_days(first, last));
        }

        #[test]
        fn easter_is_a_sunday_in_march_or_april(year in 1583i32..10_000) {
            let easter = easter_sunday(year);
            prop_assert!(easter.is_some());
            if let Some(e) = easter {
                prop_assert_eq!(e.weekday(), Weekday::Sun);
                prop_assert!(e >= date(year, 3, 22) && e <= date(year, 4, 25));
            }
        }
    }
}
