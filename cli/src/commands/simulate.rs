//! `rutin simulate`: one case from start to finish on a virtual clock,
//! printed as a timeline. Without a scenario it follows the routine by
//! itself (`rutin::simulate::follow`: events and tasks one working day
//! later with example values, else the clock to the next deadline or date),
//! up to `--until` if given (`simulate_until.rs` prints the rounds and
//! where the case stands then).

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rutin::calendar::{Duration, Unit};
use rutin::model::{FieldType, Routine, StepKind};
use rutin::run::{Case, RunError, TaskId, TaskRef};
use rutin::simulate::{follow, Limits, Next, Stop};

use super::simulate_until;
use crate::output::{eprintln, print, println, text, Format};
use crate::{timeline, OK, PROBLEMS, USAGE};
use rutin::scenario::{self as script, example_data};

/// Arguments of `rutin simulate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The routine file to simulate (with --scenario: optional, the scenario's `routine:`).
    pub(crate) routine: Option<PathBuf>,
    /// The date (YYYY-MM-DD) or time (YYYY-MM-DD HH:MM) the case starts
    /// (default: 08:00 on the earliest date in the example start data, such
    /// as the decision date, so the examples make sense; today when the start
    /// data holds no date; a scenario gives its own `start:`).
    #[arg(long, conflicts_with = "scenario")]
    pub(crate) start: Option<String>,
    /// Run a scripted case instead of following the routine by itself.
    #[arg(long, conflicts_with = "interactive")]
    pub(crate) scenario: Option<PathBuf>,
    /// Ask at each open task which values to give and how many days pass.
    #[arg(long)]
    pub(crate) interactive: bool,
    /// Show only what this role may see.
    #[arg(long = "as", value_name = "ROLE")]
    pub(crate) as_role: Option<String>,
    /// Output format: a timeline, or the case's journal as JSON.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
    /// Stop the virtual clock at this date (the end of the day) or time
    /// (YYYY-MM-DD HH:MM) and show where the case stands, round by round
    /// when the routine repeats.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["scenario", "interactive", "profile"])]
    pub(crate) until: Option<String>,
    /// With --until: the step whose every return begins a round (default:
    /// the step nearest the start that the case enters again).
    #[arg(long, value_name = "STEP", requires = "until")]
    pub(crate) round: Option<String>,
    /// Stop after this many actions (guards against a routine that loops on its example values).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) max_actions: u32,
    #[command(flatten)]
    pub(crate) bulk: super::bulk::BulkArgs,
}

/// Why a simulation stopped early, with its exit code.
struct Halt {
    code: u8,
    message: String,
}

impl Halt {
    fn problem(message: String) -> Self {
        Halt {
            code: PROBLEMS,
            message,
        }
    }

