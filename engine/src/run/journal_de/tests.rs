//! The one-pass reading against serde's derived one (`Derived`, the oracle):
//! every golden journal reads back to the same entries and writes back to
//! the same bytes; reordered, changed and damaged entries are read the same
//! by both or refused by both.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use super::Tagged;
use crate::run::journal::{Actor, ArmedId, JournalEntry, Name, Record, TokenId};

/// serde's derived reading of an entry, as `JournalEntry` had it.
#[derive(Deserialize)]
#[serde(remote = "JournalEntry")]
struct Derived {
    seq: u64,
    at: NaiveDateTime,
    actor: Actor,
    #[serde(flatten, with = "Tagged")]
    record: Record,
}

/// An entry read by the derived reading.
struct ByDerived(JournalEntry);

impl<'de> Deserialize<'de> for ByDerived {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Derived::deserialize(d).map(ByDerived)
    }
}

fn fast(json: &str) -> Result<JournalEntry, serde_json::Error> {
    serde_json::from_str(json)
}

fn derived(json: &str) -> Result<JournalEntry, serde_json::Error> {
    serde_json::from_str::<ByDerived>(json).map(|e| e.0)
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/tests/snapshots/journals")
}

/// Each golden journal's JSON (the snapshot's body).
fn goldens() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(golden_dir()) else {
        return out;
    };
    for file in dir.flatten() {
        let text = std::fs::read_to_string(file.path()).unwrap_or_default();
        // An insta snapshot: `---`, its header, `---`, then the body.
        if let Some(body) = text.splitn(3, "---\n").nth(2) {
            out.push((
                file.file_name().to_string_lossy().into_owned(),
                body.trim_end().to_owned(),
            ));
        }
    }
    out.sort();
    out
}

fn at(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_default()
}

/// Entries of the records no golden journal holds.
fn rare() -> Vec<JournalEntry> {
    let name = Name::from;
    let records = vec![
        Record::JoinsReset,
        Record::DeadlineNotArmed {
            deadline: name("remind"),
            step: None,
            field: name("decision_date"),
        },
        Record::DeadlineFailed {
            armed: ArmedId(3),
            deadline: name("remind"),
            step: Some(name("check")),
            error: "no route \"applies\"".into(),
        },
        Record::DeadlineMessageFailed {
            armed: ArmedId(4),
            deadline: name("remind"),
            step: None,
            template: name("a7.j2"),
            error: "group_of gave no group".into(),
        },
        Record::WaitFailed {
            token: TokenId(2),
            step: name("wait"),
            error: "å ä ö \u{1}".into(),
        },
        Record::DeadlineSkipped {
            armed: ArmedId(5),
            deadline: name("remind"),
            step: Some(name("check")),
        },
        Record::RoutineChanged {
            from_version: "1".into(),
            version: "2".into(),
        },
    ];
    records
        .into_iter()
        .enumerate()
        .map(|(i, record)| JournalEntry {
            seq: i as u64 + 1,
            at: at(8),
            actor: Actor::Clock,
            record,
        })
        .collect()
}

/// Every entry of every golden journal and the rare ones, as JSON objects.
fn corpus() -> &'static [Vec<(String, Value)>] {
    static CORPUS: std::sync::OnceLock<Vec<Vec<(String, Value)>>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(read_corpus)
}

fn read_corpus() -> Vec<Vec<(String, Value)>> {
    let mut entries: Vec<Value> = Vec::new();
    for (_, body) in goldens() {
        if let Ok(Value::Array(list)) = serde_json::from_str(&body) {
            entries.extend(list);
        }
    }
    for entry in rare() {
        entries.extend(serde_json::to_value(entry).ok());
    }
    entries
        .into_iter()
        .filter_map(|e| match e {
            Value::Object(map) => Some(map.into_iter().collect()),
            _ => None,
        })
        .collect()
}

/// Writes an object with its keys in this order (serde_json's map sorts them).
fn object(pairs: &[(String, Value)]) -> String {
    let fields: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), v))
        .collect();
    format!("{{{}}}", fields.join(","))
}

