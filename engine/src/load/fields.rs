//! Reading YAML mappings key by key while collecting problems: unknown keys
//! (with "did you mean"), duplicate keys, values of the wrong type.

use super::node::{Node, Value};
use super::raw::{AnyValue, IdMap, Sp};
use crate::diagnostic::{suggest, Diagnostic, Phrase, Problem, RefKind, Sink};

/// What a value is, for "must be" problems: a key as written (`title`), or
/// an item named in words (`item-role`: "a role", "en roll").
#[derive(Debug, Clone, Copy)]
pub(crate) enum Named<'a> {
    /// A key of the file.
    Key(&'a str),
    /// An item, by its phrase id in `details.ftl`.
    Item(&'static str),
}

impl<'a> From<&'a str> for Named<'a> {
    fn from(key: &'a str) -> Self {
        Named::Key(key)
    }
}

impl<'a> From<&'a String> for Named<'a> {
    fn from(key: &'a String) -> Self {
        Named::Key(key)
    }
}

impl Named<'_> {
    fn phrase(self) -> Phrase {
        match self {
            Named::Key(key) => Phrase::quoted(key),
            Named::Item(id) => Phrase::new(id),
        }
    }
}

/// The entries of one YAML mapping, read key by key.
pub(crate) struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
    used: Vec<bool>,
    asked: Vec<&'static str>,
    context: Phrase,
    pub(crate) span: crate::source::Span,
}

/// Starts reading a mapping; reports a problem and returns `None` if the node is not one.
pub(crate) fn fields<'n>(
    sink: &mut Sink,
    key: impl Into<Named<'n>>,
    node: &'n Node,
    context: Phrase,
) -> Option<Fields<'n>> {
    let Value::Map(entries) = &node.value else {
        // An empty value (`a:` with nothing after it) is a mistake too: the
        // keys the format requires there would silently go missing.
        let problem = if node.value == Value::Null {
            Problem::Empty { what: context }
        } else {
            wrong_type(key, Phrase::new("expect-key-value-mapping"), node)
        };
        sink.error(node.span, problem);
        return None;
    };
    let mut kept: Vec<(&'n str, &'n Node, &'n Node)> = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let Some(name) = k.as_str() else {
            sink.error(
                k.span,
                wrong_type(Named::Item("item-key"), Phrase::new("expect-name"), k),
            );
            continue;
        };
        if let Some((_, first, _)) = kept.iter().find(|(n, _, _)| *n == name) {
            let related = sink.at(first.span);
            let location = Some(sink.at(k.span));
            sink.push(
                Diagnostic::error(
                    Problem::DuplicateKey {
                        key: name.to_owned(),
                    },
                    location,
                )
                .with_related(related, "first here"),
            );
            continue;
        }
        kept.push((name, k, v));
    }
    Some(Fields {
        used: vec![false; kept.len()],
        entries: kept,
        asked: Vec::new(),
        context,
        span: node.span,
    })
}

pub(crate) fn wrong_type<'a>(key: impl Into<Named<'a>>, expected: Phrase, node: &Node) -> Problem {
    Problem::WrongType {
        key: key.into().phrase(),
        expected,
        found: node.value.describe(),
    }
}

impl<'n> Fields<'n> {
    /// The value of `key`, marking it as known.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'n Node> {
        self.asked.push(key);
        let index = self.entries.iter().position(|(n, _, _)| *n == key)?;
        if let Some(used) = self.used.get_mut(index) {
            *used = true;
        }
        self.entries.get(index).map(|(_, _, v)| *v)
    }

    /// Where the context is, for "missing key" problems.
    pub(crate) fn context(&self) -> &Phrase {
        &self.context
    }

    pub(crate) fn string(&mut self, sink: &mut Sink, key: &'static str) -> Option<Sp<String>> {
        self.get(key).and_then(|n| string(sink, key, n))
    }

    pub(crate) fn required_string(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
    ) -> Option<Sp<String>> {
        let value = self.string(sink, key);
        if value.is_none() && !self.has(key) {
            sink.error(
                self.span,
                Problem::MissingKey {
                    key: key.to_owned(),
                    context: self.context.clone(),
                },
            );
        }
        value
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(n, _, _)| *n == key)
    }

    pub(crate) fn strings(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
    ) -> Option<Vec<Sp<String>>> {
        self.get(key).and_then(|n| strings(sink, key, n))
    }

    pub(crate) fn bool(&mut self, sink: &mut Sink, key: &'static str) -> Option<Sp<bool>> {
        let node = self.get(key)?;
        match node.value {
            Value::Bool(b) => Some(Sp::new(b, node.span)),
            _ => {
                sink.error(
                    node.span,
                    wrong_type(key, Phrase::new("expect-boolean"), node),
                );
                None
            }
        }
    }

    pub(crate) fn int(&mut self, sink: &mut Sink, key: &'static str) -> Option<Sp<i64>> {
        let node = self.get(key)?;
        match node.value {
            Value::Int(i) => Some(Sp::new(i, node.span)),
            _ => {
                sink.error(
                    node.span,
                    wrong_type(key, Phrase::new("expect-whole-number"), node),
                );
                None
            }
        }
    }

    pub(crate) fn any(&mut self, key: &'static str) -> Option<Sp<AnyValue>> {
        self.get(key).map(|n| Sp::new(AnyValue(to_json(n)), n.span))
    }

    /// Reports every key that was never asked for.
    pub(crate) fn finish(self, sink: &mut Sink) {
        for ((name, key, _), used) in self.entries.iter().zip(&self.used) {
            if !used {
                let expected: Vec<String> = self.asked.iter().map(|s| (*s).to_owned()).collect();
                sink.error(
                    key.span,
                    Problem::UnknownKey {
                        key: (*name).to_owned(),
                        context: self.context.clone(),
                        suggestion: suggest(name, self.asked.iter().copied()),
                        expected,
                    },
                );
            }
        }
    }
}

