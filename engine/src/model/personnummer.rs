//! Swedish personal identity numbers (personnummer) and coordination
//! numbers (samordningsnummer, the day plus 60), as the field type
//! `personnummer`.
//!
//! Written with 10 digits (`YYMMDD-NNNN`, `YYMMDD+NNNN` for a person of 100
//! years or more) or 12 (`YYYYMMDD-NNNN`, separator optional); the century of
//! a 10-digit number is counted from the date the number is given on (passed
//! in, never the clock). Stored in one normal form, `YYYYMMDD-NNNN`. No error
//! quotes a digit of the number, so an explanation never shows a hidden value.

use chrono::{Datelike, NaiveDate};

/// Why a text is not a personnummer, in plain words without its digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PersonnummerError {
    /// Neither 10 nor 12 digits.
    #[error("a personnummer has 10 or 12 digits (YYMMDD-NNNN or YYYYMMDD-NNNN), this has {0}")]
    Digits(usize),
    /// Something else than digits and one separator.
    #[error("a personnummer is written with digits and one `-` or `+` only")]
    Characters,
    /// The separator is not before the last four digits.
    #[error("the `-` or `+` stands before the last four digits")]
    Separator,
    /// The month is not 01–12.
    #[error("its month does not exist (01–12)")]
    Month,
    /// The day does not exist in its month (also after taking 60 away).
    #[error("its day does not exist in its month (a samordningsnummer adds 60 to the day)")]
    Day,
    /// The last digit does not match the other nine.
    #[error("its check digit (the last) does not match the other digits")]
    CheckDigit,
    /// A 10-digit number where no date tells its century.
    #[error("write all 12 digits (YYYYMMDD-NNNN): the century of a 10-digit number depends on the day it is given")]
    NeedsCentury,
    /// Born after the day the number is given.
    #[error("its date of birth lies after {0}, the day it is given")]
    Future(NaiveDate),
    /// `+` on a 12-digit number of a person younger than 100.
    #[error("the `+` marks a person of 100 years or more on {0}, which this number's birth date does not give")]
    PlusTooYoung(NaiveDate),
}

impl PersonnummerError {
    /// Why not, as a phrase of `engine/i18n/*/details.ftl` (the English
    /// words are the `Display` text).
    pub fn phrase(&self) -> crate::diagnostic::Phrase {
        use crate::diagnostic::Phrase;
        match self {
            PersonnummerError::Digits(n) => Phrase::new("pnr-digits").with("count", *n),
            PersonnummerError::Characters => Phrase::new("pnr-characters"),
            PersonnummerError::Separator => Phrase::new("pnr-separator"),
            PersonnummerError::Month => Phrase::new("pnr-month"),
            PersonnummerError::Day => Phrase::new("pnr-day"),
            PersonnummerError::CheckDigit => Phrase::new("pnr-check-digit"),
            PersonnummerError::NeedsCentury => Phrase::new("pnr-needs-century"),
            PersonnummerError::Future(on) => Phrase::new("pnr-future").with("on", on.to_string()),
            PersonnummerError::PlusTooYoung(on) => {
                Phrase::new("pnr-plus-too-young").with("on", on.to_string())
            }
        }
    }
}

/// Parses a personnummer given on `on` (`None`: no date known, so only the
/// 12-digit form is accepted and no check against the day is made) and
/// returns its normal form `YYYYMMDD-NNNN`.
pub fn normalize(text: &str, on: Option<NaiveDate>) -> Result<String, PersonnummerError> {
    let (digits, separator) = split(text)?;
    let short = digits.len() == 10;
    let (yy, rest) = if short {
        (None, &digits[..])
    } else {
        (Some(number(&digits[..4])), &digits[2..])
    };
    let month = number(&rest[2..4]);
    let day_written = number(&rest[4..6]);
    if !(1..=12).contains(&month) {
        return Err(PersonnummerError::Month);
    }
    let day = if day_written > 60 {
        day_written - 60
    } else {
        day_written
    };
    if luhn(rest) != rest[9] {
        return Err(PersonnummerError::CheckDigit);
    }
    let year = match (yy, on) {
        (Some(year), _) => year as i32,
        (None, None) => return Err(PersonnummerError::NeedsCentury),
        (None, Some(on)) => century(
            number(&rest[..2]) as i32,
            month,
            day,
            on,
            separator == Some('+'),
        ),
    };
    let born = NaiveDate::from_ymd_opt(year, month, day).ok_or(PersonnummerError::Day)?;
    if let Some(on) = on {
        if born > on {
            return Err(PersonnummerError::Future(on));
        }
        if !short && separator == Some('+') && !hundred(born, on) {
            return Err(PersonnummerError::PlusTooYoung(on));
        }
    }
    let tail: String = rest[6..].iter().map(|d| char::from(b'0' + *d)).collect();
    Ok(format!("{year:04}{month:02}{day_written:02}-{tail}"))
}

