//! One simulated case: a stage's routine driven on its own clock. Tasks are
//! done and events arrive at times drawn from the profile, deadlines fire
//! when the engine says they are due, and a small priority queue of due
//! times says what happens next.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::NaiveDateTime;
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Value};

use super::distribution::{pick, unit_interval};
use super::keys::{Keys, StageKeys};
use super::profile::{Branch, Stage};
use super::tally::Tally;
use super::values::draw;
use crate::model::{Routine, StepKind};
use crate::run::{Case, Effects, Fields, MessageTexts, Record, RunError, Task, TaskId, TaskRef};

/// The most commands one simulated case may take (a guard against a profile
/// whose values make a case go round a loop forever).
const MAX_COMMANDS: usize = 10_000;

/// How a simulated case ended.
pub(crate) enum End {
    /// The case ended with this outcome at this time, with these fields.
    Ended {
        at: NaiveDateTime,
        outcome: String,
        fields: Fields,
    },
    /// Still open at the horizon, or waiting for nothing.
    Open,
    /// A command was refused or the guard stopped it.
    Failed,
}

/// Something the simulation will do at a time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    /// Complete this task.
    Task(TaskId),
    /// Deliver the event awaited at this step (by index), on this visit.
    Event { step: usize, visit: u32 },
    /// Deliver the case-wide event (by index in the routine's `events`).
    CaseEvent(usize),
}

/// The state of one simulated case.
pub(crate) struct Driver<'a> {
    stage: &'a Stage,
    index: usize,
    keys: &'a Keys,
    stage_keys: &'a StageKeys,
    horizon: NaiveDateTime,
    queue: BinaryHeap<Reverse<(NaiveDateTime, u64, Pending)>>,
    counter: u64,
    /// Open tasks: id, role number, when opened.
    open: Vec<(TaskId, usize, NaiveDateTime, Task)>,
    /// Visits of each step so far.
    visits: Vec<u32>,
    /// Deadlines already fired in this case.
    fired: Vec<usize>,
    /// Whether messages are rendered (the report counts them only).
    texts: MessageTexts,
}

fn routine_of(stage: &Stage) -> &Routine {
    &stage.routine
}

impl<'a> Driver<'a> {
    pub(crate) fn new(
        stage: &'a Stage,
        index: usize,
        keys: &'a Keys,
        horizon: NaiveDateTime,
        texts: MessageTexts,
    ) -> Self {
        Driver {
            stage,
            index,
            keys,
            stage_keys: &keys.stages[index],
            horizon,
            queue: BinaryHeap::new(),
            counter: 0,
            open: Vec::new(),
            visits: vec![0; stage.routine.steps.len()],
            fired: Vec::new(),
            texts,
        }
    }

    fn push(&mut self, at: NaiveDateTime, what: Pending) {
        self.counter += 1;
        self.queue.push(Reverse((at, self.counter, what)));
    }

    /// Runs a case from `at` with `data` until it ends, the horizon, or a failure.
    pub(crate) fn run(
        mut self,
        id: String,
        data: Value,
        at: NaiveDateTime,
        rng: &mut ChaCha8Rng,
        tally: &mut Tally,
    ) -> End {
        let routine = routine_of(self.stage);
        tally.stages[self.index].started += 1;
        let mut case = match Case::start_with(routine, id, data, at, self.texts) {
            Ok((case, effects)) => {
                self.plan_case_events(at, rng);
                self.account(&effects, rng, tally);
                case
            }
            Err(e) => return self.failed(&e, tally),
        };
        for _ in 0..MAX_COMMANDS {
            if case.is_ended() {
                let outcome = case.outcome().unwrap_or_default().to_owned();
                let end = case.latest();
                let stage = &mut tally.stages[self.index];
                *stage.outcomes.entry(outcome.clone()).or_default() += 1;
                let minutes = (end - case.started()).num_minutes().max(0);
                stage
                    .lead_minutes
                    .push(u32::try_from(minutes).unwrap_or(u32::MAX));
                return End::Ended {
                    at: end,
                    outcome,
                    fields: case.fields().clone(),
                };
            }
            match self.step(&mut case, rng) {
                Ok(Some(effects)) => self.account(&effects, rng, tally),
                Ok(None) => {
                    tally.stages[self.index].open += 1;
                    return End::Open;
                }
                Err(e) => return self.failed(&e, tally),
            }
        }
        let e = RunError::Journal {
            seq: 0,
            message: format!("the case took more than {MAX_COMMANDS} commands"),
        };
        self.failed(&e, tally)
    }