    fn usage(message: String) -> Self {
        Halt {
            code: USAGE,
            message,
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    canonical(a) == canonical(b)
}

/// The scenario (when given) and the routine file to simulate.
fn inputs(args: &Args) -> Result<(Option<script::Scenario>, PathBuf), Halt> {
    let Some(path) = &args.scenario else {
        return match &args.routine {
            Some(routine) => Ok((None, routine.clone())),
            None => Err(Halt::usage(text("simulate-no-routine", &[]))),
        };
    };
    let source = std::fs::read_to_string(path).map_err(|e| {
        let path = path.display().to_string();
        Halt::usage(text(
            "simulate-cannot-read",
            &[("path", path.into()), ("error", e.to_string().into())],
        ))
    })?;
    let scenario = script::parse(path, &source)
        .map_err(|p| Halt::usage(p.message_in(crate::output::lang())))?;
    let named = script::routine_path(&scenario);
    if let Some(routine) = &args.routine {
        if !same_file(routine, &named) {
            return Err(Halt::usage(text(
                "simulate-other-routine",
                &[
                    ("scenario", path.display().to_string().into()),
                    ("named", named.display().to_string().into()),
                    ("routine", routine.display().to_string().into()),
                ],
            )));
        }
    }
    Ok((Some(scenario), named))
}

pub(crate) fn run(args: &Args) -> u8 {
    if let Some(profile) = &args.bulk.profile {
        return super::bulk::run(args.routine.as_deref(), profile, &args.bulk, args.format);
    }
    let (scenario, routine_path) = match inputs(args) {
        Ok(x) => x,
        Err(h) => {
            eprintln!("{}", text("error-line", &[("message", h.message.into())]));
            return h.code;
        }
    };
    let checked = rutin::check_routine(&routine_path);
    let Some(routine) = checked.routine else {
        let color = crate::output::stderr_color();
        for d in checked.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!(
                "{}",
                rutin::diagnostic::render_in(d, color, crate::output::lang())
            );
        }
        let io = checked
            .diagnostics
            .iter()
            .any(|d| matches!(d.problem, rutin::diagnostic::Problem::Io { .. }));
        return if io { USAGE } else { PROBLEMS };
    };
    if let Some(role) = &args.as_role {
        if !routine.roles.contains_key(role) {
            let known: Vec<&str> = routine.roles.keys().map(String::as_str).collect();
            let message = text(
                "simulate-unknown-role",
                &[("role", role.into()), ("roles", known.join(", ").into())],
            );
            eprintln!("{}", text("error-line", &[("message", message.into())]));
            return USAGE;
        }
    }
    let Clock { start, until, head } = match clock(args, &routine) {
        Ok(c) => c,
        Err(h) => {
            eprintln!("{}", text("error-line", &[("message", h.message.into())]));
            return h.code;
        }
    };
    let role = args.as_role.as_deref();
    let mut stood = None;
    let result = match &scenario {
        Some(scenario) => {
            // The same case id as `rutin test` gives it: the scenario's, or its file name.
            let id = args
                .scenario
                .as_ref()
                .and_then(|p| p.file_stem())
                .map_or_else(|| "SIM-1".to_owned(), |s| s.to_string_lossy().into_owned());
            scripted(&routine, scenario, &id, role).map_err(Halt::problem)
        }
        None => match Case::start(&routine, "SIM-1", example_data(&routine), start) {
            Ok((mut case, _)) => {
                let r = if args.interactive {
                    interactive(&routine, &mut case, args.max_actions, role)
                } else {
                    let limits = Limits {
                        max_actions: args.max_actions,
                        until,
                    };
                    follow(&routine, &mut case, limits)
                        .map(|stop| note_of(stop, &mut stood))
                        .map_err(|e| Halt::problem(explain(&routine, &e, role)))
                };
                r.map(|note| (case, note))
            }
            Err(e) => Err(Halt::problem(text(
                "simulate-could-not-start",
                &[("error", timeline::refusal(&routine, &e, role).into())],
            ))),
        },
    };
    let (case, note) = match result {
        Ok(x) => x,
        Err(h) => {
            eprintln!("{}", text("error-line", &[("message", h.message.into())]));
            return h.code;
        }
    };
    let (journal, failures) = match role {
        Some(role) => {
            let view = case.view_for(&routine, role);
            (view.journal, view.failures)
        }
        None => (case.journal().to_vec(), case.failures()),
    };
    match args.format {
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&journal).unwrap_or_default()
            );
        }
        Format::Text => {
            let m = &routine.meta;
            let heading = [
                ("title", (&m.title).into()),
                ("id", (&m.id).into()),
                ("version", (&m.version).into()),
            ];
            println!("{}", text("simulate-heading", &heading));
            if let Some(role) = &args.as_role {
                let name = routine
                    .roles
                    .get(role)
                    .map_or(role.as_str(), |r| r.name.as_str());
                let seen = [("name", name.into()), ("role", role.into())];
                println!("{}", text("simulate-as-seen-by", &seen));
            }
            println!();
            match until {
                Some(_) => print!(
                    "{}",
                    simulate_until::timeline(&routine, &case, head, &journal)
                ),
                None => print!("{}", timeline::render(&routine, &journal)),
            }
            println!();
            match case.outcome() {
                Some(outcome) => println!(
                    "{}",
                    text("simulate-outcome", &[("outcome", outcome.into())])
                ),
                None => println!("{}", text("simulate-still-open", &[])),
            }
            if let (Some(until), Some(next)) = (until, &stood) {
                print!(
                    "{}",
                    simulate_until::stand(&routine, &case, (role, head), until, next)
                );
            }
            print!("{}", timeline::failures(&failures));
            if let Some(note) = note {
                println!("{note}");
            }
        }
    }
    OK
}

/// When the simulated case starts, when its clock stops, and which step
/// begins a round.
struct Clock<'a> {
    start: NaiveDateTime,
    until: Option<NaiveDateTime>,
    head: Option<&'a str>,
}

