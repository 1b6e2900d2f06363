//! Scenarios through the library: one that passes, each kind of expectation
//! that fails (as data), and the same journal from the same scenario twice.

use std::path::{Path, PathBuf};

use rutin::model::Routine;
use rutin::scenario::{self, ActionFailed, Failure, Mismatch, Outcome, ScriptError, Unmet};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios")
}

fn routine() -> Routine {
    let path = fixtures().join("../valid/everything/routine.yaml");
    rutin::check_routine(&path)
        .routine
        .expect("the fixture is valid")
}

/// A scenario on the fixture routine: the head (name, routine, start, data) and `body`.
fn run(body: &str) -> Outcome {
    let text = format!(
        "scenario: S\nroutine: ../valid/everything/routine.yaml\nstart: 2026-01-31 08:00\n{body}"
    );
    let s = scenario::parse(&fixtures().join("inline.yaml"), &text).expect("a scenario");
    scenario::run(&routine(), &s, "S-1", None)
}

const DATA: &str = "data: {decision_date: 2026-01-31, area: area_b}\n";

#[test]
fn the_passing_scenario_passes_and_ends_executed() {
    let s = scenario::load(&fixtures().join("passing.yaml")).expect("a scenario");
    let routine = scenario::load_routine(&s).expect("its routine checks clean");
    let outcome = scenario::run(&routine, &s, "passing", None);
    assert!(outcome.passed(), "{:#?}", outcome.failures);
    let case = outcome.case.expect("the case started");
    assert_eq!(case.outcome(), Some("executed"));
    assert_eq!(case.id().to_string(), "passing");
}

#[test]
fn the_same_scenario_writes_the_same_journal_twice() {
    let s = scenario::load(&fixtures().join("passing.yaml")).expect("a scenario");
    let routine = routine();
    let journal = || {
        let case = scenario::run(&routine, &s, "passing", None)
            .case
            .expect("started");
        serde_json::to_string(case.journal()).expect("a journal serializes")
    };
    let first = journal();
    assert!(first.contains("message_sent"), "{first}");
    assert_eq!(first, journal());
}

#[test]
fn every_final_expectation_that_fails_is_data() {
    let outcome = run(&format!(
        "{DATA}actions:\n  - complete: receive\n    role: alarm_team\n    values: {{order_ok: false}}\n\
         expect:\n  outcome: executed\n  reached: [install]\n  not_reached: [send_back]\n  \
         open_tasks: [{{step: install}}]\n  deadlines_fired: [nudge]\n  no_messages: [order_wrong]\n  \
         messages:\n    - template: installed\n    - template: order_wrong\n      count: 2\n    \
         - template: order_wrong\n      to: [alarm_team]\n      from: alarm_team\n      \
         contains: [zzz]\n      not_contains: [\"Beställning\"]\n"
    ));
    let unmet: Vec<&Unmet> = outcome
        .failures
        .iter()
        .map(|f| match f {
            Failure::Unmet(u) => u,
            other => panic!("not a final expectation: {other:?}"),
        })
        .collect();
    assert_eq!(unmet.len(), 9, "{unmet:#?}");
    assert_eq!(
        unmet[0],
        &Unmet::Outcome {
            expected: "executed".into(),
            actual: "running".into()
        }
    );
    assert!(
        matches!(unmet[1], Unmet::NotReached { step, reached } if step == "install" && reached.contains(&"send_back".to_owned()))
    );
    assert!(matches!(unmet[2], Unmet::Reached { step } if step == "send_back"));
    assert!(matches!(unmet[3], Unmet::OpenTasks { actual, .. } if actual.is_empty()));
    assert!(
        matches!(unmet[4], Unmet::NotFired { deadline, fired } if deadline == "nudge" && fired.is_empty())
    );
    assert!(matches!(unmet[5], Unmet::MessageSent { template } if template == "order_wrong"));
    assert!(
        matches!(unmet[6], Unmet::NoMessage { template, sent } if template == "installed" && sent == &["order_wrong"])
    );
    assert!(matches!(
        unmet[7],
        Unmet::MessageCount {
            expected: 2,
            matching: 1,
            first: None,
            ..
        }
    ));
    let Unmet::MessageMismatch { problems, .. } = unmet[8] else {
        panic!("{:?}", unmet[8])
    };
    assert!(
        matches!(&problems[0], Mismatch::Recipients { label: "to", actual, .. } if actual.contains("assessor"))
    );
    assert!(matches!(&problems[1], Mismatch::From { actual: None, .. }));
    assert!(
        matches!(&problems[2], Mismatch::Lacks { wanted, text } if wanted == "zzz" && text.contains("Beställning"))
    );
    assert!(matches!(&problems[3], Mismatch::Has { unwanted } if unwanted == "Beställning"));
}

