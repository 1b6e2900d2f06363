//! `rutin case`: real cases on the embedded store. Each subcommand loads the
//! case and its routine, applies one command at a time (now, or `--at`), and
//! saves the case only when the engine accepted the command: a refused command
//! leaves the stored case exactly as it was.
//!
//! A case runs on the version of its routine it started with. When the
//! routine file now has another version, `show` still works (read-only, with
//! a warning) and every command that would change the case is refused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rutin::model::Routine;
use rutin::run::{Case, Effects, RunError, TaskRef};

use crate::output::Format;
use crate::output::{eprintln, print, println};
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
    /// Run a cross-case schedule (a report) over the stored cases of a routine;
    /// first lets time pass for those cases up to `--at`, so the report sees them as they are then.
    Report {
        /// The routine file.
        routine: PathBuf,
        /// The schedule's id.
        schedule: String,
        /// When (default now); the routine's open cases are first advanced to it.
        #[arg(long)]
        at: Option<String>,
    },
}

/// A failure of a case command, with its exit code.
#[derive(Debug, Clone)]
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

/// A command on a stored case was refused; the text is `role`'s to read.
fn refused(routine: &Routine, e: &RunError, role: Option<&str>) -> Failure {
    Failure {
        code: PROBLEMS,
        message: format!(
            "refused ({}): {}\nthe case is unchanged",
            e.code(),
            timeline::refusal(routine, e, role)
        ),
    }
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: USAGE,
        message: message.into(),
    }
}

/// What to do when the routine file has moved on to another version.
const OTHER_VERSION_ADVICE: &str = "finish running cases on the old version: keep a copy of the old routine file and point the case at it, or start a new case";

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

fn minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
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

/// A routine file named on the command line (a missing one is a usage error).
fn load_routine(path: &Path) -> Result<Routine, Failure> {
    routine_at(path, "", USAGE)
}

/// The routine file a stored case names (a missing one is a problem of the case).
fn case_routine(path: &Path) -> Result<Routine, Failure> {
    routine_at(path, " (the case runs on it)", PROBLEMS)
}

fn routine_at(path: &Path, role: &str, missing_code: u8) -> Result<Routine, Failure> {
    if !path.is_file() {
        return Err(Failure {
            code: missing_code,
            message: format!("the routine file {}{role} does not exist", path.display()),
        });
    }
    let checked = rutin::check_routine(path);
    checked.routine.ok_or_else(|| Failure {
        code: PROBLEMS,
        message: format!(
            "the routine file {}{role} has errors; run `rutin check {}`",
            path.display(),
            path.display()
        ),
    })
}

/// Routines loaded once per command, by file.
#[derive(Default)]
struct Routines(BTreeMap<PathBuf, Result<Routine, Failure>>);

