//! Messages: templates, subjects, recipients.

use super::recipient::recipients;
use crate::analyze::scope::Scope;
use crate::analyze::sender::MessageUse;
use crate::analyze::sender::Sender;
use crate::analyze::templates;
use crate::diagnostic::{Diagnostic, Problem, Sink};
use crate::load::raw;
use crate::model::MessageSpec;
use crate::source::Span;

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
    let template = template(scope, sink, extra, template_name);
    let subject = m.subject.as_ref().map(|s| {
        subject(
            scope,
            sink,
            s,
            &template_name.value,
            template.as_ref(),
            sender,
        )
    });
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
    let spec = MessageSpec {
        template: template.name.clone(),
        subject: optional(subject)?,
        to: to?,
        cc: cc?,
    };
    scope.messages.push(MessageUse {
        spec: spec.clone(),
        recipient_spans: spans,
        template_span: template_name.span,
    });
    Some(spec)
}

/// `Some(None)` when absent, `Some(Some(x))` when sound, `None` on an error.
fn optional<T>(part: Option<Option<T>>) -> Option<Option<T>> {
    part.map_or(Some(None), |p| p.map(Some))
}

/// Loads the template named `name` from the template folder.
fn template(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    name: &raw::Sp<String>,
) -> Option<crate::model::Template> {
    if !scope.templates.exists(&name.value) {
        // Without the organisation file the template folder is unknown too;
        // that one problem is reported already.
        if !(scope.organisation_missing && scope.templates.dir.is_none()) {
            let problem = templates::unknown_template(&scope.templates, &name.value);
            sink.error(name.span, problem);
        }
        return None;
    }
    let fields = scope.field_ids.clone();
    let t = scope.templates.get(&name.value, &fields, extra)?;
    scope.used_fields.extend(t.fields_used.iter().cloned());
    scope.used_templates.insert(t.name.clone(), t.clone());
    Some(t)
}

/// The message's subject line (a template of its own), when it is sound.
fn subject(
    scope: &mut Scope,
    sink: &mut Sink,
    s: &raw::Sp<String>,
    name: &str,
    template: Option<&crate::model::Template>,
    sender: Sender,
) -> Option<String> {
    let file = std::sync::Arc::new(crate::source::SourceFile::new(
        sink.file.path(),
        s.value.clone(),
    ));
    let mut problems = Vec::new();
    let analysis = templates::analyze_template("subject", &file, &scope.field_ids, &mut problems);
    for p in problems {
        sink.error(s.span, p.problem);
    }
    let subject_template = crate::model::Template {
        name: format!("{name} (subject)"),
        path: sink.file.path().to_path_buf(),
        source: s.value.clone(),
        fields_used: analysis.fields.clone(),
    };
    check_sender(sink, s.span, &subject_template, &analysis.globals, sender);
    scope.used_fields.extend(analysis.fields.iter().cloned());
    if let Some(t) = template {
        let mut merged = t.clone();
        merged.fields_used.extend(analysis.fields);
        merged.fields_used.sort();
        merged.fields_used.dedup();
        scope.used_templates.insert(merged.name.clone(), merged);
    }
    analysis.ok.then(|| s.value.clone())
}
