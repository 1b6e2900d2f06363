//! `set:` on a step, a route and a deadline, counted round a loop: three
//! tries add one each and the third is routed on `attempts >= 3`; `today`
//! is the command's day; an expression that fails at run time refuses the
//! command whole (a deadline's is journaled as its failure). After every
//! command the replayed journal equals the live case.

use chrono::NaiveDateTime;
use serde_json::{json, Value as Json};

use super::assign::routine;
use super::fixture::t;
use super::{ok, snapshot};
use crate::model::Routine;
use crate::run::{Case, Effects, Record, RunError, Values};

const LOOP: &str = r#"
routine: {id: tries, version: 1, title: Försök}
roles: {team: {name: Teamet}}
fields:
  ok: {type: boolean, example: false}
  attempts: {type: integer}
  last_try: {type: date}
  gave_up_after: {type: integer}
  nudges: {type: integer}
  parts: {type: integer, example: 4}
  share: {type: integer}
start: try
steps:
  try:
    kind: task
    title: Försök
    role: team
    collects: [ok]
    optional: [parts]
    set:
      attempts: "(attempts or 0) + 1"
      last_try: today
      share: "100 // parts if parts is not none else none"
    routes:
      - when: ok
        to: done
      - when: "attempts >= 3"
        set: {gave_up_after: attempts}
        to: failed
      - otherwise: wait_retry
    deadlines:
      - id: nudge
        after: 2 days
        set: {nudges: "(nudges or 0) + 1", share: "100 // parts if parts is not none else none"}
        task: {role: team, title: Påminn}
  wait_retry:
    kind: wait
    title: Vänta en vecka
    until: "date_add(last_try, '1 week')"
    next: try
  done: {kind: end, title: Klart, outcome: done}
  failed: {kind: end, title: Gav upp, outcome: failed}
"#;

/// Runs a command and checks that the replayed journal equals the live case.
fn step(
    r: &Routine,
    case: &mut Case,
    command: impl FnOnce(&mut Case) -> Result<Effects, RunError>,
) -> Effects {
    let effects = ok(command(case));
    assert_eq!(&ok(Case::replay(r, case.journal())), case);
    effects
}

fn start() -> (Routine, Case) {
    let r = routine(LOOP);
    let (case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 3, 2, 8)));
    (r, case)
}

fn attempt(r: &Routine, case: &mut Case, values: Json, at: NaiveDateTime) -> Effects {
    step(r, case, |c| {
        c.complete_task(r, "try", "Bo", "team", values, at)
    })
}

/// The `fields_set` entries of some effects: (step, deadline, values).
fn sets(effects: &Effects) -> Vec<(Option<String>, Option<String>, Values)> {
    effects
        .entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::FieldsSet {
                step,
                deadline,
                values,
            } => Some((
                step.as_deref().map(str::to_string),
                deadline.as_deref().map(str::to_string),
                values.clone(),
            )),
            _ => None,
        })
        .collect()
}

fn field(case: &Case, id: &str) -> Option<Json> {
    case.fields().get(id).cloned()
}

#[test]
fn three_tries_count_up_and_the_third_is_routed_on_the_count() {
    let (r, mut case) = start();
    let first = attempt(&r, &mut case, json!({"ok": false}), t(2026, 3, 2, 9));
    assert_eq!(field(&case, "attempts"), Some(json!(1)));
    assert_eq!(field(&case, "last_try"), Some(json!("2026-03-02")));
    assert_eq!(case.active_steps(), ["wait_retry"]);
    // The step's set: is journaled under its step, before the route moves on.
    let (step_, deadline, values) = &sets(&first)[0];
    assert_eq!((step_.as_deref(), deadline.as_deref()), (Some("try"), None));
    assert_eq!(values.get("attempts"), Some(&json!(1)));
    // A week after the try the wait goes on by itself.
    step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 9, 8)));
    assert_eq!(case.active_steps(), ["try"]);
    attempt(&r, &mut case, json!({"ok": false}), t(2026, 3, 9, 9));
    assert_eq!(field(&case, "attempts"), Some(json!(2)));
    assert_eq!(field(&case, "last_try"), Some(json!("2026-03-09")));
    step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 16, 8)));
    let third = attempt(&r, &mut case, json!({"ok": false}), t(2026, 3, 16, 9));
    assert_eq!(field(&case, "attempts"), Some(json!(3)));
    assert_eq!(case.outcome(), Some("failed"));
    // The route's own set: ran after the step's, on the new count.
    assert_eq!(field(&case, "gave_up_after"), Some(json!(3)));
    let places: Vec<_> = sets(&third).into_iter().map(|(s, d, _)| (s, d)).collect();
    assert_eq!(
        places,
        [(Some("try".into()), None), (Some("try".into()), None)]
    );
}

