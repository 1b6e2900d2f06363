//! The bulk simulation's report as tables for people.

use std::fmt::Write;

use rutin::simulate::{Percentiles, Report};

use crate::output::text;

fn days(p: Option<&Percentiles>) -> String {
    p.map_or("-".into(), |p| {
        format!("{:.1} / {:.1} / {:.1}", p.p50, p.p90, p.p99)
    })
}

/// The whole report: cases, deadlines, weekly workload, breaches and messages.
pub(crate) fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.title);
    let heading = text(
        "bulk-heading",
        &[
            ("cases", r.cases.to_string().into()),
            ("seed", r.seed.to_string().into()),
            ("start", r.start.to_string().into()),
            ("horizon", r.horizon.to_string().into()),
            ("weeks", r.weeks.len().to_string().into()),
        ],
    );
    let _ = writeln!(out, "{heading}\n");
    cases(&mut out, r);
    deadlines(&mut out, r);
    workload(&mut out, r);
    breaches(&mut out, r);
    messages(&mut out, r);
    for f in &r.failures {
        let failure = [
            ("cases", f.cases.to_string().into()),
            ("routine", (&f.routine).into()),
            ("message", (&f.message).into()),
        ];
        let _ = writeln!(out, "{}", text("bulk-failure", &failure));
    }
    out
}

fn cases(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "{:<16} {:>9} {:>9} {:>9} {:>7}  {}",
        text("bulk-col-routine", &[]),
        text("bulk-col-started", &[]),
        text("bulk-col-finished", &[]),
        text("bulk-col-open", &[]),
        text("bulk-col-failed", &[]),
        text("bulk-col-lead-time", &[]),
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
            text("bulk-lifecycle", &[]),
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
        let line = [
            ("routine", (&s.routine).into()),
            ("outcomes", outcomes.into()),
        ];
        let _ = writeln!(out, "{}", text("bulk-outcomes", &line));
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
    let _ = writeln!(out, "{}", text("bulk-deadlines", &[]));
    let _ = writeln!(
        out,
        "{:<56} {:>8} {:>8}  {:<10}  {:<10}",
        text("bulk-col-deadline", &[]),
        text("bulk-col-cases", &[]),
        text("bulk-col-times", &[]),
        text("bulk-col-first-week", &[]),
        text("bulk-col-peak-week", &[]),
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
    let _ = write!(out, "{:<10}", text("bulk-col-week", &[]));
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
    weekly(out, &text("bulk-tasks", &[]), r, &columns);
    for w in &active {
        let week = w.peak_week.map_or("-".into(), |d| d.to_string());
        let peak = [
            ("role", (&w.role).into()),
            ("name", (&w.name).into()),
            ("open", w.peak_open.to_string().into()),
            ("week", week.into()),
            ("opened", w.peak_opened.to_string().into()),
        ];
        let _ = writeln!(out, "{}", text("bulk-peak", &peak));
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
    weekly(out, &text("bulk-breaches", &[]), r, &columns);
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
    weekly(out, &text("bulk-messages", &[]), r, &columns);
    for m in &r.messages {
        let kind = match m.kind {
            rutin::run::AddresseeKind::Role => "role",
            rutin::run::AddresseeKind::Group => "group",
            rutin::run::AddresseeKind::Person => "person",
        };
        let kind = text("bulk-kind", &[("kind", kind.into())]);
        let total = [
            ("id", (&m.id).into()),
            ("kind", kind.into()),
            ("name", (&m.name).into()),
            ("total", m.total.to_string().into()),
        ];
        let _ = writeln!(out, "{}", text("bulk-message-total", &total));
    }
}