fn clock<'a>(args: &'a Args, routine: &Routine) -> Result<Clock<'a>, Halt> {
    let start = match &args.start {
        Some(s) => crate::input::parse_time(s).map_err(|e| Halt::usage(format!("--start: {e}")))?,
        None => default_start(routine, &example_data(routine))
            .unwrap_or_else(|| chrono::Local::now().date_naive())
            .and_hms_opt(8, 0, 0)
            .unwrap_or_default(),
    };
    let until = args
        .until
        .as_deref()
        .map(|u| simulate_until::parse(u, start))
        .transpose()
        .map_err(|e| Halt::usage(format!("--until: {e}")))?;
    let head = simulate_until::round_step(routine, args.round.as_deref())
        .map_err(|e| Halt::usage(format!("--round: {e}")))?;
    Ok(Clock { start, until, head })
}

/// The day a simulation without `--start` begins: the earliest date among
/// the start data (the decision date, say), so that the routine's example
/// dates lie where they make sense; `None` when the start data has no date.
fn default_start(routine: &Routine, data: &serde_json::Value) -> Option<chrono::NaiveDate> {
    routine
        .fields
        .iter()
        .filter(|f| f.ty == FieldType::Date)
        .filter_map(|f| data.get(&f.id)?.as_str().and_then(rutin::expr::parse_date))
        .min()
}

fn scripted(
    routine: &Routine,
    scenario: &script::Scenario,
    id: &str,
    role: Option<&str>,
) -> Result<(Case, Option<String>), String> {
    let outcome = script::run(routine, scenario, id, role);
    let failures = super::test::failures(routine, &outcome.failures);
    let case = outcome.case.ok_or_else(|| failures.join("\n"))?;
    let mut notes = Vec::new();
    for (at, report) in &outcome.reports {
        let shown = timeline::report(routine, report, *at, role);
        if !shown.is_empty() {
            notes.push(format!("{}\n{shown}", text("simulate-report-sent", &[])));
        }
    }
    if !failures.is_empty() {
        notes.push(format!(
            "{}\n- {}",
            text("simulate-expectations-not-met", &[]),
            failures.join("\n- ")
        ));
    }
    let note = (!notes.is_empty()).then(|| notes.join("\n"));
    Ok((case, note))
}

/// What to say when following stopped; the next action when the clock stopped at `--until`.
fn note_of(stop: Stop, stood: &mut Option<Next>) -> Option<String> {
    match stop {
        Stop::Ended => None,
        Stop::Idle => Some(text("simulate-waits-nothing-due", &[])),
        Stop::ActionLimit(max) => Some(text(
            "simulate-max-actions",
            &[("max", max.to_string().into())],
        )),
        Stop::Until(next) => {
            *stood = Some(next);
            None
        }
    }
}

fn advance(routine: &Routine, case: &mut Case, to: NaiveDateTime) -> Result<(), RunError> {
    case.advance(routine, to).map(|_| ())
}

/// Why the simulation stopped, as `role` may read it.
fn explain(routine: &Routine, e: &RunError, role: Option<&str>) -> String {
    text(
        "simulate-stopped",
        &[("error", timeline::refusal(routine, e, role).into())],
    )
}

/// Asks how many days pass until the task is done: a whole number from 0
/// to 365 (empty: 1); anything else is explained and asked again.
fn ask_days(ask: &mut impl FnMut(&str) -> Option<String>) -> Result<u32, Halt> {
    loop {
        let answer = ask(&text("simulate-ask-days", &[])).ok_or_else(input_ended)?;
        let answer = answer.trim();
        if answer.is_empty() {
            return Ok(1);
        }
        match answer.parse::<u32>() {
            Ok(days) if days <= 365 => return Ok(days),
            _ => println!(
                "  {}",
                text("simulate-bad-days", &[("answer", answer.into())])
            ),
        }
    }
}

fn input_ended() -> Halt {
    Halt::usage(text("simulate-input-ended", &[]))
}

