//! Hover texts: what an id is, in Markdown.

use super::index::{Hit, Index};
use std::path::Path;

/// The hover text at byte `offset` of `path`: a symbol's definition, or a
/// duration's meaning in words.
pub fn hover(index: &Index, path: &Path, offset: usize) -> Option<String> {
    if let Some(d) = index.duration_at(path, offset) {
        return Some(format!("**duration** {}", d.meaning));
    }
    index.at(path, offset).map(|hit| symbol_text(&hit))
}

fn symbol_text(hit: &Hit<'_>) -> String {
    let s = hit.symbol;
    let mut out = format!("**{}** `{}`", hit.kind.word(), s.id);
    if s.definition.is_none() {
        out.push_str("\n\nnot declared in this routine");
    }
    for (label, text) in &s.details {
        out.push_str(&format!("\n\n*{label}:* {}", text.trim()));
    }
    let uses = s.references.len();
    out.push_str(&format!(
        "\n\nused {uses} time{}",
        if uses == 1 { "" } else { "s" }
    ));
    out
}
