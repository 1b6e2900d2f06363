//! Templates read only what their sender provides: each message use is
//! checked where it is written (the template name, or the subject line).

use std::sync::Arc;

use super::scope::Scope;
use super::sender::{MessageUse, Sender};
use super::templates::Analysis;
use crate::diagnostic::{Diagnostic, Location, Problem, Sink};
use crate::source::{SourceFile, Span};

pub(super) fn check(scope: &Scope, sink: &mut Sink) {
    for message in &scope.messages {
        without_from(scope, message, sink);
        if let Some(body) = scope.templates.analyses.get(&message.template) {
            check_one(
                sink,
                message,
                &message.template,
                body,
                message.template_span,
            );
        }
        if let Some((subject, at)) = &message.subject {
            let name = format!("{} (subject)", message.template);
            check_one(sink, message, &name, subject, *at);
        }
    }
}

/// `sender` is none in a message without `from:`: reading from it there
/// without `{% if sender %}` fails, located at the read in the template (or
/// at the subject line).
fn without_from(scope: &Scope, message: &MessageUse, sink: &mut Sink) {
    if message.from {
        return;
    }
    let unguarded = |reads: &Analysis| {
        reads
            .globals
            .get("sender")
            .filter(|used| used.member_read && !used.tested)
            .map(|used| used.member_at.unwrap_or_default())
    };
    let problem = |template: String| Problem::SenderWithoutFrom {
        template,
        message: message.context.clone(),
    };
    let body = scope.templates.analyses.get(&message.template);
    let template = scope.used_templates.get(&message.template);
    if let (Some(at), Some(t)) = (body.and_then(unguarded), template) {
        let file = Arc::new(SourceFile::new(&t.path, t.source.as_str()));
        let at = Location { file, span: at };
        sink.push(Diagnostic::error(problem(t.name.clone()), Some(at)));
    }
    if let Some((subject, at)) = &message.subject {
        if unguarded(subject).is_some() {
            sink.error(*at, problem(format!("{} (subject)", message.template)));
        }
    }
}

/// `step` and `deadline` are `none` where not provided, so a template shared
/// by several senders may test them (`{% if deadline %}`); reading from them
/// without such a test is an error. `cases` exists only in reports, and a
/// report has no top-level case fields.
fn check_one(sink: &mut Sink, message: &MessageUse, name: &str, reads: &Analysis, at: Span) {
    let sender = message.sender;
    let provided = sender.provides();
    let available: Vec<String> = provided.iter().map(|g| (*g).to_owned()).collect();
    for (global, used) in &reads.globals {
        if provided.contains(&global.as_str()) {
            continue;
        }
        let may_be_none = ["step", "deadline", "case"].contains(&global.as_str());
        if may_be_none && (used.tested || !used.member_read) {
            continue;
        }
        sink.error(
            at,
            Problem::TemplateUnavailable {
                template: name.to_owned(),
                name: global.clone(),
                sender: sender.describe(),
                available: available.clone(),
            },
        );
    }
    if sender == Sender::Schedule {
        for field in &reads.fields {
            sink.error(
                at,
                Problem::ReportFieldOutsideLoop {
                    template: name.to_owned(),
                    field: field.clone(),
                },
            );
        }
    }
}
