//! The JSON Schema (`rutin::schema`) against real files: every shipped routine
//! and organisation file and every valid fixture validates, and the mistakes
//! the schema exists to flag in an editor are flagged (an unknown key, an
//! unknown `kind`, a key of another kind on a step).

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.yaml` file under `dir`, recursively, in a stable order.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn is_organisation(path: &Path) -> bool {
    path.file_stem().is_some_and(|s| s == "organisation")
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("YAML: {e}\n{text}"))
}

/// The schema's complaints about `instance`, one line each.
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft7::new(schema).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(files: &[PathBuf]) {
    let routine = rutin::schema::routine_schema();
    let organisation = rutin::schema::organisation_schema();
    for file in files {
        let text = std::fs::read_to_string(file).expect("read the file");
        let schema = if is_organisation(file) {
            &organisation
        } else {
            &routine
        };
        let found = errors(schema, &yaml(&text));
        assert!(
            found.is_empty(),
            "{}:\n{}",
            file.display(),
            found.join("\n")
        );
    }
}

#[test]
fn every_shipped_file_validates() {
    let files = yaml_files(&root().join("workflows"));
    assert!(files.len() >= 7, "{files:?}");
    assert!(files.iter().any(|f| is_organisation(f)));
    assert_valid(&files);
}

#[test]
fn every_valid_fixture_validates() {
    let files = yaml_files(&root().join("engine/tests/fixtures/valid"));
    assert!(files.len() >= 5, "{files:?}");
    assert_valid(&files);
}

const ROUTINE: &str = "\
routine: {id: r, version: \"1\", title: R}
roles: {team: {name: Teamet}}
start: first
steps:
  first:
    kind: task
    title: Första
    role: team
    next: done
  done:
    kind: end
    title: Klart
    outcome: done
";

/// The schema's complaints about `ROUTINE` with `from` replaced by `to`,
/// after checking that the analyzer agrees (errors exactly when the schema
/// complains).
fn errors_with(from: &str, to: &str) -> Vec<String> {
    assert!(ROUTINE.contains(from), "{from}");
    let text = ROUTINE.replacen(from, to, 1);
    let found = errors(&rutin::schema::routine_schema(), &yaml(&text));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let checked = rutin::check_text(&dir.path().join("r.yaml"), &text);
    assert_eq!(
        checked.has_errors(),
        !found.is_empty(),
        "the analyzer and the schema disagree on\n{text}\nschema: {found:?}\nanalyzer: {:?}",
        checked.diagnostics
    );
    found
}

#[test]
fn the_sample_routine_validates_and_checks_without_errors() {
    assert_eq!(errors_with("", ""), Vec::<String>::new());
}

#[test]
fn an_unknown_step_key_is_flagged() {
    let found = errors_with("    role: team\n", "    role: team\n    rol: team\n");
    assert!(
        found
            .iter()
            .any(|e| e.contains("/steps/first") && e.contains("rol")),
        "{found:?}"
    );
}

#[test]
fn an_unknown_kind_is_flagged() {
    let found = errors_with("kind: task", "kind: tsak");
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("/steps/first/kind") && e.contains("tsak")),
        "{found:?}"
    );
}

#[test]
fn keys_of_other_kinds_are_flagged_on_a_task() {
    for key in ["branches: [done]", "until: \"{{ today }}\"", "join: done"] {
        let found = errors_with("    role: team\n", &format!("    role: team\n    {key}\n"));
        let name = key.split(':').next().unwrap_or_default();
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("/steps/first") && e.contains(name)),
            "{key}: {found:?}"
        );
    }
}

#[test]
fn a_key_of_its_own_kind_is_accepted() {
    assert_eq!(
        errors_with(
            "    role: team\n",
            "    role: team\n    documents: [Beställning]\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_step_without_kind_is_flagged() {
    let found = errors_with("    kind: task\n", "");
    assert!(found.iter().any(|e| e.contains("kind")), "{found:?}");
}

#[test]
fn a_time_of_day_on_a_deadline_is_checked_like_the_analyzer_does() {
    let deadline = |at: &str| {
        format!(
            "    next: done\n    deadlines:\n      - id: d\n        after: 1 year\n        at: {at}\n        goto: done\n"
        )
    };
    for good in ["\"08:00\"", "08:00", "\"8:05\"", "\"23:59\""] {
        assert_eq!(
            errors_with("    next: done\n", &deadline(good)),
            Vec::<String>::new(),
            "{good}"
        );
    }
    for bad in ["\"25:00\"", "\"08:60\"", "\"08.00\""] {
        let found = errors_with("    next: done\n", &deadline(bad));
        assert!(
            found.iter().any(|e| e.contains("/deadlines/0/at")),
            "{bad}: {found:?}"
        );
    }
}
