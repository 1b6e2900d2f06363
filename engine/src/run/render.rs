//! Sending messages: resolving recipients and rendering templates.
//!
//! Recipients are resolved first (conditions evaluated, `group_of` turned
//! into a group), because *who* receives a message decides *what* it may
//! say: the template context holds only the fields every recipient may see.
//! A template that reads another field is refused before rendering
//! ([`RenderError::HiddenField`]); should one slip past that check, strict
//! mode makes the missing variable an error. Either way nothing hidden is
//! ever written into a message.

use std::collections::BTreeSet;
use std::sync::Arc;

use minijinja::{Environment, Value};

use super::context::{self, TemplateScope};
use super::error::{RenderError, RunError};
use super::exec::Exec;
use super::journal::{Addressee, AddresseeKind, Message, Record};
use super::visibility::may_see;
use crate::expr::{to_text, ExprError};
use crate::model::compiled::MessageReads;
use crate::model::{
    Deadline, Expr, MessageFrom, MessageSpec, PersonTarget, Recipient, RecipientTarget, Routine,
    Step,
};

/// Whether a case's messages get their texts. A message is always
/// addressed, checked for fields its recipients may not see, and journaled
/// with its recipients, sender and the fields it reads; only its rendering
/// can be left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MessageTexts {
    /// The body and subject are rendered (what a real case needs).
    #[default]
    Rendered,
    /// Neither is rendered: the journal's `message_sent` has an empty body
    /// and no subject, and a template that would fail to render is not
    /// found out. For runs that count messages without reading them (bulk
    /// simulation); the rest of the journal is the same.
    Skipped,
}

/// Resolves a recipient list: drops those whose condition is false, turns
/// `group_of` into a group. `eval` evaluates the list's expressions, `text`
/// gives a field's text (a person's name and address).
pub(crate) fn address(
    routine: &Routine,
    eval: &dyn Fn(&Expr) -> Result<Value, ExprError>,
    text: &dyn Fn(&str) -> Option<String>,
    list: &[Recipient],
    template: &str,
) -> Result<Vec<Addressee>, RunError> {
    let mut out = Vec::with_capacity(list.len());
    for r in list {
        if let Some(cond) = &r.when {
            let keep = eval(cond).map(|v| v.is_true()).map_err(|e| {
                RunError::expr(format!("recipient condition of message `{template}`"), e)
            })?;
            if !keep {
                continue;
            }
        }
        let addressee = match &r.target {
            RecipientTarget::Role(id) => role(routine, id)?,
            RecipientTarget::Group(id) => group(routine, id)
                .ok_or_else(|| RunError::Internal(format!("there is no group `{id}`")))?,
            RecipientTarget::GroupOf { expr, .. } => {
                let id = eval(expr).and_then(|v| to_text(expr, v)).map_err(|e| {
                    RunError::expr(format!("`group_of` of message `{template}`"), e)
                })?;
                group(routine, routine.group_for(&id)).ok_or_else(|| RunError::UnknownGroup {
                    expr: expr.source().to_string(),
                    value: id,
                })?
            }
            RecipientTarget::Person(p) => person(text, p, template)?,
        };
        out.push(addressee);
    }
    Ok(out)
}

fn role(routine: &Routine, id: &str) -> Result<Addressee, RunError> {
    let role = routine
        .roles
        .get(id)
        .ok_or_else(|| RunError::Internal(format!("there is no role `{id}`")))?;
    Ok(Addressee {
        kind: AddresseeKind::Role,
        id: id.to_string(),
        name: role.name.clone(),
        address: None,
        sees_as: Some(id.to_string()),
    })
}

/// A person: name and address read from their fields (the analyzer makes
/// sure both are set whenever the recipient is kept).
fn person(
    text: &dyn Fn(&str) -> Option<String>,
    p: &PersonTarget,
    template: &str,
) -> Result<Addressee, RunError> {
    let text = |field: &str| {
        text(field).ok_or_else(|| RunError::PersonUnset {
            template: template.to_owned(),
            field: field.to_owned(),
        })
    };
    Ok(Addressee {
        kind: AddresseeKind::Person,
        id: p.address.clone(),
        name: text(&p.name)?,
        address: Some(text(&p.address)?),
        sees_as: Some(p.sees_as.clone()),
    })
}

