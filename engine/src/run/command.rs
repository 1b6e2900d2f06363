//! The commands: start a case, complete a task, deliver an event, advance
//! the clock.
//!
//! Every command is a transaction. It first lets time catch up to the
//! command's time (deadlines due before it fire first, so the journal stays
//! in time order and conditions see the case as it was when they fell due),
//! then does its own work, then lets time catch up once more: what its work
//! made due at or before the command's time (a wait for a date that has
//! passed, a deadline counted from an old date) fires in the same command,
//! in time order, recorded at the command's time — as when a case starts.
//! If the command's own work fails the journal is cut back to where it was
//! and the state folded again from it (exactly the state before: no copy is
//! made in case of a refusal) and the error is returned; otherwise the entries
//! appended are the command's [`Effects`] (a copy of them: each command
//! has an `_in_place` twin that copies nothing and says where in
//! [`Case::journal`] its entries are, for callers that read them once, such
//! as a bulk simulation). A deadline or wait that fails
//! while time catches up is not the command's failure: it is journaled
//! ([`Record::DeadlineFailed`], [`Record::WaitFailed`]) and the command
//! goes on, so that no case can be stuck on it.

use std::ops::Range;

use chrono::NaiveDateTime;

use super::case::Case;
use super::effect::Effects;
use super::error::RunError;
use super::exec::Exec;
use super::journal::{Actor, CaseId, JournalEntry, Record, Task, TaskId, TokenId};
use super::render::MessageTexts;
use super::state::State;
use super::value::{check, to_values, Accepts};
use crate::model::{Routine, StepKind};

/// Which task to complete: by number, or the open task of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskRef {
    /// A task by number (needed for escalation tasks).
    Id(TaskId),
    /// The open task of a task step.
    Step(String),
}

impl From<TaskId> for TaskRef {
    fn from(id: TaskId) -> Self {
        TaskRef::Id(id)
    }
}

impl From<&str> for TaskRef {
    fn from(step: &str) -> Self {
        TaskRef::Step(step.to_string())
    }
}

impl From<String> for TaskRef {
    fn from(step: String) -> Self {
        TaskRef::Step(step)
    }
}

impl Case {
    /// Starts a case with its initial data (a JSON map of field values;
    /// `null` for none) at time `at`: case deadlines are armed and the
    /// start step is entered.
    pub fn start(
        routine: &Routine,
        id: impl Into<CaseId>,
        data: serde_json::Value,
        at: NaiveDateTime,
    ) -> Result<(Case, Effects), RunError> {
        Case::start_with(routine, id, data, at, MessageTexts::Rendered)
    }

    /// [`Case::start`], with messages given their texts or not, from the
    /// start on ([`MessageTexts`]; a bulk simulation counts messages
    /// without reading them).
    pub fn start_with(
        routine: &Routine,
        id: impl Into<CaseId>,
        data: serde_json::Value,
        at: NaiveDateTime,
        texts: MessageTexts,
    ) -> Result<(Case, Effects), RunError> {
        let case = Case::start_in_place(routine, id, data, at, texts)?;
        let effects = Effects {
            entries: case.journal.clone(),
        };
        Ok((case, effects))
    }

