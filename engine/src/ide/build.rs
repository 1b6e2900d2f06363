//! Builds the [`Index`] of a routine from the load layer's raw form, whose
//! every value carries its span, plus the organisation file and the
//! templates the routine sends. It reads the same files the analyzer read
//! (through the same [`SourceFiles`]), so a half-typed buffer gives an index
//! of what could be read of it, never an error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::index::{DurationUse, Index, Place, SymbolKind};
use super::scan;
use crate::calendar::{Duration, Unit};
use crate::diagnostic::Sink;
use crate::files::SourceFiles;
use crate::load::raw::{self, Sp};
use crate::load::{self};
use crate::source::{normalize, SourceFile, Span};

/// The index of the routine at `path`, read through `files`.
pub(crate) fn index(path: &Path, files: &dyn SourceFiles) -> Index {
    let path = normalize(path);
    let mut index = Index {
        routine: path.clone(),
        ..Index::default()
    };
    let Ok(file) = load::read_source(files, &path) else {
        return index;
    };
    let mut sink = Sink::new(file.clone());
    let Some(raw) = load::routine_file(&mut sink) else {
        return index;
    };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut b = Builder {
        index: &mut index,
        file,
        fields: raw
            .fields
            .0
            .iter()
            .map(|(id, _)| id.value.clone())
            .collect(),
    };
    let org_templates = b.organisation(&raw, &dir, files);
    b.declare_roles(&raw.roles, None);
    b.declare_groups(&raw.groups, None);
    b.declare_fields(&raw.fields);
    b.declare_clauses(&raw.clauses);
    b.declare_steps(&raw.steps);
    b.refer(SymbolKind::Step, &raw.start);
    for (id, step) in &raw.steps.0 {
        b.step(id, step);
    }
    b.deadlines("case", &raw.deadlines);
    for (id, schedule) in &raw.schedules.0 {
        b.schedule(id, schedule);
    }
    let template_dir = raw
        .templates
        .as_ref()
        .map(|t| normalize(&dir.join(&t.value)))
        .or(org_templates);
    b.templates(template_dir.as_deref(), files);
    index.template_dir = template_dir;
    index
}

struct Builder<'a> {
    index: &'a mut Index,
    /// The file being walked (the routine, or the organisation file).
    file: Arc<SourceFile>,
    fields: Vec<String>,
}