#[test]
fn every_golden_journal_reads_as_derived_and_writes_back_the_same() {
    let goldens = goldens();
    assert!(goldens.len() >= 40, "the golden journals were not found");
    for (name, body) in goldens {
        let journal: Vec<JournalEntry> =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        let by_derived: Vec<ByDerived> =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(journal.iter().eq(by_derived.iter().map(|e| &e.0)), "{name}");
        let again = serde_json::to_string_pretty(&journal).unwrap_or_default();
        assert_eq!(again, body, "{name}");
    }
}

#[test]
fn the_rare_records_round_trip() {
    for entry in rare() {
        let json = serde_json::to_string(&entry).unwrap_or_default();
        assert_eq!(fast(&json).ok(), Some(entry.clone()), "{json}");
        assert_eq!(derived(&json).ok(), Some(entry), "{json}");
    }
}

#[test]
fn errors_name_what_is_wrong_and_where() {
    let cases = [
        (
            r#"{"seq":1,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"}}"#,
            "missing field `type`",
        ),
        (
            r#"{"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":"joins_reset"}"#,
            "missing field `seq`",
        ),
        (
            r#"{"seq":1,"seq":2,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":"joins_reset"}"#,
            "duplicate field `seq`",
        ),
        (
            r#"{"seq":1,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":"joins_reset","type":"joins_reset"}"#,
            "duplicate field `type`",
        ),
        (
            r#"{"seq":1,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":"step_entered","token":0}"#,
            "missing field `step`",
        ),
        (
            r#"{"seq":1,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":"step_entred"}"#,
            "unknown variant `step_entred`",
        ),
        (
            r#"{"seq":1,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":"step_entered","token":"x","step":"a"}"#,
            "invalid type: string \"x\", expected u32 at line 1 column 94",
        ),
    ];
    for (json, says) in cases {
        let error = fast(json).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains(says), "{json}: {error}");
        assert!(derived(json).is_err(), "{json}");
    }
}

#[test]
fn every_entry_with_its_keys_in_reverse_reads_as_derived() {
    let corpus = corpus();
    assert!(corpus.len() > 1000, "the corpus was not read");
    for pairs in corpus {
        let json = object(&pairs.iter().rev().cloned().collect::<Vec<_>>());
        let (a, b) = (fast(&json), derived(&json));
        assert!(a.is_ok(), "{json}: {a:?}");
        assert_eq!(a.ok(), b.ok(), "{json}");
    }
}

#[test]
fn an_actor_as_a_list_is_taken_as_the_derived_reading_takes_it() {
    for actor in [
        r#"["person","Anna","alarm_team"]"#,
        r#"["clock"]"#,
        r#"["person","Anna"]"#,
        "[]",
    ] {
        let json = format!(
            r#"{{"seq":1,"at":"2026-03-02T08:00:00","actor":{actor},"type":"joins_reset"}}"#
        );
        assert_eq!(fast(&json).ok(), derived(&json).ok(), "{json}");
        assert_eq!(
            fast(&json).is_ok(),
            actor.len() > 20 || actor.contains("clock"),
            "{json}"
        );
    }
}

#[test]
fn a_variant_index_is_taken_as_the_derived_reading_takes_it() {
    let json = r#"{"seq":1,"at":"2026-03-02T08:00:00","actor":{"kind":"clock"},"type":5}"#;
    assert_eq!(fast(json).ok(), derived(json).ok());
    assert_eq!(fast(json).ok().map(|e| e.record), Some(Record::JoinsReset));
}

/// What the derived reading gives, the fast one gives: equal entries or both refused.
fn same(json: &str) -> Result<(), TestCaseError> {
    match (fast(json), derived(json)) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(&a, &b, "{}", json);
            let again =
                serde_json::to_string(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(fast(&again).ok(), Some(a), "{}", json);
        }
        (Err(_), Err(_)) => {}
        (a, b) => prop_assert!(false, "{json}: fast {a:?}, derived {b:?}"),
    }
    Ok(())
}

/// A change to one entry's keys and values.
#[derive(Debug, Clone)]
enum Change {
    Drop(usize),
    Duplicate(usize, usize),
    Replace(usize, Value),
    Rename(usize, String),
    Add(usize, String, Value),
    /// The value of another key of another entry.
    Borrow(usize, usize, usize),
}