/// The sender of a message, as the journal records it.
pub(crate) fn sender(routine: &Routine, from: &MessageFrom) -> Result<Addressee, RunError> {
    match from {
        MessageFrom::Role(id) => role(routine, id),
        MessageFrom::Group(id) => group(routine, id)
            .ok_or_else(|| RunError::Internal(format!("there is no group `{id}`"))),
    }
}

/// The fields a message shows through its person recipients, in routine order.
pub(crate) fn person_fields(routine: &Routine, spec: &MessageSpec) -> Vec<String> {
    let shown: Vec<&str> = spec
        .recipients()
        .filter_map(|r| match &r.target {
            RecipientTarget::Person(p) => Some(p.fields()),
            _ => None,
        })
        .flatten()
        .collect();
    routine
        .fields
        .iter()
        .filter(|f| shown.contains(&f.id.as_str()))
        .map(|f| f.id.clone())
        .collect()
}

fn group(routine: &Routine, id: &str) -> Option<Addressee> {
    routine.groups.get(id).map(|g| Addressee {
        kind: AddresseeKind::Group,
        id: id.to_string(),
        name: g.name.clone(),
        address: g.address.clone(),
        sees_as: g.sees_as.clone(),
    })
}

/// What the message `spec` (its body `body` and its subject) reads: found
/// once per routine ([`crate::model::compiled::Compiled::message_reads`]).
pub(crate) fn message_reads(
    env: &Environment<'_>,
    routine: &Routine,
    spec: &MessageSpec,
    body: &str,
) -> Result<Arc<MessageReads>, RenderError> {
    let cache = crate::expr::routine_compiled(routine);
    cache.message_reads(&spec.template, spec.subject.as_deref(), || {
        let mut names = BTreeSet::new();
        for source in std::iter::once(body).chain(spec.subject.as_deref()) {
            let t = compiled(env, &spec.template, source)?;
            names.extend(t.undeclared_variables(false));
        }
        let fields = routine
            .fields
            .iter()
            .filter(|f| names.contains(&f.id))
            .map(|f| f.id.clone())
            .collect();
        Ok(MessageReads { names, fields })
    })
}

/// Renders one template text.
pub(crate) fn render_text(
    env: &Environment<'_>,
    template: &str,
    source: &str,
    ctx: &Value,
) -> Result<String, RenderError> {
    compiled(env, template, source)?
        .render(ctx.clone())
        .map_err(|e| failed(template, &e))
}

/// The template `template` with this source: compiled once in the
/// routine's environment when it is the template's body or a message's
/// subject, else now.
fn compiled<'e>(
    env: &'e Environment<'_>,
    template: &str,
    source: &'e str,
) -> Result<minijinja::Template<'e, 'e>, RenderError> {
    // The body's key first: a body would otherwise be copied into a subject key.
    let same = |t: &minijinja::Template<'e, 'e>| t.source() == source;
    if let Some(t) = env
        .get_template(&crate::expr::template_key(template))
        .ok()
        .filter(same)
    {
        return Ok(t);
    }
    if let Some(t) = env
        .get_template(&crate::expr::subject_key(source))
        .ok()
        .filter(same)
    {
        return Ok(t);
    }
    env.template_from_str(source)
        .map_err(|e| failed(template, &e))
}

fn failed(template: &str, e: &minijinja::Error) -> RenderError {
    RenderError::Failed {
        template: template.to_string(),
        message: crate::expr::error_text(e),
    }
}

/// The fields a message's context holds: those it reads (`used`, each
/// visible to every recipient once [`check_hidden`] passed), and any other
/// the analyzer found the template reading that every recipient may see.
fn shown_fields<'a>(
    routine: &'a Routine,
    template: &str,
    used: &'a [String],
    visible: impl Fn(&str) -> bool,
) -> Vec<&'a str> {
    let mut shown: Vec<&str> = used.iter().map(String::as_str).collect();
    if let Some(t) = routine.templates.get(template) {
        for field in &t.fields_used {
            if !used.contains(field) && visible(field) {
                shown.push(field);
            }
        }
    }
    shown
}

