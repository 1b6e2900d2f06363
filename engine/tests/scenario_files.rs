//! Bad scenario files: each gives located problems in plain words, golden in
//! Swedish and English (`engine/tests/snapshots/scenario_files__*.snap`), and
//! no text whatever makes loading, checking or running a scenario panic.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rutin::i18n::Lang;
use rutin::model::Routine;
use rutin::scenario::{self, Problem};

const BAD: &str = "tests/fixtures/scenarios/bad";

fn routine() -> &'static Routine {
    static ROUTINE: std::sync::OnceLock<Routine> = std::sync::OnceLock::new();
    ROUTINE.get_or_init(|| {
        rutin::check_routine(Path::new("tests/fixtures/valid/everything/routine.yaml"))
            .routine
            .expect("the fixture is valid")
    })
}

/// Every problem of a scenario file: reading it, its routine, its ids.
fn problems(path: &Path) -> Vec<Problem> {
    let s = match scenario::load(path) {
        Ok(s) => s,
        Err(p) => return vec![p],
    };
    match scenario::load_routine(&s) {
        Ok(routine) => scenario::validate(&routine, &s),
        Err(scenario::RoutineError::Missing(p)) => vec![p],
        Err(e) => panic!("{e:?}"),
    }
}

fn bad_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(BAD)
        .expect("the fixtures folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_bad_file_has_its_golden_problems_in_both_languages() {
    let files = bad_files();
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let found = problems(&file);
        assert!(!found.is_empty(), "{} has no problem", file.display());
        let name = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for (lang, tag) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
            let lines: Vec<String> = found.iter().map(|p| p.message_in(lang)).collect();
            insta::assert_snapshot!(format!("{name}.{tag}"), lines.join("\n"));
        }
        for p in &found {
            // Located: the file, and a line and column inside it (the empty file has none).
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if let Some((line, col)) = p.at {
                assert!(line >= 1 && line <= text.lines().count() + 1, "{p:?}");
                assert!(col >= 1, "{p:?}");
            } else {
                assert!(
                    text.trim().is_empty(),
                    "{} is not located: {p:?}",
                    file.display()
                );
            }
            assert_ne!(p.message_in(Lang::Sv), p.message_in(Lang::En), "{p:?}");
        }
    }
}

/// Pieces of scenario files, right and wrong, that the generator strings together.
const PIECES: &[&str] = &[
    "scenario: S\n",
    "routine: r.yaml\n",
    "start: 2026-01-31\n",
    "start: 2026-02-30\n",
    "start: 99999999999999999999\n",
    "start: [\n",
    "case: 7\n",
    "examples: maybe\n",
    "data: {decision_date: 2026-01-31, area: area_b}\n",
    "data: [1, 2]\n",
    "actions:\n",
    "  - complete: receive\n",
    "    role: alarm_team\n",
    "    role: [x]\n",
    "    values: {order_ok: false}\n",
    "    values: 5\n",
    "  - wait: 99999999 years\n",
    "  - wait: -3 days\n",
    "  - until: 2026-13-01\n",
    "  - until: 262143-12-31\n",
    "  - at: 2026-01-01\n",
    "    deliver: corrected\n",
    "    schedule: monthly\n",
    "    error: nope\n",
    "    expect: {reached: [x]}\n",
    "expect:\n",
    "  outcome: executed\n",
    "  reached: chek\n",
    "  open_tasks: [{step: nudge, role: 3}]\n",
    "  messages: [{template: installed, count: -1}]\n",
    "  messages: [{template: installed, to: [a], count: 18446744073709551616}]\n",
    "  no_messages: [report]\n",
    "\t- tab\n",
    "&a [*a, *a]\n",
    "---\n",
    "\u{feff}é: ü\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text built from the pieces is a scenario or a located problem; a
    /// scenario is then checked and, when it checks, run: nothing panics.
    #[test]
    fn no_scenario_text_panics(picks in prop::collection::vec(0..PIECES.len(), 0..14)) {
        let text: String = picks.iter().map(|i| PIECES[*i]).collect();
        let path = Path::new("tests/fixtures/scenarios/generated.yaml");
        match scenario::parse(path, &text) {
            Err(p) => {
                let line = p.message_in(Lang::Sv);
                prop_assert!(line.starts_with("tests/fixtures/scenarios/generated.yaml"), "{}", line);
            }
            Ok(s) => {
                let problems = scenario::validate(routine(), &s);
                if problems.is_empty() {
                    let _ = scenario::run(routine(), &s, "G-1", None);
                }
            }
        }
    }
}
