//! Messages: templates, subjects, recipients. What a template may read is
//! checked by the passes; here the message is resolved and its use recorded.

use std::sync::Arc;

use super::recipient::recipients;
use crate::analyze::scope::Scope;
use crate::analyze::sender::{MessageUse, Sender};
use crate::analyze::templates::{self, Analysis};
use crate::diagnostic::{Diagnostic, Phrase, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{MessageSpec, Template};
use crate::source::SourceFile;

pub(super) fn message(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    m: &raw::Message,
    context: &Phrase,
    sender: Sender,
) -> Option<MessageSpec> {
    let Some(template_name) = &m.template else {
        sink.error(
            m.span,
            Problem::MissingKey {
                key: "template".into(),
                context: context.clone(),
            },
        );
        return None;
    };
    let template = template(scope, sink, extra, template_name);
    let subject = m.subject.as_ref().map(|s| (subject(scope, sink, s), s));
    if m.to.as_ref().is_none_or(Vec::is_empty) {
        sink.error(
            m.span,
            Problem::MissingKey {
                key: "to".into(),
                context: context.clone(),
            },
        );
    }
    let from = m.from.as_ref().map(|name| scope.sender(sink, name));
    let mut resolved = Vec::new();
    let to = recipients(scope, sink, &m.to, &mut resolved);
    let cc = recipients(scope, sink, &m.cc, &mut resolved);
    let template = template?;
    if let Some((analysis, _)) = &subject {
        add_subject_fields(scope, &template, analysis);
    }
    scope.messages.push(MessageUse {
        template: template.name.clone(),
        template_span: template_name.span,
        sender,
        subject: subject.as_ref().map(|(a, s)| (a.clone(), s.span)),
        recipients: resolved,
        from: m.from.is_some(),
        context: context.clone(),
    });
    let subject = match subject {
        Some((analysis, s)) => Some(analysis.ok.then(|| s.value.clone())?),
        None => None,
    };
    let local_choice = super::values::words(
        sink,
        &m.local_choice,
        "local_choice",
        &Phrase::within("in-message-of", context),
    );
    Some(MessageSpec {
        template: template.name.clone(),
        subject,
        to: to?,
        cc: cc?,
        from: from.map_or(Some(None), |f| f.map(Some))?,
        local_choice,
    })
}

/// Loads the template named `name` from the template folder.
fn template(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    name: &Sp<String>,
) -> Option<Template> {
    if !scope.templates.exists(&name.value) {
        // Without the organisation file the template folder is unknown too;
        // that one problem is reported already.
        if !(scope.organisation_missing && scope.templates.dir.is_none()) {
            let problem = templates::unknown_template(&scope.templates, &name.value);
            sink.error(name.span, problem);
        }
        return None;
    }
    let t = scope
        .templates
        .get(&name.value, &scope.field_ids, &scope.trees, extra)?;
    scope.used_fields.extend(t.fields_used.iter().cloned());
    if !scope.used_templates.contains_key(&t.name) {
        scope.used_templates.insert(t.name.clone(), t.clone());
    }
    Some(t)
}

/// Analyzes the message's subject line (a template of its own); its
/// problems point at the subject.
fn subject(scope: &mut Scope, sink: &mut Sink, s: &Sp<String>) -> Analysis {
    let file = Arc::new(SourceFile::new(sink.file.path(), s.value.clone()));
    let mut problems = Vec::new();
    let analysis = templates::analyze_template(
        "subject",
        &file,
        &scope.field_ids,
        &scope.trees,
        &mut problems,
    );
    for p in problems {
        sink.error(s.span, p.problem);
    }
    scope.used_fields.extend(analysis.all_fields());
    analysis
}

/// The routine's copy of a template lists the fields every subject it is sent with reads.
fn add_subject_fields(scope: &mut Scope, template: &Template, subject: &Analysis) {
    if let Some(t) = scope.used_templates.get_mut(&template.name) {
        t.fields_used.extend(subject.all_fields());
        t.fields_used.sort();
        t.fields_used.dedup();
    }
}