/// A scalar as text. Numbers are accepted and kept exactly as written
/// (`version: 1.10` stays `1.10`).
pub(crate) fn string<'a>(
    sink: &mut Sink,
    key: impl Into<Named<'a>>,
    node: &Node,
) -> Option<Sp<String>> {
    let as_written = |fallback: String| {
        sink.file
            .text()
            .get(node.span.offset..node.span.end())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or(fallback, str::to_owned)
    };
    let text = match &node.value {
        Value::Str(s) => s.clone(),
        Value::Int(i) => as_written(i.to_string()),
        Value::Float(f) => as_written(f.to_string()),
        _ => {
            sink.error(node.span, wrong_type(key, Phrase::new("expect-text"), node));
            return None;
        }
    };
    Some(Sp::new(text, node.span))
}

/// A list of texts; a single text is taken as a list of one.
pub(crate) fn strings(sink: &mut Sink, key: &str, node: &Node) -> Option<Vec<Sp<String>>> {
    match &node.value {
        Value::Seq(items) => Some(items.iter().filter_map(|n| string(sink, key, n)).collect()),
        Value::Str(_) => string(sink, key, node).map(|s| vec![s]),
        Value::Null => Some(Vec::new()),
        _ => {
            sink.error(
                node.span,
                wrong_type(key, Phrase::new("expect-texts"), node),
            );
            None
        }
    }
}

/// A list of nodes.
pub(crate) fn list<'n>(sink: &mut Sink, key: &str, node: &'n Node) -> Vec<&'n Node> {
    match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        _ => {
            sink.error(node.span, wrong_type(key, Phrase::new("expect-list"), node));
            Vec::new()
        }
    }
}

/// A mapping from ids to items, with duplicate ids reported.
pub(crate) fn id_map<T>(
    sink: &mut Sink,
    key: &str,
    kind: RefKind,
    node: Option<&Node>,
    mut item: impl FnMut(&mut Sink, &Sp<String>, &Node) -> T,
) -> IdMap<T> {
    let Some(node) = node else {
        return IdMap::default();
    };
    let mut out: Vec<(Sp<String>, T)> = Vec::new();
    let entries = match &node.value {
        Value::Map(entries) => entries,
        Value::Null => return IdMap::default(),
        _ => {
            sink.error(
                node.span,
                wrong_type(key, Phrase::new("expect-id-mapping"), node),
            );
            return IdMap::default();
        }
    };
    for (k, v) in entries {
        let Some(id) = string(sink, Named::Item("item-id"), k) else {
            continue;
        };
        if !is_valid_id(&id.value) {
            sink.error(
                id.span,
                Problem::BadId {
                    id: id.value.clone(),
                },
            );
        }
        if let Some((first, _)) = out.iter().find(|(f, _)| f.value == id.value) {
            let related = sink.at(first.span);
            let location = Some(sink.at(id.span));
            sink.push(
                Diagnostic::error(
                    Problem::DuplicateId {
                        kind,
                        id: id.value.clone(),
                    },
                    location,
                )
                .with_related(related, "first declared here"),
            );
            continue;
        }
        let value = item(sink, &id, v);
        out.push((id, value));
    }
    IdMap(out)
}

/// Ids must be usable as expression variables: a letter, then letters, digits, `_`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A node as JSON (for example values).
pub(crate) fn to_json(node: &Node) -> serde_json::Value {
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Int(i) => (*i).into(),
        Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Str(s) => s.clone().into(),
        Value::Seq(items) => items.iter().map(to_json).collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| {
                let key = match &k.value {
                    Value::Str(s) => s.clone(),
                    other => format!("{other:?}"),
                };
                (key, to_json(v))
            })
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}
