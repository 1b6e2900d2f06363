//! The interpreter: moving tokens through steps.
//!
//! An [`Exec`] runs one command against a case. It changes the case only by
//! appending journal entries ([`Exec::emit`]), each folded into the state at
//! once, so what the interpreter decides and what a replay reconstructs can
//! never drift apart. Entering a step is split in two: [`Exec::go`] records
//! that a token entered it; [`Exec::drain`] then runs the step's behaviour in
//! first-in-first-out order. Automatic steps (decision, message, parallel,
//! join, end) move on at once; task, event and wait steps park their token.
//! Working from a queue rather than recursing keeps long chains of automatic
//! steps off the call stack, and a counter of steps entered at one instant
//! stops a routine that loops without waiting.

use std::collections::VecDeque;

use chrono::NaiveDateTime;
use minijinja::{Environment, Value};

use super::assign::SetPlace;
use super::case::Case;
use super::context;
use super::error::RunError;
use super::journal::{Actor, JournalEntry, Name, Record, Task, TaskId, TokenId};
use super::state::Status;
use crate::expr::{self, ExprError};
use crate::model::{Expr, Names, Route, Routine, Step, StepKind};

/// How many steps may be entered at one instant (without time passing);
/// `rutin check` refuses a routine whose chains of automatic steps are longer.
pub const MAX_STEPS_PER_INSTANT: u32 = 1000;

/// A point of a command to go back to (see [`Exec::mark`]): the journal's
/// length (the state is folded again from it) and the instant's count.
#[derive(Debug)]
pub(crate) struct Mark {
    len: usize,
    instant: NaiveDateTime,
    steps_at_instant: u32,
}

/// Runs one command.
pub(crate) struct Exec<'a> {
    pub(crate) routine: &'a Routine,
    pub(crate) env: &'a Environment<'static>,
    /// The routine's names, shared by the entries.
    pub(crate) names: &'a Names,
    pub(crate) case: &'a mut Case,
    /// The time entries are recorded at.
    pub(crate) now: NaiveDateTime,
    /// Who entries are recorded as caused by.
    pub(crate) actor: Actor,
    queue: VecDeque<(TokenId, Name)>,
    instant: NaiveDateTime,
    steps_at_instant: u32,
    pub(crate) timers_fired: u32,
}

