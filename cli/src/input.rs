//! What commands read from their arguments: times (default: now, on the
//! wall clock, to the minute) and values (JSON or YAML text, or `@file`).

use chrono::NaiveDateTime;

use crate::db::Failure;

/// Now, to the minute, in local time.
pub(crate) fn now() -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.date()
        .and_hms_opt(
            chrono::Timelike::hour(&now),
            chrono::Timelike::minute(&now),
            0,
        )
        .unwrap_or(now)
}

/// The time given (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`), or now.
pub(crate) fn time(at: &Option<String>) -> Result<NaiveDateTime, Failure> {
    match at {
        Some(text) => parse_time(text).map_err(Failure::usage),
        None => Ok(now()),
    }
}

/// A time as written (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`), or why not.
pub(crate) fn parse_time(text: &str) -> Result<NaiveDateTime, String> {
    rutin::scenario::parse_time(text)
        .ok_or_else(|| crate::output::text("input-not-a-time", &[("text", text.into())]))
}

/// A time as shown: `YYYY-MM-DD HH:MM`.
pub(crate) fn minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Values given on the command line: JSON or YAML text, or `@file`.
pub(crate) fn values(text: &str) -> Result<serde_json::Value, Failure> {
    let (source, body) = match text.strip_prefix('@') {
        Some(path) => (
            path.to_owned(),
            std::fs::read_to_string(path).map_err(|e| {
                Failure::usage(crate::output::text(
                    "input-cannot-read",
                    &[("path", path.into()), ("error", e.to_string().into())],
                ))
            })?,
        ),
        None => (
            crate::output::text("input-the-values", &[]),
            text.to_owned(),
        ),
    };
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    let value: serde_json::Value =
        serde_saphyr::from_str_with_options(&body, options).map_err(|e| {
            Failure::usage(crate::output::text(
                "input-not-json",
                &[
                    ("source", (&source).into()),
                    ("error", e.to_string().into()),
                ],
            ))
        })?;
    match value {
        serde_json::Value::Object(_) => Ok(value),
        serde_json::Value::Null => Ok(serde_json::json!({})),
        _ => Err(Failure::usage(crate::output::text(
            "input-not-a-mapping",
            &[("source", source.into())],
        ))),
    }
}
