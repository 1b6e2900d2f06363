//! `rutin test`: runs scenario files, one line per scenario, and a closing
//! `N passed, N failed` line.

use std::path::{Path, PathBuf};

use crate::output::Format;
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
            collect(path, &mut out).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            return Err(format!("{} does not exist", path.display()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
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

/// A scenario's result: `Ok(name)` when it passed, `Err((name, failures))` otherwise.
type Verdict = Result<String, (String, Vec<String>)>;

/// Runs one scenario file.
fn run_file(path: &Path) -> Verdict {
    let fallback = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        (
            fallback.clone(),
            vec![format!("cannot read {}: {e}", path.display())],
        )
    })?;
    let scenario = model::parse(path, &text).map_err(|e| (fallback.clone(), vec![e]))?;
    let name = scenario.scenario.clone();
    let routine = run::load_routine(path, &scenario).map_err(|e| (name.clone(), vec![e]))?;
    let id = path
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    let outcome = run::run(&routine, &scenario, &id);
    if outcome.failures.is_empty() {
        Ok(name)
    } else {
        Err((name, outcome.failures))
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let files = match scenario_files(&args.paths) {
        Ok(f) if f.is_empty() => {
            eprintln!("error: no scenario files (*.yaml) found in the given paths");
            return USAGE;
        }
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    let results: Vec<(&PathBuf, Verdict)> = files.iter().map(|f| (f, run_file(f))).collect();
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();
    let passed = results.len() - failed;
    match args.format {
        Format::Json => {
            let scenarios: Vec<serde_json::Value> = results
                .iter()
                .map(|(file, result)| match result {
                    Ok(name) => serde_json::json!({
                        "file": file.display().to_string(), "scenario": name, "passed": true, "failures": [],
                    }),
                    Err((name, failures)) => serde_json::json!({
                        "file": file.display().to_string(), "scenario": name, "passed": false, "failures": failures,
                    }),
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
            for (file, result) in &results {
                match result {
                    Ok(name) => println!("ok    {name} ({})", file.display()),
                    Err((name, failures)) => {
                        println!("FAIL  {name} ({})", file.display());
                        for f in failures {
                            for (i, line) in f.lines().enumerate() {
                                let bullet = if i == 0 { "- " } else { "  " };
                                println!("      {bullet}{line}");
                            }
                        }
                    }
                }
            }
            println!("{passed} passed, {failed} failed");
        }
    }
    if failed > 0 {
        PROBLEMS
    } else {
        OK
    }
}
