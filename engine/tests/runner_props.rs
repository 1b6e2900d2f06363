//! Random command sequences through the runner and the SQLite store give
//! the case the same commands give in memory, refusals included.

#![allow(clippy::unwrap_used)]

use chrono::{Duration, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use rutin::run::{Case, CaseId, TaskRef};
use rutin::runner::Runner;
use rutin::store::sqlite::{SqliteOptions, SqliteStore};
use rutin::store::CaseStore;
use serde_json::json;

#[derive(Debug, Clone)]
enum Cmd {
    /// Complete the n-th open task in its role (or in a wrong role).
    Complete {
        pick: usize,
        good_role: bool,
        flag: bool,
        hours: i64,
    },
    /// Deliver the correction.
    Deliver { flag: bool, hours: i64 },
    /// Let time pass.
    Advance { hours: i64 },
    /// Go back in time (refused).
    Back { hours: i64 },
}

fn cmd() -> impl Strategy<Value = Cmd> {
    prop_oneof![
        4 => (0usize..3, prop::bool::weighted(0.8), any::<bool>(), 0i64..60)
            .prop_map(|(pick, good_role, flag, hours)| Cmd::Complete { pick, good_role, flag, hours }),
        2 => (any::<bool>(), 0i64..200).prop_map(|(flag, hours)| Cmd::Deliver { flag, hours }),
        2 => (0i64..900).prop_map(|hours| Cmd::Advance { hours }),
        1 => (1i64..50).prop_map(|hours| Cmd::Back { hours }),
    ]
}

fn start() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 2, 2)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn the_store_holds_what_memory_holds(cmds in prop::collection::vec(cmd(), 1..25)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rutin.db");
        let bundle = rutin::store::contract::fixture_bundle();
        let routine = bundle.compile().routine.unwrap();
        let id = CaseId::from("P-1");
        let data = json!({"decision_date": "2026-01-31", "area": "area_a"});
        let mut store = SqliteStore::open(&path, &SqliteOptions::default()).unwrap();
        Runner::new().start(&mut store, &bundle, &id, data.clone(), start()).unwrap();
        let (mut memory, _) = Case::start(&routine, id.clone(), data, start()).unwrap();
        let mut now = start();
        for cmd in cmds {
            // A new runner and handle per command, as separate processes.
            let mut runner = Runner::new();
            let mut store = SqliteStore::open(&path, &SqliteOptions::default()).unwrap();
            let (in_memory, stored) = match cmd {
                Cmd::Complete { pick, good_role, flag, hours } => {
                    now += Duration::hours(hours);
                    let task = memory.open_tasks().get(pick).map(|t| (*t).clone());
                    let Some(task) = task else { continue };
                    let role = if good_role { task.role.to_string() } else { "nobody".to_string() };
                    let values = match task.step.as_deref() {
                        Some("receive") => json!({"order_ok": flag}),
                        Some("install") => json!({"key_number": "K-1", "keys_needed": 2, "installed": flag}),
                        _ => json!({}),
                    };
                    let m = memory.complete_task(&routine, TaskRef::Id(task.id), "P", &role, values.clone(), now);
                    let s = runner.complete_task(&mut store, &id, TaskRef::Id(task.id), "P", &role, values, now);
                    (m.is_ok(), s.map(|c| c.case))
                }
                Cmd::Deliver { flag, hours } => {
                    now += Duration::hours(hours);
                    let values = json!({"order_ok": flag});
                    let m = memory.deliver(&routine, "corrected", values.clone(), now);
                    let s = runner.deliver(&mut store, &id, "corrected", values, now);
                    (m.is_ok(), s.map(|c| c.case))
                }
                Cmd::Advance { hours } => {
                    now += Duration::hours(hours);
                    let m = memory.advance(&routine, now);
                    let s = runner.advance(&mut store, &id, now);
                    (m.is_ok(), s.map(|c| c.case))
                }
                Cmd::Back { hours } => {
                    let back = memory.latest() - Duration::hours(hours);
                    let m = memory.advance(&routine, back);
                    let s = runner.advance(&mut store, &id, back);
                    (m.is_ok(), s.map(|c| c.case))
                }
            };
            prop_assert_eq!(in_memory, stored.is_ok(), "{:?}", stored.as_ref().err());
            if let Ok(case) = stored {
                prop_assert_eq!(&case, &memory);
            }
            let loaded = store.load(&id).unwrap();
            prop_assert_eq!(loaded.journal.as_slice(), memory.journal());
            prop_assert_eq!(loaded.index.next_due, if memory.is_ended() { None } else { memory.next_due() });
        }
    }
}
