//! Schedules: reports over many cases.

use super::message::message;
use super::values::{duration, text};
use crate::analyze::scope::Scope;
use crate::analyze::sender::Sender;
use crate::diagnostic::{Diagnostic, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::Schedule;

pub(super) fn schedule(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    id: &Sp<String>,
    s: &raw::Schedule,
) -> Option<Schedule> {
    let context = crate::diagnostic::Phrase::named("in-schedule", &id.value);
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
            for field in scope.trees.fields_read(&expr.value, &scope.field_ids) {
                sink.error(expr.span, Problem::ReportRecipientReadsCase { field });
            }
        }
        if let Some(p) = &r.person {
            for field in p.name.iter().chain(p.address.iter()) {
                let field = field.value.clone();
                sink.error(p.span, Problem::ReportRecipientReadsCase { field });
            }
        }
    }
    let source = scope.clauses(sink, &s.source);
    let local_choice = super::values::words(sink, &s.local_choice, "local_choice", &context);
    let at = match &s.at {
        Some(a) => Some(super::values::time_of_day(sink, a)?),
        None => None,
    };
    Some(Schedule {
        id: id.value.clone(),
        title: text(&s.title)?,
        every: every?,
        select: select?,
        message: message?,
        source,
        local_choice,
        at,
    })
}
