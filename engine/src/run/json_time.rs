//! Times in the journal's JSON, written in one piece.
//!
//! chrono serializes a `NaiveDateTime` through `collect_str`, which hands
//! serde_json its text a character or two at a time, each escaped on its
//! own. A journal entry holds one to three times, so that adds up. These
//! write the same text, `YYYY-MM-DDTHH:MM:SS`, from a buffer at once; a
//! time chrono writes differently (fractions of a second, a year outside
//! 0..=9999) is left to chrono, so the bytes are always chrono's.
//!
//! Reading, [`read_datetime`] takes that same text apart by position and
//! leaves every other text to chrono's parser, so it reads what chrono
//! reads, to the same time or the same error.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::de::{self, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// Serializes a time as chrono does (`#[serde(serialize_with)]`).
pub(crate) fn datetime<S: Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    match text(at) {
        Some(buf) => match std::str::from_utf8(&buf) {
            Ok(text) => s.serialize_str(text),
            Err(_) => at.serialize(s),
        },
        None => at.serialize(s),
    }
}

/// Serializes an optional time as chrono does (`#[serde(serialize_with)]`).
pub(crate) fn opt_datetime<S: Serializer>(
    at: &Option<NaiveDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => s.serialize_some(&Whole(at)),
        None => s.serialize_none(),
    }
}

struct Whole<'a>(&'a NaiveDateTime);

impl Serialize for Whole<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        datetime(self.0, s)
    }
}

/// Reads a time as chrono does (`NaiveDateTime::deserialize`).
pub(crate) fn read_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    d.deserialize_str(TimeVisitor)
}

struct TimeVisitor;

impl Visitor<'_> for TimeVisitor {
    type Value = NaiveDateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDateTime, E> {
        match parse(text) {
            Some(at) => Ok(at),
            None => text.parse().map_err(E::custom),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS` taken apart by position; `None` for any other
/// text, and for a day or time that does not exist (left to chrono).
fn parse(text: &str) -> Option<NaiveDateTime> {
    let b: &[u8; 19] = text.as_bytes().try_into().ok()?;
    let punctuation = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if punctuation.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?.and_hms_opt(
        number(11, 13)?,
        number(14, 16)?,
        number(17, 19)?,
    )
}

/// `YYYY-MM-DDTHH:MM:SS`, when that is all chrono would write.
fn text(at: &NaiveDateTime) -> Option<[u8; 19]> {
    let year = u32::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
    if at.nanosecond() != 0 {
        return None;
    }
    let mut buf = *b"0000-00-00T00:00:00";
    let digits = |buf: &mut [u8; 19], at: usize, width: usize, mut n: u32| {
        for i in (at..at + width).rev() {
            if let Some(b) = buf.get_mut(i) {
                *b = b'0' + (n % 10) as u8;
            }
            n /= 10;
        }
    };
    digits(&mut buf, 0, 4, year);
    digits(&mut buf, 5, 2, at.month());
    digits(&mut buf, 8, 2, at.day());
    digits(&mut buf, 11, 2, at.hour());
    digits(&mut buf, 14, 2, at.minute());
    digits(&mut buf, 17, 2, at.second());
    Some(buf)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};
    use proptest::prelude::*;

    #[derive(serde::Serialize)]
    struct Both {
        #[serde(serialize_with = "super::datetime")]
        fast: NaiveDateTime,
        chrono: NaiveDateTime,
        #[serde(serialize_with = "super::opt_datetime")]
        fast_opt: Option<NaiveDateTime>,
        chrono_opt: Option<NaiveDateTime>,
    }

    fn same(at: NaiveDateTime, opt: Option<NaiveDateTime>) -> Result<(), TestCaseError> {
        let json = serde_json::to_value(Both {
            fast: at,
            chrono: at,
            fast_opt: opt,
            chrono_opt: opt,
        })
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&json["fast"], &json["chrono"]);
        prop_assert_eq!(&json["fast_opt"], &json["chrono_opt"]);
        Ok(())
    }

    /// Reads `text` both ways: the same time, or an error in both.
    fn read_same(text: &str) -> Result<(), TestCaseError> {
        let json = serde_json::Value::String(text.to_owned());
        let fast = super::read_datetime(&json).ok();
        let chrono = text.parse::<NaiveDateTime>().ok();
        prop_assert_eq!(fast, chrono, "{}", text);
        Ok(())
    }

    #[test]
    fn reads_what_chrono_reads() {
        for text in [
            "2026-03-02T08:00:00",
            "2026-02-29T08:00:00",
            "2024-02-29T23:59:59",
            "2026-03-02T24:00:00",
            "2026-03-02T23:59:60",
            "2026-13-02T08:00:00",
            "0000-01-01T00:00:00",
            "2026-03-02 08:00:00",
            "2026-03-02t08:00:00",
            "2026-03-02T08:00:00.5",
            "+2026-03-02T08:00:00",
            "2026-3-02T08:00:00",
        ] {
            assert!(read_same(text).is_ok(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn reads_texts_as_chrono_does(
            text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?",
            other in "[-+0-9T:. ]{15,21}",
        ) {
            read_same(&text)?;
            read_same(&other)?;
        }

        #[test]
        fn the_same_text_as_chrono(
            days in -800_000i64..4_000_000,
            secs in 0u32..86_400,
            nanos in prop_oneof![Just(0u32), 0u32..2_000_000_000],
            none in any::<bool>(),
        ) {
            let base = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default();
            let day = base + chrono::Duration::days(days);
            let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos)
                .or_else(|| chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, 0))
                .unwrap_or_default();
            let at = day.and_time(time);
            same(at, (!none).then_some(at))?;
        }
    }
}
