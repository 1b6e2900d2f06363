//! Scenarios: scripted cases with expectations (docs/SCENARIOS.md), used by
//! `rutin test` and `rutin simulate --scenario`.

pub(crate) mod model;
pub(crate) mod run;
pub(crate) mod validate;

use rutin::model::{Routine, StepKind};

/// The runtime error's stable code (`wrong_role`), as scenario files name expected errors.
pub(crate) fn error_code(error: &rutin::run::RunError) -> String {
    error.code().to_owned()
}

/// Every code [`rutin::run::RunError::code`] gives: what `error:` in a
/// scenario may name. A unit test keeps the list complete.
pub(crate) const ERROR_CODES: &[&str] = &[
    "wrong_routine",
    "case_ended",
    "time_went_backwards",
    "unknown_step",
    "step_not_active",
    "no_such_task",
    "wrong_role",
    "values_not_a_map",
    "missing_field",
    "unknown_field",
    "field_not_accepted",
    "wrong_type",
    "not_in_enum",
    "rule_broken",
    "bad_personnummer",
    "unknown_event",
    "event_not_awaited",
    "no_route",
    "cycle_limit",
    "join_busy",
    "join_overrun",
    "timer_limit",
    "expr",
    "render",
    "unknown_group",
    "person_unset",
    "date_out_of_range",
    "unknown_schedule",
    "journal",
    "internal",
];

pub(crate) use rutin::diagnostic::suggest;

/// The example values of the fields no task or event records: what the case
/// knows when it starts (the rest is recorded along the way). Required
/// fields take their example even when a task records them too.
pub(crate) fn example_data(routine: &Routine) -> serde_json::Value {
    let mut recorded: Vec<&str> = Vec::new();
    for step in &routine.steps {
        if let StepKind::Task {
            collects, optional, ..
        }
        | StepKind::Event {
            collects, optional, ..
        } = &step.kind
        {
            recorded.extend(collects.iter().chain(optional).map(String::as_str));
        }
        for d in &step.deadlines {
            recorded.extend(
                d.task
                    .iter()
                    .flat_map(|t| t.collects.iter().map(String::as_str)),
            );
        }
    }
    for d in &routine.deadlines {
        recorded.extend(
            d.task
                .iter()
                .flat_map(|t| t.collects.iter().map(String::as_str)),
        );
    }
    routine
        .fields
        .iter()
        .filter(|f| f.required || !recorded.contains(&f.id.as_str()))
        .filter_map(|f| f.example.clone().map(|e| (f.id.clone(), e)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[cfg(test)]
mod tests {
    use rutin::expr::ExprError;
    use rutin::run::{RenderError, RunError, TaskId};

    use super::*;

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
                broken: Box::new(rutin::model::Broken {
                    rule: s(),
                    expected: s(),
                    phrase: rutin::diagnostic::Phrase::plain(s()),
                }),
                got: s(),
            },
            RunError::BadPersonnummer {
                field: s(),
                reason: rutin::model::personnummer::PersonnummerError::CheckDigit,
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
        use rutin::i18n::Lang;
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
}
