//! Small readers shared by the parts of a routine: texts, dates, durations,
//! required keys, lists without repeats.

use crate::calendar::Duration;
use crate::diagnostic::{Problem, Sink};
use crate::load::raw::Sp;
use crate::source::Span;

pub(super) fn text(value: &Option<Sp<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

/// A text for people (`title`, `local_choice`) of `place`; a blank one is
/// an error (the routine book would show an empty line).
pub(super) fn words(
    sink: &mut Sink,
    value: &Option<Sp<String>>,
    key: &str,
    place: &str,
) -> Option<String> {
    let v = value.as_ref()?;
    if v.value.trim().is_empty() {
        sink.error(
            v.span,
            Problem::BadWording {
                message: format!("`{key}` of {place} is empty"),
                fix: format!("write it in words, or remove `{key}:`"),
            },
        );
        return None;
    }
    Some(v.value.trim_end().to_owned())
}

/// The `title:` wording the `when:` condition of `place`: a title without a
/// condition is an error (it would word a condition that is not there).
pub(super) fn condition_title(
    sink: &mut Sink,
    title: &Option<Sp<String>>,
    when: &Option<Sp<String>>,
    place: &str,
) -> Option<String> {
    if let (Some(t), None) = (title, when) {
        sink.error(
            t.span,
            Problem::BadWording {
                message: format!("`title` of {place} words its condition, but it has no `when:`"),
                fix: "add the `when:` condition it words, or remove `title:`".into(),
            },
        );
        return None;
    }
    words(sink, title, "title", place)
}

pub(super) fn date(sink: &mut Sink, value: &Option<Sp<String>>) -> Option<chrono::NaiveDate> {
    let v = value.as_ref()?;
    match chrono::NaiveDate::parse_from_str(&v.value, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            sink.error(
                v.span,
                Problem::BadDate {
                    text: v.value.clone(),
                },
            );
            None
        }
    }
}

pub(super) fn duration(sink: &mut Sink, text: &Sp<String>) -> Option<Duration> {
    match Duration::parse(&text.value) {
        Ok(d) => Some(d),
        Err(e) => {
            sink.error(
                text.span,
                Problem::BadDuration {
                    message: e.to_string(),
                },
            );
            None
        }
    }
}

/// A time of day (`at: "08:00"`), reported where it is written when it is not one.
pub(super) fn time_of_day(sink: &mut Sink, text: &Sp<String>) -> Option<chrono::NaiveTime> {
    match crate::calendar::parse_time_of_day(&text.value) {
        Ok(t) => Some(t),
        Err(e) => {
            sink.error(
                text.span,
                Problem::BadTimeOfDay {
                    message: e.to_string(),
                },
            );
            None
        }
    }
}

/// The value of a key a step of kind `kind` must have; reported at `at` when missing.
pub(super) fn required<'a, T>(
    sink: &mut Sink,
    value: &'a Option<T>,
    key: &str,
    step: &Sp<String>,
    kind: &str,
    at: Span,
) -> Option<&'a T> {
    if value.is_none() {
        sink.error(
            at,
            Problem::MissingKey {
                key: key.into(),
                context: format!("the {kind} step `{}`", step.value),
            },
        );
    }
    value.as_ref()
}

/// Reports an entry listed twice in one list.
pub(super) fn no_repeats(sink: &mut Sink, list: &Option<Vec<Sp<String>>>) {
    let mut seen: Vec<&str> = Vec::new();
    for item in list.iter().flatten() {
        if seen.contains(&item.value.as_str()) {
            sink.error(
                item.span,
                Problem::DuplicateKey {
                    key: item.value.clone(),
                },
            );
        }
        seen.push(&item.value);
    }
}
