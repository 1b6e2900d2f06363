//! Where a key or a list item of a scenario stands in its file: the file's
//! node tree (with spans) walked by a path of keys and indices.

use crate::load::node::{Node, Value};
use crate::source::SourceFile;

/// One step of a path into the file.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg {
    /// The entry of a mapping with this key.
    Key(&'static str),
    /// The n-th item (from 0) of a list.
    Item(usize),
}

/// The file's text and tree, kept with the scenario read from it.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub(crate) source: std::sync::Arc<SourceFile>,
    pub(crate) tree: Node,
}

impl Located {
    /// The line and column (1-based) of the path's last key (or item); as
    /// far as the path leads when the file has less.
    pub(crate) fn at(&self, path: &[Seg]) -> Option<(usize, usize)> {
        let mut node = &self.tree;
        let mut found = None;
        for seg in path {
            let Some((place, next)) = step(node, *seg) else {
                break;
            };
            found = Some(place);
            node = next;
        }
        found.map(|span| self.source.line_col(span))
    }
}

/// The offset naming the segment (the key, or the item) and the node it leads to.
fn step(node: &Node, seg: Seg) -> Option<(usize, &Node)> {
    match (&node.value, seg) {
        (Value::Map(entries), Seg::Key(key)) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(k, v)| (k.span.offset, v)),
        (Value::Seq(items), Seg::Item(i)) => items.get(i).map(|n| (n.span.offset, n)),
        _ => None,
    }
}
