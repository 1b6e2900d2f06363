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
        let (code, list, err) = run(lang, dir.path(), &["case", "list", "--as", "alarm_team"]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("failed_deadline_list_{lang}"), list);
        if lang == "sv" {
            assert_swedish(&show);
            assert_swedish(&list);
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

/// `rutin --lang LANG ARGS` from the workspace root: exit code, stdout, stderr.
fn rutin(lang: &str, args: &[&str]) -> (i32, String, String) {
    support::outcome(support::rutin().args(["--lang", lang]).args(args))
}

#[test]
fn simulate_until_in_both_languages() {
    let annual = "cli/tests/fixtures/annual/routine.yaml";
    for lang in LANGS {
        let args = [
            "simulate",
            annual,
            "--start",
            "2026-01-15",
            "--until",
            "2027-06-30",
        ];
        let (code, out, err) = rutin(lang, &args);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("simulate_until_{lang}"), out);
        let before = [
            "simulate",
            annual,
            "--start",
            "2026-01-15",
            "--until",
            "2025-01-01",
        ];
        let (code, _, err) = rutin(lang, &before);
        assert_eq!(code, 2, "{err}");
        insta::assert_snapshot!(format!("simulate_until_before_start_{lang}"), err);
        if lang == "sv" {
            for english in [
                "round ",
                "virtual clock",
                "open task",
                "next: ",
                "lies before",
            ] {
                assert!(
                    !out.contains(english) && !err.contains(english),
                    "{english}:\n{out}{err}"
                );
            }
        }
    }
}

#[test]
fn the_bulk_chart_in_both_languages() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let svg = dir.path().join("chart.svg");
        let args = [
            "simulate",
            "workflows/kommun_003/not_executed.yaml",
            "--profile",
            "workflows/kommun_003/not_executed.profile.yml",
            "--cases",
            "20",
            "--seed",
            "4",
            "--weeks",
            "12",
            "--svg",
            svg.to_str().expect("a UTF-8 path"),
        ];
        let (code, _, err) = rutin(lang, &args);
        assert_eq!(code, 0, "{err}");
        let chart = std::fs::read_to_string(&svg).expect("the chart is written");
        let words: Vec<&str> = chart
            .lines()
            .filter_map(|line| line.split_once("\">").map(|(_, rest)| rest))
            .filter_map(|rest| rest.split_once("</text>").map(|(words, _)| words))
            .filter(|words| words.chars().any(char::is_alphabetic))
            .collect();
        insta::assert_snapshot!(format!("bulk_chart_words_{lang}"), words.join("\n"));
        if lang == "sv" {
            for english in [
                "Tasks open",
                "Deadlines breached",
                "cases, seed",
                "week (Monday)",
            ] {
                assert!(!chart.contains(english), "{english}:\n{chart}");
            }
        }
    }
}

#[test]
fn store_and_runner_errors_in_both_languages() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (code, _, missing) = run(lang, dir.path(), &["case", "show", "K-9"]);
        assert_eq!(code, 1, "{missing}");
        let not_a_db = dir.path().join("notes.txt");
        std::fs::write(&not_a_db, "shopping list\n").expect("a file is written");
        let path = not_a_db.to_str().expect("a UTF-8 path");
        let (code, _, foreign) = run(lang, dir.path(), &["case", "list", "--db", path]);
        assert_eq!(code, 2, "{foreign}");
        let foreign = foreign.replace(path, "notes.txt");
        insta::assert_snapshot!(
            format!("store_errors_{lang}"),
            format!("{missing}{foreign}")
        );
        if lang == "sv" {
            for english in [
                "there is no",
                "in the store",
                "not an SQLite",
                "starts with",
            ] {
                let both = format!("{missing}{foreign}");
                assert!(!both.contains(english), "{english}:\n{both}");
            }
        }
    }
}

#[test]
fn usage_errors_in_swedish_keep_their_exit_code() {
    let (code, out, err) = rutin("sv", &["check", "--formt", "json"]);
    assert_eq!(code, 2, "{out}{err}");
    insta::assert_snapshot!("usage_error_sv", err);
    assert_swedish(&err);
    let (code, _, err) = rutin("en", &["check", "--formt", "json"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("error: unexpected argument '--formt' found"),
        "{err}"
    );
}

#[test]
fn file_errors_in_both_languages() {
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["check", "no-such-routine.yaml"],
            "fel: no-such-routine.yaml finns inte",
            "error: no-such-routine.yaml does not exist",
        ),
        (
            &["graph", "workflows"],
            "fel: workflows är en mapp: ange `--output MAPP` för dess bilder",
            "error: workflows is a folder: give `--output FOLDER` for its pictures",
        ),
        (
            &["book", "workflows", "--format", "md"],
            "fel: workflows är en mapp; ange --output MAPP för dess rutinböcker",
            "error: workflows is a folder; give --output FOLDER for its books",
        ),
    ];
    for (args, sv, en) in cases {
        let (code, _, err) = rutin("sv", args);
        assert_eq!((code, err.trim()), (2, sv), "{args:?}");
        assert_swedish(&err);
        let (code, _, err) = rutin("en", args);
        assert_eq!((code, err.trim()), (2, en), "{args:?}");
    }
}
