//! The times a scenario writes: `YYYY-MM-DD` (08:00 that day) or
//! `YYYY-MM-DD HH:MM[:SS]` (or with `T`).

use chrono::NaiveDateTime;

/// Parses a scenario's time; `None` when the text is neither form.
pub fn parse_time(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    let formats = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ];
    formats
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(8, 0, 0))
        })
}
