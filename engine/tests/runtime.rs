//! The runtime against the real routines under `workflows/`: every routine
//! that passes the analyzer runs from start to an end with its example
//! values, every journal replays to the same case, and views never show a
//! field to a role that may not see it.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rutin::model::{Field, FieldType, Routine, StepKind};
use rutin::run::{Case, Record, RunError};
use serde_json::{json, Map, Value as Json};

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_else(|| panic!("bad time"))
}

fn routine_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            let is_routine = path.extension().is_some_and(|e| e == "yaml")
                && path.file_name().is_some_and(|n| n != "organisation.yaml");
            if is_routine {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn load(path: &Path) -> Option<Routine> {
    let checked = rutin::check_routine(path);
    if checked.routine.is_none() {
        eprintln!("skipping {} (the analyzer reports errors)", path.display());
    }
    checked.routine
}

fn example(field: &Field) -> Json {
    if let Some(e) = &field.example {
        return e.clone();
    }
    fn default(ty: &FieldType) -> Json {
        match ty {
            FieldType::Text => json!("text"),
            FieldType::Integer => json!(1),
            FieldType::Boolean => json!(true),
            FieldType::Date => json!("2026-06-01"),
            FieldType::Period => json!({"from": "2026-01-01", "to": "2026-12-31"}),
            FieldType::Enum { values } => values.first().map_or(Json::Null, |v| json!(v)),
            FieldType::Personnummer => json!("19121212-1212"),
            FieldType::List { items } => json!([default(items)]),
        }
    }
    default(&field.ty)
}

fn examples<'a>(routine: &Routine, ids: impl IntoIterator<Item = &'a String>) -> Json {
    let map: Map<String, Json> = ids
        .into_iter()
        .filter_map(|id| routine.field(id).map(|f| (id.clone(), example(f))))
        .collect();
    Json::Object(map)
}

