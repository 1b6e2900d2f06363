//! Deadlines: calendar arithmetic, repeats, escalation, goto, conditions,
//! cancellation and time order.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::model::{DeadlineStart, EscalationTask, Repeat, StepKind};
use crate::run::{Record, Status};
use chrono::NaiveDateTime;

/// A routine with one task step `work` carrying `deadline`, then an end.
fn one_deadline(deadline: crate::model::Deadline) -> Routine {
    let mut work = task("work", "alarm_team", &[], &[], next("done"));
    work.deadlines = vec![deadline];
    let mut r = bare(
        "work",
        vec![
            work,
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    r.fields.iter_mut().for_each(|f| f.required = false);
    r
}

fn with_message(mut d: crate::model::Deadline) -> crate::model::Deadline {
    d.message = Some(message("reminder", vec![role("alarm_team")]));
    d
}

fn due_after(after: &str, start: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    let r = one_deadline(with_message(deadline("d", after)));
    let (case, _) = ok(Case::start(&r, "c", json!(null), start));
    case.pending_deadlines()[0].due
}

#[test]
fn calendar_months_clamp_to_the_month_end() {
    assert_eq!(due_after("1 month", t(2026, 1, 31, 8)), t(2026, 2, 28, 8));
    assert_eq!(due_after("1 month", t(2024, 1, 31, 8)), t(2024, 2, 29, 8));
    assert_eq!(due_after("3 months", t(2026, 11, 30, 8)), t(2027, 2, 28, 8));
    assert_eq!(due_after("1 månad", t(2026, 3, 31, 8)), t(2026, 4, 30, 8));
}

#[test]
fn working_days_skip_weekends_and_swedish_holidays() {
    // Thursday before Easter: Good Friday and Easter Monday are holidays.
    assert_eq!(
        due_after("2 working days", t(2026, 4, 2, 10)),
        t(2026, 4, 8, 10)
    );
    // Midsummer eve 2026 is Friday 19 June.
    assert_eq!(
        due_after("1 arbetsdag", t(2026, 6, 18, 10)),
        t(2026, 6, 22, 10)
    );
    // Christmas: 24, 25, 26 December and the weekend.
    assert_eq!(
        due_after("1 working day", t(2026, 12, 23, 10)),
        t(2026, 12, 28, 10)
    );
    // New Year's eve and day, then Epiphany (Wednesday 6 January 2027).
    assert_eq!(
        due_after("2 working days", t(2026, 12, 30, 10)),
        t(2027, 1, 5, 10)
    );
    assert_eq!(
        due_after("3 working days", t(2026, 12, 30, 10)),
        t(2027, 1, 7, 10)
    );
    // Ascension Day 2025 (29 May) and the national day 2025 (Friday 6 June).
    assert_eq!(
        due_after("1 working day", t(2025, 5, 28, 10)),
        t(2025, 5, 30, 10)
    );
    assert_eq!(
        due_after("1 working day", t(2025, 6, 5, 10)),
        t(2025, 6, 9, 10)
    );
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    assert_eq!(
        due_after("1 working day", t(2027, 3, 25, 10)),
        t(2027, 3, 30, 10)
    );
    // A plain week.
    assert_eq!(
        due_after("5 working days", t(2026, 3, 2, 10)),
        t(2026, 3, 9, 10)
    );
}

#[test]
fn a_deadline_fires_when_the_clock_reaches_it_not_before() {
    let r = one_deadline(with_message(deadline("d", "1 month")));
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 31, 8)));
    assert!(ok(case.advance(&r, t(2026, 2, 28, 7))).is_empty());
    let fx = ok(case.advance(&r, t(2026, 2, 28, 8)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(fired, vec![("d", t(2026, 2, 28, 8))]);
    assert_eq!(fx.messages().count(), 1);
    assert!(case.pending_deadlines().is_empty());
}

#[test]
fn repeats_and_escalation_on_a_step() {
    let (routine, mut case, _) = started();
    complete(
        &routine,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false}),
        t(2026, 1, 15, 9),
    );
    // 2 weeks, then 2 repeats a week apart; give_up after 6 weeks.
    let fx = ok(case.advance(&routine, t(2026, 2, 10, 0)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(
        fired,
        vec![
            ("no_answer", t(2026, 1, 29, 9)),
            ("no_answer", t(2026, 2, 5, 9)),
        ]
    );
    // Each expiry sent a reminder and opened an escalation task.
    let reminders: Vec<_> = fx.messages().collect();
    assert_eq!(reminders.len(), 2);
    assert_eq!(
        reminders[0].body,
        "Påminnelse no_answer (efter 2 veckor): Steg wait_correction, ärende case-1."
    );
    let escalations = case.open_tasks_for("alarm_assessor");
    assert_eq!(escalations.len(), 2);
    assert_eq!(escalations[0].deadline.as_deref(), Some("no_answer"));
    assert_eq!(escalations[0].title, "Kontakta ordinarie handläggare");

    // Completing an escalation records its fields and does not move the case.
    let id = escalations[0].id;
    let fx = ok(case.complete_task(
        &routine,
        id,
        "Bo",
        "alarm_assessor",
        json!({"escalation_note": "Ordinarie: Eva"}),
        t(2026, 2, 10, 9),
    ));
    assert_eq!(fx.steps_entered().count(), 0);
    assert_eq!(
        case.fields().get("escalation_note"),
        Some(&json!("Ordinarie: Eva"))
    );
    assert_eq!(case.active_steps(), vec!["wait_correction"]);

    // The last repeat, then the interrupting goto ends the case.
    let fx = ok(case.advance(&routine, t(2026, 3, 31, 0)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(
        fired,
        vec![
            ("no_answer", t(2026, 2, 12, 9)),
            ("give_up", t(2026, 2, 26, 9)),
        ]
    );
    assert_eq!(case.outcome(), Some("cancelled"));
    // The remaining escalation tasks were withdrawn with the step.
    assert!(case.open_tasks().is_empty());
    assert!(fx.tasks_closed().count() >= 2);
}

#[test]
fn escalation_tasks_are_withdrawn_when_their_step_ends() {
    let (routine, mut case, _) = started();
    complete(
        &routine,
        &mut case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": false}),
        t(2026, 1, 15, 9),
    );
    ok(case.advance(&routine, t(2026, 1, 30, 0)));
    assert_eq!(case.open_tasks_for("alarm_assessor").len(), 1);
    let fx = ok(case.deliver(
        &routine,
        "order_corrected",
        json!({"order_ok": true}),
        t(2026, 1, 30, 9),
    ));
    assert!(case.open_tasks_for("alarm_assessor").is_empty());
    assert!(fx
        .entries
        .iter()
        .any(|e| matches!(&e.record, Record::TaskWithdrawn { .. })));
    // And the step's deadlines were cancelled.
    let cancelled: Vec<_> = fx.deadlines_cancelled().map(|d| d.deadline).collect();
    // (in arming order: give_up was armed before no_answer's repeat)
    assert_eq!(cancelled, vec!["give_up", "no_answer"]);
}

#[test]
fn a_condition_false_at_expiry_skips_and_is_recorded() {
    let (routine, mut case) = at_install();
    // key_info fires one week after install started, when keys are needed.
    let fx = ok(case.advance(&routine, t(2026, 1, 23, 9)));
    assert_eq!(fx.deadlines_fired().count(), 1);

    let (routine, mut case, _) = started();
    through_call(
        &routine,
        &mut case,
        json!({"keys_needed": false, "install_date": "2026-02-02"}),
        t(2026, 1, 16, 9),
    );
    let fx = ok(case.advance(&routine, t(2026, 1, 23, 9)));
    assert_eq!(fx.deadlines_fired().count(), 0);
    let skipped: Vec<_> = fx.deadlines_skipped().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(skipped, vec![("key_info", t(2026, 1, 23, 9))]);
    assert_eq!(fx.messages().count(), 0);
}

#[test]
fn case_deadline_from_a_date_field_with_condition_and_repeats() {
    let (routine, mut case, _) = started();
    let fx = ok(case.advance(&routine, t(2026, 6, 20, 0)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(
        fired,
        vec![
            ("not_executed", t(2026, 4, 15, 0)),
            ("not_executed", t(2026, 5, 15, 0)),
            ("not_executed", t(2026, 6, 15, 0)),
        ]
    );
    let m: Vec<_> = fx.messages().collect();
    assert_eq!(
        m[0].body,
        "Beslut 15 januari 2026 är inte verkställt (ärende case-1)."
    );
    assert_eq!(m[0].to[0].id, "alarm_assessor");

    // Once installed, the condition is false: later expiries are skipped.
    let (routine, mut case) = at_install();
    complete(
        &routine,
        &mut case,
        "install",
        "alarm_team",
        json!({"installed": true}),
        t(2026, 2, 2, 14),
    );
    let fx = ok(case.advance(&routine, t(2026, 5, 1, 0)));
    assert_eq!(
        fx.deadlines_fired()
            .filter(|d| d.deadline == "not_executed")
            .count(),
        0
    );
    assert_eq!(
        fx.deadlines_skipped()
            .filter(|d| d.deadline == "not_executed")
            .count(),
        1
    );
}

#[test]
fn a_case_deadline_goto_moves_every_token() {
    let (routine, mut case) = at_install();
    complete(
        &routine,
        &mut case,
        "install",
        "alarm_team",
        json!({"installed": true}),
        t(2026, 2, 2, 14),
    );
    assert_eq!(case.active_steps().len(), 2);
    // Pretend installation was undone so `expire` holds, via a routine copy whose
    // `expire` has no condition.
    let mut r = routine.clone();
    r.deadlines[1].when = None;
    let fx = ok(case.advance(&r, t(2027, 1, 15, 0)));
    assert!(fx.deadlines_fired().any(|d| d.deadline == "expire"));
    let ended = fx
        .entries
        .iter()
        .filter(|e| matches!(&e.record, Record::TokenEnded { .. }))
        .count();
    assert_eq!(ended, 2, "both branch tokens stopped");
    assert_eq!(case.outcome(), Some("cancelled"));
    assert!(case.open_tasks().is_empty());
}

#[test]
fn a_deadline_counted_from_an_unset_field_is_recorded_as_not_armed() {
    let mut d = with_message(deadline("from_install", "1 week"));
    d.from = DeadlineStart::Field("install_date".into());
    let r = one_deadline(d);
    let (case, fx) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 1, 8)));
    assert!(case.pending_deadlines().is_empty());
    assert!(fx.entries.iter().any(|e| matches!(
        &e.record,
        Record::DeadlineNotArmed { field, .. } if field == "install_date"
    )));
}

#[test]
fn an_overdue_deadline_fires_when_the_case_starts() {
    let routine = fixture::routine();
    let (case, fx) = ok(Case::start(
        &routine,
        "old",
        json!({"decision_date": "2025-09-01", "area_group": "saltis"}),
        t(2026, 1, 15, 8),
    ));
    // 3 months after 2025-09-01 is 2025-12-01; the repeat on 2026-01-01 is due too.
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(
        fired,
        vec![
            ("not_executed", t(2026, 1, 15, 8)),
            ("not_executed", t(2026, 1, 15, 8))
        ]
    );
    assert_eq!(case.pending_deadlines()[0].due, t(2026, 2, 1, 0));
}

#[test]
fn deadlines_armed_during_an_advance_fire_in_the_same_advance() {
    // wait (until a date) → task with a one-day deadline → end.
    let mut work = task("work", "alarm_team", &[], &[], next("done"));
    work.deadlines = vec![with_message(deadline("nudge", "1 day"))];
    let r = bare(
        "wait",
        vec![
            step(
                "wait",
                StepKind::Wait {
                    until: expr("date_add(decision_date, '1 week')"),
                },
                next("work"),
            ),
            work,
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    let fx = ok(case.advance(&r, t(2026, 3, 20, 0)));
    let entered: Vec<_> = fx.steps_entered().collect();
    assert_eq!(entered, vec!["work"]);
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    // The wait ended at 2026-03-09 00:00; the task's deadline a day later.
    assert_eq!(fired, vec![("nudge", t(2026, 3, 10, 0))]);
}

#[test]
fn fired_deadlines_come_in_time_order_whatever_the_arming_order() {
    let mut work = task("work", "alarm_team", &[], &[], next("done"));
    work.deadlines = vec![
        with_message(deadline("late", "3 weeks")),
        with_message(deadline("early", "2 days")),
        with_message(deadline("middle", "1 week")),
    ];
    work.deadlines[1].repeat = Some(Repeat {
        every: dur("5 days"),
        times: None,
    });
    let r = bare(
        "work",
        vec![
            work,
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    let fx = ok(case.advance(&r, t(2026, 3, 24, 0)));
    let fired: Vec<_> = fx.deadlines_fired().map(|d| (d.deadline, d.at)).collect();
    assert_eq!(
        fired,
        vec![
            ("early", t(2026, 3, 4, 8)),
            ("middle", t(2026, 3, 9, 8)),
            ("early", t(2026, 3, 9, 8)),
            ("early", t(2026, 3, 14, 8)),
            ("early", t(2026, 3, 19, 8)),
            ("late", t(2026, 3, 23, 8)),
        ]
    );
    let times: Vec<_> = case.journal().iter().map(|e| e.at).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_goto_with_a_task_keeps_the_task_on_the_case() {
    let mut d = deadline("escalate", "1 week");
    d.task = Some(EscalationTask {
        role: "alarm_assessor".into(),
        title: "Ta över".into(),
        instructions: None,
        collects: Vec::new(),
    });
    d.goto = Some("other".into());
    let mut work = task("work", "alarm_team", &[], &[], next("done"));
    work.deadlines = vec![d];
    let r = bare(
        "work",
        vec![
            work,
            task("other", "assessor", &[], &[], next("done")),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    ok(case.advance(&r, t(2026, 3, 10, 0)));
    assert_eq!(case.active_steps(), vec!["other"]);
    assert_eq!(case.open_tasks_for("alarm_assessor").len(), 1);
    assert_eq!(case.open_tasks_for("assessor").len(), 1);
    assert!(case.open_tasks_for("alarm_team").is_empty());
    // Ending the case withdraws it.
    ok(case.complete_task(
        &r,
        "other",
        "Eva",
        "assessor",
        json!(null),
        t(2026, 3, 11, 0),
    ));
    assert!(matches!(case.status(), Status::Ended { .. }));
    assert!(case.open_tasks().is_empty());
}

#[test]
fn repeat_times_limits_the_repeats_and_zero_every_does_not_loop() {
    let mut d = with_message(deadline("d", "1 day"));
    d.repeat = Some(Repeat {
        every: dur("0 days"),
        times: None,
    });
    let r = one_deadline(d);
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 1, 8)));
    let fx = ok(case.advance(&r, t(2026, 2, 1, 8)));
    assert_eq!(fx.deadlines_fired().count(), 1);
    assert!(case.pending_deadlines().is_empty());
}

fn fired_at(fx: &Effects) -> Vec<chrono::NaiveDateTime> {
    fx.deadlines_fired().map(|d| d.at).collect()
}

#[test]
fn monthly_repeats_keep_their_day_of_the_month() {
    let mut d = deadline("remind", "1 month");
    d.task = Some(EscalationTask {
        role: "assessor".into(),
        title: "Påminn".into(),
        instructions: None,
        collects: Vec::new(),
    });
    d.repeat = Some(Repeat {
        every: dur("1 month"),
        times: Some(3),
    });
    let r = one_deadline(d.clone());
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 31, 8)));
    let fx = ok(case.advance(&r, t(2026, 6, 1, 0)));
    assert_eq!(
        fired_at(&fx),
        vec![
            t(2026, 2, 28, 8),
            t(2026, 3, 31, 8),
            t(2026, 4, 30, 8),
            t(2026, 5, 31, 8)
        ]
    );
    assert!(case.pending_deadlines().is_empty());

    // `after` and `every` in different units: the repeats count from the
    // first due time, which they do not drift away from either.
    d.after = dur("2 weeks");
    let r = one_deadline(d.clone());
    let (mut case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 17, 8)));
    let fx = ok(case.advance(&r, t(2026, 6, 1, 0)));
    assert_eq!(
        fired_at(&fx),
        vec![
            t(2026, 1, 31, 8),
            t(2026, 2, 28, 8),
            t(2026, 3, 31, 8),
            t(2026, 4, 30, 8)
        ]
    );

    // Counted from a date field (at 00:00), repeats included.
    d.after = dur("1 month");
    d.from = DeadlineStart::Field("decision_date".into());
    let mut r = one_deadline(d);
    r.fields.iter_mut().for_each(|f| f.required = false);
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-01-31"}),
        t(2026, 1, 31, 8),
    ));
    let fx = ok(case.advance(&r, t(2026, 6, 1, 0)));
    assert_eq!(
        fired_at(&fx),
        vec![
            t(2026, 2, 28, 0),
            t(2026, 3, 31, 0),
            t(2026, 4, 30, 0),
            t(2026, 5, 31, 0)
        ]
    );
}

