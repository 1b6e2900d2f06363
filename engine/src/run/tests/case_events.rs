//! Case-wide events at run time: delivered whatever step the case stands at
//! (a waiting step, inside a parallel block, a step with armed and repeating
//! deadlines), they close every open task and disarm the deadlines of the
//! steps left, then go to a step (case deadlines stay armed) or end the case
//! (every deadline disarmed). Their values pass the field rules; a finished
//! case refuses them and stays byte for byte as it was.

use chrono::NaiveDateTime;
use serde_json::{json, Value as Json};

use super::assign::routine;
use super::fixture::t;
use super::{ok, snapshot};
use crate::model::Routine;
use crate::run::{Case, Record, RunError};

const YAML: &str = r#"
routine: {id: events, version: 1, title: Händelser}
roles:
  team: {name: Teamet}
  day: {name: Dag}
  night: {name: Natt}
  assessor: {name: Handläggare}
fields:
  reason: {type: text, min_length: 3, example: Avflyttad}
  new_address: {type: text, pattern: "[A-Za-zåäöÅÄÖ ]+ [0-9]+", example: Storgatan 1}
  interruptions: {type: integer}
  reminders: {type: integer}
events:
  withdrawn:
    title: Beslutet återkallat
    from: assessor
    optional: [reason]
    outcome: withdrawn
  moved:
    title: Brukaren har flyttat
    from: assessor
    collects: [new_address]
    set: {interruptions: "(interruptions or 0) + 1"}
    goto: register
deadlines:
  - id: case_check
    after: 10 weeks
    task: {role: assessor, title: Kontrollera ärendet}
start: register
steps:
  register:
    kind: task
    title: Registrera
    role: team
    next: answer
  answer:
    kind: event
    title: Vänta på svar
    event: answered
    next: execute
    deadlines:
      - id: remind
        after: 1 week
        repeat: {every: 1 week, times: 3}
        set: {reminders: "(reminders or 0) + 1"}
        task: {role: team, title: Påminn}
  execute:
    kind: parallel
    title: Verkställ
    branches: [day_work, night_work]
    join: both
  day_work:
    kind: task
    title: Dagpass
    role: day
    next: both
    deadlines:
      - id: day_late
        after: 3 days
        task: {role: assessor, title: Dagpasset dröjer}
  night_work:
    kind: task
    title: Nattpass
    role: night
    next: both
  both: {kind: join, title: Båda klara, next: done}
  done: {kind: end, title: Klart, outcome: done}
"#;

fn start() -> (Routine, Case) {
    let r = routine(YAML);
    let (case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 3, 2, 8)));
    (r, case)
}

fn done(r: &Routine, case: &mut Case, step: &str, role: &str, at: NaiveDateTime) {
    ok(case.complete_task(r, step, "Bo", role, json!(null), at));
}

/// The case waiting at `answer` (registered 2 March, 09:00).
fn at_answer() -> (Routine, Case) {
    let (r, mut case) = start();
    done(&r, &mut case, "register", "team", t(2026, 3, 2, 9));
    (r, case)
}

/// The case inside the parallel block (answered 3 March, 09:00).
fn in_parallel() -> (Routine, Case) {
    let (r, mut case) = at_answer();
    ok(case.deliver(&r, "answered", json!(null), t(2026, 3, 3, 9)));
    (r, case)
}

fn moved(r: &Routine, case: &mut Case, at: NaiveDateTime) {
    ok(case.deliver(r, "moved", json!({"new_address": "Ringvägen 4"}), at));
}

/// The ids of the armed deadlines, earliest first.
fn armed(case: &Case) -> Vec<String> {
    case.pending_deadlines()
        .iter()
        .map(|d| d.deadline.to_string())
        .collect()
}