/// Drives a case by always doing the first thing that can be done.
fn drive(routine: &Routine, start: NaiveDateTime) -> Result<Case, (String, RunError)> {
    let required = routine.fields.iter().filter(|f| f.required).map(|f| &f.id);
    let data = examples(routine, required);
    let (mut case, _) =
        Case::start(routine, "smoke", data, start).map_err(|e| ("start".to_string(), e))?;
    let mut now = start;
    for _ in 0..300 {
        if case.is_ended() {
            break;
        }
        now += chrono::Duration::hours(20);
        let task = case.open_tasks().first().map(|t| (*t).clone());
        let event =
            case.active_steps()
                .iter()
                .find_map(|s| match routine.step(s).map(|s| &s.kind) {
                    Some(StepKind::Event {
                        event, collects, ..
                    }) => Some((event.clone(), collects.clone())),
                    _ => None,
                });
        let result = if let Some(task) = task {
            let fields: Vec<String> = match (
                &task.deadline,
                task.step.as_deref().and_then(|s| routine.step(s)),
            ) {
                (None, Some(step)) => match &step.kind {
                    StepKind::Task { collects, .. } => collects.clone(),
                    _ => Vec::new(),
                },
                (Some(d), step) => step
                    .map_or(&routine.deadlines, |s| &s.deadlines)
                    .iter()
                    .find(|x| &x.id == d)
                    .and_then(|x| x.task.as_ref())
                    .map(|t| t.collects.clone())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let values = examples(routine, &fields);
            case.complete_task(routine, task.id, "Test Person", &task.role, values, now)
                .map_err(|e| (format!("completing {:?}", task.step), e))
        } else if let Some((event, collects)) = event {
            case.deliver(routine, &event, examples(routine, &collects), now)
                .map_err(|e| (format!("delivering {event}"), e))
        } else {
            now += chrono::Duration::days(30);
            case.advance(routine, now)
                .map_err(|e| ("advancing".to_string(), e))
        };
        result?;
        let replayed =
            Case::replay(routine, case.journal()).map_err(|e| ("replay".to_string(), e))?;
        assert_eq!(replayed, case);
    }
    Ok(case)
}

#[test]
fn every_valid_routine_runs_to_an_end() {
    let files = routine_files();
    let mut ran = 0;
    for path in &files {
        let Some(routine) = load(path) else { continue };
        let case = drive(&routine, at(2026, 1, 5, 8))
            .unwrap_or_else(|(what, e)| panic!("{}: {what}: {e}", path.display()));
        assert!(
            case.is_ended(),
            "{} did not end: at {:?}",
            path.display(),
            case.active_steps()
        );
        let times: Vec<_> = case.journal().iter().map(|e| e.at).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
        for role in routine.roles.keys() {
            let view = case.view_for(&routine, role);
            for field in view.fields.keys() {
                let visible = routine
                    .field(field)
                    .is_some_and(|f| f.visibility.allows(Some(role)));
                assert!(visible, "{role} sees {field}");
            }
        }
        for entry in case.journal() {
            if let Record::MessageSent(m) = &entry.record {
                assert!(!m.body.is_empty());
            }
        }
        eprintln!(
            "{}: {} entries, outcome {:?}",
            path.display(),
            case.journal().len(),
            case.outcome()
        );
        ran += 1;
    }
    assert!(ran > 0, "no routine could be loaded from {files:?}");
}

#[test]
fn the_installation_routine_runs_as_the_document_says() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    let Some(routine) = load(&path) else {
        panic!("installation.yaml does not load");
    };
    let t0 = at(2026, 6, 22, 8);
    let data = json!({
        "decision_date": "2026-06-19",
        "client_name": "Anna Andersson",
        "client_address": "Storgatan 1, 147 30 Tumba",
        "home_care_group": "norra",
    });
    let (mut case, fx) = Case::start(&routine, "c-1", data, t0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fx.tasks_opened().count(), 1);
    let done = |case: &mut Case, step: &str, role: &str, values: Json, h: i64| {
        case.complete_task(
            &routine,
            step,
            "Anna",
            role,
            values,
            t0 + chrono::Duration::hours(h),
        )
        .unwrap_or_else(|e| panic!("{step}: {e}"))
    };
    done(
        &mut case,
        "check_order",
        "alarm_team",
        json!({"order_ok": true}),
        1,
    );
    done(
        &mut case,
        "call_client",
        "alarm_team",
        json!({"client_accepts": true}),
        2,
    );
    done(
        &mut case,
        "agree_installation",
        "alarm_team",
        json!({"keys_needed": 2, "planned_install_date": "2026-06-25"}),
        3,
    );
    done(
        &mut case,
        "install_alarm",
        "alarm_team",
        json!({"install_date": "2026-06-25", "lock_mount_date": "2026-06-25", "keys_signed_out": 2}),
        72,
    );
    done(
        &mut case,
        "sign_agreement",
        "alarm_team",
        json!({"agreement_signed": true}),
        73,
    );
    // A6: the numbers belong in the alarm team's own register, never in the case.
    let refused = case.complete_task(
        &routine,
        "register_keys",
        "Anna",
        "alarm_team",
        json!({"key_number": "N-1042", "phoniro_client_number": "558812"}),
        t0 + chrono::Duration::hours(74),
    );
    assert_eq!(refused.err().map(|e| e.code()), Some("unknown_field"));
    done(&mut case, "register_keys", "alarm_team", json!({}), 74);
    let fx = done(
        &mut case,
        "transfer_order",
        "alarm_team",
        json!({"performer_changed_date": "2026-06-25"}),
        75,
    );
    let m = fx
        .messages()
        .next()
        .cloned()
        .unwrap_or_else(|| panic!("no message"));
    assert_eq!(
        m.subject.as_deref(),
        Some("Trygghetslarm installerat 25 juni 2026 – Anna Andersson")
    );
    assert!(m.body.contains("Hemtjänstgrupp Norra ansvarar"));
    assert_eq!(m.to.len(), 4);
    assert_eq!(case.open_tasks().len(), 2);
    // A8: the coordinators execute with the recorded installation date.
    done(
        &mut case,
        "execute_night",
        "coordinator_night",
        json!({}),
        80,
    );
    let fx = done(&mut case, "execute_day", "coordinator_day", json!({}), 90);
    assert_eq!(fx.outcome(), Some("executed"));
    let journal = serde_json::to_string(case.journal()).unwrap_or_default();
    assert!(!journal.contains("N-1042") && !journal.contains("558812"));
}

/// An enumeration value mapped by its field's `groups:` reaches the group it
/// stands for (`group_of`), and `group_name` names that group.
#[test]
fn a_mapped_enumeration_value_reaches_its_group() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/group_map/routine.yaml");
    let routine = rutin::check_routine(&path)
        .routine
        .unwrap_or_else(|| panic!("the fixture checks clean"));
    for (area, group, name) in [
        ("Norr", "home_care_north", "Hemtjänst norr"),
        ("Söder", "home_care_south", "Hemtjänst söder"),
        ("night_patrol", "night_patrol", "Nattpatrullen"),
    ] {
        let data = json!({"client_name": "Anna Andersson", "area": area});
        let (_, fx) = Case::start(&routine, "c-1", data, at(2026, 3, 2, 9))
            .unwrap_or_else(|e| panic!("{area}: {e}"));
        let m = fx
            .messages()
            .next()
            .unwrap_or_else(|| panic!("{area}: no message"));
        let to: Vec<&str> = m.to.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(to, [group], "{area}");
        assert!(m.body.starts_with(&format!("Till {name}:")), "{}", m.body);
    }
}
