//! `rutin case report` (a schedule run now, printed), `import` (the old
//! `.rutin/` folder), `migrate` (to a new routine version) and the hidden
//! `bulk` command of the crash and load tests.

use std::path::{Path, PathBuf};

use rutin::run::{run_schedule, run_schedule_for, Case, CaseId, RunError, TaskRef};
use rutin::runner::Runner;
use rutin::store::CaseFilter;

use super::case::{engine_refusal, routine_file};
use crate::db::{Db, Failure};
use crate::input::{minute, time, values};
use crate::output::{eprintln, print, println, text};
use crate::timeline;

/// How `case report` prints: for whom, and in which form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReportAs<'a> {
    /// The role reading it (`None`: the report as its recipients get it).
    pub(crate) role: Option<&'a str>,
    /// The run as JSON instead of text.
    pub(crate) json: bool,
}

/// `case report`: first lets time pass up to `at` for the open cases of the
/// routine's version (committing those that changed, showing what fired, as
/// the role may see it), so the report sees the cases as they are at `at`;
/// then runs the schedule and prints the report, as the role may read it.
/// Nothing is sent or recorded.
pub(crate) fn report(
    db: &mut Db,
    runner: &mut Runner,
    path: &Path,
    schedule: &str,
    at: &Option<String>,
    how: ReportAs<'_>,
) -> Result<(), Failure> {
    let (routine, _) = routine_file(path)?;
    if routine.schedule(schedule).is_none() {
        return Err(engine_refusal(&RunError::UnknownSchedule(
            schedule.to_owned(),
        )));
    }
    let at = time(at)?;
    let filter = CaseFilter {
        routine: Some(routine.meta.id.clone()),
        version: Some(routine.meta.version.clone()),
        open_only: false,
    };
    let mut cases: Vec<Case> = Vec::new();
    for listed in db.cases(&filter)? {
        match brought_up(db, runner, &listed.id, at, how) {
            Ok(case) => cases.push(case),
            Err(f) => {
                let message = text(
                    "report-case-warning",
                    &[
                        ("id", listed.id.0.as_str().into()),
                        ("error", f.message.into()),
                    ],
                );
                eprintln!("{}", text("warning-line", &[("message", message.into())]));
            }
        }
    }
    let refs: Vec<&Case> = cases.iter().collect();
    let run = match how.role {
        Some(role) => run_schedule_for(&routine, schedule, &refs, at, role),
        None => run_schedule(&routine, schedule, &refs, at),
    }
    .map_err(|e| {
        let why = timeline::refusal(&routine, &e, how.role);
        Failure::problem(text(
            "report-could-not-run",
            &[("code", e.code().into()), ("why", why.into())],
        ))
    })?;
    if how.json {
        println!("{}", serde_json::to_string_pretty(&run).unwrap_or_default());
        return Ok(());
    }
    let ids: Vec<&str> = run.selected.iter().map(|c| c.0.as_str()).collect();
    if ids.is_empty() {
        println!("{}", text("report-none-selected", &[]));
    } else {
        let selected = [
            ("count", ids.len().to_string().into()),
            ("ids", ids.join(", ").into()),
        ];
        println!("{}", text("report-selected", &selected));
    }
    if let Some(message) = &run.message {
        print!("{}", timeline::report(&routine, message, at, None));
    }
    Ok(())
}

/// A case advanced to `at` (committed when something fired), as it then is.
fn brought_up(
    db: &mut Db,
    runner: &mut Runner,
    id: &CaseId,
    at: chrono::NaiveDateTime,
    how: ReportAs<'_>,
) -> Result<Case, Failure> {
    let (_, loaded) = runner.load(db.as_mut(), id)?;
    if loaded.case.is_ended() || at <= loaded.case.latest() {
        return Ok(loaded.case);
    }
    let done = runner.advance(db.as_mut(), id, at)?;
    if !done.effects.is_empty() {
        // On standard error in JSON form, so that standard output stays one document.
        let shown = timeline::effects(&loaded.routine, &done.effects, how.role);
        if how.json {
            let heading = text("case-colon", &[("id", id.0.as_str().into())]);
            eprintln!("{heading}\n{}", shown.trim_end());
        } else {
            println!("{}", text("case-colon", &[("id", id.0.as_str().into())]));
            print!("{shown}");
        }
    }
    Ok(done.case)
}

/// Arguments of the hidden `case bulk`.
#[derive(Debug, clap::Args)]
pub(crate) struct BulkArgs {
    /// The routine file.
    routine: PathBuf,
    /// Case ids are PREFIX-0, PREFIX-1, …
    #[arg(long)]
    prefix: String,
    /// How many cases.
    #[arg(long)]
    count: u64,
    /// Initial data of each case.
    #[arg(long, default_value = "{}")]
    data: String,
    /// The task completed in each case (its step id).
    #[arg(long)]
    step: String,
    /// The role completing it.
    #[arg(long = "as", value_name = "ROLE")]
    role: String,
    /// When.
    #[arg(long)]
    at: Option<String>,
}

