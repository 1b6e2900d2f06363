//! `rutin graph` and `rutin schema`, run as the real binary.

mod support;

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use support::{root, rutin};

fn fixture() -> PathBuf {
    root().join("engine/tests/fixtures/valid/everything/routine.yaml")
}

/// Runs `rutin` with the arguments, expects exit 0, returns stdout.
fn stdout_of(args: &[&str]) -> String {
    let output = rutin().args(args).output().expect("rutin runs");
    assert!(
        output.status.success(),
        "rutin {args:?} failed with {:?}:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Routine files shipped under `workflows/` (not organisation files).
fn shipped_routines() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("workflows")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml")
                && path.file_stem().is_some_and(|s| s != "organisation")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn graph_dot_of_the_everything_fixture() {
    let dot = stdout_of(&["graph", path_arg(&fixture())]);
    insta::assert_snapshot!("dot", dot);
}

#[test]
fn graph_explicit_dot_is_the_default() {
    let default = stdout_of(&["graph", path_arg(&fixture())]);
    let explicit = stdout_of(&["graph", path_arg(&fixture()), "--format", "dot"]);
    assert_eq!(default, explicit);
}

#[test]
fn graph_mermaid_of_the_everything_fixture() {
    let mermaid = stdout_of(&["graph", path_arg(&fixture()), "--format", "mermaid"]);
    insta::assert_snapshot!("mermaid", mermaid);
}

#[test]
fn graph_dot_shows_clusters_shapes_and_dashed_deadlines() {
    let dot = stdout_of(&["graph", path_arg(&fixture())]);
    assert!(dot.starts_with("digraph \"everything\" {"), "{dot}");
    assert!(dot.contains("subgraph \"cluster_alarm_team\""), "{dot}");
    assert!(dot.contains("label=\"Larmgruppen\""), "{dot}");
    assert!(dot.contains("shape=diamond"), "{dot}");
    assert!(
        dot.contains(
            "\"s_wait_fix\" -> \"s_cancelled\" [label=\"give_up: 2 månader\", style=dashed"
        ),
        "{dot}"
    );
    assert!(
        dot.contains("\"s_check\" -> \"s_send_back\" [label=\"annars\"]"),
        "{dot}"
    );
    assert!(dot.contains("uppgift: Larmgruppen"), "{dot}");
    assert!(
        dot.contains("meddelande: nudge\\n→ Biståndshandläggare"),
        "{dot}"
    );
    // The case deadline leaves from the start node.
    assert!(
        dot.contains("\"start\" -> \"note_1\" [label=\"not_installed: 1 månad från decision_date"),
        "{dot}"
    );
}

#[test]
fn graph_svg_is_rendered_in_process() {
    let svg = stdout_of(&["graph", path_arg(&fixture()), "--format", "svg"]);
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..svg.len().min(200)]
    );
    assert!(svg.contains("Ta emot beställningen"));
    assert!(svg.contains("stroke-dasharray"), "deadlines are dashed");
    assert!(svg.trim_end().ends_with("</svg>"));
    let again = stdout_of(&["graph", path_arg(&fixture()), "--format", "svg"]);
    assert_eq!(svg, again, "the SVG is deterministic");
}

#[test]
fn graph_output_file_holds_what_stdout_shows() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("everything.mmd");
    rutin()
        .args([
            "graph",
            path_arg(&fixture()),
            "--format",
            "mermaid",
            "--output",
        ])
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    let written = std::fs::read_to_string(&file).expect("the output file was written");
    let shown = stdout_of(&["graph", path_arg(&fixture()), "--format", "mermaid"]);
    assert_eq!(written, shown);
}

#[test]
fn graph_of_every_shipped_routine_in_every_format() {
    let routines = shipped_routines();
    assert!(!routines.is_empty(), "no routines under workflows/");
    for routine in &routines {
        for format in ["dot", "mermaid", "svg"] {
            let first = stdout_of(&["graph", path_arg(routine), "--format", format]);
            assert!(!first.is_empty(), "{} {format}", routine.display());
            let second = stdout_of(&["graph", path_arg(routine), "--format", format]);
            assert_eq!(
                first,
                second,
                "{} {format} is deterministic",
                routine.display()
            );
        }
    }
}

