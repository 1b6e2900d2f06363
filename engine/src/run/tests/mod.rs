//! Tests of the runtime against the fixture routine.

pub(crate) mod fixture;

pub(crate) mod assign;
mod assignments;
mod case_events;
mod commands;
mod deadlines;
mod errors;
mod journal;
mod memory;
mod messages;
mod personnummer;
mod props;
mod props_extras;
mod redact;
mod rules;
mod schedule;
mod senders;
mod texts;
mod time_of_day;
mod visibility;

use serde_json::{json, Value as Json};

use super::{Case, Effects, RunError};
use crate::model::Routine;
use fixture::t;

/// The case's full state and journal as JSON, to compare before and after.
pub(crate) fn snapshot(case: &Case) -> String {
    serde_json::to_string(&(&case.state, &case.journal)).unwrap_or_else(|e| panic!("snapshot: {e}"))
}

pub(crate) fn ok<T>(result: Result<T, RunError>) -> T {
    result.unwrap_or_else(|e| panic!("command refused: {e}"))
}

/// The fixture case started on 2026-01-15 08:00 for area group `saltis`.
pub(crate) fn started() -> (Routine, Case, Effects) {
    let routine = fixture::routine();
    let (case, effects) = ok(Case::start(
        &routine,
        "case-1",
        json!({"decision_date": "2026-01-15", "area_group": "saltis"}),
        t(2026, 1, 15, 8),
    ));
    (routine, case, effects)
}

/// Completes a step's task as a member of `role`.
pub(crate) fn complete(
    routine: &Routine,
    case: &mut Case,
    step: &str,
    role: &str,
    values: Json,
    at: chrono::NaiveDateTime,
) -> Effects {
    case.complete_task(routine, step, "Anna Andersson", role, values, at)
        .unwrap_or_else(|e| panic!("completing {step}: {e}"))
}

/// Accepts the order (15 January, 09:00) and records the phone call with
/// `call` at `call_at`: the case then stands at `install`. Returns the
/// effects of the call.
pub(crate) fn through_call(
    routine: &Routine,
    case: &mut Case,
    call: Json,
    call_at: chrono::NaiveDateTime,
) -> Effects {
    complete(
        routine,
        case,
        "receive_order",
        "alarm_team",
        json!({"order_ok": true}),
        t(2026, 1, 15, 9),
    );
    complete(routine, case, "call_client", "alarm_team", call, call_at)
}

/// The fixture case after the order was accepted: at `install`, with the
/// hidden key number set.
pub(crate) fn at_install() -> (Routine, Case) {
    let (routine, mut case, _) = started();
    through_call(
        &routine,
        &mut case,
        json!({"keys_needed": true, "install_date": "2026-02-02", "key_number": "K-4711-SECRET"}),
        t(2026, 1, 16, 9),
    );
    (routine, case)
}
