//! Name resolution: every role, group, field, step, template and clause a
//! routine mentions must be declared. Builds the model as it goes, one file
//! per part of the routine: fields, steps, deadlines, messages.

mod deadline;
mod field;
mod message;
mod step;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::exprs;
use super::templates::Templates;
use crate::diagnostic::{suggest, Diagnostic, Location, Problem, RefKind, Sink};
use crate::files::SourceFiles;
use crate::load::{self, raw, raw::Sp};
use crate::model::{
    self, Clause, Expr, Field, FieldType, Group, MessageSpec, Role, Routine, Schedule, Step,
};
use crate::source::Span;

/// Everything declared, for looking names up, and everything used, for the
/// unused-declaration warnings.
pub(super) struct Scope<'f> {
    pub(super) roles: BTreeMap<String, Role>,
    pub(super) role_spans: BTreeMap<String, Location>,
    pub(super) groups: BTreeMap<String, Group>,
    pub(super) group_spans: BTreeMap<String, Location>,
    pub(super) fields: Vec<Field>,
    pub(super) field_ids: Vec<String>,
    pub(super) field_spans: BTreeMap<String, Span>,
    pub(super) step_ids: Vec<String>,
    pub(super) clause_ids: Vec<String>,
    pub(super) templates: Templates<'f>,
    pub(super) used_roles: BTreeSet<String>,
    pub(super) used_groups: BTreeSet<String>,
    pub(super) used_fields: BTreeSet<String>,
    pub(super) used_templates: BTreeMap<String, model::Template>,
    /// The organisation file could not be read: its roles and groups are
    /// unknown, so references to them are not reported one by one.
    pub(super) organisation_missing: bool,
    /// Every expression that compiled, for checks that need the whole routine.
    pub(super) conditions: Vec<Sp<String>>,
    /// Message specs with the spans of their recipients, for the visibility check.
    pub(super) messages: Vec<(MessageSpec, Vec<Span>, Span)>,
}

impl Scope<'_> {
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
        if self.organisation_missing && matches!(kind, RefKind::Role | RefKind::Group) {
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

    fn group(&mut self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.groups.keys().map(String::as_str).collect();
        let found = self.reference(sink, RefKind::Group, name, &known);
        if let Some(g) = &found {
            self.used_groups.insert(g.clone());
        }
        found
    }

    pub(super) fn field(&mut self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.field_ids.iter().map(String::as_str).collect();
        let found = self.reference(sink, RefKind::Field, name, &known);
        if let Some(f) = &found {
            self.used_fields.insert(f.clone());
        }
        found
    }

    fn step(&self, sink: &mut Sink, name: &Sp<String>) -> Option<String> {
        let known: Vec<&str> = self.step_ids.iter().map(String::as_str).collect();
        self.reference(sink, RefKind::Step, name, &known)
    }

    fn clauses(&self, sink: &mut Sink, source: &Option<Vec<Sp<String>>>) -> Vec<String> {
        let known: Vec<&str> = self.clause_ids.iter().map(String::as_str).collect();
        source
            .iter()
            .flatten()
            .filter_map(|c| self.reference(sink, RefKind::Clause, c, &known))
            .collect()
    }

    fn expr(&mut self, sink: &mut Sink, expr: &Sp<String>) -> Option<Expr> {
        let checked = exprs::check(sink, expr, &self.field_ids, &mut self.used_fields);
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
        who: &str,
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
                        place: who.to_owned(),
                        role: role.to_owned(),
                        field: f.value.clone(),
                    },
                );
            }
        }
    }

    fn field_type(&self, id: &str) -> Option<&FieldType> {
        self.fields.iter().find(|f| f.id == id).map(|f| &f.ty)
    }
}

