//! Every shipped routine under `workflows/` loads and validates with no
//! problem at all (warnings included), and every shipped template is used.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, ext, out)?;
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    Ok(())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn every_shipped_routine_and_template_is_valid_and_used() {
    let mut routines = Vec::new();
    walk(&root().join("workflows"), "yaml", &mut routines).unwrap();
    routines.retain(|p| p.file_stem().is_some_and(|s| s != "organisation"));
    assert!(
        routines.len() >= 5,
        "expected the shipped routines, found {routines:?}"
    );
    let mut used = BTreeSet::new();
    for path in &routines {
        let checked = rutin::check_routine(path);
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| rutin::diagnostic::render(d, false))
            .collect();
        assert!(
            checked.diagnostics.is_empty(),
            "{}:\n{}",
            path.display(),
            rendered.join("\n")
        );
        let routine = checked.routine.expect("a valid routine");
        used.extend(
            routine
                .templates
                .values()
                .map(|t| t.path.canonicalize().unwrap()),
        );
        let text = std::fs::read_to_string(path).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../../schema/routine.schema.json"),
            "{} lacks the schema modeline",
            path.display()
        );
    }
    let mut templates = Vec::new();
    walk(&root().join("templates"), "j2", &mut templates).unwrap();
    assert!(!templates.is_empty());
    for t in templates {
        let t = t.canonicalize().unwrap();
        assert!(
            used.contains(&t),
            "template {} is used by no routine",
            t.display()
        );
    }
}
