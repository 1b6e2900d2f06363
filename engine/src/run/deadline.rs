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
use super::journal::{Actor, ArmedDeadline, ArmedId, Name, Record, TokenId};
use crate::calendar::Duration;
use crate::expr::parse_date;
use crate::model::{Deadline, DeadlineStart, MessageSpec, Routine, Step};

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
        let from = match &deadline.from {
            DeadlineStart::StepStart => since,
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
                        deadline: self.name(&deadline.id),
                        step: step.map(|s| self.name(s)),
                        field: self.name(field),
                    });
                };
                date.and_time(NaiveTime::MIN)
            }
        };
        let due = crate::calendar::due_at(from, &deadline.after, deadline.at).ok_or_else(|| {
            RunError::DateOutOfRange {
                what: format!("deadline `{}`", deadline.id),
            }
        })?;
        let armed = ArmedDeadline {
            armed: ArmedId(self.case.state.next_armed),
            deadline: self.name(&deadline.id),
            step: step.map(|s| self.name(s)),
            token,
            due,
            occurrence: 0,
            counted_from: Some(from),
        };
        self.emit(Record::DeadlineArmed(armed))
    }

    /// Fires everything due up to `to`, in time order, then sets the clock to `to`.
    ///
    /// A deadline or wait whose consequences fail (a message that cannot be
    /// rendered, no route that applies, …) is not the command's fault and
    /// must not block the case: what it did is undone, the failure is
    /// journaled ([`Record::DeadlineFailed`], [`Record::WaitFailed`]) and
    /// time goes on. Only a failure of the clock itself (too many firings in
    /// one command) refuses the command.
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
            let mark = self.mark();
            let result = self.as_actor(Actor::Clock, |exec| {
                match due {
                    Due::Deadline(key) => exec.fire(key)?,
                    Due::Wake(token) => exec.wake(token)?,
                }
                exec.drain()
            });
            if let Err(error) = result {
                self.rewind(mark)?;
                self.as_actor(Actor::Clock, |exec| exec.failed(due, &error))?;
            }
        }
        self.now = self.now.max(to);
        Ok(())
    }

    /// Records that firing `due` failed with `error` (its effects already
    /// undone). A failed deadline counts as expired: its arming is used up
    /// and its next repeat, if it has one, is armed, so a reminder that
    /// failed once tries again next time. A failed wait stops waiting; its
    /// token stays at the wait step.
    fn failed(&mut self, due: Due, error: &RunError) -> Result<(), RunError> {
        let mut error = error.to_string();
        match due {
            Due::Deadline(key) => {
                let armed = self.armed(key)?;
                let next = definition(self.routine, &armed)
                    .and_then(|(deadline, _)| self.next_repeat(&armed, deadline));
                let next = next.unwrap_or_else(|e| {
                    error.push_str(&format!("; it will not repeat: {e}"));
                    None
                });
                self.emit(Record::DeadlineFailed {
                    armed: armed.armed,
                    deadline: armed.deadline.clone(),
                    step: armed.step.clone(),
                    error,
                })?;
                match next {
                    Some(next) => self.emit(Record::DeadlineArmed(next)),
                    None => Ok(()),
                }
            }
            Due::Wake(token) => {
                let step = self.waiting_step(token)?;
                self.emit(Record::WaitFailed { token, step, error })
            }
        }
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

    /// An armed deadline by key.
    fn armed(&self, key: u32) -> Result<ArmedDeadline, RunError> {
        self.case
            .state
            .deadlines
            .get(&key)
            .cloned()
            .ok_or_else(|| RunError::Internal("a due deadline vanished".into()))
    }

    fn fire(&mut self, key: u32) -> Result<(), RunError> {
        let armed = self.armed(key)?;
        let (deadline, step) = definition(self.routine, &armed)?;
        let holds = match &deadline.when {
            None => true,
            Some(cond) => self
                .eval(cond)
                .map(|v| v.is_true())
                .map_err(|e| RunError::expr(format!("`when` of deadline `{}`", deadline.id), e))?,
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
        let here = super::assign::SetPlace {
            step: armed.step.as_deref(),
            deadline: Some(&deadline.id),
        };
        self.assign(&deadline.set, here)?;
        if let Some(message) = &deadline.message {
            self.send_part(&armed, message, step, deadline)?;
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

    /// Sends a deadline's message; when that fails, the failure is
    /// journaled ([`Record::DeadlineMessageFailed`]) and the deadline's
    /// other parts go on.
    fn send_part(
        &mut self,
        armed: &ArmedDeadline,
        message: &MessageSpec,
        step: Option<&Step>,
        deadline: &Deadline,
    ) -> Result<(), RunError> {
        let mark = self.mark();
        let Err(error) = self.send(message, step, Some(deadline)) else {
            return Ok(());
        };
        self.rewind(mark)?;
        self.emit(Record::DeadlineMessageFailed {
            armed: armed.armed,
            deadline: armed.deadline.clone(),
            step: armed.step.clone(),
            template: self.name(&message.template),
            error: error.to_string(),
        })
    }

    /// Arms the next repeat of a deadline, if it has one left.
    fn rearm(&mut self, armed: &ArmedDeadline, deadline: &Deadline) -> Result<(), RunError> {
        match self.next_repeat(armed, deadline)? {
            Some(next) => self.emit(Record::DeadlineArmed(next)),
            None => Ok(()),
        }
    }

    /// The arming of the repeat after `armed`, if the deadline has one left.
    ///
    /// The n-th repeat is due `after` plus n × `every` from what the
    /// deadline counts from, never from the previous due time: calendar
    /// months clamp to a month's end, and counting on from a clamped date
    /// would drift (31 January + 1 month, repeated monthly: 28 February,
    /// 31 March, 30 April, 31 May — not 28 March, 28 April, …). When `after`
    /// and `every` have the same unit they are added up first; otherwise the
    /// repeats count from the first due time.
    fn next_repeat(
        &self,
        armed: &ArmedDeadline,
        deadline: &Deadline,
    ) -> Result<Option<ArmedDeadline>, RunError> {
        let Some(repeat) = &deadline.repeat else {
            return Ok(None);
        };
        if repeat.times.is_some_and(|times| armed.occurrence >= times) {
            return Ok(None);
        }
        let occurrence = armed.occurrence.saturating_add(1);
        let out_of_range = || RunError::DateOutOfRange {
            what: format!("repeat of deadline `{}`", deadline.id),
        };
        let due = match armed.counted_from {
            Some(from) => repeat_due(from, deadline, &repeat.every, occurrence),
            // A journal from before `counted_from` was recorded.
            None => repeat.every.after_datetime(armed.due),
        }
        .ok_or_else(out_of_range)?;
        if due <= armed.due {
            // `every: 0 days` would repeat forever at one instant.
            return Ok(None);
        }
        Ok(Some(ArmedDeadline {
            armed: ArmedId(self.case.state.next_armed),
            due,
            occurrence,
            ..armed.clone()
        }))
    }

    /// The step a waiting token stands at.
    fn waiting_step(&self, token: TokenId) -> Result<Name, RunError> {
        self.case
            .state
            .tokens
            .get(&token)
            .map(|t| t.step.clone())
            .ok_or_else(|| RunError::Internal("a waiting token vanished".into()))
    }

    /// A waited-for date came: the token goes on.
    fn wake(&mut self, token: TokenId) -> Result<(), RunError> {
        let step = self.waiting_step(token)?;
        let step = self.step(&step)?;
        self.route_on(token, step)
    }
}

/// When the `n`-th repeat of a deadline counted from `from` is due: `after`
/// plus `n` × `every` (see [`Exec::next_repeat`]), at the deadline's time
/// of day if it has one. `None` when out of range.
fn repeat_due(
    from: NaiveDateTime,
    deadline: &Deadline,
    every: &Duration,
    n: u32,
) -> Option<NaiveDateTime> {
    let after = &deadline.after;
    let times = every.amount.checked_mul(n)?;
    if after.unit == every.unit {
        let total = Duration {
            amount: after.amount.checked_add(times)?,
            unit: after.unit,
        };
        crate::calendar::due_at(from, &total, deadline.at)
    } else {
        let first = after.after_datetime(from)?;
        let rest = Duration {
            amount: times,
            unit: every.unit,
        };
        crate::calendar::due_at(first, &rest, deadline.at)
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
