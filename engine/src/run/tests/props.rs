//! Property tests: random sequences of valid and invalid commands against
//! the fixture routine.

use proptest::prelude::*;
use serde_json::{json, Value as Json};

use super::fixture::{self, t};
use super::props_extras::{extras, with_extras};
use super::snapshot;
use crate::model::{FieldType, Routine, StepKind};
use crate::run::visibility::may_see;
use crate::run::{Case, Effects, Record, RunError, TaskId};

const SECRET: &str = "K-4711-SECRET";
/// A hidden date (far beyond any time the commands reach), and the prefix
/// every date computed from it shares.
const SECRET_DATE: &str = "2090-07-23";
const SECRET_YEAR: &str = "2090-";
const ROLES: &[&str] = &[
    "alarm_team",
    "assessor",
    "alarm_assessor",
    "fee_admin",
    "coordinator_day",
    "coordinator_night",
    "nobody",
];
/// Events delivered: the fixture's, one it does not know, and the case-wide
/// events of `props_extras::CASE_EVENTS` (unknown unless generated).
const EVENTS: &[&str] = &[
    "order_corrected",
    "phone_call",
    "withdrawn",
    "moved",
    "reopened",
];

#[derive(Debug, Clone)]
enum Cmd {
    /// Complete an open task (picked by index) with well-typed values.
    Good { pick: usize, seed: u64, hours: u32 },
    /// Complete something with arbitrary role and values.
    Wild {
        pick: usize,
        by_step: bool,
        role: usize,
        values: Vec<(usize, usize)>,
        hours: u32,
    },
    /// Deliver an event.
    Deliver {
        event: usize,
        good: bool,
        seed: u64,
        values: Vec<(usize, usize)>,
        hours: u32,
    },
    /// Advance the clock.
    Advance { hours: u32 },
    /// Try to go back in time.
    Back { hours: u32 },
}

fn cmd() -> impl Strategy<Value = Cmd> {
    let values = prop::collection::vec((0usize..20, 0usize..8), 0..4);
    prop_oneof![
        4 => (0usize..4, any::<u64>(), 0u32..100).prop_map(|(pick, seed, hours)| Cmd::Good { pick, seed, hours }),
        2 => (0usize..20, any::<bool>(), 0usize..8, values.clone(), 0u32..100)
            .prop_map(|(pick, by_step, role, values, hours)| Cmd::Wild { pick, by_step, role, values, hours }),
        3 => (0usize..EVENTS.len(), any::<bool>(), any::<u64>(), values, 0u32..400)
            .prop_map(|(event, good, seed, values, hours)| Cmd::Deliver { event, good, seed, values, hours }),
        2 => (0u32..3000).prop_map(|hours| Cmd::Advance { hours }),
        1 => (1u32..200).prop_map(|hours| Cmd::Back { hours }),
    ]
}

/// A value of the type, chosen by `n`: mostly valid, sometimes not.
fn value_of(ty: &FieldType, n: u64) -> Json {
    match ty {
        FieldType::Text => [json!("text"), json!("")][(n % 2) as usize].clone(),
        FieldType::Integer => json!(n % 7),
        FieldType::Boolean => json!(n.is_multiple_of(2)),
        FieldType::Date => {
            ["2026-01-20", "2026-02-28", "2025-10-31", "2026-06-19"][(n % 4) as usize].into()
        }
        FieldType::Period => json!({"from": "2026-01-01", "to": "2026-12-31"}),
        FieldType::Enum { values } => values
            .get((n as usize) % values.len().max(1))
            .cloned()
            .map_or(Json::Null, Json::from),
        FieldType::Personnummer => {
            ["121212-1212", "19811218-9876", "811218-9875"][(n % 3) as usize].into()
        }
        FieldType::List { items } => json!([value_of(items, n)]),
    }
}

const WILD_VALUES: &[fn() -> Json] = &[
    || json!(42),
    || json!("yes"),
    || json!("2026-02-30"),
    || json!(null),
    || json!(true),
    || json!("intake"),
    || json!(["a", 1]),
    || json!({"from": "2026-02-01", "to": "2026-01-01"}),
];

fn wild(routine: &Routine, values: &[(usize, usize)]) -> Json {
    let mut map = serde_json::Map::new();
    for &(f, v) in values {
        let name = routine
            .fields
            .get(f)
            .map_or_else(|| format!("unknown_{f}"), |f| f.id.clone());
        let value = match routine.fields.get(f) {
            Some(field) if field.id == "key_number" && v < 3 => json!(SECRET),
            Some(field) if field.id == "handover_date" && v < 3 => json!(SECRET_DATE),
            Some(field) if v < 3 => value_of(&field.ty, v as u64),
            _ => WILD_VALUES[v % WILD_VALUES.len()](),
        };
        map.insert(name, value);
    }
    Json::Object(map)
}

