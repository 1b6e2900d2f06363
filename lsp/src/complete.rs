//! Completion of ids where the text before the cursor expects one.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, TextEdit,
};
use rutin::files::SourceFiles;
use rutin::ide::{self, complete, Index, SymbolKind};

use crate::convert;
use crate::project::{kind, FileKind};
use crate::server::{Cursor, State};

/// The ids that fit at the cursor, with their display names.
pub(crate) fn completion(state: &State, at: &Cursor) -> Vec<CompletionItem> {
    let expected = match kind(&at.path, &at.text) {
        FileKind::Template => complete::in_template(&at.text, at.offset),
        FileKind::Routine | FileKind::Organisation => complete::in_routine(&at.text, at.offset),
        FileKind::Other => None,
    };
    let (Some(expected), Some(index)) = (expected, state.project.completion_index(&at.path)) else {
        return Vec::new();
    };
    let range = convert::range(&at.text, expected.typed);
    let edit = |id: &str| {
        Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            id.to_owned(),
        )))
    };
    if expected.kind == SymbolKind::Template {
        return template_names(state, index)
            .into_iter()
            .map(|name| CompletionItem {
                kind: Some(CompletionItemKind::FILE),
                detail: Some("template".to_owned()),
                text_edit: edit(&name),
                label: name,
                ..CompletionItem::default()
            })
            .collect();
    }
    index
        .declared(expected.kind)
        .map(|s| CompletionItem {
            label: s.id.clone(),
            kind: Some(item_kind(expected.kind)),
            detail: Some(match &s.display {
                Some(name) => name.clone(),
                None => s
                    .details
                    .first()
                    .map_or_else(|| expected.kind.word().to_owned(), |(_, t)| t.clone()),
            }),
            documentation: Some(Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: ide::describe(expected.kind, s),
            })),
            text_edit: edit(&s.id),
            ..CompletionItem::default()
        })
        .collect()
}

/// The templates of the routine's template folder (unsaved ones included).
fn template_names(state: &State, index: &Index) -> Vec<String> {
    let Some(dir) = &index.template_dir else {
        return Vec::new();
    };
    let mut names: Vec<String> = state
        .docs
        .list(dir)
        .unwrap_or_default()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "j2"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn item_kind(kind: SymbolKind) -> CompletionItemKind {
    match kind {
        SymbolKind::Role => CompletionItemKind::CLASS,
        SymbolKind::Group => CompletionItemKind::MODULE,
        SymbolKind::Field => CompletionItemKind::FIELD,
        SymbolKind::Step => CompletionItemKind::FUNCTION,
        SymbolKind::Deadline => CompletionItemKind::EVENT,
        SymbolKind::Template => CompletionItemKind::FILE,
        SymbolKind::Clause => CompletionItemKind::REFERENCE,
        SymbolKind::Schedule => CompletionItemKind::EVENT,
    }
}