    /// [`Case::start_with`] without a copy of its effects: they are the
    /// new case's whole [`Case::journal`].
    pub fn start_in_place(
        routine: &Routine,
        id: impl Into<CaseId>,
        data: serde_json::Value,
        at: NaiveDateTime,
        texts: MessageTexts,
    ) -> Result<Case, RunError> {
        let data = to_values(data)?;
        let accepts = Accepts {
            required: routine
                .fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.id.as_str())
                .collect(),
            optional: None,
            by: &|| "the case start".into(),
        };
        let data = check(routine, data, &accepts, at.date())?;
        let names = crate::expr::routine_compiled(routine).names();
        let first = JournalEntry {
            seq: 1,
            at,
            actor: Actor::System,
            record: Record::CaseStarted {
                case: id.into(),
                routine: names.get(&routine.meta.id),
                version: names.get(&routine.meta.version),
                data,
            },
        };
        let mut case = Case {
            state: State::begin(&first)?,
            journal: vec![first],
            texts,
        };
        {
            let mut exec = Exec::new(routine, &mut case, Actor::System);
            exec.arm_case_deadlines()?;
            exec.go(TokenId(0), &routine.start)?;
            exec.drain()?;
            exec.settle(at)?;
        }
        case.tidy();
        Ok(case)
    }

    /// The entries in `range` of the journal, as a command's effects.
    fn effects(&self, range: Range<usize>) -> Effects {
        Effects {
            entries: self.journal.get(range).unwrap_or_default().to_vec(),
        }
    }

    /// Completes a task: `actor` (a person's name) acting as `role` records
    /// `values` (a JSON map; `null` for none). A step's task then moves the
    /// case on; an escalation task only records its values.
    pub fn complete_task(
        &mut self,
        routine: &Routine,
        task: impl Into<TaskRef>,
        actor: &str,
        role: &str,
        values: serde_json::Value,
        at: NaiveDateTime,
    ) -> Result<Effects, RunError> {
        let range = self.complete_task_in_place(routine, task, actor, role, values, at)?;
        Ok(self.effects(range))
    }

    /// [`Case::complete_task`] without a copy of its effects: they are the
    /// entries of [`Case::journal`] in the range it returns.
    pub fn complete_task_in_place(
        &mut self,
        routine: &Routine,
        task: impl Into<TaskRef>,
        actor: &str,
        role: &str,
        values: serde_json::Value,
        at: NaiveDateTime,
    ) -> Result<Range<usize>, RunError> {
        let task = task.into();
        self.transact(routine, at, |exec| {
            exec.settle(at)?;
            exec.ensure_open()?;
            let open = find_task(exec, &task)?;
            if open.role != role {
                return Err(RunError::WrongRole {
                    task: open.id,
                    step: open.step.as_deref().unwrap_or_default().to_string(),
                    expected: open.role.to_string(),
                    got: role.to_string(),
                });
            }
            let values = to_values(values)?;
            let label = || match &open.step {
                Some(step) => format!("task {} ({step})", open.id),
                None => format!("task {}", open.id),
            };
            let step = open.step.as_deref().map(|s| exec.step(s)).transpose()?;
            let accepts = match (&open.deadline, step.map(|s| &s.kind)) {
                (
                    None,
                    Some(StepKind::Task {
                        collects, optional, ..
                    }),
                ) => Accepts {
                    required: collects.iter().map(String::as_str).collect(),
                    optional: Some(optional.iter().map(String::as_str).collect()),
                    by: &label,
                },
                (Some(deadline), _) => Accepts {
                    required: Vec::new(),
                    optional: Some(escalation_fields(exec.routine, step, deadline)),
                    by: &label,
                },
                _ => return Err(RunError::Internal(format!("{} has no task step", label()))),
            };
            let values = check(exec.routine, values, &accepts, at.date())?;
            let person = Actor::Person {
                name: exec.case.person_name(actor),
                role: exec.name(role),
            };
            exec.as_actor(person, |exec| {
                exec.emit(Record::TaskCompleted {
                    task: open.id,
                    step: open.step.clone(),
                    values,
                })
            })?;
            if let (None, Some(step), Some(token)) = (&open.deadline, step, open.token) {
                exec.route_on(token, step)?;
                exec.drain()?;
            }
            // What the case moved into may already be due (a wait for a
            // date that has passed, a deadline counted from an old date).
            exec.settle(at)
        })
    }

    /// Delivers an external event (with values, a JSON map or `null`) to the
    /// step waiting for it (the one that has waited longest, i.e. was
    /// entered first, if several wait).
    pub fn deliver(
        &mut self,
        routine: &Routine,
        event: &str,
        values: serde_json::Value,
        at: NaiveDateTime,
    ) -> Result<Effects, RunError> {
        let range = self.deliver_in_place(routine, event, values, at)?;
        Ok(self.effects(range))
    }

    /// [`Case::deliver`] without a copy of its effects: they are the
    /// entries of [`Case::journal`] in the range it returns.
    pub fn deliver_in_place(
        &mut self,
        routine: &Routine,
        event: &str,
        values: serde_json::Value,
        at: NaiveDateTime,
    ) -> Result<Range<usize>, RunError> {
        self.transact(routine, at, |exec| {
            exec.settle(at)?;
            exec.ensure_open()?;
            if let Some(case_event) = exec.routine.case_event(event) {
                exec.interrupt(case_event, to_values(values)?)?;
                return exec.settle(at);
            }
            // The step that has waited longest: the earliest entered.
            let waiting = exec
                .case
                .state
                .tokens
                .iter()
                .filter_map(|(token, t)| {
                    let step = exec.routine.step(&t.step)?;
                    match &step.kind {
                        StepKind::Event { event: e, .. } if e == event => {
                            Some((t.entered, *token, step))
                        }
                        _ => None,
                    }
                })
                .min_by_key(|(entered, _, _)| *entered)
                .map(|(_, token, step)| (token, step));
            let Some((token, step)) = waiting else {
                let known = exec
                    .routine
                    .steps
                    .iter()
                    .any(|s| matches!(&s.kind, StepKind::Event { event: e, .. } if e == event));
                return Err(if known {
                    RunError::EventNotAwaited(event.to_string())
                } else {
                    RunError::UnknownEvent {
                        event: event.to_string(),
                        suggestion: crate::diagnostic::suggest(
                            event,
                            exec.routine
                                .steps
                                .iter()
                                .filter_map(|s| match &s.kind {
                                    StepKind::Event { event, .. } => Some(event.as_str()),
                                    _ => None,
                                })
                                .chain(exec.routine.events.iter().map(|e| e.id.as_str())),
                        ),
                    }
                });
            };
            let StepKind::Event {
                collects, optional, ..
            } = &step.kind
            else {
                return Err(RunError::Internal("not an event step".into()));
            };
            let values = to_values(values)?;
            let accepts = Accepts {
                required: collects.iter().map(String::as_str).collect(),
                optional: Some(optional.iter().map(String::as_str).collect()),
                by: &|| format!("event `{event}`"),
            };
            let values = check(exec.routine, values, &accepts, at.date())?;
            let external = Actor::External {
                event: exec.name(event),
            };
            exec.as_actor(external, |exec| {
                exec.emit(Record::EventReceived {
                    token,
                    step: exec.name(&step.id),
                    event: exec.name(event),
                    values,
                })
            })?;
            exec.route_on(token, step)?;
            exec.drain()?;
            exec.settle(at)
        })
    }

    /// Moves the case's clock to `to`: every deadline due up to then fires,
    /// in time order, and every wait whose date has come goes on.
    pub fn advance(&mut self, routine: &Routine, to: NaiveDateTime) -> Result<Effects, RunError> {
        let range = self.advance_in_place(routine, to)?;
        Ok(self.effects(range))
    }

    /// [`Case::advance`] without a copy of its effects: they are the
    /// entries of [`Case::journal`] in the range it returns.
    pub fn advance_in_place(
        &mut self,
        routine: &Routine,
        to: NaiveDateTime,
    ) -> Result<Range<usize>, RunError> {
        self.transact(routine, to, |exec| exec.settle(to))
    }

    /// Runs `f` as one transaction: all of it or nothing. Gives the range
    /// of the journal it appended.
    fn transact(
        &mut self,
        routine: &Routine,
        at: NaiveDateTime,
        f: impl FnOnce(&mut Exec<'_>) -> Result<(), RunError>,
    ) -> Result<Range<usize>, RunError> {
        self.check_routine(routine)?;
        if let Some(outcome) = self.outcome() {
            return Err(RunError::CaseEnded {
                outcome: outcome.to_string(),
            });
        }
        if at < self.state.latest {
            return Err(RunError::TimeWentBackwards {
                at,
                latest: self.state.latest,
            });
        }
        let len = self.journal.len();
        let result = f(&mut Exec::new(routine, self, Actor::System));
        if let Err(e) = result {
            self.rewind_to(len)?;
            return Err(e);
        }
        self.tidy();
        Ok(len..self.journal.len())
    }
}

