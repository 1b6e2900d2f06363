//! `rutin book`, run as the real binary: one routine to a file or standard
//! output, a folder into a folder, and the refusals.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

use support::{root, rutin};

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
        .args(["--lang", "sv", "book"])
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
fn the_book_follows_the_language_and_the_locale() {
    let md = |cmd: &mut Command| {
        let out = cmd
            .arg("book")
            .arg(installation())
            .args(["--format", "md"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let english = md(rutin().env("LC_ALL", "sv_SE.UTF-8").args(["--lang", "en"]));
    assert!(
        english.contains("## Roles and responsibilities"),
        "{english}"
    );
    assert!(
        english.contains("| Decided on | 28 January 2021 |"),
        "{english}"
    );
    let swedish = md(rutin().env("LC_ALL", "sv_SE.UTF-8"));
    assert!(swedish.contains("## Roller och ansvar"), "{swedish}");
    assert!(
        swedish.contains("| Dokumentet beslutades den | 28 januari 2021 |"),
        "{swedish}"
    );
}

#[test]
fn markdown_to_standard_output() {
    rutin()
        .args(["--lang", "sv", "book"])
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
