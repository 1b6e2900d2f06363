//! Templates read only what their sender provides: each message use is
//! checked where it is written (the template name, or the subject line).

use super::scope::Scope;
use super::sender::{MessageUse, Sender};
use super::templates::Analysis;
use crate::diagnostic::{Problem, Sink};
use crate::source::Span;

pub(super) fn check(scope: &Scope, sink: &mut Sink) {
    for message in &scope.messages {
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
                sender: sender.describe().to_owned(),
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
