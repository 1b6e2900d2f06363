//! Visibility: a message may only show a field to recipients who may see it.
//! This is how a key number never reaches the night patrol. A person
//! recipient's name and address are shown too (in the mail's `To:` and the
//! template's `recipients`), so every recipient must see their fields.
//! The same holds for the fields that choose recipients: every recipient
//! sees who else the message went to (the mail's `To:`/`Cc:`, the
//! template's `recipients`), so a `group_of:` or a recipient's `when:` may
//! read only fields every recipient of the message may see.

use super::scope::Scope;
use super::sender::{MessageUse, Sender};
use crate::diagnostic::{Phrase, Problem, Sink};
use crate::model::{Recipient, RecipientTarget, Visibility};
use crate::source::Span;

/// Checks every message use on its own: its template and its own subject,
/// against each of its recipients, located at that recipient.
pub(super) fn check(scope: &Scope, sink: &mut Sink) {
    for message in &scope.messages {
        let Some(body) = scope.templates.analyses.get(&message.template) else {
            continue;
        };
        let mut fields = body.all_fields();
        if let Some((subject, _)) = &message.subject {
            fields.extend(subject.all_fields());
        }
        for (recipient, _) in &message.recipients {
            if let RecipientTarget::Person(p) = &recipient.target {
                fields.extend(p.fields().map(str::to_owned));
            }
        }
        fields.sort();
        fields.dedup();
        for (recipient, span) in &message.recipients {
            // Problems point at the recipient, or at the template when the
            // recipient's place is not known.
            let at = if *span == Span::default() {
                message.template_span
            } else {
                *span
            };
            for field in &fields {
                check_field(scope, sink, message, recipient, field, at);
            }
        }
        check_choices(scope, sink, message);
    }
}

/// The fields each recipient's `group_of:` and `when:` read, against every
/// recipient of the message, located at the recipient that reads them.
/// (A schedule's recipients may read no case field at all: checked where
/// schedules are resolved.)
fn check_choices(scope: &Scope, sink: &mut Sink, message: &MessageUse) {
    if message.sender == Sender::Schedule {
        return;
    }
    for (chooser, span) in &message.recipients {
        let at = if *span == Span::default() {
            message.template_span
        } else {
            *span
        };
        for field in choosing_fields(scope, chooser) {
            let Some(Visibility::Roles(allowed)) = scope
                .fields
                .iter()
                .find(|f| f.id == field)
                .map(|f| &f.visibility)
            else {
                continue;
            };
            for (reader, _) in &message.recipients {
                for (who, role) in readers(scope, reader) {
                    if !Visibility::Roles(allowed.clone()).allows(role.as_deref()) {
                        let problem = Problem::RecipientChoiceLeak {
                            field: field.clone(),
                            recipient: who,
                            visible_to: allowed.iter().cloned().collect(),
                        };
                        sink.error(at, problem);
                    }
                }
            }
        }
    }
}

/// The fields a recipient's `group_of:` and `when:` read.
fn choosing_fields(scope: &Scope, recipient: &Recipient) -> Vec<String> {
    let group_of = match &recipient.target {
        RecipientTarget::GroupOf { expr, .. } => Some(expr),
        _ => None,
    };
    let mut fields: Vec<String> = group_of
        .into_iter()
        .chain(recipient.when.as_ref())
        .flat_map(|e| scope.trees.fields_read(e.source(), &scope.field_ids))
        .collect();
    fields.sort();
    fields.dedup();
    fields
}

/// Each reader a recipient stands for: a description and the role it sees as.
fn readers(scope: &Scope, recipient: &Recipient) -> Vec<(Phrase, Option<String>)> {
    match &recipient.target {
        RecipientTarget::Role(r) => vec![(Phrase::named("in-role", r), Some(r.clone()))],
        RecipientTarget::Group(g) => vec![(Phrase::named("in-group", g), scope.group_sees_as(g))],
        RecipientTarget::GroupOf { candidates, .. } => candidates
            .iter()
            .map(|g| (Phrase::named("in-group", g), scope.group_sees_as(g)))
            .collect(),
        RecipientTarget::Person(p) => vec![(
            Phrase::named("reader-person", &p.name).with("role", &p.sees_as),
            Some(p.sees_as.clone()),
        )],
    }
}

fn check_field(
    scope: &Scope,
    sink: &mut Sink,
    message: &MessageUse,
    recipient: &Recipient,
    field_id: &str,
    at: Span,
) {
    let Some(field) = scope.fields.iter().find(|f| f.id == field_id) else {
        return;
    };
    let Visibility::Roles(allowed) = &field.visibility else {
        return;
    };
    for (who, role) in readers(scope, recipient) {
        if !field.visibility.allows(role.as_deref()) {
            sink.error(
                at,
                Problem::VisibilityLeak {
                    template: message.template.clone(),
                    field: field_id.to_owned(),
                    recipient: who,
                    visible_to: allowed.iter().cloned().collect(),
                },
            );
        }
    }
}
