//! The rest of the CLI's frame in Swedish and English (golden texts in both
//! languages): a case's journaled failures, `--help`, runner errors, diff
//! values, `simulate --until` and the bulk chart.

mod support;

use std::path::Path;

const LANGS: [&str; 2] = ["sv", "en"];

/// English words of the frame that must not reach a Swedish text.
const ENGLISH: &[&str] = &[
    "FAILED",
    " could not be ",
    "nothing it had",
    " is not one of",
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "[default:",
    "[possible values:",
    "Exit status",
    "Examples:",
];

fn assert_swedish(text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "`{word}` in Swedish output:\n{text}");
    }
}

/// `rutin --lang LANG ARGS` on the store in `store`: exit code, stdout, stderr.
fn run(lang: &str, store: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    support::run_in_store(store, &all)
}

const ROUTINE: &str = "cli/tests/fixtures/report_roles/routine.yaml";

#[test]
fn a_failed_deadline_is_worded_in_both_languages() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let data = "{client_name: Anna, key_number: N-1, key_code: hemlig}";
        let start = [
            "case",
            "start",
            ROUTINE,
            "--id",
            "R-1",
            "--data",
            data,
            "--at",
            "2026-03-02 08:00",
        ];
        let (code, out, err) = run(lang, dir.path(), &start);
        assert_eq!(code, 0, "{out}{err}");
        let advance = ["case", "advance", "R-1", "--to", "2026-03-04 08:00"];
        let (code, out, err) = run(lang, dir.path(), &advance);
        assert_eq!(code, 0, "{out}{err}");
        let (code, show, err) = run(lang, dir.path(), &["case", "show", "R-1"]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("failed_deadline_{lang}"), show);
        if lang == "sv" {
            assert_swedish(&show);
        }
    }
}

#[test]
fn check_help_in_both_languages() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for flag in ["-h", "--help"] {
            let (code, help, err) = run(lang, dir.path(), &["check", flag]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("check_help{flag}_{lang}"), help);
            if lang == "sv" {
                assert_swedish(&help);
            }
        }
    }
}

#[test]
fn every_command_help_is_swedish_with_the_locale() {
    let commands: &[&[&str]] = &[
        &["--help"],
        &["case", "--help"],
        &["case", "start", "--help"],
        &["simulate", "--help"],
        &["outbox", "-h"],
        &["tick", "--help"],
        &["help", "check"],
        &["case", "help"],
    ];
    for command in commands {
        let mut cmd = support::rutin();
        let output = cmd
            .env("LANG", "sv_SE.UTF-8")
            .args(*command)
            .output()
            .expect("rutin runs");
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{command:?}");
        assert!(help.contains("Användning:"), "{command:?}: {help}");
        assert_swedish(&help);
    }
}
