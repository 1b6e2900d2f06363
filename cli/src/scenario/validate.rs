//! Checking a scenario against its routine before it runs: every id an
//! expectation names must exist, or the expectation would pass (`not_reached`,
//! `no_messages`, `deadlines_not_fired`) or fail for a reason nobody meant.
//! Each unknown id is a failure with "did you mean", and so is a date or
//! duration that does not parse.

use std::collections::BTreeSet;

use rutin::calendar::Duration;
use rutin::model::{RecipientTarget, Routine};

use super::model::{find_key, parse_time, Expect, Scenario};
use super::{suggest, ERROR_CODES};

/// What the routine has that a scenario may name.
struct Known<'a> {
    steps: BTreeSet<&'a str>,
    deadlines: BTreeSet<&'a str>,
    templates: BTreeSet<&'a str>,
    roles: BTreeSet<&'a str>,
    recipients: BTreeSet<&'a str>,
}

impl<'a> Known<'a> {
    fn of(routine: &'a Routine) -> Self {
        let deadlines = routine
            .steps
            .iter()
            .flat_map(|s| s.deadlines.iter())
            .chain(routine.deadlines.iter())
            .map(|d| d.id.as_str())
            .collect();
        let roles: BTreeSet<&str> = routine.roles.keys().map(String::as_str).collect();
        // A person is named by the field their address comes from.
        let persons = routine
            .messages()
            .flat_map(|m| m.recipients())
            .filter_map(|r| match &r.target {
                RecipientTarget::Person(p) => Some(p.address.as_str()),
                _ => None,
            });
        let recipients = roles
            .iter()
            .copied()
            .chain(routine.groups.keys().map(String::as_str))
            .chain(persons)
            .collect();
        Known {
            steps: routine.steps.iter().map(|s| s.id.as_str()).collect(),
            deadlines,
            templates: routine.templates.keys().map(String::as_str).collect(),
            roles,
            recipients,
        }
    }
}

/// `x` is not a <what>; did you mean …; (known: …) when the list is short.
fn unknown<'a>(
    place: &str,
    what: &str,
    name: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let mut message = format!("{place}: `{name}` is not {what}");
    match suggest(name, known.clone()) {
        Some(s) => message.push_str(&format!("; did you mean `{s}`?")),
        None => {
            let all: Vec<&str> = known.into_iter().collect();
            if !all.is_empty() && all.len() <= 12 {
                message.push_str(&format!(" (known: {})", all.join(", ")));
            }
        }
    }
    message
}

/// Every problem with the scenario's ids, dates and durations, in file order.
pub(crate) fn validate(routine: &Routine, scenario: &Scenario) -> Vec<String> {
    let known = Known::of(routine);
    let mut problems = Vec::new();
    let file = scenario.file.display().to_string();
    let located = |key: &str, n: usize| -> String {
        match find_key(&scenario.text, key, n) {
            Some((line, col)) => format!("{file}:{line}:{col}"),
            None => file.clone(),
        }
    };
    if let Err(e) = parse_time(&scenario.start) {
        problems.push(format!("{}: start: {e}", located("start", 0)));
    }
    let (mut ats, mut untils, mut waits) = (0, 0, 0);
    for (i, action) in scenario.actions.iter().enumerate() {
        let place = format!("action {}", i + 1);
        if let Some(at) = &action.at {
            if let Err(e) = parse_time(at) {
                problems.push(format!("{}: {place}: at: {e}", located("at", ats)));
            }
            ats += 1;
        }
        if let Some(until) = &action.until {
            if let Err(e) = parse_time(until) {
                problems.push(format!("{}: {place}: until: {e}", located("until", untils)));
            }
            untils += 1;
        }
        if let Some(wait) = &action.wait {
            if let Err(e) = Duration::parse(wait) {
                problems.push(format!("{}: {place}: wait: {e}", located("wait", waits)));
            }
            waits += 1;
        }
        if let Some(role) = &action.role {
            if !known.roles.contains(role.as_str()) {
                problems.push(unknown(
                    &format!("{place}: role"),
                    "a role of the routine",
                    role,
                    known.roles.iter().copied(),
                ));
            }
        }
        if let Some(code) = &action.error {
            if !ERROR_CODES.contains(&code.as_str()) {
                problems.push(unknown(
                    &format!("{place}: error"),
                    "an error code (see docs/SCENARIOS.md)",
                    code,
                    ERROR_CODES.iter().copied(),
                ));
            }
        }
        if let Some(expect) = &action.expect {
            check_expect(&known, &format!("{place}: expect"), expect, &mut problems);
        }
    }
    check_expect(&known, "expect", &scenario.expect, &mut problems);
    problems
}

