//! `set:` mappings: field id → the expression the field is set to.

use super::fields::{id_map, string, Named};
use super::node::{Node, Value};
use super::raw::{Assignments, Sp};
use crate::diagnostic::{RefKind, Sink};

/// Reads a `set:` mapping. A value is an expression; a plain number, `true`,
/// `false` or an empty value (`none`) is taken as the expression it spells.
pub(crate) fn assignments(sink: &mut Sink, node: &Node) -> Assignments {
    id_map(sink, "set", RefKind::Field, Some(node), |sink, _, n| {
        let spelled = match &n.value {
            Value::Bool(b) => Some(b.to_string()),
            Value::Null => Some("none".to_owned()),
            _ => None,
        };
        match spelled {
            Some(text) => Some(Sp::new(text, n.span)),
            None => string(sink, Named::Item("item-set-value"), n),
        }
        .unwrap_or_else(|| Sp::new(String::new(), n.span))
    })
}