#[test]
fn a_journal_without_counted_from_repeats_from_the_previous_due_time() {
    let mut d = with_message(deadline("remind", "1 month"));
    d.repeat = Some(Repeat {
        every: dur("1 month"),
        times: Some(1),
    });
    let r = one_deadline(d);
    let (case, _) = ok(Case::start(&r, "c", json!(null), t(2026, 1, 31, 8)));
    // As an older engine wrote it.
    let mut journal = case.journal().to_vec();
    for e in &mut journal {
        if let Record::DeadlineArmed(a) = &mut e.record {
            a.counted_from = None;
        }
    }
    let text = serde_json::to_string(&journal).unwrap_or_default();
    assert!(!text.contains("counted_from"));
    let mut case: Case = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let fx = ok(case.advance(&r, t(2026, 6, 1, 0)));
    assert_eq!(fired_at(&fx), vec![t(2026, 2, 28, 8), t(2026, 3, 28, 8)]);
}

/// A task step `work` whose deadline `nudge` (after a week, repeated once a
/// week later) sends a message to the group named by `note`.
fn failing_nudge() -> Routine {
    use crate::model::{Recipient, RecipientTarget};
    let mut d = deadline("nudge", "1 week");
    d.message = Some(message(
        "reminder",
        vec![Recipient {
            target: RecipientTarget::GroupOf {
                expr: expr("note"),
                candidates: Vec::new(),
            },
            when: None,
            title: None,
        }],
    ));
    d.repeat = Some(Repeat {
        every: dur("1 week"),
        times: Some(1),
    });
    let mut work = task("work", "alarm_team", &[], &["note"], next("done"));
    work.deadlines = vec![d];
    bare(
        "work",
        vec![
            work,
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    )
}

/// The message failures of the effects: (deadline, step, when, error).
fn message_failures(fx: &Effects) -> Vec<(String, Option<String>, NaiveDateTime, String)> {
    fx.entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::DeadlineMessageFailed {
                deadline,
                step,
                error,
                ..
            } => Some((
                deadline.to_string(),
                step.as_deref().map(str::to_string),
                e.at,
                error.clone(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn a_deadline_whose_message_fails_is_journaled_and_the_case_goes_on() {
    let r = failing_nudge();
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    // `note` is not set: the message has no recipient to give.
    let fx = ok(case.advance(&r, t(2026, 3, 10, 0)));
    let failed = message_failures(&fx);
    assert_eq!(failed.len(), 1, "{failed:?}");
    let (deadline, step, at, error) = failed[0].clone();
    assert_eq!(
        (deadline.as_str(), step.as_deref(), at),
        ("nudge", Some("work"), t(2026, 3, 9, 8))
    );
    assert!(error.contains("`group_of`"), "{error}");
    // The deadline itself fired; only its message is lost.
    assert_eq!(fx.deadlines_fired().count(), 1);
    assert_eq!(fx.deadlines_failed().count(), 0);
    assert_eq!(fx.messages().count(), 0);
    assert_eq!(case.failures().len(), 1);
    // The repeat is armed.
    let due: Vec<_> = case.pending_deadlines().iter().map(|d| d.due).collect();
    assert_eq!(due, vec![t(2026, 3, 16, 8)]);

    // A later command is not refused: the repeat's message fails within
    // it, is journaled, and the task is completed.
    let fx = ok(case.complete_task(
        &r,
        "work",
        "Bo",
        "alarm_team",
        json!(null),
        t(2026, 3, 20, 9),
    ));
    let failed: Vec<_> = message_failures(&fx).into_iter().map(|f| f.2).collect();
    assert_eq!(failed, vec![t(2026, 3, 16, 8)]);
    assert_eq!(case.outcome(), Some("done"));
    assert_eq!(case.failures().len(), 2);
    assert_eq!(ok(Case::replay(&r, case.journal())), case);

    // A role that may not see every field does not get the explanation.
    let view = case.view_for(&r, "assessor");
    assert_eq!(view.failures.len(), 2);
    assert!(view
        .failures
        .iter()
        .all(|f| f.error == crate::run::visibility::WITHHELD));
    let full = case.view_for(&r, "alarm_team");
    assert_eq!(full.failures.first().map(|f| f.error.clone()), Some(error));
}

#[test]
fn a_deadline_whose_message_fails_still_opens_its_escalation_task() {
    let mut r = failing_nudge();
    let work = r.steps.iter_mut().find(|s| s.id == "work");
    let Some(work) = work else {
        panic!("no step work")
    };
    work.deadlines[0].task = Some(EscalationTask {
        role: "coordinator_day".into(),
        title: "Ring kunden".into(),
        instructions: None,
        collects: Vec::new(),
    });
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    let fx = ok(case.advance(&r, t(2026, 3, 10, 0)));
    assert_eq!(message_failures(&fx).len(), 1);
    let opened: Vec<_> = fx
        .tasks_opened()
        .map(|t| (t.role.as_str(), t.deadline.as_deref()))
        .collect();
    assert_eq!(opened, vec![("coordinator_day", Some("nudge"))]);
    // The escalation task can be completed by the deadline's name.
    ok(case.complete_task(
        &r,
        "nudge",
        "Cilla",
        "coordinator_day",
        json!(null),
        t(2026, 3, 11, 9),
    ));
}

#[test]
fn a_deadline_whose_goto_fails_leaves_the_step_as_it_was() {
    let mut d = deadline("escalate", "1 week");
    d.goto = Some("decide".into());
    let mut work = task("work", "alarm_team", &[], &["visits"], next("done"));
    work.deadlines = vec![d];
    let r = bare(
        "work",
        vec![
            work,
            step(
                "decide",
                StepKind::Decision,
                vec![crate::model::Route {
                    set: Vec::new(),
                    when: Some(expr("visits > 3")),
                    to: "done".into(),
                    local_choice: None,
                    title: None,
                }],
            ),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let (mut case, _) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo", "visits": 1}),
        t(2026, 3, 2, 8),
    ));
    let fx = ok(case.advance(&r, t(2026, 3, 20, 0)));
    let failed: Vec<_> = fx.deadlines_failed().map(|d| d.error).collect();
    assert_eq!(failed, vec!["no route out of step `decide` applies"]);
    // Only the failure was recorded: the token did not move.
    assert_eq!(fx.entries.len(), 1);
    assert_eq!(case.active_steps(), vec!["work"]);
    assert_eq!(case.open_tasks_for("alarm_team").len(), 1);
    assert!(case.pending_deadlines().is_empty());
    ok(case.complete_task(
        &r,
        "work",
        "Bo",
        "alarm_team",
        json!(null),
        t(2026, 3, 21, 0),
    ));
    assert_eq!(case.outcome(), Some("done"));
}

#[test]
fn a_wait_that_cannot_go_on_is_journaled_and_stops_waiting() {
    let r = bare(
        "wait",
        vec![
            step(
                "wait",
                StepKind::Wait {
                    until: expr("decision_date"),
                },
                vec![crate::model::Route {
                    set: Vec::new(),
                    when: Some(expr("area_group == 'saltis'")),
                    to: "done".into(),
                    local_choice: None,
                    title: None,
                }],
            ),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    let (mut case, fx) = ok(Case::start(
        &r,
        "c",
        json!({"decision_date": "2026-03-09", "area_group": "boo"}),
        t(2026, 3, 2, 8),
    ));
    assert_eq!(fx.waits_failed().count(), 0);
    let fx = ok(case.advance(&r, t(2026, 3, 20, 0)));
    let failed: Vec<_> = fx.waits_failed().map(|w| (w.step, w.at, w.error)).collect();
    assert_eq!(
        failed,
        vec![(
            "wait",
            t(2026, 3, 9, 0),
            "no route out of step `wait` applies"
        )]
    );
    assert_eq!(case.active_steps(), vec!["wait"]);
    assert_eq!(case.next_due(), None);
    assert!(ok(case.advance(&r, t(2026, 4, 1, 0))).is_empty());
    assert_eq!(ok(Case::replay(&r, case.journal())), case);
}
