//! The expectation checks: what a case (and the reports its schedules sent)
//! shows against what an `expect:` says, each difference as [`Unmet`].

use std::collections::BTreeSet;

use super::format::{Expect, ExpectMessage};
use super::outcome::{Mismatch, Report, Unmet};
use crate::run::{Addressee, Case, Message, Record};

/// Compares the case with the expectations, in the order they are written.
pub fn check(case: &Case, reports: &[Report], expect: &Expect) -> Vec<Unmet> {
    let mut unmet = Vec::new();
    if let Some(expected) = &expect.outcome {
        let actual = case.outcome().unwrap_or("running");
        if actual != expected {
            let (expected, actual) = (expected.clone(), actual.to_owned());
            unmet.push(Unmet::Outcome { expected, actual });
        }
    }
    steps(case, expect, &mut unmet);
    open_tasks(case, expect, &mut unmet);
    deadlines(case, expect, &mut unmet);
    let messages: Vec<&Message> = case
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
            unmet.push(Unmet::MessageSent {
                template: t.clone(),
            });
        }
    }
    for expected in &expect.messages {
        unmet.extend(message(&messages, expected));
    }
    unmet
}

fn steps(case: &Case, expect: &Expect, unmet: &mut Vec<Unmet>) {
    let reached: BTreeSet<&str> = case.reached().iter().map(String::as_str).collect();
    for step in &expect.reached {
        if !reached.contains(step.as_str()) {
            let reached = case.reached().to_vec();
            unmet.push(Unmet::NotReached {
                step: step.clone(),
                reached,
            });
        }
    }
    for step in &expect.not_reached {
        if reached.contains(step.as_str()) {
            unmet.push(Unmet::Reached { step: step.clone() });
        }
    }
}

fn open_tasks(case: &Case, expect: &Expect, unmet: &mut Vec<Unmet>) {
    let Some(expected) = &expect.open_tasks else {
        return;
    };
    let actual: Vec<(String, String)> = case
        .open_tasks()
        .iter()
        .map(|t| {
            let named = t.deadline.clone().or_else(|| t.step.clone());
            (named.unwrap_or_default(), t.role.clone())
        })
        .collect();
    let matches = expected.len() == actual.len()
        && expected.iter().all(|e| {
            actual
                .iter()
                .any(|(s, r)| s == &e.step && e.role.as_ref().is_none_or(|er| er == r))
        });
    if !matches {
        let expected = expected.clone();
        unmet.push(Unmet::OpenTasks { expected, actual });
    }
}

fn deadlines(case: &Case, expect: &Expect, unmet: &mut Vec<Unmet>) {
    let fired: Vec<String> = case
        .journal()
        .iter()
        .filter_map(|e| match &e.record {
            Record::DeadlineFired { deadline, .. } => Some(deadline.to_string()),
            _ => None,
        })
        .collect();
    for d in &expect.deadlines_fired {
        if !fired.contains(d) {
            let fired = fired.clone();
            unmet.push(Unmet::NotFired {
                deadline: d.clone(),
                fired,
            });
        }
    }
    for d in &expect.deadlines_not_fired {
        if fired.contains(d) {
            unmet.push(Unmet::Fired {
                deadline: d.clone(),
            });
        }
    }
}

/// One expected message against the messages sent.
fn message(messages: &[&Message], expected: &ExpectMessage) -> Option<Unmet> {
    let candidates: Vec<&&Message> = messages
        .iter()
        .filter(|m| m.template == expected.template)
        .collect();
    let template = expected.template.clone();
    if candidates.is_empty() {
        let sent = messages.iter().map(|m| m.template.clone()).collect();
        return Some(Unmet::NoMessage { template, sent });
    }
    let mut problems = Vec::new();
    let matching = candidates
        .iter()
        .filter(|m| {
            let found = mismatches(m, expected);
            let ok = found.is_empty();
            problems.extend(found);
            ok
        })
        .count();
    match expected.count {
        Some(n) if n != matching => Some(Unmet::MessageCount {
            template,
            expected: n,
            matching,
            first: problems.into_iter().next(),
        }),
        None if matching == 0 => Some(Unmet::MessageMismatch { template, problems }),
        _ => None,
    }
}

/// Every way one message differs from the expected one.
fn mismatches(m: &Message, expected: &ExpectMessage) -> Vec<Mismatch> {
    let ids =
        |list: &[Addressee]| -> BTreeSet<String> { list.iter().map(|a| a.id.clone()).collect() };
    let mut found = Vec::new();
    for (label, want, actual) in [("to", &expected.to, &m.to), ("cc", &expected.cc, &m.cc)] {
        let Some(want) = want else { continue };
        let want: BTreeSet<String> = want.iter().cloned().collect();
        if ids(actual) != want {
            found.push(Mismatch::Recipients {
                label,
                expected: want,
                actual: ids(actual),
            });
        }
    }
    if let Some(from) = &expected.from {
        let sent = m.from.as_ref().map(|f| f.id.clone());
        if sent.as_deref().unwrap_or("nobody") != from {
            found.push(Mismatch::From {
                expected: from.clone(),
                actual: sent,
            });
        }
    }
    let body = format!("{}\n{}", m.subject.clone().unwrap_or_default(), m.body);
    for c in &expected.contains {
        if !body.contains(c.as_str()) {
            found.push(Mismatch::Lacks {
                wanted: c.clone(),
                text: body.clone(),
            });
        }
    }
    for c in &expected.not_contains {
        if body.contains(c.as_str()) {
            found.push(Mismatch::Has {
                unwanted: c.clone(),
            });
        }
    }
    found
}
