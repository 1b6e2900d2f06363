//! Visibility: a message may only show a field to recipients who may see it.
//! This is how a key number never reaches the night patrol.

use super::resolve::Scope;
use crate::diagnostic::{Problem, Sink};
use crate::model::{RecipientTarget, Visibility};

pub(super) fn check(scope: &Scope, sink: &mut Sink) {
    for (spec, spans, template_span) in &scope.messages {
        let Some(template) = scope.used_templates.get(&spec.template) else {
            continue;
        };
        for (recipient, span) in spec.recipients().zip(spans.iter().copied()) {
            // Each reader: a description and the role it sees as.
            let readers: Vec<(String, Option<String>)> = match &recipient.target {
                RecipientTarget::Role(r) => vec![(format!("the role `{r}`"), Some(r.clone()))],
                RecipientTarget::Group(g) => vec![(
                    format!("the group `{g}`"),
                    scope.groups.get(g).and_then(|g| g.sees_as.clone()),
                )],
                RecipientTarget::GroupOf { candidates, .. } => candidates
                    .iter()
                    .map(|g| {
                        (
                            format!("the group `{g}`"),
                            scope.groups.get(g).and_then(|g| g.sees_as.clone()),
                        )
                    })
                    .collect(),
            };
            for field_id in &template.fields_used {
                let Some(field) = scope.fields.iter().find(|f| &f.id == field_id) else {
                    continue;
                };
                let Visibility::Roles(allowed) = &field.visibility else {
                    continue;
                };
                for (who, role) in &readers {
                    if !field.visibility.allows(role.as_deref()) {
                        let at = if span == crate::source::Span::default() {
                            *template_span
                        } else {
                            span
                        };
                        sink.error(
                            at,
                            Problem::VisibilityLeak {
                                template: spec.template.clone(),
                                field: field_id.clone(),
                                recipient: who.clone(),
                                visible_to: allowed.iter().cloned().collect(),
                            },
                        );
                    }
                }
            }
        }
    }
}
