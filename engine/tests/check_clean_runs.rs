//! The rule to keep, as a property: what `rutin check` passes runs. Routines
//! that check clean (generated ones, and every shipped routine) are walked
//! through every branch — each route choice, each deadline firing, each
//! case-wide event, with the fields' examples and other valid values — and
//! no command may be refused for a reason of the routine's own (a template
//! or expression that fails, a group that does not exist, a loop without
//! waiting...), and no failure may be journaled. Refusals owed to the input
//! (a value missing, a wrong role) are counted apart ([`walk::cause`]).

#[path = "check_clean_runs/gen.rs"]
mod gen;
#[path = "check_clean_runs/walk.rs"]
mod walk;

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use gen::{generate, plan, Generated, Plan};
use walk::{walk, Limits, Walked};

fn shipped() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).expect("workflows") {
        for file in std::fs::read_dir(dir.expect("entry").path()).expect("municipality") {
            let path = file.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".yaml") && name != "organisation.yaml" {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn shown(walked: &Walked) -> String {
    walked
        .findings
        .iter()
        .take(3)
        .map(|f| format!("{}\n  after: {}", f.what, f.path.join("\n         ")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_branch_of_every_shipped_routine_runs() {
    let paths = shipped();
    assert!(paths.len() >= 5, "{paths:?}");
    for path in paths {
        let checked = rutin::check_routine(&path);
        let routine = checked.routine.expect("shipped routines check clean");
        let walked = walk(
            &routine,
            Limits {
                depth: 24,
                commands: 150 * routine.steps.len(),
            },
        );
        eprintln!(
            "{}: {} commands, {} input refusals, {} of {} steps reached",
            path.display(),
            walked.commands,
            walked.input_refusals,
            walked.reached.len(),
            routine.steps.len()
        );
        assert!(
            walked.findings.is_empty(),
            "{}:\n{}",
            path.display(),
            shown(&walked)
        );
        let missed: Vec<&str> = routine
            .steps
            .iter()
            .map(|s| s.id.as_str())
            .filter(|s| !walked.reached.contains(*s))
            .collect();
        assert!(
            missed.is_empty(),
            "{}: never reached {missed:?}",
            path.display()
        );
    }
}

/// Writes a generated routine with its templates and checks it.
fn checked(g: &Generated) -> (tempfile::TempDir, rutin::Checked) {
    let dir = tempfile::tempdir().expect("temp dir");
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).expect("templates dir");
    for (name, text) in &g.templates {
        std::fs::write(templates.join(format!("{name}.j2")), text).expect("template");
    }
    let path = dir.path().join("routine.yaml");
    std::fs::write(&path, &g.routine).expect("routine");
    let checked = rutin::check_routine(&path);
    (dir, checked)
}

fn shown_generated(g: &Generated) -> String {
    let templates: Vec<String> = g
        .templates
        .iter()
        .map(|(n, t)| format!("--- {n}.j2:\n{t}"))
        .collect();
    format!("{}\n{}", g.routine, templates.join(""))
}

/// A number from the environment, or `default`.
fn from_env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The findings of walking the plan's routine, when it checks clean.
fn findings(p: &Plan) -> Option<String> {
    let g = generate(p);
    let (_dir, checked) = checked(&g);
    // Refused by check: nothing to run.
    let routine = checked.routine?;
    let walked = walk(
        &routine,
        Limits {
            depth: 20,
            commands: 60 * routine.steps.len(),
        },
    );
    (!walked.findings.is_empty())
        .then(|| format!("{}\n--- routine:\n{}", shown(&walked), shown_generated(&g)))
}

proptest! {
    // A fixed seed, so the suite gives the same answer on every run; explore
    // further locally with CHECK_CLEAN_RUNS_SEED and CHECK_CLEAN_RUNS_CASES
    // (proptest's own PROPTEST_RNG_SEED does not override a fixed seed).
    // Seeds of past failures are replayed first, from
    // `check_clean_runs.proptest-regressions`.
    #![proptest_config(ProptestConfig {
        rng_seed: proptest::test_runner::RngSeed::Fixed(from_env("CHECK_CLEAN_RUNS_SEED", 20261201)),
        ..ProptestConfig::with_cases(from_env("CHECK_CLEAN_RUNS_CASES", 64))
    })]

    #[test]
    fn what_check_passes_runs_on_every_branch(p in plan()) {
        let found = findings(&p);
        prop_assert!(found.is_none(), "{}", found.unwrap_or_default());
    }
}

/// The join defect, as another seed shrank it: a case event that sets
/// `count` and goes to a parallel step made `count` count as set after the
/// join for the way in from the start too, so `{{ count + 1 }}` in the
/// subject of the message after the join passed check and failed.
#[test]
fn a_set_on_one_way_into_a_join_is_not_set_for_the_other_ways() {
    use gen::Block;
    let p = Plan {
        blocks: vec![
            Block {
                kind: 5,
                pick: [0, 0, 0, 5],
                deadline: None,
                set: None,
            },
            Block {
                kind: 2,
                pick: [5, 0, 3, 19],
                deadline: None,
                set: None,
            },
        ],
        events: 2,
        case_deadline: Some([0, 0, 0, 5, 21]),
        shared: false,
    };
    let g = generate(&p);
    assert!(g.routine.contains("count + 1"), "{}", g.routine);
    let (_dir, checked) = checked(&g);
    let rendered: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| rutin::diagnostic::render(d, false))
        .collect();
    assert!(
        checked.routine.is_none() && rendered.iter().any(|d| d.contains("count")),
        "check must refuse `count + 1` after the join:\n{}\n{}",
        rendered.join("\n"),
        g.routine
    );
    assert_eq!(findings(&p), None);
}