/// Resolves the raw routine into the model. Problems in this file go to
/// `sink`; problems in other files (organisation file, templates) to `extra`.
pub(super) fn resolve(
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    raw: &raw::RoutineFile,
    files: &dyn SourceFiles,
) -> (Option<Routine>, Vec<PathBuf>) {
    let dir = sink
        .file
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut scope = Scope {
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
        templates: Templates::new(None, files),
        used_roles: BTreeSet::new(),
        used_groups: BTreeSet::new(),
        used_fields: BTreeSet::new(),
        used_templates: BTreeMap::new(),
        messages: Vec::new(),
        organisation_missing: false,
        conditions: Vec::new(),
    };

    // The organisation file first: its roles and groups, its template folder.
    let mut template_dir = None;
    let mut organisation_name = None;
    let mut org_groups: Vec<(Sp<String>, raw::Group, Sink)> = Vec::new();
    if let Some(org) = &raw.organisation {
        let path = dir.join(&org.value);
        match load::read_source(files, &path) {
            Err(mut d) => {
                scope.organisation_missing = true;
                d.location = Some(sink.at(org.span));
                extra.push(d);
            }
            Ok(file) => {
                let mut org_sink = Sink::new(file);
                if let Some(o) = load::organisation_file(&mut org_sink) {
                    organisation_name = o
                        .organisation
                        .as_ref()
                        .and_then(|m| m.name.as_ref())
                        .map(|n| n.value.clone());
                    if let Some(t) = &o.templates {
                        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
                        template_dir = Some(base.join(&t.value));
                    }
                    for (id, r) in &o.roles.0 {
                        add_role(&mut scope, &mut org_sink, id, r);
                    }
                    for (id, g) in o.groups.0 {
                        org_groups.push((id, g, Sink::new(org_sink.file.clone())));
                    }
                }
                extra.append(&mut org_sink.diagnostics);
            }
        }
    }
    for (id, r) in &raw.roles.0 {
        add_role(&mut scope, sink, id, r);
    }
    for (id, g, mut org_sink) in org_groups {
        add_group(&mut scope, &mut org_sink, &id, &g);
        extra.append(&mut org_sink.diagnostics);
    }
    for (id, g) in &raw.groups.0 {
        add_group(&mut scope, sink, id, g);
    }
    if let Some(t) = &raw.templates {
        template_dir = Some(dir.join(&t.value));
    }
    if let Some(d) = &template_dir {
        if !files.is_dir(d) {
            let span = raw.templates.as_ref().map_or(Span::default(), |t| t.span);
            sink.error(
                span,
                Problem::Io {
                    path: d.display().to_string(),
                    reason: "the template folder does not exist".into(),
                },
            );
        }
    }
    scope.templates = Templates::new(template_dir.map(|d| crate::source::normalize(&d)), files);

    let meta = meta(sink, raw, organisation_name);
    let clauses = raw
        .clauses
        .0
        .iter()
        .map(|(id, text)| Clause {
            id: id.value.clone(),
            text: text.value.clone(),
        })
        .collect();

    scope.field_ids = raw
        .fields
        .0
        .iter()
        .map(|(id, _)| id.value.clone())
        .collect();
    for (id, f) in &raw.fields.0 {
        if let Some(field) = field::field(&mut scope, sink, id, f) {
            scope.field_spans.insert(id.value.clone(), id.span);
            scope.fields.push(field);
        }
    }

    let start = (!raw.start.value.is_empty())
        .then(|| scope.step(sink, &raw.start))
        .flatten();
    let steps: Vec<Step> = raw
        .steps
        .0
        .iter()
        .filter_map(|(id, s)| step::step(&mut scope, sink, extra, id, s))
        .collect();
    let deadlines = deadline::deadlines(
        &mut scope,
        sink,
        extra,
        &raw.deadlines,
        "the case",
        message::Sender::CaseDeadline,
    );
    let schedules: Vec<Schedule> = raw
        .schedules
        .0
        .iter()
        .filter_map(|(id, s)| message::schedule(&mut scope, sink, extra, id, s))
        .collect();

    super::visibility::check(&scope, sink);
    let step_spans: BTreeMap<String, Span> = raw
        .steps
        .0
        .iter()
        .map(|(id, _)| (id.value.clone(), id.span))
        .collect();
    // The graph is only judged when every step could be read: a step missing
    // from it would make the steps after it look unreachable.
    if let (Some(start), true) = (&start, steps.len() == raw.steps.0.len()) {
        super::graph::check(sink, &steps, &deadlines, start, &step_spans);
    }
    super::unused::check(&scope, sink, raw);
    unset_comparisons(&scope, &steps, sink);

    let template_files = scope.templates.files.clone();
    let routine = match (meta, start) {
        (Some(meta), Some(start)) if steps.len() == raw.steps.0.len() => Some(Routine {
            meta,
            clauses,
            roles: scope.roles,
            groups: scope.groups,
            fields: scope.fields,
            start,
            steps,
            deadlines,
            schedules,
            templates: scope.used_templates,
        }),
        _ => None,
    };
    (routine, template_files)
}

