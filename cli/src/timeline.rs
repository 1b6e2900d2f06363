//! A case's journal as a readable timeline: date, step, role, what happened,
//! each deadline armed or fired, each message in full with its recipients.

use std::fmt::Write;

use rutin::model::Routine;
use rutin::run::{Actor, Addressee, JournalEntry, Record};

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
        Actor::External { event } => format!("event `{event}`"),
        Actor::Clock => "the clock".into(),
        Actor::System => "the system".into(),
    }
}

fn describe(routine: &Routine, entry: &JournalEntry) -> Option<String> {
    Some(match &entry.record {
        Record::CaseStarted { case, data, .. } => {
            let mut s = format!("● case {} started", case.0);
            if !data.is_empty() {
                s.push_str(&format!("\n  data: {}", values(data)));
            }
            s
        }
        Record::StepEntered { step, .. } => {
            let kind = routine.step(step).map_or("step", |s| s.kind.name());
            format!("▶ {} [{kind}]", step_title(routine, step))
        }
        Record::WaitStarted { step, until, .. } => {
            format!("⏸ {} waits until {until}", step_title(routine, step))
        }
        Record::BranchesStarted { branches, join, .. } => {
            format!("⇉ {branches} branches run in parallel until `{join}`")
        }
        Record::JoinArrived {
            join,
            arrived,
            expected,
            ..
        } => format!(
            "⇶ {arrived} of {expected} branches have reached {}",
            step_title(routine, join)
        ),
        Record::JoinsReset | Record::TokenEnded { .. } => return None,
        Record::RoutineChanged {
            from_version,
            version,
        } => format!("⇄ moved from routine version {from_version} to {version}"),
        Record::TaskOpened(task) => {
            let mut s = format!(
                "☐ task {} for {}: {}",
                task.id.0,
                role_name(routine, &task.role),
                task.title
            );
            if let Some(d) = &task.deadline {
                s.push_str(&format!(" (escalation by deadline `{d}`)"));
            }
            if let Some(step) = task.step.as_deref().and_then(|s| routine.step(s)) {
                if let rutin::model::StepKind::Task { documents, .. } = &step.kind {
                    if !documents.is_empty() {
                        s.push_str(&format!("\n  documents: {}", documents.join(", ")));
                    }
                }
            }
            s
        }
        Record::TaskCompleted {
            task, values: v, ..
        } => {
            let mut s = format!("☑ task {} done by {}", task.0, by(routine, &entry.actor));
            if !v.is_empty() {
                s.push_str(&format!("\n  recorded: {}", values(v)));
            }
            s
        }
        Record::TaskWithdrawn { task, .. } => format!("☒ task {} withdrawn", task.0),
        Record::EventReceived {
            event, values: v, ..
        } => {
            let mut s = format!("⚑ event `{event}` received");
            if !v.is_empty() {
                s.push_str(&format!("\n  values: {}", values(v)));
            }
            s
        }
        Record::FieldsSet { values: v, .. } => {
            if v.is_empty() {
                return None; // every value set is hidden from this view
            }
            format!("✎ set: {}", values(v))
        }
        Record::DeadlineArmed(d) => {
            format!(
                "⏲ deadline `{}` armed, due {}",
                d.deadline,
                d.due.format("%Y-%m-%d %H:%M")
            )
        }
        Record::DeadlineNotArmed {
            deadline, field, ..
        } => {
            format!("⏲ deadline `{deadline}` not armed: `{field}` is not set")
        }
        Record::DeadlineFired { deadline, .. } => format!("⏰ deadline `{deadline}` expired"),
        Record::DeadlineFailed {
            deadline, error, ..
        } => format!("⚠ deadline `{deadline}` expired but could not be carried out: {error}"),
        Record::DeadlineMessageFailed {
            deadline,
            template,
            error,
            ..
        } => format!(
            "⚠ deadline `{deadline}` expired but its message `{template}` could not be sent (the rest was carried out): {error}"
        ),
        Record::WaitFailed { step, error, .. } => format!(
            "⚠ {} could not go on when its date came: {error}",
            step_title(routine, step)
        ),
        Record::DeadlineSkipped { deadline, .. } => {
            format!(
                "⏲ deadline `{deadline}` expired, but its condition does not hold: nothing done"
            )
        }
        Record::DeadlineCancelled { deadline, .. } => {
            format!("⏲ deadline `{deadline}` cancelled")
        }
        Record::MessageSent(m) => {
            let mut s = format!("✉ message `{}`", m.template);
            if let Some(from) = &m.from {
                s.push_str(&format!("\n  from: {}", addressees(std::slice::from_ref(from))));
            }
            s.push_str(&format!("\n  to: {}", addressees(&m.to)));
            if !m.cc.is_empty() {
                s.push_str(&format!("\n  cc: {}", addressees(&m.cc)));
            }
            if let Some(subject) = &m.subject {
                s.push_str(&format!("\n  subject: {subject}"));
            }
            for line in m.body.trim_end().lines() {
                s.push_str(&format!("\n  │ {line}"));
            }
            s
        }
        Record::CaseEnded { outcome, .. } => format!("■ case ended: {outcome}"),
        Record::CaseEventReceived { event, values: v } => {
            let title = routine.case_event(event).map_or(event.as_str(), |e| e.title.as_str());
            let mut s = format!("⚡ case event `{event}` ({title}) interrupts the case");
            if !v.is_empty() {
                s.push_str(&format!("\n  values: {}", values(v)));
            }
            s
        }
        Record::CaseEndedByEvent { event, outcome } => {
            format!("■ case ended by event `{event}`: {outcome}")
        }
    })
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
        Some(role) => error.message_for(routine, role),
        None => error.to_string(),
    }
}

/// The failures of a case (deadlines and waits that could not be carried
/// out), one warning each; empty when there are none.
pub(crate) fn failures(failures: &[rutin::run::CaseFailure]) -> String {
    let mut out = String::new();
    for f in failures {
        let _ = writeln!(
            out,
            "  FAILED {} ({}): {}: {}",
            f.what,
            f.at.format("%Y-%m-%d %H:%M"),
            f.lost,
            f.error
        );
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
