//! What the benches share: the shipped installation routine of
//! `workflows/kommun_000` (the real YAML) and its happy path.

use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rutin::model::Routine;
use rutin::run::Case;
use serde_json::{json, Value};

pub fn routine() -> Routine {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    match rutin::check_routine(&path).routine {
        Some(r) => r,
        None => panic!("installation.yaml has errors"),
    }
}

pub fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 6, 22)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default()
}

pub fn data() -> Value {
    json!({"decision_date": "2026-06-19", "client_name": "Anna Andersson",
           "client_address": "Storgatan 1, 147 30 Tumba", "home_care_group": "norra"})
}

pub fn start(r: &Routine) -> Case {
    match Case::start(r, "case-1", data(), t0()) {
        Ok((case, _)) => case,
        Err(e) => panic!("{e}"),
    }
}

/// The happy path after the start: (step, role, values).
pub fn steps() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("check_order", "alarm_team", json!({"order_ok": true})),
        ("call_client", "alarm_team", json!({"client_accepts": true})),
        (
            "agree_installation",
            "alarm_team",
            json!({"keys_needed": 2, "planned_install_date": "2026-06-25"}),
        ),
        (
            "install_alarm",
            "alarm_team",
            json!({"install_date": "2026-06-25", "lock_mount_date": "2026-06-25", "keys_signed_out": 2}),
        ),
        (
            "sign_agreement",
            "alarm_team",
            json!({"agreement_signed": true}),
        ),
        ("register_keys", "alarm_team", json!({})),
        (
            "transfer_order",
            "alarm_team",
            json!({"performer_changed_date": "2026-06-25"}),
        ),
        ("execute_night", "coordinator_night", json!({})),
        ("execute_day", "coordinator_day", json!({})),
    ]
}

pub fn run_all(r: &Routine) -> Case {
    let mut case = start(r);
    for (i, (step, role, values)) in steps().into_iter().enumerate() {
        let at = t0() + Duration::hours(i as i64 + 1);
        if let Err(e) = case.complete_task(r, step, "Anna", role, values, at) {
            panic!("{step}: {e}");
        }
    }
    case
}

/// A case `id` started at `at` whose order was wrong: it waits for the
/// assessor's correction, with reminders over a month and an escalation task.
pub fn waiting(r: &Routine, id: &str, at: NaiveDateTime) -> Case {
    let (mut case, _) = match Case::start(r, id, data(), at) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    };
    let at = at + Duration::hours(1);
    let wrong = [
        ("check_order", json!({"order_ok": false})),
        (
            "describe_order_error",
            json!({"order_error": "Larmklocka saknas"}),
        ),
    ];
    for (step, values) in wrong {
        if let Err(e) = case.complete_task(r, step, "Lisa", "alarm_team", values, at) {
            panic!("{step}: {e}");
        }
    }
    case
}

/// Case `id` on the happy path with its first `tasks` tasks done (the
/// runner benches complete the next one through a store).
pub fn after_tasks(r: &Routine, id: &str, tasks: usize) -> Case {
    let mut case = match Case::start(r, id, data(), t0()) {
        Ok((case, _)) => case,
        Err(e) => panic!("{e}"),
    };
    for (i, (step, role, values)) in steps().into_iter().take(tasks).enumerate() {
        let at = t0() + Duration::hours(i as i64 + 1);
        if let Err(e) = case.complete_task(r, step, "Anna", role, values, at) {
            panic!("{step}: {e}");
        }
    }
    case
}