fn check_expect(known: &Known<'_>, place: &str, expect: &Expect, problems: &mut Vec<String>) {
    let steps = || known.steps.iter().copied();
    let steps_and_deadlines = || known.steps.iter().chain(known.deadlines.iter()).copied();
    for (key, list) in [
        ("reached", &expect.reached),
        ("not_reached", &expect.not_reached),
    ] {
        for step in list {
            if !known.steps.contains(step.as_str()) {
                problems.push(unknown(
                    &format!("{place}.{key}"),
                    "a step of the routine",
                    step,
                    steps(),
                ));
            }
        }
    }
    for task in expect.open_tasks.iter().flatten() {
        if !known.steps.contains(task.step.as_str())
            && !known.deadlines.contains(task.step.as_str())
        {
            problems.push(unknown(
                &format!("{place}.open_tasks"),
                "a step or a deadline of the routine",
                &task.step,
                steps_and_deadlines(),
            ));
        }
        if let Some(role) = &task.role {
            if !known.roles.contains(role.as_str()) {
                problems.push(unknown(
                    &format!("{place}.open_tasks (role)"),
                    "a role of the routine",
                    role,
                    known.roles.iter().copied(),
                ));
            }
        }
    }
    for (key, list) in [
        ("deadlines_fired", &expect.deadlines_fired),
        ("deadlines_not_fired", &expect.deadlines_not_fired),
    ] {
        for d in list {
            if !known.deadlines.contains(d.as_str()) {
                problems.push(unknown(
                    &format!("{place}.{key}"),
                    "a deadline of the routine",
                    d,
                    known.deadlines.iter().copied(),
                ));
            }
        }
    }
    let template = |key: &str, t: &str, problems: &mut Vec<String>| {
        if !known.templates.contains(t) {
            problems.push(unknown(
                &format!("{place}.{key}"),
                "a template the routine uses",
                t,
                known.templates.iter().copied(),
            ));
        }
    };
    for m in &expect.messages {
        template("messages", &m.template, problems);
        for (key, list) in [("to", &m.to), ("cc", &m.cc)] {
            for r in list.iter().flatten() {
                if !known.recipients.contains(r.as_str()) {
                    problems.push(unknown(
                        &format!("{place}.messages ({}, {key})", m.template),
                        "a role, group or person of the routine",
                        r,
                        known.recipients.iter().copied(),
                    ));
                }
            }
        }
    }
    for t in &expect.no_messages {
        template("no_messages", t, problems);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn routine() -> Routine {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../engine/tests/fixtures/valid/everything/routine.yaml");
        rutin::check_routine(&path)
            .routine
            .expect("the fixture is valid")
    }

    fn problems(yaml: &str) -> Vec<String> {
        let scenario = super::super::model::parse(Path::new("s.yaml"), yaml).expect("parses");
        validate(&routine(), &scenario)
    }

    #[test]
    fn a_scenario_naming_what_exists_is_valid() {
        let yaml = "scenario: S\nroutine: r.yaml\nstart: 2026-01-31\n\
                    actions:\n  - complete: receive\n    role: alarm_team\n    error: wrong_role\n\
                    expect:\n  reached: [check]\n  not_reached: [cancelled]\n  \
                    open_tasks: [{step: nudge, role: alarm_team}, {step: install}]\n  \
                    deadlines_fired: [nudge]\n  deadlines_not_fired: [not_installed, give_up]\n  \
                    messages: [{template: installed, to: [night_mail, area_b, alarm_team]}]\n  \
                    no_messages: [report]\n";
        assert_eq!(problems(yaml), Vec::<String>::new());
    }

    #[test]
    fn every_unknown_id_is_a_failure_with_a_suggestion() {
        let yaml = "scenario: S\nroutine: r.yaml\nstart: 2026-13-01\n\
                    actions:\n  - complete: receive\n    role: alarm_tem\n    error: wrong_rol\n    \
                    at: tomorrow\n    expect: {not_reached: [cancelld]}\n\
                    expect:\n  reached: [chek]\n  open_tasks: [{step: nudg, role: nobody}]\n  \
                    deadlines_not_fired: [not_instaled]\n  \
                    messages: [{template: instaled, to: [night_mial]}]\n  no_messages: [reprot]\n";
        let found = problems(yaml);
        let expected = [
            "s.yaml:3:1: start: `2026-13-01` is not a date",
            "s.yaml:8:5: action 1: at: `tomorrow` is not a date",
            "action 1: role: `alarm_tem` is not a role of the routine; did you mean `alarm_team`?",
            "action 1: error: `wrong_rol` is not an error code (see docs/SCENARIOS.md); did you mean `wrong_role`?",
            "action 1: expect.not_reached: `cancelld` is not a step of the routine; did you mean `cancelled`?",
            "expect.reached: `chek` is not a step of the routine; did you mean `check`?",
            "expect.open_tasks: `nudg` is not a step or a deadline of the routine; did you mean `nudge`?",
            "expect.open_tasks (role): `nobody` is not a role of the routine",
            "expect.deadlines_not_fired: `not_instaled` is not a deadline of the routine; did you mean `not_installed`?",
            "expect.messages: `instaled` is not a template the routine uses; did you mean `installed`?",
            "expect.messages (instaled, to): `night_mial` is not a role, group or person of the routine; did you mean `night_mail`?",
            "expect.no_messages: `reprot` is not a template the routine uses; did you mean `report`?",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (f, e) in found.iter().zip(expected) {
            assert!(f.starts_with(e), "{f}\n  does not start with\n{e}");
        }
    }
}
