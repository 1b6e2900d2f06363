//! Times and counts as the PostgreSQL store keeps them.
//!
//! Times are text in the "C" collation ([`crate::store::time_key`]): it
//! sorts in time order whatever the year and keeps every digit the engine
//! wrote (a `timestamp` column would round to microseconds and ends at
//! year 294276).

use crate::store::StoreError;

pub(crate) use crate::store::time_key::{parse_opt_ts, parse_ts, ts};

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
