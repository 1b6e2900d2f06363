//! Deadlines and the clock.
//!
//! A deadline is armed when its step starts (or, for a case deadline, when
//! the case starts) with a due time computed by [`crate::calendar`]:
//! calendar months, Swedish working days. Time moves only when the caller
//! says so; [`Exec::settle`] then fires everything due up to that time, one
//! at a time in time order (ties: deadlines before waits, then in arming
//! order), and lets each firing's consequences run to rest before picking the
//! next, so deadlines armed by steps entered along the way fire too if they
//! fall due before the target time. Every entry is recorded at the time it
//! happened, so journal times never decrease.

use chrono::{NaiveDateTime, NaiveTime};

use super::error::RunError;
use super::exec::Exec;
use super::journal::{Actor, ArmedDeadline, ArmedId, Record, TokenId};
use crate::expr::{eval_bool, parse_date};
use crate::model::{Deadline, DeadlineStart, Routine, Step};

/// How many deadlines and waits may fire in one command.
pub(crate) const MAX_TIMERS_PER_COMMAND: u32 = 100_000;

/// Something due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Due {
    /// An armed deadline.
    Deadline(u32),
    /// A token at a wait step.
    Wake(TokenId),
}

impl Exec<'_> {
    /// Arms the deadlines of a step a token just entered.
    pub(crate) fn arm_step_deadlines(
        &mut self,
        token: TokenId,
        step: &Step,
    ) -> Result<(), RunError> {
        let since = self.now;
        for d in &step.deadlines {
            self.arm(d, Some(&step.id), Some(token), since)?;
        }
        Ok(())
    }

    /// Arms the case deadlines (at the start).
    pub(crate) fn arm_case_deadlines(&mut self) -> Result<(), RunError> {
        let since = self.case.state.started;
        for d in &self.routine.deadlines {
            self.arm(d, None, None, since)?;
        }
        Ok(())
    }

    fn arm(
        &mut self,
        deadline: &Deadline,
        step: Option<&str>,
        token: Option<TokenId>,
        since: NaiveDateTime,
    ) -> Result<(), RunError> {
        let due = match &deadline.from {
            DeadlineStart::StepStart => deadline.after.after_datetime(since),
            DeadlineStart::Field(field) => {
                let date = self
                    .case
                    .state
                    .fields
                    .get(field)
                    .and_then(|v| v.as_str())
                    .and_then(parse_date);
                let Some(date) = date else {
                    return self.emit(Record::DeadlineNotArmed {
                        deadline: deadline.id.clone(),
                        step: step.map(str::to_string),
                        field: field.clone(),
                    });
                };
                deadline
                    .after
                    .after(date)
                    .map(|d| d.and_time(NaiveTime::MIN))
            }
        };
        let due = due.ok_or_else(|| RunError::DateOutOfRange {
            what: format!("deadline `{}`", deadline.id),
        })?;
        let armed = ArmedDeadline {
            armed: ArmedId(self.case.state.next_armed),
            deadline: deadline.id.clone(),
            step: step.map(str::to_string),
            token,
            due,
            occurrence: 0,
        };
        self.emit(Record::DeadlineArmed(armed))
    }

    /// Fires everything due up to `to`, in time order, then sets the clock to `to`.
    pub(crate) fn settle(&mut self, to: NaiveDateTime) -> Result<(), RunError> {
        while !self.ended() {
            let Some((at, due)) = self.next_due(to) else {
                break;
            };
            self.timers_fired += 1;
            if self.timers_fired > MAX_TIMERS_PER_COMMAND {
                return Err(RunError::TimerLimit {
                    limit: MAX_TIMERS_PER_COMMAND,
                });
            }
            self.now = self.now.max(at);
            self.as_actor(Actor::Clock, |exec| {
                match due {
                    Due::Deadline(key) => exec.fire(key)?,
                    Due::Wake(token) => exec.wake(token)?,
                }
                exec.drain()
            })?;
        }
        self.now = self.now.max(to);
        Ok(())
    }

    /// The earliest thing due at or before `to`.
    fn next_due(&self, to: NaiveDateTime) -> Option<(NaiveDateTime, Due)> {
        let state = &self.case.state;
        let deadlines = state
            .deadlines
            .iter()
            .map(|(key, d)| (d.due, Due::Deadline(*key)));
        let waits = state
            .tokens
            .iter()
            .filter_map(|(token, t)| t.wake.map(|w| (w, Due::Wake(*token))));
        deadlines.chain(waits).filter(|(at, _)| *at <= to).min()
    }

    fn fire(&mut self, key: u32) -> Result<(), RunError> {
        let armed = self
            .case
            .state
            .deadlines
            .get(&key)
            .cloned()
            .ok_or_else(|| RunError::Internal("a due deadline vanished".into()))?;
        let (deadline, step) = definition(self.routine, &armed)?;
        let holds = match &deadline.when {
            None => true,
            Some(cond) => {
                let ctx = self.expr_context();
                eval_bool(&self.env, cond, &ctx).map_err(|e| {
                    RunError::expr(format!("`when` of deadline `{}`", deadline.id), e)
                })?
            }
        };
        if !holds {
            self.emit(Record::DeadlineSkipped {
                armed: armed.armed,
                deadline: armed.deadline.clone(),
                step: armed.step.clone(),
            })?;
            return self.rearm(&armed, deadline);
        }
        self.emit(Record::DeadlineFired {
            armed: armed.armed,
            deadline: armed.deadline.clone(),
            step: armed.step.clone(),
        })?;
        if let Some(message) = &deadline.message {
            self.send(message, step, Some(deadline))?;
        }
        if let Some(task) = &deadline.task {
            // A task that outlives a goto belongs to the case, not the step.
            let token = if deadline.goto.is_some() {
                None
            } else {
                armed.token
            };
            self.open_task(
                token,
                armed.step.as_deref(),
                &task.role,
                &task.title,
                Some(&deadline.id),
            )?;
        }
        match (&deadline.goto, armed.token) {
            (None, _) => self.rearm(&armed, deadline),
            (Some(target), Some(token)) => {
                // Interrupting: this token moves; the step's deadlines go with it.
                self.leave(token)?;
                self.go(token, target)
            }
            (Some(target), None) => {
                // A case deadline moves the whole case: every token stops.
                let tokens: Vec<_> = self
                    .case
                    .state
                    .tokens
                    .iter()
                    .map(|(t, at)| (*t, at.step.clone()))
                    .collect();
                for (token, step) in tokens {
                    self.leave(token)?;
                    self.emit(Record::TokenEnded { token, step })?;
                }
                if !self.case.state.joins.is_empty() {
                    self.emit(Record::JoinsReset)?;
                }
                let token = self.fresh_token();
                self.go(token, target)?;
                self.rearm(&armed, deadline)
            }
        }
    }

    /// Arms the next repeat of a deadline, if it has one left.
    fn rearm(&mut self, armed: &ArmedDeadline, deadline: &Deadline) -> Result<(), RunError> {
        let Some(repeat) = &deadline.repeat else {
            return Ok(());
        };
        if repeat.times.is_some_and(|times| armed.occurrence >= times) {
            return Ok(());
        }
        let due =
            repeat
                .every
                .after_datetime(armed.due)
                .ok_or_else(|| RunError::DateOutOfRange {
                    what: format!("repeat of deadline `{}`", deadline.id),
                })?;
        if due <= armed.due {
            // `every: 0 days` would repeat forever at one instant.
            return Ok(());
        }
        self.emit(Record::DeadlineArmed(ArmedDeadline {
            armed: ArmedId(self.case.state.next_armed),
            due,
            occurrence: armed.occurrence.saturating_add(1),
            ..armed.clone()
        }))
    }

    /// A waited-for date came: the token goes on.
    fn wake(&mut self, token: TokenId) -> Result<(), RunError> {
        let step = self
            .case
            .state
            .tokens
            .get(&token)
            .map(|t| t.step.clone())
            .ok_or_else(|| RunError::Internal("a waiting token vanished".into()))?;
        let step = self.step(&step)?;
        self.route_on(token, step)
    }
}

/// The routine's definition of an armed deadline, and its step.
fn definition<'r>(
    routine: &'r Routine,
    armed: &ArmedDeadline,
) -> Result<(&'r Deadline, Option<&'r Step>), RunError> {
    let (list, step) = match &armed.step {
        Some(id) => {
            let step = routine
                .step(id)
                .ok_or_else(|| RunError::Internal(format!("there is no step `{id}`")))?;
            (&step.deadlines, Some(step))
        }
        None => (&routine.deadlines, None),
    };
    let deadline = list
        .iter()
        .find(|d| d.id == armed.deadline)
        .ok_or_else(|| RunError::Internal(format!("there is no deadline `{}`", armed.deadline)))?;
    Ok((deadline, step))
}
