//! Name resolution: every role, group, field, step, template and clause a
//! routine mentions must be declared. Builds the model as it goes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::exprs;
use super::templates::{self, Templates};
use crate::calendar::Duration;
use crate::diagnostic::{suggest, Diagnostic, Location, Problem, RefKind, Sink};
use crate::load::{self, raw, raw::Sp};
use crate::model::{
    self, Clause, Deadline, DeadlineStart, EscalationTask, Expr, Field, FieldType, Group,
    MessageSpec, Recipient, RecipientTarget, Repeat, Role, Route, Routine, Schedule, Step,
    StepKind, Visibility,
};
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
    /// Message specs with the spans of their recipients, for the visibility check.
    pub(super) messages: Vec<(MessageSpec, Vec<Span>, Span)>,
}

impl Scope {
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
        exprs::check(sink, expr, &self.field_ids, &mut self.used_fields)
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
        templates: Templates::default(),
        used_roles: BTreeSet::new(),
        used_groups: BTreeSet::new(),
        used_fields: BTreeSet::new(),
        used_templates: BTreeMap::new(),
        messages: Vec::new(),
    };

    // The organisation file first: its roles and groups, its template folder.
    let mut template_dir = None;
    let mut organisation_name = None;
    let mut org_groups: Vec<(Sp<String>, raw::Group, Sink)> = Vec::new();
    if let Some(org) = &raw.organisation {
        let path = dir.join(&org.value);
        match load::read_source(&path) {
            Err(mut d) => {
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
        if !d.is_dir() {
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
    scope.templates = Templates::new(template_dir);

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
        if let Some(field) = field(&mut scope, sink, id, f) {
            scope.field_spans.insert(id.value.clone(), id.span);
            scope.fields.push(field);
        }
    }

    let start = scope.step(sink, &raw.start);
    let steps: Vec<Step> = raw
        .steps
        .0
        .iter()
        .filter_map(|(id, s)| step(&mut scope, sink, extra, id, s))
        .collect();
    let deadlines = deadlines(&mut scope, sink, extra, &raw.deadlines, "the case");
    let schedules: Vec<Schedule> = raw
        .schedules
        .0
        .iter()
        .filter_map(|(id, s)| schedule(&mut scope, sink, extra, id, s))
        .collect();

    super::visibility::check(&scope, sink);
    let step_spans: BTreeMap<String, Span> = raw
        .steps
        .0
        .iter()
        .map(|(id, _)| (id.value.clone(), id.span))
        .collect();
    if let Some(start) = &start {
        super::graph::check(sink, &steps, &deadlines, start, &step_spans);
    }
    super::unused::check(&scope, sink, raw);

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

fn date(sink: &mut Sink, value: &Option<Sp<String>>) -> Option<chrono::NaiveDate> {
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

fn text(value: &Option<Sp<String>>) -> Option<String> {
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

const FIELD_TYPES: &[&str] = &[
    "text", "integer", "boolean", "date", "period", "enum", "list",
];

fn simple_type(sink: &mut Sink, ty: &Sp<String>) -> Option<FieldType> {
    Some(match ty.value.as_str() {
        "text" => FieldType::Text,
        "integer" => FieldType::Integer,
        "boolean" => FieldType::Boolean,
        "date" => FieldType::Date,
        "period" => FieldType::Period,
        _ => {
            sink.error(
                ty.span,
                Problem::BadValue {
                    value: ty.value.clone(),
                    what: "field type".into(),
                    allowed: FIELD_TYPES.iter().map(|s| (*s).to_owned()).collect(),
                    suggestion: suggest(&ty.value, FIELD_TYPES.iter().copied()),
                },
            );
            return None;
        }
    })
}

fn field(scope: &mut Scope, sink: &mut Sink, id: &Sp<String>, f: &raw::Field) -> Option<Field> {
    let ty_text = f.ty.as_ref()?;
    let bad_step = |sink: &mut Sink, span: Span, key: &str, kind: &str| {
        sink.error(
            span,
            Problem::BadStep {
                message: format!("`{key}` only belongs to fields of type {kind}"),
                fix: format!("remove `{key}`, or make `{}` a {kind}", id.value),
            },
        );
    };
    let ty = match ty_text.value.as_str() {
        "enum" => {
            let values = f.values.clone().unwrap_or_default();
            if values.is_empty() {
                sink.error(
                    ty_text.span,
                    Problem::MissingKey {
                        key: "values".into(),
                        context: format!("the enumeration field `{}`", id.value),
                    },
                );
                return None;
            }
            let mut seen = BTreeSet::new();
            for v in &values {
                if !seen.insert(v.value.clone()) {
                    sink.error(
                        v.span,
                        Problem::DuplicateKey {
                            key: v.value.clone(),
                        },
                    );
                }
            }
            FieldType::Enum {
                values: values.into_iter().map(|v| v.value).collect(),
            }
        }
        "list" => {
            let Some(items) = &f.items else {
                sink.error(
                    ty_text.span,
                    Problem::MissingKey {
                        key: "items".into(),
                        context: format!("the list field `{}`", id.value),
                    },
                );
                return None;
            };
            FieldType::List {
                items: Box::new(simple_type(sink, items)?),
            }
        }
        _ => simple_type(sink, ty_text)?,
    };
    if let (Some(v), false) = (f.values.as_ref(), ty_text.value == "enum") {
        let span = v.first().map_or(ty_text.span, |s| s.span);
        bad_step(sink, span, "values", "enum");
    }
    if let (Some(i), false) = (f.items.as_ref(), ty_text.value == "list") {
        bad_step(sink, i.span, "items", "list");
    }
    let visibility = match &f.visible_to {
        None => Visibility::Everyone,
        Some(roles) => {
            Visibility::Roles(roles.iter().filter_map(|r| scope.role(sink, r)).collect())
        }
    };
    let example = f.example.as_ref().map(|e| e.value.0.clone());
    if let (Some(e), Some(ex)) = (&f.example, &example) {
        if let Err(reason) = crate::model::check_value(&ty, ex) {
            sink.error(
                e.span,
                Problem::BadExample {
                    field: id.value.clone(),
                    expected: ty.describe(),
                    reason,
                },
            );
        }
    }
    Some(Field {
        id: id.value.clone(),
        ty,
        required: f.required.as_ref().is_some_and(|r| r.value),
        description: text(&f.description),
        example,
        visibility,
    })
}

const STEP_KINDS: &[&str] = &[
    "task", "decision", "message", "event", "wait", "parallel", "join", "end",
];

/// Which keys belong to which step kinds (besides the common ones).
fn allowed_for(key: &str) -> &'static [&'static str] {
    match key {
        "role" | "documents" => &["task"],
        "collects" | "optional" => &["task", "event"],
        "event" | "from" => &["event"],
        "until" => &["wait"],
        "template" | "subject" | "to" | "cc" => &["message"],
        "branches" | "join" => &["parallel"],
        "outcome" => &["end"],
        "next" => &["task", "message", "event", "wait", "join", "decision"],
        "routes" => &["task", "message", "event", "wait", "decision"],
        "deadlines" => &["task", "event", "wait"],
        _ => &[],
    }
}

fn present_keys(s: &raw::Step) -> Vec<(&'static str, Span)> {
    let mut keys = Vec::new();
    let mut add = |key: &'static str, span: Option<Span>| {
        if let Some(span) = span {
            keys.push((key, span));
        }
    };
    let first = |v: &Option<Vec<Sp<String>>>| {
        v.as_ref()
            .map(|v| v.first().map_or(Span::default(), |s| s.span))
    };
    add("role", s.role.as_ref().map(|v| v.span));
    add("documents", first(&s.documents));
    add("collects", first(&s.collects));
    add("optional", first(&s.optional));
    add("event", s.event.as_ref().map(|v| v.span));
    add("from", s.from.as_ref().map(|v| v.span));
    add("until", s.until.as_ref().map(|v| v.span));
    add("template", s.template.as_ref().map(|v| v.span));
    add("subject", s.subject.as_ref().map(|v| v.span));
    add(
        "to",
        s.to.as_ref()
            .map(|v| v.first().map_or(Span::default(), |r| r.span)),
    );
    add(
        "cc",
        s.cc.as_ref()
            .map(|v| v.first().map_or(Span::default(), |r| r.span)),
    );
    add("branches", first(&s.branches));
    add("join", s.join.as_ref().map(|v| v.span));
    add("outcome", s.outcome.as_ref().map(|v| v.span));
    add("next", s.next.as_ref().map(|v| v.span));
    add(
        "routes",
        s.routes.as_ref().map(|r| {
            r.first()
                .and_then(|r| r.to.as_ref().or(r.otherwise.as_ref()).map(|t| t.span))
                .unwrap_or_default()
        }),
    );
    add(
        "deadlines",
        s.deadlines
            .as_ref()
            .map(|d| d.first().map_or(Span::default(), |d| d.span)),
    );
    keys
}

fn required<'a, T>(
    sink: &mut Sink,
    value: &'a Option<T>,
    key: &str,
    step: &Sp<String>,
    kind: &str,
    at: Span,
) -> Option<&'a T> {
    if value.is_none() {
        sink.error(
            at,
            Problem::MissingKey {
                key: key.into(),
                context: format!("the {kind} step `{}`", step.value),
            },
        );
    }
    value.as_ref()
}

fn step(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    id: &Sp<String>,
    s: &raw::Step,
) -> Option<Step> {
    let kind_text = s.kind.as_ref()?;
    let k = kind_text.value.as_str();
    if !STEP_KINDS.contains(&k) {
        sink.error(
            kind_text.span,
            Problem::BadValue {
                value: k.to_owned(),
                what: "step kind".into(),
                allowed: STEP_KINDS.iter().map(|s| (*s).to_owned()).collect(),
                suggestion: suggest(k, STEP_KINDS.iter().copied()),
            },
        );
        return None;
    }
    for (key, span) in present_keys(s) {
        let allowed = allowed_for(key);
        if !allowed.contains(&k) {
            sink.error(
                span,
                Problem::BadStep {
                    message: format!(
                        "the step `{}` is a {k} step; `{key}` does not belong to it",
                        id.value
                    ),
                    fix: format!(
                        "`{key}` belongs to {} steps; remove it or change `kind`",
                        allowed.join(" and ")
                    ),
                },
            );
        }
    }
    let at = kind_text.span;
    let mut ok = true;
    let fields_of =
        |scope: &mut Scope, sink: &mut Sink, list: &Option<Vec<Sp<String>>>| -> Vec<String> {
            list.iter()
                .flatten()
                .filter_map(|f| scope.field(sink, f))
                .collect()
        };
    let kind = match k {
        "task" => {
            let role = required(sink, &s.role, "role", id, k, at).and_then(|r| scope.role(sink, r));
            let collects = fields_of(scope, sink, &s.collects);
            let optional = fields_of(scope, sink, &s.optional);
            if let Some(role) = &role {
                for f in s
                    .collects
                    .iter()
                    .flatten()
                    .chain(s.optional.iter().flatten())
                {
                    let visible = scope
                        .fields
                        .iter()
                        .find(|x| x.id == f.value)
                        .is_none_or(|x| x.visibility.allows(Some(role)));
                    if !visible {
                        sink.error(
                            f.span,
                            Problem::CollectorCannotSee {
                                step: id.value.clone(),
                                role: role.clone(),
                                field: f.value.clone(),
                            },
                        );
                    }
                }
            }
            StepKind::Task {
                role: role.unwrap_or_default(),
                collects,
                optional,
                documents: s
                    .documents
                    .iter()
                    .flatten()
                    .map(|d| d.value.clone())
                    .collect(),
            }
        }
        "decision" => StepKind::Decision,
        "message" => {
            let raw_message = raw::Message {
                template: s.template.clone(),
                subject: s.subject.clone(),
                to: s.to.clone(),
                cc: s.cc.clone(),
                span: at,
            };
            let context = format!("the message step `{}`", id.value);
            match message(scope, sink, extra, &raw_message, &context) {
                Some(m) => StepKind::Message(m),
                None => {
                    ok = false;
                    StepKind::Decision
                }
            }
        }
        "event" => {
            let event = required(sink, &s.event, "event", id, k, at);
            if let Some(e) = event {
                if !load::is_valid_id(&e.value) {
                    sink.error(
                        e.span,
                        Problem::BadId {
                            id: e.value.clone(),
                        },
                    );
                }
            }
            let from = s.from.as_ref().and_then(|r| scope.role(sink, r));
            StepKind::Event {
                event: event.map(|e| e.value.clone()).unwrap_or_default(),
                from,
                collects: fields_of(scope, sink, &s.collects),
                optional: fields_of(scope, sink, &s.optional),
            }
        }
        "wait" => {
            match required(sink, &s.until, "until", id, k, at).and_then(|u| scope.expr(sink, u)) {
                Some(until) => StepKind::Wait { until },
                None => {
                    ok = false;
                    StepKind::Decision
                }
            }
        }
        "parallel" => {
            let branches: Vec<String> = required(sink, &s.branches, "branches", id, k, at)
                .into_iter()
                .flatten()
                .filter_map(|b| scope.step(sink, b))
                .collect();
            if s.branches.as_ref().is_some_and(|b| b.len() < 2) {
                sink.error(
                    at,
                    Problem::BadStep {
                        message: format!(
                            "the parallel step `{}` has fewer than two branches",
                            id.value
                        ),
                        fix: "list at least two steps under `branches`, or use `next`".into(),
                    },
                );
            }
            let join = required(sink, &s.join, "join", id, k, at).and_then(|j| scope.step(sink, j));
            StepKind::Parallel {
                branches,
                join: join.unwrap_or_default(),
            }
        }
        "join" => StepKind::Join,
        _ => StepKind::End {
            outcome: required(sink, &s.outcome, "outcome", id, k, at)
                .map(|o| o.value.clone())
                .unwrap_or_default(),
        },
    };

    let routes = routes(scope, sink, id, s, k, at);
    let deadlines = match &s.deadlines {
        Some(d) => deadlines(scope, sink, extra, d, &format!("the step `{}`", id.value)),
        None => Vec::new(),
    };
    ok.then(|| Step {
        id: id.value.clone(),
        title: text(&s.title).unwrap_or_default(),
        instructions: text(&s.instructions),
        source: scope.clauses(sink, &s.source),
        kind,
        routes,
        deadlines,
    })
}

fn routes(
    scope: &mut Scope,
    sink: &mut Sink,
    id: &Sp<String>,
    s: &raw::Step,
    kind: &str,
    at: Span,
) -> Vec<Route> {
    let mut routes = Vec::new();
    if let (Some(_), Some(r)) = (&s.next, &s.routes) {
        let span = r
            .first()
            .and_then(|r| r.to.as_ref().map(|t| t.span))
            .unwrap_or(at);
        sink.error(
            span,
            Problem::BadStep {
                message: format!("the step `{}` has both `next` and `routes`", id.value),
                fix: "keep one: `next` for a single way on, `routes` for conditions".into(),
            },
        );
    }
    if let Some(next) = &s.next {
        if let Some(to) = scope.step(sink, next) {
            routes.push(Route { when: None, to });
        }
    }
    let raw_routes = s.routes.as_deref().unwrap_or_default();
    let last = raw_routes.len().saturating_sub(1);
    for (i, r) in raw_routes.iter().enumerate() {
        match (&r.when, &r.to, &r.otherwise) {
            (Some(when), Some(to), None) => {
                let when = scope.expr(sink, when);
                if let (Some(when), Some(to)) = (when, scope.step(sink, to)) {
                    routes.push(Route {
                        when: Some(when),
                        to,
                    });
                }
            }
            (None, None, Some(otherwise)) => {
                if i != last {
                    sink.error(
                        otherwise.span,
                        Problem::BadStep {
                            message: "an `otherwise` route must be the last route".into(),
                            fix: "move it to the end; the routes after it could never be taken"
                                .into(),
                        },
                    );
                }
                if let Some(to) = scope.step(sink, otherwise) {
                    routes.push(Route { when: None, to });
                }
            }
            _ => {
                let span = r
                    .when
                    .as_ref()
                    .or(r.to.as_ref())
                    .or(r.otherwise.as_ref())
                    .map_or(at, |x| x.span);
                sink.error(
                    span,
                    Problem::BadStep {
                        message: format!("a route of the step `{}` is incomplete", id.value),
                        fix: "write a route as `- when: <condition>` with `to: <step>`, or as `- otherwise: <step>`".into(),
                    },
                );
            }
        }
    }
    let needs_way_on = matches!(
        kind,
        "task" | "message" | "event" | "wait" | "join" | "decision"
    );
    if needs_way_on && s.next.is_none() && raw_routes.is_empty() {
        sink.error(
            at,
            Problem::MissingKey {
                key: if kind == "decision" { "routes" } else { "next" }.into(),
                context: format!("the {kind} step `{}`", id.value),
            },
        );
    }
    if kind == "decision" && s.next.is_some() {
        let span = s.next.as_ref().map_or(at, |n| n.span);
        sink.error(
            span,
            Problem::BadStep {
                message: format!(
                    "the decision step `{}` has `next` instead of `routes`",
                    id.value
                ),
                fix: "use `routes:` with conditions, or make it another kind of step".into(),
            },
        );
    }
    if !raw_routes.is_empty() && !raw_routes.iter().any(|r| r.otherwise.is_some()) {
        sink.warning(
            at,
            Problem::NoDefaultRoute {
                step: id.value.clone(),
            },
        );
    }
    routes
}

fn duration(sink: &mut Sink, text: &Sp<String>) -> Option<Duration> {
    match Duration::parse(&text.value) {
        Ok(d) => Some(d),
        Err(e) => {
            sink.error(
                text.span,
                Problem::BadDuration {
                    message: e.to_string(),
                },
            );
            None
        }
    }
}

fn deadlines(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    raw: &[raw::Deadline],
    owner: &str,
) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    for d in raw {
        let Some(id) = &d.id else { continue };
        if let Some(first) = seen.get(&id.value) {
            let related = sink.at(*first);
            let location = Some(sink.at(id.span));
            sink.push(
                Diagnostic::error(
                    Problem::DuplicateId {
                        kind: RefKind::Step,
                        id: id.value.clone(),
                    },
                    location,
                )
                .with_related(related, "first declared here"),
            );
            continue;
        }
        seen.insert(id.value.clone(), id.span);
        let context = format!("the deadline `{}` of {owner}", id.value);
        let after = d.after.as_ref().and_then(|a| duration(sink, a));
        let from = match &d.from {
            None => Some(DeadlineStart::StepStart),
            Some(f) => scope.field(sink, f).and_then(|f| {
                if scope.field_type(&f) == Some(&FieldType::Date) {
                    Some(DeadlineStart::Field(f))
                } else {
                    sink.error(
                        d.from.as_ref().map_or(id.span, |x| x.span),
                        Problem::WrongType {
                            key: "from".into(),
                            expected: "a field of type date".into(),
                            found: format!("the field `{f}`"),
                        },
                    );
                    None
                }
            }),
        };
        let when = d.when.as_ref().map(|w| scope.expr(sink, w));
        let repeat = d.repeat.as_ref().map(|r| {
            let every = r.every.as_ref().and_then(|e| duration(sink, e));
            let times = r.times.as_ref().and_then(|t| match u32::try_from(t.value) {
                Ok(v) => Some(v),
                Err(_) => {
                    sink.error(
                        t.span,
                        Problem::WrongType {
                            key: "times".into(),
                            expected: "a whole number from 0 up".into(),
                            found: t.value.to_string(),
                        },
                    );
                    None
                }
            });
            every.map(|every| Repeat { every, times })
        });
        let message = d
            .message
            .as_ref()
            .map(|m| message(scope, sink, extra, m, &context));
        let task = d.task.as_ref().map(|t| {
            let role = t.role.as_ref().and_then(|r| scope.role(sink, r))?;
            let collects = t
                .collects
                .iter()
                .flatten()
                .filter_map(|f| scope.field(sink, f))
                .collect();
            Some(EscalationTask {
                role,
                title: text(&t.title).unwrap_or_default(),
                instructions: text(&t.instructions),
                collects,
            })
        });
        let goto = d.goto.as_ref().map(|g| scope.step(sink, g));
        if d.message.is_none() && d.task.is_none() && d.goto.is_none() {
            sink.error(
                id.span,
                Problem::EmptyDeadline {
                    id: id.value.clone(),
                },
            );
        }
        let source = scope.clauses(sink, &d.source);
        let (Some(after), Some(from)) = (after, from) else {
            continue;
        };
        let (Some(when), Some(message), Some(task), Some(goto)) = (
            when.map_or(Some(None), |w| w.map(Some)),
            message.map_or(Some(None), |m| m.map(Some)),
            task.map_or(Some(None), |t| t.map(Some)),
            goto.map_or(Some(None), |g| g.map(Some)),
        ) else {
            continue;
        };
        let Some(repeat) = repeat.map_or(Some(None), |r| r.map(Some)) else {
            continue;
        };
        out.push(Deadline {
            id: id.value.clone(),
            after,
            from,
            when,
            repeat,
            message,
            task,
            goto,
            source,
        });
    }
    out
}