impl Routines {
    fn get(&mut self, path: &Path) -> Result<&Routine, Failure> {
        self.0
            .entry(path.to_path_buf())
            .or_insert_with(|| case_routine(path))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Why the routine file is not the one a case runs on: another version, or another routine.
fn other_version(case: &Case, routine: &Routine) -> Option<String> {
    let (id, version) = (&routine.meta.id, &routine.meta.version);
    if case.routine_id() == id && case.routine_version() == version {
        return None;
    }
    let runs = format!(
        "this case runs version {} of routine `{}`",
        case.routine_version(),
        case.routine_id()
    );
    Some(if case.routine_id() == id {
        format!("{runs}; the file now has version {version}")
    } else {
        format!("{runs}; the file now holds routine `{id}`, version {version}")
    })
}

/// A stored case with the routine it names.
struct Opened {
    routine: Routine,
    stored: Stored,
    /// Set when the routine file now has another version than the case runs on.
    other_version: Option<String>,
}

/// Loads a case with its routine, read-only. A case whose routine file now
/// has another version is returned with [`Opened::other_version`] set; one
/// on its own version must agree with it (or the file is damaged).
fn open_with(routines: &mut Routines, store: &Store, id: &str) -> Result<Opened, Failure> {
    attach(routines, store.load(id)?)
}

/// A stored case with its routine (see [`open_with`]).
fn attach(routines: &mut Routines, stored: Stored) -> Result<Opened, Failure> {
    let routine = routines.get(&stored.routine)?.clone();
    let other_version = other_version(&stored.case, &routine);
    if other_version.is_none() {
        stored.check_against(&routine)?;
    }
    Ok(Opened {
        routine,
        stored,
        other_version,
    })
}

fn open(store: &Store, id: &str) -> Result<Opened, Failure> {
    open_with(&mut Routines::default(), store, id)
}

/// What to do about a case on another version of its routine, naming its file.
fn advice(store: &Store, id: &str) -> String {
    format!(
        "{OTHER_VERSION_ADVICE} (the case file {} names its routine file under `routine`)",
        store.file_of(id).display()
    )
}

/// The refusal of a change to a case on another version of its routine.
fn on_other_version(store: &Store, id: &str, stored: &Stored, why: &str) -> Failure {
    Failure {
        code: PROBLEMS,
        message: format!(
            "{why} ({}); the case is unchanged\nhint: {}",
            stored.routine.display(),
            advice(store, id)
        ),
    }
}

/// Loads a case to change it: refused when the routine file has another version.
fn open_to_change(store: &Store, id: &str) -> Result<(Routine, Stored), Failure> {
    let opened = open(store, id)?;
    match &opened.other_version {
        Some(why) => Err(on_other_version(store, id, &opened.stored, why)),
        None => Ok((opened.routine, opened.stored)),
    }
}

fn print_effects(routine: &Routine, effects: &Effects, role: Option<&str>) {
    print!("{}", timeline::effects(routine, effects, role));
}

/// Refuses a role the routine does not have.
fn known_role(routine: &Routine, role: Option<&str>) -> Result<(), Failure> {
    match role {
        Some(r) if !routine.roles.contains_key(r) => {
            Err(not_a_role(r, "this routine", routine.roles.keys()))
        }
        _ => Ok(()),
    }
}

fn not_a_role<'a>(role: &str, what: &str, roles: impl IntoIterator<Item = &'a String>) -> Failure {
    let known: Vec<&str> = roles.into_iter().map(String::as_str).collect();
    let hint = crate::scenario::suggest(role, known.iter().copied())
        .map_or_else(String::new, |s| format!("did you mean `{s}`? "));
    usage(format!(
        "`{role}` is not a role of {what}; {hint}roles: {}",
        known.join(", ")
    ))
}

fn dispatch(store: &Store, action: &Action) -> Result<(), Failure> {
    match action {
        Action::Start {
            routine: path,
            id,
            data,
            at,
            role,
        } => {
            let routine = load_routine(path)?;
            known_role(&routine, role.as_deref())?;
            let at = time(at)?;
            let (case, effects) =
                Case::start(&routine, id.as_str(), values(data)?, at).map_err(|e| Failure {
                    code: PROBLEMS,
                    message: format!(
                        "refused ({}): {}\nno case was started",
                        e.code(),
                        timeline::refusal(&routine, &e, role.as_deref())
                    ),
                })?;
            // The absolute path: the case then works from any folder.
            let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
            store.create(id, &Stored::new(absolute, case))?;
            print_effects(&routine, &effects, role.as_deref());
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
            let (routine, mut stored) = open_to_change(store, id)?;
            if !routine.roles.contains_key(role) {
                return Err(not_a_role(role, "this routine", routine.roles.keys()));
            }
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
                .map_err(|e| refused(&routine, &e, Some(role)))?;
            store.save(id, &stored)?;
            print_effects(&routine, &effects, Some(role));
            Ok(())
        }
        Action::Deliver {
            id,
            event,
            values: v,
            at,
            role,
        } => {
            let (routine, mut stored) = open_to_change(store, id)?;
            known_role(&routine, role.as_deref())?;
            let at = time(at)?;
            let effects = stored
                .case
                .deliver(&routine, event, values(v)?, at)
                .map_err(|e| refused(&routine, &e, role.as_deref()))?;
            store.save(id, &stored)?;
            print_effects(&routine, &effects, role.as_deref());
            Ok(())
        }
        Action::Advance { ids, to } => advance(store, ids, to),
        Action::Show { id, role, format } => show(store, id, role.as_deref(), *format),
        Action::List { format } => list(store, *format),
        Action::Tasks { role } => tasks(store, role.as_deref()),
        Action::Report {
            routine: path,
            schedule,
            at,
        } => report(store, path, schedule, at),
    }
}

/// `case advance`: fires what is due up to `to` in the named cases, or in every open case.
fn advance(store: &Store, ids: &[String], to: &Option<String>) -> Result<(), Failure> {
    let to = time(to)?;
    let named = !ids.is_empty();
    let ids = if named { ids.to_vec() } else { store.ids()? };
    let mut routines = Routines::default();
    let mut failures = Vec::new();
    for id in &ids {
        let result = store.load(id).map_err(Failure::from).and_then(|stored| {
            // An ended case takes no more commands: its routine is not needed.
            if let Some(outcome) = stored.case.outcome() {
                if named {
                    println!("case {id}: nothing to do, it has ended ({outcome})");
                }
                return Ok(());
            }
            let Opened {
                routine,
                mut stored,
                other_version,
            } = attach(&mut routines, stored)?;
            if let Some(why) = other_version {
                return Err(on_other_version(store, id, &stored, &why));
            }
            if to <= stored.case.latest() {
                if named {
                    println!(
                        "case {id}: nothing to do, its latest entry is at {}",
                        minute(stored.case.latest())
                    );
                }
                return Ok(());
            }
            let effects = stored
                .case
                .advance(&routine, to)
                .map_err(|e| refused(&routine, &e, None))?;
            if effects.is_empty() {
                if named {
                    println!("case {id}: nothing was due up to {}", minute(to));
                }
            } else {
                store.save(id, &stored)?;
                println!("case {id}:");
                print_effects(&routine, &effects, None);
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

/// `case show`: read-only, so it works on a case whose routine file has
/// moved on to another version (the file then only gives names).
fn show(store: &Store, id: &str, role: Option<&str>, format: Format) -> Result<(), Failure> {
    let Opened {
        routine,
        stored,
        other_version,
    } = open(store, id)?;
    if let Some(r) = role {
        if !routine.roles.contains_key(r) {
            return Err(not_a_role(r, "this routine", routine.roles.keys()));
        }
    }
    if let (Some(why), Format::Json) = (&other_version, format) {
        eprintln!(
            "warning: {why} ({}); the case is shown as stored, with names from the file; \
             it cannot be changed\nhint: {}",
            stored.routine.display(),
            advice(store, id)
        );
    }
    let view = role.map(|r| stored.case.view_for(&routine, r));
    let journal = match &view {
        Some(v) => v.journal.clone(),
        None => stored.case.journal().to_vec(),
    };
    match format {
        Format::Json => {
            let json = match &view {
                Some(v) => serde_json::to_string_pretty(v),
                None => serde_json::to_string_pretty(&journal),
            };
            println!("{}", json.unwrap_or_default());
        }
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
            if let Some(why) = &other_version {
                println!("  warning: {why}");
                println!(
                    "  the case is shown as stored (the file gives only names) and cannot be changed; {}",
                    advice(store, id)
                );
            }
            for task in stored.case.open_tasks() {
                if role.is_none_or(|r| r == task.role) {
                    println!("  open task {}: {} [{}]", task.id.0, task.title, task.role);
                }
            }
            let failures = view
                .as_ref()
                .map_or_else(|| stored.case.failures(), |v| v.failures.clone());
            print!("{}", timeline::failures(&failures));
            println!();
            print!("{}", timeline::render(&routine, &journal));
        }
    }
    Ok(())
}

/// A stored case as `list` and `tasks` see it.
struct Surveyed {
    id: String,
    stored: Stored,
    /// Its routine, when the file loads (possibly another version).
    routine: Option<Routine>,
    /// Why the case cannot be changed now (its routine file is missing,
    /// has errors, or has another version).
    note: Option<String>,
}

/// Every stored case, read as far as it can be: the cases, and a message per damaged file.
struct Survey {
    cases: Vec<Surveyed>,
    damaged: Vec<(String, String)>,
}

/// Reads every case of the store with its routine. A routine file that is
/// missing or has errors is not damage of the case (it is noted with it).
fn survey(store: &Store) -> Result<Survey, Failure> {
    let mut routines = Routines::default();
    let mut survey = Survey {
        cases: Vec::new(),
        damaged: Vec::new(),
    };
    for id in store.ids()? {
        let stored = match store.load(&id) {
            Ok(s) => s,
            Err(e) => {
                survey.damaged.push((id, e.to_string()));
                continue;
            }
        };
        let (routine, note) = match routines.get(&stored.routine) {
            Ok(r) => match other_version(&stored.case, r) {
                Some(why) => (Some(r.clone()), Some(why)),
                None => {
                    if let Err(e) = stored.check_against(r) {
                        survey.damaged.push((id, e.to_string()));
                        continue;
                    }
                    (Some(r.clone()), None)
                }
            },
            Err(f) => (None, Some(f.message)),
        };
        survey.cases.push(Surveyed {
            id,
            stored,
            routine,
            note,
        });
    }
    Ok(survey)
}

fn damaged_failure(damaged: &[(String, String)]) -> Result<(), Failure> {
    if damaged.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = damaged.iter().map(|(id, _)| id.as_str()).collect();
    Err(usage(format!(
        "{} case file(s) are damaged: {}; they were left as they are",
        ids.len(),
        ids.join(", ")
    )))
}

/// `case list`: every case; damaged files are listed as such and make the exit status 2.
fn list(store: &Store, format: Format) -> Result<(), Failure> {
    let survey = survey(store)?;
    let mut rows: Vec<(String, serde_json::Value)> = Vec::new();
    for Surveyed {
        id,
        stored: s,
        note,
        ..
    } in &survey.cases
    {
        rows.push((
            id.clone(),
            serde_json::json!({
                "id": id,
                "routine": s.routine.display().to_string(),
                "status": if s.case.is_ended() { "ended" } else { "open" },
                "outcome": s.case.outcome(),
                "open_tasks": s.case.open_tasks().len(),
                "latest": minute(s.case.latest()),
                "failures": s.case.failures().len(),
                "note": note,
            }),
        ));
    }
    for (id, error) in &survey.damaged {
        rows.push((id.clone(), serde_json::json!({"id": id, "error": error})));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let rows: Vec<serde_json::Value> = rows.into_iter().map(|(_, r)| r).collect();
    match format {
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            );
        }
        Format::Text => {
            for row in &rows {
                let id = row["id"].as_str().unwrap_or("");
                if let Some(error) = row.get("error").and_then(|e| e.as_str()) {
                    println!("{id:<20} DAMAGED  {error}");
                    continue;
                }
                let status = match row["outcome"].as_str() {
                    Some(outcome) => format!("ended: {outcome}"),
                    None => "open".to_owned(),
                };
                println!(
                    "{id:<20} {status:<18} {} open task(s), last {}  ({})",
                    row["open_tasks"],
                    row["latest"].as_str().unwrap_or(""),
                    row["routine"].as_str().unwrap_or("")
                );
                if let Some(n) = row["failures"].as_u64().filter(|n| *n > 0) {
                    println!(
                        "{:<20} FAILED: {n} deadline(s) or wait(s) could not be carried out; see `rutin case show {id}`",
                        ""
                    );
                }
                if let Some(note) = row["note"].as_str() {
                    println!("{:<20} note: {note}", "");
                }
            }
            println!("{} case(s)", rows.len());
        }
    }
    damaged_failure(&survey.damaged)
}

/// `case tasks`: open tasks across the stored cases.
fn tasks(store: &Store, role: Option<&str>) -> Result<(), Failure> {
    let survey = survey(store)?;
    if let Some(role) = role {
        let roles: BTreeSet<&String> = survey
            .cases
            .iter()
            .filter_map(|c| c.routine.as_ref())
            .flat_map(|r| r.roles.keys())
            .collect();
        if !roles.is_empty() && !roles.iter().any(|r| *r == role) {
            return Err(not_a_role(role, "any routine of the stored cases", roles));
        }
    }
    for (id, error) in &survey.damaged {
        eprintln!("warning: case {id} cannot be read: {error}");
    }
    let mut count = 0;
    for Surveyed { id, stored, .. } in &survey.cases {
        for task in stored.case.open_tasks() {
            if role.is_none_or(|r| r == task.role) {
                count += 1;
                println!(
                    "{id:<20} {:<28} [{}] since {}",
                    task.deadline
                        .clone()
                        .or_else(|| task.step.clone())
                        .unwrap_or_default(),
                    task.role,
                    minute(task.opened)
                );
                println!("{:<20} {}", "", task.title);
            }
        }
    }
    println!("{count} open task(s)");
    damaged_failure(&survey.damaged)
}

/// `case report`: first lets time pass up to `at` for the open cases of the
/// routine's version (saving those that changed, showing what fired), so
/// the report sees the cases as they are at `at`; then runs the schedule.
fn report(store: &Store, path: &Path, schedule: &str, at: &Option<String>) -> Result<(), Failure> {
    let routine = load_routine(path)?;
    if routine.schedule(schedule).is_none() {
        let e = RunError::UnknownSchedule(schedule.to_owned());
        return Err(Failure {
            code: PROBLEMS,
            message: format!("refused ({}): {e}", e.code()),
        });
    }
    let at = time(at)?;
    let mut cases = Vec::new();
    for id in store.ids()? {
        let mut stored = match store.load(&id) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("warning: {e}");
                continue;
            }
        };
        let ours = stored.case.routine_id() == routine.meta.id
            && stored.case.routine_version() == routine.meta.version
            && !stored.case.is_ended();
        if ours {
            if let Err(e) = stored.check_against(&routine) {
                eprintln!("warning: {e}");
                continue;
            }
            if at > stored.case.latest() {
                match stored.case.advance(&routine, at) {
                    Ok(effects) if !effects.is_empty() => {
                        store.save(&id, &stored)?;
                        println!("case {id}:");
                        print_effects(&routine, &effects, None);
                    }
                    Ok(_) => {}
                    Err(e) => eprintln!(
                        "warning: case {id} could not be brought up to {}: refused ({}): {e}; it is unchanged",
                        minute(at),
                        e.code()
                    ),
                }
            }
        }
        cases.push(stored.case);
    }
    let refs: Vec<&Case> = cases.iter().collect();
    let run = rutin::run::run_schedule(&routine, schedule, &refs, at).map_err(|e| Failure {
        code: PROBLEMS,
        message: format!("the report could not run ({}): {e}", e.code()),
    })?;
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
