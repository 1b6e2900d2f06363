//! Random assignments and case-wide events for the property tests: `set:`
//! on random steps, routes, deadlines and events, with expressions that
//! count, date, clear, change what routes and conditions read, and
//! sometimes fail at run time (a value of the wrong type, a broken rule, a
//! division by zero); case-wide events that go to a random step or end the
//! case, carrying values checked by field rules.

use proptest::prelude::*;

use super::fixture;
use crate::model::{Assignment, CaseEvent, Expr, FieldType, Interrupt, Routine, Rules, StepKind};

/// One `set:` entry: where (an index into every place of the routine),
/// which field, which expression (indices into the pools below).
pub(super) type SetSpec = (usize, usize, usize);

/// One case-wide event: what it does then (an index into [`THEN`]),
/// whether it requires `comment`, and its own `set:` (field, expression).
pub(super) type EventSpec = (usize, bool, Vec<(usize, usize)>);

/// Random assignments and case-wide events to add to the fixture routine.
#[derive(Debug, Clone)]
pub(super) struct Extras {
    pub(super) sets: Vec<SetSpec>,
    pub(super) events: Vec<EventSpec>,
}

pub(super) fn extras() -> impl Strategy<Value = Extras> {
    let set = (0usize..64, 0usize..16, 0usize..8);
    let event = (
        0usize..16,
        any::<bool>(),
        prop::collection::vec((0usize..16, 0usize..8), 0..3),
    );
    (
        prop::collection::vec(set, 0..8),
        prop::collection::vec(event, 0..3),
    )
        .prop_map(|(sets, events)| Extras { sets, events })
}

/// The case-wide events' names, in the order they are added.
const CASE_EVENTS: &[&str] = &["withdrawn", "moved", "reopened"];

/// Where a case-wide event may take the case: every step outside the
/// parallel block's branches (a `goto` into a branch is a check error), or
/// an end with an outcome.
const THEN: &[Option<&str>] = &[
    Some("receive_order"),
    Some("check_order"),
    Some("send_back"),
    Some("wait_correction"),
    Some("call_client"),
    Some("install"),
    Some("notify_installed"),
    Some("execute"),
    Some("wait_followup"),
    Some("followup"),
    Some("done"),
    None,
];

/// Fields a `set:` may give a value to: new counters, dates, flags and a
/// text with a rule, and fields of the fixture that routes, deadline
/// conditions, waits and recipients read.
const TARGETS: &[&str] = &[
    "moves",
    "last_move",
    "flag",
    "tag",
    "installed",
    "order_ok",
    "install_date",
    "note",
    "area_group",
    "visits",
    "moves",
    "keys_needed",
    "comment",
    "last_move",
    "flag",
    "tag",
];

/// Expressions for a field of each type (`F` stands for the field). Each
/// pool has values the field takes and some it cannot hold or that fail.
fn pool(ty: &FieldType) -> &'static [&'static str] {
    match ty {
        FieldType::Integer => &[
            "(F or 0) + 1",
            "(F or 0) + 1",
            "none",
            "(moves or 0) * 2",
            "100 // ((moves or 0) % 3)",
            "'many'",
            "(F or 0) - 1",
            "(visits or 0) + (moves or 0)",
        ],
        FieldType::Date => &[
            "today",
            "date_add(today, '1 week')",
            "none",
            "'soon'",
            "date_add(decision_date, '1 month')",
            "date_sub(today, '2 days')",
            "today",
            "F",
        ],
        FieldType::Boolean => &[
            "true",
            "false",
            "not (F or false)",
            "(moves or 0) > 2",
            "none",
            "'yes'",
            "true",
            "F is none",
        ],
        FieldType::Enum { .. } => &[
            "'boo'", "'saltis'", "'intake'", "'boo'", "'saltis'", "F", "'boo'", "none",
        ],
        _ => &[
            "case.id",
            "'x' ~ (moves or 0)",
            "'' ~ today",
            "none",
            "''",
            "F",
            "'ok'",
            "(F or '') ~ 'x'",
        ],
    }
}

fn assignment(routine: &Routine, field: usize, expr: usize) -> Assignment {
    let id = TARGETS[field % TARGETS.len()];
    let ty = routine.field(id).map_or(FieldType::Text, |f| f.ty.clone());
    let exprs = pool(&ty);
    Assignment {
        field: id.into(),
        value: Expr(exprs[expr % exprs.len()].replace('F', id)),
    }
}

/// The fixture routine with the extras: new fields, the `set:` entries at
/// their places and the case-wide events.
pub(super) fn with_extras(mut routine: Routine, extras: &Extras) -> Routine {
    routine
        .fields
        .push(fixture::field("moves", FieldType::Integer));
    routine
        .fields
        .push(fixture::field("last_move", FieldType::Date));
    routine
        .fields
        .push(fixture::field("flag", FieldType::Boolean));
    let mut tag = fixture::field("tag", FieldType::Text);
    tag.rules = Rules {
        max_length: Some(4),
        ..Rules::default()
    };
    routine.fields.push(tag);
    for &(place, field, expr) in &extras.sets {
        let a = assignment(&routine, field, expr);
        if let Some(set) = place_of(&mut routine, place) {
            set.push(a);
        }
    }
    for (i, (then, requires, set)) in extras.events.iter().enumerate() {
        let Some(id) = CASE_EVENTS.get(i) else {
            break;
        };
        let set = set
            .iter()
            .map(|&(f, e)| assignment(&routine, f, e))
            .collect();
        routine.events.push(CaseEvent {
            id: (*id).into(),
            title: format!("Händelse {id}"),
            from: Some("assessor".into()),
            collects: if *requires {
                vec!["comment".into()]
            } else {
                Vec::new()
            },
            optional: vec!["note".into()],
            set,
            then: match THEN[then % THEN.len()] {
                Some(step) => Interrupt::Goto(step.into()),
                None => Interrupt::End(format!("ended_by_{id}")),
            },
            source: Vec::new(),
        });
    }
    routine
}

/// The `set:` list at place `n` of every place the routine has one: each
/// step but the parallel ones, each route, each step deadline, each case
/// deadline (counted round).
fn place_of(routine: &mut Routine, n: usize) -> Option<&mut Vec<Assignment>> {
    let mut places: Vec<&mut Vec<Assignment>> = Vec::new();
    for step in &mut routine.steps {
        if !matches!(step.kind, StepKind::Parallel { .. }) {
            places.push(&mut step.set);
        }
        for route in &mut step.routes {
            places.push(&mut route.set);
        }
        for d in &mut step.deadlines {
            places.push(&mut d.set);
        }
    }
    for d in &mut routine.deadlines {
        places.push(&mut d.set);
    }
    let count = places.len();
    places.into_iter().nth(n % count.max(1))
}
