//! The reading `rutin case` commands: show, history, list, tasks, verify.
//! They change nothing.

use std::collections::{BTreeMap, BTreeSet};

use rutin::run::{CaseId, JournalEntry, Record};
use rutin::runner::{LoadedCase, Runner};
use rutin::store::{CaseFilter, CaseIndex, OutboxItem, OutboxSource, OutboxStatus};

use super::case::{known_role, not_a_role};
use crate::db::{Db, Failure};
use crate::input::minute;
use crate::output::{eprintln, lang, print, println, text, Format};
use crate::timeline;

/// A case with its pinned routine, for `role` when given (a role the routine lacks is refused).
fn open_as(
    db: &mut Db,
    runner: &mut Runner,
    id: &str,
    role: Option<&str>,
) -> Result<LoadedCase, Failure> {
    let (_, loaded) = runner.load(db.as_mut(), &CaseId::from(id))?;
    known_role(&loaded.routine, role)?;
    Ok(loaded)
}

/// The journal as `role` may see it.
fn journal_for(loaded: &LoadedCase, role: Option<&str>) -> Vec<JournalEntry> {
    match role {
        Some(r) => loaded.case.view_for(&loaded.routine, r).journal,
        None => loaded.case.journal().to_vec(),
    }
}

/// `case show`.
pub(crate) fn show(
    db: &mut Db,
    runner: &mut Runner,
    id: &str,
    role: Option<&str>,
    format: Format,
) -> Result<(), Failure> {
    let loaded = open_as(db, runner, id, role)?;
    let (case, routine) = (&loaded.case, &loaded.routine);
    if format == Format::Json {
        let json = match role {
            Some(r) => serde_json::to_string_pretty(&case.view_for(routine, r)),
            None => serde_json::to_string_pretty(case.journal()),
        };
        println!("{}", json.unwrap_or_default());
        return Ok(());
    }
    let heading = [
        ("id", id.into()),
        ("title", (&routine.meta.title).into()),
        ("routine", (&routine.meta.id).into()),
        ("version", (&routine.meta.version).into()),
        ("status", status(case.outcome()).into()),
    ];
    println!("{}", text("case-heading", &heading));
    for task in case.open_tasks() {
        if role.is_none_or(|r| r == task.role) {
            let open = [
                ("task", task.id.0.to_string().into()),
                ("title", (&task.title).into()),
                ("role", (&task.role).into()),
            ];
            println!("  {}", text("case-open-task", &open));
        }
    }
    if let Some(due) = case.next_due() {
        println!(
            "  {}",
            text("case-next-due", &[("due", minute(due).into())])
        );
    }
    // The failure summary comes from the role's view too: a failure's
    // explanation may quote a value the role may not see.
    let journal = journal_for(&loaded, role);
    print!("{}", timeline::failures(&rutin::run::failures_in(&journal)));
    println!();
    print!("{}", timeline::render(routine, &journal));
    Ok(())
}

/// `open`, or `ended: outcome`.
fn status(outcome: Option<&str>) -> String {
    match outcome {
        Some(outcome) => text("case-ended", &[("outcome", outcome.into())]),
        None => text("case-open", &[]),
    }
}

/// `case history`: the journal as a timeline, then each message's delivery.
pub(crate) fn history(
    db: &mut Db,
    runner: &mut Runner,
    id: &str,
    role: Option<&str>,
    format: Format,
) -> Result<(), Failure> {
    let loaded = open_as(db, runner, id, role)?;
    let journal = journal_for(&loaded, role);
    let sent: BTreeSet<u64> = journal
        .iter()
        .filter(|e| matches!(e.record, Record::MessageSent(_)))
        .map(|e| e.seq)
        .collect();
    let outbox: BTreeMap<u64, OutboxItem> = db
        .outbox(None)?
        .into_iter()
        .filter_map(|item| match &item.source {
            OutboxSource::Case { case, seq } if case.0 == id && sent.contains(seq) => {
                Some((*seq, item))
            }
            _ => None,
        })
        .collect();
    if format == Format::Json {
        let deliveries: Vec<serde_json::Value> = outbox
            .iter()
            .map(|(seq, item)| delivery_json(*seq, item))
            .collect();
        let json = serde_json::json!({"journal": journal, "deliveries": deliveries});
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
        return Ok(());
    }
    print!("{}", timeline::render(&loaded.routine, &journal));
    if !outbox.is_empty() {
        println!();
        println!("{}", text("case-delivery", &[]));
        for (seq, item) in &outbox {
            let entry = [
                ("seq", seq.to_string().into()),
                ("delivery", delivery_text(item).into()),
            ];
            println!("  {}", text("case-delivery-entry", &entry));
        }
    }
    Ok(())
}