fn good(routine: &Routine, fields: &[String], seed: u64) -> Json {
    let mut map = serde_json::Map::new();
    for (i, id) in fields.iter().enumerate() {
        if id == "key_number" {
            map.insert(id.clone(), json!(SECRET));
        } else if id == "handover_date" {
            map.insert(id.clone(), json!(SECRET_DATE));
        } else if let Some(field) = routine.field(id) {
            map.insert(
                id.clone(),
                value_of(&field.ty, seed.rotate_left(i as u32 * 7)),
            );
        }
    }
    Json::Object(map)
}

fn step_fields(routine: &Routine, step: Option<&str>, deadline: Option<&str>) -> Vec<String> {
    let Some(step) = step.and_then(|s| routine.step(s)) else {
        return Vec::new();
    };
    if let Some(d) = deadline {
        return step
            .deadlines
            .iter()
            .find(|x| x.id == d)
            .and_then(|x| x.task.as_ref())
            .map(|t| t.collects.clone())
            .unwrap_or_default();
    }
    match &step.kind {
        StepKind::Task {
            collects, optional, ..
        }
        | StepKind::Event {
            collects, optional, ..
        } => collects.iter().chain(optional.iter()).cloned().collect(),
        _ => Vec::new(),
    }
}

fn apply(
    routine: &Routine,
    case: &mut Case,
    now: &mut chrono::NaiveDateTime,
    cmd: &Cmd,
) -> Result<Effects, RunError> {
    let later = |now: &mut chrono::NaiveDateTime, hours: u32| {
        *now += chrono::Duration::hours(i64::from(hours));
        *now
    };
    match cmd {
        Cmd::Good { pick, seed, hours } => {
            let tasks = case.open_tasks();
            let Some(task) = tasks.get(pick % tasks.len().max(1)).map(|t| (*t).clone()) else {
                return case.advance(routine, later(now, *hours));
            };
            let fields = step_fields(routine, task.step.as_deref(), task.deadline.as_deref());
            let values = good(routine, &fields, *seed);
            case.complete_task(
                routine,
                task.id,
                "Anna",
                &task.role,
                values,
                later(now, *hours),
            )
        }
        Cmd::Wild {
            pick,
            by_step,
            role,
            values,
            hours,
        } => {
            let values = wild(routine, values);
            let role = ROLES[role % ROLES.len()];
            let at = later(now, *hours);
            if *by_step {
                let step = routine
                    .steps
                    .get(pick % routine.steps.len())
                    .map_or("nope", |s| s.id.as_str());
                case.complete_task(routine, step, "Bo", role, values, at)
            } else {
                case.complete_task(routine, TaskId(*pick as u32), "Bo", role, values, at)
            }
        }
        Cmd::Deliver {
            event,
            good: is_good,
            seed,
            values,
            hours,
        } => {
            let name = EVENTS[event % EVENTS.len()];
            let values = if *is_good {
                let fields = match routine.case_event(name) {
                    Some(e) => [e.collects.clone(), e.optional.clone()].concat(),
                    None => vec!["order_ok".to_string(), "comment".to_string()],
                };
                good(routine, &fields, *seed)
            } else {
                wild(routine, values)
            };
            case.deliver(routine, name, values, later(now, *hours))
        }
        Cmd::Advance { hours } => case.advance(routine, later(now, *hours)),
        Cmd::Back { hours } => {
            let at = case.latest() - chrono::Duration::hours(i64::from(*hours));
            case.advance(routine, at)
        }
    }
}

/// The fixture routine with a date only the alarm team may see
/// (`handover_date`, recorded by `call_client`), which `wait_followup` waits
/// for and a repeating deadline of `install` counts from.
fn with_hidden_date(mut routine: Routine) -> Routine {
    use crate::model::{DeadlineStart, EscalationTask, Expr, Field, Repeat, Visibility};
    routine.fields.push(Field {
        id: "handover_date".into(),
        ty: FieldType::Date,
        required: false,
        description: None,
        example: None,
        visibility: Visibility::Roles(std::collections::BTreeSet::from(["alarm_team".to_string()])),
        rules: crate::model::Rules::default(),
        local_choice: None,
        name: None,
        groups: Default::default(),
    });
    let mut handover = fixture::deadline("handover", "1 week");
    handover.from = DeadlineStart::Field("handover_date".into());
    handover.task = Some(EscalationTask {
        role: "alarm_assessor".into(),
        title: "Kontrollera överlämningen".into(),
        instructions: None,
        collects: Vec::new(),
    });
    handover.repeat = Some(Repeat {
        every: fixture::dur("1 month"),
        times: Some(2),
    });
    for step in &mut routine.steps {
        match (step.id.as_str(), &mut step.kind) {
            ("call_client", StepKind::Task { optional, .. }) => {
                optional.push("handover_date".into());
            }
            ("install", _) => step.deadlines.push(handover.clone()),
            ("wait_followup", StepKind::Wait { until }) => {
                *until = Expr(
                    "handover_date if handover_date else date_add(install_date, '1 month')".into(),
                );
            }
            _ => {}
        }
    }
    routine
}

