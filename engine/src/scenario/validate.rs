//! Checking a scenario against its routine before it runs: every id an
//! expectation names must exist, or the expectation would pass (`not_reached`,
//! `no_messages`, `deadlines_not_fired`) or fail for a reason nobody meant.
//! Each unknown id is a problem with "did you mean", and so is a date or
//! duration that does not parse.

use std::collections::BTreeSet;

use super::format::{Expect, Scenario};
use super::locate::Seg;
use super::problem::{Place, Problem, ProblemKind, Wanted};
use super::time::parse_time;
use super::ERROR_CODES;
use crate::calendar::Duration;
use crate::diagnostic::suggest;
use crate::model::{RecipientTarget, Routine};

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

/// Collects the problems of one scenario, each located in its file.
struct Checker<'s> {
    scenario: &'s Scenario,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, path: &[Seg], kind: ProblemKind) {
        let at = self.scenario.located.as_ref().and_then(|l| l.at(path));
        self.problems.push(Problem {
            file: self.scenario.file.clone(),
            at,
            kind,
        });
    }

    /// `name` must be among `known`.
    fn name<'a>(
        &mut self,
        path: &[Seg],
        place: Place,
        wanted: Wanted,
        name: &str,
        known: impl IntoIterator<Item = &'a str> + Clone,
    ) {
        if known.clone().into_iter().any(|k| k == name) {
            return;
        }
        let suggestion = suggest(name, known.clone());
        let all: Vec<String> = known.into_iter().map(str::to_owned).collect();
        let known = if suggestion.is_none() && all.len() <= 12 {
            all
        } else {
            Vec::new()
        };
        let kind = ProblemKind::Unknown {
            place,
            wanted,
            name: name.to_owned(),
            suggestion,
            known,
        };
        self.push(path, kind);
    }

    fn time(&mut self, path: &[Seg], place: Place, text: &str) {
        if parse_time(text).is_none() {
            let text = text.to_owned();
            self.push(path, ProblemKind::BadTime { place, text });
        }
    }
}

fn place(action: Option<usize>, key: impl Into<String>) -> Place {
    Place {
        action,
        key: key.into(),
    }
}

/// Every problem with the scenario's ids, dates and durations, in file order.
pub fn validate(routine: &Routine, scenario: &Scenario) -> Vec<Problem> {
    let known = Known::of(routine);
    let mut c = Checker {
        scenario,
        problems: Vec::new(),
    };
    c.time(&[Seg::Key("start")], place(None, "start"), &scenario.start);
    for (i, action) in scenario.actions.iter().enumerate() {
        let n = Some(i + 1);
        let at = |key: &'static str| [Seg::Key("actions"), Seg::Item(i), Seg::Key(key)];
        if let Some(text) = &action.at {
            c.time(&at("at"), place(n, "at"), text);
        }
        if let Some(text) = &action.until {
            c.time(&at("until"), place(n, "until"), text);
        }
        if let Some(text) = &action.wait {
            if let Err(error) = Duration::parse(text) {
                let place = place(n, "wait");
                c.push(&at("wait"), ProblemKind::BadDuration { place, error });
            }
        }
        if let Some(role) = &action.role {
            let roles = known.roles.iter().copied();
            c.name(&at("role"), place(n, "role"), Wanted::Role, role, roles);
        }
        if let Some(code) = &action.error {
            let codes = ERROR_CODES.iter().copied();
            c.name(
                &at("error"),
                place(n, "error"),
                Wanted::ErrorCode,
                code,
                codes,
            );
        }
        if let Some(expect) = &action.expect {
            let path = [Seg::Key("actions"), Seg::Item(i), Seg::Key("expect")];
            check_expect(&mut c, &known, &path, n, expect);
        }
    }
    check_expect(
        &mut c,
        &known,
        &[Seg::Key("expect")],
        None,
        &scenario.expect,
    );
    c.problems
}

fn check_expect(
    c: &mut Checker<'_>,
    known: &Known<'_>,
    base: &[Seg],
    action: Option<usize>,
    expect: &Expect,
) {
    let path = |extra: &[Seg]| -> Vec<Seg> { base.iter().chain(extra).copied().collect() };
    let at = |key: &str| place(action, format!("expect.{key}"));
    for (key, list) in [
        ("reached", &expect.reached),
        ("not_reached", &expect.not_reached),
    ] {
        for (i, step) in list.iter().enumerate() {
            let p = path(&[Seg::Key(key), Seg::Item(i)]);
            let steps = known.steps.iter().copied();
            c.name(&p, at(key), Wanted::Step, step, steps);
        }
    }
    for (i, task) in expect.open_tasks.iter().flatten().enumerate() {
        let p = path(&[Seg::Key("open_tasks"), Seg::Item(i), Seg::Key("step")]);
        let both = known.steps.iter().chain(known.deadlines.iter()).copied();
        let wanted = Wanted::StepOrDeadline;
        c.name(&p, at("open_tasks"), wanted, &task.step, both);
        if let Some(role) = &task.role {
            let p = path(&[Seg::Key("open_tasks"), Seg::Item(i), Seg::Key("role")]);
            let roles = known.roles.iter().copied();
            c.name(&p, at("open_tasks (role)"), Wanted::Role, role, roles);
        }
    }
    for (key, list) in [
        ("deadlines_fired", &expect.deadlines_fired),
        ("deadlines_not_fired", &expect.deadlines_not_fired),
    ] {
        for (i, d) in list.iter().enumerate() {
            let p = path(&[Seg::Key(key), Seg::Item(i)]);
            let deadlines = known.deadlines.iter().copied();
            c.name(&p, at(key), Wanted::Deadline, d, deadlines);
        }
    }
    let templates = || known.templates.iter().copied();
    for (i, m) in expect.messages.iter().enumerate() {
        let item = [Seg::Key("messages"), Seg::Item(i)];
        let p = path(&[item[0], item[1], Seg::Key("template")]);
        c.name(
            &p,
            at("messages"),
            Wanted::Template,
            &m.template,
            templates(),
        );
        for (key, list) in [("to", &m.to), ("cc", &m.cc)] {
            for (j, r) in list.iter().flatten().enumerate() {
                let p = path(&[item[0], item[1], Seg::Key(key), Seg::Item(j)]);
                let label = at(&format!("messages ({}, {key})", m.template));
                let recipients = known.recipients.iter().copied();
                c.name(&p, label, Wanted::Recipient, r, recipients);
            }
        }
    }
    for (i, t) in expect.no_messages.iter().enumerate() {
        let p = path(&[Seg::Key("no_messages"), Seg::Item(i)]);
        c.name(&p, at("no_messages"), Wanted::Template, t, templates());
    }
}
