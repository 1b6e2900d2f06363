//! Following every branch of a routine: from each start (the fields'
//! examples, and one other valid value at a time), every open task completed
//! with each choice of values, every awaited event and every case-wide event
//! delivered, and the clock moved to the next deadline or waited-for date.
//! States already seen (same steps, tasks, fields and deadlines) are not
//! followed again. Cases whose last command did something new (a step
//! entered or a message sent with a new set of unset fields, a deadline
//! fired, an event received for the first time) are followed first, the
//! others after them; a depth and a command budget bound the rest.

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde_json::{json, Value as Json};

use rutin::model::{FieldType, Routine, StepKind};
use rutin::run::{Case, Effects, RunError};

/// Whose fault a refusal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// What the command gave (a wrong role, a value missing or of the wrong
    /// type, a task not open): the person is told and tries again.
    Input,
    /// The routine itself (a template or expression that fails, a group
    /// that does not exist, a loop): `rutin check` should have refused it.
    Routine,
}

/// Whether `error`, refusing a command that gave `given`, is owed to the
/// input or to the routine. A value of the wrong type is the input's fault
/// only when the input gave that field; otherwise a `set:` wrote it.
pub fn cause(error: &RunError, given: &Json) -> Cause {
    let gave = |field: &str| given.get(field).is_some();
    match error {
        RunError::WrongType { field, .. }
        | RunError::NotInEnum { field, .. }
        | RunError::RuleBroken { field, .. }
        | RunError::BadPersonnummer { field, .. } => {
            if gave(field) {
                Cause::Input
            } else {
                Cause::Routine
            }
        }
        RunError::WrongRoutine { .. }
        | RunError::CaseEnded { .. }
        | RunError::TimeWentBackwards { .. }
        | RunError::UnknownStep { .. }
        | RunError::StepNotActive(_)
        | RunError::NoSuchTask(_)
        | RunError::EscalationNotOpen { .. }
        | RunError::WrongRole { .. }
        | RunError::ValuesNotAMap { .. }
        | RunError::MissingField { .. }
        | RunError::UnknownField { .. }
        | RunError::FieldNotAccepted { .. }
        | RunError::UnknownEvent { .. }
        | RunError::EventNotAwaited(_)
        | RunError::UnknownSchedule(_)
        | RunError::Journal { .. } => Cause::Input,
        RunError::NoRoute { .. }
        | RunError::CycleLimit { .. }
        | RunError::JoinBusy { .. }
        | RunError::JoinOverrun { .. }
        | RunError::TimerLimit { .. }
        | RunError::Expr { .. }
        | RunError::Render(_)
        | RunError::UnknownGroup { .. }
        | RunError::PersonUnset { .. }
        | RunError::DateOutOfRange { .. }
        | RunError::Internal(_) => Cause::Routine,
    }
}

/// Something that went wrong because of the routine, with the path to it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The commands that led there, in words.
    pub path: Vec<String>,
    /// The refusal or the journaled failure.
    pub what: String,
}

/// What one walk saw.
#[derive(Debug, Default)]
pub struct Walked {
    /// Routine-caused refusals and journaled failures.
    pub findings: Vec<Finding>,
    /// Steps some case reached.
    pub reached: BTreeSet<String>,
    /// Commands run.
    pub commands: usize,
    /// Input-caused refusals (not failures of the property).
    pub input_refusals: usize,
}

/// How far to follow.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Commands after the start on one path.
    pub depth: usize,
    /// Commands in all.
    pub commands: usize,
}

/// One command the walker can give.
#[derive(Debug, Clone)]
enum Command {
    Complete {
        task: u32,
        role: String,
        values: Json,
    },
    Deliver {
        event: String,
        values: Json,
    },
    Advance,
}

/// Walks every branch of `routine` within `limits`.
pub fn walk(routine: &Routine, limits: Limits) -> Walked {
    let mut walker = Walker {
        routine,
        limits,
        seen: HashSet::new(),
        covered: HashSet::new(),
        novel: VecDeque::new(),
        queue: VecDeque::new(),
        out: Walked::default(),
    };
    for data in starts(routine) {
        walker.start(data);
    }
    while let Some((case, path)) = walker
        .novel
        .pop_front()
        .or_else(|| walker.queue.pop_front())
    {
        walker.follow(&case, &path);
    }
    walker.out
}

struct Walker<'r> {
    routine: &'r Routine,
    limits: Limits,
    seen: HashSet<String>,
    /// What some command already did (see [`novelties`]).
    covered: HashSet<String>,
    /// Cases still to follow whose last command did something new, breadth
    /// first (so that the budget is spread over every branch).
    novel: VecDeque<(Case, Vec<String>)>,
    /// The other cases still to follow.
    queue: VecDeque<(Case, Vec<String>)>,
    out: Walked,
}

