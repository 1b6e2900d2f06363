//! Case-wide events: delivered whatever step the case stands at, they
//! interrupt it. The event's values are recorded and its `set:` applied;
//! then every token stops (the deadlines of its step cancelled), every open
//! task is withdrawn (escalations of case deadlines too: they were about the
//! case as it was), the joins' counts are dropped, and the case either goes
//! on at the event's step (case deadlines stay armed) or ends with its
//! outcome (every deadline cancelled).

use super::assign::SetPlace;
use super::error::RunError;
use super::exec::Exec;
use super::journal::{Actor, Record};
use super::value::{check, Accepts, Given};
use crate::model::{CaseEvent, Interrupt};

impl Exec<'_> {
    /// Delivers the case-wide event `event` with `values`.
    pub(crate) fn interrupt(&mut self, event: &CaseEvent, values: Given) -> Result<(), RunError> {
        let accepts = Accepts {
            required: event.collects.iter().map(String::as_str).collect(),
            optional: Some(event.optional.iter().map(String::as_str).collect()),
            by: format!("event `{}`", event.id),
        };
        let values = check(self.routine, values, &accepts, self.now.date())?;
        let external = Actor::External {
            event: self.name(&event.id),
        };
        self.as_actor(external, |exec| {
            exec.emit(Record::CaseEventReceived {
                event: exec.name(&event.id),
                values,
            })
        })?;
        let here = SetPlace {
            step: None,
            deadline: None,
        };
        self.assign(&event.set, here)?;
        self.stop_everything()?;
        match &event.then {
            Interrupt::Goto(step) => {
                let token = self.fresh_token();
                self.go(token, step)?;
                self.drain()
            }
            Interrupt::End(outcome) => {
                let deadlines: Vec<_> = self.case.state.deadlines.values().cloned().collect();
                for d in deadlines {
                    self.emit(Record::DeadlineCancelled {
                        armed: d.armed,
                        deadline: d.deadline,
                        step: d.step,
                    })?;
                }
                self.emit(Record::CaseEndedByEvent {
                    event: self.name(&event.id),
                    outcome: self.name(outcome),
                })
            }
        }
    }

    /// Every token leaves its step and stops; every open task is withdrawn.
    fn stop_everything(&mut self) -> Result<(), RunError> {
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
        if !self.case.state.joins.is_empty() {
            self.emit(Record::JoinsReset)?;
        }
        Ok(())
    }
}
