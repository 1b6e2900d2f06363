//! Times and counts as the PostgreSQL store keeps them.
//!
//! Times are text `YYYY-MM-DDTHH:MM:SS[.f]` in the "C" collation: it sorts in
//! time order and keeps every digit the engine wrote (a `timestamp` column
//! would round to microseconds).

use chrono::NaiveDateTime;

use crate::store::StoreError;

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// A time as stored.
pub(crate) fn ts(at: NaiveDateTime) -> String {
    at.format(FORMAT).to_string()
}

/// A stored time read back; `place` names it in a damage report.
pub(crate) fn parse_ts(text: &str, place: &str) -> Result<NaiveDateTime, StoreError> {
    NaiveDateTime::parse_from_str(text, FORMAT).map_err(|e| StoreError::Damaged {
        place: place.to_owned(),
        reason: format!("the time `{text}` cannot be read: {e}"),
    })
}

/// An optional stored time read back.
pub(crate) fn parse_opt_ts(
    text: Option<String>,
    place: &str,
) -> Result<Option<NaiveDateTime>, StoreError> {
    text.map(|t| parse_ts(&t, place)).transpose()
}

/// A count or sequence number as stored (`bigint` is signed).
pub(crate) fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A stored count read back; negative counts are damage.
pub(crate) fn count(n: i64, place: &str) -> Result<u64, StoreError> {
    u64::try_from(n).map_err(|_| StoreError::Damaged {
        place: place.to_owned(),
        reason: format!("its number {n} is negative"),
    })
}