fn recipients(
    scope: &mut Scope,
    sink: &mut Sink,
    raw: &Option<Vec<raw::Recipient>>,
    spans: &mut Vec<Span>,
) -> Option<Vec<Recipient>> {
    let mut out = Vec::new();
    let mut ok = true;
    for r in raw.iter().flatten() {
        let count = [r.role.is_some(), r.group.is_some(), r.group_of.is_some()]
            .iter()
            .filter(|x| **x)
            .count();
        if count != 1 {
            sink.error(
                r.span,
                Problem::BadStep {
                    message: "a recipient must name exactly one of `role`, `group`, `group_of`"
                        .into(),
                    fix: "write `- role: <role>`, `- group: <group>` or `- group_of: <expression>`"
                        .into(),
                },
            );
            ok = false;
            continue;
        }
        let when = match &r.when {
            Some(w) => match scope.expr(sink, w) {
                Some(e) => Some(e),
                None => {
                    ok = false;
                    continue;
                }
            },
            None => None,
        };
        let target = if let Some(role) = &r.role {
            scope.role(sink, role).map(RecipientTarget::Role)
        } else if let Some(group) = &r.group {
            scope.group(sink, group).map(RecipientTarget::Group)
        } else if let Some(expr) = &r.group_of {
            group_of(scope, sink, expr)
        } else {
            None
        };
        match target {
            Some(target) => {
                spans.push(r.span);
                out.push(Recipient { target, when });
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// `group_of`: when the expression is a plain enumeration field, each of its
/// values must be a group id; those are the groups it may yield.
fn group_of(scope: &mut Scope, sink: &mut Sink, expr: &Sp<String>) -> Option<RecipientTarget> {
    let compiled = scope.expr(sink, expr)?;
    let name = expr.value.trim();
    let mut candidates = Vec::new();
    if let Some(FieldType::Enum { values }) = scope.field_type(name).cloned() {
        for v in values {
            if scope.groups.contains_key(&v) {
                scope.used_groups.insert(v.clone());
                candidates.push(v);
            } else {
                let known: Vec<&str> = scope.groups.keys().map(String::as_str).collect();
                sink.error(
                    expr.span,
                    Problem::UnknownReference {
                        kind: RefKind::Group,
                        suggestion: suggest(&v, known.iter().copied()),
                        name: v,
                    },
                );
                return None;
            }
        }
    } else {
        // Any group may come out: check visibility against all of them.
        candidates = scope.groups.keys().cloned().collect();
    }
    Some(RecipientTarget::GroupOf {
        expr: compiled,
        candidates,
    })
}

fn message(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    m: &raw::Message,
    context: &str,
) -> Option<MessageSpec> {
    let Some(template_name) = &m.template else {
        sink.error(
            m.span,
            Problem::MissingKey {
                key: "template".into(),
                context: context.to_owned(),
            },
        );
        return None;
    };
    let template = if scope.templates.exists(&template_name.value) {
        let fields = scope.field_ids.clone();
        let t = scope.templates.get(&template_name.value, &fields, extra);
        if let Some(t) = &t {
            scope.used_fields.extend(t.fields_used.iter().cloned());
            scope.used_templates.insert(t.name.clone(), t.clone());
        }
        t
    } else {
        let problem = templates::unknown_template(&scope.templates, &template_name.value);
        sink.error(template_name.span, problem);
        None
    };
    let subject = match &m.subject {
        Some(s) => {
            let file = std::sync::Arc::new(crate::source::SourceFile::new(
                sink.file.path(),
                s.value.clone(),
            ));
            let mut problems = Vec::new();
            let (used, ok) =
                templates::analyze_template("subject", &file, &scope.field_ids, &mut problems);
            for p in problems {
                sink.error(s.span, p.problem);
            }
            scope.used_fields.extend(used.iter().cloned());
            if let Some(t) = &template {
                let mut merged = t.clone();
                merged.fields_used.extend(used);
                merged.fields_used.sort();
                merged.fields_used.dedup();
                scope.used_templates.insert(merged.name.clone(), merged);
            }
            ok.then(|| s.value.clone())
        }
        None => None,
    };
    if m.to.as_ref().is_none_or(Vec::is_empty) {
        sink.error(
            m.span,
            Problem::MissingKey {
                key: "to".into(),
                context: context.to_owned(),
            },
        );
    }
    let mut spans = Vec::new();
    let to = recipients(scope, sink, &m.to, &mut spans);
    let cc = recipients(scope, sink, &m.cc, &mut spans);
    let template = template?;
    if m.subject.is_some() && subject.is_none() {
        return None;
    }
    let spec = MessageSpec {
        template: template.name.clone(),
        subject,
        to: to?,
        cc: cc?,
    };
    scope
        .messages
        .push((spec.clone(), spans, template_name.span));
    Some(spec)
}

fn schedule(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    id: &Sp<String>,
    s: &raw::Schedule,
) -> Option<Schedule> {
    let context = format!("the schedule `{}`", id.value);
    let every = s.every.as_ref().and_then(|e| duration(sink, e));
    let select = s.select.as_ref().and_then(|e| scope.expr(sink, e));
    let message = s
        .message
        .as_ref()
        .and_then(|m| message(scope, sink, extra, m, &context));
    let source = scope.clauses(sink, &s.source);
    Some(Schedule {
        id: id.value.clone(),
        title: text(&s.title)?,
        every: every?,
        select: select?,
        message: message?,
        source,
    })
}
