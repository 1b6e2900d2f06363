//! Visibility: a message may only show a field to recipients who may see it.
//! This is how a key number never reaches the night patrol. A person
//! recipient's name and address are shown too (in the mail's `To:` and the
//! template's `recipients`), so every recipient must see their fields.

use super::scope::Scope;
use super::sender::MessageUse;
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
    }
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
