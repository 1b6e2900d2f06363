use std::path::{Path, PathBuf};

use super::*;
use crate::files::{DiskFiles, MemoryFiles};

fn shipped(name: &str) -> PathBuf {
    crate::source::normalize(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name))
}

fn offset_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {}", path.display()))
}

#[test]
fn shipped_routine_index_finds_steps_roles_fields_and_templates() {
    let path = shipped("workflows/kommun_000/installation.yaml");
    let a = analyze(&path, &DiskFiles);
    assert!(!a.checked.has_errors(), "{:?}", a.checked.diagnostics);
    let index = &a.index;
    let org = shipped("workflows/kommun_000/organisation.yaml");
    assert_eq!(index.organisation.as_deref(), Some(org.as_path()));
    // A role is defined in the organisation file and used in the routine.
    let role = &index.symbols[&(SymbolKind::Role, "alarm_team".into())];
    assert_eq!(
        role.definition.as_ref().map(|p| p.path.clone()),
        Some(org.clone())
    );
    assert_eq!(role.display.as_deref(), Some("Larmgruppen"));
    assert!(role.references.iter().any(|p| p.path == path));
    // Every step is defined, and `start` refers to one.
    let start_at = offset_of(&path, "start: ") + "start: ".len();
    let hit = index.at(&path, start_at).expect("the start step");
    assert_eq!(hit.kind, SymbolKind::Step);
    assert!(hit.symbol.definition.is_some());
    // A template's fields are references to the routine's fields.
    let template = shipped("templates/kommun_000/installed.j2");
    let client = &index.symbols[&(SymbolKind::Field, "client_name".into())];
    assert!(client.references.iter().any(|p| p.path == template));
    let at = offset_of(&template, "{{ client_name") + 4;
    assert_eq!(
        index.at(&template, at).map(|h| h.symbol.id.as_str()),
        Some("client_name")
    );
    assert!(a.depends_on.contains(&template));
    assert!(a.depends_on.contains(&org));
}

#[test]
fn every_place_in_the_index_spells_its_id() {
    for routine in [
        "workflows/kommun_000/installation.yaml",
        "workflows/kommun_000/extension.yaml",
        "workflows/kommun_000/termination.yaml",
        "workflows/kommun_003/not_executed.yaml",
        "workflows/kommun_003/termination.yaml",
    ] {
        let a = analyze(&shipped(routine), &DiskFiles);
        for ((kind, _), symbol) in &a.index.symbols {
            let places = symbol.definition.iter().chain(&symbol.references);
            for place in places.filter(|p| *kind != SymbolKind::Template || p.span.len > 0) {
                let text = std::fs::read_to_string(&place.path).unwrap_or_default();
                let written = &text[place.span.offset..place.span.end()];
                assert_eq!(written, symbol.id, "{routine}: {place:?}");
            }
        }
    }
}

#[test]
fn hover_tells_visibility_and_durations_in_words() {
    let path = crate::source::normalize(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/everything/routine.yaml"),
    );
    let a = analyze(&path, &DiskFiles);
    let at = offset_of(&path, "key_number:");
    let text = hover(&a.index, &path, at).unwrap_or_default();
    assert!(text.starts_with("**field** `key_number`"), "{text}");
    assert!(
        text.contains("*visible to:* only Larmgruppen (`alarm_team`)"),
        "{text}"
    );
    let shipped = shipped("workflows/kommun_000/installation.yaml");
    let a = analyze(&shipped, &DiskFiles);
    let duration = a.index.durations.first().expect("a deadline duration");
    let text =
        hover(&a.index, &duration.place.path, duration.place.span.offset).unwrap_or_default();
    assert!(text.starts_with("**duration**"), "{text}");
}

#[test]
fn a_half_typed_buffer_gives_an_index_of_what_parses() {
    let mut files = MemoryFiles::new();
    files.insert(
        "r.yaml",
        "routine:\n  id: x\n  title: T\nstart: a\nsteps:\n  a:\n    kind: end\n",
    );
    let a = analyze(Path::new("r.yaml"), &files);
    assert!(a
        .index
        .symbols
        .contains_key(&(SymbolKind::Step, "a".into())));
    files.insert("r.yaml", "routine:\n  id: x\nsteps: [\n");
    let a = analyze(Path::new("r.yaml"), &files);
    assert!(a.index.symbols.is_empty());
    assert!(a.checked.has_errors());
}