impl Walker<'_> {
    fn start(&mut self, data: Json) {
        let at = start_time(&data);
        let path = vec![format!("start with {data}")];
        self.out.commands += 1;
        match Case::start(self.routine, "W-1", data.clone(), at) {
            Ok((case, effects)) => {
                self.record(&case, &effects, &path);
                self.push(case, &effects, path);
            }
            Err(e) => self.refused(&e, &data, &path),
        }
    }

    fn follow(&mut self, case: &Case, path: &[String]) {
        if case.is_ended()
            || path.len() > self.limits.depth
            || self.out.commands >= self.limits.commands
            || !self.seen.insert(state_key(case))
        {
            return;
        }
        for command in commands(self.routine, case) {
            let mut next = case.clone();
            let mut path = path.to_vec();
            path.push(describe(&command));
            self.out.commands += 1;
            let (result, given) = run(self.routine, &mut next, &command);
            match result {
                Ok(effects) => {
                    self.record(&next, &effects, &path);
                    self.push(next, &effects, path);
                }
                Err(e) => self.refused(&e, &given, &path),
            }
        }
    }

    fn push(&mut self, case: Case, effects: &Effects, path: Vec<String>) {
        let mut new = false;
        for item in novelties(&case, effects) {
            new |= self.covered.insert(item);
        }
        if new {
            self.novel.push_back((case, path));
        } else {
            self.queue.push_back((case, path));
        }
    }

    fn record(&mut self, case: &Case, effects: &Effects, path: &[String]) {
        self.out
            .reached
            .extend(case.reached().iter().map(|s| s.to_string()));
        for failure in effects.failures() {
            self.out.findings.push(Finding {
                path: path.to_vec(),
                what: format!(
                    "journaled failure: {}: {} ({})",
                    failure.what, failure.error, failure.lost
                ),
            });
        }
    }

    fn refused(&mut self, error: &RunError, given: &Json, path: &[String]) {
        match cause(error, given) {
            Cause::Input => self.out.input_refusals += 1,
            Cause::Routine => self.out.findings.push(Finding {
                path: path.to_vec(),
                what: format!("refused ({}): {error}", error.code()),
            }),
        }
    }
}

fn run(routine: &Routine, case: &mut Case, command: &Command) -> (Result<Effects, RunError>, Json) {
    let at = case.latest() + Duration::minutes(1);
    match command {
        Command::Complete { task, role, values } => (
            case.complete_task(
                routine,
                rutin::run::TaskId(*task),
                "Walker",
                role,
                values.clone(),
                at,
            ),
            values.clone(),
        ),
        Command::Deliver { event, values } => (
            case.deliver(routine, event, values.clone(), at),
            values.clone(),
        ),
        Command::Advance => {
            let to = case.next_due().unwrap_or(at);
            (case.advance(routine, to), Json::Null)
        }
    }
}

fn describe(command: &Command) -> String {
    match command {
        Command::Complete { task, role, values } => {
            format!("complete task {task} as {role} with {values}")
        }
        Command::Deliver { event, values } => format!("deliver {event} with {values}"),
        Command::Advance => "advance to the next due time".into(),
    }
}

/// Every command worth giving now.
fn commands(routine: &Routine, case: &Case) -> Vec<Command> {
    let mut out = Vec::new();
    for task in case.open_tasks() {
        let (required, optional) = task_fields(routine, task);
        for values in choices(routine, &required, &optional) {
            out.push(Command::Complete {
                task: task.id.0,
                role: task.role.to_string(),
                values,
            });
        }
    }
    for step in case.active_steps() {
        if let Some(StepKind::Event {
            event,
            collects,
            optional,
            ..
        }) = routine.step(step).map(|s| &s.kind)
        {
            for values in choices(routine, collects, optional) {
                out.push(Command::Deliver {
                    event: event.clone(),
                    values,
                });
            }
        }
    }
    for event in &routine.events {
        for values in choices(routine, &event.collects, &event.optional) {
            out.push(Command::Deliver {
                event: event.id.clone(),
                values,
            });
        }
    }
    if case.next_due().is_some() {
        out.push(Command::Advance);
    }
    out
}

/// The fields a task records: required and optional.
fn task_fields(routine: &Routine, task: &rutin::run::Task) -> (Vec<String>, Vec<String>) {
    let step = task.step.as_deref().and_then(|s| routine.step(s));
    if let Some(deadline) = &task.deadline {
        let list = step.map_or(&routine.deadlines, |s| &s.deadlines);
        let collects = list
            .iter()
            .find(|d| &d.id == deadline)
            .and_then(|d| d.task.as_ref())
            .map(|t| t.collects.clone())
            .unwrap_or_default();
        return (Vec::new(), collects);
    }
    match step.map(|s| &s.kind) {
        Some(StepKind::Task {
            collects, optional, ..
        }) => (collects.clone(), optional.clone()),
        _ => (Vec::new(), Vec::new()),
    }
}

