//! `rutin simulate ROUTINE --profile FILE --cases N --seed S`: many cases
//! on a simulation profile (the library's `rutin::simulate`), printed as a
//! table or JSON, with an optional SVG chart.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, TimeDelta};
use rutin::simulate::{check_profile, simulate, Options, Report};

use crate::output::{eprintln, print, println, Format};
use crate::{OK, PROBLEMS, USAGE};

/// The bulk simulation's arguments of `rutin simulate`.
#[derive(Debug, clap::Args)]
pub(crate) struct BulkArgs {
    /// Simulate many cases on this profile (`*.profile.yaml`, docs/SIMULATION.md)
    /// and print a report instead of one case's timeline.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["scenario", "interactive", "as_role", "start"])]
    pub(crate) profile: Option<PathBuf>,
    /// With --profile: how many cases arrive (lifecycles, when the profile chains routines).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub(crate) cases: u64,
    /// With --profile: the seed of every random draw (same seed, same report).
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// With --profile: the day (YYYY-MM-DD) the simulation stops [default: 26 weeks after the last arrival].
    #[arg(long, value_name = "DATE", conflicts_with = "weeks")]
    pub(crate) horizon: Option<String>,
    /// With --profile: stop after this many weeks from the profile's start.
    #[arg(long, value_name = "W", value_parser = clap::value_parser!(u32).range(1..=5200))]
    pub(crate) weeks: Option<u32>,
    /// With --profile: cases arriving per week instead of the profile's `arrivals`.
    #[arg(long, value_name = "R", value_parser = positive)]
    pub(crate) per_week: Option<f64>,
    /// With --profile: also draw the weekly workload and breaches as an SVG file.
    #[arg(long, value_name = "FILE")]
    pub(crate) svg: Option<PathBuf>,
}

fn positive(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => Ok(x),
        _ => Err(format!("`{text}` is not a number of cases above 0")),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    canonical(a) == canonical(b)
}

/// The horizon from `--horizon` or `--weeks`.
fn horizon(args: &BulkArgs, start: NaiveDate) -> Result<Option<NaiveDate>, String> {
    if let Some(text) = &args.horizon {
        let date = rutin::expr::parse_date(text)
            .ok_or_else(|| format!("--horizon: `{text}` is not a date (YYYY-MM-DD)"))?;
        if date <= start {
            return Err(format!(
                "--horizon: {date} is not after the profile's start ({start})"
            ));
        }
        return Ok(Some(date));
    }
    Ok(args.weeks.map(|w| {
        let monday = start - TimeDelta::days(i64::from(start.weekday().num_days_from_monday()));
        monday + TimeDelta::weeks(i64::from(w))
    }))
}

/// Runs the bulk simulation.
pub(crate) fn run(
    routine: Option<&Path>,
    profile_path: &Path,
    args: &BulkArgs,
    format: Format,
) -> u8 {
    let checked = check_profile(profile_path);
    let color = crate::output::stderr_color();
    for d in &checked.diagnostics {
        eprintln!(
            "{}",
            rutin::diagnostic::render_in(d, color, crate::output::lang())
        );
    }
    let Some(mut profile) = checked.profile else {
        let io = checked
            .diagnostics
            .iter()
            .any(|d| matches!(d.problem, rutin::diagnostic::Problem::Io { .. }));
        return if io { USAGE } else { PROBLEMS };
    };
    if let Some(rate) = args.per_week {
        profile.set_per_week(rate);
    }
    if let (Some(routine), Some(first)) = (routine, profile.routine_paths().next()) {
        if !same_file(routine, first) {
            eprintln!(
                "error: the profile {} starts with {}, not {}; give that routine, or the profile alone",
                profile_path.display(),
                first.display(),
                routine.display()
            );
            return USAGE;
        }
    }
    let horizon = match horizon(args, profile.start()) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    let options = Options {
        cases: args.cases,
        seed: args.seed,
        horizon,
    };
    let report = with_progress(args.cases, |tick| simulate(&profile, &options, tick));
    if let Some(path) = &args.svg {
        if let Err(e) = std::fs::write(path, super::bulk_svg::render(&report)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return USAGE;
        }
    }
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        Format::Text => print!("{}", super::bulk_table::render(&report)),
    }
    if report.failures.is_empty() {
        OK
    } else {
        PROBLEMS
    }
}

/// Runs `work` with a progress bar on stderr when it is a terminal.
fn with_progress(cases: u64, work: impl FnOnce(&(dyn Fn(u64) + Sync)) -> Report) -> Report {
    if !std::io::stderr().is_terminal() {
        return work(&|_| {});
    }
    let bar = indicatif::ProgressBar::new(cases);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} cases ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style);
    }
    let report = work(&|n| bar.inc(n));
    bar.finish_and_clear();
    report
}
