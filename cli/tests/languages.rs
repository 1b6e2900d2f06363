//! The CLI speaks Swedish and English: golden texts in both languages for a
//! shipped routine's timeline, `rutin test`, `case show`, a refusal and
//! `rutin diff`; the locale choosing the language and `--lang` overriding
//! it; and every command of the README's tour run in both languages.

mod support;

use std::path::Path;

use assert_cmd::Command;

use support::root;

/// The binary with no locale of the machine's (LANG=C), in the repository.
fn bare() -> Command {
    support::rutin()
}

/// The binary speaking `lang`.
fn rutin(lang: &str) -> Command {
    let mut cmd = bare();
    cmd.args(["--lang", lang]);
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command, args: &[&str]) -> Run {
    let (code, stdout, stderr) = support::outcome(cmd.args(args));
    Run {
        code,
        stdout,
        stderr,
    }
}

const LANGS: [&str; 2] = ["sv", "en"];

/// English frame words of the texts the catalogues translate; none may
/// reach a Swedish line outside backticks, message bodies and template diffs.
const ENGLISH: &[&str] = &[
    " started",
    " armed, due",
    " expired",
    " received",
    " done by ",
    "recorded: ",
    "☐ task ",
    "✉ message ",
    " passed, ",
    "outcome: ",
    "still open",
    "open task",
    "next due",
    "refused (",
    "is unchanged",
    "checked ",
    "all valid",
    " selected",
    "change(s)",
    " added",
    " removed",
    "delivery:",
    "subject: ",
    "case(s)",
    "message(s)",
    "the case ",
    "waits until",
    "nothing to",
];

/// The English frame words found in a Swedish text, line by line.
fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_template_diff = false;
    for line in text.lines() {
        if line.starts_with("--- ") {
            in_template_diff = true;
        }
        if in_template_diff || line.contains('│') {
            continue;
        }
        let outside: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect();
        for word in ENGLISH {
            if outside.contains(word) {
                found.push(format!("{word:?} in: {line}"));
            }
        }
    }
    found
}

fn assert_swedish(text: &str) {
    let found = english_in(text);
    assert!(
        found.is_empty(),
        "English in Swedish output:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_timeline_of_a_shipped_routine_in_both_languages() {
    for lang in LANGS {
        let out = run(
            &mut rutin(lang),
            &["simulate", "workflows/kommun_000/installation.yaml"],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("simulate_installation_{lang}"), out.stdout);
        if lang == "sv" {
            assert_swedish(&out.stdout);
        }
    }
    // English is what the binary speaks without a Swedish locale.
    let default = run(
        &mut bare(),
        &["simulate", "workflows/kommun_000/installation.yaml"],
    );
    let en = run(
        &mut rutin("en"),
        &["simulate", "workflows/kommun_000/installation.yaml"],
    );
    assert_eq!(default.stdout, en.stdout);
}

#[test]
fn test_output_in_both_languages() {
    for lang in LANGS {
        let out = run(&mut rutin(lang), &["test", "cli/tests/fixtures/scenarios"]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        insta::assert_snapshot!(format!("test_failing_{lang}"), out.stdout);
        if lang == "sv" {
            assert_swedish(&out.stdout);
        }
    }
}

#[test]
fn case_show_and_a_refusal_in_both_languages() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("rutin.db");
        let db = db.to_str().expect("a UTF-8 path");
        let start = run(
            &mut rutin(lang),
            &[
                "case",
                "start",
                "workflows/kommun_000/installation.yaml",
                "--id",
                "K-1",
                "--at",
                "2026-06-19 08:00",
                "--db",
                db,
                "--data",
                "{decision_date: 2026-06-19, client_name: Anna Andersson, client_address: Storgatan 1, home_care_group: norra}",
            ],
        );
        assert_eq!(start.code, 0, "{}", start.stderr);
        let refused = run(
            &mut rutin(lang),
            &[
                "case",
                "complete",
                "K-1",
                "check_order",
                "--as",
                "night_patrol",
                "--at",
                "2026-06-20 08:00",
                "--db",
                db,
                "--values",
                "order_ok: true",
            ],
        );
        assert_eq!(refused.code, 1, "{}", refused.stdout);
        insta::assert_snapshot!(format!("refusal_{lang}"), refused.stderr);
        let show = run(&mut rutin(lang), &["case", "show", "K-1", "--db", db]);
        assert_eq!(show.code, 0, "{}", show.stderr);
        insta::assert_snapshot!(format!("case_show_{lang}"), show.stdout);
        if lang == "sv" {
            assert_swedish(&refused.stderr);
            assert_swedish(&show.stdout);
        }
    }
}

