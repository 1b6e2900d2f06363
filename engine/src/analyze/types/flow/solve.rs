//! The must-set data flow itself: the fields surely set when each step is
//! entered, to a fixed point over every way a token can get there.
//!
//! Values only shrink while the flow runs (a step's entry is the meet of
//! what arrives; a join's is [`Join::combine`]), so it ends. Fields that
//! something else may clear while a token is on its way are never counted:
//! those a case deadline without `goto` may clear (anywhere), and those a
//! step inside a parallel step's branches may clear (in the branches and
//! at the join: the other branches run at the same time).

use std::collections::BTreeMap;
use std::rc::Rc;

use super::bits::{Fields, Names};
use super::joins::{joins, regions, Join, Source};
use super::sure::Sure;
use crate::analyze::resolved::Resolved;
use crate::model::{Assignment, Deadline, Interrupt, Step, StepKind};

/// What the flow knows of a routine.
pub(super) struct Flow<'a> {
    pub(super) resolved: &'a Resolved,
    /// Every name a set may hold, numbered.
    pub(super) names: Rc<Names<'a>>,
    pub(super) sure: Sure,
    /// Every declared field.
    pub(super) all: Fields,
    /// The fields given at the start (required).
    pub(super) required: Fields,
    /// The fields some assignment may clear.
    pub(super) clearable: Fields,
    /// The fields surely set wherever the case is: required, never cleared.
    pub(super) base: Fields,
    /// The fields a case deadline without `goto` may clear at any time.
    anytime: Fields,
    /// Per step: the fields a step running at the same time may clear.
    concurrent: BTreeMap<String, Fields>,
    joins: BTreeMap<String, Join>,
}

/// Every `set:` of the routine.
fn every_set(resolved: &Resolved) -> impl Iterator<Item = &[Assignment]> {
    let steps = resolved.steps.iter().flat_map(|s| {
        std::iter::once(&s.set[..])
            .chain(s.routes.iter().map(|r| &r.set[..]))
            .chain(s.deadlines.iter().map(|d| &d.set[..]))
    });
    steps
        .chain(resolved.deadlines.iter().map(|d| &d.set[..]))
        .chain(resolved.events.iter().map(|e| &e.set[..]))
}

/// Every name the flow may put in a set: the declared fields, what tasks,
/// events and escalation tasks record, what `set:` assigns.
fn names(resolved: &Resolved) -> Names<'_> {
    fn recorded(kind: &StepKind) -> Vec<&str> {
        match kind {
            StepKind::Task {
                collects, optional, ..
            }
            | StepKind::Event {
                collects, optional, ..
            } => collects
                .iter()
                .chain(optional)
                .map(String::as_str)
                .collect(),
            _ => Vec::new(),
        }
    }
    let deadlines = resolved
        .steps
        .iter()
        .flat_map(|s| &s.deadlines)
        .chain(&resolved.deadlines);
    let escalations = deadlines.flat_map(|d| d.task.iter().flat_map(|t| &t.collects));
    let events = resolved
        .events
        .iter()
        .flat_map(|e| e.collects.iter().chain(&e.optional));
    let fields = resolved.scope.fields.iter().map(|f| f.id.as_str());
    Names::new(
        fields
            .chain(resolved.steps.iter().flat_map(|s| recorded(&s.kind)))
            .chain(escalations.chain(events).map(String::as_str))
            .chain(every_set(resolved).flatten().map(|a| a.field.as_str())),
    )
}

