//! `rutin case`: real cases on the embedded store. Each subcommand loads the
//! case and its routine, applies one command at a time (now, or `--at`), and
//! saves the case only when the engine accepted the command: a refused command
//! leaves the stored case exactly as it was.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rutin::model::Routine;
use rutin::run::{Case, Effects, RunError, TaskRef};

use crate::output::Format;
use crate::scenario::model::parse_time;
use crate::store::{Store, StoreError, Stored};
use crate::{timeline, OK, PROBLEMS, USAGE};

/// Arguments of `rutin case`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The store folder.
    #[arg(long, env = "RUTIN_STORE", default_value = ".rutin", global = true)]
    pub(crate) store: PathBuf,
    #[command(subcommand)]
    pub(crate) action: Action,
}

/// What to do with a case.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Action {
    /// Start a case on a routine.
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
    },
    /// Let time pass: fire every deadline due up to `--to` (default now), for the named cases or all.
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
    /// List the cases in the store.
    List {
        /// Text or JSON.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Open tasks across cases, for one role or all.
    Tasks {
        /// Only this role's tasks.
        #[arg(long = "as", value_name = "ROLE")]
        role: Option<String>,
    },
    /// Run a cross-case schedule (a report) over the stored cases of a routine.
    Report {
        /// The routine file.
        routine: PathBuf,
        /// The schedule's id.
        schedule: String,
        /// When (default now).
        #[arg(long)]
        at: Option<String>,
    },
}

/// A failure of a case command, with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        let code = match e {
            StoreError::NotFound { .. } | StoreError::Exists { .. } | StoreError::BadId { .. } => {
                PROBLEMS
            }
            StoreError::Corrupt { .. } | StoreError::Io { .. } => USAGE,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

fn refused(e: &RunError) -> Failure {
    Failure {
        code: PROBLEMS,
        message: format!("refused ({}): {e}; the case is unchanged", e.code()),
    }
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: USAGE,
        message: message.into(),
    }
}

pub(crate) fn run(args: &Args) -> u8 {
    let store = Store::new(&args.store);
    match dispatch(&store, &args.action) {
        Ok(()) => OK,
        Err(f) => {
            eprintln!("error: {}", f.message);
            f.code
        }
    }
}

fn now() -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.date()
        .and_hms_opt(
            chrono::Timelike::hour(&now),
            chrono::Timelike::minute(&now),
            0,
        )
        .unwrap_or(now)
}

fn time(at: &Option<String>) -> Result<NaiveDateTime, Failure> {
    match at {
        Some(text) => parse_time(text).map_err(usage),
        None => Ok(now()),
    }
}

/// Values given on the command line: JSON or YAML text, or `@file`.
fn values(text: &str) -> Result<serde_json::Value, Failure> {
    let (source, body) = match text.strip_prefix('@') {
        Some(path) => (
            path.to_owned(),
            std::fs::read_to_string(path).map_err(|e| usage(format!("cannot read {path}: {e}")))?,
        ),
        None => ("the values".to_owned(), text.to_owned()),
    };
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    let value: serde_json::Value = serde_saphyr::from_str_with_options(&body, options)
        .map_err(|e| usage(format!("{source} are not JSON or YAML: {e}")))?;
    match value {
        serde_json::Value::Object(_) => Ok(value),
        serde_json::Value::Null => Ok(serde_json::json!({})),
        _ => Err(usage(format!(
            "{source} must be a mapping of field: value, like `{{\"order_ok\": true}}`"
        ))),
    }
}

fn load_routine(path: &Path) -> Result<Routine, Failure> {
    let checked = rutin::check_routine(path);
    checked.routine.ok_or_else(|| Failure {
        code: PROBLEMS,
        message: format!(
            "the routine {} has errors; run `rutin check {}`",
            path.display(),
            path.display()
        ),
    })
}