/// Where an outbox item stands, in one line.
pub(crate) fn delivery_text(item: &OutboxItem) -> String {
    let attempts = text("case-attempts", &[("count", item.attempts.into())]);
    match item.status {
        OutboxStatus::Sent => {
            let at = item.sent_at.map(minute).unwrap_or_default();
            text(
                "case-sent",
                &[("at", at.into()), ("attempts", attempts.into())],
            )
        }
        OutboxStatus::Pending => match (&item.last_error, item.next_attempt) {
            (Some(why), Some(next)) => text(
                "case-pending-retry",
                &[
                    ("next", minute(next).into()),
                    ("attempts", attempts.into()),
                    ("why", why.into()),
                ],
            ),
            _ => text("case-pending", &[]),
        },
        OutboxStatus::Failed => {
            let why = item
                .last_error
                .clone()
                .unwrap_or_else(|| text("case-no-reason", &[]));
            text(
                "case-failed",
                &[("attempts", attempts.into()), ("why", why.into())],
            )
        }
    }
}

fn delivery_json(seq: u64, item: &OutboxItem) -> serde_json::Value {
    serde_json::json!({
        "seq": seq,
        "status": item.status.as_str(),
        "attempts": item.attempts,
        "next_attempt": item.next_attempt.map(minute),
        "last_error": item.last_error,
        "sent_at": item.sent_at.map(minute),
    })
}

/// Every stored case, loaded as far as it can be: the cases, and why the others cannot be read.
struct Survey {
    cases: Vec<(CaseId, LoadedCase)>,
    damaged: Vec<(CaseId, String)>,
}

fn survey(db: &mut Db, runner: &mut Runner, filter: &CaseFilter) -> Result<Survey, Failure> {
    let mut survey = Survey {
        cases: Vec::new(),
        damaged: Vec::new(),
    };
    for listed in db.cases(filter)? {
        match runner.load(db.as_mut(), &listed.id) {
            Ok((_, loaded)) => survey.cases.push((listed.id, loaded)),
            Err(e) => survey.damaged.push((listed.id, e.message_in(lang()))),
        }
    }
    Ok(survey)
}

fn damaged_failure(damaged: &[(CaseId, String)]) -> Result<(), Failure> {
    if damaged.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = damaged.iter().map(|(id, _)| id.0.as_str()).collect();
    Err(Failure::usage(text(
        "case-damaged-cases",
        &[
            ("count", ids.len().to_string().into()),
            ("ids", ids.join(", ").into()),
        ],
    )))
}

/// `case list`: every case; unreadable ones are listed as such and make the exit status 2.
/// Failures are shown as `role` may read them (no role: as one who sees public fields only).
pub(crate) fn list(
    db: &mut Db,
    runner: &mut Runner,
    role: Option<&str>,
    format: Format,
) -> Result<(), Failure> {
    let survey = survey(db, runner, &CaseFilter::default())?;
    if let Some(role) = role {
        known_in_any(&survey, role)?;
    }
    let mut rows: Vec<serde_json::Value> = Vec::new();
    let mut failed = BTreeMap::new();
    for (id, loaded) in &survey.cases {
        let case = &loaded.case;
        let failures = case.failures_for(&loaded.routine, role);
        failed.insert(id.0.clone(), timeline::failures(&failures));
        rows.push(serde_json::json!({
            "id": id,
            "routine": loaded.routine.meta.id,
            "version": loaded.routine.meta.version,
            "status": if case.is_ended() { "ended" } else { "open" },
            "outcome": case.outcome(),
            "open_tasks": case.open_tasks().len(),
            "latest": minute(case.latest()),
            "next_due": case.next_due().map(minute),
        }));
    }
    for (id, error) in &survey.damaged {
        rows.push(serde_json::json!({"id": id, "error": error}));
    }
    rows.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        ),
        Format::Text => print_rows(&rows, &failed),
    }
    damaged_failure(&survey.damaged)
}

