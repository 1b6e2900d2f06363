//! The order of the book: every step numbered, phase by phase. The main
//! course follows each step's first way on from the start (the branches of
//! a parallel step in a phase of their own); every other way (a later route,
//! a deadline's `goto`, a case-wide event) opens a phase of its own, headed
//! by why the case goes there.

use std::collections::{BTreeMap, VecDeque};

use super::text;
use crate::model::{Interrupt, Routine, StepKind};

/// A phase before its entries are built: a heading, an optional join whose
/// number the note names, and step ids in order.
pub(crate) struct PhaseIds {
    pub(crate) title: String,
    pub(crate) join: Option<String>,
    pub(crate) steps: Vec<String>,
}

/// Step and deadline numbers, and the phases.
pub(crate) struct Order {
    pub(crate) phases: Vec<PhaseIds>,
    pub(crate) steps: BTreeMap<String, usize>,
    /// Deadlines in number order: (step id, or `None` for a case deadline; index).
    pub(crate) deadlines: Vec<(Option<String>, usize)>,
}

impl Order {
    /// The number of a step (0 for a step the walk never reached, which a
    /// valid routine does not have).
    pub(crate) fn step(&self, id: &str) -> usize {
        self.steps.get(id).copied().unwrap_or_default()
    }
    /// The number of the `index`-th deadline of `step` (`None`: the case).
    pub(crate) fn deadline(&self, step: Option<&str>, index: usize) -> usize {
        self.deadlines
            .iter()
            .position(|(s, i)| s.as_deref() == step && *i == index)
            .map_or(0, |p| p + 1)
    }
}

struct Walk<'r> {
    routine: &'r Routine,
    order: Order,
    queue: VecDeque<(String, String)>,
}

pub(crate) fn order(routine: &Routine) -> Order {
    let mut w = Walk {
        routine,
        order: Order {
            phases: Vec::new(),
            steps: BTreeMap::new(),
            deadlines: (0..routine.deadlines.len()).map(|i| (None, i)).collect(),
        },
        queue: VecDeque::new(),
    };
    for (i, d) in routine.deadlines.iter().enumerate() {
        if let Some(to) = &d.goto {
            w.queue.push_back((text::deadline_way(i + 1), to.clone()));
        }
    }
    for e in &routine.events {
        if let Interrupt::Goto(to) = &e.then {
            w.queue.push_back((text::event_way(&e.title), to.clone()));
        }
    }
    w.phase(text::l(text::MAIN_PHASE), None);
    w.walk(&routine.start, None);
    while let Some((reason, to)) = w.queue.pop_front() {
        if !w.order.steps.contains_key(&to) {
            w.phase(reason, None);
            w.walk(&to, None);
        }
    }
    let rest: Vec<String> = routine
        .steps
        .iter()
        .filter(|s| !w.order.steps.contains_key(&s.id))
        .map(|s| s.id.clone())
        .collect();
    for id in rest {
        w.phase(text::other_way(&id), None);
        w.walk(&id, None);
    }
    w.order.phases.retain(|p| !p.steps.is_empty());
    w.order
}

impl Walk<'_> {
    fn phase(&mut self, title: String, join: Option<String>) {
        self.order.phases.push(PhaseIds {
            title,
            join,
            steps: Vec::new(),
        });
    }

    fn number(&mut self, id: &str) -> usize {
        let n = self.order.steps.len() + 1;
        self.order.steps.insert(id.to_owned(), n);
        if let Some(p) = self.order.phases.last_mut() {
            p.steps.push(id.to_owned());
        }
        n
    }

    /// Walks on from `id` until a step already numbered, an end, or `stop`.
    fn walk(&mut self, id: &str, stop: Option<&str>) {
        let routine = self.routine;
        let mut current = id.to_owned();
        loop {
            if Some(current.as_str()) == stop || self.order.steps.contains_key(&current) {
                return;
            }
            let Some(step) = routine.step(&current) else {
                return;
            };
            let n = self.number(&current);
            for (i, d) in step.deadlines.iter().enumerate() {
                self.order.deadlines.push((Some(step.id.clone()), i));
                let number = self.order.deadlines.len();
                if let Some(to) = &d.goto {
                    let reason = text::side_phase(&text::deadline_way(number), n);
                    self.queue.push_back((reason, to.clone()));
                }
            }
            if let StepKind::Parallel { branches, join } = &step.kind {
                self.phase(text::parallel_phase(&step.title), Some(join.clone()));
                for b in branches {
                    self.walk(b, Some(join));
                }
                self.phase(text::l(text::AFTER_JOIN), None);
                current = join.clone();
                continue;
            }
            for r in step.routes.iter().skip(1) {
                let reason = r
                    .title
                    .clone()
                    .unwrap_or_else(|| text::other_way(&step.title));
                self.queue
                    .push_back((text::side_phase(&reason, n), r.to.clone()));
            }
            match step.routes.first() {
                Some(r) => current = r.to.clone(),
                None => return,
            }
        }
    }
}
