//! `rutin::diff` between a shipped routine and a modified copy of it
//! (`tests/fixtures/diff/extension_v2`: a deadline longer, a copy to the
//! day coordinator, a field hidden, a step added, a template line added).

use std::path::{Path, PathBuf};

use rutin::diff::{Area, ChangeKind};
use rutin::model::Routine;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn routine(path: &Path) -> Routine {
    let checked = rutin::check_routine(path);
    match checked.routine {
        Some(routine) => routine,
        None => panic!("{} is valid: {:?}", path.display(), checked.diagnostics),
    }
}

fn versions() -> (Routine, Routine) {
    let old = routine(&root().join("workflows/kommun_000/extension.yaml"));
    let new = routine(&root().join("engine/tests/fixtures/diff/extension_v2/extension.yaml"));
    (old, new)
}

#[test]
fn golden_text_of_the_changes() {
    let (old, new) = versions();
    insta::assert_snapshot!("extension_v2_text", rutin::diff::diff(&old, &new).to_text());
}

#[test]
fn golden_json_of_the_changes() {
    let (old, new) = versions();
    let diff = rutin::diff::diff(&old, &new);
    let json = serde_json::to_string_pretty(&diff).unwrap_or_default();
    insta::assert_snapshot!("extension_v2_json", json);
}

#[test]
fn each_kind_of_change_is_found() {
    let (old, new) = versions();
    let diff = rutin::diff::diff(&old, &new);
    let has = |area, id: &str, kind, aspect: Option<&str>| {
        diff.changes.iter().any(|c| {
            c.area == area && c.id == id && c.kind == kind && c.aspect.as_deref() == aspect
        })
    };
    assert!(
        has(
            Area::Step,
            "confirm_execution",
            ChangeKind::Added,
            Some("after")
        ),
        "{diff:#?}"
    );
    assert!(
        has(Area::Step, "done", ChangeKind::Moved, Some("after")),
        "{diff:#?}"
    );
    let recipients = Some("recipients");
    assert!(has(
        Area::Step,
        "report_period_error",
        ChangeKind::Changed,
        recipients
    ));
    let deadline = "wait_corrected_decision.correction_reminder";
    assert!(has(
        Area::Deadline,
        deadline,
        ChangeKind::Changed,
        Some("passes")
    ));
    assert!(has(
        Area::Field,
        "correction_note",
        ChangeKind::Changed,
        Some("visibility")
    ));
    assert_eq!(diff.templates.len(), 1, "{:?}", diff.templates);
    assert!(diff.templates[0]
        .unified
        .contains("+Kontakta koordinator dag om något är oklart."));
}

#[test]
fn the_reverse_diff_mirrors_it_and_a_routine_equals_itself() {
    let (old, new) = versions();
    let back = rutin::diff::diff(&new, &old);
    assert!(back
        .changes
        .iter()
        .any(|c| c.id == "confirm_execution" && c.kind == ChangeKind::Removed));
    assert!(rutin::diff::diff(&old, &old).is_empty());
    assert!(rutin::diff::diff(&old, &old)
        .to_text()
        .ends_with("no changes\n"));
}

#[test]
fn a_changed_time_of_day_is_the_deadlines_at_aspect() {
    let old = routine(&root().join("engine/tests/fixtures/valid/time_of_day/routine.yaml"));
    let mut new = old.clone();
    let nine = chrono::NaiveTime::from_hms_opt(9, 30, 0);
    for step in &mut new.steps {
        for d in &mut step.deadlines {
            if d.id == "remind" {
                d.at = nine;
            }
        }
    }
    let diff = rutin::diff::diff(&old, &new);
    let change = diff
        .changes
        .iter()
        .find(|c| c.area == Area::Deadline && c.aspect.as_deref() == Some("at"));
    let change = change.unwrap_or_else(|| panic!("{diff:#?}"));
    assert_eq!(change.id, "check.remind");
    assert_eq!(change.old.as_deref(), Some("08:00"));
    assert_eq!(change.new.as_deref(), Some("09:30"));
    assert_eq!(diff.changes.len(), 1, "{diff:#?}");
    let text = diff.to_text();
    assert!(text.contains("09:30"), "{text}");
}

