//! Quick fixes: the analyzer's "did you mean" applied in one click.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, WorkspaceEdit};
use rutin::source::Span;

use crate::convert;
use crate::diagnostics::Replacement;
use crate::server::State;

/// The quick fixes for the diagnostics shown in `range` of `uri`'s file.
pub(crate) fn code_actions(
    state: &State,
    uri: &lsp_types::Url,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let Some(path) = convert::path_of(uri) else {
        return Vec::new();
    };
    let Some(text) = state.docs.text(&path) else {
        return Vec::new();
    };
    let wanted = convert::span(&text, range);
    let shown = state
        .published
        .get(&path)
        .map(Vec::as_slice)
        .unwrap_or_default();
    shown
        .iter()
        .filter_map(|d| {
            let fix: Replacement = serde_json::from_value(d.data.clone()?).ok()?;
            let span = convert::span(&text, d.range);
            let overlaps = span.offset <= wanted.end() && wanted.offset <= span.end();
            let at = overlaps
                .then(|| word_in(&text, span, &fix.replace))
                .flatten()?;
            let edit = TextEdit::new(convert::range(&text, at), fix.with.clone());
            let changes = HashMap::from([(uri.clone(), vec![edit])]);
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Replace `{}` with `{}`", fix.replace, fix.with),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}

/// Where `word` is written as a whole word inside `span` of `text` (a
/// diagnostic on an expression covers the whole expression).
fn word_in(text: &str, span: Span, word: &str) -> Option<Span> {
    let inside = text.get(span.offset..span.end())?;
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(i) = inside.get(from..)?.find(word) {
        let at = from + i;
        let end = at + word.len();
        let before = inside[..at].chars().next_back().is_none_or(|c| !ident(c));
        let after = inside[end..].chars().next().is_none_or(|c| !ident(c));
        if before && after {
            return Some(Span::new(span.offset + at, word.len()));
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_is_found_whole_inside_an_expression() {
        let text = "when: order_okk == false and x_order_ok";
        let span = Span::new(6, text.len() - 6);
        assert_eq!(word_in(text, span, "order_okk"), Some(Span::new(6, 9)));
        assert_eq!(word_in(text, span, "order_ok"), None);
    }
}