impl Builder<'_> {
    fn place(&self, span: Span) -> Place {
        Place {
            path: self.file.path().to_path_buf(),
            span,
        }
    }

    /// Whether `id` is written at its span (a value reached through a YAML
    /// alias has the alias's span: `*shared`, not the id).
    fn written(&self, id: &Sp<String>) -> bool {
        self.file.text().get(id.span.offset..id.span.end()) == Some(id.value.as_str())
    }

    fn refer(&mut self, kind: SymbolKind, id: &Sp<String>) {
        if !id.value.is_empty() && self.written(id) {
            let place = self.place(id.span);
            self.index.refer(kind, &id.value, place);
        }
    }

    fn refer_all(&mut self, kind: SymbolKind, ids: &Option<Vec<Sp<String>>>) {
        for id in ids.iter().flatten() {
            self.refer(kind, id);
        }
    }

    /// Reads the organisation file and declares its roles and groups;
    /// returns its template folder.
    fn organisation(
        &mut self,
        raw: &raw::RoutineFile,
        dir: &Path,
        files: &dyn SourceFiles,
    ) -> Option<PathBuf> {
        let name = raw.organisation.as_ref()?;
        let path = normalize(&dir.join(&name.value));
        self.index.organisation = Some(path.clone());
        let file = load::read_source(files, &path).ok()?;
        let mut sink = Sink::new(file.clone());
        let org = load::organisation_file(&mut sink)?;
        let routine = std::mem::replace(&mut self.file, file);
        self.declare_roles(&org.roles, Some(&path));
        self.declare_groups(&org.groups, Some(&path));
        self.file = routine;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        org.templates
            .as_ref()
            .map(|t| normalize(&base.join(&t.value)))
    }

    fn declare_roles(&mut self, roles: &raw::IdMap<raw::Role>, org: Option<&Path>) {
        for (id, role) in &roles.0 {
            let place = self.place(id.span);
            let s = self.index.define(SymbolKind::Role, &id.value, place);
            s.display = text(&role.name);
            s.detail("name", text(&role.name).unwrap_or_default());
            s.detail("description", text(&role.description).unwrap_or_default());
            if let Some(org) = org {
                s.detail("declared in", org.display().to_string());
            }
        }
    }

    fn declare_groups(&mut self, groups: &raw::IdMap<raw::Group>, org: Option<&Path>) {
        for (id, group) in &groups.0 {
            let place = self.place(id.span);
            let s = self.index.define(SymbolKind::Group, &id.value, place);
            s.display = text(&group.name);
            s.detail("name", text(&group.name).unwrap_or_default());
            s.detail("address", text(&group.address).unwrap_or_default());
            s.detail("sees as", text(&group.sees_as).unwrap_or_default());
            s.detail("description", text(&group.description).unwrap_or_default());
            if let Some(org) = org {
                s.detail("declared in", org.display().to_string());
            }
            if let Some(role) = &group.sees_as {
                self.refer(SymbolKind::Role, role);
            }
        }
    }

    fn declare_fields(&mut self, fields: &raw::IdMap<raw::Field>) {
        for (id, field) in &fields.0 {
            let visibility = self.visibility(&field.visible_to);
            let place = self.place(id.span);
            let s = self.index.define(SymbolKind::Field, &id.value, place);
            s.detail("type", field_type(field));
            if field.required.as_ref().is_some_and(|r| r.value) {
                s.detail("required", "yes, when the case starts");
            }
            s.detail("description", text(&field.description).unwrap_or_default());
            s.detail("visible to", visibility);
            self.refer_all(SymbolKind::Role, &field.visible_to);
        }
    }

    /// Who may see a field, in words with the roles' display names.
    fn visibility(&self, visible_to: &Option<Vec<Sp<String>>>) -> String {
        let Some(roles) = visible_to else {
            return "everyone (no `visible_to`)".to_owned();
        };
        let names: Vec<String> = roles
            .iter()
            .map(|r| {
                match self
                    .index
                    .symbols
                    .get(&(SymbolKind::Role, r.value.clone()))
                    .and_then(|s| s.display.clone())
                {
                    Some(name) => format!("{name} (`{}`)", r.value),
                    None => format!("`{}`", r.value),
                }
            })
            .collect();
        if names.is_empty() {
            "nobody".to_owned()
        } else {
            format!("only {}", names.join(", "))
        }
    }

    fn declare_clauses(&mut self, clauses: &raw::IdMap<Sp<String>>) {
        for (id, clause) in &clauses.0 {
            let place = self.place(id.span);
            let s = self.index.define(SymbolKind::Clause, &id.value, place);
            s.detail("text", clause.value.clone());
        }
    }

    fn declare_steps(&mut self, steps: &raw::IdMap<raw::Step>) {
        for (id, step) in &steps.0 {
            let place = self.place(id.span);
            let s = self.index.define(SymbolKind::Step, &id.value, place);
            s.display = text(&step.title);
            s.detail("kind", text(&step.kind).unwrap_or_default());
            s.detail("title", text(&step.title).unwrap_or_default());
            s.detail("role", text(&step.role).unwrap_or_default());
            s.detail("instructions", text(&step.instructions).unwrap_or_default());
        }
    }

    fn step(&mut self, id: &Sp<String>, step: &raw::Step) {
        for role in [&step.role, &step.from].into_iter().flatten() {
            self.refer(SymbolKind::Role, role);
        }
        self.refer_all(SymbolKind::Field, &step.collects);
        self.refer_all(SymbolKind::Field, &step.optional);
        self.refer_all(SymbolKind::Clause, &step.source);
        self.refer_all(SymbolKind::Step, &step.branches);
        for next in [&step.join, &step.next].into_iter().flatten() {
            self.refer(SymbolKind::Step, next);
        }
        if let Some(until) = &step.until {
            self.expression(until);
        }
        self.message_parts(&step.template, &step.subject, [&step.to, &step.cc]);
        for route in step.routes.iter().flatten() {
            if let Some(when) = &route.when {
                self.expression(when);
            }
            for to in [&route.to, &route.otherwise].into_iter().flatten() {
                self.refer(SymbolKind::Step, to);
            }
        }
        if let Some(deadlines) = &step.deadlines {
            self.deadlines(&id.value, deadlines);
        }
    }

    fn message_parts(
        &mut self,
        template: &Option<Sp<String>>,
        subject: &Option<Sp<String>>,
        recipients: [&Option<Vec<raw::Recipient>>; 2],
    ) {
        if let Some(t) = template {
            self.refer(SymbolKind::Template, t);
        }
        if let Some(s) = subject {
            self.template_text(s);
        }
        for r in recipients.into_iter().flatten().flatten() {
            if let Some(role) = &r.role {
                self.refer(SymbolKind::Role, role);
            }
            if let Some(group) = &r.group {
                self.refer(SymbolKind::Group, group);
            }
            for e in [&r.group_of, &r.when].into_iter().flatten() {
                self.expression(e);
            }
        }
    }

    fn message(&mut self, m: &Option<raw::Message>) {
        if let Some(m) = m {
            self.message_parts(&m.template, &m.subject, [&m.to, &m.cc]);
        }
    }

    fn deadlines(&mut self, owner: &str, deadlines: &[raw::Deadline]) {
        for d in deadlines {
            if let Some(id) = d.id.as_ref().filter(|id| self.written(id)) {
                let place = self.place(id.span);
                let after = d.after.as_ref().map(|a| meaning(&a.value));
                let s = self.index.define(
                    SymbolKind::Deadline,
                    &format!("{owner}/{}", id.value),
                    place,
                );
                s.detail("of", owner_words(owner));
                s.detail("after", after.flatten().unwrap_or_default());
                s.detail("counted from", text(&d.from).unwrap_or_default());
                s.detail("goes to step", text(&d.goto).unwrap_or_default());
            }
            for duration in [&d.after, &d.repeat.as_ref().and_then(|r| r.every.clone())]
                .into_iter()
                .flatten()
            {
                self.duration(duration);
            }
            if let Some(from) = &d.from {
                self.refer(SymbolKind::Field, from);
            }
            if let Some(when) = &d.when {
                self.expression(when);
            }
            if let Some(goto) = &d.goto {
                self.refer(SymbolKind::Step, goto);
            }
            self.message(&d.message);
            if let Some(task) = &d.task {
                if let Some(role) = &task.role {
                    self.refer(SymbolKind::Role, role);
                }
                self.refer_all(SymbolKind::Field, &task.collects);
            }
            self.refer_all(SymbolKind::Clause, &d.source);
        }
    }

    fn schedule(&mut self, id: &Sp<String>, schedule: &raw::Schedule) {
        let place = self.place(id.span);
        let every = schedule.every.as_ref().and_then(|e| meaning(&e.value));
        let s = self.index.define(SymbolKind::Schedule, &id.value, place);
        s.display = text(&schedule.title);
        s.detail("title", text(&schedule.title).unwrap_or_default());
        s.detail("every", every.unwrap_or_default());
        if let Some(every) = &schedule.every {
            self.duration(every);
        }
        if let Some(select) = &schedule.select {
            self.expression(select);
        }
        self.message(&schedule.message);
        self.refer_all(SymbolKind::Clause, &schedule.source);
    }

    fn duration(&mut self, written: &Sp<String>) {
        if let Some(meaning) = meaning(&written.value) {
            let place = self.place(written.span);
            self.index.durations.push(DurationUse { place, meaning });
        }
    }

    /// The fields a Jinja expression reads.
    fn expression(&mut self, expr: &Sp<String>) {
        let Some(base) = scan::value_start(self.file.text(), expr.span, &expr.value) else {
            return;
        };
        for ident in scan::expression(&expr.value, base) {
            if !ident.attribute && self.fields.iter().any(|f| f == ident.name) {
                let place = self.place(ident.span);
                self.index.refer(SymbolKind::Field, ident.name, place);
            }
        }
    }

    /// The fields a template written in the routine (a subject) reads.
    fn template_text(&mut self, written: &Sp<String>) {
        let Some(base) = scan::value_start(self.file.text(), written.span, &written.value) else {
            return;
        };
        for ident in scan::template(&written.value) {
            if self.fields.iter().any(|f| f == ident.name) {
                let span = Span::new(base + ident.span.offset, ident.span.len);
                let place = self.place(span);
                self.index.refer(SymbolKind::Field, ident.name, place);
            }
        }
    }

    /// Declares the template files the routine sends and the fields they read.
    fn templates(&mut self, dir: Option<&Path>, files: &dyn SourceFiles) {
        let used: Vec<String> = self
            .index
            .symbols
            .keys()
            .filter(|(k, _)| *k == SymbolKind::Template)
            .map(|(_, id)| id.clone())
            .collect();
        let Some(dir) = dir else { return };
        for name in used {
            let path = normalize(&dir.join(format!("{name}.j2")));
            let Ok(file) = load::read_source(files, &path) else {
                continue;
            };
            let mut read = Vec::new();
            for ident in scan::template(file.text()) {
                if self.fields.iter().any(|f| f == ident.name) {
                    let place = Place {
                        path: path.clone(),
                        span: ident.span,
                    };
                    self.index.refer(SymbolKind::Field, ident.name, place);
                    if !read.contains(&ident.name) {
                        read.push(ident.name);
                    }
                }
            }
            let place = Place {
                path: path.clone(),
                span: Span::default(),
            };
            let s = self.index.define(SymbolKind::Template, &name, place);
            s.detail("file", path.display().to_string());
            s.detail("reads the fields", read.join(", "));
        }
    }
}