    fn failed(&self, e: &RunError, tally: &mut Tally) -> End {
        tally.stages[self.index].failed += 1;
        *tally.errors.entry((self.index, e.to_string())).or_default() += 1;
        End::Failed
    }

    /// Does the next thing due; `None` when nothing is due before the horizon.
    fn step(&mut self, case: &mut Case, rng: &mut ChaCha8Rng) -> Result<Option<Effects>, RunError> {
        let routine = routine_of(self.stage);
        loop {
            let deadline = case.next_due();
            let pending = self.queue.peek().map(|Reverse((t, _, _))| *t);
            let Some(next) = deadline.into_iter().chain(pending).min() else {
                return Ok(None);
            };
            if next >= self.horizon {
                return Ok(None);
            }
            if deadline.is_some_and(|d| d <= next) {
                return case.advance(routine, next).map(Some);
            }
            let Some(Reverse((at, _, what))) = self.queue.pop() else {
                return Ok(None);
            };
            let at = at.max(case.latest());
            if let Some(effects) = self.act(case, what, at, rng)? {
                return Ok(Some(effects));
            }
        }
    }

    /// Carries out a pending action, or `None` when it no longer applies.
    fn act(
        &mut self,
        case: &mut Case,
        what: Pending,
        at: NaiveDateTime,
        rng: &mut ChaCha8Rng,
    ) -> Result<Option<Effects>, RunError> {
        let routine = routine_of(self.stage);
        match what {
            Pending::Task(id) => {
                let Some((_, _, _, task)) = self.open.iter().find(|o| o.0 == id) else {
                    return Ok(None);
                };
                let values = self.task_values(task, at, rng);
                let role = task.role.clone();
                let name = routine
                    .roles
                    .get(role.as_str())
                    .map_or(role.as_str(), |r| r.name.as_str());
                case.complete_task(routine, TaskRef::Id(id), name, &role, values, at)
                    .map(Some)
            }
            Pending::Event { step, visit } => {
                let Some(s) = routine.steps.get(step) else {
                    return Ok(None);
                };
                let waiting =
                    self.visits[step] == visit && case.active_steps().contains(&s.id.as_str());
                let StepKind::Event {
                    event,
                    collects,
                    optional,
                    ..
                } = &s.kind
                else {
                    return Ok(None);
                };
                if !waiting {
                    return Ok(None);
                }
                let values = self.values(Some(&s.id), collects, optional, at, rng);
                case.deliver(routine, event, values, at).map(Some)
            }
            Pending::CaseEvent(index) => {
                let Some(event) = routine.events.get(index) else {
                    return Ok(None);
                };
                let values = self.values(None, &event.collects, &event.optional, at, rng);
                case.deliver(routine, &event.id, values, at).map(Some)
            }
        }
    }

    /// Draws when each case-wide event the profile times comes (or that it
    /// never does); one the profile leaves out never comes.
    fn plan_case_events(&mut self, start: NaiveDateTime, rng: &mut ChaCha8Rng) {
        let routine = routine_of(self.stage);
        for (index, event) in routine.events.iter().enumerate() {
            let Some(timing) = self.stage.events.get(&event.id) else {
                continue;
            };
            if timing.never > 0.0 && unit_interval(rng) < timing.never {
                continue;
            }
            let due = timing.delay.after(start, rng);
            self.push(due, Pending::CaseEvent(index));
        }
    }

    fn task_values(&self, task: &Task, at: NaiveDateTime, rng: &mut ChaCha8Rng) -> Value {
        let routine = routine_of(self.stage);
        match task.step.as_deref().and_then(|s| routine.step(s)) {
            Some(step) if task.deadline.is_none() => match &step.kind {
                StepKind::Task {
                    collects, optional, ..
                } => self.values(Some(&step.id), collects, optional, at, rng),
                _ => Value::Object(Map::new()),
            },
            _ => Value::Object(Map::new()),
        }
    }

