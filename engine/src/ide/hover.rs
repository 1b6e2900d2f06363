//! Hover texts: what an id is, in Markdown.

use std::path::Path;

use super::index::{Index, Symbol, SymbolKind};

/// The hover text at byte `offset` of `path`: a symbol's definition, or a
/// duration's meaning in words.
pub fn hover(index: &Index, path: &Path, offset: usize) -> Option<String> {
    if let Some(d) = index.duration_at(path, offset) {
        return Some(format!("**duration** {}", d.meaning));
    }
    index
        .at(path, offset)
        .map(|hit| describe(hit.kind, hit.symbol))
}

/// What a symbol is, in Markdown: its kind and id, then its details
/// (name, description, type, who may see it...) and how often it is used.
pub fn describe(kind: SymbolKind, s: &Symbol) -> String {
    let mut out = format!("**{}** `{}`", kind.word(), s.id);
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