/// Refuses a template that reads a field some recipient may not see.
pub(crate) fn check_hidden(
    routine: &Routine,
    template: &str,
    used: &[String],
    recipients: &[&Addressee],
) -> Result<(), RenderError> {
    for field in used {
        if let Some(r) = recipients
            .iter()
            .find(|r| !may_see(routine, r.sees_as.as_deref(), field))
        {
            return Err(RenderError::HiddenField {
                template: template.to_string(),
                field: field.clone(),
                recipient: r.id.clone(),
            });
        }
    }
    Ok(())
}

impl Exec<'_> {
    /// Sends a message of a step or a deadline. A message whose every
    /// recipient's condition is false is not sent.
    pub(crate) fn send(
        &mut self,
        spec: &MessageSpec,
        step: Option<&Step>,
        deadline: Option<&Deadline>,
    ) -> Result<(), RunError> {
        let routine = self.routine;
        let eval = |e: &Expr| self.eval(e);
        let state = &self.case.state;
        let text = |field: &str| {
            let value = state.fields.get(field)?;
            value.as_str().map(str::to_owned)
        };
        let to = address(routine, &eval, &text, &spec.to, &spec.template)?;
        let cc = address(routine, &eval, &text, &spec.cc, &spec.template)?;
        if to.is_empty() && cc.is_empty() {
            return Ok(());
        }
        let body_source = &routine
            .templates
            .get(&spec.template)
            .ok_or_else(|| RenderError::MissingTemplate(spec.template.clone()))?
            .source;
        let reads = message_reads(self.env, routine, spec, body_source)?;
        let mut used = reads.fields.clone();
        for field in person_fields(routine, spec) {
            if !used.contains(&field) {
                used.push(field);
            }
        }
        let everyone: Vec<&Addressee> = to.iter().chain(cc.iter()).collect();
        check_hidden(routine, &spec.template, &used, &everyone)?;
        let from = spec.from.as_ref().map(|f| sender(routine, f)).transpose()?;
        let (body, subject) = match self.case.texts {
            MessageTexts::Rendered => {
                let scope = TemplateScope {
                    step,
                    deadline,
                    recipients: everyone.iter().map(|r| r.name.clone()).collect(),
                    sender: from.as_ref().map(|f| (f.id.clone(), f.name.clone())),
                };
                self.texts(spec, body_source, &reads.names, &used, &everyone, &scope)?
            }
            MessageTexts::Skipped => (String::new(), None),
        };
        self.emit(Record::MessageSent(Box::new(Message {
            step: step.map(|s| s.id.clone()),
            deadline: deadline.map(|d| d.id.clone()),
            template: spec.template.clone(),
            subject,
            body,
            to,
            cc,
            fields_used: used,
            from,
        })))
    }

    /// A message's body and subject, rendered in a context of the fields
    /// every recipient may see that it reads, and the globals it reads.
    fn texts(
        &self,
        spec: &MessageSpec,
        body_source: &str,
        reads: &BTreeSet<String>,
        used: &[String],
        everyone: &[&Addressee],
        scope: &TemplateScope<'_>,
    ) -> Result<(String, Option<String>), RenderError> {
        let routine = self.routine;
        let visible = |field: &str| {
            everyone
                .iter()
                .all(|r| may_see(routine, r.sees_as.as_deref(), field))
        };
        let shown = shown_fields(routine, &spec.template, used, visible);
        let state = &self.case.state;
        let ctx = context::template(routine, state, self.now, reads, &shown, scope);
        let body = render_text(self.env, &spec.template, body_source, &ctx)?;
        let subject = match &spec.subject {
            Some(s) => Some(render_text(
                self.env,
                &format!("subject of {}", spec.template),
                s,
                &ctx,
            )?),
            None => None,
        };
        Ok((body, subject))
    }
}