impl<'a> Exec<'a> {
    pub(crate) fn new(routine: &'a Routine, case: &'a mut Case, actor: Actor) -> Exec<'a> {
        let now = case.state.latest;
        let compiled = expr::routine_compiled(routine);
        Exec {
            routine,
            env: compiled.env(),
            names: compiled.names(),
            case,
            now,
            actor,
            queue: VecDeque::new(),
            instant: now,
            steps_at_instant: 0,
            timers_fired: 0,
        }
    }

    /// Where the command stands, to go back to with [`Exec::rewind`].
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            len: self.case.journal.len(),
            instant: self.instant,
            steps_at_instant: self.steps_at_instant,
        }
    }

    /// Undoes everything since `mark`: its entries, their state and any
    /// steps still queued.
    pub(crate) fn rewind(&mut self, mark: Mark) -> Result<(), RunError> {
        self.case.rewind_to(mark.len)?;
        self.instant = mark.instant;
        self.steps_at_instant = mark.steps_at_instant;
        self.queue.clear();
        Ok(())
    }

    /// Appends an entry to the journal and folds it into the state.
    pub(crate) fn emit(&mut self, record: Record) -> Result<(), RunError> {
        let seq = self.case.journal.len() as u64 + 1;
        let entry = JournalEntry {
            seq,
            at: self.now,
            actor: self.actor.clone(),
            record,
        };
        self.case.state.apply(&entry, seq)?;
        self.case.journal.push(entry);
        Ok(())
    }

    /// Runs `f` with entries recorded as caused by `actor`.
    pub(crate) fn as_actor<T>(
        &mut self,
        actor: Actor,
        f: impl FnOnce(&mut Self) -> Result<T, RunError>,
    ) -> Result<T, RunError> {
        let saved = std::mem::replace(&mut self.actor, actor);
        let result = f(self);
        self.actor = saved;
        result
    }

    pub(crate) fn ended(&self) -> bool {
        matches!(self.case.state.status, Status::Ended { .. })
    }

    /// Refuses to go on when the case has ended (a deadline may have ended
    /// it while time caught up with the command).
    pub(crate) fn ensure_open(&self) -> Result<(), RunError> {
        match &self.case.state.status {
            Status::Ended { outcome, .. } => Err(RunError::CaseEnded {
                outcome: outcome.to_string(),
            }),
            Status::Open => Ok(()),
        }
    }

    /// A step the routine must contain.
    pub(crate) fn step(&self, id: &str) -> Result<&'a Step, RunError> {
        self.routine
            .step(id)
            .ok_or_else(|| RunError::Internal(format!("there is no step `{id}`")))
    }

    /// Evaluates an expression of the routine on the case as it is now,
    /// compiled once and given only the variables it reads.
    pub(crate) fn eval(&self, expr: &Expr) -> Result<Value, ExprError> {
        expr::eval_compiled(self.routine, expr, |reads| {
            context::expression_reading(self.routine, &self.case.state, self.now, reads)
        })
    }

    /// The routine's own `s`, shared (see [`Names`]).
    pub(crate) fn name(&self, s: &str) -> Name {
        self.names.get(s)
    }

    /// A fresh token id.
    pub(crate) fn fresh_token(&self) -> TokenId {
        TokenId(self.case.state.next_token)
    }

    /// Records that `token` enters `step`; its behaviour runs in [`Exec::drain`].
    pub(crate) fn go(&mut self, token: TokenId, step: &str) -> Result<(), RunError> {
        if self.now > self.instant {
            self.instant = self.now;
            self.steps_at_instant = 0;
        }
        self.steps_at_instant += 1;
        if self.steps_at_instant > MAX_STEPS_PER_INSTANT {
            return Err(RunError::CycleLimit {
                limit: MAX_STEPS_PER_INSTANT,
            });
        }
        let step = self.name(&self.step(step)?.id);
        self.emit(Record::StepEntered {
            token,
            step: step.clone(),
        })?;
        self.queue.push_back((token, step));
        Ok(())
    }

    /// Runs the behaviour of every step entered, until all tokens park.
    pub(crate) fn drain(&mut self) -> Result<(), RunError> {
        while let Some((token, step)) = self.queue.pop_front() {
            if self.ended() {
                self.queue.clear();
                break;
            }
            let still_there = self
                .case
                .state
                .tokens
                .get(&token)
                .is_some_and(|t| t.step == step);
            if still_there {
                self.run_step(token, self.step(&step)?)?;
            }
        }
        Ok(())
    }

    fn run_step(&mut self, token: TokenId, step: &'a Step) -> Result<(), RunError> {
        match &step.kind {
            StepKind::Task { role, .. } => {
                self.arm_step_deadlines(token, step)?;
                self.open_task(Some(token), Some(&step.id), role, &step.title, None)
            }
            StepKind::Event { .. } => self.arm_step_deadlines(token, step),
            StepKind::Wait { until } => {
                let until = self
                    .eval(until)
                    .and_then(|v| expr::to_date(until, v))
                    .map_err(|e| RunError::expr(format!("`until` of step `{}`", step.id), e))?;
                self.emit(Record::WaitStarted {
                    token,
                    step: self.name(&step.id),
                    until,
                })?;
                self.arm_step_deadlines(token, step)
            }
            StepKind::Decision => self.route_on(token, step),
            StepKind::Message(spec) => {
                self.send(spec, Some(step), None)?;
                self.route_on(token, step)
            }
            StepKind::Parallel { branches, join } => {
                // One count per join: a second split while the first still
                // waits would let the steps after the join run twice.
                if let Some(&(arrived, expected)) = self.case.state.joins.get(join.as_str()) {
                    if arrived < expected {
                        return Err(RunError::JoinBusy {
                            parallel: step.id.clone(),
                            join: join.clone(),
                            waiting: expected - arrived,
                            expected,
                        });
                    }
                }
                if branches.is_empty() {
                    return self.go(token, join);
                }
                self.emit(Record::BranchesStarted {
                    parallel: self.name(&step.id),
                    join: self.name(join),
                    branches: u32::try_from(branches.len()).unwrap_or(u32::MAX),
                })?;
                self.emit(Record::TokenEnded {
                    token,
                    step: self.name(&step.id),
                })?;
                for branch in branches {
                    let t = self.fresh_token();
                    self.go(t, branch)?;
                }
                Ok(())
            }
            StepKind::Join => {
                // No count: no split led here (a parallel step without
                // branches, or a path that does not split); the token goes on.
                if let Some(&(arrived, expected)) = self.case.state.joins.get(step.id.as_str()) {
                    if arrived >= expected {
                        // Every branch of the split has arrived and one went on.
                        return Err(RunError::JoinOverrun {
                            join: step.id.clone(),
                            expected,
                        });
                    }
                    let arrived = arrived + 1;
                    self.emit(Record::JoinArrived {
                        token,
                        join: self.name(&step.id),
                        arrived,
                        expected,
                    })?;
                    if arrived < expected {
                        return Ok(());
                    }
                }
                self.route_on(token, step)
            }
            StepKind::End { outcome } => self.end_case(step, outcome),
        }
    }

    /// The token is done with `step`: it leaves it and takes the first route
    /// that applies (or ends, if the step leads nowhere).
    pub(crate) fn route_on(&mut self, token: TokenId, step: &Step) -> Result<(), RunError> {
        let here = SetPlace {
            step: Some(&step.id),
            deadline: None,
        };
        self.assign(&step.set, here)?;
        let next = self.choose_route(step)?;
        self.leave(token)?;
        match next {
            Some(route) => {
                self.assign(&route.set, here)?;
                self.go(token, &route.to)
            }
            None => self.emit(Record::TokenEnded {
                token,
                step: self.name(&step.id),
            }),
        }
    }

    /// The first route whose condition holds; `None` when there are no routes.
    fn choose_route<'s>(&self, step: &'s Step) -> Result<Option<&'s Route>, RunError> {
        if step.routes.is_empty() {
            return Ok(None);
        }
        for (i, route) in step.routes.iter().enumerate() {
            let taken = match &route.when {
                None => true,
                Some(cond) => self.eval(cond).map(|v| v.is_true()).map_err(|e| {
                    RunError::expr(format!("route {} of step `{}`", i + 1, step.id), e)
                })?,
            };
            if taken {
                return Ok(Some(route));
            }
        }
        Err(RunError::NoRoute {
            step: step.id.clone(),
        })
    }

    /// A token leaves its step: the step's deadlines are cancelled and its
    /// tasks (the step's own and escalations) withdrawn.
    pub(crate) fn leave(&mut self, token: TokenId) -> Result<(), RunError> {
        let deadlines: Vec<_> = self
            .case
            .state
            .deadlines
            .values()
            .filter(|d| d.token == Some(token))
            .cloned()
            .collect();
        for d in deadlines {
            self.emit(Record::DeadlineCancelled {
                armed: d.armed,
                deadline: d.deadline,
                step: d.step,
            })?;
        }
        let tasks: Vec<_> = self
            .case
            .state
            .tasks
            .values()
            .filter(|t| t.token == Some(token))
            .map(|t| (t.id, t.step.clone()))
            .collect();
        for (task, step) in tasks {
            self.emit(Record::TaskWithdrawn { task, step })?;
        }
        Ok(())
    }

    pub(crate) fn open_task(
        &mut self,
        token: Option<TokenId>,
        step: Option<&str>,
        role: &str,
        title: &str,
        deadline: Option<&str>,
    ) -> Result<(), RunError> {
        let task = Task {
            id: TaskId(self.case.state.next_task),
            step: step.map(|s| self.name(s)),
            token,
            role: self.name(role),
            title: self.name(title),
            deadline: deadline.map(|d| self.name(d)),
            opened: self.now,
        };
        self.emit(Record::TaskOpened(task))
    }

    /// Ends the case: open tasks are withdrawn, armed deadlines cancelled.
    fn end_case(&mut self, step: &Step, outcome: &str) -> Result<(), RunError> {
        let here = SetPlace {
            step: Some(&step.id),
            deadline: None,
        };
        self.assign(&step.set, here)?;
        let tasks: Vec<_> = self
            .case
            .state
            .tasks
            .values()
            .map(|t| (t.id, t.step.clone()))
            .collect();
        for (task, step) in tasks {
            self.emit(Record::TaskWithdrawn { task, step })?;
        }
        let deadlines: Vec<_> = self.case.state.deadlines.values().cloned().collect();
        for d in deadlines {
            self.emit(Record::DeadlineCancelled {
                armed: d.armed,
                deadline: d.deadline,
                step: d.step,
            })?;
        }
        self.emit(Record::CaseEnded {
            step: self.name(&step.id),
            outcome: self.name(outcome),
        })?;
        self.queue.clear();
        Ok(())
    }
}
