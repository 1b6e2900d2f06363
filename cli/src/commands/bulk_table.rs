//! The bulk simulation's report as tables for people.

use std::fmt::Write;

use rutin::simulate::{Percentiles, Report};

fn days(p: Option<&Percentiles>) -> String {
    p.map_or("-".into(), |p| {
        format!("{:.1} / {:.1} / {:.1}", p.p50, p.p90, p.p99)
    })
}

/// The whole report: cases, deadlines, weekly workload, breaches and messages.
pub(crate) fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.title);
    let _ = writeln!(
        out,
        "{} cases, seed {}, from {} to the horizon {} ({} weeks)\n",
        r.cases,
        r.seed,
        r.start,
        r.horizon,
        r.weeks.len()
    );
    cases(&mut out, r);
    deadlines(&mut out, r);
    workload(&mut out, r);
    breaches(&mut out, r);
    messages(&mut out, r);
    for f in &r.failures {
        let _ = writeln!(
            out,
            "error in {} cases of {}: {}",
            f.cases, f.routine, f.message
        );
    }
    out
}

fn cases(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "{:<16} {:>9} {:>9} {:>9} {:>7}  lead time p50 / p90 / p99 (days)",
        "routine", "started", "finished", "open", "failed"
    );
    for s in &r.stages {
        let _ = writeln!(
            out,
            "{:<16} {:>9} {:>9} {:>9} {:>7}  {}",
            s.routine,
            s.started,
            s.finished,
            s.open,
            s.failed,
            days(s.lead_time_days.as_ref())
        );
    }
    if let Some(l) = &r.lifecycle {
        let started = r.stages.first().map_or(0, |s| s.started);
        let _ = writeln!(
            out,
            "{:<16} {:>9} {:>9} {:>9} {:>7}  {}",
            "whole lifecycle",
            started,
            l.finished,
            started.saturating_sub(l.finished),
            "",
            days(l.lead_time_days.as_ref())
        );
    }
    for s in &r.stages {
        let outcomes: Vec<String> = s.outcomes.iter().map(|(o, n)| format!("{o} {n}")).collect();
        let outcomes = if outcomes.is_empty() {
            "-".to_owned()
        } else {
            outcomes.join(", ")
        };
        let _ = writeln!(out, "outcomes of {}: {outcomes}", s.routine);
    }
    out.push('\n');
}

fn deadline_name(d: &rutin::simulate::DeadlineReport) -> String {
    match &d.step {
        Some(step) => format!("{}/{}/{}", d.routine, step, d.deadline),
        None => format!("{}/{}", d.routine, d.deadline),
    }
}

fn deadlines(out: &mut String, r: &Report) {
    let _ = writeln!(out, "Deadlines breached (expired and acted)");
    let _ = writeln!(
        out,
        "{:<56} {:>8} {:>8}  {:<10}  {:<10}",
        "deadline (routine/step/id)", "cases", "times", "first week", "peak week"
    );
    for d in &r.deadlines {
        let first = d.per_week.iter().position(|n| *n > 0);
        let peak = d
            .per_week
            .iter()
            .enumerate()
            .max_by_key(|(w, n)| (**n, std::cmp::Reverse(*w)))
            .filter(|(_, n)| **n > 0)
            .map(|(w, _)| w);
        let week = |w: Option<usize>| {
            w.and_then(|w| r.weeks.get(w))
                .map_or("-".into(), |d| d.to_string())
        };
        let _ = writeln!(
            out,
            "{:<56} {:>8} {:>8}  {:<10}  {:<10}",
            deadline_name(d),
            d.cases,
            d.fired,
            week(first),
            week(peak)
        );
    }
    out.push('\n');
}

/// A table with one row per week and one column per series.
fn weekly(out: &mut String, title: &str, r: &Report, columns: &[(String, Vec<String>)]) {
    if columns.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}");
    let widths: Vec<usize> = columns
        .iter()
        .map(|(h, cells)| {
            cells
                .iter()
                .map(String::len)
                .chain([h.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let _ = write!(out, "{:<10}", "week");
    for ((h, _), w) in columns.iter().zip(&widths) {
        let _ = write!(out, "  {h:>w$}");
    }
    out.push('\n');
    for (i, week) in r.weeks.iter().enumerate() {
        let _ = write!(out, "{week}");
        for ((_, cells), w) in columns.iter().zip(&widths) {
            let _ = write!(out, "  {:>w$}", cells.get(i).map_or("", String::as_str));
        }
        out.push('\n');
    }
}

fn workload(out: &mut String, r: &Report) {
    let active: Vec<_> = r.workload.iter().filter(|w| w.peak_opened > 0).collect();
    let columns: Vec<(String, Vec<String>)> = active
        .iter()
        .map(|w| {
            let cells = w
                .opened
                .iter()
                .zip(&w.open_at_week_end)
                .map(|(o, e)| format!("{o}/{e}"))
                .collect();
            (w.role.clone(), cells)
        })
        .collect();
    weekly(
        out,
        "Tasks per role and week (opened / open at the week's end)",
        r,
        &columns,
    );
    for w in &active {
        let week = w.peak_week.map_or("-".into(), |d| d.to_string());
        let _ = writeln!(
            out,
            "peak {} ({}): {} open at the end of the week of {week}; at most {} opened in a week",
            w.role, w.name, w.peak_open, w.peak_opened
        );
    }
    out.push('\n');
}

fn breaches(out: &mut String, r: &Report) {
    let columns: Vec<(String, Vec<String>)> = r
        .deadlines
        .iter()
        .filter(|d| d.fired > 0)
        .map(|d| {
            (
                d.deadline.clone(),
                d.per_week.iter().map(u32::to_string).collect(),
            )
        })
        .collect();
    if columns.is_empty() {
        return;
    }
    weekly(out, "Deadlines breached per week", r, &columns);
    out.push('\n');
}

fn messages(out: &mut String, r: &Report) {
    let columns: Vec<(String, Vec<String>)> = r
        .messages
        .iter()
        .map(|m| {
            (
                m.id.clone(),
                m.per_week.iter().map(u32::to_string).collect(),
            )
        })
        .collect();
    weekly(
        out,
        "Messages per recipient (role, group or person) and week",
        r,
        &columns,
    );
    for m in &r.messages {
        let kind = match m.kind {
            rutin::run::AddresseeKind::Role => "role",
            rutin::run::AddresseeKind::Group => "group",
            rutin::run::AddresseeKind::Person => "person",
        };
        let _ = writeln!(out, "{} ({kind}, {}): {} messages", m.id, m.name, m.total);
    }
}
