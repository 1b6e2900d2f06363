//! The HTML routine book of every shipped routine in a real headless
//! Chromium (Debian's `/usr/bin/chromium`, driven by the pinned
//! playwright-core in `tests/browser/`): the page loads without console
//! errors or requests for anything outside the file, nothing is wider than
//! an A4 page on screen or between the print margins, it prints to an A4
//! PDF, and a full-page screenshot is not blank.
//!
//! Without chromium or `tests/browser/node_modules` the test prints a notice
//! and passes without running; with `CI=true` it fails instead, so CI can
//! never skip it silently (`.ci/run` installs both). The screenshots stay in
//! the target folder's `book-screenshots/` for people to look at.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Whether the browser can run here; `false` (with a notice) outside CI.
fn browser_available() -> bool {
    let modules = root().join("tests/browser/node_modules/playwright-core");
    let missing: Vec<&str> = [
        (!Path::new(CHROMIUM).exists()).then_some(CHROMIUM),
        (!modules.exists()).then_some("tests/browser/node_modules (run `npm ci` there)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "CI is set but {} missing: the browser test must run in CI (.ci/run installs them)",
        missing.join(" and ")
    );
    eprintln!(
        "note: {} missing; browser test skipped",
        missing.join(" and ")
    );
    false
}

fn shipped() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for municipality in ["kommun_000", "kommun_003"] {
        for entry in std::fs::read_dir(root().join("workflows").join(municipality)).unwrap() {
            let path = entry.unwrap().path();
            let routine = path.extension().is_some_and(|e| e == "yaml")
                && path.file_stem().is_some_and(|s| s != "organisation");
            if routine {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn shipped_books_load_fit_a4_and_are_not_blank_in_chromium() {
    if !browser_available() {
        return;
    }
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("book-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let work = tempfile::tempdir().unwrap();
    for path in shipped() {
        let routine = rutin::check_routine(&path).routine.unwrap();
        let svg = rutin::draw::svg(&routine, &rutin::draw::Options::default()).ok();
        let html = rutin::book::build(&routine, svg).html();
        let name = format!(
            "{}_{}",
            path.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy(),
            path.file_stem().unwrap().to_string_lossy()
        );
        let page = work.path().join(format!("{name}.html"));
        std::fs::write(&page, html).unwrap();
        let shot = shots.join(format!("{name}.png"));
        let profile = work.path().join(format!("profile-{name}"));
        let output = Command::new("node")
            .arg(root().join("tests/browser/check.mjs"))
            .arg(&page)
            .arg(&shot)
            .arg(&profile)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .output()
            .expect("node runs");
        assert!(
            output.status.success(),
            "{name}: the browser check failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        for key in ["console", "errors", "failed"] {
            assert_eq!(report[key], serde_json::json!([]), "{name}: {key}");
        }
        for media in ["screen", "print"] {
            assert_eq!(
                report["overflow"][media],
                serde_json::json!([]),
                "{name}: wider than A4 ({media})"
            );
        }
        assert!(
            report["pdfBytes"].as_u64().unwrap() > 10_000,
            "{name}: {report}"
        );
        let inked = report["inked"].as_f64().unwrap();
        assert!(inked > 0.01, "{name}: the screenshot is blank ({inked})");
        assert!(shot.is_file(), "{name}: no screenshot");
    }
}