/// Loads a case with its routine, checking that the routine is the one
/// (and the version) the case runs on.
fn open(store: &Store, id: &str) -> Result<(Routine, Stored), Failure> {
    let stored = store.load(id)?;
    let routine = load_routine(&stored.routine)?;
    let case = Case::replay(&routine, stored.case.journal()).map_err(|e| refused(&e))?;
    Ok((
        routine,
        Stored {
            routine: stored.routine,
            case,
        },
    ))
}

fn print_effects(routine: &Routine, effects: &Effects) {
    print!("{}", timeline::render(routine, &effects.entries));
}

fn dispatch(store: &Store, action: &Action) -> Result<(), Failure> {
    match action {
        Action::Start {
            routine: path,
            id,
            data,
            at,
        } => {
            let routine = load_routine(path)?;
            let at = time(at)?;
            let (case, effects) =
                Case::start(&routine, id.as_str(), values(data)?, at).map_err(|e| refused(&e))?;
            store.create(
                id,
                &Stored {
                    routine: path.clone(),
                    case,
                },
            )?;
            print_effects(&routine, &effects);
            Ok(())
        }
        Action::Complete {
            id,
            task,
            role,
            by,
            values: v,
            at,
        } => {
            let (routine, mut stored) = open(store, id)?;
            let at = time(at)?;
            let target = stored
                .case
                .open_tasks()
                .iter()
                .find(|t| t.deadline.as_deref() == Some(task.as_str()))
                .map_or_else(|| TaskRef::Step(task.clone()), |t| TaskRef::Id(t.id));
            let actor = by.clone().unwrap_or_else(|| role.clone());
            let effects = stored
                .case
                .complete_task(&routine, target, &actor, role, values(v)?, at)
                .map_err(|e| refused(&e))?;
            store.save(id, &stored)?;
            print_effects(&routine, &effects);
            Ok(())
        }
        Action::Deliver {
            id,
            event,
            values: v,
            at,
        } => {
            let (routine, mut stored) = open(store, id)?;
            let at = time(at)?;
            let effects = stored
                .case
                .deliver(&routine, event, values(v)?, at)
                .map_err(|e| refused(&e))?;
            store.save(id, &stored)?;
            print_effects(&routine, &effects);
            Ok(())
        }
        Action::Advance { ids, to } => {
            let to = time(to)?;
            let ids = if ids.is_empty() {
                store.ids()?
            } else {
                ids.clone()
            };
            let mut failures = Vec::new();
            for id in &ids {
                let result = open(store, id).and_then(|(routine, mut stored)| {
                    if stored.case.is_ended() || to <= stored.case.latest() {
                        return Ok(());
                    }
                    let effects = stored.case.advance(&routine, to).map_err(|e| refused(&e))?;
                    if !effects.is_empty() {
                        store.save(id, &stored)?;
                        println!("case {id}:");
                        print_effects(&routine, &effects);
                    }
                    Ok(())
                });
                if let Err(f) = result {
                    failures.push(format!("case {id}: {}", f.message));
                }
            }
            if failures.is_empty() {
                Ok(())
            } else {
                Err(Failure {
                    code: PROBLEMS,
                    message: failures.join("\n"),
                })
            }
        }
        Action::Show { id, role, format } => {
            let (routine, stored) = open(store, id)?;
            let journal = match role {
                Some(r) => stored.case.view_for(&routine, r).journal,
                None => stored.case.journal().to_vec(),
            };
            match format {
                Format::Json => match role {
                    Some(r) => println!(
                        "{}",
                        serde_json::to_string_pretty(&stored.case.view_for(&routine, r))
                            .unwrap_or_default()
                    ),
                    None => println!(
                        "{}",
                        serde_json::to_string_pretty(&journal).unwrap_or_default()
                    ),
                },
                Format::Text => {
                    println!(
                        "case {id}: {} ({}), {}",
                        routine.meta.title,
                        stored.routine.display(),
                        stored
                            .case
                            .outcome()
                            .map_or_else(|| "open".to_owned(), |o| format!("ended: {o}"))
                    );
                    for task in stored.case.open_tasks() {
                        if role.as_ref().is_none_or(|r| r == &task.role) {
                            println!("  open task {}: {} [{}]", task.id.0, task.title, task.role);
                        }
                    }
                    println!();
                    print!("{}", timeline::render(&routine, &journal));
                }
            }
            Ok(())
        }
        Action::List { format } => {
            let mut rows = Vec::new();
            for id in store.ids()? {
                match store.load(&id) {
                    Ok(s) => rows.push(serde_json::json!({
                        "id": id,
                        "routine": s.routine.display().to_string(),
                        "status": s.case.outcome().map_or("open", |_| "ended"),
                        "outcome": s.case.outcome(),
                        "open_tasks": s.case.open_tasks().len(),
                        "latest": s.case.latest().format("%Y-%m-%d %H:%M").to_string(),
                    })),
                    Err(e) => rows.push(serde_json::json!({"id": id, "error": e.to_string()})),
                }
            }
            match format {
                Format::Json => {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&rows).unwrap_or_default()
                    )
                }
                Format::Text => {
                    for row in &rows {
                        match row.get("error").and_then(|e| e.as_str()) {
                            Some(error) => println!(
                                "{:<20} DAMAGED  {error}",
                                row["id"].as_str().unwrap_or("")
                            ),
                            None => println!(
                                "{:<20} {:<6} {:<14} {} open task(s), last {}  ({})",
                                row["id"].as_str().unwrap_or(""),
                                row["status"].as_str().unwrap_or(""),
                                row["outcome"].as_str().unwrap_or("-"),
                                row["open_tasks"],
                                row["latest"].as_str().unwrap_or(""),
                                row["routine"].as_str().unwrap_or("")
                            ),
                        }
                    }
                    println!("{} case(s)", rows.len());
                }
            }
            Ok(())
        }
        Action::Tasks { role } => {
            let mut count = 0;
            for id in store.ids()? {
                let Ok(stored) = store.load(&id) else {
                    eprintln!("warning: case {id} cannot be read; run `rutin case list`");
                    continue;
                };
                for task in stored.case.open_tasks() {
                    if role.as_ref().is_none_or(|r| r == &task.role) {
                        count += 1;
                        println!(
                            "{id:<20} {:<28} [{}] since {}",
                            task.deadline
                                .clone()
                                .or_else(|| task.step.clone())
                                .unwrap_or_default(),
                            task.role,
                            task.opened.format("%Y-%m-%d %H:%M")
                        );
                        println!("{:<20} {}", "", task.title);
                    }
                }
            }
            println!("{count} open task(s)");
            Ok(())
        }
        Action::Report {
            routine: path,
            schedule,
            at,
        } => {
            let routine = load_routine(path)?;
            let at = time(at)?;
            let mut cases = Vec::new();
            for id in store.ids()? {
                match store.load(&id) {
                    Ok(s) => cases.push(s.case),
                    Err(e) => eprintln!("warning: {e}"),
                }
            }
            let refs: Vec<&Case> = cases.iter().collect();
            let run =
                rutin::run::run_schedule(&routine, schedule, &refs, at).map_err(|e| refused(&e))?;
            let ids: Vec<&str> = run.selected.iter().map(|c| c.0.as_str()).collect();
            if ids.is_empty() {
                println!("no case selected: nothing to report");
            } else {
                println!("{} case(s) selected: {}", ids.len(), ids.join(", "));
            }
            if !run.other_versions.is_empty() {
                let others: Vec<&str> = run.other_versions.iter().map(|c| c.0.as_str()).collect();
                println!(
                    "passed over, they run on another version of the routine: {}",
                    others.join(", ")
                );
            }
            if let Some(message) = &run.message {
                print!("{}", timeline::report(&routine, message, at));
            }
            Ok(())
        }
    }
}
