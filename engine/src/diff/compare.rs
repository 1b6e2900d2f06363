//! The comparisons, one area at a time. Values are put in words in a
//! language (role and group names, durations in Swedish, conditions as
//! written; the words around them from `engine/i18n/<lang>/diff.ftl`) so
//! that a change reads as the process owner would say it.

use std::collections::{BTreeMap, BTreeSet};

use similar::TextDiff;

use super::{Area, Change, ChangeKind, TemplateDiff};
use crate::draw::picture::{recipient, role_name};
use crate::i18n::{text, Lang};
use crate::model::{
    Deadline, DeadlineStart, Field, MessageSpec, Routine, Step, StepKind, Visibility,
};

pub(super) fn change(area: Area, id: &str, title: Option<&str>, kind: ChangeKind) -> Change {
    Change {
        area,
        id: id.to_owned(),
        title: title.map(str::to_owned),
        kind,
        aspect: None,
        old: None,
        new: None,
    }
}

/// Pushes a `Changed` entry when `old` and `new` differ.
pub(super) fn compare(
    out: &mut Vec<Change>,
    (area, id, title): (Area, &str, Option<&str>),
    aspect: &str,
    old: String,
    new: String,
) {
    if old != new {
        let mut c = change(area, id, title, ChangeKind::Changed);
        c.aspect = Some(aspect.to_owned());
        c.old = Some(old);
        c.new = Some(new);
        out.push(c);
    }
}

/// One side of a comparison by id: a thing with its id and title.
pub(super) trait Named {
    /// The id things are matched by.
    fn id(&self) -> &str;
    /// The title people know it by.
    fn title(&self) -> &str;
}

/// A version's list of things, with the routine that words them.
pub(super) type Side<'a, T> = (&'a Routine, &'a [T]);