/// The steps of the open tasks, or the deadline that opened them.
fn tasks(case: &Case) -> Vec<String> {
    case.open_tasks()
        .iter()
        .map(|t| {
            t.deadline
                .as_deref()
                .or(t.step.as_deref())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

fn count(case: &Case, what: fn(&Record) -> bool) -> usize {
    case.journal().iter().filter(|e| what(&e.record)).count()
}

fn assert_replays(r: &Routine, case: &Case) {
    assert_eq!(&ok(Case::replay(r, case.journal())), case);
}

#[test]
fn from_a_waiting_step_the_case_goes_to_the_event_step() {
    let (r, mut case) = at_answer();
    assert_eq!(case.active_steps(), ["answer"]);
    assert_eq!(armed(&case), ["remind", "case_check"]);
    moved(&r, &mut case, t(2026, 3, 4, 10));
    assert_eq!(case.active_steps(), ["register"]);
    assert_eq!(tasks(&case), ["register"]);
    // The waiting step's deadline is disarmed; the case's stays armed.
    assert_eq!(armed(&case), ["case_check"]);
    assert_eq!(
        case.fields().get("new_address"),
        Some(&json!("Ringvägen 4"))
    );
    assert_eq!(case.fields().get("interruptions"), Some(&json!(1)));
    assert!(!case.is_ended());
    assert_eq!(
        count(
            &case,
            |r| matches!(r, Record::CaseEventReceived { event, .. } if event == "moved")
        ),
        1
    );
    assert_replays(&r, &case);
    // The case goes on from there as before, counting each interruption.
    done(&r, &mut case, "register", "team", t(2026, 3, 4, 11));
    moved(&r, &mut case, t(2026, 3, 4, 12));
    assert_eq!(case.fields().get("interruptions"), Some(&json!(2)));
    assert_replays(&r, &case);
}

#[test]
fn inside_a_parallel_block_every_branch_task_is_closed_and_its_deadlines_disarmed() {
    let (r, mut case) = in_parallel();
    // Three days later the day branch escalates.
    ok(case.advance(&r, t(2026, 3, 6, 10)));
    assert_eq!(tasks(&case), ["day_work", "night_work", "day_late"]);
    assert_eq!(armed(&case), ["case_check"]);
    let withdrawn = ok(case.deliver(
        &r,
        "withdrawn",
        json!({"reason": "Avflyttad"}),
        t(2026, 3, 6, 11),
    ));
    assert_eq!(case.outcome(), Some("withdrawn"));
    assert!(case.open_tasks().is_empty());
    assert!(case.active_steps().is_empty());
    assert!(case.pending_deadlines().is_empty());
    let closed = withdrawn
        .entries
        .iter()
        .filter(|e| matches!(e.record, Record::TaskWithdrawn { .. }))
        .count();
    assert_eq!(
        closed, 3,
        "both branch tasks and the escalation are withdrawn"
    );
    let ended = withdrawn
        .entries
        .iter()
        .filter(|e| matches!(e.record, Record::TokenEnded { .. }))
        .count();
    assert_eq!(ended, 2, "both branches stop");
    assert_replays(&r, &case);
}

#[test]
fn going_to_a_step_from_a_parallel_block_drops_the_joins_count() {
    let (r, mut case) = in_parallel();
    // The day branch arrives at the join; then the client moves.
    done(&r, &mut case, "day_work", "day", t(2026, 3, 3, 10));
    moved(&r, &mut case, t(2026, 3, 3, 11));
    assert_eq!(case.active_steps(), ["register"]);
    assert_eq!(tasks(&case), ["register"]);
    assert_eq!(armed(&case), ["case_check"]);
    assert_eq!(count(&case, |r| matches!(r, Record::JoinsReset)), 1);
    done(&r, &mut case, "register", "team", t(2026, 3, 3, 12));
    ok(case.deliver(&r, "answered", json!(null), t(2026, 3, 3, 13)));
    // The night branch alone no longer completes the join.
    done(&r, &mut case, "night_work", "night", t(2026, 3, 3, 14));
    assert_eq!(case.active_steps(), ["day_work"]);
    done(&r, &mut case, "day_work", "day", t(2026, 3, 3, 15));
    assert_eq!(case.outcome(), Some("done"));
    assert_replays(&r, &case);
}

#[test]
fn repeating_deadlines_of_the_step_left_stop_and_the_case_deadline_goes_on() {
    let (r, mut case) = at_answer();
    // 1 and 2 weeks after the step started: two reminders, two tasks.
    ok(case.advance(&r, t(2026, 3, 17, 10)));
    assert_eq!(case.fields().get("reminders"), Some(&json!(2)));
    assert_eq!(tasks(&case), ["remind", "remind"]);
    moved(&r, &mut case, t(2026, 3, 17, 11));
    assert_eq!(
        tasks(&case),
        ["register"],
        "the reminders' tasks are withdrawn"
    );
    assert_eq!(armed(&case), ["case_check"]);
    // Long after: no more reminders; the case deadline fires at 10 weeks.
    ok(case.advance(&r, t(2026, 6, 1, 8)));
    assert_eq!(case.fields().get("reminders"), Some(&json!(2)));
    let fired: Vec<String> = case
        .journal()
        .iter()
        .filter_map(|e| match &e.record {
            Record::DeadlineFired { deadline, .. } => Some(deadline.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(fired, ["remind", "remind", "case_check"]);
    assert_eq!(tasks(&case), ["register", "case_check"]);
    assert_replays(&r, &case);
}

#[test]
fn ending_with_an_outcome_disarms_every_deadline_the_case_had() {
    let (r, mut case) = at_answer();
    ok(case.advance(&r, t(2026, 3, 10, 8)));
    assert_eq!(armed(&case), ["remind", "case_check"]);
    let effects = ok(case.deliver(&r, "withdrawn", json!(null), t(2026, 3, 10, 9)));
    let cancelled: Vec<String> = effects
        .entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::DeadlineCancelled { deadline, .. } => Some(deadline.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(cancelled.len(), 2, "{cancelled:?}");
    assert!(cancelled.contains(&"remind".to_string()));
    assert!(cancelled.contains(&"case_check".to_string()));
    assert!(matches!(
        effects.entries.last().map(|e| &e.record),
        Some(Record::CaseEndedByEvent { event, outcome }) if event == "withdrawn" && outcome == "withdrawn"
    ));
    assert!(case.pending_deadlines().is_empty());
    assert_eq!(case.next_due(), None);
    assert_replays(&r, &case);
}

/// The journal as bytes.
fn bytes(case: &Case) -> String {
    serde_json::to_string(case.journal()).unwrap_or_else(|e| panic!("journal: {e}"))
}

fn refused_unchanged(r: &Routine, case: &mut Case, event: &str, values: Json) -> RunError {
    let (before, journal) = (snapshot(case), bytes(case));
    let e = case
        .deliver(r, event, values, t(2026, 4, 1, 8))
        .err()
        .unwrap_or_else(|| panic!("`{event}` was accepted"));
    assert_eq!(snapshot(case), before);
    assert_eq!(bytes(case), journal);
    e
}

#[test]
fn a_finished_case_refuses_a_case_event_and_stays_as_it_was() {
    let (r, mut case) = at_answer();
    ok(case.deliver(&r, "withdrawn", json!(null), t(2026, 3, 3, 8)));
    let e = refused_unchanged(
        &r,
        &mut case,
        "moved",
        json!({"new_address": "Ringvägen 4"}),
    );
    assert!(
        matches!(&e, RunError::CaseEnded { outcome } if outcome == "withdrawn"),
        "{e}"
    );
    let e = refused_unchanged(&r, &mut case, "withdrawn", json!(null));
    assert_eq!(e.code(), "case_ended");
    // Ended at its own end step, too.
    let (r, mut case) = in_parallel();
    done(&r, &mut case, "day_work", "day", t(2026, 3, 3, 10));
    done(&r, &mut case, "night_work", "night", t(2026, 3, 3, 11));
    assert_eq!(case.outcome(), Some("done"));
    let e = refused_unchanged(&r, &mut case, "withdrawn", json!(null));
    assert!(
        matches!(&e, RunError::CaseEnded { outcome } if outcome == "done"),
        "{e}"
    );
}

#[test]
fn a_case_events_values_pass_the_field_rules_or_change_nothing() {
    let (r, mut case) = in_parallel();
    let short = refused_unchanged(&r, &mut case, "withdrawn", json!({"reason": "ab"}));
    assert_eq!(short.code(), "rule_broken");
    assert!(short.to_string().contains("`reason`"), "{short}");
    let bad = refused_unchanged(&r, &mut case, "moved", json!({"new_address": "nowhere"}));
    assert_eq!(bad.code(), "rule_broken");
    // A required field missing, a field the event does not carry.
    refused_unchanged(&r, &mut case, "moved", json!(null));
    refused_unchanged(&r, &mut case, "withdrawn", json!({"reminders": 3}));
    // The case still stands where it stood, and a valid event is taken.
    assert_eq!(case.active_steps().len(), 2);
    ok(case.deliver(
        &r,
        "withdrawn",
        json!({"reason": "Avflyttad"}),
        t(2026, 4, 1, 8),
    ));
    assert_eq!(case.fields().get("reason"), Some(&json!("Avflyttad")));
    assert_replays(&r, &case);
}
