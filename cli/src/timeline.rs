//! A case's journal as a readable timeline: date, step, role, what happened,
//! each deadline armed or fired, each message in full with its recipients.

use std::fmt::Write;

use rutin::model::Routine;
use rutin::run::{Actor, Addressee, JournalEntry, Record};

use crate::output::{lang, text};

/// Renders journal entries; the same entries always give the same text.
pub(crate) fn render(routine: &Routine, entries: &[JournalEntry]) -> String {
    let mut out = String::new();
    let mut last_time = None;
    for (i, entry) in entries.iter().enumerate() {
        if later_join_arrival(entry, entries.get(i + 1..).unwrap_or_default()) {
            // Its `⇶ k of n branches have reached …` line says it.
            continue;
        }
        let Some(line) = describe(routine, entry) else {
            continue;
        };
        let time = entry.at.format("%Y-%m-%d %H:%M").to_string();
        let shown = if last_time.as_ref() == Some(&time) {
            " ".repeat(time.len())
        } else {
            time.clone()
        };
        last_time = Some(time);
        let mut lines = line.lines();
        if let Some(first) = lines.next() {
            let _ = writeln!(out, "{shown}  {first}");
        }
        for rest in lines {
            let _ = writeln!(out, "{}  {rest}", " ".repeat(16));
        }
    }
    out
}

/// Whether the entry is a token entering a join that another branch has
/// reached already: the `▶` line is shown for the first arrival only.
fn later_join_arrival(entry: &JournalEntry, rest: &[JournalEntry]) -> bool {
    let Record::StepEntered { token, step } = &entry.record else {
        return false;
    };
    rest.iter()
        .find_map(|e| match &e.record {
            Record::JoinArrived {
                token: t,
                join,
                arrived,
                ..
            } if t == token && join == step => Some(*arrived > 1),
            _ => None,
        })
        .unwrap_or(false)
}

fn step_title(routine: &Routine, step: &str) -> String {
    routine
        .step(step)
        .map_or_else(|| step.to_owned(), |s| format!("{} ({step})", s.title))
}

fn role_name(routine: &Routine, role: &str) -> String {
    routine
        .roles
        .get(role)
        .map_or_else(|| role.to_owned(), |r| r.name.clone())
}

