//! A refusal's text in a language (`engine/i18n/<lang>/run.ftl`). The
//! English text equals the refusal's `Display`; a test below keeps them so.
//! Where an expression failed and why are worded in the language too
//! (`failure_text.rs`); other values inside it (a rule's words, a
//! personnummer's fault) are shown as the engine words them.

use super::error::{RenderError, RunError};
use super::failure_text::{expr_error_in, journaled_error_in};
use crate::i18n::{text, Arg, Lang};

type Args<'a> = Vec<(&'static str, Arg<'a>)>;

/// `; did you mean `x`?` in `lang`, or nothing.
fn hint(lang: Lang, suggestion: &Option<String>) -> String {
    suggestion.as_ref().map_or_else(String::new, |s| {
        text(lang, "run-did-you-mean", &[("suggestion", s.into())])
    })
}

fn s<'a>(value: &'a str) -> Arg<'a> {
    Arg::from(value)
}

fn shown<'a>(value: impl ToString) -> Arg<'a> {
    Arg::from(value.to_string())
}

impl RunError {
    /// The refusal in `lang` (in English, the same as its `Display`).
    pub fn message_in(&self, lang: Lang) -> String {
        let (id, args) = self.id_and_args(lang);
        text(lang, id, &args)
    }

    /// The message's id and values: one row per variant, no wildcard, so a
    /// new variant does not compile without its text.
    fn id_and_args(&self, lang: Lang) -> (&'static str, Args<'_>) {
        match self {
            RunError::WrongRoutine {
                case_routine,
                case_version,
                routine,
                version,
            } => (
                "run-wrong-routine",
                vec![
                    ("case_routine", s(case_routine)),
                    ("case_version", s(case_version)),
                    ("routine", s(routine)),
                    ("version", s(version)),
                ],
            ),
            RunError::CaseEnded { outcome } => ("run-case-ended", vec![("outcome", s(outcome))]),
            RunError::TimeWentBackwards { at, latest } => (
                "run-time-went-backwards",
                vec![("at", shown(at)), ("latest", shown(latest))],
            ),
            RunError::UnknownStep { step, suggestion } => (
                "run-unknown-step",
                vec![("step", s(step)), ("hint", hint(lang, suggestion).into())],
            ),
            RunError::StepNotActive(step) => ("run-step-not-active", vec![("step", s(step))]),
            RunError::NoSuchTask(task) => ("run-no-such-task", vec![("task", shown(task))]),
            RunError::EscalationNotOpen { deadline } => {
                ("run-escalation-not-open", vec![("deadline", s(deadline))])
            }
            RunError::WrongRole {
                task,
                step,
                expected,
                got,
            } => (
                "run-wrong-role",
                vec![
                    ("task", shown(task)),
                    ("step", s(step)),
                    ("expected", s(expected)),
                    ("got", s(got)),
                ],
            ),
            RunError::ValuesNotAMap { got } => ("run-values-not-a-map", vec![("got", s(got))]),
            RunError::MissingField { field, by } => (
                "run-missing-field",
                vec![("by", s(by)), ("field", s(field))],
            ),
            RunError::UnknownField { field, suggestion } => (
                "run-unknown-field",
                vec![("field", s(field)), ("hint", hint(lang, suggestion).into())],
            ),
            RunError::FieldNotAccepted { field, by } => (
                "run-field-not-accepted",
                vec![("by", s(by)), ("field", s(field))],
            ),
            RunError::WrongType {
                field,
                expected,
                got,
            } => (
                "run-wrong-type",
                vec![
                    ("field", s(field)),
                    ("expected", journaled_error_in(expected, lang).into()),
                    ("got", s(got)),
                ],
            ),
            RunError::NotInEnum {
                field,
                value,
                allowed,
            } => (
                "run-not-in-enum",
                vec![
                    ("value", s(value)),
                    ("field", s(field)),
                    ("allowed", allowed.join(", ").into()),
                ],
            ),
            RunError::RuleBroken { field, broken, got } => (
                "run-rule-broken",
                vec![
                    ("field", s(field)),
                    ("expected", s(&broken.expected)),
                    ("rule", s(&broken.rule)),
                    ("got", s(got)),
                ],
            ),
            RunError::BadPersonnummer { field, reason, got } => (
                "run-bad-personnummer",
                vec![
                    ("field", s(field)),
                    ("reason", shown(reason)),
                    ("got", s(got)),
                ],
            ),
            RunError::UnknownEvent { event, suggestion } => (
                "run-unknown-event",
                vec![("event", s(event)), ("hint", hint(lang, suggestion).into())],
            ),
            RunError::EventNotAwaited(event) => {
                ("run-event-not-awaited", vec![("event", s(event))])
            }
            RunError::NoRoute { step } => ("run-no-route", vec![("step", s(step))]),
            RunError::CycleLimit { limit } => ("run-cycle-limit", vec![("limit", shown(limit))]),
            RunError::JoinBusy {
                parallel,
                join,
                waiting,
                expected,
            } => (
                "run-join-busy",
                vec![
                    ("parallel", s(parallel)),
                    ("join", s(join)),
                    ("waiting", shown(waiting)),
                    ("expected", shown(expected)),
                ],
            ),
            RunError::JoinOverrun { join, expected } => (
                "run-join-overrun",
                vec![("join", s(join)), ("expected", shown(expected))],
            ),
            RunError::TimerLimit { limit } => ("run-timer-limit", vec![("limit", shown(limit))]),
            RunError::Expr { place, error } => (
                "run-expr",
                vec![
                    ("place", journaled_error_in(place, lang).into()),
                    ("error", expr_error_in(error, lang).into()),
                ],
            ),
            RunError::Render(error) => {
                ("run-render", vec![("error", error.message_in(lang).into())])
            }
            RunError::UnknownGroup { expr, value } => (
                "run-unknown-group",
                vec![("expr", s(expr)), ("value", s(value))],
            ),
            RunError::PersonUnset { template, field } => (
                "run-person-unset",
                vec![("template", s(template)), ("field", s(field))],
            ),
            RunError::DateOutOfRange { what } => (
                "run-date-out-of-range",
                vec![("what", journaled_error_in(what, lang).into())],
            ),
            RunError::UnknownSchedule(schedule) => {
                ("run-unknown-schedule", vec![("schedule", s(schedule))])
            }
            RunError::Journal { seq, message } => (
                "run-journal",
                vec![("seq", shown(seq)), ("message", s(message))],
            ),
            RunError::Internal(message) => ("run-internal", vec![("message", s(message))]),
        }
    }
}

impl RenderError {
    /// The failure in `lang` (in English, the same as its `Display`).
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            RenderError::HiddenField {
                template,
                field,
                recipient,
            } => text(
                lang,
                "run-render-hidden-field",
                &[
                    ("template", s(template)),
                    ("field", s(field)),
                    ("recipient", s(recipient)),
                ],
            ),
            RenderError::Failed { template, message } => text(
                lang,
                "run-render-failed",
                &[("template", s(template)), ("message", s(message))],
            ),
            RenderError::MissingTemplate(template) => text(
                lang,
                "run-render-missing-template",
                &[("template", s(template))],
            ),
        }
    }
}
