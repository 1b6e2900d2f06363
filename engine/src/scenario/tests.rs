//! The error codes a scenario may name, and their refusals' words.

use crate::diagnostic::suggest;
use crate::expr::ExprError;
use crate::run::{RenderError, RunError, TaskId};

use super::ERROR_CODES;

/// One value of every variant. The match below has no wildcard, so a new
/// variant does not compile until it is added here (and its code to
/// [`ERROR_CODES`]).
fn every_variant() -> Vec<RunError> {
    let s = || String::from("x");
    let t = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default();
    let all = vec![
        RunError::WrongRoutine {
            case_routine: s(),
            case_version: s(),
            routine: s(),
            version: s(),
        },
        RunError::CaseEnded { outcome: s() },
        RunError::TimeWentBackwards { at: t, latest: t },
        RunError::UnknownStep {
            step: s(),
            suggestion: None,
        },
        RunError::StepNotActive(s()),
        RunError::NoSuchTask(TaskId(1)),
        RunError::WrongRole {
            task: TaskId(1),
            step: s(),
            expected: s(),
            got: s(),
        },
        RunError::ValuesNotAMap { got: s() },
        RunError::MissingField {
            field: s(),
            by: s(),
        },
        RunError::UnknownField {
            field: s(),
            suggestion: None,
        },
        RunError::EscalationNotOpen { deadline: s() },
        RunError::FieldNotAccepted {
            field: s(),
            by: s(),
        },
        RunError::WrongType {
            field: s(),
            expected: s(),
            got: s(),
        },
        RunError::NotInEnum {
            field: s(),
            value: s(),
            allowed: vec![],
        },
        RunError::RuleBroken {
            field: s(),
            broken: Box::new(crate::model::Broken {
                rule: s(),
                expected: s(),
                phrase: crate::diagnostic::Phrase::plain(s()),
            }),
            got: s(),
        },
        RunError::BadPersonnummer {
            field: s(),
            reason: crate::model::personnummer::PersonnummerError::CheckDigit,
            got: s(),
        },
        RunError::UnknownEvent {
            event: s(),
            suggestion: None,
        },
        RunError::EventNotAwaited(s()),
        RunError::NoRoute { step: s() },
        RunError::CycleLimit { limit: 1 },
        RunError::JoinBusy {
            parallel: s(),
            join: s(),
            waiting: 1,
            expected: 2,
        },
        RunError::JoinOverrun {
            join: s(),
            expected: 2,
        },
        RunError::TimerLimit { limit: 1 },
        RunError::Expr {
            place: s(),
            error: ExprError::Undefined { expr: s() },
        },
        RunError::Render(RenderError::MissingTemplate(s())),
        RunError::UnknownGroup {
            expr: s(),
            value: s(),
        },
        RunError::PersonUnset {
            template: s(),
            field: s(),
        },
        RunError::DateOutOfRange { what: s() },
        RunError::UnknownSchedule(s()),
        RunError::Journal {
            seq: 1,
            message: s(),
        },
        RunError::Internal(s()),
    ];
    for e in &all {
        match e {
            RunError::WrongRoutine { .. }
            | RunError::CaseEnded { .. }
            | RunError::TimeWentBackwards { .. }
            | RunError::UnknownStep { .. }
            | RunError::StepNotActive(..)
            | RunError::NoSuchTask(..)
            | RunError::EscalationNotOpen { .. }
            | RunError::WrongRole { .. }
            | RunError::ValuesNotAMap { .. }
            | RunError::MissingField { .. }
            | RunError::UnknownField { .. }
            | RunError::FieldNotAccepted { .. }
            | RunError::WrongType { .. }
            | RunError::NotInEnum { .. }
            | RunError::RuleBroken { .. }
            | RunError::BadPersonnummer { .. }
            | RunError::UnknownEvent { .. }
            | RunError::EventNotAwaited(..)
            | RunError::NoRoute { .. }
            | RunError::CycleLimit { .. }
            | RunError::JoinBusy { .. }
            | RunError::JoinOverrun { .. }
            | RunError::TimerLimit { .. }
            | RunError::Expr { .. }
            | RunError::Render(..)
            | RunError::UnknownGroup { .. }
            | RunError::PersonUnset { .. }
            | RunError::DateOutOfRange { .. }
            | RunError::UnknownSchedule(..)
            | RunError::Journal { .. }
            | RunError::Internal(..) => {}
        }
    }
    all
}

#[test]
fn every_error_code_is_listed() {
    let all = every_variant();
    let codes: std::collections::BTreeSet<&str> = all.iter().map(RunError::code).collect();
    // A task number or a deadline's name: both are `no_such_task`.
    assert_eq!(codes.len() + 1, all.len(), "two variants share a code");
    for code in &codes {
        assert!(ERROR_CODES.contains(code), "`{code}` is not in ERROR_CODES");
    }
    assert_eq!(
        codes.len(),
        ERROR_CODES.len(),
        "ERROR_CODES lists a stale code"
    );
}

/// The catalogue's English refusal is the refusal's `Display`, byte for
/// byte, and Swedish is another text (every variant, with and without a
/// suggestion).
#[test]
fn every_refusal_has_its_text_in_both_languages() {
    use crate::i18n::Lang;
    let mut all = every_variant();
    all.push(RunError::UnknownStep {
        step: "chek".into(),
        suggestion: Some("check".into()),
    });
    all.push(RunError::Render(RenderError::HiddenField {
        template: "t".into(),
        field: "f".into(),
        recipient: "r".into(),
    }));
    all.push(RunError::Render(RenderError::Failed {
        template: "t".into(),
        message: "m".into(),
    }));
    for e in &all {
        assert_eq!(e.message_in(Lang::En), e.to_string(), "{e:?}");
        if !matches!(e, RunError::Expr { .. }) {
            // `place: error`: the words are the expression error's own.
            assert_ne!(e.message_in(Lang::Sv), e.to_string(), "{e:?}");
        }
    }
}

#[test]
fn suggestions_catch_typos_only() {
    assert_eq!(
        suggest("wrong_rol", ERROR_CODES.iter().copied()).as_deref(),
        Some("wrong_role")
    );
    assert_eq!(suggest("zzzz", ERROR_CODES.iter().copied()), None);
}
