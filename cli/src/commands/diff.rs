//! `rutin diff OLD NEW`: what changed between two versions of a routine,
//! and with `--db`, which running cases it concerns and whether they could
//! move (the runner's migration plan; nothing is changed).

use std::path::{Path, PathBuf};

use rutin::diff::RoutineDiff;
use rutin::runner::{MigrationPlan, Runner};

use crate::commands::case::routine_file;
use crate::db::{DbArgs, Failure};
use crate::OK;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub(crate) enum DiffFormat {
    /// One line per change, then template diffs.
    #[default]
    Text,
    /// JSON, for tools.
    Json,
}

/// Arguments of `rutin diff`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The old version's routine file.
    pub(crate) old: PathBuf,
    /// The new version's routine file.
    pub(crate) new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: DiffFormat,
    /// Also list the running cases in this database that the change
    /// concerns, and whether each could move to the new version.
    #[arg(long, value_name = "FILE")]
    pub(crate) db: Option<PathBuf>,
}

fn cases_text(plan: &MigrationPlan) -> String {
    let mut out = String::from("\nrunning cases:\n");
    for id in &plan.movable {
        out.push_str(&format!("  can move  {id}\n"));
    }
    for (id, reasons) in &plan.blocked {
        out.push_str(&format!("  cannot    {id}: {}\n", reasons.join("; ")));
    }
    for (id, error) in &plan.failed {
        out.push_str(&format!("  FAILED    {id}: {error}\n"));
    }
    for id in &plan.already {
        out.push_str(&format!("  already   {id} (runs on the new version)\n"));
    }
    out.push_str(&format!(
        "{} could move, {} cannot, {} already on it\n",
        plan.movable.len(),
        plan.blocked.len(),
        plan.already.len()
    ));
    out
}

fn cases_json(plan: &MigrationPlan) -> serde_json::Value {
    let ids =
        |list: &[rutin::run::CaseId]| list.iter().map(|id| id.to_string()).collect::<Vec<_>>();
    serde_json::json!({
        "movable": ids(&plan.movable),
        "blocked": plan.blocked.iter().map(|(id, reasons)| serde_json::json!({"case": id.to_string(), "reasons": reasons})).collect::<Vec<_>>(),
        "failed": plan.failed.iter().map(|(id, e)| serde_json::json!({"case": id.to_string(), "error": e.to_string()})).collect::<Vec<_>>(),
        "already": ids(&plan.already),
    })
}

fn plan(db: &Path, new: &Path) -> Result<MigrationPlan, Failure> {
    let (_, bundle) = routine_file(new)?;
    let mut store = DbArgs {
        db: Some(db.to_path_buf()),
    }
    .open()?;
    Ok(Runner::new().plan_migration(store.as_mut(), &bundle)?)
}

fn render(diff: &RoutineDiff, plan: Option<&MigrationPlan>, format: DiffFormat) -> String {
    match format {
        DiffFormat::Text => {
            let mut text = diff.to_text_in(crate::output::lang());
            if let Some(plan) = plan {
                text.push_str(&cases_text(plan));
            }
            text
        }
        DiffFormat::Json => {
            let mut value = serde_json::to_value(diff).unwrap_or_default();
            if let (Some(plan), Some(map)) = (plan, value.as_object_mut()) {
                map.insert("cases".to_owned(), cases_json(plan));
            }
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
    }
}

pub(crate) fn run(args: &Args) -> Result<u8, Failure> {
    let (old, _) = routine_file(&args.old)?;
    let (new, _) = routine_file(&args.new)?;
    let diff = rutin::diff::diff_in(&old, &new, crate::output::lang());
    let plan = match &args.db {
        Some(db) => Some(plan(db, &args.new)?),
        None => None,
    };
    let text = render(&diff, plan.as_ref(), args.format);
    crate::commands::graph::write_output(None, &text).map_err(Failure::usage)?;
    Ok(OK)
}