fn values(values: &rutin::run::Values) -> String {
    values
        .iter()
        .map(|(k, v)| format!("{k} = {}", show(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn addressees(list: &[Addressee]) -> String {
    list.iter()
        .map(|a| match &a.address {
            _ if a.name == rutin::run::chosen::WITHHELD_RECIPIENTS => {
                text("timeline-recipients-withheld", &[])
            }
            Some(addr) => format!("{} <{addr}>", a.name),
            None => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn by(routine: &Routine, actor: &Actor) -> String {
    match actor {
        Actor::Person { name, role } => {
            let role_name = role_name(routine, role);
            if name == &role_name || name == role {
                role_name
            } else {
                format!("{name} ({role_name})")
            }
        }
        Actor::External { event } => text("timeline-by-event", &[("event", event.into())]),
        Actor::Clock => text("timeline-by-clock", &[]),
        Actor::System => text("timeline-by-system", &[]),
    }
}

/// `\n  label: values` under an entry, when there are values.
fn sub_values(id: &str, v: &rutin::run::Values) -> String {
    if v.is_empty() {
        return String::new();
    }
    format!(
        "\n  {}",
        crate::output::text(id, &[("values", values(v).into())])
    )
}

fn time(at: &chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn describe(routine: &Routine, entry: &JournalEntry) -> Option<String> {
    Some(match &entry.record {
        Record::CaseStarted { case, data, .. } => {
            text("timeline-case-started", &[("case", case.0.as_str().into())])
                + &sub_values("timeline-data", data)
        }
        Record::StepEntered { step, .. } => {
            let kind = routine.step(step).map_or("step", |s| s.kind.name());
            let kind = text("timeline-step-kind", &[("kind", kind.into())]);
            let step = step_title(routine, step);
            text(
                "timeline-step-entered",
                &[("step", step.into()), ("kind", kind.into())],
            )
        }
        Record::WaitStarted { step, until, .. } => text(
            "timeline-wait-started",
            &[
                ("step", step_title(routine, step).into()),
                ("until", until.to_string().into()),
            ],
        ),
        Record::BranchesStarted { branches, join, .. } => text(
            "timeline-branches-started",
            &[
                ("branches", branches.to_string().into()),
                ("join", join.into()),
            ],
        ),
        Record::JoinArrived {
            join,
            arrived,
            expected,
            ..
        } => text(
            "timeline-join-arrived",
            &[
                ("arrived", arrived.to_string().into()),
                ("expected", expected.to_string().into()),
                ("join", step_title(routine, join).into()),
            ],
        ),
        Record::JoinsReset | Record::TokenEnded { .. } => return None,
        Record::RoutineChanged {
            from_version,
            version,
        } => text(
            "timeline-routine-changed",
            &[("from", from_version.into()), ("to", version.into())],
        ),
        Record::TaskOpened(task) => task_opened(routine, task),
        Record::TaskCompleted {
            task, values: v, ..
        } => {
            text(
                "timeline-task-completed",
                &[
                    ("task", task.0.to_string().into()),
                    ("by", by(routine, &entry.actor).into()),
                ],
            ) + &sub_values("timeline-recorded", v)
        }
        Record::TaskWithdrawn { task, .. } => text(
            "timeline-task-withdrawn",
            &[("task", task.0.to_string().into())],
        ),
        Record::EventReceived {
            event, values: v, ..
        } => {
            text("timeline-event-received", &[("event", event.into())])
                + &sub_values("timeline-values", v)
        }
        Record::FieldsSet { values: v, .. } => {
            if v.is_empty() {
                return None; // every value set is hidden from this view
            }
            text("timeline-fields-set", &[("values", values(v).into())])
        }
        Record::DeadlineArmed(d) => text(
            "timeline-deadline-armed",
            &[
                ("deadline", (&d.deadline).into()),
                ("due", time(&d.due).into()),
            ],
        ),
        Record::DeadlineNotArmed {
            deadline, field, ..
        } => text(
            "timeline-deadline-not-armed",
            &[("deadline", deadline.into()), ("field", field.into())],
        ),
        Record::DeadlineFired { deadline, .. } => {
            text("timeline-deadline-fired", &[("deadline", deadline.into())])
        }
        Record::DeadlineFailed {
            deadline, error, ..
        } => text(
            "timeline-deadline-failed",
            &[
                ("deadline", deadline.into()),
                ("error", again(error).into()),
            ],
        ),
        Record::DeadlineMessageFailed {
            deadline,
            template,
            error,
            ..
        } => text(
            "timeline-deadline-message-failed",
            &[
                ("deadline", deadline.into()),
                ("template", template.into()),
                ("error", again(error).into()),
            ],
        ),
        Record::WaitFailed { step, error, .. } => text(
            "timeline-wait-failed",
            &[
                ("step", step_title(routine, step).into()),
                ("error", again(error).into()),
            ],
        ),
        Record::DeadlineSkipped { deadline, .. } => text(
            "timeline-deadline-skipped",
            &[("deadline", deadline.into())],
        ),
        Record::DeadlineCancelled { deadline, .. } => text(
            "timeline-deadline-cancelled",
            &[("deadline", deadline.into())],
        ),
        Record::MessageSent(m) => message(m),
        Record::CaseEnded { outcome, .. } => {
            text("timeline-case-ended", &[("outcome", outcome.into())])
        }
        Record::CaseEventReceived { event, values: v } => {
            let title = routine
                .case_event(event)
                .map_or(event.as_str(), |e| e.title.as_str());
            text(
                "timeline-case-event",
                &[("event", event.into()), ("title", title.into())],
            ) + &sub_values("timeline-values", v)
        }
        Record::CaseEndedByEvent { event, outcome } => text(
            "timeline-case-ended-by-event",
            &[("event", event.into()), ("outcome", outcome.into())],
        ),
    })
}

fn task_opened(routine: &Routine, task: &rutin::run::Task) -> String {
    let mut s = text(
        "timeline-task-opened",
        &[
            ("task", task.id.0.to_string().into()),
            ("role", role_name(routine, &task.role).into()),
            ("title", (&task.title).into()),
        ],
    );
    if let Some(d) = &task.deadline {
        s.push_str(&text("timeline-task-escalation", &[("deadline", d.into())]));
    }
    if let Some(step) = task.step.as_deref().and_then(|s| routine.step(s)) {
        if let rutin::model::StepKind::Task { documents, .. } = &step.kind {
            if !documents.is_empty() {
                let documents = documents.join(", ");
                s.push_str("\n  ");
                s.push_str(&text(
                    "timeline-documents",
                    &[("documents", documents.into())],
                ));
            }
        }
    }
    s
}

fn message(m: &rutin::run::Message) -> String {
    let mut s = text("timeline-message", &[("template", (&m.template).into())]);
    let mut line = |id: &str, who: String| {
        s.push_str("\n  ");
        s.push_str(&crate::output::text(id, &[("who", who.into())]));
    };
    if let Some(from) = &m.from {
        line("timeline-from", addressees(std::slice::from_ref(from)));
    }
    line("timeline-to", addressees(&m.to));
    if !m.cc.is_empty() {
        line("timeline-cc", addressees(&m.cc));
    }
    if let Some(subject) = &m.subject {
        s.push_str("\n  ");
        s.push_str(&text("timeline-subject", &[("subject", subject.into())]));
    }
    for line in m.body.trim_end().lines() {
        s.push_str(&format!("\n  │ {line}"));
    }
    s
}

/// What a command did, as `role` may see it (everything when no role is given).
pub(crate) fn effects(
    routine: &Routine,
    effects: &rutin::run::Effects,
    role: Option<&str>,
) -> String {
    match role {
        Some(role) => render(routine, &effects.view_for(routine, role).entries),
        None => render(routine, &effects.entries),
    }
}

/// A refusal as `role` may read it (everything when no role is given).
pub(crate) fn refusal(
    routine: &Routine,
    error: &rutin::run::RunError,
    role: Option<&str>,
) -> String {
    match role {
        Some(role) => error.message_for_in(routine, role, crate::output::lang()),
        None => error.message_in(crate::output::lang()),
    }
}

/// A journaled explanation in the chosen language.
fn again(error: &str) -> String {
    rutin::run::journaled_error_in(error, lang())
}

/// The failures of a case (deadlines and waits that could not be carried
/// out), one warning each; empty when there are none.
pub(crate) fn failures(failures: &[rutin::run::CaseFailure]) -> String {
    let mut out = String::new();
    for f in failures {
        let line = text(
            "timeline-failure",
            &[
                ("what", f.what_in(lang()).into()),
                ("at", time(&f.at).into()),
                ("lost", f.lost_in(lang()).into()),
                ("error", f.error_in(lang()).into()),
            ],
        );
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// A report (a schedule's message) for the timeline's end, as `role` may
/// see it when given (nothing when the role does not receive it).
pub(crate) fn report(
    routine: &Routine,
    message: &rutin::run::Message,
    at: chrono::NaiveDateTime,
    role: Option<&str>,
) -> String {
    let entry = JournalEntry {
        seq: 0,
        at,
        actor: Actor::Clock,
        record: Record::MessageSent(Box::new(message.clone())),
    };
    let sent = rutin::run::Effects {
        entries: vec![entry],
    };
    let shown = match role {
        Some(role) => sent.view_for(routine, role),
        None => sent,
    };
    render(routine, &shown.entries)
}
