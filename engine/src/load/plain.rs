//! The common case of [`super::parse_yaml`] without serde's machinery: a
//! single document of mappings, sequences and scalars, with no anchors,
//! aliases, tags, merge keys or directives, read from the events of the
//! parser serde-saphyr itself runs (granit) into the same [`Node`] tree.
//! Anything else gives `None` and is left to serde-saphyr: every error
//! (so its messages and budgets stay the only ones), and every plain
//! scalar that might be a number other than a decimal integer or a decimal
//! fraction. A test holds the two trees equal on every file of the
//! repository and on generated documents.

use serde_saphyr::granit_parser::{Event, Options, Parser, ScalarStyle, Span as Marks};

use super::node::{Node, Value};
use crate::source::Span;

/// Deeper documents are left to serde-saphyr (its depth budget is 64).
const MAX_DEPTH: usize = 48;
/// Longer ones too (its budgets allow a million events and 250,000 nodes).
const MAX_EVENTS: usize = 100_000;

/// The spellings of infinity and NaN (serde-saphyr refuses them untyped).
const NON_FINITE: [&str; 6] = [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"];

/// A sequence or mapping being read.
struct Open {
    span: Span,
    /// The mapping's key waiting for its value (`None` in a sequence).
    map: Option<Option<Node>>,
    items: Vec<Node>,
    entries: Vec<(Node, Node)>,
}

/// The node tree of `text`, when it is the common case.
pub(super) fn parse(text: &str) -> Option<Node> {
    let mut options = Options::default();
    options.emit_comments = false;
    let mut stack: Vec<Open> = Vec::new();
    let (mut root, mut documents) = (None, 0);
    for (count, item) in Parser::new_from_str_with_options(text, options).enumerate() {
        let (event, marks) = item.ok()?;
        if count > MAX_EVENTS {
            return None;
        }
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::DocumentStart(_, None) if documents == 0 => documents += 1,
            Event::Scalar(text, style, 0, None) => {
                let node = Node {
                    value: scalar(&text, style)?,
                    span: span(&marks)?,
                };
                put(&mut stack, &mut root, node)?;
            }
            Event::SequenceStart(_, 0, None) | Event::MappingStart(_, 0, None) => {
                if stack.len() >= MAX_DEPTH {
                    return None;
                }
                let map = matches!(event, Event::MappingStart(..)).then_some(None);
                let (items, entries) = (Vec::new(), Vec::new());
                let span = span(&marks)?;
                stack.push(Open {
                    span,
                    map,
                    items,
                    entries,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop()?;
                let value = match open.map {
                    None => Value::Seq(open.items),
                    Some(None) => Value::Map(open.entries),
                    Some(Some(_)) => return None,
                };
                let node = Node {
                    value,
                    span: open.span,
                };
                put(&mut stack, &mut root, node)?;
            }
            _ => return None,
        }
    }
    if stack.is_empty() {
        root
    } else {
        None
    }
}

/// Puts a finished node into the collection being read, or at the root.
fn put(stack: &mut [Open], root: &mut Option<Node>, node: Node) -> Option<()> {
    let Some(open) = stack.last_mut() else {
        return match root {
            None => {
                *root = Some(node);
                Some(())
            }
            Some(_) => None,
        };
    };
    match &mut open.map {
        None => open.items.push(node),
        Some(key @ None) => {
            // A key that is a collection is left to serde-saphyr.
            if matches!(node.value, Value::Seq(_) | Value::Map(_)) {
                return None;
            }
            *key = Some(node);
        }
        Some(key) => {
            let key = key.take()?;
            open.entries.push((key, node));
        }
    }
    Some(())
}

/// The span serde-saphyr gives a node: its event's bytes.
fn span(marks: &Marks) -> Option<Span> {
    let start = marks.start.byte_offset()?;
    let end = marks.end.byte_offset()?;
    Some(Span::new(start, end.checked_sub(start)?))
}

/// The value of an untagged scalar, as serde-saphyr reads it with strict
/// booleans (`None`: it may be a number of another form, or a merge key).
fn scalar(text: &str, style: ScalarStyle) -> Option<Value> {
    if style != ScalarStyle::Plain {
        return Some(Value::Str(text.to_owned()));
    }
    let value = match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        "<<" => return None,
        _ => {
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
            match unsigned.as_bytes().first() {
                Some(b'0'..=b'9') => return number(text, unsigned),
                Some(b'.') if NON_FINITE.contains(&unsigned) || !cannot_be_number(unsigned) => {
                    return None
                }
                _ => Value::Str(text.to_owned()),
            }
        }
    };
    Some(value)
}

/// A plain scalar starting with a digit (after its sign): a decimal
/// integer, a decimal fraction, a text no number can be, or `None`.
fn number(text: &str, unsigned: &str) -> Option<Value> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let signed = text.starts_with('+');
    if digits(unsigned) && !signed && unsigned.len() <= 18 {
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return None;
        }
        return text.parse().ok().map(Value::Int);
    }
    if let Some((whole, part)) = unsigned.split_once('.') {
        if digits(whole) && digits(part) && !signed && unsigned.len() <= 30 {
            return text.parse().ok().map(Value::Float);
        }
    }
    if cannot_be_number(unsigned) {
        return Some(Value::Str(text.to_owned()));
    }
    None
}

/// Whether a text has a character no integer (any radix, underscores) and
/// no float (exponents) may have, or a sign anywhere but after an exponent.
fn cannot_be_number(unsigned: &str) -> bool {
    let bytes = unsigned.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| match b {
        b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F' | b'x' | b'X' | b'o' | b'O' | b'_' | b'.' => false,
        b'+' | b'-' => i == 0 || !matches!(bytes[i - 1], b'e' | b'E'),
        _ => true,
    })
}

#[cfg(test)]
mod tests;
