//! `rutin test`: runs scenario files, one line per scenario, and a closing
//! `N passed, N failed` line.

use std::path::{Path, PathBuf};

use rutin::model::Routine;
use rutin::scenario::{self, ActionFailed, Failure, Mismatch, RoutineError, ScriptError, Unmet};

use crate::output::{eprintln, lang, println, text, Format};
use crate::{OK, PROBLEMS, USAGE};

/// Arguments of `rutin test`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Scenario files or folders (searched for *.yaml).
    #[arg(default_value = "tests/scenarios")]
    pub(crate) paths: Vec<PathBuf>,
    /// Output format: a line per scenario, or JSON.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
}

fn scenario_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut out).map_err(|e| cannot_read(path, &e))?;
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            let path = path.display().to_string();
            return Err(text("test-does-not-exist", &[("path", path.into())]));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn cannot_read(path: &Path, error: &std::io::Error) -> String {
    text(
        "test-cannot-read",
        &[
            ("path", path.display().to_string().into()),
            ("error", error.to_string().into()),
        ],
    )
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(())
}

/// A scenario's result.
struct Verdict {
    /// The scenario's name; `None` when the file could not be read as a scenario.
    name: Option<String>,
    /// What did not hold; empty when it passed.
    failures: Vec<String>,
    /// The failure is an I/O or usage error (the file or its routine cannot
    /// be read, the file is not a scenario): the run exits 2.
    usage: bool,
}

impl Verdict {
    fn broken(name: Option<String>, failure: String) -> Self {
        Verdict {
            name,
            failures: vec![failure],
            usage: true,
        }
    }

    /// `name (file)`, or the file alone when the scenario has no name.
    fn title(&self, file: &Path) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", file.display()),
            None => file.display().to_string(),
        }
    }
}

/// Runs one scenario file.
fn run_file(path: &Path) -> Verdict {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return Verdict::broken(None, cannot_read(path, &e)),
    };
    let scenario = match scenario::parse(path, &text) {
        Ok(s) => s,
        Err(e) => return Verdict::broken(None, e.message_in(lang())),
    };
    let name = Some(scenario.scenario.clone());
    let routine = match scenario::load_routine(&scenario) {
        Ok(r) => r,
        Err(e) => {
            let (message, usage) = routine_error(&e);
            return Verdict {
                name,
                failures: vec![message],
                usage,
            };
        }
    };
    let id = path
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    let outcome = scenario::run(&routine, &scenario, &id, None);
    Verdict {
        name,
        failures: failures(&routine, &outcome.failures),
        usage: false,
    }
}

/// Why the routine could not be loaded, and whether that is an I/O error.
pub(crate) fn routine_error(error: &RoutineError) -> (String, bool) {
    match error {
        RoutineError::Missing(problem) => (problem.message_in(lang()), true),
        RoutineError::Invalid {
            path,
            errors,
            unreadable,
        } => {
            let path = path.display().to_string();
            let head = text("test-routine-errors", &[("path", path.into())]);
            let errors: Vec<String> = errors
                .iter()
                .map(|d| rutin::diagnostic::render_in(d, false, lang()))
                .collect();
            (format!("{head}\n{}", errors.join("\n")), *unreadable)
        }
    }
}

/// Every failure of a scenario in words.
pub(crate) fn failures(routine: &Routine, failures: &[Failure]) -> Vec<String> {
    failures.iter().map(|f| failure(routine, f)).collect()
}

fn failure(routine: &Routine, failure: &Failure) -> String {
    let label = |number: &usize, action: &String| {
        let number = number.to_string();
        text(
            "test-action",
            &[("number", number.into()), ("action", action.into())],
        )
    };
    match failure {
        Failure::Invalid(problem) => problem.message_in(lang()),
        Failure::CouldNotStart { error, role } => {
            let error = refusal(routine, error, role);
            text("test-could-not-start", &[("error", error.into())])
        }
        Failure::Action {
            number,
            action,
            failed,
        } => action_failed(routine, &label(number, action), failed),
        Failure::After {
            number,
            action,
            unmet,
        } => text(
            "test-after",
            &[
                ("action", label(number, action).into()),
                ("failure", unmet_text(unmet).into()),
            ],
        ),
        Failure::Unmet(unmet) => unmet_text(unmet),
        Failure::Journaled(f) => text(
            "test-journaled-failure",
            &[
                ("what", f.what_in(lang()).into()),
                ("at", f.at.format("%Y-%m-%d %H:%M").to_string().into()),
                ("lost", f.lost_in(lang()).into()),
                ("error", f.error_in(lang()).into()),
            ],
        ),
    }
}

/// A refusal as the role may read it (plain without a role).
fn refusal(routine: &Routine, error: &rutin::run::RunError, role: &Option<String>) -> String {
    crate::timeline::refusal(routine, error, role.as_deref())
}

fn action_failed(routine: &Routine, label: &str, failed: &ActionFailed) -> String {
    match failed {
        ActionFailed::Succeeded { expected } => text(
            "test-expected-error-succeeded",
            &[("action", label.into()), ("expected", expected.into())],
        ),
        ActionFailed::OtherError {
            expected,
            error,
            role,
        } => text(
            "test-expected-other-error",
            &[
                ("action", label.into()),
                ("expected", expected.into()),
                ("code", error.code().into()),
                ("error", refusal(routine, error, role).into()),
            ],
        ),
        ActionFailed::Refused { error, role } => text(
            "test-refused",
            &[
                ("action", label.into()),
                ("code", error.code().into()),
                ("error", refusal(routine, error, role).into()),
            ],
        ),
        ActionFailed::Script(e) => {
            let error = match e {
                ScriptError::TwoVerbs => text("test-script-two-verbs", &[]),
                ScriptError::NoRole => text("test-script-no-role", &[]),
                ScriptError::BadTime(t) => text("input-not-a-time", &[("text", t.into())]),
                ScriptError::BadDuration(reason) => reason.clone(),
                ScriptError::PastCalendar(w) => {
                    text("test-script-past-calendar", &[("wait", w.into())])
                }
            };
            text(
                "test-script",
                &[("action", label.into()), ("error", error.into())],
            )
        }
    }
}