/// `case bulk`: for each case, `start` then `complete`, each its own
/// transaction; a line is printed only once its command is committed.
pub(crate) fn bulk(db: &mut Db, runner: &mut Runner, args: &BulkArgs) -> Result<(), Failure> {
    let (_, bundle) = routine_file(&args.routine)?;
    let data = values(&args.data)?;
    let at = time(&args.at)?;
    for i in 0..args.count {
        let id = CaseId(format!("{}-{i}", args.prefix));
        runner.start(db.as_mut(), &bundle, &id, data.clone(), at)?;
        println!("started {id}");
        let step = TaskRef::Step(args.step.clone());
        runner.complete_task(
            db.as_mut(),
            &id,
            step,
            &args.role,
            &args.role,
            serde_json::json!({}),
            at,
        )?;
        println!("completed {id} {}", args.step);
    }
    println!("{} case(s) at {}", args.count, minute(at));
    Ok(())
}

/// Arguments of `case import`.
#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// The old store folder (`.rutin`, or its `cases` folder).
    folder: PathBuf,
    /// When the import happens (default now).
    #[arg(long)]
    at: Option<String>,
}

/// `case import`: every JSON case file of the old folder, one line each.
/// Exit 1 when a file was skipped (the others are imported).
pub(crate) fn import(db: &mut Db, runner: &mut Runner, args: &ImportArgs) -> Result<(), Failure> {
    if !args.folder.is_dir() {
        let path = args.folder.display().to_string();
        return Err(Failure::usage(text(
            "case-not-a-folder",
            &[("path", path.into())],
        )));
    }
    let at = time(&args.at)?;
    let report = rutin::runner::import_folder(runner, db.as_mut(), &args.folder, at)?;
    for id in &report.imported {
        println!("{:<9} {id}", text("case-label-imported", &[]));
    }
    for id in &report.present {
        let present = text("case-already-in-db", &[("id", id.0.as_str().into())]);
        println!("{:<9} {present}", text("case-label-present", &[]));
    }
    for (path, why) in &report.skipped {
        let label = text("case-label-skipped", &[]);
        println!("{label:<9} {}: {why}", path.display());
    }
    let counts = [
        ("imported", report.imported.len().to_string().into()),
        ("present", report.present.len().to_string().into()),
        ("skipped", report.skipped.len().to_string().into()),
    ];
    println!("{}", text("case-import-summary", &counts));
    if report.skipped.is_empty() {
        Ok(())
    } else {
        let count = report.skipped.len().to_string();
        Err(Failure::problem(text(
            "case-import-skipped",
            &[("count", count.into())],
        )))
    }
}

/// Arguments of `case migrate`.
#[derive(Debug, clap::Args)]
pub(crate) struct MigrateArgs {
    /// The routine file of the new version.
    #[arg(long = "to", value_name = "FILE")]
    to: PathBuf,
    /// Only list which cases could move and why the others cannot.
    #[arg(long)]
    dry_run: bool,
    /// When the cases move (default now).
    #[arg(long)]
    at: Option<String>,
}

/// `case migrate`: the plan, or the move (one journaled transaction per case).
pub(crate) fn migrate(db: &mut Db, runner: &mut Runner, args: &MigrateArgs) -> Result<(), Failure> {
    let (routine, bundle) = routine_file(&args.to)?;
    let target = text(
        "case-target",
        &[
            ("routine", (&routine.meta.id).into()),
            ("version", (&routine.meta.version).into()),
        ],
    );
    let (plan, moved) = if args.dry_run {
        (runner.plan_migration(db.as_mut(), &bundle)?, None)
    } else {
        let at = time(&args.at)?;
        let report = runner.migrate(db.as_mut(), &bundle, at)?;
        (report.plan, Some(report.moved))
    };
    match &moved {
        None => {
            for id in &plan.movable {
                println!("{:<9} {id}", text("case-label-can-move", &[]));
            }
        }
        Some(moved) => {
            for id in moved {
                println!("{:<9} {id}", text("case-label-moved", &[]));
            }
        }
    }
    for (id, reasons) in &plan.blocked {
        let label = text("case-label-cannot", &[]);
        println!("{label:<9} {id}: {}", reasons.join("; "));
    }
    for (id, error) in &plan.failed {
        println!("{:<9} {id}: {error}", text("case-label-failed", &[]));
    }
    for id in &plan.already {
        let already = text("case-runs-on-this", &[("id", id.0.as_str().into())]);
        println!("{:<9} {already}", text("case-label-already", &[]));
    }
    let (done, verb) = match &moved {
        None => (plan.movable.len(), "no"),
        Some(m) => (m.len(), "yes"),
    };
    let unread = if plan.failed.is_empty() {
        String::new()
    } else {
        let count = plan.failed.len().to_string();
        text("case-migrate-unread", &[("count", count.into())])
    };
    let summary = [
        ("target", target.into()),
        ("done", done.to_string().into()),
        ("moved", verb.into()),
        ("blocked", plan.blocked.len().to_string().into()),
        ("already", plan.already.len().to_string().into()),
        ("unread", unread.into()),
    ];
    println!("{}", text("case-migrate-summary", &summary));
    if plan.failed.is_empty() {
        Ok(())
    } else {
        let count = plan.failed.len().to_string();
        Err(Failure::problem(text(
            "case-migrate-failed",
            &[("count", count.into())],
        )))
    }
}
