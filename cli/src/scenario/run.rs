//! Running a scenario: start the case, apply the actions in order, compare
//! what happened with what was expected.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rutin::calendar::Duration;
use rutin::model::Routine;
use rutin::run::{Case, Record, RunError, TaskRef};

use super::model::{parse_time, Action, Expect, Scenario};
use super::validate::validate;
use super::{error_code, example_data};
use crate::output::text;

/// What running a scenario gave.
pub(crate) struct Outcome {
    /// The case as it ended up (absent when it could not start).
    pub(crate) case: Option<Case>,
    /// Every expectation that did not hold, in words (expected against actual).
    pub(crate) failures: Vec<String>,
    /// Reports sent by schedules the scenario ran, with when they ran.
    pub(crate) reports: Vec<Report>,
}

/// A schedule's report and when the schedule ran.
pub(crate) type Report = (NaiveDateTime, rutin::run::Message);

/// The scenario's clock: where the script stands, which may be later than the
/// case's last journal entry (after `until:` or `wait:` with nothing due).
pub(crate) struct Script {
    pub(crate) now: NaiveDateTime,
    pub(crate) reports: Vec<Report>,
}

/// Why a scenario's routine could not be loaded.
pub(crate) struct RoutineError {
    /// The file does not exist or cannot be read (an I/O error, not a problem of the routine).
    pub(crate) missing: bool,
    /// What to show.
    pub(crate) message: String,
}

/// The routine file a scenario names (`routine:` is relative to the scenario file).
pub(crate) fn routine_path(scenario: &Scenario) -> PathBuf {
    let base = scenario
        .file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    base.join(&scenario.routine)
}

/// Loads a scenario's routine; the error is rendered diagnostics.
pub(crate) fn load_routine(scenario: &Scenario) -> Result<Routine, RoutineError> {
    let path = routine_path(scenario);
    if !path.is_file() {
        return Err(RoutineError {
            missing: true,
            message: text(
                "test-routine-missing",
                &[
                    ("scenario", scenario.file.display().to_string().into()),
                    ("path", path.display().to_string().into()),
                ],
            ),
        });
    }
    let checked = rutin::check_routine(&path);
    checked.routine.ok_or_else(|| {
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| rutin::diagnostic::render_in(d, false, crate::output::lang()))
            .collect();
        let missing = checked
            .diagnostics
            .iter()
            .any(|d| matches!(d.problem, rutin::diagnostic::Problem::Io { .. }));
        RoutineError {
            missing,
            message: format!(
                "{}\n{}",
                text(
                    "test-routine-errors",
                    &[("path", path.display().to_string().into())]
                ),
                errors.join("\n")
            ),
        }
    })
}

/// Initial data: the scenario's, plus (with `examples: true`) the examples of
/// the fields no task or event records, as `rutin simulate` starts a case.
pub(crate) fn initial_data(routine: &Routine, scenario: &Scenario) -> serde_json::Value {
    let mut data: serde_json::Map<String, serde_json::Value> =
        scenario.data.clone().into_iter().collect();
    if scenario.examples {
        if let serde_json::Value::Object(examples) = example_data(routine) {
            for (field, example) in examples {
                data.entry(field).or_insert(example);
            }
        }
    }
    data.into()
}

