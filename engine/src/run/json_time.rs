//! Times in the journal's JSON, written in one piece.
//!
//! chrono serializes a `NaiveDateTime` through `collect_str`, which hands
//! serde_json its text a character or two at a time, each escaped on its
//! own. A journal entry holds one to three times, so that adds up. These
//! write the same text, `YYYY-MM-DDTHH:MM:SS`, from a buffer at once; a
//! time chrono writes differently (fractions of a second, a year outside
//! 0..=9999) is left to chrono, so the bytes are always chrono's.

use chrono::{Datelike, NaiveDateTime, Timelike};
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

    proptest! {
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