/// kommun_000's termination routine and a copy whose weekly pick-up list
/// runs every other week at 07:30, also to the day coordinator, with a
/// second list added beside it.
fn schedule_versions() -> (Routine, Routine) {
    let old = routine(&root().join("workflows/kommun_000/termination.yaml"));
    let mut new = old.clone();
    let list = &mut new.schedules[0];
    assert_eq!(list.id, "pickup_list");
    list.every = "2 veckor".parse().expect("a duration");
    list.at = chrono::NaiveTime::from_hms_opt(7, 30, 0);
    let mut copy = list.message.to[0].clone();
    copy.target = rutin::model::RecipientTarget::Role("coordinator_day".into());
    list.message.to.push(copy);
    let mut second = list.clone();
    second.id = "pickup_list_night".into();
    second.title = "Hämtlista natt".into();
    new.schedules.push(second);
    (old, new)
}

#[test]
fn a_schedule_is_compared_aspect_by_aspect() {
    let (old, new) = schedule_versions();
    let diff = rutin::diff::diff(&old, &new);
    let aspects: Vec<(&str, ChangeKind, Option<&str>)> = diff
        .changes
        .iter()
        .filter(|c| c.area == Area::Schedule)
        .map(|c| (c.id.as_str(), c.kind, c.aspect.as_deref()))
        .collect();
    assert_eq!(
        aspects,
        [
            ("pickup_list", ChangeKind::Changed, Some("runs")),
            ("pickup_list", ChangeKind::Changed, Some("at")),
            ("pickup_list", ChangeKind::Changed, Some("recipients")),
            ("pickup_list_night", ChangeKind::Added, None),
        ],
        "{diff:#?}"
    );
    assert_eq!(diff.changes.len(), 4, "{diff:#?}");
    let back = rutin::diff::diff(&new, &old);
    assert!(back
        .changes
        .iter()
        .any(|c| c.id == "pickup_list_night" && c.kind == ChangeKind::Removed));
    insta::assert_snapshot!("schedule_text_en", diff.to_text());
    let sv = rutin::diff::diff_in(&old, &new, rutin::i18n::Lang::Sv);
    insta::assert_snapshot!("schedule_text_sv", sv.to_text_in(rutin::i18n::Lang::Sv));
}

#[test]
fn a_case_wide_event_is_compared_aspect_by_aspect() {
    let old = routine(&root().join("engine/tests/fixtures/valid/case_events/routine.yaml"));
    let mut new = old.clone();
    let moved = new
        .events
        .iter_mut()
        .find(|e| e.id == "client_moved")
        .expect("the fixture has client_moved");
    moved.then = rutin::model::Interrupt::End("moved".into());
    moved.from = Some("team".into());
    moved.optional.push("interruptions".into());
    new.events.retain(|e| e.id != "decision_withdrawn");
    let diff = rutin::diff::diff(&old, &new);
    let aspects: Vec<(&str, ChangeKind, Option<&str>)> = diff
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.kind, c.aspect.as_deref()))
        .collect();
    assert_eq!(
        aspects,
        [
            ("decision_withdrawn", ChangeKind::Removed, None),
            ("client_moved", ChangeKind::Changed, Some("sent by")),
            ("client_moved", ChangeKind::Changed, Some("records")),
            ("client_moved", ChangeKind::Changed, Some("then")),
        ],
        "{diff:#?}"
    );
    insta::assert_snapshot!("case_event_text_en", diff.to_text());
    let sv = rutin::diff::diff_in(&old, &new, rutin::i18n::Lang::Sv);
    insta::assert_snapshot!("case_event_text_sv", sv.to_text_in(rutin::i18n::Lang::Sv));
}