#[test]
fn diff_in_both_languages() {
    for lang in LANGS {
        let out = run(
            &mut rutin(lang),
            &[
                "diff",
                "workflows/kommun_000/extension.yaml",
                "engine/tests/fixtures/diff/extension_v2/extension.yaml",
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("diff_extension_{lang}"), out.stdout);
        if lang == "sv" {
            assert_swedish(&out.stdout);
        }
    }
}

#[test]
fn the_locale_chooses_swedish_and_lang_overrides_it() {
    let summary = |cmd: &mut Command| {
        let out = run(cmd, &["test", "cli/tests/fixtures/scenarios/passing.yaml"]);
        out.stdout.lines().last().unwrap_or_default().to_owned()
    };
    let mut swedish = bare();
    swedish.env("LANG", "sv_SE.UTF-8");
    assert_eq!(summary(&mut swedish), "1 lyckades, 0 misslyckades");
    let mut overridden = bare();
    overridden.env("LANG", "sv_SE.UTF-8").args(["--lang", "en"]);
    assert_eq!(summary(&mut overridden), "1 passed, 0 failed");
    let mut messages = bare();
    messages
        .env("LANG", "en_GB.UTF-8")
        .env("LC_MESSAGES", "sv_SE");
    assert_eq!(summary(&mut messages), "1 lyckades, 0 misslyckades");
    let mut all = bare();
    all.env("LANG", "sv_SE.UTF-8").env("LC_ALL", "C");
    assert_eq!(summary(&mut all), "1 passed, 0 failed");
}

/// The commands of the README's tour (the `sh` blocks of "A process
/// owner's tour", before "Running it in a municipality"), one per line.
fn tour() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme
        .find("## A process owner's tour")
        .expect("the tour's heading");
    let end = readme[start..]
        .find("### Running it in a municipality")
        .map_or(readme.len(), |i| start + i);
    let mut commands = Vec::new();
    let mut in_block = false;
    let mut pending = String::new();
    for line in readme[start..end].lines() {
        if line.starts_with("```") {
            in_block = line == "```sh";
            continue;
        }
        if !in_block {
            continue;
        }
        let line = line.split("  #").next().unwrap_or_default().trim_end();
        match line.strip_suffix('\\') {
            Some(head) => pending.push_str(head),
            None => {
                pending.push_str(line);
                commands.push(std::mem::take(&mut pending).trim().to_owned());
            }
        }
    }
    commands.retain(|c| c.starts_with("rutin "));
    commands
}

/// Words of a command line; single quotes group (all the tour uses).
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// A tour command made to leave the repository as it is: files it writes
/// go to `out`, the database is `out/rutin.db`, a bulk simulation is small.
fn sandboxed(words: &[String], out: &Path) -> Vec<String> {
    let db = out.join("rutin.db").display().to_string();
    let into = |value: &str| {
        let name = Path::new(value)
            .file_name()
            .map_or_else(|| value.to_owned(), |n| n.to_string_lossy().into_owned());
        out.join(name).display().to_string()
    };
    let mut args: Vec<String> = Vec::new();
    let mut iter = words.iter().skip(1).peekable();
    while let Some(word) = iter.next() {
        args.push(word.clone());
        let value = match word.as_str() {
            "--output" | "--svg" | "--deliver-to-folder" => iter.next().map(|v| into(v)),
            "--db" => iter.next().map(|_| db.clone()),
            "--cases" => iter.next().map(|_| "20".to_owned()),
            "--weeks" => iter.next().map(|_| "4".to_owned()),
            _ => None,
        };
        args.extend(value);
    }
    if args
        .first()
        .is_some_and(|c| c == "case" || c == "tick" || c == "outbox")
        && !args.iter().any(|a| a == "--db")
    {
        args.extend(["--db".to_owned(), db]);
    }
    if args.get(1).is_some_and(|a| a == "import") {
        // The old store folder of the tour, made here (empty).
        let folder = out.join(".rutin");
        let _ = std::fs::create_dir_all(folder.join("cases"));
        args[2] = folder.display().to_string();
    }
    args
}

#[test]
fn the_readme_tour_runs_in_both_languages() {
    let commands = tour();
    assert!(
        commands.len() >= 20,
        "the tour has its commands: {commands:#?}"
    );
    for lang in LANGS {
        let out = tempfile::tempdir().expect("a temporary folder");
        for line in &commands {
            let args = sandboxed(&words(line), out.path());
            let mut cmd = rutin(lang);
            cmd.args(&args);
            if args.iter().any(|a| a == "--interactive") {
                cmd.write_stdin("\n".repeat(400));
            }
            let done = run(&mut cmd, &[]);
            assert_eq!(
                done.code, 0,
                "`{line}` in {lang}:\n{}\n{}",
                done.stdout, done.stderr
            );
            if lang == "sv" {
                let found = english_in(&format!("{}{}", done.stdout, done.stderr));
                assert!(found.is_empty(), "`{line}`:\n{}", found.join("\n"));
            }
        }
    }
}
