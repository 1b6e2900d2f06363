//! A diff as text for people: one line per change, then template diffs.

use std::fmt::Write as _;

use super::{Area, Change, ChangeKind, RoutineDiff};

fn area(a: Area) -> &'static str {
    match a {
        Area::Routine => "routine",
        Area::Step => "step",
        Area::Deadline => "deadline",
        Area::Field => "field",
        Area::Template => "template",
    }
}

fn line(c: &Change) -> String {
    let name = match &c.title {
        Some(title) => format!("{} {title} ({})", area(c.area), c.id),
        None => format!("{} {}", area(c.area), c.id),
    };
    let old = c.old.as_deref().unwrap_or("");
    let new = c.new.as_deref().unwrap_or("");
    let aspect = c.aspect.as_deref().unwrap_or("");
    match c.kind {
        ChangeKind::Added if new.is_empty() => format!("+ {name} added"),
        ChangeKind::Added if c.area == Area::Step => format!("+ {name} added, after {new}"),
        ChangeKind::Added => format!("+ {name} added: {new}"),
        ChangeKind::Removed if old.is_empty() => format!("- {name} removed"),
        ChangeKind::Removed => format!("- {name} removed (was: {old})"),
        ChangeKind::Moved => format!("~ {name} moved: now after {new} (was after {old})"),
        ChangeKind::Changed if c.area == Area::Template => format!("~ {name} text changed (below)"),
        ChangeKind::Changed => format!("~ {name}: {aspect} now {new} (was {old})"),
    }
}

pub(super) fn render(diff: &RoutineDiff) -> String {
    let mut out = format!(
        "routine {}: version {} → {}\n",
        diff.routine, diff.old_version, diff.new_version
    );
    if diff.is_empty() {
        out.push_str("no changes\n");
        return out;
    }
    for c in &diff.changes {
        let _ = writeln!(out, "{}", line(c));
    }
    for t in &diff.templates {
        let _ = write!(out, "\ntemplate {}:\n{}", t.name, t.unified);
    }
    let _ = writeln!(out, "\n{} change(s)", diff.changes.len());
    out
}