/// The rows of `case list`, each followed by its case's failures (`failed`, by id).
fn print_rows(rows: &[serde_json::Value], failed: &BTreeMap<String, String>) {
    for row in rows {
        let id = row["id"].as_str().unwrap_or("");
        if let Some(error) = row.get("error").and_then(|e| e.as_str()) {
            println!("{id:<20} {}  {error}", text("case-damaged-row", &[]));
            continue;
        }
        let status = status(row["outcome"].as_str());
        let due = row["next_due"]
            .as_str()
            .map_or_else(String::new, |d| text("case-row-due", &[("due", d.into())]));
        let tasks = text(
            "case-row-tasks",
            &[
                ("count", row["open_tasks"].to_string().into()),
                ("latest", row["latest"].as_str().unwrap_or("").into()),
                ("due", due.into()),
            ],
        );
        println!(
            "{id:<20} {status:<18} {tasks}  ({} {})",
            row["routine"].as_str().unwrap_or(""),
            row["version"].as_str().unwrap_or("")
        );
        print!("{}", failed.get(id).map_or("", String::as_str));
    }
    let count = rows.len().to_string();
    println!("{}", text("case-count", &[("count", count.into())]));
}

/// Refuses a role that none of the surveyed cases' routines has.
fn known_in_any(survey: &Survey, role: &str) -> Result<(), Failure> {
    let roles: BTreeSet<&String> = survey
        .cases
        .iter()
        .flat_map(|(_, c)| c.routine.roles.keys())
        .collect();
    if !roles.is_empty() && !roles.iter().any(|r| *r == role) {
        return Err(not_a_role(role, &text("case-any-routine", &[]), roles));
    }
    Ok(())
}

/// `case tasks`: open tasks across the open cases.
pub(crate) fn tasks(db: &mut Db, runner: &mut Runner, role: Option<&str>) -> Result<(), Failure> {
    let open = CaseFilter {
        open_only: true,
        ..Default::default()
    };
    let survey = survey(db, runner, &open)?;
    if let Some(role) = role {
        known_in_any(&survey, role)?;
    }
    for (id, error) in &survey.damaged {
        let message = text(
            "case-cannot-read",
            &[("id", id.0.as_str().into()), ("error", error.into())],
        );
        eprintln!("{}", text("warning-line", &[("message", message.into())]));
    }
    let mut count = 0;
    for (id, loaded) in &survey.cases {
        for task in loaded.case.open_tasks() {
            if role.is_none_or(|r| r == task.role) {
                count += 1;
                let what = task.deadline.clone().or_else(|| task.step.clone());
                let since = text("case-task-since", &[("at", minute(task.opened).into())]);
                println!(
                    "{:<20} {:<28} [{}] {since}",
                    id.0,
                    what.unwrap_or_default(),
                    task.role,
                );
                println!("{:<20} {}", "", task.title);
            }
        }
    }
    println!(
        "{}",
        text("case-task-count", &[("count", count.to_string().into())])
    );
    damaged_failure(&survey.damaged)
}

/// `case verify`: every case loads (hash chain, replay, fit to its routine)
/// and its stored index is the one its replay gives.
pub(crate) fn verify(db: &mut Db, runner: &mut Runner) -> Result<(), Failure> {
    let mut problems = Vec::new();
    let listed = db.cases(&CaseFilter::default())?;
    for case in &listed {
        match runner.load(db.as_mut(), &case.id) {
            Err(e) => problems.push(text(
                "case-problem",
                &[
                    ("id", case.id.0.as_str().into()),
                    ("error", e.message_in(lang()).into()),
                ],
            )),
            Ok((stored, loaded)) => {
                let replayed = CaseIndex::of(&loaded.case, loaded.bundle.clone());
                if replayed != stored.index {
                    problems.push(text(
                        "case-bad-index",
                        &[
                            ("id", case.id.0.as_str().into()),
                            ("stored", format!("{:?}", stored.index).into()),
                            ("replayed", format!("{replayed:?}").into()),
                        ],
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        let count = listed.len().to_string();
        println!("{}", text("case-verified", &[("count", count.into())]));
        Ok(())
    } else {
        let counts = [
            ("problems", problems.len().to_string().into()),
            ("count", listed.len().to_string().into()),
        ];
        Err(Failure::problem(format!(
            "{}\n{}",
            text("case-not-verified", &counts),
            problems.join("\n")
        )))
    }
}