/// The value sets to try: every field at its first candidate (optional
/// ones given), then one field at a time at each other candidate (an
/// optional one also left out).
fn choices(routine: &Routine, required: &[String], optional: &[String]) -> Vec<Json> {
    let base: BTreeMap<&str, Json> = required
        .iter()
        .chain(optional)
        .filter_map(|f| Some((f.as_str(), candidates(routine, f)?.remove(0))))
        .collect();
    let mut out = vec![json!(base)];
    for field in required.iter().chain(optional) {
        for other in candidates(routine, field)
            .unwrap_or_default()
            .into_iter()
            .skip(1)
        {
            let mut values = base.clone();
            values.insert(field, other);
            out.push(json!(values));
        }
    }
    for field in optional {
        let mut values = base.clone();
        values.remove(field.as_str());
        out.push(json!(values));
    }
    out
}

/// Valid values of a field: its example first, then others of its type.
fn candidates(routine: &Routine, field: &str) -> Option<Vec<Json>> {
    let field = routine.field(field)?;
    let mut out: Vec<Json> = field.example.iter().cloned().collect();
    for v in of_type(&field.ty) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Some(out)
}

fn of_type(ty: &FieldType) -> Vec<Json> {
    match ty {
        FieldType::Text => vec![json!("Text")],
        FieldType::Integer => vec![json!(0), json!(3)],
        FieldType::Boolean => vec![json!(true), json!(false)],
        FieldType::Date => vec![json!("2026-03-02")],
        FieldType::Period => vec![json!({"from": "2026-03-02", "to": "2026-12-31"})],
        FieldType::Enum { values } => values.iter().map(|v| json!(v)).collect(),
        // Skatteverket's test number, in both the 12- and the 10-digit form.
        FieldType::Personnummer => vec![json!("19121212-1212"), json!("121212-1212")],
        FieldType::List { items } => {
            vec![Json::Array(of_type(items).into_iter().take(1).collect())]
        }
    }
}

/// Start data: the required fields at their first candidate, once with
/// nothing else and once with every field no task or event records; then
/// one required field at a time at each other candidate.
fn starts(routine: &Routine) -> Vec<Json> {
    let required: Vec<String> = routine
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.id.clone())
        .collect();
    let recorded = routine.recorded_fields();
    let extra: Vec<String> = routine
        .fields
        .iter()
        .filter(|f| !f.required && f.example.is_some() && !recorded.contains(f.id.as_str()))
        .map(|f| f.id.clone())
        .collect();
    let mut out = choices(routine, &required, &[]);
    if !extra.is_empty() {
        out.insert(1, choices(routine, &required, &extra).remove(0));
    }
    out
}

/// 08:00 on the earliest date in the start data (so that the examples make
/// sense), or on 2 March 2026.
fn start_time(data: &Json) -> NaiveDateTime {
    let earliest = data
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|v| v.as_str())
        .filter_map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .min();
    earliest
        .or(NaiveDate::from_ymd_opt(2026, 3, 2))
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default()
}

/// What makes two cases the same for the walk (times left out).
fn state_key(case: &Case) -> String {
    let mut steps = case.active_steps();
    steps.sort_unstable();
    let tasks: Vec<_> = case
        .open_tasks()
        .iter()
        .map(|t| (t.step.clone(), t.deadline.clone(), t.role.clone()))
        .collect();
    let deadlines: Vec<_> = case
        .pending_deadlines()
        .iter()
        .map(|d| (d.step.clone(), d.deadline.clone(), d.occurrence))
        .collect();
    json!([steps, tasks, case.fields(), deadlines]).to_string()
}

/// What a command did, as items of coverage: each entry's kind with its
/// step, deadline, template or event; steps entered and messages sent also
/// with the fields unset at the time (a template may read them).
fn novelties(case: &Case, effects: &Effects) -> Vec<String> {
    let unset: Vec<&str> = case
        .fields()
        .iter()
        .filter(|(_, v)| v.is_null())
        .map(|(k, _)| k.as_str())
        .collect();
    let set: Vec<&str> = case.fields().keys().map(|k| k.as_str()).collect();
    effects
        .entries
        .iter()
        .map(|entry| {
            let record = serde_json::to_value(&entry.record).unwrap_or_default();
            let part = |key: &str| record.get(key).map(Json::to_string).unwrap_or_default();
            let mut item = ["type", "step", "deadline", "template", "event"]
                .map(part)
                .join("|");
            if matches!(
                entry.record,
                rutin::run::Record::StepEntered { .. } | rutin::run::Record::MessageSent(_)
            ) {
                item.push_str(&format!("|{set:?}|{unset:?}"));
            }
            item
        })
        .collect()
}