#[test]
fn every_action_that_fails_is_data() {
    let outcome = run(&format!(
        "{DATA}actions:\n  - complete: receive\n    role: alarm_team\n    values: {{order_ok: false}}\n    \
         error: wrong_role\n  - complete: receive\n    role: alarm_team\n    error: wrong_role\n  \
         - until: 2026-02-20\n    expect: {{deadlines_not_fired: [nudge]}}\n  \
         - complete: install\n    deliver: corrected\n    role: alarm_team\n  - until: 2026-03-01\n"
    ));
    let f = &outcome.failures;
    assert_eq!(f.len(), 4, "{f:#?}");
    assert!(
        matches!(&f[0], Failure::Action { number: 1, failed: ActionFailed::Succeeded { expected }, .. } if expected == "wrong_role")
    );
    assert!(
        matches!(&f[1], Failure::Action { number: 2, failed: ActionFailed::OtherError { error, role: Some(r), .. }, .. } if error.code() == "step_not_active" && r == "alarm_team")
    );
    assert!(
        matches!(&f[2], Failure::After { number: 3, action, unmet: Unmet::Fired { deadline } } if deadline == "nudge" && action == "until 2026-02-20")
    );
    // The fourth action does two things; the scenario stops there.
    assert!(matches!(
        &f[3],
        Failure::Action {
            number: 4,
            failed: ActionFailed::Script(ScriptError::TwoVerbs),
            ..
        }
    ));
    let case = outcome.case.expect("started");
    assert!(
        case.latest()
            < chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
    );
}

#[test]
fn a_refusal_nobody_expected_stops_the_scenario() {
    let outcome = run(&format!(
        "{DATA}actions:\n  - complete: install\n    role: alarm_team\n  - complete: receive\n    role: nobody_checks_this\n"
    ));
    // The second action's role is unknown: the scenario is refused before it runs.
    assert!(matches!(&outcome.failures[..], [Failure::Invalid(_)]));
    let outcome = run(&format!(
        "{DATA}actions:\n  - complete: install\n    role: alarm_team\n  - until: 2026-09-01\n\
         expect: {{deadlines_not_fired: [not_installed]}}\n"
    ));
    assert!(
        matches!(&outcome.failures[0], Failure::Action { number: 1, failed: ActionFailed::Refused { error, .. }, .. } if error.code() == "step_not_active")
    );
    // Only the final expectations follow: the `until` never ran, so the deadline did not fire.
    assert_eq!(outcome.failures.len(), 1, "{:#?}", outcome.failures);
}

#[test]
fn a_case_that_cannot_start_and_an_invalid_scenario_give_no_case() {
    let outcome = run("data: {area: area_b}\n");
    assert!(
        matches!(&outcome.failures[..], [Failure::CouldNotStart { error, .. }] if error.code() == "missing_field"),
        "{:#?}",
        outcome.failures
    );
    assert!(outcome.case.is_none());
    let outcome = run(&format!("{DATA}expect: {{reached: [chek]}}\n"));
    let [Failure::Invalid(problem)] = &outcome.failures[..] else {
        panic!("{:#?}", outcome.failures)
    };
    assert_eq!(problem.at, Some((5, 20)));
    assert!(outcome.case.is_none());
}