#[test]
fn graph_svg_over_the_step_limit_is_refused_in_plain_words() {
    rutin()
        .args([
            "graph",
            path_arg(&fixture()),
            "--format",
            "svg",
            "--max-steps",
            "3",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "more than the 3 an SVG is drawn for (beyond that it is too large to read)",
        ))
        .stderr(predicate::str::contains("`--max-steps N`"));
}

#[test]
fn graph_of_a_missing_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let missing = dir.path().join("missing.yaml");
    rutin()
        .arg("graph")
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("missing.yaml"));
}

#[test]
fn graph_with_an_unknown_format_is_a_usage_error() {
    rutin()
        .args(["graph", path_arg(&fixture()), "--format", "png"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "possible values: dot, mermaid, svg",
        ));
}

#[test]
fn graph_of_an_invalid_routine_shows_the_diagnostics() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("broken.yaml");
    std::fs::write(
        &file,
        "routine:\n  id: broken\n  version: \"1\"\n  title: Trasig\n\
         roles:\n  team: {name: Teamet}\n\
         start: first\n\
         steps:\n  first:\n    kind: task\n    title: Första\n    role: team\n    next: nowhere\n\
         \x20 done:\n    kind: end\n    title: Klart\n    outcome: done\n",
    )
    .expect("write the routine");
    rutin()
        .arg("graph")
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("unknown step `nowhere`")
                .and(predicate::str::contains("broken.yaml:13"))
                .and(predicate::str::contains("cannot draw")),
        );
}

#[test]
fn graph_help_has_examples() {
    rutin().args(["graph", "--help"]).assert().code(0).stdout(
        predicate::str::contains("Examples:")
            .and(predicate::str::contains("--format svg --output"))
            .and(predicate::str::contains("Exit status")),
    );
}

#[test]
fn schema_is_draft_07_json() {
    let text = stdout_of(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        serde_json::json!("http://json-schema.org/draft-07/schema#")
    );
    assert!(schema["properties"]["steps"].is_object(), "{text}");
    assert!(text.contains("\"visible_to\""));

    let text = stdout_of(&["schema", "--organisation"]);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert!(schema["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("draft-07")));
    assert!(schema["properties"]["organisation"].is_object(), "{text}");
    assert!(schema["properties"].get("steps").is_none(), "{text}");
}

#[test]
fn schema_output_file_holds_what_stdout_shows() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("routine.schema.json");
    rutin()
        .args(["schema", "--output"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    let written = std::fs::read_to_string(&file).expect("the output file was written");
    assert_eq!(written, stdout_of(&["schema"]));
}

#[test]
fn schema_help_has_examples() {
    rutin().args(["schema", "--help"]).assert().code(0).stdout(
        predicate::str::contains("Examples:")
            .and(predicate::str::contains("--organisation --output")),
    );
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (file, args) in [
        ("schema/routine.schema.json", vec!["schema"]),
        (
            "schema/organisation.schema.json",
            vec!["schema", "--organisation"],
        ),
    ] {
        let committed = std::fs::read_to_string(root().join(file)).unwrap_or_default();
        let generated = stdout_of(&args);
        let command = format!(
            "cargo run -p rutin-cli -- {} --output {file}",
            args.join(" ")
        );
        assert!(
            committed == generated,
            "{file} is missing or out of date with the routine format; regenerate it with\n    {command}"
        );
    }
}

#[test]
fn shipped_routines_point_to_the_committed_schema() {
    for routine in shipped_routines() {
        let text = std::fs::read_to_string(&routine).expect("read the routine");
        let Some(first) = text.lines().next() else {
            continue;
        };
        let Some((_, target)) = first.split_once("$schema=") else {
            continue;
        };
        let dir = routine.parent().expect("a file has a folder");
        assert!(
            dir.join(target.trim()).is_file(),
            "{}: the modeline's schema {} does not exist",
            routine.display(),
            target.trim()
        );
    }
}
