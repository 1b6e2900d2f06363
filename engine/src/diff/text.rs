//! A diff as text for people: one line per change, then template diffs,
//! in a language (`engine/i18n/<lang>/diff.ftl`). The values compared are
//! shown as the comparison words them.

use std::fmt::Write as _;

use super::{Area, Change, ChangeKind, RoutineDiff};
use crate::i18n::{text, Lang};

fn area(a: Area) -> &'static str {
    match a {
        Area::Routine => "routine",
        Area::Step => "step",
        Area::Deadline => "deadline",
        Area::Field => "field",
        Area::Template => "template",
        Area::Schedule => "schedule",
        Area::CaseEvent => "case-event",
    }
}

fn line(c: &Change, lang: Lang) -> String {
    let noun = text(lang, "diff-area", &[("area", area(c.area).into())]);
    let name = match &c.title {
        Some(title) => format!("{noun} {title} ({})", c.id),
        None => format!("{noun} {}", c.id),
    };
    let old = c.old.as_deref().unwrap_or("");
    let new = c.new.as_deref().unwrap_or("");
    let aspect = c.aspect.as_deref().unwrap_or("");
    let id = match c.kind {
        ChangeKind::Added if new.is_empty() => "diff-added",
        ChangeKind::Added if c.area == Area::Step => "diff-added-after",
        ChangeKind::Added => "diff-added-as",
        ChangeKind::Removed if old.is_empty() => "diff-removed",
        ChangeKind::Removed => "diff-removed-was",
        ChangeKind::Moved => "diff-moved",
        ChangeKind::Changed if c.area == Area::Template => "diff-template-changed",
        ChangeKind::Changed => "diff-changed",
    };
    let key = aspect.replace(' ', "-");
    let aspect = text(
        lang,
        "diff-aspect",
        &[("key", key.into()), ("aspect", aspect.into())],
    );
    text(
        lang,
        id,
        &[
            ("name", name.into()),
            ("old", old.into()),
            ("new", new.into()),
            ("aspect", aspect.into()),
            ("area", area(c.area).into()),
        ],
    )
}

pub(super) fn render(diff: &RoutineDiff, lang: Lang) -> String {
    let heading = text(
        lang,
        "diff-heading",
        &[
            ("routine", (&diff.routine).into()),
            ("old", (&diff.old_version).into()),
            ("new", (&diff.new_version).into()),
        ],
    );
    let mut out = format!("{heading}\n");
    if diff.is_empty() {
        let _ = writeln!(out, "{}", text(lang, "diff-no-changes", &[]));
        return out;
    }
    for c in &diff.changes {
        let _ = writeln!(out, "{}", line(c, lang));
    }
    for t in &diff.templates {
        let name = text(lang, "diff-template", &[("name", (&t.name).into())]);
        let _ = write!(out, "\n{name}\n{}", t.unified);
    }
    let count = diff.changes.len().to_string();
    let _ = writeln!(
        out,
        "\n{}",
        text(lang, "diff-count", &[("count", count.into())])
    );
    out
}
