//! Sending messages: resolving recipients and rendering templates.
//!
//! Recipients are resolved first (conditions evaluated, `group_of` turned
//! into a group), because *who* receives a message decides *what* it may
//! say: the template context holds only the fields every recipient may see.
//! A template that reads another field is refused before rendering
//! ([`RenderError::HiddenField`]); should one slip past that check, strict
//! mode makes the missing variable an error. Either way nothing hidden is
//! ever written into a message.

use minijinja::{Environment, Value};

use super::context::{self, TemplateScope};
use super::error::{RenderError, RunError};
use super::exec::Exec;
use super::journal::{Addressee, AddresseeKind, Message, Record};
use super::visibility::may_see;
use crate::expr::{to_text, ExprError};
use crate::model::{
    Deadline, Expr, MessageFrom, MessageSpec, PersonTarget, Recipient, RecipientTarget, Routine,
    Step,
};

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

/// The routine's fields that these template sources read, in routine order.
pub(crate) fn fields_used(
    env: &Environment<'_>,
    routine: &Routine,
    template: &str,
    sources: &[&str],
) -> Result<Vec<String>, RenderError> {
    let cache = crate::expr::routine_compiled(routine);
    let mut names = std::collections::BTreeSet::new();
    for source in sources {
        let reads = cache.template_reads(source, || {
            let t = compiled(env, template, source)?;
            Ok::<_, RenderError>(t.undeclared_variables(false).into_iter().collect())
        })?;
        names.extend(reads.iter().cloned());
    }
    Ok(routine
        .fields
        .iter()
        .filter(|f| names.contains(&f.id))
        .map(|f| f.id.clone())
        .collect())
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
    let known = [
        crate::expr::template_key(template),
        crate::expr::subject_key(source),
    ];
    for key in known {
        if let Ok(t) = env.get_template(&key) {
            if t.source() == source {
                return Ok(t);
            }
        }
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
        let mut sources = vec![body_source.as_str()];
        sources.extend(spec.subject.as_deref());
        let mut used = fields_used(self.env, routine, &spec.template, &sources)?;
        for field in person_fields(routine, spec) {
            if !used.contains(&field) {
                used.push(field);
            }
        }
        let everyone: Vec<&Addressee> = to.iter().chain(cc.iter()).collect();
        check_hidden(routine, &spec.template, &used, &everyone)?;
        let from = spec.from.as_ref().map(|f| sender(routine, f)).transpose()?;
        let scope = TemplateScope {
            step,
            deadline,
            recipients: everyone.iter().map(|r| r.name.clone()).collect(),
            sender: from.as_ref().map(|f| (f.id.clone(), f.name.clone())),
        };
        let visible = |field: &str| {
            everyone
                .iter()
                .all(|r| may_see(routine, r.sees_as.as_deref(), field))
        };
        let tctx = context::template(routine, &self.case.state, self.now, visible, &scope);
        let body = render_text(self.env, &spec.template, body_source, &tctx)?;
        let subject = match &spec.subject {
            Some(s) => Some(render_text(
                self.env,
                &format!("subject of {}", spec.template),
                s,
                &tctx,
            )?),
            None => None,
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
}