/// Asks at each open task which values to give and how many days pass.
fn interactive(
    routine: &Routine,
    case: &mut Case,
    max: u32,
    role: Option<&str>,
) -> Result<Option<String>, Halt> {
    let stop = |e: RunError| Halt::problem(explain(routine, &e, role));
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut ask = |prompt: &str| -> Option<String> {
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        lines.next().and_then(Result::ok)
    };
    let mut shown = 0;
    // A task whose values were refused is asked again at the same time.
    let mut retry: Option<(TaskId, NaiveDateTime)> = None;
    for _ in 0..max {
        let journal = match role {
            Some(role) => case.view_for(routine, role).journal,
            None => case.journal().to_vec(),
        };
        print!(
            "{}",
            timeline::render(routine, journal.get(shown..).unwrap_or_default())
        );
        shown = journal.len();
        if case.is_ended() {
            return Ok(None);
        }
        let Some(task) = case.open_tasks().first().map(|t| (*t).clone()) else {
            // No task: let the routine go on by itself one action.
            let before = case.journal().len();
            let one = Limits {
                max_actions: 1,
                until: None,
            };
            follow(routine, case, one).map_err(stop)?;
            if case.journal().len() == before {
                return Ok(Some(text("simulate-waits", &[])));
            }
            continue;
        };
        let open = [
            ("task", task.id.0.to_string().into()),
            ("title", (&task.title).into()),
            ("role", (&task.role).into()),
        ];
        println!("\n{}", text("simulate-open-task", &open));
        let at = match retry.take().filter(|(id, _)| *id == task.id) {
            Some((_, at)) => {
                let again = at.format("%Y-%m-%d %H:%M").to_string();
                println!("  {}", text("simulate-again", &[("at", again.into())]));
                at
            }
            None => {
                let days = ask_days(&mut ask)?;
                Duration {
                    amount: days,
                    unit: Unit::Days,
                }
                .after_datetime(case.latest())
                .unwrap_or(case.latest())
            }
        };
        if case.next_due().is_some_and(|d| d <= at) {
            advance(routine, case, at).map_err(stop)?;
            continue;
        }
        let fields: Vec<String> = match task.step.as_deref().and_then(|s| routine.step(s)) {
            Some(step) if task.deadline.is_none() => match &step.kind {
                StepKind::Task { collects, .. } => collects.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let mut values = serde_json::Map::new();
        for f in &fields {
            let default = rutin::simulate::value_for(routine, f, at);
            let shown_default = match &default {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let answer = ask(&format!("  {f} [{shown_default}]: ")).ok_or_else(input_ended)?;
            let answer = answer.trim();
            let value = if answer.is_empty() {
                default
            } else {
                serde_json::from_str(answer)
                    .unwrap_or_else(|_| serde_json::Value::String(answer.to_owned()))
            };
            values.insert(f.clone(), value);
        }
        let actor = routine
            .roles
            .get(&task.role)
            .map_or(task.role.as_str(), |r| r.name.as_str())
            .to_owned();
        if let Err(e) = case.complete_task(
            routine,
            TaskRef::Id(task.id),
            &actor,
            &task.role,
            values.into(),
            at,
        ) {
            println!(
                "  {}",
                text(
                    "simulate-refused",
                    &[("error", timeline::refusal(routine, &e, role).into())]
                )
            );
            retry = Some((task.id, at));
        }
    }
    Ok(Some(text(
        "simulate-max-actions",
        &[("max", max.to_string().into())],
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(path: &str) -> Routine {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
        rutin::check_routine(&path)
            .routine
            .unwrap_or_else(|| panic!("{} does not check", path.display()))
    }

    fn start_of(path: &str) -> Option<String> {
        let routine = shipped(path);
        default_start(&routine, &example_data(&routine)).map(|d| d.to_string())
    }

    #[test]
    fn the_default_start_is_the_earliest_date_of_the_start_data() {
        // The decision date, not an installation or period date recorded later.
        assert_eq!(
            start_of("workflows/kommun_000/installation.yaml").as_deref(),
            Some("2026-06-19")
        );
        assert_eq!(
            start_of("workflows/kommun_003/not_executed.yaml").as_deref(),
            Some("2026-05-04")
        );
        // The day the assessor gave notice, not the end date it counts to.
        assert_eq!(
            start_of("workflows/kommun_000/termination.yaml").as_deref(),
            Some("2026-08-03")
        );
        // Periods are not dates: the extension starts at its decision date.
        assert_eq!(
            start_of("workflows/kommun_000/extension.yaml").as_deref(),
            Some("2026-06-10")
        );
    }

    #[test]
    fn start_data_without_a_date_has_no_default_start() {
        let routine = shipped("workflows/kommun_003/termination.yaml");
        assert_eq!(default_start(&routine, &serde_json::json!({})), None);
        assert_eq!(
            default_start(&routine, &serde_json::json!({"end_date": "2026-9-30"})),
            None
        );
    }
}