fn add_role(scope: &mut Scope, sink: &mut Sink, id: &Sp<String>, r: &raw::Role) {
    if let Some(first) = scope.role_spans.get(&id.value) {
        let location = Some(sink.at(id.span));
        sink.push(
            Diagnostic::error(
                Problem::DuplicateId {
                    kind: RefKind::Role,
                    id: id.value.clone(),
                },
                location,
            )
            .with_related(first.clone(), "first declared here"),
        );
        return;
    }
    scope.role_spans.insert(id.value.clone(), sink.at(id.span));
    scope.roles.insert(
        id.value.clone(),
        Role {
            id: id.value.clone(),
            name: r
                .name
                .as_ref()
                .map_or_else(|| id.value.clone(), |n| n.value.clone()),
            description: r.description.as_ref().map(|d| d.value.clone()),
        },
    );
}

fn add_group(scope: &mut Scope, sink: &mut Sink, id: &Sp<String>, g: &raw::Group) {
    if let Some(first) = scope.group_spans.get(&id.value) {
        let location = Some(sink.at(id.span));
        sink.push(
            Diagnostic::error(
                Problem::DuplicateId {
                    kind: RefKind::Group,
                    id: id.value.clone(),
                },
                location,
            )
            .with_related(first.clone(), "first declared here"),
        );
        return;
    }
    let sees_as = g.sees_as.as_ref().and_then(|r| scope.role(sink, r));
    scope.group_spans.insert(id.value.clone(), sink.at(id.span));
    scope.groups.insert(
        id.value.clone(),
        Group {
            id: id.value.clone(),
            name: g
                .name
                .as_ref()
                .map_or_else(|| id.value.clone(), |n| n.value.clone()),
            address: g.address.as_ref().map(|a| a.value.clone()),
            description: g.description.as_ref().map(|d| d.value.clone()),
            sees_as,
        },
    );
}

pub(super) fn date(sink: &mut Sink, value: &Option<Sp<String>>) -> Option<chrono::NaiveDate> {
    let v = value.as_ref()?;
    match chrono::NaiveDate::parse_from_str(&v.value, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            sink.error(
                v.span,
                Problem::BadDate {
                    text: v.value.clone(),
                },
            );
            None
        }
    }
}

pub(super) fn text(value: &Option<Sp<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

fn meta(
    sink: &mut Sink,
    raw: &raw::RoutineFile,
    organisation: Option<String>,
) -> Option<model::Meta> {
    let m = &raw.routine;
    if let Some(id) = &m.id {
        if !load::is_valid_id(&id.value) {
            sink.error(
                id.span,
                Problem::BadId {
                    id: id.value.clone(),
                },
            );
        }
    }
    let decided = date(sink, &m.decided);
    let updated = date(sink, &m.updated);
    Some(model::Meta {
        id: text(&m.id)?,
        version: text(&m.version)?,
        title: text(&m.title)?,
        owner: text(&m.owner),
        decided,
        updated,
        replaces: text(&m.replaces),
        description: text(&m.description),
        organisation,
        path: sink.file.path().to_path_buf(),
    })
}

/// Warns about `<`, `>`, `<=`, `>=` on a field that may be unset when the
/// expression runs: an unset field is `none`, which counts as smaller than
/// any value, so `plan_date < today` would hold for a case without a date.
/// A field is taken as set when the case must start with it, or when some
/// task or event must record it; an expression that mentions `none` is
/// taken to handle it.
fn unset_comparisons(scope: &Scope, steps: &[crate::model::Step], sink: &mut Sink) {
    let mut always_set: BTreeSet<&str> = scope
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.id.as_str())
        .collect();
    for step in steps {
        if let crate::model::StepKind::Task { collects, .. }
        | crate::model::StepKind::Event { collects, .. } = &step.kind
        {
            always_set.extend(collects.iter().map(String::as_str));
        }
    }
    for condition in &scope.conditions {
        let text = &condition.value;
        let ordered = text.contains('<') || text.contains('>');
        if !ordered || text.contains("none") {
            continue;
        }
        for field in exprs::fields_read(text, &scope.field_ids) {
            if !always_set.contains(field.as_str()) {
                sink.warning(
                    condition.span,
                    Problem::MayBeUnset {
                        field,
                        expr: text.clone(),
                    },
                );
            }
        }
    }
}
