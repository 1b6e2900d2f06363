//! Embedding the engine: load a routine, start a case, do its first task,
//! let a month pass, and print what happened.
//!
//! Run with `cargo run -p rutin --example embed`.

use std::path::Path;

use chrono::NaiveDate;
use rutin::run::Case;
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows/kommun_000/installation.yaml");
    let routine = rutin::check_routine(&path)
        .routine
        .ok_or("the routine has errors; run `rutin check`")?;
    let day = |d: u32, h: u32| {
        NaiveDate::from_ymd_opt(2026, 6, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .ok_or("bad date")
    };

    let data = json!({"decision_date": "2026-06-19", "client_name": "Anna Andersson",
                      "client_address": "Storgatan 1", "home_care_group_name": "Hemtjänstgrupp Norra"});
    let (mut case, _) = Case::start(&routine, "case-1", data, day(22, 8)?)?;
    // The order is wrong: the assessor gets a message and the case waits for a correction.
    let effects = case.complete_task(
        &routine,
        "check_order",
        "Lisa",
        "alarm_team",
        json!({"order_ok": false, "order_error": "Larmklocka saknas"}),
        day(22, 9)?,
    )?;
    for m in effects.messages() {
        let to: Vec<&str> = m.recipients().map(|r| r.name.as_str()).collect();
        let subject = m.subject.as_deref().unwrap_or("");
        println!("to {}: {subject}\n{}\n", to.join(", "), m.body);
    }
    // Nobody answers: reminders follow on the clock.
    let effects = case.advance(&routine, day(30, 23)?)?;
    effects
        .deadlines_fired()
        .for_each(|d| println!("{} fired {}", d.deadline, d.at));
    println!(
        "open tasks for alarm_team: {}",
        case.open_tasks_for("alarm_team").len()
    );
    println!(
        "journal: {} entries, {} bytes",
        case.journal().len(),
        serde_json::to_string(&case)?.len()
    );
    Ok(())
}