/// Items joined by commas, or "nothing".
fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if items.is_empty() {
        text("test-nothing", &[])
    } else {
        items.join(", ")
    }
}

/// An expectation that did not hold: expected against actual.
fn unmet_text(unmet: &Unmet) -> String {
    match unmet {
        Unmet::Outcome { expected, actual } => text(
            "test-outcome",
            &[("expected", expected.into()), ("actual", actual.into())],
        ),
        Unmet::NotReached { step, reached } => text(
            "test-expected-reached",
            &[("step", step.into()), ("reached", list(reached).into())],
        ),
        Unmet::Reached { step } => text("test-expected-not-reached", &[("step", step.into())]),
        Unmet::OpenTasks { expected, actual } => {
            let expected = list(expected.iter().map(|e| match &e.role {
                Some(r) => format!("{} ({r})", e.step),
                None => e.step.clone(),
            }));
            let actual = list(actual.iter().map(|(s, r)| format!("{s} ({r})")));
            text(
                "test-open-tasks",
                &[("expected", expected.into()), ("actual", actual.into())],
            )
        }
        Unmet::NotFired { deadline, fired } => text(
            "test-expected-fired",
            &[("deadline", deadline.into()), ("fired", list(fired).into())],
        ),
        Unmet::Fired { deadline } => {
            text("test-expected-not-fired", &[("deadline", deadline.into())])
        }
        Unmet::MessageSent { template } => {
            text("test-expected-no-message", &[("template", template.into())])
        }
        Unmet::NoMessage { template, sent } => text(
            "test-expected-message",
            &[("template", template.into()), ("sent", list(sent).into())],
        ),
        Unmet::MessageCount {
            template,
            expected,
            matching,
            first,
        } => {
            let problem = first
                .as_ref()
                .map(|p| format!(" ({})", mismatch(p)))
                .unwrap_or_default();
            text(
                "test-message-count",
                &[
                    ("template", template.into()),
                    ("expected", expected.to_string().into()),
                    ("matching", matching.to_string().into()),
                    ("problem", problem.into()),
                ],
            )
        }
        Unmet::MessageMismatch { template, problems } => {
            let problems: Vec<String> = problems.iter().map(mismatch).collect();
            text(
                "test-message-mismatch",
                &[
                    ("template", template.into()),
                    ("problems", problems.join("; ").into()),
                ],
            )
        }
    }
}

fn mismatch(m: &Mismatch) -> String {
    match m {
        Mismatch::Recipients {
            label,
            expected,
            actual,
        } => text(
            "test-recipients",
            &[
                ("label", (*label).into()),
                ("expected", list(expected).into()),
                ("actual", list(actual).into()),
            ],
        ),
        Mismatch::From { expected, actual } => {
            let actual = actual.clone().unwrap_or_else(|| text("test-nobody", &[]));
            text(
                "test-from",
                &[("expected", expected.into()), ("actual", actual.into())],
            )
        }
        Mismatch::Lacks { wanted, text: body } => {
            let wanted = format!("{wanted:?}");
            let lacks = text("test-text-lacks", &[("wanted", wanted.into())]);
            format!("{lacks}\n{body}")
        }
        Mismatch::Has { unwanted } => {
            let unwanted = format!("{unwanted:?}");
            text("test-text-has", &[("unwanted", unwanted.into())])
        }
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let files = match scenario_files(&args.paths) {
        Ok(f) if f.is_empty() => {
            let message = text("test-no-files", &[]);
            eprintln!("{}", text("error-line", &[("message", message.into())]));
            return USAGE;
        }
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}", text("error-line", &[("message", e.into())]));
            return USAGE;
        }
    };
    let results: Vec<(&PathBuf, Verdict)> = files.iter().map(|f| (f, run_file(f))).collect();
    let failed = results
        .iter()
        .filter(|(_, r)| !r.failures.is_empty())
        .count();
    let passed = results.len() - failed;
    match args.format {
        Format::Json => {
            let scenarios: Vec<serde_json::Value> = results
                .iter()
                .map(|(file, v)| {
                    serde_json::json!({
                        "file": file.display().to_string(),
                        "scenario": v.name.clone().unwrap_or_else(|| file.display().to_string()),
                        "passed": v.failures.is_empty(),
                        "failures": v.failures,
                        "usage_error": v.usage,
                    })
                })
                .collect();
            let json =
                serde_json::json!({ "passed": passed, "failed": failed, "scenarios": scenarios });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Text => {
            for (file, v) in &results {
                if v.failures.is_empty() {
                    println!("{}", text("test-ok", &[("title", v.title(file).into())]));
                    continue;
                }
                println!("{}", text("test-fail", &[("title", v.title(file).into())]));
                for f in &v.failures {
                    for (i, line) in f.lines().enumerate() {
                        let bullet = if i == 0 { "- " } else { "  " };
                        println!("      {bullet}{line}");
                    }
                }
            }
            let counts = [("passed", passed.into()), ("failed", failed.into())];
            println!("{}", text("test-summary", &counts));
        }
    }
    if results.iter().any(|(_, v)| v.usage) {
        USAGE
    } else if failed > 0 {
        PROBLEMS
    } else {
        OK
    }
}
