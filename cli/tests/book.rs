//! `rutin book`, run as the real binary: one routine to a file or standard
//! output, a folder into a folder, and the refusals.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rutin() -> Command {
    let mut cmd = Command::cargo_bin("rutin").expect("the rutin binary is built for tests");
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn installation() -> PathBuf {
    root().join("workflows/kommun_000/installation.yaml")
}

#[test]
fn one_routine_as_html_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("installation.html");
    rutin()
        .arg("book")
        .arg(installation())
        .arg("--output")
        .arg(&out)
        .assert()
        .code(0);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<h1>Verkställande av larm – installation</h1>"));
    assert!(html.contains("<svg"));
}

#[test]
fn markdown_to_a_file_writes_the_diagram_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bok.md");
    rutin()
        .arg("book")
        .arg(installation())
        .args(["--format", "md", "--output"])
        .arg(&out)
        .assert()
        .code(0);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("![Flödesschema](bok.svg)"), "{md}");
    let svg = std::fs::read_to_string(dir.path().join("bok.svg")).unwrap();
    assert!(svg.contains("<svg"));
}

#[test]
fn markdown_to_standard_output() {
    rutin()
        .arg("book")
        .arg(installation())
        .args(["--format", "md"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "Vård- och omsorgsförvaltningen",
        ))
        .stdout(predicate::str::contains("## Roller och ansvar"));
}

#[test]
fn a_folder_gives_one_book_per_routine() {
    let dir = tempfile::tempdir().unwrap();
    rutin()
        .arg("book")
        .arg(root().join("workflows"))
        .arg("--output")
        .arg(dir.path())
        .assert()
        .code(0);
    for book in [
        "kommun_000/installation.html",
        "kommun_000/extension.html",
        "kommun_000/termination.html",
        "kommun_003/termination.html",
        "kommun_003/not_executed.html",
    ] {
        assert!(dir.path().join(book).is_file(), "{book}");
    }
    assert!(!dir.path().join("kommun_000/organisation.html").exists());
}

#[test]
fn a_folder_needs_an_output_folder() {
    rutin()
        .arg("book")
        .arg(root().join("workflows"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give --output FOLDER"));
}

#[test]
fn a_routine_with_errors_gets_no_book() {
    rutin()
        .arg("book")
        .arg(root().join("engine/tests/fixtures/invalid/err_wording.yaml"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("cannot write the book"));
}
