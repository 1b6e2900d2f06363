//! The common case read without serde gives exactly serde-saphyr's tree.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::parse;
use crate::load::node::Node;

/// serde-saphyr's tree of `text` (`None`: its error).
fn by_serde(text: &str) -> Option<Node> {
    serde_saphyr::from_str_with_options::<Node>(text, crate::load::options()).ok()
}

/// When the common case reads `text`, serde-saphyr reads the same tree.
fn same(text: &str) -> Result<bool, String> {
    match parse(text) {
        None => Ok(false),
        Some(node) => match by_serde(text) {
            Some(theirs) if theirs == node => Ok(true),
            theirs => Err(format!("{text}\nours:   {node:?}\ntheirs: {theirs:?}")),
        },
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

#[test]
fn every_yaml_file_of_the_repository_reads_as_serde_reads_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["engine/tests/fixtures", "workflows", "tests/scenarios"] {
        yaml_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "{} files", files.len());
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let taken = same(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Every shipped routine without anchors is the common case.
        let shipped = path.starts_with(root.join("workflows"))
            && path.to_string_lossy().ends_with(".yaml")
            && !text.contains(" &");
        assert!(taken || !shipped, "{} left to serde", path.display());
    }
}

#[test]
fn what_might_be_another_kind_of_value_is_left_to_serde() {
    for text in [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: 0x1F\n",
        "a: 1e3\n",
        "a: .inf\n",
        "a: 007\n",
        "a: +3\n",
        "a: 1_000\n",
        "? [a]\n: 1\n",
        "a: [1, 2\n",
    ] {
        assert!(parse(text).is_none(), "{text}");
    }
}

/// Plain scalars of every kind serde-saphyr tells apart, and some others.
fn scalar() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "~",
        "null",
        "Null",
        "NULL",
        "true",
        "True",
        "TRUE",
        "false",
        "FALSE",
        "yes",
        "no",
        "on",
        "0",
        "-0",
        "7",
        "-7",
        "+7",
        "007",
        "12",
        "123456789012345678",
        "1234567890123456789",
        "1.5",
        "-0.25",
        "0.5",
        ".5",
        "1.",
        "1e3",
        "1E-3",
        "0x1F",
        "0o17",
        "0b101",
        "1_000",
        "inf",
        "-inf",
        ".inf",
        "-.inf",
        ".nan",
        "nan",
        "NaN",
        "2026-06-22",
        "08:00",
        "1 dag",
        "3 months",
        "12abc",
        "abc",
        "Åsa Öberg",
        "-",
        "-x",
        "a-b",
        "./x",
        "../y",
        ".x",
        ".5e3",
        "1-2",
        "1e+5",
        "1e-",
        "'q'",
        "\"dq\"",
        "'it''s'",
        "\"tab\\there\"",
        "x # comment",
        "<<",
        "a b: c",
    ])
    .prop_map(str::to_owned)
}

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "1", "true", "null", "'k'", "id", "a b", "a"])
        .prop_map(str::to_owned)
}

/// Mapping entries, with flow lists and block scalars among the values.
fn block() -> impl Strategy<Value = Vec<String>> {
    let leaf = prop_oneof![
        scalar(),
        prop::collection::vec(scalar(), 0..3).prop_map(|v| format!("[{}]", v.join(", "))),
        Just("|\n  two\n  lines".to_owned()),
        Just(">\n  folded\n  text".to_owned()),
    ];
    let entry = (key(), leaf).prop_map(|(k, v)| format!("{k}: {v}"));
    prop::collection::vec(entry, 1..4)
}

/// A block document of nested mappings and lists.
fn document() -> impl Strategy<Value = String> {
    (
        block(),
        block(),
        prop::collection::vec(scalar(), 0..3),
        key(),
    )
        .prop_map(|(top, inner, items, k)| {
            let mut text = top.join("\n") + "\n";
            text += &format!("{k}:\n");
            for line in inner.iter().flat_map(|e| e.lines()) {
                text += &format!("  {line}\n");
            }
            text += "list:\n";
            for item in items {
                text += &format!("  - {item}\n");
            }
            text
        })
}

proptest! {
    #[test]
    fn generated_documents_read_as_serde_reads_them(text in document()) {
        prop_assert!(same(&text).is_ok(), "{}", same(&text).unwrap_err());
    }
}
