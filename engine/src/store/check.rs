//! Checking a stored journal against the routine it runs on.
//!
//! A journal the engine wrote always replays and always fits its routine.
//! One that was edited by hand or damaged in storage may still parse but
//! name a step the routine lacks, or hold a value of the wrong type; such a
//! journal must be reported as damaged, at the offending entry, and never
//! written to. [`check_journal`] finds the first such entry.

use crate::model::{check_value, Routine};
use crate::run::{JournalEntry, Record, Values};

/// The first entry of a journal that does not fit its routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalProblem {
    /// Its index in the journal (from 0).
    pub index: usize,
    /// Its sequence number.
    pub seq: u64,
    /// The keys inside the entry that lead to the problem (`["values", "order_ok"]`).
    pub keys: Vec<String>,
    /// What is wrong, in plain words, naming the entry.
    pub message: String,
}

/// Checks every entry against `routine`: every value has its field's type,
/// every step, deadline, field and role it names exists.
///
/// Entries before the case's last move to another routine version
/// ([`Record::RoutineChanged`]) were written for the version before and
/// may name what this one lacks; they are not checked against it.
pub fn check_journal(routine: &Routine, journal: &[JournalEntry]) -> Result<(), JournalProblem> {
    let from = journal
        .iter()
        .rposition(|e| matches!(e.record, Record::RoutineChanged { .. }))
        .unwrap_or(0);
    for (index, entry) in journal.iter().enumerate().skip(from) {
        if let Err((keys, message)) = check_entry(routine, entry) {
            return Err(JournalProblem {
                index,
                seq: entry.seq,
                keys,
                message: format!(
                    "journal entry {} ({}): {message}",
                    entry.seq,
                    record_type(&entry.record)
                ),
            });
        }
    }
    Ok(())
}

/// The entry's `type`, as written in the file.
pub fn record_type(record: &Record) -> String {
    serde_json::to_value(record)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "entry".into())
}

/// What is wrong with one entry, and the keys that lead to it.
type EntryProblem = (Vec<String>, String);

fn check_entry(routine: &Routine, entry: &JournalEntry) -> Result<(), EntryProblem> {
    let at = |keys: &[&str], message: String| -> EntryProblem {
        (keys.iter().map(|k| (*k).to_owned()).collect(), message)
    };
    let step = |key: &str, id: &str| -> Result<(), EntryProblem> {
        match routine.step(id) {
            Some(_) => Ok(()),
            None => Err(at(
                &[key],
                format!("there is no step `{id}` in the routine"),
            )),
        }
    };
    let opt_step =
        |id: Option<&str>| -> Result<(), EntryProblem> { id.map_or(Ok(()), |id| step("step", id)) };
    let deadline = |id: &str, of: Option<&str>| -> Result<(), EntryProblem> {
        opt_step(of)?;
        let list = match of {
            Some(s) => routine.step(s).map(|s| &s.deadlines),
            None => Some(&routine.deadlines),
        };
        if list.is_some_and(|l| l.iter().any(|d| d.id == id)) {
            Ok(())
        } else {
            let whose = of.map_or_else(
                || "among the case deadlines".to_owned(),
                |s| format!("on step `{s}`"),
            );
            Err(at(
                &["deadline"],
                format!("there is no deadline `{id}` {whose}"),
            ))
        }
    };
    let values = |key: &str, values: &Values| -> Result<(), EntryProblem> {
        for (field, value) in values {
            let Some(f) = routine.field(field) else {
                return Err(at(
                    &[key, field],
                    format!("there is no field `{field}` in the routine"),
                ));
            };
            check_value(&f.ty, value).map_err(|e| at(&[key, field], format!("`{field}`: {e}")))?;
        }
        Ok(())
    };
    match &entry.record {
        Record::CaseStarted { data, .. } => values("data", data),
        Record::StepEntered { step: s, .. }
        | Record::WaitStarted { step: s, .. }
        | Record::TokenEnded { step: s, .. }
        | Record::WaitFailed { step: s, .. }
        | Record::CaseEnded { step: s, .. } => step("step", s),
        Record::BranchesStarted { parallel, join, .. } => {
            step("parallel", parallel)?;
            step("join", join)
        }
        Record::JoinArrived { join, .. } => step("join", join),
        Record::JoinsReset | Record::RoutineChanged { .. } => Ok(()),
        Record::TaskOpened(task) => {
            opt_step(task.step.as_deref())?;
            if let Some(d) = &task.deadline {
                deadline(d, task.step.as_deref())?;
            }
            if routine.roles.contains_key(task.role.as_str()) {
                Ok(())
            } else {
                Err(at(
                    &["role"],
                    format!("there is no role `{}` in the routine", task.role),
                ))
            }
        }
        Record::TaskCompleted {
            step: s, values: v, ..
        } => {
            opt_step(s.as_deref())?;
            values("values", v)
        }
        Record::TaskWithdrawn { step: s, .. } => opt_step(s.as_deref()),
        Record::EventReceived {
            step: s, values: v, ..
        } => {
            step("step", s)?;
            values("values", v)
        }
        Record::FieldsSet {
            step: s,
            deadline: d,
            values: v,
        } => {
            opt_step(s.as_deref())?;
            if let Some(d) = d {
                deadline(d, s.as_deref())?;
            }
            // `null` clears a field; every other value has the field's type.
            let set: Values = v
                .iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k.clone(), x.clone()))
                .collect();
            values("values", &set)
        }
        Record::CaseEventReceived { event, .. } | Record::CaseEndedByEvent { event, .. }
            if routine.case_event(event).is_none() =>
        {
            Err(at(
                &["event"],
                format!("there is no case event `{event}` in the routine"),
            ))
        }
        Record::CaseEventReceived { values: v, .. } => values("values", v),
        Record::CaseEndedByEvent { .. } => Ok(()),
        Record::DeadlineArmed(d) => deadline(&d.deadline, d.step.as_deref()),
        Record::DeadlineNotArmed {
            deadline: d,
            step: s,
            field,
        } => {
            deadline(d, s.as_deref())?;
            match routine.field(field) {
                Some(_) => Ok(()),
                None => Err(at(
                    &["field"],
                    format!("there is no field `{field}` in the routine"),
                )),
            }
        }
        Record::DeadlineFired {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineFailed {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineMessageFailed {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineSkipped {
            deadline: d,
            step: s,
            ..
        }
        | Record::DeadlineCancelled {
            deadline: d,
            step: s,
            ..
        } => deadline(d, s.as_deref()),
        Record::MessageSent(m) => match &m.deadline {
            Some(d) => deadline(d, m.step.as_deref()),
            None => opt_step(m.step.as_deref()),
        },
    }
}