    /// The values a step (or a case-wide event) records: drawn, then those
    /// of the branch chosen at the step.
    fn values(
        &self,
        step: Option<&str>,
        collects: &[String],
        optional: &[String],
        at: NaiveDateTime,
        rng: &mut ChaCha8Rng,
    ) -> Value {
        let routine = routine_of(self.stage);
        let today = at.date();
        let mut out = Map::new();
        for id in collects {
            if let Some(f) = routine.field(id) {
                out.insert(id.clone(), draw(self.stage, f, today, rng));
            }
        }
        for id in optional
            .iter()
            .filter(|f| self.stage.values.contains_key(*f))
        {
            if let Some(f) = routine.field(id) {
                out.insert(id.clone(), draw(self.stage, f, today, rng));
            }
        }
        if let Some(branches) = step.and_then(|step| self.stage.branches.get(step)) {
            apply_branch(branches, optional, &mut out, rng);
        }
        Value::Object(out)
    }

    /// Counts what a command did and plans what follows from it.
    fn account(&mut self, effects: &Effects, rng: &mut ChaCha8Rng, tally: &mut Tally) {
        for entry in &effects.entries {
            let at = entry.at;
            match &entry.record {
                Record::TaskOpened(task) => self.task_opened(task, at, rng, tally),
                Record::TaskCompleted { task, .. } | Record::TaskWithdrawn { task, .. } => {
                    if let Some(i) = self.open.iter().position(|o| o.0 == *task) {
                        let (_, role, opened, _) = self.open.swap_remove(i);
                        tally.task_closed(role, opened, at);
                    }
                }
                Record::StepEntered { step, .. } => self.step_entered(step, at, rng),
                Record::MessageSent(m) => {
                    for r in m.recipients() {
                        if let Some(n) = self.keys.recipient_of(r.kind, &r.id) {
                            tally.message(n, at);
                        }
                    }
                }
                Record::DeadlineFired { deadline, step, .. } => {
                    let n = self
                        .stage_keys
                        .deadlines
                        .get(step.as_deref().unwrap_or_default())
                        .and_then(|m| m.get(deadline.as_str()));
                    if let Some(&n) = n {
                        let first = !self.fired.contains(&n);
                        if first {
                            self.fired.push(n);
                        }
                        tally.fired(n, at, first);
                    }
                }
                _ => {}
            }
        }
    }

    fn task_opened(
        &mut self,
        task: &Task,
        at: NaiveDateTime,
        rng: &mut ChaCha8Rng,
        tally: &mut Tally,
    ) {
        let Some(&role) = self.stage_keys.roles.get(task.role.as_str()) else {
            return;
        };
        tally.task_opened(role, at);
        let own = task
            .step
            .as_deref()
            .filter(|_| task.deadline.is_none())
            .and_then(|s| self.stage.step_durations.get(s));
        let delay = own
            .or_else(|| self.stage.role_durations.get(task.role.as_str()))
            .unwrap_or(&self.stage.default_duration);
        let due = delay.after(at, rng);
        self.open.push((task.id, role, at, task.clone()));
        self.push(due, Pending::Task(task.id));
    }

    fn step_entered(&mut self, step: &str, at: NaiveDateTime, rng: &mut ChaCha8Rng) {
        let routine = routine_of(self.stage);
        let Some(index) = routine.steps.iter().position(|s| s.id == step) else {
            return;
        };
        self.visits[index] += 1;
        let StepKind::Event { event, .. } = &routine.steps[index].kind else {
            return;
        };
        let due = match self.stage.events.get(event) {
            Some(timing) => {
                if timing.never > 0.0 && unit_interval(rng) < timing.never {
                    return;
                }
                timing.delay.after(at, rng)
            }
            None => self.stage.default_duration.after(at, rng),
        };
        let visit = self.visits[index];
        self.push(due, Pending::Event { step: index, visit });
    }
}

/// Picks a route by its probability and gives the values that take it.
fn apply_branch(
    branches: &[Branch],
    optional: &[String],
    out: &mut Map<String, Value>,
    rng: &mut ChaCha8Rng,
) {
    let weights: Vec<f64> = branches.iter().map(|b| b.probability).collect();
    let Some(branch) = branches.get(pick(&weights, rng)) else {
        return;
    };
    for id in optional {
        if !branch.values.contains_key(id) {
            out.remove(id);
        }
    }
    for (id, v) in &branch.values {
        out.insert(id.clone(), v.clone());
    }
}
