//! Hover, go to definition, find references and rename: all answered from
//! the [`rutin::ide::Index`] of the routines that read the file.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::{
    Hover, HoverContents, Location, MarkupContent, MarkupKind, Range, TextEdit, Url, WorkspaceEdit,
};
use rutin::ide::{self, Place, SymbolKind};

use crate::convert;
use crate::server::{Cursor, State};

/// The hover text under the cursor.
pub(crate) fn hover(state: &State, at: &Cursor) -> Option<Hover> {
    state.project.reading(&at.path).into_iter().find_map(|a| {
        let text = ide::hover(&a.index, &at.path, at.offset)?;
        let span = match a.index.duration_at(&at.path, at.offset) {
            Some(d) => d.place.span,
            None => a.index.at(&at.path, at.offset)?.place.span,
        };
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(convert::range(&at.text, span)),
        })
    })
}

/// Where the id under the cursor is declared.
pub(crate) fn definition(state: &State, at: &Cursor) -> Option<Location> {
    let hit = state
        .project
        .reading(&at.path)
        .into_iter()
        .find_map(|a| a.index.at(&at.path, at.offset))?;
    location(state, hit.symbol.definition.as_ref()?)
}

/// The id under the cursor: its kind, id, and every place of it in every
/// analyzed routine that shares its declaration (a role of an organisation
/// file is the same role in each routine using the file).
pub(crate) fn symbol_places(state: &State, at: &Cursor) -> Option<Places> {
    let hit = state
        .project
        .reading(&at.path)
        .into_iter()
        .find_map(|a| a.index.at(&at.path, at.offset))?;
    let mut places: Vec<Place> = hit.symbol.definition.iter().cloned().collect();
    places.extend(hit.symbol.references.iter().cloned());
    if let Some(def) = &hit.symbol.definition {
        for a in state.project.analyses.values() {
            for ((kind, _), s) in &a.index.symbols {
                if *kind == hit.kind && s.id == hit.symbol.id && s.definition.as_ref() == Some(def)
                {
                    places.extend(s.references.iter().cloned());
                }
            }
        }
    }
    places.sort();
    places.dedup();
    Some(Places {
        kind: hit.kind,
        id: hit.symbol.id.clone(),
        definition: hit.symbol.definition.clone(),
        all: places,
    })
}

/// An id and every place it is written.
pub(crate) struct Places {
    kind: SymbolKind,
    id: String,
    definition: Option<Place>,
    /// The definition and every reference, sorted.
    all: Vec<Place>,
}

/// Every place of the id under the cursor.
pub(crate) fn references(state: &State, at: &Cursor, declaration: bool) -> Vec<Location> {
    let Some(found) = symbol_places(state, at) else {
        return Vec::new();
    };
    found
        .all
        .iter()
        .filter(|p| declaration || Some(*p) != found.definition.as_ref())
        .filter_map(|p| location(state, p))
        .collect()
}

/// Which ids may be renamed: those written as ids (a template is a file name).
fn renamable(kind: SymbolKind) -> bool {
    matches!(
        kind,
        SymbolKind::Step
            | SymbolKind::Field
            | SymbolKind::Role
            | SymbolKind::Group
            | SymbolKind::Clause
    )
}

/// The range of the id a rename would change.
pub(crate) fn prepare_rename(state: &State, at: &Cursor) -> Option<Range> {
    let hit = state
        .project
        .reading(&at.path)
        .into_iter()
        .find_map(|a| a.index.at(&at.path, at.offset))?;
    (renamable(hit.kind) && hit.symbol.definition.is_some())
        .then(|| convert::range(&at.text, hit.place.span))
}

/// The edits that rename the id under the cursor everywhere it is written,
/// or why it cannot be renamed.
pub(crate) fn rename(state: &State, at: &Cursor, new_name: &str) -> Result<WorkspaceEdit, String> {
    let Some(Places {
        kind,
        id,
        all: places,
        ..
    }) = symbol_places(state, at)
    else {
        return Err("there is no id here to rename".to_owned());
    };
    if !renamable(kind) {
        return Err(format!("a {} cannot be renamed here", kind.word()));
    }
    if !ide::is_valid_id(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid id: start with a letter, then letters, digits or `_`"
        ));
    }
    let taken = state.project.analyses.values().any(|a| {
        a.depends_on
            .iter()
            .any(|d| places.iter().any(|p| &p.path == d))
            && a.index.declared(kind).any(|s| s.id == new_name)
    });
    if taken && new_name != id {
        return Err(format!("a {} `{new_name}` already exists", kind.word()));
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    let mut texts: HashMap<PathBuf, String> = HashMap::new();
    for place in places.iter().filter(|p| p.span.len > 0) {
        let text = texts
            .entry(place.path.clone())
            .or_insert_with(|| state.docs.text(&place.path).unwrap_or_default());
        let Some(uri) = convert::uri_of(&place.path) else {
            continue;
        };
        changes.entry(uri).or_default().push(TextEdit {
            range: convert::range(text, place.span),
            new_text: new_name.to_owned(),
        });
    }
    Ok(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    })
}

fn location(state: &State, place: &Place) -> Option<Location> {
    let text = state.docs.text(&place.path).unwrap_or_default();
    Some(Location::new(
        convert::uri_of(&place.path)?,
        convert::range(&text, place.span),
    ))
}
