//! Case-wide events (`events:` at the top level).

use super::fields::{fields, Named};
use super::node::Node;
use super::raw::{CaseEvent, Sp};
use crate::diagnostic::Sink;

/// One entry of `events:`.
pub(crate) fn case_event(sink: &mut Sink, id: &Sp<String>, node: &Node) -> CaseEvent {
    let context = super::decode::place("in-case-event", id);
    let Some(mut m) = fields(sink, Named::Item("item-case-event"), node, context) else {
        return CaseEvent {
            span: id.span,
            ..CaseEvent::default()
        };
    };
    let event = CaseEvent {
        title: m.required_string(sink, "title"),
        from: m.string(sink, "from"),
        collects: m.strings(sink, "collects"),
        optional: m.strings(sink, "optional"),
        set: m.get("set").map(|n| super::set::assignments(sink, n)),
        goto: m.string(sink, "goto"),
        outcome: m.string(sink, "outcome"),
        source: m.strings(sink, "source"),
        span: id.span,
    };
    m.finish(sink);
    event
}