#[test]
fn a_success_before_the_third_try_ends_without_the_routes_set() {
    let (r, mut case) = start();
    attempt(&r, &mut case, json!({"ok": false}), t(2026, 3, 2, 9));
    step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 9, 8)));
    attempt(&r, &mut case, json!({"ok": true}), t(2026, 3, 9, 9));
    assert_eq!(case.outcome(), Some("done"));
    assert_eq!(field(&case, "attempts"), Some(json!(2)));
    assert_eq!(field(&case, "gave_up_after"), None);
}

#[test]
fn a_deadlines_set_runs_each_time_it_fires_on_its_day() {
    let (r, mut case) = start();
    let fired = step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 4, 9)));
    assert_eq!(field(&case, "nudges"), Some(json!(1)));
    assert_eq!(
        sets(&fired),
        [(
            Some("try".into()),
            Some("nudge".into()),
            Values::from([("nudges", json!(1)), ("share", Json::Null)])
        )]
    );
    // Each new visit of the step arms it again: it counts on.
    attempt(
        &r,
        &mut case,
        json!({"ok": false, "parts": 3}),
        t(2026, 3, 4, 10),
    );
    step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 13, 9)));
    assert_eq!(field(&case, "nudges"), Some(json!(2)));
    assert_eq!(field(&case, "share"), Some(json!(33)));
}

#[test]
fn today_is_the_day_of_the_command_that_runs_the_set() {
    let (r, mut case) = start();
    // Recorded late in the evening of a later day: that day is today.
    attempt(&r, &mut case, json!({"ok": false}), t(2026, 3, 3, 23));
    assert_eq!(field(&case, "last_try"), Some(json!("2026-03-03")));
    // The wait counts a week from that day and the next try is dated then.
    step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 9, 23)));
    assert_eq!(case.active_steps(), ["wait_retry"]);
    step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 10, 0)));
    assert_eq!(case.active_steps(), ["try"]);
    attempt(&r, &mut case, json!({"ok": false}), t(2026, 4, 1, 8));
    assert_eq!(field(&case, "last_try"), Some(json!("2026-04-01")));
}

#[test]
fn a_set_that_fails_at_run_time_refuses_the_whole_command() {
    let (r, mut case) = start();
    // `parts` passes check (its example is 4), but 0 divides nothing.
    let before = snapshot(&case);
    let e = case
        .complete_task(
            &r,
            "try",
            "Bo",
            "team",
            json!({"ok": false, "parts": 0}),
            t(2026, 3, 2, 9),
        )
        .err()
        .unwrap_or_else(|| panic!("dividing by zero was accepted"));
    let RunError::Expr { place, .. } = &e else {
        panic!("expected an expression error, got {e}");
    };
    assert_eq!(place, "`set: share` of step `try`");
    // Nothing of it stays: not the task's values, not the try's own count.
    assert_eq!(snapshot(&case), before);
    assert_eq!(field(&case, "attempts"), None);
    assert_eq!(case.open_tasks().len(), 1);
    attempt(
        &r,
        &mut case,
        json!({"ok": false, "parts": 2}),
        t(2026, 3, 2, 9),
    );
    assert_eq!(field(&case, "attempts"), Some(json!(1)));
}

#[test]
fn a_deadlines_set_that_fails_is_journaled_as_its_failure_and_undone() {
    let r = routine(LOOP);
    let (mut case, _) = ok(Case::start(&r, "c", json!({"parts": 0}), t(2026, 3, 2, 8)));
    let fired = step(&r, &mut case, |c| c.advance(&r, t(2026, 3, 4, 9)));
    let failed: Vec<_> = fired
        .entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::DeadlineFailed {
                deadline, error, ..
            } => Some((deadline.as_str(), error.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(failed.len(), 1, "{:?}", fired.entries);
    assert_eq!(failed[0].0, "nudge");
    assert!(failed[0].1.contains("set: share"), "{}", failed[0].1);
    // What the firing did is undone: no count, no reminder task.
    assert!(sets(&fired).is_empty());
    assert_eq!(field(&case, "nudges"), None);
    assert_eq!(case.open_tasks().len(), 1);
    assert_eq!(case.failures().len(), 1);
}