impl<'a> Flow<'a> {
    /// The flow's facts about `resolved`.
    pub(super) fn new(resolved: &'a Resolved) -> Flow<'a> {
        let names = Rc::new(names(resolved));
        let fields = &resolved.scope.fields;
        let all = names.set_of(fields.iter().map(|f| f.id.as_str()));
        let required = names.set_of(fields.iter().filter(|f| f.required).map(|f| f.id.as_str()));
        let sure = Sure::new(&names, every_set(resolved).flatten());
        // Clearing one required field may make another assignment clear.
        let mut clearable = names.empty();
        loop {
            let base = required.minus(&clearable);
            let mut more = names.empty();
            for set in every_set(resolved) {
                more.join(&sure.may_clear(&base, set));
            }
            if more.is_subset(&clearable) {
                break;
            }
            clearable.join(&more);
        }
        let base = required.minus(&clearable);
        let mut anytime = names.empty();
        for d in resolved.deadlines.iter().filter(|d| d.goto.is_none()) {
            anytime.join(&sure.may_clear(&base, &d.set));
        }
        let mut flow = Flow {
            resolved,
            names,
            sure,
            all,
            required,
            clearable,
            base,
            anytime,
            concurrent: BTreeMap::new(),
            joins: BTreeMap::new(),
        };
        flow.concurrent = flow.concurrent_clears();
        let births: Vec<&str> = flow.seeds().into_iter().map(|(to, _, _)| to).collect();
        let births: Vec<&str> = births
            .iter()
            .filter_map(|b| resolved.steps.iter().find(|s| s.id == *b))
            .map(|s| s.id.as_str())
            .collect();
        flow.joins = joins(&resolved.steps, &births);
        flow
    }

    /// For each step in branches (and each join): what a step of the same
    /// parallel step's branches may clear.
    fn concurrent_clears(&self) -> BTreeMap<String, Fields> {
        let mut out: BTreeMap<String, Fields> = BTreeMap::new();
        for (join, region) in regions(&self.resolved.steps) {
            let mut clears = self.names.empty();
            for s in self
                .resolved
                .steps
                .iter()
                .filter(|s| region.contains(&s.id))
            {
                clears.join(&self.clears(s));
            }
            for step in region.iter().chain(std::iter::once(&join)) {
                out.entry(step.clone())
                    .or_insert_with(|| self.names.empty())
                    .join(&clears);
            }
        }
        out
    }

    /// The fields a step's `set:`, routes or deadlines may clear.
    fn clears(&self, step: &Step) -> Fields {
        let sets = std::iter::once(&step.set)
            .chain(step.routes.iter().map(|r| &r.set))
            .chain(step.deadlines.iter().map(|d| &d.set));
        let mut out = self.names.empty();
        for set in sets {
            out.join(&self.sure.may_clear(&self.base, set));
        }
        out
    }

    /// The fields `set` leaves set after `before`.
    pub(super) fn apply(&self, before: &Fields, set: &[Assignment]) -> Fields {
        self.sure.apply(before, set)
    }

    /// The fields a step surely has set when it is done (before its routes):
    /// what it records, less what its deadlines without `goto` may clear
    /// while it waits, then its own `set:`.
    pub(super) fn done(&self, step: &Step, at: &Fields) -> Fields {
        self.apply(&self.recorded(step, at), &step.set)
    }

    /// What is set when a step is done, before its own `set:` runs.
    pub(super) fn recorded(&self, step: &Step, at: &Fields) -> Fields {
        let mut out = at.clone();
        for d in step.deadlines.iter().filter(|d| d.goto.is_none()) {
            out.remove_all(&self.sure.may_clear(at, &d.set));
        }
        if let StepKind::Task { collects, .. } | StepKind::Event { collects, .. } = &step.kind {
            self.names
                .add(&mut out, collects.iter().map(String::as_str));
        }
        out
    }

    /// Where a step goes, with the fields set on the way there.
    fn edges(&self, step: &Step, at: &Fields) -> Vec<(String, Fields)> {
        let after = self.done(step, at);
        let mut out: Vec<(String, Fields)> = step
            .routes
            .iter()
            .map(|r| (r.to.clone(), self.apply(&after, &r.set)))
            .collect();
        if let StepKind::Parallel { branches, join } = &step.kind {
            if branches.is_empty() {
                out.push((join.clone(), after.clone()));
            }
            out.extend(branches.iter().map(|b| (b.clone(), after.clone())));
        }
        out.extend(self.gotos(&step.deadlines, at));
        out
    }

    fn gotos(&self, deadlines: &[Deadline], at: &Fields) -> Vec<(String, Fields)> {
        deadlines
            .iter()
            .filter_map(|d| Some((d.goto.clone()?, self.apply(at, &d.set))))
            .collect()
    }

    /// Where tokens start besides branches: the case start, and case events
    /// and case deadlines that stop every token and go to a step.
    fn seeds(&self) -> Vec<(&str, Source, Fields)> {
        let r = self.resolved;
        let mut out: Vec<(&str, Source, Fields)> = r
            .start
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    Source::Seed("start".into()),
                    self.required.clone(),
                )
            })
            .collect();
        for e in &r.events {
            if let Interrupt::Goto(to) = &e.then {
                let mut set = self.base.clone();
                self.names
                    .add(&mut set, e.collects.iter().map(String::as_str));
                let key = Source::Seed(format!("event {}", e.id));
                out.push((to.as_str(), key, self.apply(&set, &e.set)));
            }
        }
        for d in &r.deadlines {
            if let Some(to) = &d.goto {
                let key = Source::Seed(format!("deadline {}", d.id));
                out.push((to.as_str(), key, self.apply(&self.base, &d.set)));
            }
        }
        out
    }

    /// A step's entry from what has arrived (`None`: nothing yet).
    fn entry_of(&self, step: &str, inbox: &BTreeMap<Source, Fields>) -> Option<Fields> {
        let mut met = match self.joins.get(step) {
            Some(join) => join.combine(inbox)?,
            None => {
                let mut values = inbox.values();
                let first = values.next()?.clone();
                values.fold(first, |mut a, b| {
                    a.meet(b);
                    a
                })
            }
        };
        met.remove_all(&self.anytime);
        if let Some(concurrent) = self.concurrent.get(step) {
            met.remove_all(concurrent);
        }
        Some(met)
    }

    /// The fields surely set when each step is entered.
    pub(super) fn entries(&self) -> BTreeMap<String, Fields> {
        let steps: BTreeMap<&str, &Step> = self
            .resolved
            .steps
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let mut inbox: BTreeMap<String, BTreeMap<Source, Fields>> = BTreeMap::new();
        let mut entry: BTreeMap<String, Fields> = BTreeMap::new();
        let mut arrivals: Vec<(String, Source, Fields)> = self
            .seeds()
            .into_iter()
            .map(|(to, key, set)| (to.to_owned(), key, set))
            .collect();
        let mut work: Vec<String> = Vec::new();
        loop {
            for (to, key, set) in arrivals.drain(..) {
                inbox.entry(to.clone()).or_default().insert(key, set);
                let new = self.entry_of(&to, &inbox[&to]);
                if new.is_some() && new.as_ref() != entry.get(&to) {
                    entry.insert(to.clone(), new.unwrap_or_default());
                    work.push(to);
                }
            }
            let Some(at) = work.pop() else { break };
            let Some(step) = steps.get(at.as_str()) else {
                continue;
            };
            // Several ways from one step to the same place meet first.
            let mut out: BTreeMap<String, Fields> = BTreeMap::new();
            for (to, set) in self.edges(step, &entry[&at]) {
                match out.get_mut(&to) {
                    None => {
                        out.insert(to, set);
                    }
                    Some(old) => old.meet(&set),
                }
            }
            let key = Source::Step(at.clone());
            arrivals.extend(out.into_iter().map(|(to, set)| (to, key.clone(), set)));
        }
        entry
    }
}