/// Nothing a role may not see shows up in its view or in a message to it.
fn check_visibility(routine: &Routine, case: &Case) -> Result<(), TestCaseError> {
    for role in ROLES {
        let view = case.view_for(routine, role);
        let text = serde_json::to_string(&view).unwrap_or_default();
        if !may_see(routine, Some(role), "key_number") {
            prop_assert!(!text.contains(SECRET), "{} sees the key number", role);
        }
        if routine.field("handover_date").is_some()
            && !may_see(routine, Some(role), "handover_date")
        {
            prop_assert!(
                !text.contains(SECRET_YEAR),
                "{} sees a date computed from the handover date",
                role
            );
        }
        for f in view.fields.keys() {
            prop_assert!(may_see(routine, Some(role), f));
        }
    }
    for entry in case.journal() {
        if let Record::MessageSent(m) = &entry.record {
            for r in m.recipients() {
                for f in &m.fields_used {
                    prop_assert!(
                        may_see(routine, r.sees_as.as_deref(), f),
                        "{} got {}",
                        r.id,
                        f
                    );
                }
                if !may_see(routine, r.sees_as.as_deref(), "key_number") {
                    prop_assert!(!m.body.contains(SECRET), "message to {} leaks", r.id);
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_keep_every_promise(
        area in 0usize..2,
        decision in prop::sample::select(vec!["2025-09-30", "2026-01-15", "2026-01-31"]),
        with_key in any::<bool>(),
        hidden_date in any::<bool>(),
        extend in any::<bool>(),
        extra in extras(),
        cmds in prop::collection::vec(cmd(), 1..40),
    ) {
        let routine = if hidden_date {
            with_hidden_date(fixture::routine())
        } else {
            fixture::routine()
        };
        let routine = if extend { with_extras(routine, &extra) } else { routine };
        let area = ["saltis", "boo"][area];
        let mut data = json!({"decision_date": decision, "area_group": area});
        if with_key {
            data["key_number"] = json!(SECRET);
        }
        let mut now = t(2026, 1, 15, 8);
        let (mut case, _) = Case::start(&routine, "p", data, now).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for cmd in &cmds {
            let before = case.clone();
            let before_json = snapshot(&case);
            match apply(&routine, &mut case, &mut now, cmd) {
                Err(_) => {
                    prop_assert_eq!(&case, &before);
                    prop_assert_eq!(snapshot(&case), before_json);
                }
                Ok(effects) => {
                    let n = before.journal().len();
                    prop_assert_eq!(&case.journal()[..n], before.journal());
                    prop_assert_eq!(&case.journal()[n..], &effects.entries[..]);
                }
            }
            let replayed = Case::replay(&routine, case.journal()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&replayed, &case);
        }
        check_visibility(&routine, &case)?;
        let times: Vec<_> = case.journal().iter().map(|e| e.at).collect();
        prop_assert!(times.windows(2).all(|w| w[0] <= w[1]), "journal times decrease");
        let fired: Vec<_> = case
            .journal()
            .iter()
            .filter(|e| matches!(e.record, Record::DeadlineFired { .. } | Record::DeadlineSkipped { .. }))
            .map(|e| e.at)
            .collect();
        prop_assert!(fired.windows(2).all(|w| w[0] <= w[1]), "deadlines fired out of order");
        // Every fired deadline fired no earlier than it was due.
        let mut due = std::collections::BTreeMap::new();
        for e in case.journal() {
            match &e.record {
                Record::DeadlineArmed(d) => { due.insert(d.armed, d.due); }
                Record::DeadlineFired { armed, .. } | Record::DeadlineSkipped { armed, .. } => {
                    let d = due.get(armed).copied();
                    prop_assert!(d.is_some_and(|d| d <= e.at));
                }
                _ => {}
            }
        }
        // The same commands give the same journal, byte for byte.
        let text = serde_json::to_string(&case).unwrap_or_default();
        let back: Case = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, case);
    }
}
