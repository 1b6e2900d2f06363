//! Following a routine by itself up to a time, and the rounds of a case
//! that goes round again.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use super::{follow, next_action, rounds, Limits, Next, Stop};
use crate::model::Routine;
use crate::run::Case;

/// A yearly check with a retry loop inside each year: a failed check is
/// tried again a week later; a good one waits a year from the last check.
const ANNUAL: &str = r#"
routine: {id: annual, version: 1, title: Årlig kontroll}
roles: {team: {name: Teamet}}
fields:
  works: {type: boolean, example: true}
  rounds: {type: integer}
  last_check: {type: date}
  removed: {type: boolean}
start: register
steps:
  register: {kind: task, title: Registrera, role: team, next: check}
  check:
    kind: task
    title: Kontrollera
    role: team
    collects: [works]
    optional: [removed]
    set: {last_check: today}
    routes:
      - when: removed
        to: gone
      - when: works
        set: {rounds: "(rounds or 0) + 1"}
        to: next_year
      - otherwise: retry
  retry:
    kind: wait
    title: Vänta en vecka
    until: "date_add(last_check, '1 week')"
    next: check
  next_year:
    kind: wait
    title: Vänta ett år
    until: "date_add(last_check, '12 months')"
    next: check
  gone: {kind: end, title: Borttaget, outcome: removed}
"#;

fn routine() -> Routine {
    crate::run::tests::assign::routine(ANNUAL)
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_else(|| panic!("bad time"))
}

fn started(r: &Routine) -> Case {
    Case::start(r, "c", json!(null), at(2026, 1, 15, 8))
        .unwrap_or_else(|e| panic!("start: {e}"))
        .0
}

fn until(to: NaiveDateTime) -> Limits {
    Limits {
        max_actions: 1000,
        until: Some(to),
    }
}

fn run(r: &Routine, case: &mut Case, limits: Limits) -> Stop {
    follow(r, case, limits).unwrap_or_else(|e| panic!("follow: {e}"))
}

#[test]
fn the_clock_stops_before_the_first_action_after_the_limit() {
    let r = routine();
    let mut case = started(&r);
    let stop = run(&r, &mut case, until(at(2028, 6, 30, 23)));
    assert!(case.journal().iter().all(|e| e.at <= at(2028, 6, 30, 23)));
    let Stop::Until(next) = &stop else {
        panic!("expected a stop at the limit, got {stop:?}");
    };
    // Checked 2026-01-19 (one working day after the registration on the
    // 16th), then one working day after each year's wait: 2027-01-20,
    // 2028-01-21. The next year's wait ends 2029-01-21.
    assert_eq!(
        next,
        &Next::Advance {
            to: at(2029, 1, 21, 0)
        }
    );
    assert_eq!(next_action(&r, &case).as_ref(), Some(next));
    assert_eq!(case.fields().get("rounds"), Some(&json!(3)));
    assert_eq!(rounds(&r, case.journal(), None).len(), 3);
}

#[test]
fn going_on_after_a_stop_gives_the_same_journal_as_one_run() {
    let r = routine();
    let mut stopped = started(&r);
    run(&r, &mut stopped, until(at(2027, 3, 1, 0)));
    run(&r, &mut stopped, until(at(2030, 3, 1, 0)));
    let mut straight = started(&r);
    run(&r, &mut straight, until(at(2030, 3, 1, 0)));
    assert_eq!(stopped, straight);
}

#[test]
fn without_a_limit_the_loop_runs_to_its_action_limit() {
    let r = routine();
    let mut case = started(&r);
    let limits = Limits {
        max_actions: 12,
        until: None,
    };
    assert_eq!(run(&r, &mut case, limits), Stop::ActionLimit(12));
}

#[test]
fn a_case_that_ends_stops_as_ended_whatever_the_limit() {
    let r = crate::run::tests::assign::routine(
        "routine: {id: once, version: 1, title: En gång}\nroles: {team: {name: T}}\n\
         start: a\nsteps:\n  a: {kind: task, title: A, role: team, next: b}\n  \
         b: {kind: end, title: B, outcome: done}\n",
    );
    let mut case = started(&r);
    assert_eq!(run(&r, &mut case, until(at(2030, 1, 1, 0))), Stop::Ended);
    assert_eq!(rounds(&r, case.journal(), None).len(), 1);
}

#[test]
fn a_retry_at_the_yearly_step_is_a_round_unless_the_yearly_wait_is_named() {
    let r = routine();
    let mut case = started(&r);
    let check = |case: &mut Case, works: bool, when: NaiveDateTime| {
        case.complete_task(&r, "check", "Bo", "team", json!({ "works": works }), when)
            .unwrap_or_else(|e| panic!("check: {e}"));
    };
    case.complete_task(
        &r,
        "register",
        "Bo",
        "team",
        json!(null),
        at(2026, 1, 15, 9),
    )
    .unwrap_or_else(|e| panic!("register: {e}"));
    check(&mut case, false, at(2026, 1, 16, 9));
    check(&mut case, false, at(2026, 1, 23, 9));
    check(&mut case, true, at(2026, 1, 30, 9));
    check(&mut case, true, at(2027, 1, 30, 9));
    let heads = |head: Option<&str>| -> Vec<(u32, String, NaiveDateTime)> {
        rounds(&r, case.journal(), head)
            .into_iter()
            .map(|r| (r.number, r.step, r.at))
            .collect()
    };
    // `check` is entered four times, `retry` and `next_year` twice each;
    // `check` is nearest the start: each retry and each year begins a round.
    let found = heads(None);
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[0], (1, "register".into(), at(2026, 1, 15, 8)));
    assert_eq!(found[1], (2, "check".into(), at(2026, 1, 23, 0)));
    assert_eq!(found[3], (4, "check".into(), at(2027, 1, 30, 0)));
    // Named, the yearly wait counts years: entered 2026-01-30 and 2027-01-30.
    let years = heads(Some("next_year"));
    assert_eq!(
        years,
        [
            (1, "register".into(), at(2026, 1, 15, 8)),
            (2, "next_year".into(), at(2027, 1, 30, 9)),
        ]
    );
}
