//! Deadlines with a time of day (`at: "08:00"`) and counted in years, on a
//! virtual clock.

use chrono::{NaiveDateTime, NaiveTime};
use serde_json::json;

use super::fixture::*;
use super::*;
use crate::model::{Deadline, DeadlineStart, Repeat, StepKind};

/// A routine with one task step `work` carrying `deadline` (with a
/// message), then an end; `decision_date` optional.
fn one_deadline(mut deadline: Deadline) -> Routine {
    deadline.message = Some(message("reminder", vec![role("alarm_team")]));
    let mut work = task("work", "alarm_team", &[], &[], next("done"));
    work.deadlines = vec![deadline];
    let done = step(
        "done",
        StepKind::End {
            outcome: "done".into(),
        },
        Vec::new(),
    );
    let mut r = bare("work", vec![work, done]);
    r.fields.iter_mut().for_each(|f| f.required = false);
    r
}

fn at(after: &str, hour: u32, minute: u32) -> Deadline {
    let mut d = deadline("d", after);
    d.at = NaiveTime::from_hms_opt(hour, minute, 0);
    d
}

fn minute(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    t(y, m, d, h) + chrono::Duration::minutes(i64::from(mi))
}

/// When the deadline falls due for a case started at `start` with `data`.
fn due(d: Deadline, data: serde_json::Value, start: NaiveDateTime) -> NaiveDateTime {
    let r = one_deadline(d);
    let (case, _) = ok(Case::start(&r, "c", data, start));
    case.pending_deadlines()[0].due
}

fn from_decision(mut d: Deadline) -> Deadline {
    d.from = DeadlineStart::Field("decision_date".into());
    d
}

#[test]
fn a_deadline_from_a_date_field_falls_at_its_time_of_day() {
    let data = json!({"decision_date": "2026-03-02"});
    let d = from_decision(at("1 month", 8, 0));
    assert_eq!(due(d, data.clone(), t(2026, 3, 5, 14)), t(2026, 4, 2, 8));
    let d = from_decision(at("10 working days", 16, 30));
    // Monday 2 March + 10 working days = Monday 16 March.
    assert_eq!(due(d, data, t(2026, 3, 5, 14)), minute(2026, 3, 16, 16, 30));
}

#[test]
fn a_case_started_after_eight_gets_its_deadline_at_eight_on_the_due_day() {
    let table = [
        // Monday 14:00 + 1 day: Tuesday 08:00, not 14:00.
        ("1 day", t(2026, 3, 2, 14), t(2026, 3, 3, 8)),
        // Monday 06:00 + 1 day: Tuesday 08:00 too.
        ("1 day", t(2026, 3, 2, 6), t(2026, 3, 3, 8)),
        // Thursday before Easter 15:00: the next working day is Tuesday.
        ("1 working day", t(2026, 4, 2, 15), t(2026, 4, 7, 8)),
        // Zero days after 14:00: 08:00 has passed, so tomorrow at 08:00.
        ("0 days", t(2026, 3, 2, 14), t(2026, 3, 3, 8)),
    ];
    for (after, start, expected) in table {
        assert_eq!(
            due(at(after, 8, 0), json!(null), start),
            expected,
            "{after}"
        );
    }
}

#[test]
fn it_fires_at_that_time_on_the_virtual_clock_not_before() {
    let r = one_deadline(at("1 day", 8, 0));
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 3, 2, 14)));
    let before = minute(2026, 3, 3, 7, 59);
    assert!(ok(case.advance(&r, before))
        .deadlines_fired()
        .next()
        .is_none());
    let fx = ok(case.advance(&r, t(2026, 3, 3, 12)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(fired, vec![("d", t(2026, 3, 3, 8))]);
    assert_eq!(fx.messages().count(), 1);
}

#[test]
fn repeats_keep_the_time_of_day() {
    let mut d = at("1 day", 8, 0);
    d.repeat = Some(Repeat {
        every: dur("1 week"),
        times: Some(2),
    });
    let r = one_deadline(d);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 3, 2, 14)));
    let fx = ok(case.advance(&r, t(2026, 4, 1, 0)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| d.at).collect();
    assert_eq!(
        fired,
        vec![t(2026, 3, 3, 8), t(2026, 3, 10, 8), t(2026, 3, 17, 8)]
    );
}

#[test]
fn a_year_is_a_calendar_year() {
    let data = json!({"decision_date": "2024-02-29"});
    let d = from_decision(at("1 year", 8, 0));
    assert_eq!(due(d, data, t(2024, 3, 1, 9)), t(2025, 2, 28, 8));
    assert_eq!(
        due(deadline("d", "2 år"), json!(null), t(2026, 6, 19, 10)),
        t(2028, 6, 19, 10)
    );
}

#[test]
fn without_a_time_of_day_the_journal_is_as_before() {
    // `at: None` serializes nothing new: the armed deadline keeps the start's time.
    let r = one_deadline(deadline("d", "1 day"));
    let (case, _) = ok(Case::start(
        &r,
        "c",
        json!(null),
        minute(2026, 3, 2, 14, 30),
    ));
    assert_eq!(case.pending_deadlines()[0].due, minute(2026, 3, 3, 14, 30));
    let json = serde_json::to_string(&r.steps[0].deadlines[0]).unwrap_or_default();
    assert!(!json.contains("\"at\""), "{json}");
}

#[test]
fn a_schedule_with_a_time_of_day_runs_next_at_that_time() {
    let mut routine = routine();
    routine.schedules[0].at = NaiveTime::from_hms_opt(8, 0, 0);
    let next = |now| {
        let run = ok(crate::run::run_schedule(
            &routine,
            "monthly_not_executed",
            &[],
            now,
        ));
        run.next_run
    };
    // Run at 14:30 on 5 March: next month's 5th at 08:00.
    assert_eq!(next(minute(2026, 3, 5, 14, 30)), Some(t(2026, 4, 5, 8)));
    // Run at 06:00 on 31 January: 28 February at 08:00.
    assert_eq!(next(t(2026, 1, 31, 6)), Some(t(2026, 2, 28, 8)));
}
