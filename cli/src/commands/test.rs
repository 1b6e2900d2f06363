//! `rutin test`: runs scenario files, one line per scenario, and a closing
//! `N passed, N failed` line.

use std::path::{Path, PathBuf};

use crate::output::{eprintln, println, text, Format};
use crate::scenario::{model, run};
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
    let scenario = match model::parse(path, &text) {
        Ok(s) => s,
        Err(e) => return Verdict::broken(None, e),
    };
    let name = Some(scenario.scenario.clone());
    let routine = match run::load_routine(&scenario) {
        Ok(r) => r,
        Err(e) => {
            return Verdict {
                name,
                failures: vec![e.message],
                usage: e.missing,
            }
        }
    };
    let id = path
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    let outcome = run::run(&routine, &scenario, &id, None);
    Verdict {
        name,
        failures: outcome.failures,
        usage: false,
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
