//! Golden journals: the journal JSON the engine writes for every scenario
//! under `tests/scenarios/` and for each shipped routine's default
//! simulation, byte for byte. A change to the runtime that is meant to keep
//! journals identical (an optimisation, say) must leave these untouched; a
//! change that alters journals on purpose updates them with
//! `cargo insta test -p rutin-cli --test golden_journals --accept` and says so.

mod support;

use support::{root, rutin};

/// The journal `rutin simulate ... --format json` prints.
fn journal(args: &[&str]) -> String {
    let output = rutin()
        .arg("simulate")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("rutin runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success() && stdout.starts_with('['),
        "rutin simulate {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// The YAML files under `dir` (relative to the workspace root), sorted.
fn yaml_files(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![root().join(dir)];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d)
            .expect("the directory exists")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                let rel = path.strip_prefix(root()).expect("under the root");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// A snapshot name from a path: `tests/scenarios/a/b.yaml` → `a__b`.
fn name(path: &str, prefix: &str) -> String {
    path.trim_start_matches(prefix)
        .trim_end_matches(".yaml")
        .replace('/', "__")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("cli/tests/snapshots/journals"));
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn every_scenario_writes_its_golden_journal() {
    let files = yaml_files("tests/scenarios");
    assert!(files.len() > 20, "scenarios found: {files:?}");
    settings().bind(|| {
        for file in &files {
            let json = journal(&["--scenario", file]);
            insta::assert_snapshot!(
                format!("scenario__{}", name(file, "tests/scenarios/")),
                json
            );
        }
    });
}

#[test]
fn every_shipped_routine_simulates_to_its_golden_journal() {
    let files: Vec<String> = yaml_files("workflows")
        .into_iter()
        .filter(|f| !f.ends_with("/organisation.yaml"))
        .collect();
    assert!(files.len() >= 5, "routines found: {files:?}");
    settings().bind(|| {
        for file in &files {
            // A fixed start: a routine whose example data holds no date would
            // otherwise start today.
            let json = journal(&[file, "--start", "2026-06-22"]);
            insta::assert_snapshot!(format!("simulate__{}", name(file, "workflows/")), json);
        }
    });
}
