//! Small readers shared by the parts of a routine: texts, dates, durations,
//! required keys, lists without repeats.

use crate::calendar::Duration;
use crate::diagnostic::{Phrase, Problem, Sink};
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
    place: &Phrase,
) -> Option<String> {
    let v = value.as_ref()?;
    if v.value.trim().is_empty() {
        sink.error(
            v.span,
            Problem::BadWording {
                message: Phrase::new("wording-empty")
                    .with("key", key)
                    .with("place", place),
                fix: Phrase::new("wording-empty-fix").with("key", key),
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
    place: &Phrase,
) -> Option<String> {
    if let (Some(t), None) = (title, when) {
        sink.error(
            t.span,
            Problem::BadWording {
                message: Phrase::within("title-without-when", place),
                fix: Phrase::new("title-without-when-fix"),
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
                    message: e.phrase(),
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
                    message: e.phrase(),
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
                context: kind_step(kind, step),
            },
        );
    }
    value.as_ref()
}

/// "the task step `a`", in words.
pub(super) fn kind_step(kind: &str, step: &Sp<String>) -> Phrase {
    Phrase::named("in-kind-step", &step.value).with("kind", kind)
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