/// The generator is not vacuous: a fixed sample of plans gives many
/// routines that check clean, and their walks reach their steps.
#[test]
fn the_generator_makes_clean_routines_whose_every_step_is_reached() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut clean, mut complete) = (0, 0);
    for _ in 0..40 {
        let p = plan().new_tree(&mut runner).expect("a plan").current();
        let g = generate(&p);
        let (_dir, checked) = checked(&g);
        let Some(routine) = checked.routine else {
            continue;
        };
        clean += 1;
        let walked = walk(
            &routine,
            Limits {
                depth: 20,
                commands: 60 * routine.steps.len(),
            },
        );
        if routine.steps.iter().all(|s| walked.reached.contains(&s.id)) {
            complete += 1;
        }
    }
    assert!(
        clean >= 10,
        "only {clean} of 40 generated routines check clean"
    );
    assert!(
        complete * 2 >= clean,
        "{complete} of {clean} walks reached every step"
    );
}

/// Refusals owed to the input are told apart from those owed to the routine.
#[test]
fn a_refusal_is_the_inputs_fault_only_when_the_input_caused_it() {
    use rutin::run::RunError;
    use walk::{cause, Cause};
    let given = serde_json::json!({"n": "many"});
    let wrong = |field: &str| RunError::WrongType {
        field: field.into(),
        expected: "integer".into(),
        got: "text".into(),
    };
    assert_eq!(cause(&wrong("n"), &given), Cause::Input);
    // Not given: a `set:` wrote it, so the routine is at fault.
    assert_eq!(cause(&wrong("m"), &given), Cause::Routine);
    let missing = RunError::MissingField {
        field: "n".into(),
        by: "the case start".into(),
    };
    assert_eq!(cause(&missing, &given), Cause::Input);
    assert_eq!(
        cause(&RunError::CycleLimit { limit: 100 }, &given),
        Cause::Routine
    );
    let group = RunError::UnknownGroup {
        expr: "area".into(),
        value: "x".into(),
    };
    assert_eq!(cause(&group, &given), Cause::Routine);
}