fn find_task(exec: &Exec<'_>, task: &TaskRef) -> Result<Task, RunError> {
    let tasks = &exec.case.state.tasks;
    match task {
        TaskRef::Id(id) => tasks.get(&id.0).cloned().ok_or(RunError::NoSuchTask(*id)),
        TaskRef::Step(step) => {
            if exec.routine.step(step).is_none() {
                if escalates(exec.routine, step) {
                    return escalation_task(exec, step);
                }
                return Err(RunError::UnknownStep {
                    step: step.clone(),
                    suggestion: crate::diagnostic::suggest(
                        step,
                        exec.routine.steps.iter().map(|s| s.id.as_str()),
                    ),
                });
            }
            tasks
                .values()
                .find(|t| t.deadline.is_none() && t.step.as_deref() == Some(step.as_str()))
                .cloned()
                .ok_or_else(|| RunError::StepNotActive(step.clone()))
        }
    }
}

/// Whether some deadline of the routine called `id` opens a task.
fn escalates(routine: &Routine, id: &str) -> bool {
    routine
        .deadlines
        .iter()
        .chain(routine.steps.iter().flat_map(|s| &s.deadlines))
        .any(|d| d.id == id && d.task.is_some())
}

/// The open escalation task of deadline `deadline` (the earliest opened).
fn escalation_task(exec: &Exec<'_>, deadline: &str) -> Result<Task, RunError> {
    exec.case
        .state
        .tasks
        .values()
        .find(|t| t.deadline.as_deref() == Some(deadline))
        .cloned()
        .ok_or_else(|| RunError::EscalationNotOpen {
            deadline: deadline.to_string(),
        })
}

/// The fields an escalation task records (all optional).
fn escalation_fields<'r>(
    routine: &'r Routine,
    step: Option<&'r crate::model::Step>,
    deadline: &str,
) -> Vec<&'r str> {
    let list = step.map_or(&routine.deadlines, |s| &s.deadlines);
    list.iter()
        .find(|d| d.id == deadline)
        .and_then(|d| d.task.as_ref())
        .map(|t| t.collects.iter().map(String::as_str).collect())
        .unwrap_or_default()
}