/// Compares two versions' lists of things matched by id: one `Removed`
/// change for each only in the old list (with `words` of it), one `Added`
/// for each only in the new one, and a `Changed` for each aspect of the rest
/// that differs.
pub(super) fn by_id<T: Named, const N: usize>(
    area: Area,
    (old, new): (Side<'_, T>, Side<'_, T>),
    words: impl Fn(&Routine, &T) -> String,
    aspects: impl Fn(&Routine, &T) -> [(&'static str, String); N],
    out: &mut Vec<Change>,
) {
    let find = |list: &[T], id: &str| list.iter().position(|t| t.id() == id);
    for t in old.1.iter().filter(|t| find(new.1, t.id()).is_none()) {
        let mut c = change(area, t.id(), Some(t.title()), ChangeKind::Removed);
        c.old = Some(words(old.0, t));
        out.push(c);
    }
    for t in new.1 {
        let Some(was) = find(old.1, t.id()).map(|i| &old.1[i]) else {
            let mut c = change(area, t.id(), Some(t.title()), ChangeKind::Added);
            c.new = Some(words(new.0, t));
            out.push(c);
            continue;
        };
        let at = (area, t.id(), Some(t.title()));
        let pairs = aspects(old.0, was).into_iter().zip(aspects(new.0, t));
        for ((aspect, a), (_, b)) in pairs {
            compare(out, at, aspect, a, b);
        }
    }
}

pub(super) fn optional(value: Option<&str>) -> String {
    value.unwrap_or("—").to_owned()
}

/// A value with no parts: `—`.
pub(super) fn none(lang: Lang) -> String {
    text(lang, "diff-value-none", &[])
}

pub(super) fn header(old: &Routine, new: &Routine, out: &mut Vec<Change>) {
    let at = |key| (Area::Routine, key, None);
    compare(
        out,
        at("title"),
        "title",
        old.meta.title.clone(),
        new.meta.title.clone(),
    );
    let owner = |r: &Routine| optional(r.meta.owner.as_deref());
    compare(out, at("owner"), "owner", owner(old), owner(new));
    let start = |r: &Routine| step_name(r, &r.start);
    compare(out, at("start"), "start", start(old), start(new));
}

pub(super) fn step_name(routine: &Routine, id: &str) -> String {
    routine
        .step(id)
        .map_or_else(|| id.to_owned(), |s| format!("{} ({id})", s.title))
}

/// The steps that lead to each step: routes, branches and deadline jumps.
fn predecessors(routine: &Routine) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut before: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for step in &routine.steps {
        let mut next: Vec<&str> = step.routes.iter().map(|r| r.to.as_str()).collect();
        if let StepKind::Parallel { branches, .. } = &step.kind {
            next.extend(branches.iter().map(String::as_str));
        }
        next.extend(step.deadlines.iter().filter_map(|d| d.goto.as_deref()));
        for to in next {
            before.entry(to).or_default().insert(step.id.as_str());
        }
    }
    before
}

pub(super) fn steps(old: &Routine, new: &Routine, lang: Lang, out: &mut Vec<Change>) {
    for step in old.steps.iter().filter(|s| new.step(&s.id).is_none()) {
        out.push(change(
            Area::Step,
            &step.id,
            Some(&step.title),
            ChangeKind::Removed,
        ));
    }
    let (before_old, before_new) = (predecessors(old), predecessors(new));
    let after = |r: &Routine, before: &BTreeMap<&str, BTreeSet<&str>>, id: &str| {
        let names: Vec<String> = before
            .get(id)
            .into_iter()
            .flatten()
            .map(|p| step_name(r, p))
            .collect();
        if names.is_empty() {
            text(lang, "diff-value-no-step", &[])
        } else {
            names.join(", ")
        }
    };
    for step in &new.steps {
        let Some(was) = old.step(&step.id) else {
            let mut c = change(Area::Step, &step.id, Some(&step.title), ChangeKind::Added);
            c.aspect = Some("after".to_owned());
            c.new = Some(after(new, &before_new, &step.id));
            out.push(c);
            continue;
        };
        if before_old.get(step.id.as_str()) != before_new.get(step.id.as_str()) {
            let mut c = change(Area::Step, &step.id, Some(&step.title), ChangeKind::Moved);
            c.aspect = Some("after".to_owned());
            c.old = Some(after(old, &before_old, &step.id));
            c.new = Some(after(new, &before_new, &step.id));
            out.push(c);
        }
        step_changes((old, new), was, step, lang, out);
    }
}

fn doer(routine: &Routine, step: &Step, lang: Lang) -> String {
    match &step.kind {
        StepKind::Task { role, .. } => role_name(routine, role),
        StepKind::Event {
            from: Some(from), ..
        } => role_name(routine, from),
        _ => text(lang, "diff-value-routine-itself", &[]),
    }
}

pub(super) fn recipients(routine: &Routine, message: Option<&MessageSpec>, lang: Lang) -> String {
    let Some(m) = message else {
        return none(lang);
    };
    let mut names: Vec<String> = m.to.iter().map(|r| recipient(routine, r)).collect();
    names.extend(m.cc.iter().map(|r| {
        let name = recipient(routine, r);
        text(lang, "diff-value-copy-to", &[("name", name.into())])
    }));
    names.join(", ")
}

fn routes(routine: &Routine, step: &Step, lang: Lang) -> String {
    let texts: Vec<String> = step
        .routes
        .iter()
        .map(|r| {
            let to = ("step", step_name(routine, &r.to).into());
            match &r.when {
                Some(when) => text(
                    lang,
                    "diff-value-route-if",
                    &[("condition", when.source().into()), to],
                ),
                None => text(lang, "diff-value-route", &[to]),
            }
        })
        .collect();
    texts.join("; ")
}

fn records(step: &Step, lang: Lang) -> String {
    match &step.kind {
        StepKind::Task {
            collects, optional, ..
        }
        | StepKind::Event {
            collects, optional, ..
        } => recorded(collects, optional, lang),
        _ => String::new(),
    }
}

/// The fields a task or event records: `a, b, c (optional)`.
pub(super) fn recorded(collects: &[String], optional: &[String], lang: Lang) -> String {
    let mut all: Vec<String> = collects.to_vec();
    all.extend(
        optional
            .iter()
            .map(|f| text(lang, "diff-value-optional-field", &[("field", f.into())])),
    );
    all.join(", ")
}

fn message_of(step: &Step) -> Option<&MessageSpec> {
    match &step.kind {
        StepKind::Message(m) => Some(m),
        _ => None,
    }
}

fn step_changes(
    (old, new): (&Routine, &Routine),
    was: &Step,
    step: &Step,
    lang: Lang,
    out: &mut Vec<Change>,
) {
    let at = (Area::Step, step.id.as_str(), Some(step.title.as_str()));
    compare(out, at, "title", was.title.clone(), step.title.clone());
    compare(
        out,
        at,
        "kind",
        was.kind.name().to_owned(),
        step.kind.name().to_owned(),
    );
    compare(
        out,
        at,
        "done by",
        doer(old, was, lang),
        doer(new, step, lang),
    );
    let (a, b) = (routes(old, was, lang), routes(new, step, lang));
    compare(out, at, "routes", a, b);
    compare(out, at, "records", records(was, lang), records(step, lang));
    let (m_old, m_new) = (message_of(was), message_of(step));
    compare(
        out,
        at,
        "recipients",
        recipients(old, m_old, lang),
        recipients(new, m_new, lang),
    );
    let template = |m: Option<&MessageSpec>| optional(m.map(|m| m.template.as_str()));
    compare(out, at, "template", template(m_old), template(m_new));
    let instructions = |s: &Step| optional(s.instructions.as_deref());
    compare(
        out,
        at,
        "instructions",
        instructions(was),
        instructions(step),
    );
}

/// A deadline in words, aspect by aspect: when it passes, how it
/// repeats, and what it does then.
fn deadline_aspects(routine: &Routine, d: &Deadline, lang: Lang) -> [(&'static str, String); 6] {
    let when = text(
        lang,
        "diff-value-after",
        &[("duration", d.after.swedish().into())],
    );
    let when = match &d.from {
        DeadlineStart::Field(field) => text(
            lang,
            "diff-value-from",
            &[("when", when.into()), ("field", field.into())],
        ),
        _ => when,
    };
    let when = match &d.when {
        Some(condition) => text(
            lang,
            "diff-value-if",
            &[
                ("when", when.into()),
                ("condition", condition.source().into()),
            ],
        ),
        None => when,
    };
    let repeat = d.repeat.as_ref().map_or_else(
        || none(lang),
        |r| {
            let every = ("duration", r.every.swedish().into());
            match r.times {
                Some(times) => text(
                    lang,
                    "diff-value-every-times",
                    &[every, ("times", times.to_string().into())],
                ),
                None => text(lang, "diff-value-every", &[every]),
            }
        },
    );
    let message = d.message.as_ref().map_or_else(
        || none(lang),
        |m| {
            let to = recipients(routine, Some(m), lang);
            let args = [
                ("template", (&m.template).into()),
                ("recipients", to.into()),
            ];
            text(lang, "diff-value-message", &args)
        },
    );
    let task = d.task.as_ref().map_or_else(
        || none(lang),
        |t| format!("{}: {}", role_name(routine, &t.role), t.title),
    );
    let goto = d
        .goto
        .as_ref()
        .map_or_else(|| none(lang), |g| step_name(routine, g));
    let at =
        d.at.map_or_else(|| none(lang), |t| t.format("%H:%M").to_string());
    [
        ("passes", when),
        ("at", at),
        ("repeats", repeat),
        ("message", message),
        ("task", task),
        ("goes to", goto),
    ]
}

/// A deadline in one line.
fn deadline_words(routine: &Routine, d: &Deadline, lang: Lang) -> String {
    let parts: Vec<String> = deadline_aspects(routine, d, lang)
        .into_iter()
        .filter(|(_, v)| *v != none(lang))
        .map(|(k, v)| match k {
            "passes" => v,
            _ => {
                let key = k.replace(' ', "-");
                let aspect = text(
                    lang,
                    "diff-aspect",
                    &[("key", key.into()), ("aspect", k.into())],
                );
                let args = [("aspect", aspect.into()), ("value", v.into())];
                text(lang, "diff-value-aspect", &args)
            }
        })
        .collect();
    parts.join("; ")
}

fn all_deadlines(routine: &Routine) -> Vec<(String, &Deadline)> {
    let case = routine
        .deadlines
        .iter()
        .map(|d| (format!("case.{}", d.id), d));
    let steps = routine.steps.iter().flat_map(|s| {
        s.deadlines
            .iter()
            .map(move |d| (format!("{}.{}", s.id, d.id), d))
    });
    case.chain(steps).collect()
}

pub(super) fn deadlines(old: &Routine, new: &Routine, lang: Lang, out: &mut Vec<Change>) {
    let (was, now) = (all_deadlines(old), all_deadlines(new));
    let find = |list: &[(String, &'_ Deadline)], id: &str| list.iter().any(|(k, _)| k == id);
    for (id, d) in was.iter().filter(|(id, _)| !find(&now, id)) {
        let mut c = change(Area::Deadline, id, None, ChangeKind::Removed);
        c.old = Some(deadline_words(old, d, lang));
        out.push(c);
    }
    for (id, d) in &now {
        match was.iter().find(|(k, _)| k == id) {
            None => {
                let mut c = change(Area::Deadline, id, None, ChangeKind::Added);
                c.new = Some(deadline_words(new, d, lang));
                out.push(c);
            }
            Some((_, before)) => {
                let pairs = deadline_aspects(old, before, lang)
                    .into_iter()
                    .zip(deadline_aspects(new, d, lang));
                for ((aspect, a), (_, b)) in pairs {
                    compare(out, (Area::Deadline, id, None), aspect, a, b);
                }
            }
        }
    }
}

fn visibility(routine: &Routine, v: &Visibility, lang: Lang) -> String {
    match v {
        Visibility::Everyone => text(lang, "diff-value-everyone", &[]),
        Visibility::Roles(roles) => {
            let names: Vec<String> = roles.iter().map(|r| role_name(routine, r)).collect();
            text(
                lang,
                "diff-value-only",
                &[("roles", names.join(", ").into())],
            )
        }
    }
}

fn field_changes(
    (old, new): (&Routine, &Routine),
    was: &Field,
    field: &Field,
    lang: Lang,
    out: &mut Vec<Change>,
) {
    let at = (Area::Field, field.id.as_str(), field.name.as_deref());
    compare(
        out,
        at,
        "type",
        was.ty.describe_in(lang),
        field.ty.describe_in(lang),
    );
    let required = |f: &Field| match f.required {
        true => text(lang, "diff-value-required", &[]),
        false => text(lang, "diff-value-optional", &[]),
    };
    compare(out, at, "required", required(was), required(field));
    let seen = visibility(old, &was.visibility, lang);
    compare(
        out,
        at,
        "visibility",
        seen,
        visibility(new, &field.visibility, lang),
    );
    compare(
        out,
        at,
        "groups",
        group_map(old, was),
        group_map(new, field),
    );
}

/// An enumeration's `groups:` in words: `Norr → Hemtjänst norr, ...`.
fn group_map(routine: &Routine, field: &Field) -> String {
    let name = |g: &String| routine.groups.get(g).map_or(g.clone(), |g| g.name.clone());
    field
        .groups
        .iter()
        .map(|(value, g)| format!("{value} → {}", name(g)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn fields(old: &Routine, new: &Routine, lang: Lang, out: &mut Vec<Change>) {
    for field in old.fields.iter().filter(|f| new.field(&f.id).is_none()) {
        out.push(change(
            Area::Field,
            &field.id,
            field.name.as_deref(),
            ChangeKind::Removed,
        ));
    }
    for field in &new.fields {
        match old.field(&field.id) {
            None => {
                let mut c = change(
                    Area::Field,
                    &field.id,
                    field.name.as_deref(),
                    ChangeKind::Added,
                );
                let seen = visibility(new, &field.visibility, lang);
                c.new = Some(text(
                    lang,
                    "diff-value-seen-by",
                    &[
                        ("type", field.ty.describe_in(lang).into()),
                        ("visibility", seen.into()),
                    ],
                ));
                out.push(c);
            }
            Some(was) => field_changes((old, new), was, field, lang, out),
        }
    }
}

pub(super) fn templates(
    old: &Routine,
    new: &Routine,
    lang: Lang,
    out: &mut Vec<Change>,
) -> Vec<TemplateDiff> {
    for name in old
        .templates
        .keys()
        .filter(|n| !new.templates.contains_key(*n))
    {
        out.push(change(Area::Template, name, None, ChangeKind::Removed));
    }
    let mut diffs = Vec::new();
    for (name, template) in &new.templates {
        let Some(was) = old.templates.get(name) else {
            out.push(change(Area::Template, name, None, ChangeKind::Added));
            continue;
        };
        if was.source == template.source {
            continue;
        }
        let mut c = change(Area::Template, name, None, ChangeKind::Changed);
        c.aspect = Some("text".to_owned());
        out.push(c);
        let unified = TextDiff::from_lines(&was.source, &template.source)
            .unified_diff()
            .context_radius(2)
            .header(
                &text(lang, "diff-value-template-old", &[("name", name.into())]),
                &text(lang, "diff-value-template-new", &[("name", name.into())]),
            )
            .to_string();
        diffs.push(TemplateDiff {
            name: name.clone(),
            unified,
        });
    }
    diffs
}