/// Runs a scenario against a loaded routine. Its refusals and failures are
/// worded for `viewer` when given (else for the role acting, if any): a value
/// the role may not see is never quoted.
pub(crate) fn run(
    routine: &Routine,
    scenario: &Scenario,
    default_id: &str,
    viewer: Option<&str>,
) -> Outcome {
    let mut failures = validate(routine, scenario);
    if !failures.is_empty() {
        return Outcome {
            case: None,
            failures,
            reports: Vec::new(),
        };
    }
    let start = match parse_time(&scenario.start) {
        Ok(t) => t,
        Err(e) => {
            return Outcome {
                case: None,
                failures: vec![text(
                    "test-start-bad",
                    &[
                        ("file", scenario.file.display().to_string().into()),
                        ("error", e.into()),
                    ],
                )],
                reports: Vec::new(),
            }
        }
    };
    let id = scenario
        .case
        .clone()
        .unwrap_or_else(|| default_id.to_owned());
    let mut case = match Case::start(routine, id, initial_data(routine, scenario), start) {
        Ok((case, _)) => case,
        Err(e) => {
            return Outcome {
                case: None,
                failures: vec![text(
                    "test-could-not-start",
                    &[("error", worded(routine, &e, viewer).into())],
                )],
                reports: Vec::new(),
            }
        }
    };
    let mut script = Script {
        now: start,
        reports: Vec::new(),
    };
    for (i, action) in scenario.actions.iter().enumerate() {
        let label = text(
            "test-action",
            &[
                ("number", (i + 1).to_string().into()),
                ("action", describe(action).into()),
            ],
        );
        let result = apply(routine, &mut case, action, &mut script);
        let role = viewer.or(action.role.as_deref());
        match (result, &action.error) {
            (Ok(()), None) => {}
            (Ok(()), Some(expected)) => failures.push(text(
                "test-expected-error-succeeded",
                &[("action", (&label).into()), ("expected", expected.into())],
            )),
            (Err(Failure::Run(e)), Some(expected)) => {
                let code = error_code(&e);
                if &code != expected {
                    failures.push(text(
                        "test-expected-other-error",
                        &[
                            ("action", (&label).into()),
                            ("expected", expected.into()),
                            ("code", code.into()),
                            ("error", worded(routine, &e, role).into()),
                        ],
                    ));
                }
            }
            (Err(Failure::Run(e)), None) => {
                failures.push(text(
                    "test-refused",
                    &[
                        ("action", (&label).into()),
                        ("code", error_code(&e).into()),
                        ("error", worded(routine, &e, role).into()),
                    ],
                ));
                break;
            }
            (Err(Failure::Script(e)), _) => {
                failures.push(text(
                    "test-script",
                    &[("action", (&label).into()), ("error", e.into())],
                ));
                break;
            }
        }
        if let Some(expect) = &action.expect {
            for f in check(&case, &script.reports, expect) {
                failures.push(text(
                    "test-after",
                    &[("action", (&label).into()), ("failure", f.into())],
                ));
            }
        }
    }
    failures.extend(check(&case, &script.reports, &scenario.expect));
    // A deadline or wait that could not be carried out is never what a
    // scenario means: the routine lost part of what it was to do.
    let journaled = match viewer {
        Some(v) => case.view_for(routine, v).failures,
        None => case.failures(),
    };
    for f in journaled {
        failures.push(text(
            "test-journaled-failure",
            &[
                ("what", f.what.into()),
                ("at", f.at.format("%Y-%m-%d %H:%M").to_string().into()),
                ("lost", f.lost.into()),
                ("error", f.error.into()),
            ],
        ));
    }
    Outcome {
        case: Some(case),
        failures,
        reports: script.reports,
    }
}

/// A refusal as `role` may read it (plain without a role).
fn worded(routine: &Routine, error: &RunError, role: Option<&str>) -> String {
    crate::timeline::refusal(routine, error, role)
}

fn describe(action: &Action) -> String {
    if let Some(step) = &action.complete {
        format!("complete {step}")
    } else if let Some(event) = &action.deliver {
        format!("deliver {event}")
    } else if let Some(wait) = &action.wait {
        format!("wait {wait}")
    } else if let Some(until) = &action.until {
        format!("until {until}")
    } else if let Some(schedule) = &action.schedule {
        format!("schedule {schedule}")
    } else if let Some(at) = &action.at {
        format!("at {at}")
    } else {
        "empty".into()
    }
}

/// Why an action did not apply.
pub(crate) enum Failure {
    /// The engine refused it.
    Run(RunError),
    /// The scenario itself is wrong (bad date, two verbs in one action...).
    Script(String),
}

impl From<RunError> for Failure {
    fn from(e: RunError) -> Self {
        Failure::Run(e)
    }
}

/// The time an action happens at: its `at`, or where the script's clock stands.
fn time_of(case: &Case, action: &Action, now: NaiveDateTime) -> Result<NaiveDateTime, Failure> {
    match &action.at {
        Some(at) => parse_time(at).map_err(Failure::Script),
        None => Ok(now.max(case.latest())),
    }
}

