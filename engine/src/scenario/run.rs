//! Running a scenario on the virtual clock: start the case, apply the actions
//! in order, compare what happened with what was expected. Nothing is
//! printed; every failure comes back as data in the [`Outcome`].

use chrono::NaiveDateTime;

use super::data::initial_data;
use super::expect::check;
use super::format::{Action, Scenario};
use super::outcome::{ActionFailed, Failure, Outcome, Report, ScriptError};
use super::problem::{Place, Problem, ProblemKind};
use super::time::parse_time;
use super::validate::validate;
use crate::calendar::Duration;
use crate::model::Routine;
use crate::run::{Case, RunError, TaskRef};

/// The scenario's clock: where the script stands, which may be later than the
/// case's last journal entry (after `until:` or `wait:` with nothing due).
struct Script {
    now: NaiveDateTime,
    reports: Vec<Report>,
}

/// Why an action did not apply.
enum Halt {
    /// The engine refused it.
    Run(RunError),
    /// The scenario itself is wrong.
    Script(ScriptError),
}

impl From<RunError> for Halt {
    fn from(e: RunError) -> Self {
        Halt::Run(e)
    }
}

fn failed(failures: Vec<Failure>) -> Outcome {
    Outcome {
        case: None,
        failures,
        reports: Vec::new(),
    }
}

/// Runs a scenario against its routine: checks it first
/// ([`validate`](super::validate)), then starts the case (id: the scenario's
/// `case:`, else `default_id`) and applies the actions. `viewer` is the role
/// refusals and journaled failures are shown for (`None`: as they are).
/// Same routine and scenario, same journal, byte for byte.
pub fn run(
    routine: &Routine,
    scenario: &Scenario,
    default_id: &str,
    viewer: Option<&str>,
) -> Outcome {
    let problems = validate(routine, scenario);
    if !problems.is_empty() {
        return failed(problems.into_iter().map(Failure::Invalid).collect());
    }
    let Some(start) = parse_time(&scenario.start) else {
        // `validate` finds a bad start first; this is never reached.
        let kind = ProblemKind::BadTime {
            place: Place {
                action: None,
                key: "start".into(),
            },
            text: scenario.start.clone(),
        };
        let file = scenario.file.clone();
        return failed(vec![Failure::Invalid(Problem {
            file,
            at: None,
            kind,
        })]);
    };
    let id = scenario
        .case
        .clone()
        .unwrap_or_else(|| default_id.to_owned());
    let mut case = match Case::start(routine, id, initial_data(routine, scenario), start) {
        Ok((case, _)) => case,
        Err(error) => {
            let role = viewer.map(str::to_owned);
            return failed(vec![Failure::CouldNotStart { error, role }]);
        }
    };
    let mut script = Script {
        now: start,
        reports: Vec::new(),
    };
    let mut failures = Vec::new();
    for (i, action) in scenario.actions.iter().enumerate() {
        let (number, describe) = (i + 1, action.describe());
        let result = apply(routine, &mut case, action, &mut script);
        let role = viewer.or(action.role.as_deref()).map(str::to_owned);
        let (outcome, stop) = judge(result, action.error.as_ref(), role);
        if let Some(failed) = outcome {
            failures.push(Failure::Action {
                number,
                action: describe.clone(),
                failed,
            });
        }
        if stop {
            break;
        }
        if let Some(expect) = &action.expect {
            failures.extend(
                check(&case, &script.reports, expect)
                    .into_iter()
                    .map(|unmet| Failure::After {
                        number,
                        action: describe.clone(),
                        unmet,
                    }),
            );
        }
    }
    let unmet = check(&case, &script.reports, &scenario.expect);
    failures.extend(unmet.into_iter().map(Failure::Unmet));
    // A deadline or wait that could not be carried out is never what a
    // scenario means: the routine lost part of what it was to do.
    let journaled = match viewer {
        Some(v) => case.view_for(routine, v).failures,
        None => case.failures(),
    };
    failures.extend(journaled.into_iter().map(Failure::Journaled));
    Outcome {
        case: Some(case),
        failures,
        reports: script.reports,
    }
}

/// An action's result against its `error:`; and whether the scenario stops.
fn judge(
    result: Result<(), Halt>,
    expected: Option<&String>,
    role: Option<String>,
) -> (Option<ActionFailed>, bool) {
    match (result, expected) {
        (Ok(()), None) => (None, false),
        (Ok(()), Some(expected)) => {
            let expected = expected.clone();
            (Some(ActionFailed::Succeeded { expected }), false)
        }
        (Err(Halt::Run(error)), Some(expected)) if error.code() == expected => (None, false),
        (Err(Halt::Run(error)), Some(expected)) => {
            let expected = expected.clone();
            let failed = ActionFailed::OtherError {
                expected,
                error,
                role,
            };
            (Some(failed), false)
        }
        (Err(Halt::Run(error)), None) => (Some(ActionFailed::Refused { error, role }), true),
        (Err(Halt::Script(e)), _) => (Some(ActionFailed::Script(e)), true),
    }
}

/// The time an action happens at: its `at`, or where the script's clock stands.
fn time_of(case: &Case, action: &Action, now: NaiveDateTime) -> Result<NaiveDateTime, Halt> {
    match &action.at {
        Some(at) => parse_time(at).ok_or_else(|| Halt::Script(ScriptError::BadTime(at.clone()))),
        None => Ok(now.max(case.latest())),
    }
}

/// Applies one action to the case.
fn apply(
    routine: &Routine,
    case: &mut Case,
    action: &Action,
    script: &mut Script,
) -> Result<(), Halt> {
    let verbs = [
        action.complete.is_some(),
        action.deliver.is_some(),
        action.wait.is_some(),
        action.until.is_some(),
        action.schedule.is_some(),
    ];
    if verbs.iter().filter(|v| **v).count() > 1 {
        return Err(Halt::Script(ScriptError::TwoVerbs));
    }
    let at = time_of(case, action, script.now)?;
    if at < script.now {
        let latest = script.now;
        return Err(Halt::Run(RunError::TimeWentBackwards { at, latest }));
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
            .ok_or(Halt::Script(ScriptError::NoRole))?;
        let actor = action.by.clone().unwrap_or_else(|| role.to_owned());
        let task = task_ref(case, target);
        case.complete_task(routine, task, &actor, role, values, at)?;
    } else if let Some(event) = &action.deliver {
        case.deliver(routine, event, values, at)?;
    } else if let Some(wait) = &action.wait {
        let duration = Duration::parse(wait)
            .map_err(|e| Halt::Script(ScriptError::BadDuration(e.to_string())))?;
        let to = duration
            .after_datetime(at)
            .ok_or_else(|| Halt::Script(ScriptError::PastCalendar(wait.clone())))?;
        case.advance(routine, to)?;
        script.now = to;
    } else if let Some(until) = &action.until {
        let to =
            parse_time(until).ok_or_else(|| Halt::Script(ScriptError::BadTime(until.clone())))?;
        case.advance(routine, to)?;
        script.now = to;
    } else if let Some(schedule) = &action.schedule {
        let run = crate::run::run_schedule(routine, schedule, &[&*case], at)?;
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
