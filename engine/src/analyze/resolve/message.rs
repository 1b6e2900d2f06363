//! Messages and schedules: templates, subjects, recipients.

use super::deadline::duration;
use super::text;
use super::Scope;
use crate::analyze::templates;
use crate::diagnostic::{suggest, Diagnostic, Problem, RefKind, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{FieldType, MessageSpec, Recipient, RecipientTarget, Schedule};
use crate::source::Span;

pub(super) fn recipients(
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
            group_of(scope, sink, expr, r.when.is_some())
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
/// `group_of`: when the expression is a plain enumeration field, its values
/// that are group ids are the groups it may yield. A value that is no group
/// is an error, unless the recipient has a `when:` (which may exclude it; if
/// not, sending fails at run time and is journaled). Otherwise the groups
/// named as texts in the expression (`'night_team' if night else 'day_team'`)
/// are the candidates, or, when it names none, every group.
pub(super) fn group_of(
    scope: &mut Scope,
    sink: &mut Sink,
    expr: &Sp<String>,
    guarded: bool,
) -> Option<RecipientTarget> {
    let compiled = scope.expr(sink, expr)?;
    let name = expr.value.trim();
    let mut candidates = Vec::new();
    if let Some(FieldType::Enum { values }) = scope.field_type(name).cloned() {
        for v in values {
            if scope.groups.contains_key(&v) {
                scope.used_groups.insert(v.clone());
                candidates.push(v);
            } else if !guarded {
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
        candidates = quoted_texts(&expr.value)
            .into_iter()
            .filter(|t| scope.groups.contains_key(t))
            .collect();
        candidates.sort();
        candidates.dedup();
        scope.used_groups.extend(candidates.iter().cloned());
        if candidates.is_empty() {
            // Any group may come out: check visibility against all of them.
            candidates = scope.groups.keys().cloned().collect();
        }
    }
    Some(RecipientTarget::GroupOf {
        expr: compiled,
        candidates,
    })
}

/// The texts written in quotes in an expression.
fn quoted_texts(expr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<(char, String)> = None;
    for c in expr.chars() {
        match &mut current {
            Some((q, text)) if c == *q => {
                out.push(std::mem::take(text));
                current = None;
            }
            Some((_, text)) => text.push(c),
            None if c == '\'' || c == '"' => current = Some((c, String::new())),
            None => {}
        }
    }
    out
}

/// Who sends a message, which decides what its template sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sender {
    /// A message step.
    Step,
    /// A deadline on a step.
    StepDeadline,
    /// A deadline on the whole case.
    CaseDeadline,
    /// A cross-case schedule (a report).
    Schedule,
}

impl Sender {
    /// The template globals this sender provides with a value.
    fn provides(self) -> &'static [&'static str] {
        match self {
            Sender::Step => &["routine", "case", "step", "recipients", "today"],
            Sender::StepDeadline => &["routine", "case", "step", "deadline", "recipients", "today"],
            Sender::CaseDeadline => &["routine", "case", "deadline", "recipients", "today"],
            Sender::Schedule => &["routine", "cases", "recipients", "today"],
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Sender::Step => "a message step",
            Sender::StepDeadline => "a deadline of a step",
            Sender::CaseDeadline => "a deadline of the case",
            Sender::Schedule => "a schedule's report",
        }
    }
}

/// Checks that a template only reads what its sender provides. `step` and
/// `deadline` are `none` where not provided, so a template shared by several
/// senders may test them (`{% if deadline %}`); reading from them without
/// such a test is an error. `cases` exists only in reports, and a report has
/// no top-level case fields.
fn check_sender(
    sink: &mut Sink,
    at: Span,
    template: &crate::model::Template,
    globals: &[String],
    sender: Sender,
) {
    let provided = sender.provides();
    let available: Vec<String> = provided.iter().map(|g| (*g).to_owned()).collect();
    for global in globals {
        if provided.contains(&global.as_str()) {
            continue;
        }
        let guarded = ["step", "deadline", "case"].contains(&global.as_str())
            && (template.source.contains(&format!("if {global}"))
                || !template.source.contains(&format!("{global}.")));
        if !guarded {
            sink.error(
                at,
                Problem::TemplateUnavailable {
                    template: template.name.clone(),
                    name: global.clone(),
                    sender: sender.describe().to_owned(),
                    available: available.clone(),
                },
            );
        }
    }
    if sender == Sender::Schedule {
        for field in &template.fields_used {
            sink.error(
                at,
                Problem::ReportFieldOutsideLoop {
                    template: template.name.clone(),
                    field: field.clone(),
                },
            );
        }
    }
}

pub(super) fn message(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    m: &raw::Message,
    context: &str,
    sender: Sender,
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
        // Without the organisation file the template folder is unknown too;
        // that one problem is reported already.
        if !(scope.organisation_missing && scope.templates.dir.is_none()) {
            let problem = templates::unknown_template(&scope.templates, &template_name.value);
            sink.error(template_name.span, problem);
        }
        None
    };
    let subject = match &m.subject {
        Some(s) => {
            let file = std::sync::Arc::new(crate::source::SourceFile::new(
                sink.file.path(),
                s.value.clone(),
            ));
            let mut problems = Vec::new();
            let analysis =
                templates::analyze_template("subject", &file, &scope.field_ids, &mut problems);
            for p in problems {
                sink.error(s.span, p.problem);
            }
            let (used, ok) = (analysis.fields, analysis.ok);
            let subject_template = crate::model::Template {
                name: format!("{} (subject)", template_name.value),
                path: sink.file.path().to_path_buf(),
                source: s.value.clone(),
                fields_used: used.clone(),
            };
            check_sender(sink, s.span, &subject_template, &analysis.globals, sender);
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
    let globals = scope
        .templates
        .globals
        .get(&template.name)
        .cloned()
        .unwrap_or_default();
    check_sender(sink, template_name.span, &template, &globals, sender);
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

pub(super) fn schedule(
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
        .and_then(|m| message(scope, sink, extra, m, &context, Sender::Schedule));
    for r in s
        .message
        .iter()
        .flat_map(|m| m.to.iter().flatten().chain(m.cc.iter().flatten()))
    {
        for expr in r.when.iter().chain(r.group_of.iter()) {
            for field in super::super::exprs::fields_read(&expr.value, &scope.field_ids) {
                sink.error(expr.span, Problem::ReportRecipientReadsCase { field });
            }
        }
    }
    // A report template reads each case's fields as attributes (`c.key_number`);
    // count those as used, so that visibility is checked for them too.
    if let Some(t) = message
        .as_ref()
        .and_then(|m| scope.used_templates.get(&m.template))
        .cloned()
    {
        let read = templates::attribute_fields(&t.source, &scope.field_ids);
        scope.used_fields.extend(read.iter().cloned());
        let mut merged = t;
        merged.fields_used.extend(read);
        merged.fields_used.sort();
        merged.fields_used.dedup();
        scope.used_templates.insert(merged.name.clone(), merged);
    }
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