/// Applies one action to the case.
pub(crate) fn apply(
    routine: &Routine,
    case: &mut Case,
    action: &Action,
    script: &mut Script,
) -> Result<(), Failure> {
    let verbs = [
        action.complete.is_some(),
        action.deliver.is_some(),
        action.wait.is_some(),
        action.until.is_some(),
        action.schedule.is_some(),
    ]
    .iter()
    .filter(|v| **v)
    .count();
    if verbs > 1 {
        return Err(Failure::Script(
            "an action does one thing: `complete`, `deliver`, `wait`, `until` or `schedule`".into(),
        ));
    }
    let at = time_of(case, action, script.now)?;
    if at < script.now {
        return Err(Failure::Run(RunError::TimeWentBackwards {
            at,
            latest: script.now,
        }));
    }
    if at > case.latest() {
        case.advance(routine, at)?;
    }
    script.now = at;
    let values: serde_json::Value = action
        .values
        .clone()
        .into_iter()
        .collect::<serde_json::Map<_, _>>()
        .into();
    if let Some(target) = &action.complete {
        let role = action
            .role
            .as_deref()
            .ok_or_else(|| Failure::Script("`complete` needs `role`".into()))?;
        let actor = action.by.clone().unwrap_or_else(|| role.to_owned());
        let task = task_ref(case, target);
        case.complete_task(routine, task, &actor, role, values, at)?;
    } else if let Some(event) = &action.deliver {
        case.deliver(routine, event, values, at)?;
    } else if let Some(wait) = &action.wait {
        let duration = Duration::parse(wait).map_err(|e| Failure::Script(e.to_string()))?;
        let to = duration
            .after_datetime(at)
            .ok_or_else(|| Failure::Script(format!("`{wait}` goes past the calendar")))?;
        case.advance(routine, to)?;
        script.now = to;
    } else if let Some(until) = &action.until {
        let to = parse_time(until).map_err(Failure::Script)?;
        case.advance(routine, to)?;
        script.now = to;
    } else if let Some(schedule) = &action.schedule {
        let run = rutin::run::run_schedule(routine, schedule, &[&*case], at)?;
        script.reports.extend(run.message.map(|m| (at, m)));
    }
    Ok(())
}

/// `complete: x` names the deadline that opened an escalation task, or a task step.
fn task_ref(case: &Case, target: &str) -> TaskRef {
    case.open_tasks()
        .iter()
        .find(|t| t.deadline.as_deref() == Some(target))
        .map_or_else(|| TaskRef::Step(target.to_owned()), |t| TaskRef::Id(t.id))
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() {
        text("test-nothing", &[])
    } else {
        items.join(", ")
    }
}

