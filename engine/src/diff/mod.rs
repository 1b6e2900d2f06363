//! What changed between two versions of a routine, in the process owner's
//! terms: steps added, removed or moved (they now follow other steps),
//! who does a task, who gets a message, deadlines, fields and who may see
//! them, schedules, case-wide events, and every template as a line diff
//! (with `similar`).
//!
//! ```
//! let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
//!     .join("tests/fixtures/valid/everything/routine.yaml");
//! let routine = rutin::check_routine(&path).routine.expect("the fixture is valid");
//! let diff = rutin::diff::diff(&routine, &routine);
//! assert!(diff.is_empty());
//! ```

mod case_events;
mod compare;
mod schedules;
mod text;

use serde::Serialize;

use crate::model::Routine;

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The routine's header (title, owner, start step).
    Routine,
    /// A step.
    Step,
    /// A deadline of a step or of the whole case.
    Deadline,
    /// A case field.
    Field,
    /// A message template.
    Template,
    /// A schedule: a list sent across the cases at regular times.
    Schedule,
    /// An event that may come whatever step the case stands at.
    CaseEvent,
}

/// What happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// Now reached from other steps.
    Moved,
    /// Still there, but different.
    Changed,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What it is about.
    pub area: Area,
    /// The id: a step, `step.deadline` (`case.deadline` for case
    /// deadlines), a field, a template name, a schedule, a case-wide
    /// event, or a header key.
    pub id: String,
    /// The title people know it by, when it has one.
    pub title: Option<String>,
    /// What happened.
    pub kind: ChangeKind,
    /// Which aspect changed (`role`, `recipients`, `after`, `visibility`...),
    /// for [`ChangeKind::Changed`] and [`ChangeKind::Moved`].
    pub aspect: Option<String>,
    /// The old value, in words.
    pub old: Option<String>,
    /// The new value, in words.
    pub new: Option<String>,
}

/// A template whose text changed, as a unified line diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateDiff {
    /// The template's name.
    pub name: String,
    /// The unified diff (`-` old lines, `+` new lines, `@@` hunks).
    pub unified: String,
}

/// Everything that changed between two versions of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoutineDiff {
    /// The routine's id (the new version's).
    pub routine: String,
    /// The old version's label.
    pub old_version: String,
    /// The new version's label.
    pub new_version: String,
    /// Every change, by area, in the new version's order (removed things
    /// in the old version's order).
    pub changes: Vec<Change>,
    /// Templates whose text changed.
    pub templates: Vec<TemplateDiff>,
}

impl RoutineDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.templates.is_empty()
    }

    /// The diff as text for people: one line per change, then the
    /// template diffs.
    pub fn to_text(&self) -> String {
        self.to_text_in(crate::i18n::Lang::En)
    }

    /// [`RoutineDiff::to_text`] in `lang`.
    pub fn to_text_in(&self, lang: crate::i18n::Lang) -> String {
        text::render(self, lang)
    }
}

/// What changed from `old` to `new`, its values in English words.
pub fn diff(old: &Routine, new: &Routine) -> RoutineDiff {
    diff_in(old, new, crate::i18n::Lang::En)
}

/// What changed from `old` to `new`, its values in words of `lang`
/// (durations stay in Swedish, as routines write them).
pub fn diff_in(old: &Routine, new: &Routine, lang: crate::i18n::Lang) -> RoutineDiff {
    let mut changes = Vec::new();
    compare::header(old, new, &mut changes);
    compare::steps(old, new, lang, &mut changes);
    compare::deadlines(old, new, lang, &mut changes);
    compare::fields(old, new, lang, &mut changes);
    schedules::schedules(old, new, lang, &mut changes);
    case_events::case_events(old, new, lang, &mut changes);
    let templates = compare::templates(old, new, lang, &mut changes);
    changes.sort_by_key(|c| c.area);
    RoutineDiff {
        routine: new.meta.id.clone(),
        old_version: old.meta.version.clone(),
        new_version: new.meta.version.clone(),
        changes,
        templates,
    }
}
