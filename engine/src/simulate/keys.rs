//! The things a simulation counts, numbered once before the run: roles,
//! recipients and deadlines of every routine of the profile, so that
//! counting is indexing.

use rustc_hash::FxHashMap as HashMap;

use super::profile::Profile;
use crate::run::AddresseeKind;

/// A deadline of one stage's routine.
#[derive(Debug, Clone)]
pub(crate) struct DeadlineKey {
    pub(crate) routine: String,
    pub(crate) step: Option<String>,
    pub(crate) id: String,
}

/// A message recipient.
#[derive(Debug, Clone)]
pub(crate) struct RecipientKey {
    pub(crate) kind: AddresseeKind,
    pub(crate) id: String,
    pub(crate) name: String,
}

/// Lookups for one stage.
#[derive(Debug, Default)]
pub(crate) struct StageKeys {
    /// Role id → role number.
    pub(crate) roles: HashMap<String, usize>,
    /// Step id (`""`: the case) → deadline id → deadline number.
    pub(crate) deadlines: HashMap<String, HashMap<String, usize>>,
    /// Step id → its index in the routine's steps.
    pub(crate) steps: HashMap<String, usize>,
}

/// Everything counted, numbered.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    /// Role ids and display names.
    pub(crate) roles: Vec<(String, String)>,
    pub(crate) recipients: Vec<RecipientKey>,
    role_recipients: HashMap<String, usize>,
    group_recipients: HashMap<String, usize>,
    /// A person recipient, by the field their address comes from.
    person_recipients: HashMap<String, usize>,
    pub(crate) deadlines: Vec<DeadlineKey>,
    pub(crate) stages: Vec<StageKeys>,
}

impl Keys {
    pub(crate) fn of(profile: &Profile) -> Keys {
        let mut keys = Keys::default();
        for stage in &profile.stages {
            let routine = &stage.routine;
            let mut sk = StageKeys::default();
            for (n, step) in routine.steps.iter().enumerate() {
                sk.steps.entry(step.id.clone()).or_insert(n);
            }
            for (id, role) in &routine.roles {
                let n = keys.role(id, &role.name);
                sk.roles.insert(id.clone(), n);
                keys.recipient(AddresseeKind::Role, id, &role.name);
            }
            for (id, group) in &routine.groups {
                keys.recipient(AddresseeKind::Group, id, &group.name);
            }
            let step_deadlines = routine
                .steps
                .iter()
                .flat_map(|s| s.deadlines.iter().map(move |d| (Some(s.id.as_str()), d)));
            let case_deadlines = routine.deadlines.iter().map(|d| (None, d));
            for (step, d) in step_deadlines.chain(case_deadlines) {
                let n = keys.deadlines.len();
                keys.deadlines.push(DeadlineKey {
                    routine: routine.meta.id.clone(),
                    step: step.map(str::to_owned),
                    id: d.id.clone(),
                });
                sk.deadlines
                    .entry(step.unwrap_or_default().to_owned())
                    .or_default()
                    .insert(d.id.clone(), n);
            }
            keys.persons(routine);
            keys.stages.push(sk);
        }
        keys
    }

    /// Persons addressed by case fields are counted together per address
    /// field (named by the field's display name): one line for "the
    /// client's regular assessor", whoever that is in each case.
    fn persons(&mut self, routine: &crate::model::Routine) {
        let targets = routine.messages().flat_map(|m| m.to.iter().chain(&m.cc));
        for recipient in targets {
            if let crate::model::RecipientTarget::Person(p) = &recipient.target {
                let name = routine
                    .field(&p.address)
                    .and_then(|f| f.name.as_deref())
                    .unwrap_or(p.address.as_str());
                let name = name.to_owned();
                self.recipient(AddresseeKind::Person, &p.address, &name);
            }
        }
    }

    fn role(&mut self, id: &str, name: &str) -> usize {
        match self.roles.iter().position(|(r, _)| r == id) {
            Some(n) => n,
            None => {
                self.roles.push((id.to_owned(), name.to_owned()));
                self.roles.len() - 1
            }
        }
    }

    fn recipient(&mut self, kind: AddresseeKind, id: &str, name: &str) {
        let n = self.recipients.len();
        let index = match kind {
            AddresseeKind::Role => &mut self.role_recipients,
            AddresseeKind::Group => &mut self.group_recipients,
            AddresseeKind::Person => &mut self.person_recipients,
        };
        if !index.contains_key(id) {
            index.insert(id.to_owned(), n);
            self.recipients.push(RecipientKey {
                kind,
                id: id.to_owned(),
                name: name.to_owned(),
            });
        }
    }

    /// The number of a recipient.
    pub(crate) fn recipient_of(&self, kind: AddresseeKind, id: &str) -> Option<usize> {
        match kind {
            AddresseeKind::Role => self.role_recipients.get(id).copied(),
            AddresseeKind::Group => self.group_recipients.get(id).copied(),
            AddresseeKind::Person => self.person_recipients.get(id).copied(),
        }
    }
}