/// Compares the case with the expectations; each failure says expected and actual.
pub(crate) fn check(case: &Case, reports: &[Report], expect: &Expect) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(outcome) = &expect.outcome {
        let actual = case.outcome().unwrap_or("running");
        if actual != outcome {
            failures.push(text(
                "test-outcome",
                &[("expected", outcome.into()), ("actual", actual.into())],
            ));
        }
    }
    let reached: BTreeSet<&str> = case.reached().iter().map(|s| s.as_str()).collect();
    for step in &expect.reached {
        if !reached.contains(step.as_str()) {
            failures.push(text(
                "test-expected-reached",
                &[
                    ("step", step.into()),
                    (
                        "reached",
                        list(case.reached().iter().map(|s| s.to_string())).into(),
                    ),
                ],
            ));
        }
    }
    for step in &expect.not_reached {
        if reached.contains(step.as_str()) {
            failures.push(text("test-expected-not-reached", &[("step", step.into())]));
        }
    }
    if let Some(expected) = &expect.open_tasks {
        let actual: Vec<(String, String)> = case
            .open_tasks()
            .iter()
            .map(|t| {
                (
                    t.deadline
                        .as_deref()
                        .or(t.step.as_deref())
                        .unwrap_or_default()
                        .to_string(),
                    t.role.to_string(),
                )
            })
            .collect();
        let matches = expected.len() == actual.len()
            && expected.iter().all(|e| {
                actual
                    .iter()
                    .any(|(s, r)| s == &e.step && e.role.as_ref().is_none_or(|er| er == r))
            });
        if !matches {
            let expected = list(expected.iter().map(|e| match &e.role {
                Some(r) => format!("{} ({r})", e.step),
                None => e.step.clone(),
            }));
            let actual = list(actual.iter().map(|(s, r)| format!("{s} ({r})")));
            failures.push(text(
                "test-open-tasks",
                &[("expected", expected.into()), ("actual", actual.into())],
            ));
        }
    }
    let fired: Vec<&str> = case
        .journal()
        .iter()
        .filter_map(|e| match &e.record {
            Record::DeadlineFired { deadline, .. } => Some(deadline.as_str()),
            _ => None,
        })
        .collect();
    for d in &expect.deadlines_fired {
        if !fired.contains(&d.as_str()) {
            let shown = list(fired.iter().map(|s| (*s).to_owned()));
            failures.push(text(
                "test-expected-fired",
                &[("deadline", d.into()), ("fired", shown.into())],
            ));
        }
    }
    for d in &expect.deadlines_not_fired {
        if fired.contains(&d.as_str()) {
            failures.push(text("test-expected-not-fired", &[("deadline", d.into())]));
        }
    }
    let messages: Vec<&rutin::run::Message> = case
        .journal()
        .iter()
        .filter_map(|e| match &e.record {
            Record::MessageSent(m) => Some(&**m),
            _ => None,
        })
        .chain(reports.iter().map(|(_, m)| m))
        .collect();
    for t in &expect.no_messages {
        if messages.iter().any(|m| &m.template == t) {
            failures.push(text("test-expected-no-message", &[("template", t.into())]));
        }
    }
    for expected in &expect.messages {
        let ids = |list: &[rutin::run::Addressee]| -> BTreeSet<String> {
            list.iter().map(|a| a.id.clone()).collect()
        };
        let candidates: Vec<&&rutin::run::Message> = messages
            .iter()
            .filter(|m| m.template == expected.template)
            .collect();
        if candidates.is_empty() {
            let sent = list(messages.iter().map(|m| m.template.clone()));
            failures.push(text(
                "test-expected-message",
                &[
                    ("template", (&expected.template).into()),
                    ("sent", sent.into()),
                ],
            ));
            continue;
        }
        let mut problems = Vec::new();
        let matching = candidates
            .iter()
            .filter(|m| {
                let body = format!("{}\n{}", m.subject.clone().unwrap_or_default(), m.body);
                let mut ok = true;
                for (label, expected, actual) in
                    [("to", &expected.to, &m.to), ("cc", &expected.cc, &m.cc)]
                {
                    let Some(expected) = expected else { continue };
                    let want: BTreeSet<String> = expected.iter().cloned().collect();
                    if ids(actual) != want {
                        problems.push(text(
                            "test-recipients",
                            &[
                                ("label", label.into()),
                                ("expected", list(want).into()),
                                ("actual", list(ids(actual)).into()),
                            ],
                        ));
                        ok = false;
                    }
                }
                if let Some(from) = &expected.from {
                    let sent = m
                        .from
                        .as_ref()
                        .map_or_else(|| text("test-nobody", &[]), |f| f.id.clone());
                    if m.from.as_ref().map_or("nobody", |f| f.id.as_str()) != from {
                        problems.push(text(
                            "test-from",
                            &[("expected", from.into()), ("actual", sent.into())],
                        ));
                        ok = false;
                    }
                }
                for c in &expected.contains {
                    if !body.contains(c.as_str()) {
                        let wanted = format!("{c:?}");
                        let lacks = text("test-text-lacks", &[("wanted", wanted.into())]);
                        problems.push(format!("{lacks}\n{body}"));
                        ok = false;
                    }
                }
                for c in &expected.not_contains {
                    if body.contains(c.as_str()) {
                        let unwanted = format!("{c:?}");
                        problems.push(text("test-text-has", &[("unwanted", unwanted.into())]));
                        ok = false;
                    }
                }
                ok
            })
            .count();
        match expected.count {
            Some(n) if n != matching => failures.push(text(
                "test-message-count",
                &[
                    ("template", (&expected.template).into()),
                    ("expected", n.to_string().into()),
                    ("matching", matching.to_string().into()),
                    (
                        "problem",
                        problems
                            .first()
                            .map(|p| format!(" ({p})"))
                            .unwrap_or_default()
                            .into(),
                    ),
                ],
            )),
            None if matching == 0 => failures.push(text(
                "test-message-mismatch",
                &[
                    ("template", (&expected.template).into()),
                    ("problems", problems.join("; ").into()),
                ],
            )),
            _ => {}
        }
    }
    failures
}
