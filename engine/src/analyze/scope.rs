//! What a routine declares and what it uses: filled in by name resolution
//! ([`super::resolve`]), read by the passes after it. Looking a name up here
//! reports it when it is not declared.

use std::collections::{BTreeMap, BTreeSet};

use super::exprs;
use super::sender::MessageUse;
use super::templates::Templates;
use super::trees::Trees;
use crate::diagnostic::{suggest, Location, Phrase, Problem, RefKind, Sink};
use crate::load::raw::{self, Sp};
use crate::model::{self, Expr, Field, FieldType, Group, MessageFrom, Role};
use crate::source::Span;

/// Everything declared, for looking names up, and everything used, for the
/// unused-declaration warnings.
pub(super) struct Scope {
    pub(super) roles: BTreeMap<String, Role>,
    pub(super) role_spans: BTreeMap<String, Location>,
    pub(super) groups: BTreeMap<String, Group>,
    pub(super) group_spans: BTreeMap<String, Location>,
    pub(super) fields: Vec<Field>,
    pub(super) field_ids: Vec<String>,
    pub(super) field_spans: BTreeMap<String, Span>,
    pub(super) step_ids: Vec<String>,
    pub(super) clause_ids: Vec<String>,
    pub(super) templates: Templates,
    pub(super) used_roles: BTreeSet<String>,
    pub(super) used_groups: BTreeSet<String>,
    pub(super) used_fields: BTreeSet<String>,
    pub(super) used_templates: BTreeMap<String, model::Template>,
    /// The organisation file could not be read: its roles and groups are
    /// unknown, so references to them are not reported one by one.
    pub(super) organisation_missing: bool,
    /// Every expression that compiled, for checks that need the whole routine.
    pub(super) conditions: Vec<Sp<String>>,
    /// Every `set:` value that compiled: its place (`the step \`visit\``), field and span, in order.
    pub(super) assigned: Vec<(Phrase, String, Span)>,
    /// Every message a step, deadline or schedule sends, where it is written.
    pub(super) messages: Vec<MessageUse>,
    /// The syntax tree of every expression and template, parsed once.
    pub(super) trees: Trees,
}

impl Scope {
    /// An empty scope that knows the routine's step and clause ids.
    pub(super) fn new(raw: &raw::RoutineFile) -> Scope {
        Scope {
            roles: BTreeMap::new(),
            role_spans: BTreeMap::new(),
            groups: BTreeMap::new(),
            group_spans: BTreeMap::new(),
            fields: Vec::new(),
            field_ids: Vec::new(),
            field_spans: BTreeMap::new(),
            step_ids: raw.steps.0.iter().map(|(id, _)| id.value.clone()).collect(),
            clause_ids: raw
                .clauses
                .0
                .iter()
                .map(|(id, _)| id.value.clone())
                .collect(),
            templates: Templates::default(),
            used_roles: BTreeSet::new(),
            used_groups: BTreeSet::new(),
            used_fields: BTreeSet::new(),
            used_templates: BTreeMap::new(),
            organisation_missing: false,
            conditions: Vec::new(),
            assigned: Vec::new(),
            messages: Vec::new(),
            trees: Trees::default(),
        }
    }

    fn reference(
        &self,
        sink: &mut Sink,
        kind: RefKind,
        name: &Sp<String>,
        known: &[&str],
    ) -> Option<String> {
        if known.contains(&name.value.as_str()) {
            return Some(name.value.clone());
        }
        if self.organisation_missing
            && matches!(kind, RefKind::Role | RefKind::Group | RefKind::Sender)
        {
            return None;
        }
        sink.error(
            name.span,
            Problem::UnknownReference {
                kind,
                name: name.value.clone(),
                suggestion: suggest(&name.value, known.iter().copied()),
            },
        );
        None
    }

    pub(super) fn role(&mut self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.roles.keys().map(String::as_str).collect();
        let found = self.reference(sink, RefKind::Role, name, &known);
        if let Some(r) = &found {
            self.used_roles.insert(r.clone());
        }
        found
    }

    pub(super) fn group(&mut self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.groups.keys().map(String::as_str).collect();
        let found = self.reference(sink, RefKind::Group, name, &known);
        if let Some(g) = &found {
            self.used_groups.insert(g.clone());
        }
        found
    }

    /// A message's `from:`: a role, or else a group, of the routine.
    pub(super) fn sender(&mut self, sink: &mut Sink, name: &Sp<String>) -> Option<MessageFrom> {
        if self.roles.contains_key(&name.value) {
            self.used_roles.insert(name.value.clone());
            return Some(MessageFrom::Role(name.value.clone()));
        }
        if self.groups.contains_key(&name.value) {
            self.used_groups.insert(name.value.clone());
            return Some(MessageFrom::Group(name.value.clone()));
        }
        let known: Vec<&str> = self
            .roles
            .keys()
            .chain(self.groups.keys())
            .map(String::as_str)
            .collect();
        self.reference(sink, RefKind::Sender, name, &known);
        None
    }

    pub(super) fn field(&mut self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.field_ids.iter().map(String::as_str).collect();
        let found = self.reference(sink, RefKind::Field, name, &known);
        if let Some(f) = &found {
            self.used_fields.insert(f.clone());
        }
        found
    }

    pub(super) fn step(&self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.step_ids.iter().map(String::as_str).collect();
        self.reference(sink, RefKind::Step, name, &known)
    }

    pub(super) fn clauses(&self, sink: &mut Sink, source: &Option<Vec<Sp<String>>>) -> Vec<String> {
        let known: Vec<&str> = self.clause_ids.iter().map(String::as_str).collect();
        source
            .iter()
            .flatten()
            .filter_map(|c| self.reference(sink, RefKind::Clause, c, &known))
            .collect()
    }

    pub(super) fn expr(&mut self, sink: &mut Sink, expr: &Sp<String>) -> Option<Expr> {
        let checked = exprs::check(
            sink,
            expr,
            &self.field_ids,
            &self.trees,
            &mut self.used_fields,
        );
        if checked.is_some() {
            self.conditions.push(expr.clone());
        }
        checked
    }

    /// Reports every field in `fields` that `role` (who records them in
    /// `who`: a step or an escalation) may not see.
    pub(super) fn collector_sees<'a>(
        &self,
        sink: &mut Sink,
        who: &Phrase,
        role: &str,
        fields: impl Iterator<Item = &'a Sp<String>>,
    ) {
        for f in fields {
            let visible = self
                .fields
                .iter()
                .find(|x| x.id == f.value)
                .is_none_or(|x| x.visibility.allows(Some(role)));
            if !visible {
                sink.error(
                    f.span,
                    Problem::CollectorCannotSee {
                        place: who.clone(),
                        role: role.to_owned(),
                        field: f.value.clone(),
                    },
                );
            }
        }
    }

    pub(super) fn field_type(&self, id: &str) -> Option<&FieldType> {
        self.fields.iter().find(|f| f.id == id).map(|f| &f.ty)
    }

    /// The group a value stands for: a group id itself, or an enumeration
    /// value mapped by its field's `groups:` (as [`crate::model::Routine::group_for`]).
    pub(super) fn group_for<'a>(&'a self, value: &'a str) -> &'a str {
        crate::model::group_for(|g| self.groups.contains_key(g), &self.fields, value)
    }

    /// The role a group's members see as, when it has one.
    pub(super) fn group_sees_as(&self, group: &str) -> Option<String> {
        self.groups.get(group).and_then(|g| g.sees_as.clone())
    }
}
