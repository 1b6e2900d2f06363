//! `rutin case`: real cases in the database (`--db FILE`, default
//! `rutin.db`). Each command that changes a case is one transaction of the
//! library's runner: it loads the case, runs one engine command on the
//! routine version the case is pinned to, and commits only if nobody else
//! changed the case meanwhile. A refused command, or one that lost a race
//! (exit 1, "someone else changed case …"), leaves the case as it was.
//! The reading commands are in `case_read.rs`, the others in `case_admin.rs`.

use std::path::{Path, PathBuf};

use rutin::model::Routine;
use rutin::run::{CaseId, Effects, RunError, TaskRef};
use rutin::runner::{Runner, RunnerError};
use rutin::store::RoutineBundle;

use super::{case_admin, case_read};
use crate::db::{refusal_text, Db, DbArgs, Failure};
use crate::input::{minute, time, values};
use crate::output::{eprintln, print, println, text, Format};
use crate::{timeline, OK};

/// Arguments of `rutin case`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) db: DbArgs,
    #[command(subcommand)]
    pub(crate) action: Action,
}

/// What to do with a case.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Action {
    /// Start a case on a routine (the case is pinned to this version of the routine,
    /// its organisation file and templates).
    Start {
        /// The routine file.
        routine: PathBuf,
        /// The case id (letters, digits, `-`, `_`).
        #[arg(long)]
        id: String,
        /// Initial data, as JSON or YAML (`decision_date: 2026-06-19`), or `@file`.
        #[arg(long, default_value = "{}")]
        data: String,
        /// When (YYYY-MM-DD or YYYY-MM-DD HH:MM; default now).
        #[arg(long)]
        at: Option<String>,
        /// Show what happened as this role may see it.
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
    },
    /// Complete an open task: by its step, or by the deadline that opened it.
    Complete {
        /// The case id.
        id: String,
        /// The task's step (or deadline) id.
        task: String,
        /// The role doing it.
        #[arg(long = "as", value_name = "ROLE")]
        role: String,
        /// Who does it.
        #[arg(long)]
        by: Option<String>,
        /// The values recorded, as JSON or YAML, or `@file`.
        #[arg(long, default_value = "{}")]
        values: String,
        /// When (default now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Deliver an external event (a correction, an answer, a notice).
    Deliver {
        /// The case id.
        id: String,
        /// The event's name.
        event: String,
        /// The values it carries, as JSON or YAML, or `@file`.
        #[arg(long, default_value = "{}")]
        values: String,
        /// When (default now).
        #[arg(long)]
        at: Option<String>,
        /// Show what happened as this role may see it.
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
    },
    /// Let time pass: fire every deadline due up to `--to` (default now), for the named
    /// cases or all open ones (`rutin tick` does this from the due index, with schedules).
    Advance {
        /// Case ids (default: every open case).
        ids: Vec<String>,
        /// Up to when.
        #[arg(long)]
        to: Option<String>,
    },
    /// Show a case: its state and timeline, as a role may see it.
    Show {
        /// The case id.
        id: String,
        /// Show only what this role may see.
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
        /// Text or JSON.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// A case's journal as a timeline, with what became of each message it sent.
    History {
        /// The case id.
        id: String,
        /// Show only what this role may see.
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
        /// Text or JSON.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// List the cases in the database.
    List {
        /// Text or JSON.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Show failures as this role may read them (default: as anyone, explanations withheld)
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
    },
    /// Open tasks across cases, for one role or all.
    Tasks {
        /// Only this role's tasks.
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
    },
    /// Run a cross-case schedule (a report) over the stored cases of a routine now and print
    /// it (nothing is sent; `rutin tick` runs schedules when they are due and sends them);
    /// first lets time pass for those cases up to `--at`, so the report sees them as they are then.
    Report {
        /// The routine file.
        routine: PathBuf,
        /// The schedule's id.
        schedule: String,
        /// When (default now); the routine's open cases are first advanced to it.
        #[arg(long)]
        at: Option<String>,
        /// Print it as this role may read it: each listed case shows only the fields
        /// the role may see too (a report reading a field the role may not see is refused).
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
        /// Text or JSON.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check every stored case: its journal's hash chain, that it replays on its pinned
    /// routine, and that the stored index (open, next due) is what the replay gives.
    Verify,
    /// Import the cases of an old `.rutin/` folder of JSON case files, with a report
    /// (each is pinned to its routine file as it is now, when that still fits).
    Import(case_admin::ImportArgs),
    /// Move running cases to another version of their routine (journaled); with
    /// `--dry-run` only list which could move and why the others cannot.
    Migrate(case_admin::MigrateArgs),
    /// Starts COUNT cases and completes a task of each, one transaction per command,
    /// printing each command once it is committed (for crash and load tests).
    #[command(hide = true)]
    Bulk(case_admin::BulkArgs),
}

pub(crate) fn run(args: &Args) -> u8 {
    let result = args
        .db
        .open()
        .and_then(|mut db| dispatch(&mut db, &args.action));
    match result {
        Ok(()) => OK,
        Err(f) => {
            eprintln!(
                "{}",
                crate::output::text("error-line", &[("message", (&f.message).into())])
            );
            f.code
        }
    }
}

fn dispatch(db: &mut Db, action: &Action) -> Result<(), Failure> {
    let mut runner = Runner::new();
    match action {
        Action::Start {
            routine,
            id,
            data,
            at,
            role,
        } => start(db, &mut runner, routine, id, data, at, role.as_deref()),
        Action::Complete {
            id,
            task,
            role,
            by,
            values: v,
            at,
        } => complete(db, &mut runner, id, task, role, by.as_deref(), v, at),
        Action::Deliver {
            id,
            event,
            values: v,
            at,
            role,
        } => deliver(db, &mut runner, id, event, v, at, role.as_deref()),
        Action::Advance { ids, to } => advance(db, &mut runner, ids, to),
        Action::Show { id, role, format } => {
            case_read::show(db, &mut runner, id, role.as_deref(), *format)
        }
        Action::History { id, role, format } => {
            case_read::history(db, &mut runner, id, role.as_deref(), *format)
        }
        Action::List { format, role } => case_read::list(db, &mut runner, role.as_deref(), *format),
        Action::Tasks { role } => case_read::tasks(db, &mut runner, role.as_deref()),
        Action::Report {
            routine,
            schedule,
            at,
            role,
            format,
        } => {
            let how = case_admin::ReportAs {
                role: role.as_deref(),
                json: matches!(format, Format::Json),
            };
            case_admin::report(db, &mut runner, routine, schedule, at, how)
        }
        Action::Verify => case_read::verify(db, &mut runner),
        Action::Import(args) => case_admin::import(db, &mut runner, args),
        Action::Migrate(args) => case_admin::migrate(db, &mut runner, args),
        Action::Bulk(args) => case_admin::bulk(db, &mut runner, args),
    }
}

/// Whether a case id is safe everywhere it is shown or named: letters,
/// digits, `-` and `_`, at most 64.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A routine file named on the command line, checked, with the texts it was read from.
pub(crate) fn routine_file(path: &Path) -> Result<(Routine, RoutineBundle), Failure> {
    if !path.is_file() {
        let path = path.display().to_string();
        return Err(Failure::usage(text(
            "case-no-routine-file",
            &[("path", path.into())],
        )));
    }
    // The absolute path: the same file gives the same version from any folder.
    let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let (checked, bundle) = RoutineBundle::from_disk(&absolute);
    let routine = checked.routine.ok_or_else(|| {
        let path = path.display().to_string();
        Failure::problem(text("case-routine-has-errors", &[("path", path.into())]))
    })?;
    Ok((routine, bundle))
}

/// A refused runner command; an engine refusal is worded for `role`.
fn refused(routine: &Routine, e: RunnerError, role: Option<&str>) -> Failure {
    match e {
        RunnerError::Run { error, .. } => Failure::problem(refusal_text(
            &error,
            Some(timeline::refusal(routine, &error, role)),
        )),
        other => other.into(),
    }
}

fn print_effects(routine: &Routine, effects: &Effects, role: Option<&str>) {
    print!("{}", timeline::effects(routine, effects, role));
}

/// Refuses a role the routine does not have.
pub(crate) fn known_role(routine: &Routine, role: Option<&str>) -> Result<(), Failure> {
    match role {
        Some(r) if !routine.roles.contains_key(r) => Err(not_a_role(
            r,
            &text("case-this-routine", &[]),
            routine.roles.keys(),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn not_a_role<'a>(
    role: &str,
    what: &str,
    roles: impl IntoIterator<Item = &'a String>,
) -> Failure {
    let known: Vec<&str> = roles.into_iter().map(String::as_str).collect();
    let hint = rutin::diagnostic::suggest(role, known.iter().copied())
        .map_or_else(String::new, |s| {
            text("case-did-you-mean", &[("suggestion", s.into())])
        });
    Failure::usage(text(
        "case-not-a-role",
        &[
            ("role", role.into()),
            ("what", what.into()),
            ("hint", hint.into()),
            ("roles", known.join(", ").into()),
        ],
    ))
}

/// `case start`.
fn start(
    db: &mut Db,
    runner: &mut Runner,
    path: &Path,
    id: &str,
    data: &str,
    at: &Option<String>,
    role: Option<&str>,
) -> Result<(), Failure> {
    if !valid_id(id) {
        return Err(Failure::usage(text("case-bad-id", &[("id", id.into())])));
    }
    let (routine, bundle) = routine_file(path)?;
    known_role(&routine, role)?;
    let at = time(at)?;
    let data = values(data)?;
    let done = runner
        .start(db.as_mut(), &bundle, &CaseId::from(id), data, at)
        .map_err(|e| match e {
            RunnerError::Run { error, .. } => Failure::problem(text(
                "case-start-refused",
                &[
                    ("code", error.code().into()),
                    ("why", timeline::refusal(&routine, &error, role).into()),
                ],
            )),
            other => other.into(),
        })?;
    print_effects(&routine, &done.effects, role);
    Ok(())
}

/// `case complete`: by step, or by the deadline whose escalation task it is.
#[allow(clippy::too_many_arguments)] // One per flag of the command.
fn complete(
    db: &mut Db,
    runner: &mut Runner,
    id: &str,
    task: &str,
    role: &str,
    by: Option<&str>,
    v: &str,
    at: &Option<String>,
) -> Result<(), Failure> {
    let id = CaseId::from(id);
    let (_, loaded) = runner.load(db.as_mut(), &id)?;
    let routine = loaded.routine.clone();
    if !routine.roles.contains_key(role) {
        return Err(not_a_role(
            role,
            &text("case-this-routine", &[]),
            routine.roles.keys(),
        ));
    }
    let at = time(at)?;
    let target = loaded
        .case
        .open_tasks()
        .iter()
        .find(|t| t.deadline.as_deref() == Some(task))
        .map_or_else(|| TaskRef::Step(task.to_owned()), |t| TaskRef::Id(t.id));
    let values = values(v)?;
    let done = runner
        .complete_task(
            db.as_mut(),
            &id,
            target,
            by.unwrap_or(role),
            role,
            values,
            at,
        )
        .map_err(|e| refused(&routine, e, Some(role)))?;
    print_effects(&routine, &done.effects, Some(role));
    Ok(())
}

/// `case deliver`.
fn deliver(
    db: &mut Db,
    runner: &mut Runner,
    id: &str,
    event: &str,
    v: &str,
    at: &Option<String>,
    role: Option<&str>,
) -> Result<(), Failure> {
    let id = CaseId::from(id);
    let (_, loaded) = runner.load(db.as_mut(), &id)?;
    let routine = loaded.routine.clone();
    known_role(&routine, role)?;
    let at = time(at)?;
    let values = values(v)?;
    let done = runner
        .deliver(db.as_mut(), &id, event, values, at)
        .map_err(|e| refused(&routine, e, role))?;
    print_effects(&routine, &done.effects, role);
    Ok(())
}

/// `case advance`: fires what is due up to `to` in the named cases, or in every open case.
fn advance(
    db: &mut Db,
    runner: &mut Runner,
    ids: &[String],
    to: &Option<String>,
) -> Result<(), Failure> {
    let to = time(to)?;
    let named = !ids.is_empty();
    let ids: Vec<CaseId> = if named {
        ids.iter().map(|i| CaseId::from(i.as_str())).collect()
    } else {
        let open = rutin::store::CaseFilter {
            open_only: true,
            ..Default::default()
        };
        db.cases(&open)?.into_iter().map(|c| c.id).collect()
    };
    let mut failures = Vec::new();
    for id in &ids {
        if let Err(f) = advance_one(db, runner, id, to, named) {
            failures.push(text(
                "case-problem",
                &[("id", id.0.as_str().into()), ("error", f.message.into())],
            ));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::problem(failures.join("\n")))
    }
}

fn advance_one(
    db: &mut Db,
    runner: &mut Runner,
    id: &CaseId,
    to: chrono::NaiveDateTime,
    named: bool,
) -> Result<(), Failure> {
    let (_, loaded) = runner.load(db.as_mut(), id)?;
    let say = |said: String| {
        if named {
            let line = [("id", id.0.as_str().into()), ("error", said.into())];
            println!("{}", text("case-problem", &line));
        }
    };
    if let Some(outcome) = loaded.case.outcome() {
        say(text("case-nothing-ended", &[("outcome", outcome.into())]));
        return Ok(());
    }
    if to <= loaded.case.latest() {
        let latest = minute(loaded.case.latest());
        say(text("case-nothing-latest", &[("latest", latest.into())]));
        return Ok(());
    }
    let routine = loaded.routine.clone();
    let done = runner
        .advance(db.as_mut(), id, to)
        .map_err(|e| refused(&routine, e, None))?;
    if done.effects.is_empty() {
        say(text("case-nothing-due", &[("to", minute(to).into())]));
    } else {
        println!("{}", text("case-colon", &[("id", id.0.as_str().into())]));
        print_effects(&routine, &done.effects, None);
    }
    Ok(())
}

/// A refusal of the engine for a command without a role (a report).
pub(crate) fn engine_refusal(e: &RunError) -> Failure {
    let why = e.message_in(crate::output::lang());
    Failure::problem(crate::output::text(
        "run-refused",
        &[("code", e.code().into()), ("why", why.into())],
    ))
}