/// The digits and the separator (`-`, `+` or none), checked for shape.
fn split(text: &str) -> Result<(Vec<u8>, Option<char>), PersonnummerError> {
    let mut digits = Vec::with_capacity(12);
    let mut separator = None;
    let mut at = 0;
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            '-' | '+' if separator.is_none() => {
                separator = Some(c);
                at = digits.len();
            }
            '-' | '+' => return Err(PersonnummerError::Separator),
            _ => return Err(PersonnummerError::Characters),
        }
    }
    if digits.len() != 10 && digits.len() != 12 {
        return Err(PersonnummerError::Digits(digits.len()));
    }
    if separator.is_some() && at + 4 != digits.len() {
        return Err(PersonnummerError::Separator);
    }
    Ok((digits, separator))
}

/// The latest year ending in `yy` whose birth date lies on or before `on`
/// (a person under 100); with `plus`, a hundred years before that.
fn century(yy: i32, month: u32, day: u32, on: NaiveDate, plus: bool) -> i32 {
    let mut year = on.year() - (on.year() - yy).rem_euclid(100);
    // 29 February compares as 1 March in a year without it.
    let born =
        NaiveDate::from_ymd_opt(year, month, day).or_else(|| NaiveDate::from_ymd_opt(year, 3, 1));
    if born.is_some_and(|b| b > on) {
        year -= 100;
    }
    if plus {
        year -= 100;
    }
    year
}

/// Whether a person born on `born` is 100 or older on `on`.
fn hundred(born: NaiveDate, on: NaiveDate) -> bool {
    born.with_year(born.year() + 100)
        .or_else(|| NaiveDate::from_ymd_opt(born.year() + 100, 3, 1))
        .is_some_and(|d| d <= on)
}

/// The Luhn check digit of the first nine of `digits` (YYMMDDNNN).
fn luhn(digits: &[u8]) -> u8 {
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, d| n * 10 + u32::from(*d))
}

#[cfg(test)]
mod tests {
    use super::{normalize, PersonnummerError as E};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn dec_1() -> NaiveDate {
        day(2026, 12, 1).unwrap_or_default()
    }

    fn on_2026(text: &str) -> Result<String, E> {
        normalize(text, day(2026, 12, 1))
    }

    #[test]
    fn every_written_form_gives_one_normal_form() {
        for text in ["811218-9876", "8112189876", "198112189876", "19811218-9876"] {
            assert_eq!(on_2026(text).as_deref(), Ok("19811218-9876"), "{text}");
        }
        assert_eq!(
            normalize("19811218-9876", None).as_deref(),
            Ok("19811218-9876")
        );
    }

    #[test]
    fn the_century_of_ten_digits_counts_from_the_day_given() {
        assert_eq!(on_2026("121212-1212").as_deref(), Ok("20121212-1212"));
        assert_eq!(on_2026("121212+1212").as_deref(), Ok("19121212-1212"));
        // born on the day given: under 100; born the day after: a century earlier
        assert_eq!(on_2026("261201-1235").as_deref(), Ok("20261201-1235"));
        assert_eq!(on_2026("261202-1234").as_deref(), Ok("19261202-1234"));
        // the same number given a century later, the day before its birthday
        assert_eq!(
            normalize("121212-1212", day(2112, 12, 11)).as_deref(),
            Ok("20121212-1212")
        );
        assert_eq!(
            normalize("121212+1212", day(2112, 12, 11)).as_deref(),
            Ok("19121212-1212")
        );
        assert_eq!(
            normalize("121212-1212", day(2112, 12, 12)).as_deref(),
            Ok("21121212-1212")
        );
    }

    #[test]
    fn plus_on_twelve_digits_must_agree_with_the_age() {
        assert_eq!(on_2026("19261201+1235").as_deref(), Ok("19261201-1235"));
        assert_eq!(on_2026("19261202+1234"), Err(E::PlusTooYoung(dec_1())));
    }

    #[test]
    fn a_samordningsnummer_adds_sixty_to_the_day() {
        assert_eq!(on_2026("701063-2391").as_deref(), Ok("19701063-2391"));
    }

    #[test]
    fn a_leap_day_needs_a_leap_year() {
        assert_eq!(on_2026("000229-1235").as_deref(), Ok("20000229-1235"));
        assert_eq!(on_2026("010229-1234"), Err(E::Day));
    }

    #[test]
    fn each_way_a_number_can_be_wrong_has_its_own_error() {
        assert_eq!(on_2026("81121898"), Err(E::Digits(8)));
        assert_eq!(on_2026("1981121898761"), Err(E::Digits(13)));
        assert_eq!(on_2026("811218 9876"), Err(E::Characters));
        assert_eq!(on_2026("8112-189876"), Err(E::Separator));
        assert_eq!(on_2026("811218-98-76"), Err(E::Separator));
        assert_eq!(on_2026("811318-9875"), Err(E::Month));
        assert_eq!(on_2026("810230-1234"), Err(E::Day));
        assert_eq!(on_2026("811218-9875"), Err(E::CheckDigit));
        assert_eq!(normalize("811218-9876", None), Err(E::NeedsCentury));
        assert_eq!(on_2026("20301212-1236"), Err(E::Future(dec_1())));
        assert_eq!(on_2026(""), Err(E::Digits(0)));
    }

    #[test]
    fn no_error_quotes_a_digit_of_the_number() {
        for text in ["811318-9875", "810230-1234", "811218-9875", "8112-189876"] {
            let message = on_2026(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(!message.contains("811"), "{message}");
            assert!(!message.contains("98"), "{message}");
        }
    }
}