fn some_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(1.5)),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(Value::from("2026-03-02")),
        Just(Value::from("2026-03-02T08:00:00")),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..3)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn some_key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "seq",
            "at",
            "actor",
            "type",
            "step",
            "token",
            "values",
            "data",
            "task",
            "id",
            "deadline",
            "armed",
            "to",
            "from",
            "body",
            "kind",
            "counted_from",
            "error",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,10}",
    ]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        any::<usize>().prop_map(Change::Drop),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Change::Duplicate(a, b)),
        (any::<usize>(), some_value()).prop_map(|(a, v)| Change::Replace(a, v)),
        (any::<usize>(), some_key()).prop_map(|(a, k)| Change::Rename(a, k)),
        (any::<usize>(), some_key(), some_value()).prop_map(|(a, k, v)| Change::Add(a, k, v)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, e, k)| Change::Borrow(a, e, k)),
    ]
}

fn apply(pairs: &mut Vec<(String, Value)>, change: &Change, corpus: &[Vec<(String, Value)>]) {
    let len = pairs.len();
    let n = len.max(1);
    match change {
        Change::Drop(i) if !pairs.is_empty() => {
            pairs.remove(i % n);
        }
        Change::Duplicate(i, to) if !pairs.is_empty() => {
            let pair = pairs[i % n].clone();
            pairs.insert(to % (len + 1), pair);
        }
        Change::Replace(i, v) if !pairs.is_empty() => pairs[i % n].1 = v.clone(),
        Change::Rename(i, k) if !pairs.is_empty() => pairs[i % n].0 = k.clone(),
        Change::Add(i, k, v) => pairs.insert(i % (len + 1), (k.clone(), v.clone())),
        Change::Borrow(i, e, k) if !pairs.is_empty() && !corpus.is_empty() => {
            let other = &corpus[e % corpus.len()];
            if let Some((_, v)) = other.get(k % other.len().max(1)) {
                pairs[i % n].1 = v.clone();
            }
        }
        _ => {}
    }
}

/// Applies a change inside the value of one key (the actor, a message's
/// addressees, a map of values) instead of the entry's own keys.
fn apply_inside(
    pairs: &mut [(String, Value)],
    at: usize,
    change: &Change,
    corpus: &[Vec<(String, Value)>],
) {
    let n = pairs.len();
    if n == 0 {
        return;
    }
    let value = &mut pairs[at % n].1;
    let target = match value {
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            &mut items[at % len]
        }
        other => other,
    };
    if let Value::Object(map) = target {
        let mut inner: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
        apply(&mut inner, change, corpus);
        *map = inner.into_iter().collect();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reordered_and_changed_entries_read_as_derived(
        entry in any::<usize>(),
        seed in any::<u64>(),
        changes in prop::collection::vec(change(), 0..3),
        inside in prop::collection::vec((any::<usize>(), change()), 0..2),
    ) {
        let corpus = corpus();
        prop_assume!(!corpus.is_empty());
        let mut pairs = corpus[entry % corpus.len()].clone();
        // A shuffle of the keys from the seed (a small LCG keeps it reproducible).
        let mut state = seed;
        for i in (1..pairs.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (state >> 33) as usize % (i + 1);
            if seed % 3 != 0 {
                pairs.swap(i, j);
            }
        }
        for c in &changes {
            apply(&mut pairs, c, corpus);
        }
        for (at, c) in &inside {
            apply_inside(&mut pairs, *at, c, corpus);
        }
        same(&object(&pairs))?;
    }

    #[test]
    fn damaged_text_reads_as_derived(
        entry in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), 0u8..3, any::<u8>()), 1..4),
    ) {
        let corpus = corpus();
        prop_assume!(!corpus.is_empty());
        let mut bytes = object(&corpus[entry % corpus.len()]).into_bytes();
        for (at, how, byte) in edits {
            let n = bytes.len().max(1);
            let byte = b"{}[]\":,0123456789.-etrunl\\ ax".get(byte as usize % 30).copied().unwrap_or(b'x');
            match how {
                0 if !bytes.is_empty() => { bytes.remove(at % n); }
                1 => bytes.insert(at % (n + 1), byte),
                _ if !bytes.is_empty() => bytes[at % n] = byte,
                _ => {}
            }
        }
        if let Ok(json) = String::from_utf8(bytes) {
            same(&json)?;
        }
    }
}
