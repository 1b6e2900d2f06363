//! The swimlane pictures of the shipped routines under `docs/graphs/` are
//! current: drawn again from `workflows/`, they are the same files, byte for
//! byte, and there is no picture of a routine that is gone.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use support::{root, rutin};

const REGENERATE: &str =
    "regenerate them with `cargo run -p rutin-cli -- graph workflows --format svg --output docs/graphs`";

/// Every file under `dir`, by its path below `dir`.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let (Ok(bytes), Ok(relative)) = (std::fs::read(&path), path.strip_prefix(dir))
            {
                out.insert(relative.to_path_buf(), bytes);
            }
        }
    }
    out
}

#[test]
fn the_pictures_under_docs_are_current() {
    let fresh = tempfile::tempdir().expect("temporary folder");
    rutin()
        .args(["graph", "workflows", "--format", "svg", "--output"])
        .arg(fresh.path())
        .assert()
        .code(0);
    let fresh = files(fresh.path());
    let shipped = files(&root().join("docs/graphs"));
    assert!(
        fresh.len() >= 5,
        "every shipped routine is drawn: {:?}",
        fresh.keys()
    );
    for (path, bytes) in &fresh {
        match shipped.get(path) {
            None => panic!("docs/graphs/{} is missing: {REGENERATE}", path.display()),
            Some(old) => assert!(
                old == bytes,
                "docs/graphs/{} is out of date: {REGENERATE}",
                path.display()
            ),
        }
    }
    for path in shipped.keys() {
        assert!(
            fresh.contains_key(path),
            "docs/graphs/{} is no shipped routine's picture: remove it, or {REGENERATE}",
            path.display()
        );
    }
}