fn text(value: &Option<Sp<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

fn field_type(field: &raw::Field) -> String {
    let ty = text(&field.ty).unwrap_or_else(|| "text".to_owned());
    match (ty.as_str(), &field.values, &field.items) {
        ("enum", Some(values), _) => {
            let values: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
            format!("enum: {}", values.join(", "))
        }
        ("list", _, Some(items)) => format!("list of {}", items.value),
        _ => ty,
    }
}

fn owner_words(owner: &str) -> String {
    if owner == "case" {
        "the whole case".to_owned()
    } else {
        format!("the step `{owner}`")
    }
}

/// A duration's meaning in words: "5 arbetsdagar: 5 working days (...)".
pub(crate) fn meaning(written: &str) -> Option<String> {
    let d = Duration::parse(written).ok()?;
    let unit = match d.unit {
        Unit::Days => "calendar days, weekends and holidays included",
        Unit::Weeks => "weeks of seven calendar days",
        Unit::Months => {
            "calendar months (a day the month lacks becomes its last day: 31 January + 1 month = 28/29 February)"
        }
        Unit::Years => {
            "calendar years (29 February + 1 year = 28 February)"
        }
        Unit::WorkingDays => {
            "Swedish working days: Monday to Friday, not public holidays, midsommarafton, julafton or nyårsafton"
        }
    };
    Some(format!("{}: {d} ({unit})", d.swedish()))
}
