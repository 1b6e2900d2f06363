//! Embedding the engine: load a routine, start a case, do its first task,
//! let time pass, and print the messages and the size of the journal.
//! Run with `cargo run -p rutin --example embed`.

use chrono::NaiveDate;
use rutin::run::Case;
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../workflows/kommun_000/installation.yaml");
    let routine = rutin::check_routine(&path)
        .routine
        .ok_or("the routine has errors; run `rutin check`")?;
    let at = |day, hour| {
        NaiveDate::from_ymd_opt(2026, 6, day)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .ok_or("bad date")
    };

    let data = json!({"decision_date": "2026-06-19", "client_name": "Anna Andersson",
                      "client_address": "Storgatan 1", "home_care_group": "norra"});
    let (mut case, _) = Case::start(&routine, "case-1", data, at(22, 8)?)?;
    // The order is wrong: the alarm team describes the error, the assessor is
    // told, and the case waits for a correction.
    let no = json!({"order_ok": false});
    case.complete_task(
        &routine,
        "check_order",
        "Lisa",
        "alarm_team",
        no,
        at(22, 9)?,
    )?;
    let values = json!({"order_error": "Larmklocka saknas"});
    let effects = case.complete_task(
        &routine,
        "describe_order_error",
        "Lisa",
        "alarm_team",
        values,
        at(22, 9)?,
    )?;
    // Nobody answers: the reminder comes on the clock we pass in.
    let later = case.advance(&routine, at(30, 23)?)?;
    for m in effects.messages().chain(later.messages()) {
        let to: Vec<&str> = m.recipients().map(|r| r.name.as_str()).collect();
        println!(
            "to {}: {}\n{}",
            to.join(", "),
            m.subject.as_deref().unwrap_or(""),
            m.body
        );
    }
    println!(
        "journal: {} entries, {} bytes",
        case.journal().len(),
        serde_json::to_string(&case)?.len()
    );
    Ok(())
}
